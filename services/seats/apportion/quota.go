package apportion

import (
	"context"
	"math/big"
	"math/bits"
	"sort"
)

// quotaOut is the outcome of a largest-remainder distribution.
type quotaOut struct {
	alloc     []int // contested seats removed
	tied      []int // participants tied at the remainder boundary
	contested int   // seats awarded among tied
	qn, qd    uint64
	whole     []int
	remNum    []uint64 // remainder = remNum/remDen
	remDen    []uint64
	hasRem    []bool
	overflow  int // seats taken back because whole quotas exceeded the seats
	rounds    int
}

// quotaOf returns the quota numerator and denominator for V votes, S seats.
func quotaOf(m Method, V uint64, S int) (qn, qd uint64) {
	s := uint64(S)
	switch m {
	case Hare:
		return V, s
	case Droop:
		return V/(s+1) + 1, 1
	case HagenbachBischoff:
		return V, s + 1
	case ImperialiQuota:
		return V, s + 2
	}
	panic("apportion: not a quota method")
}

// quotaAlloc distributes S seats by a quota method among participants with
// lo[i] <= seats <= hi[i]. The minimum seats are given first and the seats
// beyond them are distributed by the quota method on the votes (Whole and
// the remainders refer to that distribution).
//
// Within one round the method is "the S highest items": party i offers the
// items votes - u*quota for u = 0, 1, ... (at most hi-lo of them; a party
// without votes offers none). The items above zero are the whole quotas,
// the next one is the remainder, and items below zero are the extra rounds
// a tiny quota (Droop with about as many votes as seats) needs. So:
//   - whole quotas first, then the largest remainders, one per party per
//     round while seats are left;
//   - a party at its cap takes no remainder seat: the seat passes to the next
//     largest remainder (it never counts as tied for it);
//   - overflow rule: when the whole quotas exceed the seats
//     (Hagenbach-Bischoff, Imperiali) the excess seats are taken back one
//     each from the smallest remainders among the parties holding a whole
//     quota.
//
// Caps are met by rounds: when a party's whole quotas exceed its cap it is
// fixed at the cap and the quota is computed afresh among the others.
// Equal items at the boundary are a tie (tied, contested).
func quotaAlloc(ctx context.Context, m Method, votes []int64, lo, hi []int, S int) (*quotaOut, error) {
	n := len(votes)
	o := &quotaOut{
		alloc: make([]int, n), whole: make([]int, n),
		remNum: make([]uint64, n), remDen: make([]uint64, n), hasRem: make([]bool, n),
	}
	fixed := make([]bool, n)
	var act []int
	// Only a real cap starts a new round: one below the seats the round
	// distributes. Whole quotas above all of them (one party under
	// Hagenbach-Bischoff, or under Imperiali once the others are fixed at
	// their caps) are the overflow rule's case; fixing such a party at its
	// cap gave out more seats than there were (FuzzApportion).
	capped := func(i, Sr int) bool { return hi[i]-lo[i] < Sr }
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		o.rounds++
		o.tied, o.contested, o.overflow = nil, 0, 0
		Sr := S
		var Vr uint64
		act = act[:0]
		for i := range n {
			if fixed[i] {
				Sr -= hi[i]
			} else {
				act = append(act, i)
				Vr += uint64(votes[i])
				Sr -= lo[i]
			}
		}
		if len(act) == 0 {
			break
		}
		if Sr <= 0 || Vr == 0 {
			o.qn, o.qd = 0, 0
			for _, i := range act {
				o.whole[i], o.remNum[i], o.remDen[i], o.hasRem[i] = 0, 0, 1, Vr > 0
				o.alloc[i] = lo[i]
			}
			break
		}
		o.qn, o.qd = quotaOf(m, Vr, Sr)
		over := false
		for _, i := range act {
			h, l := bits.Mul64(uint64(votes[i]), o.qd)
			w, r := bits.Div64(h, l, o.qn)
			o.whole[i], o.remNum[i], o.remDen[i], o.hasRem[i] = int(w), r, o.qn, true
			if capped(i, Sr) && w > uint64(hi[i]-lo[i]) {
				over = true
			}
		}
		if over {
			for _, i := range act {
				if capped(i, Sr) && o.whole[i] > hi[i]-lo[i] {
					fixed[i] = true
					o.alloc[i] = hi[i]
				}
			}
			continue
		}
		o.items(ctx, act, votes, lo, hi, Sr)
		break
	}
	return o, ctx.Err()
}

// items gives the Sr seats of the last round: whole quotas, then level by
// level the next items (level 0 = remainders, level 1 = remainders minus a
// quota, ...) or, when the whole quotas exceed Sr, takes back the lowest
// whole items (level -1 = remainder plus a quota, ...).
func (o *quotaOut) items(ctx context.Context, act []int, votes []int64, lo, hi []int, Sr int) {
	free := make([]int, len(votes)) // seats above lo so far
	k := Sr
	for _, i := range act {
		free[i] = o.whole[i]
		k -= o.whole[i]
	}
	byRem := func(c []int, desc bool) {
		sort.SliceStable(c, func(a, b int) bool {
			if desc {
				return o.remNum[c[a]] > o.remNum[c[b]]
			}
			return o.remNum[c[a]] < o.remNum[c[b]]
		})
	}
	// boundary settles the last, partial level: the first x of the sorted
	// candidates move (+1 or -1 seat); equal remainders across the cut are
	// a tie. With add, the tied parties below the cut have no seat yet;
	// with take, those above the cut keep theirs only by index order.
	boundary := func(c []int, x int, add bool) {
		if x < len(c) && o.remNum[c[x-1]] == o.remNum[c[x]] {
			r := o.remNum[c[x]]
			for p, i := range c {
				if o.remNum[i] != r {
					continue
				}
				o.tied = append(o.tied, i)
				if (add && p < x) || (!add && p >= x) {
					o.contested++
					free[i]-- // the contested seat is not decided
				}
			}
		}
	}
	switch {
	case k > 0:
		var cand []int
		for _, i := range act {
			if votes[i] > 0 && lo[i]+free[i] < hi[i] {
				cand = append(cand, i)
			}
		}
		byRem(cand, true)
		for k > 0 && len(cand) > 0 {
			if ctx.Err() != nil {
				return
			}
			if k >= len(cand) { // a full level: one more seat each
				next := cand[:0]
				for _, i := range cand {
					free[i]++
					if lo[i]+free[i] < hi[i] {
						next = append(next, i)
					}
				}
				k -= len(cand)
				cand = next
				continue
			}
			for _, i := range cand[:k] {
				free[i]++
			}
			boundary(cand, k, true)
			k = 0
		}
	case k < 0:
		x := -k
		o.overflow = x
		var cand []int
		for _, i := range act {
			if free[i] >= 1 {
				cand = append(cand, i)
			}
		}
		byRem(cand, false)
		for x > 0 && len(cand) > 0 {
			if x >= len(cand) {
				next := cand[:0]
				for _, i := range cand {
					free[i]--
					if free[i] >= 1 {
						next = append(next, i)
					}
				}
				x -= len(cand)
				cand = next
				continue
			}
			for _, i := range cand[:x] {
				free[i]--
			}
			boundary(cand, x, false)
			x = 0
		}
	}
	sort.Ints(o.tied)
	for _, i := range act {
		o.alloc[i] = lo[i] + free[i]
	}
}

func (o *quotaOut) quota() *big.Rat {
	if o.qd == 0 {
		return nil
	}
	return new(big.Rat).SetFrac(bigU(o.qn), bigU(o.qd))
}
