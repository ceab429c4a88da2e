package apportion

import (
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
// the remainders refer to that distribution). Caps are met by rounds:
// parties above their cap are fixed at the cap and the remaining seats are
// distributed afresh among the rest.
//
// Overflow rule: when the whole quotas exceed the seats (possible with
// Hagenbach-Bischoff and Imperiali), the excess seats are taken back one each
// from the parties with the smallest remainders (among parties holding at
// least one whole quota); equal remainders at that boundary are a tie.
func quotaAlloc(m Method, votes []int64, lo, hi []int, S int) *quotaOut {
	n := len(votes)
	o := &quotaOut{
		alloc: make([]int, n), whole: make([]int, n),
		remNum: make([]uint64, n), remDen: make([]uint64, n), hasRem: make([]bool, n),
	}
	fixed := make([]bool, n)
	full := make([]int, n) // allocation with the boundary broken by index
	for {
		o.rounds++
		o.tied, o.contested, o.overflow = nil, 0, 0
		Sr := S
		var Vr uint64
		var act []int
		for i := range n {
			if fixed[i] {
				Sr -= full[i]
			} else {
				act = append(act, i)
				Vr += uint64(votes[i])
				Sr -= lo[i]
			}
		}
		if len(act) == 0 {
			break
		}
		if Sr < 0 {
			Sr = 0
		}
		sumW := 0
		if Vr == 0 || Sr == 0 {
			o.qn, o.qd = 0, 0
			for _, i := range act {
				o.whole[i], o.remNum[i], o.remDen[i], o.hasRem[i] = 0, 0, 1, Vr > 0
				o.alloc[i], full[i] = lo[i], lo[i]
			}
		} else {
			o.qn, o.qd = quotaOf(m, Vr, Sr)
			for _, i := range act {
				h, l := bits.Mul64(uint64(votes[i]), o.qd)
				w, r := bits.Div64(h, l, o.qn)
				o.whole[i], o.remNum[i], o.remDen[i], o.hasRem[i] = int(w), r, o.qn, true
				o.alloc[i], full[i] = lo[i]+int(w), lo[i]+int(w)
				sumW += int(w)
			}
		}
		k := Sr - sumW
		switch {
		case k > 0:
			ord := append([]int(nil), act...)
			sort.SliceStable(ord, func(a, b int) bool { return o.remNum[ord[a]] > o.remNum[ord[b]] })
			// More seats left than parties (only when the quota is tiny,
			// e.g. Droop with fewer votes than seats): every party gets one
			// per full round, the rest by largest remainders.
			if rounds := k / len(ord); rounds > 0 {
				for _, i := range ord {
					full[i] += rounds
					o.alloc[i] += rounds
				}
				k %= len(ord)
			}
			if k == 0 {
				break
			}
			for _, i := range ord[:k] {
				full[i]++
				o.alloc[i]++
			}
			if k < len(ord) && o.remNum[ord[k-1]] == o.remNum[ord[k]] {
				r := o.remNum[ord[k]]
				for p, i := range ord {
					if o.remNum[i] == r {
						o.tied = append(o.tied, i)
						if p < k {
							o.contested++
							o.alloc[i]--
						}
					}
				}
			}
		case k < 0:
			x := -k
			var cand []int
			for _, i := range act {
				if o.whole[i] >= 1 {
					cand = append(cand, i)
				}
			}
			sort.SliceStable(cand, func(a, b int) bool { return o.remNum[cand[a]] < o.remNum[cand[b]] })
			o.overflow = x
			if len(cand) == 0 {
				break
			}
			// The excess is at most 2; with a single candidate it loses both.
			if rounds := x / len(cand); rounds > 0 {
				for _, i := range cand {
					full[i] -= rounds
					o.alloc[i] -= rounds
				}
				x %= len(cand)
			}
			if x == 0 {
				break
			}
			for _, i := range cand[:x] {
				full[i]--
				o.alloc[i]--
			}
			if x < len(cand) && o.remNum[cand[x-1]] == o.remNum[cand[x]] {
				r := o.remNum[cand[x]]
				for p, i := range cand {
					if o.remNum[i] == r {
						o.tied = append(o.tied, i)
						if p >= x { // keeps its seat only by the index order
							o.contested++
							o.alloc[i]--
						}
					}
				}
			}
		}
		sort.Ints(o.tied)
		changed := false
		for _, i := range act {
			if full[i] > hi[i] {
				full[i], o.alloc[i], fixed[i], changed = hi[i], hi[i], true, true
			}
		}
		if !changed {
			break
		}
	}
	return o
}

func (o *quotaOut) quota() *big.Rat {
	if o.qd == 0 {
		return nil
	}
	return new(big.Rat).SetFrac(bigU(o.qn), bigU(o.qd))
}
