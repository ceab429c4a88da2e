package apportion

import (
	"math"
	"math/big"
)

// divSpec describes one divisor method: priority key(v, s) = v/d(s).
type divSpec struct {
	m      Method
	fn, fd uint64 // ModifiedSainteLague first divisor fn/fd (1,3,5 scale)
}

// key returns the exact priority of the (s+1)-th seat of a party with v votes.
func (d divSpec) key(v int64, s int) key {
	if v <= 0 {
		return key{0, 1, 1}
	}
	u, t := uint64(v), uint64(s)
	switch d.m {
	case DHondt:
		return key{u, 1, t + 1}
	case SainteLague:
		return key{u, 2, 2*t + 1}
	case ModifiedSainteLague:
		if s == 0 {
			return key{u, d.fd, d.fn}
		}
		return key{u, 1, 2*t + 1}
	case Adams:
		return key{u, 1, t}
	case Dean:
		return key{u, 2*t + 1, 2 * t * (t + 1)}
	case HuntingtonHill:
		return key{u, u, t * (t + 1)} // squared priority v²/(s(s+1))
	case ImperialiDivisor:
		return key{u, 1, t + 2}
	case Danish:
		return key{u, 1, 3*t + 1}
	}
	panic("apportion: not a divisor method")
}

// scale relates the quotient scale to votes per seat, for the first guess.
func (d divSpec) scale() float64 {
	switch d.m {
	case ModifiedSainteLague:
		return 2
	case Danish:
		return 3
	}
	return 1
}

// est estimates #{s >= 0 : d(s) <= t}. It only chooses a starting point; the
// exact count is then settled with exact comparisons.
func (d divSpec) est(t float64) float64 {
	var c float64
	switch d.m {
	case DHondt:
		c = math.Floor(t)
	case SainteLague:
		c = math.Floor(t + 0.5)
	case ModifiedSainteLague:
		f := float64(d.fn) / float64(d.fd)
		if t < f {
			return 0
		}
		c = 1 + math.Max(0, math.Floor((t-1)/2))
	case Adams:
		c = math.Floor(t) + 1
	case Dean, HuntingtonHill:
		c = math.Max(1, math.Floor(t+0.5))
	case ImperialiDivisor:
		c = math.Floor(t) - 1
	case Danish:
		if t < 1 {
			return 0
		}
		c = math.Floor((t-1)/3) + 1
	}
	if c < 0 || math.IsNaN(c) {
		return 0
	}
	return c
}

// lambdaKey turns a float guess of the divisor into an exact rational key.
func (d divSpec) lambdaKey(lam float64) key {
	if !(lam > 0) || math.IsInf(lam, 0) {
		lam = 1
	}
	var ln, ld uint64
	switch {
	case lam < 1<<40:
		ld = 1 << 20
		ln = uint64(lam * (1 << 20))
	case lam < 1<<62:
		ld = 1
		ln = uint64(lam)
	default:
		ld, ln = 1, 1<<62
	}
	if ln == 0 {
		ln = 1
	}
	if d.m == HuntingtonHill {
		return key{ln, ln, ld * ld}
	}
	return key{ln, 1, ld}
}

// jump computes a divisor-method allocation without going seat by seat:
// guess a divisor, give each party its exact seat count for that divisor in
// O(1), then add or remove the few remaining seats with a heap. The result
// is a set of the S highest quotients (ties at the boundary are broken by
// index here and settled later by the tie rule). lo[i] seats are given
// first, hi[i] caps a party; parties without votes never get more than lo.
func (d divSpec) jump(votes []int64, lo, hi []int, S int) []int {
	n := len(votes)
	alloc := make([]int, n)
	sumLo := 0
	var V float64
	for i := range n {
		alloc[i] = lo[i]
		sumLo += lo[i]
		if votes[i] > 0 && hi[i] > lo[i] {
			V += float64(votes[i])
		}
	}
	if sumLo >= S || V == 0 {
		return alloc
	}
	clampF := func(i int, c float64) int {
		if c >= float64(hi[i]) {
			return hi[i]
		}
		if c <= float64(lo[i]) {
			return lo[i]
		}
		return int(c)
	}
	lam := V / float64(S) / d.scale()
	for it := 0; it < 12; it++ {
		T := 0
		for i := range n {
			if votes[i] > 0 && hi[i] > lo[i] {
				T += clampF(i, d.est(float64(votes[i])/lam))
			} else {
				T += lo[i]
			}
		}
		if T == S {
			break
		}
		if T == 0 {
			lam /= 2
			continue
		}
		lam *= float64(T) / float64(S)
	}
	lk := d.lambdaKey(lam)
	T := 0
	for i := range n {
		v := votes[i]
		if v > 0 && hi[i] > lo[i] {
			c := clampF(i, d.est(float64(v)/lam))
			for c < hi[i] && cmpKey(d.key(v, c), lk) >= 0 {
				c++
			}
			for c > lo[i] && cmpKey(d.key(v, c-1), lk) < 0 {
				c--
			}
			alloc[i] = c
		}
		T += alloc[i]
	}
	d.correct(votes, lo, hi, alloc, T, S)
	return alloc
}

// correct moves a top-set allocation with total T to total S by awarding the
// highest next quotients or withdrawing the lowest awarded ones.
func (d divSpec) correct(votes []int64, lo, hi, alloc []int, T, S int) {
	if T < S {
		h := keyHeap{max: true}
		for i, v := range votes {
			if v > 0 && alloc[i] < hi[i] {
				h.items = append(h.items, heapItem{d.key(v, alloc[i]), i})
			}
		}
		h.init()
		for ; T < S && h.len() > 0; T++ {
			i := h.items[0].i
			alloc[i]++
			if alloc[i] < hi[i] {
				h.replaceTop(heapItem{d.key(votes[i], alloc[i]), i})
			} else {
				h.pop()
			}
		}
	} else if T > S {
		h := keyHeap{max: false}
		for i, v := range votes {
			if v > 0 && alloc[i] > lo[i] {
				h.items = append(h.items, heapItem{d.key(v, alloc[i]-1), i})
			}
		}
		h.init()
		for ; T > S && h.len() > 0; T-- {
			i := h.items[0].i
			alloc[i]--
			if alloc[i] > lo[i] {
				h.replaceTop(heapItem{d.key(votes[i], alloc[i]-1), i})
			} else {
				h.pop()
			}
		}
	}
}

// stepwise is the reference implementation: one seat at a time to the
// highest quotient (ties to the lowest index). O(S log P).
func (d divSpec) stepwise(votes []int64, lo, hi []int, S int) []int {
	alloc := make([]int, len(votes))
	T := 0
	for i := range votes {
		alloc[i] = lo[i]
		T += lo[i]
	}
	d.correct(votes, lo, hi, alloc, T, S)
	return alloc
}

// boundary finds the lowest awarded quotient U (over seats above lo) and the
// highest next quotient L (over parties below their cap). A tie exists when
// U == L; then tied holds every participant whose last or next quotient
// equals it and contested the number of seats among them.
type boundary struct {
	U, L       key
	hasU, hasL bool
	tied       []int
	contested  int
}

func (d divSpec) boundary(votes []int64, lo, hi, alloc []int) boundary {
	var b boundary
	for i, v := range votes {
		if v <= 0 {
			continue
		}
		if alloc[i] > lo[i] {
			k := d.key(v, alloc[i]-1)
			if !b.hasU || cmpKey(k, b.U) < 0 {
				b.U, b.hasU = k, true
			}
		}
		if alloc[i] < hi[i] {
			k := d.key(v, alloc[i])
			if !b.hasL || cmpKey(k, b.L) > 0 {
				b.L, b.hasL = k, true
			}
		}
	}
	if !b.hasU || !b.hasL || cmpKey(b.U, b.L) > 0 {
		return b
	}
	for i, v := range votes {
		if v <= 0 {
			continue
		}
		if alloc[i] > lo[i] && cmpKey(d.key(v, alloc[i]-1), b.U) == 0 {
			b.tied = append(b.tied, i)
			b.contested++
		} else if alloc[i] < hi[i] && cmpKey(d.key(v, alloc[i]), b.U) == 0 {
			b.tied = append(b.tied, i)
		}
	}
	return b
}

// replay regenerates the order of awards up to limit steps, never exceeding
// final[i] for any party, in O(P + limit log P).
func (d divSpec) replay(votes []int64, lo, final []int, limit int) []heapItem {
	h := keyHeap{max: true}
	cur := make([]int, len(votes))
	for i, v := range votes {
		cur[i] = lo[i]
		if v > 0 && cur[i] < final[i] {
			h.items = append(h.items, heapItem{d.key(v, cur[i]), i})
		}
	}
	h.init()
	var out []heapItem
	for len(out) < limit && h.len() > 0 {
		top := h.items[0]
		out = append(out, top)
		i := top.i
		cur[i]++
		if cur[i] < final[i] {
			h.replaceTop(heapItem{d.key(votes[i], cur[i]), i})
		} else {
			h.pop()
		}
	}
	return out
}

// minVotesAbove returns the least v' >= 0 with key(v', s) > k, or -1 if no
// finite number of votes does it. Exact (big.Int).
func (d divSpec) minVotesAbove(s int, k key) int64 {
	if k.inf() {
		return -1
	}
	probe := d.key(1, s)
	if probe.inf() {
		return 1
	}
	// priority(v', s) = v' * y / q, except HH: v'^2 / q.
	N := new(big.Int).Mul(bigU(k.x), bigU(k.y))
	N.Mul(N, bigU(probe.q))
	var D *big.Int
	if d.m == HuntingtonHill {
		D = bigU(k.q)
	} else {
		D = new(big.Int).Mul(bigU(probe.y), bigU(k.q))
	}
	N.Quo(N, D)
	if d.m == HuntingtonHill {
		N.Sqrt(N)
	}
	N.Add(N, big.NewInt(1))
	if !N.IsInt64() {
		return -1
	}
	return N.Int64()
}

// maxVotesAtMost returns the largest v' >= 0 with key(v', s) <= k (so a
// party holding seat s+1 with v' votes would not strictly beat k), or -1 if
// unbounded.
func (d divSpec) maxVotesAtMost(s int, k key) int64 {
	if k.inf() {
		return -1
	}
	probe := d.key(1, s)
	if probe.inf() {
		return 0
	}
	N := new(big.Int).Mul(bigU(k.x), bigU(k.y))
	N.Mul(N, bigU(probe.q))
	var D *big.Int
	if d.m == HuntingtonHill {
		D = bigU(k.q)
	} else {
		D = new(big.Int).Mul(bigU(probe.y), bigU(k.q))
	}
	N.Quo(N, D)
	if d.m == HuntingtonHill {
		N.Sqrt(N)
	}
	if !N.IsInt64() {
		return -1
	}
	return N.Int64()
}
