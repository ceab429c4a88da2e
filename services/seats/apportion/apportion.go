package apportion

import (
	"context"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"sort"
)

// baseFor returns the threshold base: the explicit Threshold.Base, or the sum
// of all parties' votes when it is 0. delta is added to an explicit base (the
// margin search moves the base with the votes a party gains or loses; an
// implicit base moves by itself because it is a sum).
func baseFor(parties []Party, th *Threshold, delta int64) int64 {
	if th == nil {
		return 0
	}
	if th.Base > 0 {
		return th.Base + delta
	}
	var s int64
	for _, p := range parties {
		s += p.Votes
	}
	return s
}

// passesVotes reports whether a party with v votes meets every configured
// vote criterion of th against base.
func passesVotes(v int64, th *Threshold, base int64) bool {
	if th.Percent == nil && th.Votes == 0 {
		return false
	}
	if th.Percent != nil {
		// v*100*den >= num*base, in 192 bits when num and den fit in 64.
		num, den := th.Percent.Num(), th.Percent.Denom()
		if num.IsUint64() && den.IsUint64() && v >= 0 && base >= 0 {
			if cmp192(mul3(uint64(v), 100, den.Uint64()), mul3(num.Uint64(), uint64(base), 1)) < 0 {
				return false
			}
		} else {
			l := new(big.Int).Mul(bigI(v), big.NewInt(100))
			l.Mul(l, den)
			r := new(big.Int).Mul(num, bigI(base))
			if l.Cmp(r) < 0 {
				return false
			}
		}
	}
	if th.Votes > 0 && v < th.Votes {
		return false
	}
	return true
}

// qualify classifies every party.
func qualify(parties []Party, rule Rule, base int64) []Qualification {
	q := make([]Qualification, len(parties))
	th := rule.Threshold
	if th == nil {
		return q // all NoThreshold
	}
	through := 0
	for i, p := range parties {
		switch {
		case passesVotes(p.Votes, th, base):
			q[i] = Passed
			through++
		case th.OrDistrictWinsAtLeast > 0 && p.DistrictWins >= th.OrDistrictWinsAtLeast:
			q[i] = DistrictWins
			through++
		case p.Exempt:
			q[i] = Exempt
		default:
			q[i] = Failed
		}
	}
	if rule.RunnerUpGuaranteed && through == 1 {
		best := int64(-1)
		for i, p := range parties {
			if q[i] == Failed && p.Votes > best {
				best = p.Votes
			}
		}
		if best > 0 {
			for i, p := range parties {
				if q[i] == Failed && p.Votes == best {
					q[i] = RunnerUp
				}
			}
		}
	}
	return q
}

// outcome is the internal result of one distribution, before tie resolution.
type outcome struct {
	rule      Rule
	base      int64
	qual      []Qualification
	part      []int // input indices of participants
	votes     []int64
	lo, hi    []int
	S         int   // seats distributed proportionally
	deducted  int64 // district wins of non-participants taken off Seats
	alloc     []int // per participant, contested seats removed
	tied      []int // participant indices
	contested int
	full      []int // divisor methods: allocation with the boundary broken by index
	div       *divSpec
	bnd       boundary
	q         *quotaOut
}

// errNoDistribution is used internally when a margin probe makes the
// distribution impossible.
var errNoDistribution = fmt.Errorf("apportion: no distribution possible")

// solve runs one distribution on validated input. baseDelta moves an
// explicit threshold base (margin probes).
func solve(ctx context.Context, parties []Party, rule Rule, baseDelta int64) (*outcome, error) {
	o, err := prepare(parties, rule, baseDelta)
	if err != nil {
		return nil, err
	}
	return distribute(ctx, o, rule)
}

// distribute runs the distribution of a prepared outcome.
func distribute(ctx context.Context, o *outcome, rule Rule) (*outcome, error) {
	S := o.S
	if rule.Method.IsDivisor() {
		d := &divSpec{m: rule.Method}
		if rule.Method == ModifiedSainteLague {
			d.fn = rule.FirstDivisor.Num().Uint64()
			d.fd = rule.FirstDivisor.Denom().Uint64()
		}
		o.div = d
		full := d.jump(o.votes, o.lo, o.hi, S)
		o.bnd = d.boundary(o.votes, o.lo, o.hi, full)
		o.full = full
		o.alloc = append([]int(nil), full...)
		if len(o.bnd.tied) > 0 {
			o.tied, o.contested = o.bnd.tied, o.bnd.contested
			for _, j := range o.tied {
				if o.alloc[j] > o.lo[j] && cmpKey(d.key(o.votes[j], o.alloc[j]-1), o.bnd.U) == 0 {
					o.alloc[j]--
				}
			}
		}
	} else {
		q, err := quotaAlloc(ctx, rule.Method, o.votes, o.lo, o.hi, S)
		if err != nil {
			return nil, err
		}
		o.q = q
		o.alloc = o.q.alloc
		o.tied, o.contested = o.q.tied, o.q.contested
	}
	return o, nil
}

// prepare is the part of solve that fixes participation, the seats to
// distribute and every participant's bounds, without distributing (the
// quota margin solver needs only this at each segment's start).
func prepare(parties []Party, rule Rule, baseDelta int64) (*outcome, error) {
	base := baseFor(parties, rule.Threshold, baseDelta)
	return prepareQual(parties, rule, base, qualify(parties, rule, base))
}

// prepareQual is prepare with the threshold base and every party's
// qualification given.
func prepareQual(parties []Party, rule Rule, base int64, qual []Qualification) (*outcome, error) {
	o := &outcome{rule: rule, base: base, qual: qual}
	S := rule.Seats
	for i, p := range parties {
		if o.qual[i].Participates() {
			o.part = append(o.part, i)
		} else if rule.Overhang {
			S -= int(p.DistrictWins)
			o.deducted += p.DistrictWins
		}
	}
	n := len(o.part)
	if n == 0 || S <= 0 || rule.MinSeatsPerParty*n > S {
		return nil, errNoDistribution
	}
	o.S = S
	o.votes = make([]int64, n)
	o.lo = make([]int, n)
	o.hi = make([]int, n)
	capTotal := 0
	for j, i := range o.part {
		o.votes[j] = parties[i].Votes
		o.lo[j] = rule.MinSeatsPerParty
		o.hi[j] = S
		if rule.MaxSeatsPerParty > 0 && rule.MaxSeatsPerParty < S {
			o.hi[j] = rule.MaxSeatsPerParty
		}
		if o.votes[j] == 0 {
			// A party without votes never wins a seat beyond the minimum.
			if rule.Method.IsDivisor() {
				o.hi[j] = o.lo[j]
			}
			capTotal += o.lo[j]
		} else {
			capTotal += o.hi[j]
		}
	}
	// The same consequences Validate refuses (no votes, caps too small), so
	// that a margin probe never counts a refused case as a result.
	if capTotal < S {
		return nil, errNoDistribution
	}
	return o, nil
}

// decidedTotals returns each input party's seats counting only decided
// seats (the margin definition: a tie is not a win).
func (o *outcome) decidedTotals(parties []Party) []int {
	tot := make([]int, len(parties))
	if o.rule.Overhang {
		for i, p := range parties {
			tot[i] = int(p.DistrictWins)
		}
	}
	for j, i := range o.part {
		if o.alloc[j] > tot[i] || !o.rule.Overhang {
			tot[i] = o.alloc[j]
		}
	}
	return tot
}

// tieOrder sorts candidate input indices by the tie rule's preference (best
// first). TieUndecided returns nil.
func tieOrder(parties []Party, cands []int, rule Rule) []int {
	c := append([]int(nil), cands...)
	sort.Ints(c)
	ballot := func(a, b int) bool {
		oa, ob := parties[a].BallotOrder, parties[b].BallotOrder
		switch {
		case oa > 0 && ob > 0 && oa != ob:
			return oa < ob
		case oa > 0 && ob == 0:
			return true
		case oa == 0 && ob > 0:
			return false
		}
		return a < b
	}
	switch rule.Ties {
	case TieMoreVotes:
		sort.SliceStable(c, func(x, y int) bool {
			a, b := c[x], c[y]
			if parties[a].Votes != parties[b].Votes {
				return parties[a].Votes > parties[b].Votes
			}
			return ballot(a, b)
		})
	case TieBallotOrder:
		sort.SliceStable(c, func(x, y int) bool { return ballot(c[x], c[y]) })
	case TieLot:
		// Fisher-Yates over the candidates in input order, driven by PCG
		// (fully specified) and unbiased rejection sampling, so the draw is
		// reproducible from the seed alone.
		r := rand.NewPCG(rule.Seed, 0x9E3779B97F4A7C15)
		for i := len(c) - 1; i > 0; i-- {
			j := boundedRand(r, uint64(i+1))
			c[i], c[j] = c[j], c[i]
		}
	default:
		return nil
	}
	return c
}

func boundedRand(r *rand.PCG, n uint64) uint64 {
	limit := ^uint64(0) - (^uint64(0)%n+1)%n
	for {
		v := r.Uint64()
		if v <= limit {
			return v % n
		}
	}
}

// Apportion distributes rule.Seats among parties exactly. It returns a
// *ValidationError (holding every FieldError) when the input is invalid.
func Apportion(parties []Party, rule Rule) (*Result, error) {
	return ApportionContext(context.Background(), parties, rule)
}

// ApportionContext is Apportion that stops early, returning ctx.Err(), when
// ctx is cancelled or its deadline passes. Every long loop (quota rounds,
// margin searches, award steps) checks ctx.
func ApportionContext(ctx context.Context, parties []Party, rule Rule) (*Result, error) {
	if errs := Validate(parties, rule); len(errs) > 0 {
		return nil, &ValidationError{Errors: errs}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	o, err := solve(ctx, parties, rule, 0)
	if ctxErr := ctx.Err(); ctxErr != nil {
		return nil, ctxErr
	}
	if err != nil {
		return nil, &ValidationError{Errors: []*FieldError{{Field: "rule", Reason: "NO_DISTRIBUTION", Message: "no distribution is possible under this rule"}}}
	}
	res := &Result{
		Method: rule.Method, Reserved: rule.Reserved, TieRule: rule.Ties, Seed: rule.Seed,
		Parties: make([]PartyResult, len(parties)),
	}
	pj := make([]int, len(parties)) // input index -> participant index or -1
	for i := range pj {
		pj[i] = -1
	}
	for j, i := range o.part {
		pj[i] = j
	}
	// Tie resolution.
	final := append([]int(nil), o.alloc...)
	if len(o.tied) > 0 {
		in := make([]int, len(o.tied))
		for k, j := range o.tied {
			in[k] = o.part[j]
		}
		t := Tie{Parties: append([]int(nil), in...), Seats: o.contested}
		sort.Ints(t.Parties)
		if ord := tieOrder(parties, in, rule); ord != nil {
			t.ResolvedTo = append([]int(nil), ord[:o.contested]...)
			sort.Ints(t.ResolvedTo)
			for _, i := range t.ResolvedTo {
				final[pj[i]]++
			}
		} else {
			res.Undecided = o.contested
		}
		res.Ties = []Tie{t}
	}
	// Party results.
	shareBase := int64(0)
	if th := rule.Threshold; th != nil && th.Base > 0 {
		shareBase = th.Base
	} else {
		for _, p := range parties {
			shareBase += p.Votes
		}
	}
	tiedSet := map[int]bool{}
	for _, t := range res.Ties {
		for _, i := range t.Parties {
			tiedSet[i] = true
		}
	}
	distributed := 0
	for i, p := range parties {
		pr := PartyResult{
			ID: p.ID, Name: p.Name, Votes: p.Votes, Qualification: o.qual[i],
			Participates: o.qual[i].Participates(), DistrictWins: p.DistrictWins,
			TiedForLast: tiedSet[i],
		}
		if shareBase > 0 {
			pr.Share = big.NewRat(p.Votes, shareBase)
		}
		if j := pj[i]; j >= 0 {
			pr.Proportional = final[j]
			pr.Seats = final[j]
			if rule.Overhang && int(p.DistrictWins) > final[j] {
				pr.OverhangSeats = int(p.DistrictWins) - final[j]
				pr.Seats = int(p.DistrictWins)
			}
			if o.q != nil {
				pr.Whole = o.q.whole[j]
				if o.q.hasRem[j] {
					pr.Remainder = new(big.Rat).SetFrac(bigU(o.q.remNum[j]), bigU(o.q.remDen[j]))
				}
			}
		} else if rule.Overhang {
			pr.Seats = int(p.DistrictWins)
		}
		res.Overhang += pr.OverhangSeats
		distributed += pr.Seats
		res.Parties[i] = pr
	}
	res.Seats = rule.Seats + res.Overhang
	res.HouseSize = res.Seats + rule.Reserved
	_ = distributed
	// Method details.
	if o.div != nil {
		d := o.div
		if len(o.tied) > 0 {
			r := o.bnd.U.rat()
			res.DivisorMin, res.DivisorMax = r, r
		} else {
			if o.bnd.hasL {
				res.DivisorMin = o.bnd.L.rat()
			}
			if o.bnd.hasU {
				res.DivisorMax = o.bnd.U.rat()
			}
		}
		sumLo, sumFinal := 0, 0
		for j := range final {
			sumLo += o.lo[j]
			sumFinal += final[j]
		}
		if rule.Steps {
			for k, it := range d.replay(o.votes, o.lo, final, MaxSteps) {
				res.Steps = append(res.Steps, Step{Seat: sumLo + k + 1, Party: o.part[it.i], Quotient: it.k.rat()})
			}
			res.StepsTruncated = sumFinal-sumLo > MaxSteps
		}
	} else {
		res.Quota = o.q.quota()
	}
	res.Notes = notes(parties, rule, o, res)
	res.Gallagher, res.LoosemoreHanby, res.ENPVotes, res.ENPSeats = indices(res.Parties)
	switch {
	case rule.NoMargins:
		res.Notes = append(res.Notes, "margins not computed: not requested")
	case len(parties) > MarginMaxParties:
		res.Notes = append(res.Notes, fmt.Sprintf("margins not computed: %d parties (more than %d)", len(parties), MarginMaxParties))
	default:
		if err := computeMargins(ctx, parties, rule, o, res); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// indices computes the descriptive disproportionality indices (floats).
func indices(ps []PartyResult) (gallagher, lh, enpV, enpS float64) {
	var tv, ts float64
	for _, p := range ps {
		tv += float64(p.Votes)
		ts += float64(p.Seats)
	}
	if tv == 0 || ts == 0 {
		return
	}
	var sq, ab, v2, s2 float64
	for _, p := range ps {
		vp := float64(p.Votes) / tv
		sp := float64(p.Seats) / ts
		d := 100 * (vp - sp)
		sq += d * d
		ab += math.Abs(d)
		v2 += vp * vp
		s2 += sp * sp
	}
	return math.Sqrt(sq / 2), ab / 2, 1 / v2, 1 / s2
}

func notes(parties []Party, rule Rule, o *outcome, res *Result) []string {
	var out []string
	out = append(out, fmt.Sprintf("%s: %d seats distributed among %d of %d parties", rule.Method, o.S, len(o.part), len(parties)))
	if th := rule.Threshold; th != nil {
		var crit []string
		if th.Percent != nil {
			crit = append(crit, fmt.Sprintf("%s%% of %d", th.Percent.FloatString(2), o.base))
		}
		if th.Votes > 0 {
			crit = append(crit, fmt.Sprintf("%d votes", th.Votes))
		}
		s := "threshold: " + joinAnd(crit)
		if th.OrDistrictWinsAtLeast > 0 {
			s += fmt.Sprintf(" or %d district wins", th.OrDistrictWinsAtLeast)
		}
		out = append(out, s)
		for i, q := range o.qual {
			if q == RunnerUp {
				out = append(out, fmt.Sprintf("runner-up rule: %s takes part as only one party qualified", parties[i].ID))
			}
		}
	}
	if rule.Overhang && o.deducted > 0 {
		out = append(out, fmt.Sprintf("overhang: %d district seats of non-qualifying parties taken off the %d seats", o.deducted, rule.Seats))
	}
	if res.Overhang > 0 {
		out = append(out, fmt.Sprintf("overhang: the house grows by %d seats", res.Overhang))
	}
	if o.q != nil {
		if res.Quota != nil {
			out = append(out, fmt.Sprintf("%s quota %s = %s", rule.Method, res.Quota.RatString(), res.Quota.FloatString(4)))
		}
		if o.q.overflow > 0 {
			out = append(out, fmt.Sprintf("whole quotas exceeded the seats: %d seat(s) taken back from the smallest remainders", o.q.overflow))
		}
		if o.q.rounds > 1 {
			out = append(out, fmt.Sprintf("seat limits applied in %d rounds", o.q.rounds))
		}
	}
	for _, t := range res.Ties {
		ids := make([]string, len(t.Parties))
		for k, i := range t.Parties {
			ids[k] = parties[i].ID
		}
		s := fmt.Sprintf("exact tie: %d seat(s) among %v", t.Seats, ids)
		if len(t.ResolvedTo) > 0 {
			w := make([]string, len(t.ResolvedTo))
			for k, i := range t.ResolvedTo {
				w[k] = parties[i].ID
			}
			s += fmt.Sprintf(", resolved by %s to %v", rule.Ties, w)
			if rule.Ties == TieLot {
				s += fmt.Sprintf(" (seed %d)", rule.Seed)
			}
		} else {
			s += ", left undecided"
		}
		out = append(out, s)
	}
	return out
}

func joinAnd(s []string) string {
	switch len(s) {
	case 0:
		return "none"
	case 1:
		return s[0]
	}
	return s[0] + " and " + s[1]
}
