package districts

import (
	"math/big"

	"github.com/mandate-project/mandate/services/seats/apportion"
)

// frac is a non-negative rational n/d kept unreduced: priorities are only
// compared (by cross-multiplication), so reducing them by a GCD on every
// step would be wasted work. d == 0 with n > 0 is +infinity.
type frac struct{ n, d *big.Int }

func (f frac) inf() bool { return f.d.Sign() == 0 && f.n.Sign() > 0 }

// cmpFrac compares exactly: -1, 0 or +1.
func cmpFrac(a, b frac) int {
	ai, bi := a.inf(), b.inf()
	switch {
	case ai && bi:
		return 0
	case ai:
		return 1
	case bi:
		return -1
	}
	var l, r big.Int
	l.Mul(a.n, b.d)
	r.Mul(b.n, a.d)
	return l.Cmp(&r)
}

func (f frac) rat() *big.Rat {
	if f.inf() {
		return nil
	}
	if f.d.Sign() == 0 {
		return new(big.Rat)
	}
	return new(big.Rat).SetFrac(f.n, f.d)
}

// divisorFn is the divisor d(k) of the (k+1)-th seat of a divisor method as
// a rational dn/dd, on the method's own scale. Huntington-Hill is handled by
// squaring: its "divisor" is k(k+1) and priorities are squared, which keeps
// the order and so the allocation exact.
type divisorFn struct {
	m      apportion.Method
	fn, fd int64 // modified Sainte-Laguë first divisor on the 1,3,5 scale
}

func newDivisorFn(m apportion.Method, first *big.Rat) divisorFn {
	d := divisorFn{m: m}
	if m == apportion.ModifiedSainteLague && first != nil {
		d.fn, d.fd = first.Num().Int64(), first.Denom().Int64()
	}
	return d
}

// div returns d(k) = dn/dd.
func (f divisorFn) div(k int) (dn, dd int64) {
	t := int64(k)
	switch f.m {
	case apportion.DHondt:
		return t + 1, 1
	case apportion.SainteLague:
		return 2*t + 1, 2
	case apportion.ModifiedSainteLague:
		if k == 0 {
			return f.fn, 2 * f.fd
		}
		return 2*t + 1, 2
	case apportion.Adams:
		return t, 1
	case apportion.Dean:
		return 2 * t * (t + 1), 2*t + 1
	case apportion.HuntingtonHill:
		return t * (t + 1), 1
	case apportion.ImperialiDivisor:
		return t + 2, 1
	case apportion.Danish:
		return 3*t + 1, 1
	}
	panic("districts: not a divisor method")
}

// prio returns the priority w/d(k) of the (k+1)-th seat for weight w = wn/wd
// (squared for Huntington-Hill).
func (f divisorFn) prio(wn, wd *big.Int, k int) frac {
	dn, dd := f.div(k)
	n, d := new(big.Int), new(big.Int)
	if f.m == apportion.HuntingtonHill {
		n.Mul(wn, wn)
		n.Mul(n, big.NewInt(dd))
		d.Mul(wd, wd)
		d.Mul(d, big.NewInt(dn))
		return frac{n, d}
	}
	n.Mul(wn, big.NewInt(dd))
	d.Mul(wd, big.NewInt(dn))
	return frac{n, d}
}

// ratAlloc is the outcome of one divisor apportionment on rational weights.
type ratAlloc struct {
	seats []int
	// lastWin is the lowest priority that won a seat beyond lo, firstLose
	// the highest that did not (below the cap). has* say whether they exist.
	lastWin, firstLose       frac
	hasLastWin, hasFirstLose bool
	// tied lists the items whose last won or first lost priority equals the
	// boundary when lastWin == firstLose; contested is how many seats among
	// them were given by index order.
	tied      []int
	contested int
}

// allocRat gives S seats by divisor method f to weights wn[i]/wd[i], each
// item between lo[i] and hi[i] seats (hi < 0: no cap). Zero weights never
// take a seat beyond lo. Exact; equal priorities go to the lower index and
// are reported in tied.
func allocRat(f divisorFn, wn, wd []*big.Int, lo, hi []int, S int) ratAlloc {
	n := len(wn)
	r := ratAlloc{seats: make([]int, n)}
	T := 0
	h := fracHeap{}
	for i := range n {
		r.seats[i] = lo[i]
		T += lo[i]
		if wn[i].Sign() > 0 && (hi[i] < 0 || lo[i] < hi[i]) {
			h.items = append(h.items, fracItem{f.prio(wn[i], wd[i], lo[i]), i})
		}
	}
	h.init()
	for ; T < S && len(h.items) > 0; T++ {
		it := h.items[0]
		i := it.i
		r.seats[i]++
		if !r.hasLastWin || cmpFrac(it.k, r.lastWin) < 0 {
			r.lastWin, r.hasLastWin = it.k, true
		}
		if hi[i] < 0 || r.seats[i] < hi[i] {
			h.items[0] = fracItem{f.prio(wn[i], wd[i], r.seats[i]), i}
			h.down(0)
		} else {
			h.pop()
		}
	}
	if len(h.items) > 0 {
		r.firstLose, r.hasFirstLose = h.items[0].k, true
	}
	if r.hasLastWin && r.hasFirstLose && cmpFrac(r.lastWin, r.firstLose) == 0 {
		for i := range n {
			if wn[i].Sign() == 0 {
				continue
			}
			if r.seats[i] > lo[i] && cmpFrac(f.prio(wn[i], wd[i], r.seats[i]-1), r.lastWin) == 0 {
				r.tied = append(r.tied, i)
				r.contested++
			} else if (hi[i] < 0 || r.seats[i] < hi[i]) && cmpFrac(f.prio(wn[i], wd[i], r.seats[i]), r.lastWin) == 0 {
				r.tied = append(r.tied, i)
			}
		}
	}
	return r
}

// closestCall is the relative gap (lastWin - firstLose) / lastWin: how far
// the last seat was from going elsewhere. nil when either side is missing
// or lastWin is infinite.
func (r ratAlloc) closestCall() *big.Rat {
	if !r.hasLastWin || !r.hasFirstLose || r.lastWin.inf() {
		return nil
	}
	w, l := r.lastWin.rat(), r.firstLose.rat()
	if w.Sign() == 0 {
		return nil
	}
	g := new(big.Rat).Sub(w, l)
	return g.Quo(g, w)
}

type fracItem struct {
	k frac
	i int
}

// fracHeap pops the highest priority first, the lower index on equality.
// l and r are scratch space for the comparisons' products, so that the
// heap does not allocate on every comparison.
type fracHeap struct {
	items []fracItem
	l, r  big.Int
}

func (h *fracHeap) cmp(a, b frac) int {
	if a.inf() || b.inf() {
		return cmpFrac(a, b)
	}
	h.l.Mul(a.n, b.d)
	h.r.Mul(b.n, a.d)
	return h.l.Cmp(&h.r)
}

func (h *fracHeap) before(a, b fracItem) bool {
	if c := h.cmp(a.k, b.k); c != 0 {
		return c > 0
	}
	return a.i < b.i
}

func (h *fracHeap) init() {
	for i := len(h.items)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h *fracHeap) pop() {
	last := len(h.items) - 1
	h.items[0] = h.items[last]
	h.items = h.items[:last]
	if last > 0 {
		h.down(0)
	}
}

func (h *fracHeap) down(i int) {
	n := len(h.items)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		m := l
		if r := l + 1; r < n && h.before(h.items[r], h.items[l]) {
			m = r
		}
		if !h.before(h.items[m], h.items[i]) {
			return
		}
		h.items[i], h.items[m] = h.items[m], h.items[i]
		i = m
	}
}

// simplestBetween returns the rational with the smallest denominator (and
// then numerator) strictly between lo and hi, 0 <= lo < hi. Divisors chosen
// this way keep the numbers of later steps small.
func simplestBetween(lo, hi *big.Rat) *big.Rat {
	// Continued-fraction walk: x in (lo, hi).
	fl := new(big.Int).Quo(lo.Num(), lo.Denom()) // floor, lo >= 0
	next := new(big.Rat).SetInt(new(big.Int).Add(fl, big.NewInt(1)))
	if next.Cmp(hi) < 0 {
		return next
	}
	// lo and hi lie in [fl, fl+1]; recurse on the reciprocals of the
	// fractional parts: x = fl + 1/y with y in (1/(hi-fl), 1/(lo-fl)).
	flR := new(big.Rat).SetInt(fl)
	a := new(big.Rat).Sub(lo, flR)
	b := new(big.Rat).Sub(hi, flR)
	var y *big.Rat
	if a.Sign() == 0 {
		// y in (1/b, infinity): the simplest is floor(1/b)+1.
		inv := new(big.Rat).Inv(b)
		y = new(big.Rat).SetInt(new(big.Int).Add(new(big.Int).Quo(inv.Num(), inv.Denom()), big.NewInt(1)))
	} else {
		y = simplestBetween(new(big.Rat).Inv(b), new(big.Rat).Inv(a))
	}
	return flR.Add(flR, new(big.Rat).Inv(y))
}

// ratSum adds non-negative rationals, integers in an int64 while they fit
// (vote counts almost always are), the rest exactly in a big.Rat.
type ratSum struct {
	i int64
	r *big.Rat
}

func (s *ratSum) add(v *big.Rat) {
	if v.IsInt() && v.Num().IsInt64() {
		n := v.Num().Int64()
		if n >= 0 && s.i <= (1<<62)-n {
			s.i += n
			return
		}
	}
	if s.r == nil {
		s.r = new(big.Rat)
	}
	s.r.Add(s.r, v)
}

func (s *ratSum) rat() *big.Rat {
	out := new(big.Rat).SetInt64(s.i)
	if s.r != nil {
		out.Add(out, s.r)
	}
	return out
}
