package apportion

import (
	"math/big"
	"sort"
)

// closedForm computes divisor-method margins in O(log P) per party from the
// base outcome, when the margin lies in the first segment of constant
// participation (no party's qualification can change between 0 and the
// margin). Party i with v votes holds at least t seats for certain exactly
// when its t-th quotient v/d(t-1) strictly beats K, the r-th highest
// quotient among the other parties' free quotients (those above their
// minimum and below their cap), r = F - (t - lo) + 1 with F the seats above
// the minimums. The base allocation is a top-F set, so the others hold
// their r-1 highest quotients: K is the others' lowest awarded quotient
// when t is one more than i's seats, or their highest next quotient when t
// is i's seats. Other cases (overhang far below the district wins, a party
// inside a tie) go to the exact search.
type closedForm struct {
	p              *prober
	o              *outcome
	ok             bool
	pj             []int // input index -> participant index, -1 if none
	u1, u2, l1, l2 int   // lowest awarded and highest next quotients (participants), with runners-up
	sorted         []int64
	through0       int // parties qualifying through the threshold at x = 0
	// percent-threshold crossings of the other parties, as x values for
	// dir = +1 (a party passing fails once the base grows by x) and for
	// dir = -1; the two smallest non-negative ones, with their parties.
	cross [2][2]crossing
}

type crossing struct {
	x *big.Rat
	j int
}

func newClosedForm(p *prober, o *outcome) *closedForm {
	c := &closedForm{p: p, o: o, ok: o.div != nil}
	if !c.ok {
		return c
	}
	c.pj = make([]int, len(p.parties))
	for i := range c.pj {
		c.pj[i] = -1
	}
	for j, i := range o.part {
		c.pj[i] = j
	}
	d := o.div
	c.u1, c.u2, c.l1, c.l2 = -1, -1, -1, -1
	for j, v := range o.votes {
		if v <= 0 {
			continue
		}
		if o.full[j] > o.lo[j] {
			k := d.key(v, o.full[j]-1)
			if c.u1 < 0 || cmpKey(k, c.uKey(c.u1)) < 0 {
				c.u1, c.u2 = j, c.u1
			} else if c.u2 < 0 || cmpKey(k, c.uKey(c.u2)) < 0 {
				c.u2 = j
			}
		}
		if o.full[j] < o.hi[j] {
			k := d.key(v, o.full[j])
			if c.l1 < 0 || cmpKey(k, c.lKey(c.l1)) > 0 {
				c.l1, c.l2 = j, c.l1
			} else if c.l2 < 0 || cmpKey(k, c.lKey(c.l2)) > 0 {
				c.l2 = j
			}
		}
	}
	th := p.rule.Threshold
	if th == nil {
		return c
	}
	for _, q := range o.qual {
		if q == Passed || q == DistrictWins {
			c.through0++
		}
	}
	if p.rule.RunnerUpGuaranteed {
		c.sorted = make([]int64, len(p.parties))
		for i, q := range p.parties {
			c.sorted[i] = q.Votes
		}
		sort.Slice(c.sorted, func(a, b int) bool { return c.sorted[a] < c.sorted[b] })
	}
	if th.Percent != nil && th.Percent.Sign() > 0 {
		num, den := th.Percent.Num(), th.Percent.Denom()
		hd := new(big.Int).Mul(big.NewInt(100), den)
		nb := new(big.Int).Mul(num, bigI(p.base0))
		for di, dir := range []int64{1, -1} {
			for j, q := range p.parties {
				t := new(big.Int).Sub(new(big.Int).Mul(hd, bigI(q.Votes)), nb)
				x := new(big.Rat).SetFrac(t.Mul(t, big.NewInt(dir)), num)
				if x.Sign() < 0 {
					continue
				}
				cr := &c.cross[di]
				switch {
				case cr[0].x == nil || x.Cmp(cr[0].x) < 0:
					cr[1], cr[0] = cr[0], crossing{x, j}
				case cr[1].x == nil || x.Cmp(cr[1].x) < 0:
					cr[1] = crossing{x, j}
				}
			}
		}
	}
	return c
}

func (c *closedForm) uKey(j int) key { return c.o.div.key(c.o.votes[j], c.o.full[j]-1) }
func (c *closedForm) lKey(j int) key { return c.o.div.key(c.o.votes[j], c.o.full[j]) }

// safe reports whether no party's qualification can change while party i's
// votes move by dir*x for every x in [0, xs]: every crossing is beyond xs.
func (c *closedForm) safe(i int, dir, xs int64) bool { return c.safeOwn(i, dir, xs, true) }

// safeOwn is safe that, without own, ignores party i's own threshold test.
func (c *closedForm) safeOwn(i int, dir, xs int64, own bool) bool {
	th := c.p.rule.Threshold
	if th == nil {
		return true
	}
	beyond := func(x *big.Rat) bool { return x == nil || x.Sign() < 0 || x.Cmp(big.NewRat(xs, 1)) > 0 }
	di := 0
	if dir < 0 {
		di = 1
	}
	cr := c.cross[di]
	other := cr[0]
	if other.j == i {
		other = cr[1]
	}
	if !beyond(other.x) {
		return false
	}
	v := c.p.parties[i].Votes
	if own && th.Percent != nil && th.Percent.Sign() > 0 {
		num, den := th.Percent.Num(), th.Percent.Denom()
		hd := new(big.Int).Mul(big.NewInt(100), den)
		cc := new(big.Int).Sub(hd, num)
		if cc.Sign() != 0 {
			t := new(big.Int).Sub(new(big.Int).Mul(num, bigI(c.p.base0)), new(big.Int).Mul(hd, bigI(v)))
			if !beyond(new(big.Rat).Mul(new(big.Rat).SetFrac(t, cc), big.NewRat(dir, 1))) {
				return false
			}
		}
	}
	if own && th.Votes > 0 && !beyond(big.NewRat((th.Votes-v)*dir, 1)) {
		return false
	}
	// With every threshold crossing beyond xs the number of parties
	// qualifying through the threshold stays through0, and the runner-up
	// rule only acts when it is 1.
	if c.sorted != nil && c.through0 == 1 {
		// The nearest other vote count in the direction of travel (an equal
		// count, crossing at 0, included).
		k := sort.Search(len(c.sorted), func(k int) bool { return c.sorted[k] >= v })
		if dir > 0 {
			// c.sorted[k] == v is party i itself unless v occurs twice.
			if k+1 < len(c.sorted) && c.sorted[k+1]-v <= xs {
				return false
			}
		} else {
			if k+1 < len(c.sorted) && c.sorted[k+1] == v {
				return false
			}
			if k > 0 && v-c.sorted[k-1] <= xs {
				return false
			}
		}
	}
	return true
}

// noCrossings reports whether participation can never change.
func (c *closedForm) noCrossings() bool { return c.p.rule.Threshold == nil }

// gain returns party i's VotesToGain (-1: none) and whether it is known.
func (c *closedForm) gain(i, s int) (int64, bool) {
	if !c.ok {
		return 0, false
	}
	if c.pj[i] < 0 {
		return c.gainOutsider(i, s)
	}
	o, j, d := c.o, c.pj[i], c.o.div
	t := s + 1
	capJ := o.S // o.hi is o.lo for a party without votes; its cap is this
	if m := c.p.rule.MaxSeatsPerParty; m > 0 && m < capJ {
		capJ = m
	}
	if t > capJ {
		if c.noCrossings() || (c.p.rule.MaxSeatsPerParty > 0 && s >= c.p.rule.MaxSeatsPerParty) {
			return -1, true
		}
		return 0, false
	}
	var k key
	switch t {
	case o.full[j] + 1:
		other := c.u1
		if other == j {
			other = c.u2
		}
		if other < 0 {
			return 0, false
		}
		k = c.uKey(other)
	case o.full[j]:
		other := c.l1
		if other == j {
			other = c.l2
		}
		if other < 0 {
			return 0, false
		}
		k = c.lKey(other)
	default:
		return 0, false
	}
	need := d.minVotesAbove(t-1, k)
	if need < 0 {
		if c.noCrossings() {
			return -1, true
		}
		return 0, false
	}
	x := need - c.p.parties[i].Votes
	xmax := MaxTotalVotes - max(c.p.total, c.p.base0)
	if x < 1 || x > xmax || !c.safe(i, 1, x) {
		return 0, false
	}
	return x, true
}

// loss returns party i's VotesToLose (-1: none) and whether it is known.
func (c *closedForm) loss(i, s int) (int64, bool) {
	if !c.ok || c.pj[i] < 0 {
		return 0, false
	}
	o, j, d := c.o, c.pj[i], c.o.div
	v := c.p.parties[i].Votes
	t := s
	if (c.p.rule.Overhang && c.p.parties[i].DistrictWins >= int64(t)) || t <= o.lo[j] {
		// Its seats do not depend on its votes while participation holds.
		if c.safe(i, -1, v) {
			return -1, true
		}
		return 0, false
	}
	if t != o.full[j] {
		return 0, false
	}
	other := c.l1
	if other == j {
		other = c.l2
	}
	var xs int64
	if other < 0 {
		// Nobody else can take a seat: only zero votes (no quotient) loses.
		xs = v
	} else {
		keep := d.maxVotesAtMost(t-1, c.lKey(other))
		if keep < 0 || keep >= v {
			return 0, false
		}
		xs = v - keep
	}
	if xs < 1 || !c.safe(i, -1, xs) {
		return 0, false
	}
	return xs - 1, true
}

// gainOutsider handles a party below the threshold (no minimum seats, no
// district seats): it first qualifies at xq votes more, joining a
// distribution whose other parties are unchanged, and then needs its first
// quotient to beat the lowest awarded quotient.
func (c *closedForm) gainOutsider(i, s int) (int64, bool) {
	p, o := c.p, c.o
	th := p.rule.Threshold
	if s != 0 || th == nil || p.rule.MinSeatsPerParty > 0 || p.parties[i].DistrictWins > 0 || p.parties[i].Exempt {
		return 0, false
	}
	v := p.parties[i].Votes
	xq := int64(0)
	if th.Votes > 0 {
		xq = th.Votes - v
	}
	if th.Percent != nil && th.Percent.Sign() > 0 {
		// (v+x)*100*den >= num*(base0+x)  <=>  x*(hd-num) >= num*base0 - hd*v
		num, den := th.Percent.Num(), th.Percent.Denom()
		hd := new(big.Int).Mul(big.NewInt(100), den)
		cc := new(big.Int).Sub(hd, num)
		if cc.Sign() <= 0 {
			return 0, false
		}
		t := new(big.Int).Sub(new(big.Int).Mul(num, bigI(p.base0)), new(big.Int).Mul(hd, bigI(v)))
		q, m := new(big.Int).QuoRem(t, cc, new(big.Int))
		if m.Sign() > 0 {
			q.Add(q, big.NewInt(1))
		}
		if !q.IsInt64() {
			return 0, false
		}
		xq = max(xq, q.Int64())
	}
	if xq < 1 || c.u1 < 0 {
		return 0, false
	}
	need := o.div.minVotesAbove(0, c.uKey(c.u1))
	if need < 0 {
		return 0, false
	}
	x := max(xq, need-v)
	xmax := MaxTotalVotes - max(p.total, p.base0)
	// Before xq nothing changes for it, and from xq on its seats only grow
	// while nobody else's qualification changes; with the runner-up rule
	// the others must stay at two or more (it could else be a runner-up
	// earlier).
	if x > xmax || !c.safeOwn(i, 1, x, false) || (p.rule.RunnerUpGuaranteed && c.through0 < 2) {
		return 0, false
	}
	return x, true
}
