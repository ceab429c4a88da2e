package apportion

import (
	"math"
	"math/big"
	"math/bits"
	"slices"
	"sort"
)

// Quota-method margins by selection. Inside one segment of constant
// participation (see margins.go) an uncapped quota method is "the F highest
// items": participant j offers v_j - u*q for u = 0, 1, ... and party i, with
// v' votes, holds at least t free seats for certain exactly when at most
// K-1 = F-t of the others' items are at or above its t-th item
// v' - (t-1)*q (quotaProbe). Counting party j's items that are:
//
//	count_j(v') = #{c >= 1 : v_j - (c-1)q >= v' - (t-1)q}
//
// Hare, Hagenbach-Bischoff and Imperiali quota have q = W/D with W = R + v'
// (R the other participants' votes) and D = F, F+1 or F+2, so after
// multiplying by D the c-th item is counted exactly when
//
//	D(v_j - v') >= (c-t)(R + v')  <=>  v' <= G(j,c) = floor((D v_j - (c-t)R) / (D+c-t))
//
// (D+c-t > 0 because t <= F). Each item is counted up to a vote count
// G(j,c) and not beyond: count_j, and so the total, never grows with v'. A
// gain is then the least v' at which the total has dropped to K-1: from the
// count at the segment's start, the need-th smallest of the drop points
// G(j,c)+1, found by selection over the parties' drop points (each
// party's are sorted; see nthCross); a loss is symmetric (the total rising
// to K as v' falls). Every comparison is an integer one; no re-run of the
// distribution.
//
// Droop's quota floor(W/(F+1))+1 is constant on pieces of F+1 votes. Inside
// a piece the c-th item is counted exactly when v' <= v_j - (c-t)q; across
// pieces, the count at a piece's far end (in the direction of travel) is
// monotone in q (the end's v' grows with q faster than the items shrink:
// count_j = t-F-1 + floor((v_j+R+1)/q) at the upper end), so the piece is
// first selected by the same selection over q, then the vote inside it.
//
// The selection visits every point up to the answer: about one per party
// (a party gaining a seat must overtake every unseated remainder), more
// with runs of exact ties. Above maxCrossPops points, or when a product
// could leave 62 bits, the solver declines and the margin
// search probes instead (same answer, slower).

const (
	maxCrossPops = 1 << 16
	crossLimit   = int64(1) << 62
)

// quotaSeg is one segment of constant participation, seen from party i.
type quotaSeg struct {
	m     Method
	votes []int64 // every participant's votes (the outcome's, not copied)
	self  int     // party i's index in votes, skipped
	rest  int64   // all other participants' votes
	F     int64   // seats above the minimums
	lo    int64   // party i's minimum
	buf   *crossBuf
}

// crossBuf is scratch space reused across the segments of one margins run.
type crossBuf struct{ h crossHeap }

func newQuotaSeg(o *outcome, j int, buf *crossBuf) quotaSeg {
	qs := quotaSeg{m: o.rule.Method, votes: o.votes, self: j, F: int64(o.S), lo: int64(o.lo[j]), buf: buf}
	for k, v := range o.votes {
		qs.F -= int64(o.lo[k])
		if k != j {
			qs.rest += v
		}
	}
	return qs
}

// den returns D (q = W/D) for Hare, Hagenbach-Bischoff and Imperiali quota.
func (qs *quotaSeg) den() int64 {
	switch qs.m {
	case Hare:
		return qs.F
	case HagenbachBischoff:
		return qs.F + 1
	}
	return qs.F + 2
}

// fits reports whether every product the solver forms stays below 2^62:
// |D v_j - (c-t)R| <= (F+2)(v_j+R) <= 2(F+2)R for the linear quotas, and
// Droop's products are bounded by the votes themselves.
func (qs *quotaSeg) fits(v, b int64) bool {
	if v+b > crossLimit/4 || qs.rest >= crossLimit/4 {
		return false
	}
	if qs.m == Droop {
		return true
	}
	hi, lo := bits.Mul64(uint64(qs.F+2), uint64(2*qs.rest+1))
	return hi == 0 && lo < uint64(crossLimit)
}

// gain returns the least x in [a, b] with "party i holds at least t free
// seats for certain with v+x votes", -1 when there is none, and whether the
// solver could answer.
func (qs *quotaSeg) gain(v, t, a, b int64) (int64, bool) {
	if t <= 0 {
		return a, true
	}
	if qs.F <= 0 || t > qs.F {
		return -1, true
	}
	if !qs.fits(v, b) {
		return 0, false
	}
	vs, ve := v+a, v+b
	var w int64
	var ok bool
	if qs.m == Droop {
		w, ok = qs.droopGain(t, vs, ve)
	} else {
		w, ok = qs.linearGain(t, vs, ve)
	}
	if !ok || w < 0 {
		return -1, ok
	}
	return w - v, true
}

// loss returns the least x in [a, b] (b <= v) at which party i with v-x
// votes no longer holds t free seats for certain or no distribution is
// possible, -1 when there is none, and whether the solver could answer.
func (qs *quotaSeg) loss(v, t, a, b int64) (int64, bool) {
	// The x at which v-x = 0 loses, if it does: party i then has no items,
	// and with no other votes either no distribution exists (unless every
	// seat is a minimum).
	zero := int64(-1)
	if t >= 1 || (qs.rest == 0 && qs.F > 0) {
		zero = v
	}
	within := func(x int64) int64 {
		if zero >= 0 && (x < 0 || zero < x) {
			x = zero
		}
		if x < a || x > b {
			return -1
		}
		return x
	}
	if t <= 0 {
		return within(-1), true
	}
	if qs.F <= 0 || t > qs.F || v-a <= 0 {
		return a, true
	}
	if !qs.fits(v, 0) {
		return 0, false
	}
	vs, ve := v-a, max(v-b, 1)
	var w int64
	var ok bool
	if qs.m == Droop {
		w, ok = qs.droopLoss(t, vs, ve)
	} else {
		w, ok = qs.linearLoss(t, vs, ve)
	}
	if !ok {
		return 0, false
	}
	if w < 1 {
		return within(-1), true
	}
	return within(v - w), true
}

// linearG is G(j,c) for the linear quotas.
func (qs *quotaSeg) linearG(d, vj, c, t int64) int64 {
	return floorDiv(d*vj-(c-t)*qs.rest, d+c-t)
}

// linearCount is min(K, count_j(w)) for the linear quotas: t + floor(D(v_j -
// w)/(R+w)), clamped to [0, K].
func (qs *quotaSeg) linearCount(d, vj, w, t, k int64) int64 {
	return clamp(t+mulDivFloor(d, vj-w, qs.rest+w), k)
}

func (qs *quotaSeg) linearGain(t, vs, ve int64) (int64, bool) {
	d, k := qs.den(), qs.F-t+1
	h := &qs.buf.h
	h.items = h.items[:0]
	total := int64(0)
	for j, vj := range qs.votes {
		if j == qs.self || vj == 0 {
			continue
		}
		c := qs.linearCount(d, vj, vs, t, k)
		total += c
		if c >= 1 {
			h.items = append(h.items, crossItem{qs.linearG(d, vj, c, t) + 1, j, c})
		}
	}
	return selectDrops(h, total-(k-1), vs, ve, func(it crossItem) (crossItem, bool) {
		if it.c <= 1 {
			return it, false
		}
		return crossItem{qs.linearG(d, qs.votes[it.j], it.c-1, t) + 1, it.j, it.c - 1}, true
	})
}

func (qs *quotaSeg) linearLoss(t, vs, ve int64) (int64, bool) {
	d, k := qs.den(), qs.F-t+1
	h := &qs.buf.h
	h.items = h.items[:0]
	total := int64(0)
	for j, vj := range qs.votes {
		if j == qs.self || vj == 0 {
			continue
		}
		c := qs.linearCount(d, vj, vs, t, k)
		total += c
		if c < k {
			h.items = append(h.items, crossItem{-qs.linearG(d, vj, c+1, t), j, c + 1})
		}
	}
	return selectRises(h, k-total, vs, ve, func(it crossItem) (crossItem, bool) {
		if it.c >= k {
			return it, false
		}
		return crossItem{-qs.linearG(d, qs.votes[it.j], it.c+1, t), it.j, it.c + 1}, true
	})
}

// selectDrops returns the least w in [vs, ve] at which need counted items
// have dropped (h holds each party's first drop point), -1 if none.
func selectDrops(h *crossHeap, need, vs, ve int64, next func(crossItem) (crossItem, bool)) (int64, bool) {
	if need <= 0 {
		return vs, true
	}
	w, exists, ok := nthCross(h, need, next)
	if !ok {
		return 0, false
	}
	if !exists || w > ve {
		return -1, true
	}
	return w, true
}

// selectRises returns the largest w in [ve, vs] at which need more items
// are counted (h holds each party's first rise point, negated), -1 if none.
func selectRises(h *crossHeap, need, vs, ve int64, next func(crossItem) (crossItem, bool)) (int64, bool) {
	if need <= 0 {
		return vs, true
	}
	x, exists, ok := nthCross(h, need, next)
	if !ok {
		return 0, false
	}
	if !exists || -x < ve {
		return -1, true
	}
	return -x, true
}

// nthCross returns the need-th smallest point of the union of the parties'
// sorted point lists (h.items holds each list's first point, next gives the
// one after), exists false when there are fewer, ok false when it would
// take more than maxCrossPops points.
//
// Usually need is at most the number of lists (a party needs to overtake
// every unseated remainder, one item per party): the need-th smallest first
// point w1 bounds the answer, and selecting among all the points up to w1
// (rarely more than a few beyond the first ones) gives it, in linear time.
// Otherwise the lists are merged in a heap.
func nthCross(h *crossHeap, need int64, next func(crossItem) (crossItem, bool)) (int64, bool, bool) {
	n := int64(len(h.items))
	if need > n {
		return mergeNth(h, need, next)
	}
	xs := h.xs[:0]
	defer func() { h.xs = xs[:0] }()
	for _, it := range h.items {
		xs = append(xs, it.x)
	}
	var w1 int64
	if need == 1 {
		w1 = slices.Min(xs)
	} else {
		w1 = quickselect(xs, int(need-1))
	}
	// Every point up to w1: the first ones (again) and any later ones.
	xs = xs[:0]
	for _, it := range h.items {
		for ok := true; ok && it.x <= w1; it, ok = next(it) {
			xs = append(xs, it.x)
			if int64(len(xs)) > maxCrossPops+n {
				return 0, false, false
			}
		}
	}
	if int64(len(xs)) == need {
		return w1, true, true // no later point below w1: it is the answer
	}
	return quickselect(xs, int(need-1)), true, true
}

// mergeNth is nthCross by merging the lists in a heap.
func mergeNth(h *crossHeap, need int64, next func(crossItem) (crossItem, bool)) (int64, bool, bool) {
	if need > maxCrossPops {
		return 0, false, false
	}
	h.init()
	var x int64
	for ; need > 0; need-- {
		if len(h.items) == 0 {
			return 0, false, true
		}
		it := h.items[0]
		x = it.x
		if nx, ok := next(it); ok {
			h.replaceTop(nx)
		} else {
			h.pop()
		}
	}
	return x, true, true
}

// quickselect returns the k-th smallest (0-based) of xs, reordering xs
// (Hoare partition around a median of three; equal points stop both scans,
// so runs of ties stay linear).
func quickselect(xs []int64, k int) int64 {
	lo, hi := 0, len(xs)-1
	for lo < hi {
		a, b, c := xs[lo], xs[lo+(hi-lo)/2], xs[hi]
		p := max(min(a, b), min(max(a, b), c))
		i, j := lo, hi
		for i <= j {
			for xs[i] < p {
				i++
			}
			for xs[j] > p {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		// Now xs[lo..j] <= p, xs[i..hi] >= p and anything between is p.
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return xs[k]
		}
	}
	return xs[k]
}

// droopQuota is Droop's quota with v' votes for party i.
func (qs *quotaSeg) droopQuota(w int64) int64 { return (qs.rest+w)/(qs.F+1) + 1 }

// droopCount is min(K, count_j(w)) with quota q: t + floor((v_j-w)/q).
func droopCount(vj, w, q, t, k int64) int64 { return clamp(t+floorDiv(vj-w, q), k) }

func (qs *quotaSeg) droopGain(t, vs, ve int64) (int64, bool) {
	k, f1 := qs.F-t+1, qs.F+1
	qa, qe := qs.droopQuota(vs), qs.droopQuota(ve)
	// The first piece whose upper end (v' = q(F+1)-1-R) wins: count_j there
	// is t-F-1 + floor((v_j+R+1)/q); its c-th item counts while
	// q <= floor((v_j+R+1)/(c+F+1-t)).
	top := func(j int, c int64) int64 { return (qs.votes[j]+qs.rest+1)/(c+f1-t) + 1 }
	h := &qs.buf.h
	h.items = h.items[:0]
	total := int64(0)
	for j, vj := range qs.votes {
		if j == qs.self || vj == 0 {
			continue
		}
		c := clamp(t-f1+(vj+qs.rest+1)/qa, k)
		total += c
		if c >= 1 {
			h.items = append(h.items, crossItem{top(j, c), j, c})
		}
	}
	q, ok := selectDrops(h, total-(k-1), qa, qe, func(it crossItem) (crossItem, bool) {
		if it.c <= 1 {
			return it, false
		}
		return crossItem{top(it.j, it.c-1), it.j, it.c - 1}, true
	})
	if !ok || q < 0 {
		return -1, ok
	}
	// Inside that piece, the quota is q.
	us := max(vs, (q-1)*f1-qs.rest)
	ue := min(ve, q*f1-1-qs.rest)
	h.items = h.items[:0]
	total = 0
	for j, vj := range qs.votes {
		if j == qs.self || vj == 0 {
			continue
		}
		c := droopCount(vj, us, q, t, k)
		total += c
		if c >= 1 {
			h.items = append(h.items, crossItem{vj - (c-t)*q + 1, j, c})
		}
	}
	return selectDrops(h, total-(k-1), us, ue, func(it crossItem) (crossItem, bool) {
		if it.c <= 1 {
			return it, false
		}
		return crossItem{qs.votes[it.j] - (it.c-1-t)*q + 1, it.j, it.c - 1}, true
	})
}

func (qs *quotaSeg) droopLoss(t, vs, ve int64) (int64, bool) {
	k, f1 := qs.F-t+1, qs.F+1
	qa, qe := qs.droopQuota(vs), qs.droopQuota(ve)
	// The first piece (q falling) whose lower end (v' = (q-1)(F+1)-R) loses:
	// count_j there is t-F-1 + floor((v_j+R+F+1)/q); its c-th item counts
	// once q <= floor((v_j+R+F+1)/(c+F+1-t)).
	bottom := func(j int, c int64) int64 { return -((qs.votes[j] + qs.rest + f1) / (c + f1 - t)) }
	h := &qs.buf.h
	h.items = h.items[:0]
	total := int64(0)
	for j, vj := range qs.votes {
		if j == qs.self || vj == 0 {
			continue
		}
		c := clamp(t-f1+(vj+qs.rest+f1)/qa, k)
		total += c
		if c < k {
			h.items = append(h.items, crossItem{bottom(j, c+1), j, c + 1})
		}
	}
	q, ok := selectRises(h, k-total, qa, max(qe, 1), func(it crossItem) (crossItem, bool) {
		if it.c >= k {
			return it, false
		}
		return crossItem{bottom(it.j, it.c+1), it.j, it.c + 1}, true
	})
	if !ok || q < 1 {
		return -1, ok
	}
	us := min(vs, q*f1-1-qs.rest)
	ue := max(ve, (q-1)*f1-qs.rest)
	h.items = h.items[:0]
	total = 0
	for j, vj := range qs.votes {
		if j == qs.self || vj == 0 {
			continue
		}
		c := droopCount(vj, us, q, t, k)
		total += c
		if c < k {
			h.items = append(h.items, crossItem{-(vj - (c+1-t)*q), j, c + 1})
		}
	}
	return selectRises(h, k-total, us, ue, func(it crossItem) (crossItem, bool) {
		if it.c >= k {
			return it, false
		}
		return crossItem{-(qs.votes[it.j] - (it.c+1-t)*q), it.j, it.c + 1}, true
	})
}

// clamp returns c limited to [0, k].
func clamp(c, k int64) int64 { return min(max(c, 0), k) }

// floorDiv is floor(a/b) for b > 0.
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// mulDivFloor is floor(a*b/c) for c > 0 with a 128-bit product, limited to
// [-2^62, 2^62] (beyond any vote count).
func mulDivFloor(a, b, c int64) int64 {
	if a > -1<<31 && a < 1<<31 && b > -1<<31 && b < 1<<31 {
		return floorDiv(a*b, c) // the common case, in 64 bits
	}
	neg := (a < 0) != (b < 0)
	ua, ub := uint64(a), uint64(b)
	if a < 0 {
		ua = uint64(-a)
	}
	if b < 0 {
		ub = uint64(-b)
	}
	hi, lo := bits.Mul64(ua, ub)
	if hi >= uint64(c) {
		if neg {
			return -crossLimit
		}
		return crossLimit
	}
	q, r := bits.Div64(hi, lo, uint64(c))
	if neg && r != 0 {
		q++
	}
	if q > uint64(crossLimit) {
		q = uint64(crossLimit)
	}
	if neg {
		return -int64(q)
	}
	return int64(q)
}

// crossItem is a party's next crossing point x (its c-th item).
type crossItem struct {
	x int64
	j int
	c int64
}

// crossHeap is a min-heap on x (ties by party, so every run is the same).
type crossHeap struct {
	items []crossItem
	xs    []int64 // scratch for nthCross
}

func (h *crossHeap) less(a, b int) bool {
	if h.items[a].x != h.items[b].x {
		return h.items[a].x < h.items[b].x
	}
	return h.items[a].j < h.items[b].j
}

func (h *crossHeap) init() {
	for i := len(h.items)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h *crossHeap) replaceTop(it crossItem) {
	h.items[0] = it
	h.down(0)
}

func (h *crossHeap) pop() {
	last := len(h.items) - 1
	h.items[0] = h.items[last]
	h.items = h.items[:last]
	if last > 0 {
		h.down(0)
	}
}

func (h *crossHeap) down(i int) {
	n := len(h.items)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		m := l
		if r := l + 1; r < n && h.less(r, l) {
			m = r
		}
		if !h.less(m, i) {
			return
		}
		h.items[i], h.items[m] = h.items[m], h.items[i]
		i = m
	}
}

// participant returns party i's index among o's participants, or -1.
func (o *outcome) participant(i int) int {
	if j := sort.SearchInts(o.part, i); j < len(o.part) && o.part[j] == i {
		return j
	}
	return -1
}

// quotaCross returns, for an uncapped quota method, the segment solver of
// party i's gain (dir +1) or loss (dir -1) from s decided seats: the least
// x in [a, b] at which its seats cross, from the participation at the
// segment's start alone (prepare, no distribution). nil otherwise.
func (p *prober) quotaCross(i, s int, dir int64) func(a, b int64) (int64, bool) {
	if p.noCross || p.rule.Method.IsDivisor() || p.rule.MaxSeatsPerParty > 0 {
		return nil
	}
	v := p.parties[i].Votes
	dw := int64(0)
	if p.rule.Overhang {
		dw = p.parties[i].DistrictWins
	}
	return func(a, b int64) (int64, bool) {
		o := p.base // without a threshold participation never changes
		if p.rule.Threshold != nil {
			if dir > 0 && !p.qualifier().takesPart(p.parties, i, a) {
				// Its seats are its district seats, at most s (a missing
				// distribution is no gain either).
				return -1, true
			}
			o = p.prepareAt(i, dir*a)
		}
		if o == nil {
			// No distribution at the start, and so in the whole segment for
			// a gain (participation is fixed and party i has votes); a loss
			// is there at once.
			if dir > 0 {
				return -1, true
			}
			return a, true
		}
		j := o.participant(i)
		if j < 0 {
			// Its seats are its district seats (or none) in the whole segment.
			if (dir > 0 && dw > int64(s)) || (dir < 0 && dw < int64(s)) {
				return a, true
			}
			return -1, true
		}
		qs := newQuotaSeg(o, j, &p.buf)
		if dir > 0 {
			// Total above s <=> proportional seats >= s+1 (district seats are
			// at most s).
			return qs.gain(v, int64(s)+1-qs.lo, a, b)
		}
		t := int64(s) - qs.lo
		if dw >= int64(s) {
			t = 0 // its district seats keep s whatever its votes
		}
		return qs.loss(v, t, a, b)
	}
}

// prepareAt is prepare with party i's votes (and an explicit threshold
// base) moved by delta; nil when no distribution is possible.
func (p *prober) prepareAt(i int, delta int64) *outcome {
	qual, base := p.qualifier().qualify(p.parties, p.rule, i, delta, true)
	v := p.parties[i].Votes
	p.parties[i].Votes = v + delta
	o, err := prepareQual(p.parties, p.rule, base, qual)
	p.parties[i].Votes = v
	if err != nil {
		return nil
	}
	return o
}

// qualifier answers qualify for one party's moved votes in O(P) integer
// comparisons, and counts the parties qualifying through the threshold in
// O(log P): every other party's vote route passes up to a fixed base.
type qualifier struct {
	th       *Threshold
	runnerUp bool
	base0    int64
	route    []bool  // qualifies by district wins
	bmax     []int64 // largest base at which its vote route passes, -1 never
	sorted   []int64 // through-threshold bounds, ascending (route: MaxInt64)
	buf      []Qualification
}

func (p *prober) qualifier() *qualifier {
	if p.qf != nil {
		return p.qf
	}
	th := p.rule.Threshold
	q := &qualifier{th: th, runnerUp: p.rule.RunnerUpGuaranteed, base0: p.base0, route: make([]bool, len(p.parties)), bmax: make([]int64, len(p.parties))}
	for j, pt := range p.parties {
		q.route[j] = th.OrDistrictWinsAtLeast > 0 && pt.DistrictWins >= th.OrDistrictWinsAtLeast
		q.bmax[j] = voteRouteBound(pt.Votes, th)
		b := q.bmax[j]
		if q.route[j] {
			b = math.MaxInt64
		}
		q.sorted = append(q.sorted, b)
	}
	slices.Sort(q.sorted)
	p.qf = q
	return q
}

// voteRouteBound returns the largest base at which v votes pass th's vote
// route (passesVotes), math.MaxInt64 when any base does, -1 when none does.
func voteRouteBound(v int64, th *Threshold) int64 {
	if (th.Percent == nil && th.Votes == 0) || (th.Votes > 0 && v < th.Votes) {
		return -1
	}
	if th.Percent == nil || th.Percent.Sign() == 0 {
		return math.MaxInt64
	}
	// v*100*den >= num*base  <=>  base <= floor(v*100*den/num)
	n := new(big.Int).Mul(bigI(v), big.NewInt(100))
	n.Mul(n, th.Percent.Denom())
	n.Quo(n, th.Percent.Num())
	if !n.IsInt64() {
		return math.MaxInt64
	}
	return n.Int64()
}

// through is the number of parties qualifying through the threshold (vote
// route or district wins) when party i's votes move by delta.
func (q *qualifier) through(parties []Party, i int, delta int64) int {
	base := q.base0 + delta
	n := len(q.sorted) - sort.Search(len(q.sorted), func(k int) bool { return q.sorted[k] >= base })
	if q.route[i] || q.bmax[i] >= base {
		n--
	}
	if q.route[i] || passesVotes(parties[i].Votes+delta, q.th, base) {
		n++
	}
	return n
}

// takesPart reports, without building the qualification of every party,
// whether party i takes part when its votes move by delta: it qualifies
// itself or, with the runner-up rule and exactly one party through the
// threshold, it may be the runner-up (then the answer is true, to be
// settled by a full qualification).
func (q *qualifier) takesPart(parties []Party, i int, delta int64) bool {
	pt := parties[i]
	if q.route[i] || pt.Exempt || passesVotes(pt.Votes+delta, q.th, q.base0+delta) {
		return true
	}
	return q.runnerUp && q.through(parties, i, delta) == 1
}

// qualify is qualify(parties with party i's votes moved by delta, rule,
// base0+delta), and the base; with scratch the slice is reused by the next
// call.
func (q *qualifier) qualify(parties []Party, rule Rule, i int, delta int64, scratch bool) ([]Qualification, int64) {
	base := q.base0 + delta
	var out []Qualification
	if scratch {
		// The caller drops the outcome built from it before the next call.
		out = q.buf[:0]
		for range parties {
			out = append(out, Failed)
		}
		q.buf = out
	} else {
		out = make([]Qualification, len(parties))
	}
	through := 0
	for j, pt := range parties {
		pass := q.bmax[j] >= base
		if j == i {
			pass = passesVotes(pt.Votes+delta, q.th, base)
		}
		switch {
		case pass:
			out[j] = Passed
			through++
		case q.route[j]:
			out[j] = DistrictWins
			through++
		case pt.Exempt:
			out[j] = Exempt
		default:
			out[j] = Failed
		}
	}
	if rule.RunnerUpGuaranteed && through == 1 {
		best := int64(-1)
		for j, pt := range parties {
			v := pt.Votes
			if j == i {
				v += delta
			}
			if out[j] == Failed && v > best {
				best = v
			}
		}
		if best > 0 {
			for j, pt := range parties {
				v := pt.Votes
				if j == i {
					v += delta
				}
				if out[j] == Failed && v == best {
					out[j] = RunnerUp
				}
			}
		}
	}
	return out, base
}
