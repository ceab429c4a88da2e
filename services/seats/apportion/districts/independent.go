package districts

import (
	"context"
	"fmt"
	"math/big"
	"math/bits"

	"github.com/mandate-project/mandate/services/seats/apportion"
)

// independent runs the single-pool engine in every district.
func independent(ctx context.Context, c *Chamber, seats []int, res *Result) error {
	r := c.Rule
	// National threshold first: a list that fails it takes part nowhere.
	national := make([]apportion.Qualification, len(c.Lists))
	if nt := r.NationalThreshold; nt != nil {
		total := new(big.Rat)
		for j := range res.Lists {
			total.Add(total, res.Lists[j].Votes)
		}
		base := total
		if nt.Base > 0 {
			base = new(big.Rat).SetInt64(nt.Base)
		}
		for j, l := range c.Lists {
			switch {
			case atLeastPercent(res.Lists[j].Votes, nt.Percent, base):
				national[j] = apportion.Passed
			case l.Exempt:
				national[j] = apportion.Exempt
			default:
				national[j] = apportion.Failed
			}
		}
		res.Notes = append(res.Notes, fmt.Sprintf("national threshold: %s%% of %s", nt.Percent.FloatString(2), base.FloatString(0)))
	}
	for j := range res.Lists {
		res.Lists[j].Qualification = national[j]
	}
	for i, d := range c.Districts {
		if err := ctx.Err(); err != nil {
			return err
		}
		method, first, pct, ties := r.Method, r.FirstDivisor, r.DistrictThreshold, r.Ties
		if o := d.Override; o != nil {
			method, first, pct, ties = o.Method, o.FirstDivisor, o.ThresholdPercent, o.Ties
		}
		var parties []apportion.Party
		var idx []int
		var sum int64
		for j, l := range c.Lists {
			v := cellInt(l, i)
			sum += v
			if v == 0 {
				continue
			}
			if national[j] == apportion.Failed {
				res.Lists[j].DistrictQualification[i] = apportion.Failed
				continue
			}
			parties = append(parties, apportion.Party{ID: l.ID, Name: l.Name, Votes: v, BallotOrder: l.BallotOrder})
			idx = append(idx, j)
		}
		field := fmt.Sprintf("districts[%d]", i)
		if len(parties) == 0 {
			return invalid(field, "NO_PARTY_QUALIFIES", "no list takes part in district %q", d.ID)
		}
		rule := apportion.Rule{Method: method, Seats: seats[i], FirstDivisor: first, Ties: ties, Seed: DistrictSeed(r.Seed, i), NoMargins: true}
		if pct != nil {
			base := d.ThresholdBase
			if base == 0 {
				base = sum
			}
			rule.Threshold = &apportion.Threshold{Percent: pct, Base: base}
		}
		pr, err := apportion.Apportion(parties, rule)
		if err != nil {
			return prefixed(err, field)
		}
		res.Districts[i].Stage = pr
		res.Undecided += pr.Undecided
		for k, p := range pr.Parties {
			j := idx[k]
			res.Lists[j].DistrictQualification[i] = p.Qualification
			res.Lists[j].DistrictSeats[i] = p.Seats
			if p.TiedForLast {
				res.Lists[j].TiedForLast = true
			}
		}
		res.Stages = append(res.Stages, singlePoolStage("district "+d.ID, pr))
	}
	if res.Undecided > 0 {
		res.Notes = append(res.Notes, fmt.Sprintf("%d seat(s) left undecided by exact ties", res.Undecided))
	}
	return nil
}

// atLeastPercent reports v*100 >= pct*base, exactly.
func atLeastPercent(v, pct, base *big.Rat) bool {
	if v.IsInt() && base.IsInt() && v.Num().IsUint64() && base.Num().IsUint64() && pct.Num().IsUint64() && pct.Denom().IsUint64() {
		// Vote counts: compare v*100*den with num*base in 192 bits.
		return !less192(mul3u(v.Num().Uint64(), 100, pct.Denom().Uint64()), mul3u(pct.Num().Uint64(), base.Num().Uint64(), 1))
	}
	l := new(big.Rat).Mul(v, hundred)
	r := new(big.Rat).Mul(pct, base)
	return l.Cmp(r) >= 0
}

// prefixed puts a district's field path in front of the single-pool
// engine's field errors, which name the district's own rule and parties.
func prefixed(err error, field string) error {
	ve, ok := err.(*apportion.ValidationError)
	if !ok {
		return err
	}
	out := &apportion.ValidationError{}
	for _, fe := range ve.Errors {
		out.Errors = append(out.Errors, &apportion.FieldError{Field: field + "." + fe.Field, Reason: fe.Reason, Message: fe.Message})
	}
	return out
}

// singlePoolStage explains a single-pool distribution as a stage.
func singlePoolStage(name string, pr *apportion.Result) Stage {
	st := Stage{Name: name, Method: pr.Method, Seats: pr.Seats, Tie: len(pr.Ties) > 0, Notes: pr.Notes}
	if pr.Method.IsDivisor() {
		st.LastWin, st.FirstOut = pr.DivisorMax, pr.DivisorMin
		if pr.DivisorMin != nil && pr.DivisorMax != nil {
			if pr.DivisorMin.Cmp(pr.DivisorMax) == 0 {
				st.Divisor = pr.DivisorMax
			} else {
				st.Divisor = simplestBetween(pr.DivisorMin, pr.DivisorMax)
			}
			if pr.DivisorMax.Sign() > 0 {
				g := new(big.Rat).Sub(pr.DivisorMax, pr.DivisorMin)
				st.ClosestCall = g.Quo(g, pr.DivisorMax)
			}
		}
	}
	return st
}

// mul3u returns a*b*c as a 192-bit number, least significant word first.
func mul3u(a, b, c uint64) [3]uint64 {
	h1, l1 := bits.Mul64(a, b)
	h2, l2 := bits.Mul64(l1, c)
	h3, l3 := bits.Mul64(h1, c)
	w1, carry := bits.Add64(h2, l3, 0)
	return [3]uint64{l2, w1, h3 + carry}
}

func less192(a, b [3]uint64) bool {
	for i := 2; i >= 0; i-- {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}
