package apportion

import (
	"context"
	"math/big"
	"sort"
)

// Margins. For party i holding s seats for certain (decided seats: a seat in
// an exact tie is not held), with every other party's votes fixed:
//
//	VotesToGain = min { x >= 1 : seats(v+x) > s }
//	VotesToLose = min { x >= 1 : seats(v-x) < s } - 1
//
// seats(v') being the decided seats with v' votes (the threshold base moving
// with the votes, see the package doc); a change that leaves no valid
// distribution counts as no gain and as a loss. Both are first crossings, so
// x-1 added votes never gain and every loss up to VotesToLose keeps all s
// seats, whether or not the method is monotone.
//
// How they are found exactly. The x axis is cut into segments in which the
// set of participants cannot change: every threshold crossing of every
// party (the base moves with x) and, with the runner-up rule, every
// vote-order crossing starts a new segment. Inside a segment a party's seats
// are monotone in its own votes for every divisor method (its quotients
// grow, the others' stay) and for Hare, Hagenbach-Bischoff and Imperiali
// quota (its items votes-u*quota grow, the others' shrink as the quota
// grows), so one probe at the segment's end tells whether the crossing is in
// it and a binary search finds it. Droop's integer quota steps every S+1
// votes and a party's seats are not monotone across a step, but they are
// inside each step, and at the last vote of each step the winning condition
// (v+x) - s*q > K(q) has a left side growing with q and a right side (the
// others' items) shrinking with q: so the steps are binary-searched by their
// ends first. For uncapped quota methods the crossing of a whole segment
// is computed directly by selection (quotacross.go); the probing described
// here is its fallback and reference. Divisor methods have a closed form in
// the first segment (the least votes whose next quotient beats the others'
// boundary quotient), which gives most margins in O(1). Quota methods with seat caps are not
// monotone (a cap moves the quota of later rounds) and are not computed.

// prober re-runs the distribution with one party's votes changed. The rule
// is evaluated with TieUndecided semantics: a tie is never a win.
type prober struct {
	ctx     context.Context
	parties []Party
	rule    Rule
	total   int64
	base0   int64
	others  [2][]pointOf // threshold points of every party, for dir +1 and -1
	base    *outcome     // the outcome at x = 0
	noCross bool         // tests: answer quota segments by probing only
	stats   marginStats
	buf     crossBuf // scratch of the quota segment solver
	qf      *qualifier
}

// marginStats counts how quota-method segments were answered (tests).
type marginStats struct{ crossed, declined int }

// at returns party i's decided seats when its votes change by delta (the
// threshold base moves with it), and the outcome; -1 when no distribution
// is possible.
func (p *prober) at(i int, delta int64) (int, *outcome) {
	v := p.parties[i].Votes
	var o *outcome
	var err error
	if p.rule.Threshold != nil {
		// The qualification from per-party base bounds (no big products).
		qual, base := p.qualifier().qualify(p.parties, p.rule, i, delta, false)
		p.parties[i].Votes = v + delta
		o, err = prepareQual(p.parties, p.rule, base, qual)
	} else {
		p.parties[i].Votes = v + delta
		o, err = prepare(p.parties, p.rule, delta)
	}
	if err == nil {
		o, err = distribute(p.ctx, o, p.rule)
	}
	p.parties[i].Votes = v
	if err != nil {
		return -1, nil
	}
	return o.totalOf(p.parties, i), o
}

// totalOf returns input party i's decided seats in o.
func (o *outcome) totalOf(parties []Party, i int) int {
	s := 0
	if o.rule.Overhang {
		s = int(parties[i].DistrictWins)
	}
	if j := sort.SearchInts(o.part, i); j < len(o.part) && o.part[j] == i && (o.alloc[j] > s || !o.rule.Overhang) {
		s = o.alloc[j]
	}
	return s
}

// computeMargins fills VotesToGain, VotesToLose and their statuses.
func computeMargins(ctx context.Context, parties []Party, rule Rule, o *outcome, res *Result) error {
	_, err := computeMarginsWith(ctx, parties, rule, o, res, false)
	return err
}

// computeMarginsWith is computeMargins that, with noCross, answers
// quota-method segments by probing only (tests compare the two), and
// reports how the segments were answered.
func computeMarginsWith(ctx context.Context, parties []Party, rule Rule, o *outcome, res *Result, noCross bool) (marginStats, error) {
	if !rule.Method.IsDivisor() && rule.MaxSeatsPerParty > 0 {
		res.Notes = append(res.Notes, "margins not computed: with seat caps a quota method's seats are not monotone in a party's votes (a cap changes the quota of later rounds), so no exact margin is known")
		return marginStats{}, nil
	}
	pr := &prober{ctx: ctx, parties: append([]Party(nil), parties...), rule: rule, base0: o.base, base: o, noCross: noCross}
	pr.rule.Ties = TieUndecided
	pr.rule.NoMargins, pr.rule.Steps = true, false
	for _, q := range parties {
		pr.total += q.Votes
	}
	s0 := o.decidedTotals(parties)
	cf := newClosedForm(pr, o)
	for i := range parties {
		if err := ctx.Err(); err != nil {
			return pr.stats, err
		}
		r := &res.Parties[i]
		s := s0[i]
		gain, ok := cf.gain(i, s)
		if !ok {
			gain = pr.gainSearch(i, s)
		}
		loss := int64(-1)
		if s > 0 {
			var ok bool
			if loss, ok = cf.loss(i, s); !ok {
				loss = pr.lossSearch(i, s)
			}
		}
		if err := ctx.Err(); err != nil {
			return pr.stats, err
		}
		r.GainStatus, r.LoseStatus = MarginNone, MarginNone
		if gain >= 1 {
			r.VotesToGain, r.GainStatus = gain, MarginComputed
		}
		if loss >= 0 {
			r.VotesToLose, r.LoseStatus = loss, MarginComputed
		}
	}
	return pr.stats, nil
}

// gainSearch returns min{x >= 1 : seats(v+x) > s}, or -1 if none.
func (p *prober) gainSearch(i, s int) int64 {
	if p.rule.MaxSeatsPerParty > 0 && s >= p.rule.MaxSeatsPerParty {
		return -1
	}
	xmax := MaxTotalVotes - max(p.total, p.base0)
	if xmax < 1 {
		return -1
	}
	f := func(x int64) bool { a, _ := p.at(i, x); return a > s }
	return p.firstTrue(i, +1, xmax, f, p.fastQuota(i, s, true), p.quotaCross(i, s, +1))
}

// fastQuota returns, for an uncapped quota method, a builder of the
// crossing test of one segment from the outcome at its start that needs no
// re-run (quotaProbe); nil otherwise.
func (p *prober) fastQuota(i, s int, gain bool) func(o *outcome) func(int64) bool {
	if p.rule.Method.IsDivisor() || p.rule.MaxSeatsPerParty > 0 {
		return nil
	}
	v := p.parties[i].Votes
	dw := 0
	if p.rule.Overhang {
		dw = int(p.parties[i].DistrictWins)
	}
	return func(o *outcome) func(int64) bool {
		j := sort.SearchInts(o.part, i)
		if j >= len(o.part) || o.part[j] != i {
			return nil
		}
		qp := newQuotaProbe(o, j)
		lo := int64(o.lo[j])
		if gain {
			// total > s  <=>  alloc >= s+1 (district seats are at most s)
			return func(x int64) bool { return qp.valid(v+x) && qp.holds(v+x, int64(s)+1-lo) }
		}
		if dw >= s {
			// Its district seats keep s; only a missing distribution loses.
			return func(x int64) bool { return !qp.valid(v - x) }
		}
		return func(x int64) bool { return !qp.valid(v-x) || !qp.holds(v-x, int64(s)-lo) }
	}
}

// lossSearch returns min{x >= 1 : seats(v-x) < s} - 1, or -1 when no loss
// up to all the party's votes costs a seat.
func (p *prober) lossSearch(i, s int) int64 {
	v := p.parties[i].Votes
	if v == 0 {
		return -1
	}
	f := func(x int64) bool { a, _ := p.at(i, -x); return a < s }
	x := p.firstTrue(i, -1, v, f, p.fastQuota(i, s, false), p.quotaCross(i, s, -1))
	if x < 0 {
		return -1
	}
	return x - 1
}

// firstTrue returns the least x in [1, hi] with f(x), or -1; f is monotone
// inside every segment of constant participation (Droop: see
// droopSegment). The segments run between threshold crossings (each
// crossing c starts segments at floor(c), floor(c)+1 and floor(c)+2, so no
// off-by-one can hide a change); with the runner-up rule, a segment in
// which exactly one party qualifies through the threshold is cut further
// at every vote-order crossing (elsewhere the rule is idle: that count
// changes only at threshold crossings). Only the segments before the
// answer are visited.
//
// fast, when not nil, builds an equivalent test for one segment from the
// outcome at its start (participation is constant inside it); cross, when
// not nil, answers a whole segment at once (quotaCross) or declines.
func (p *prober) firstTrue(i int, dir, hi int64, slow func(int64) bool, fast func(*outcome) func(int64) bool, cross func(a, b int64) (int64, bool)) int64 {
	bps := append(p.thresholdPoints(i, dir, hi), hi+1)
	if dir < 0 && p.rule.Threshold != nil && hi >= 2 {
		// Losing every vote is a segment of its own: a runner-up needs at
		// least one vote, so participation can change there although no
		// vote count or threshold is crossed.
		if k := len(bps) - 2; k < 0 || bps[k] < hi {
			bps = append(bps[:len(bps)-1], hi, hi+1)
		}
	}
	runnerUp := p.rule.RunnerUpGuaranteed && p.rule.Threshold != nil
	var votes []int64
	a := int64(1)
	for _, nb := range bps {
		b := nb - 1
		if a > b {
			continue
		}
		cuts := []int64{b + 1}
		if runnerUp && p.through(i, dir*a) == 1 {
			if votes == nil {
				votes = points(p.voteCrossings(i, dir), hi)
			}
			cuts = cuts[:0]
			for _, x := range votes {
				if x > a && x <= b {
					cuts = append(cuts, x)
				}
			}
			cuts = append(cuts, b+1)
		}
		for _, c := range cuts {
			if p.ctx.Err() != nil {
				return -1 // the caller reports the cancellation
			}
			if x := p.segment(i, dir, a, c-1, slow, fast, cross); x >= 0 {
				return x
			}
			a = c
		}
	}
	return -1
}

// segment returns the least x in [a, b] with the crossing test, or -1.
func (p *prober) segment(i int, dir, a, b int64, slow func(int64) bool, fast func(*outcome) func(int64) bool, cross func(a, b int64) (int64, bool)) int64 {
	if a > b || p.ctx.Err() != nil {
		return -1
	}
	if cross != nil {
		if x, ok := cross(a, b); ok {
			p.stats.crossed++
			return x
		}
		p.stats.declined++
	}
	if dir > 0 && p.rule.Threshold != nil && !p.qualifier().takesPart(p.parties, i, a) {
		// Party i takes no part in the whole segment: its seats are its
		// district seats, at most what it holds (or there is no
		// distribution): no gain here.
		return -1
	}
	f := slow
	if fast != nil {
		o := p.base // without a threshold participation never changes
		if p.rule.Threshold != nil {
			_, o = p.at(i, dir*a)
		}
		if o != nil {
			if ff := fast(o); ff != nil {
				f = ff
			}
		}
	}
	if p.rule.Method == Droop {
		return p.droopSegment(i, dir, a, b, f)
	}
	return gallop(a, b, f)
}

// gallop returns the least x in [a, b] with f(x), or -1; f monotone on
// [a, b]. It probes a, a+1, a+3, a+7, ... before bisecting, so a margin m
// votes into a segment costs about 2*log2(m) probes however long the
// segment is (the gain segment runs to 2^60).
func gallop(a, b int64, f func(int64) bool) int64 {
	lo, step := a, int64(1)
	for x := a; ; {
		if f(x) {
			return bsearch(lo, x, f)
		}
		if x == b {
			return -1
		}
		lo = x + 1
		if step > b-x {
			x = b
		} else {
			x += step
		}
		step *= 2
	}
}

// bsearch returns the least x in [a, b] with f(x), given f(b) and f
// monotone on [a, b].
func bsearch(a, b int64, f func(int64) bool) int64 {
	for a < b {
		mid := a + (b-a)/2
		if f(mid) {
			b = mid
		} else {
			a = mid + 1
		}
	}
	return a
}

// droopSegment finds the least x in [a, b] with f(x) under Droop, in a
// segment of constant participation. The quota floor(T/(S+1))+1 (T the
// participants' votes, S the seats above the minimums) is constant on
// pieces of S+1 votes; f is monotone inside a piece and f at the pieces'
// far ends is monotone in x (see the comment at the top of this file), so
// the pieces are binary-searched by their far ends.
func (p *prober) droopSegment(i int, dir, a, b int64, f func(int64) bool) int64 {
	o, shift := p.base, dir*a // without a threshold participation never changes
	if p.rule.Threshold != nil {
		_, o = p.at(i, dir*a)
		shift = 0
	}
	if o == nil || sort.SearchInts(o.part, i) >= len(o.part) || o.part[sort.SearchInts(o.part, i)] != i {
		// Not a participant (or no distribution) here: seats are constant.
		if f(b) {
			return bsearch(a, b, f)
		}
		return -1
	}
	sr := int64(o.S)
	ta := shift // the base outcome holds party i's votes at x = 0
	for j, v := range o.votes {
		ta += v
		sr -= int64(o.lo[j])
	}
	if sr <= 0 {
		if f(b) {
			return bsearch(a, b, f)
		}
		return -1
	}
	m := sr + 1
	// T(x) = ta + dir*(x-a); piece index k(x) = floor(T/m).
	ka := ta / m
	kb := (ta + dir*(b-a)) / m
	np := (kb-ka)*dir + 1
	end := func(pc int64) int64 { // far end (in x) of piece pc, unclamped
		k := ka + dir*pc
		if dir > 0 {
			return a + (k+1)*m - 1 - ta
		}
		return a + ta - k*m
	}
	start := func(pc int64) int64 {
		if pc == 0 {
			return a
		}
		return end(pc-1) + 1
	}
	// Full pieces 0..np-2: search the first whose far end succeeds.
	lo, hi := int64(0), np-1
	for lo < hi {
		mid := lo + (hi-lo)/2
		if f(end(mid)) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	// lo is the first full piece whose end succeeds, or np-1 (the last,
	// possibly partial, piece ending at b).
	e := b
	if lo < np-1 {
		e = end(lo)
	}
	if !f(e) {
		return -1
	}
	return bsearch(start(lo), e, f)
}

// thresholdPoints is points(thresholdCrossings(i, dir), hi), with the other
// parties' crossings (which do not depend on i) computed once per
// direction.
func (p *prober) thresholdPoints(i int, dir, hi int64) []int64 {
	di := 0
	if dir < 0 {
		di = 1
	}
	if p.others[di] == nil {
		p.others[di] = []pointOf{}
		for j := range p.parties {
			for _, x := range points(p.otherCrossing(j, dir), MaxTotalVotes) {
				p.others[di] = append(p.others[di], pointOf{x, j})
			}
		}
		sort.Slice(p.others[di], func(a, b int) bool { return p.others[di][a].x < p.others[di][b].x })
	}
	own := points(p.ownCrossings(i, dir), hi)
	out := make([]int64, 0, len(p.others[di])+len(own))
	for _, pt := range p.others[di] {
		if pt.j == i || pt.x > hi {
			continue
		}
		for len(own) > 0 && own[0] < pt.x {
			out, own = append(out, own[0]), own[1:]
		}
		if len(out) == 0 || out[len(out)-1] != pt.x {
			out = append(out, pt.x)
		}
	}
	for _, x := range own {
		if len(out) == 0 || out[len(out)-1] != x {
			out = append(out, x)
		}
	}
	return uniqSorted(out)
}

type pointOf struct {
	x int64
	j int
}

// through counts the parties qualifying through the threshold (votes or
// district wins) when party i's votes move by delta.
func (p *prober) through(i int, delta int64) int {
	return p.qualifier().through(p.parties, i, delta)
}

func points(cs []*big.Rat, hi int64) []int64 {
	var out []int64
	for _, c := range cs {
		if c.Sign() < 0 {
			continue
		}
		fl := new(big.Int).Quo(c.Num(), c.Denom())
		if !fl.IsInt64() {
			continue
		}
		for k := int64(0); k <= 2; k++ {
			if x := fl.Int64() + k; x >= 2 && x <= hi {
				out = append(out, x)
			}
		}
	}
	return uniqSorted(out)
}

func uniqSorted(out []int64) []int64 {
	sort.Slice(out, func(a, b int) bool { return out[a] < out[b] })
	uniq := out[:0]
	for k, x := range out {
		if k == 0 || x != out[k-1] {
			uniq = append(uniq, x)
		}
	}
	return uniq
}

// ownCrossings returns the x (party i's votes moving by dir*x) at which
// its own threshold test may change.
func (p *prober) ownCrossings(i int, dir int64) []*big.Rat {
	var cs []*big.Rat
	v := p.parties[i].Votes
	D := big.NewRat(dir, 1)
	th := p.rule.Threshold
	if th == nil {
		return nil
	}
	if th.Percent != nil && th.Percent.Sign() > 0 {
		num, den := th.Percent.Num(), th.Percent.Denom()
		hd := new(big.Int).Mul(big.NewInt(100), den)
		nb := new(big.Int).Mul(num, bigI(p.base0))
		c := new(big.Int).Sub(hd, num)
		if c.Sign() != 0 {
			t := new(big.Int).Sub(nb, new(big.Int).Mul(hd, bigI(v)))
			cs = append(cs, new(big.Rat).Mul(new(big.Rat).SetFrac(t, c), D))
		}
	}
	if th.Votes > 0 {
		cs = append(cs, new(big.Rat).Mul(big.NewRat(th.Votes-v, 1), D))
	}
	return cs
}

// otherCrossing returns the x at which party j's percent test changes when
// another party's votes (and so the base) move by dir*x.
func (p *prober) otherCrossing(j int, dir int64) []*big.Rat {
	th := p.rule.Threshold
	if th == nil || th.Percent == nil || th.Percent.Sign() <= 0 {
		return nil
	}
	num, den := th.Percent.Num(), th.Percent.Denom()
	hd := new(big.Int).Mul(big.NewInt(100), den)
	nb := new(big.Int).Mul(num, bigI(p.base0))
	t := new(big.Int).Sub(new(big.Int).Mul(hd, bigI(p.parties[j].Votes)), nb)
	return []*big.Rat{new(big.Rat).Mul(new(big.Rat).SetFrac(t, num), big.NewRat(dir, 1))}
}

// voteCrossings returns the x at which party i's votes pass another's.
func (p *prober) voteCrossings(i int, dir int64) []*big.Rat {
	var cs []*big.Rat
	v := p.parties[i].Votes
	for j, q := range p.parties {
		if j != i {
			cs = append(cs, big.NewRat((q.Votes-v)*dir, 1))
		}
	}
	return cs
}
