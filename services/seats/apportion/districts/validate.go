package districts

import (
	"fmt"
	"math/big"

	"github.com/mandate-project/mandate/services/seats/apportion"
)

var (
	hundred   = big.NewRat(100, 1)
	maxVoteBI = new(big.Int).SetInt64(apportion.MaxTotalVotes)
	maxPart   = big.NewInt(1 << 31)
)

type errList struct{ errs []*apportion.FieldError }

func (e *errList) add(field, reason, format string, args ...any) {
	e.errs = append(e.errs, &apportion.FieldError{Field: field, Reason: reason, Message: fmt.Sprintf(format, args...)})
}

func (e *errList) percent(field string, p *big.Rat) {
	if p == nil {
		return
	}
	if p.Sign() < 0 {
		e.add(field, "PERCENT_NEGATIVE", "percent must be >= 0, got %s", p.RatString())
	} else if p.Cmp(hundred) > 0 {
		e.add(field, "PERCENT_OVER_100", "percent must be <= 100, got %s", p.RatString())
	}
}

// method checks a method and its first divisor; fm and ff are their field
// paths.
func (e *errList) method(fm, ff string, m apportion.Method, first *big.Rat, divisorOnly bool) {
	switch {
	case m == apportion.MethodUnspecified:
		e.add(fm, "METHOD_UNSPECIFIED", "the method is required")
		return
	case !m.IsDivisor() && !m.IsQuota():
		e.add(fm, "METHOD_UNKNOWN", "unknown method %d", int(m))
		return
	case divisorOnly && !m.IsDivisor():
		e.add(fm, "DIVISOR_METHOD_REQUIRED", "%s is not a divisor method", m)
	}
	if m == apportion.ModifiedSainteLague {
		switch {
		case first == nil:
			e.add(ff, "FIRST_DIVISOR_REQUIRED", "modified_sainte_lague needs a first divisor (e.g. 1.4)")
		case first.Sign() <= 0:
			e.add(ff, "FIRST_DIVISOR_NOT_POSITIVE", "first divisor must be > 0, got %s", first.RatString())
		case first.Num().CmpAbs(maxPart) >= 0 || first.Denom().Cmp(maxPart) >= 0:
			e.add(ff, "FIRST_DIVISOR_TOO_PRECISE", "numerator and denominator must be < 2^31")
		}
	} else if first != nil {
		e.add(ff, "FIRST_DIVISOR_NOT_APPLICABLE", "a first divisor is only used by modified_sainte_lague")
	}
}

// Validate returns every problem with the chamber (nil when there is none).
// Field paths name the Go fields in snake case: districts[i].seats,
// lists[j].votes[i] (i = district index), rule.biproportional.quorum...
func Validate(c *Chamber) []*apportion.FieldError {
	var e errList
	r := c.Rule
	if r.Family <= FamilyUnspecified || r.Family >= familyEnd {
		e.add("rule.family", "FAMILY_UNSPECIFIED", "the rule family is required (independent, biproportional or leveling)")
		return e.errs
	}
	if len(c.Districts) == 0 {
		e.add("districts", "NO_DISTRICTS", "at least one district is required")
	}
	if len(c.Districts) > MaxDistricts {
		e.add("districts", "TOO_MANY_DISTRICTS", "%d districts, at most %d", len(c.Districts), MaxDistricts)
	}
	if len(c.Lists) == 0 {
		e.add("lists", "NO_LISTS", "at least one list is required")
	}
	if len(c.Lists) > MaxLists {
		e.add("lists", "TOO_MANY_LISTS", "%d lists, at most %d", len(c.Lists), MaxLists)
	}
	if len(c.Lists)*len(c.Districts) > MaxCells {
		e.add("lists", "TOO_MANY_CELLS", "%d lists x %d districts exceed %d cells", len(c.Lists), len(c.Districts), MaxCells)
	}
	if len(e.errs) > 0 {
		return e.errs
	}
	ids := map[string]int{}
	total := 0
	for i, d := range c.Districts {
		f := fmt.Sprintf("districts[%d]", i)
		if d.ID == "" {
			e.add(f+".id", "ID_REQUIRED", "district id is required")
		} else if j, dup := ids[d.ID]; dup {
			e.add(f+".id", "DUPLICATE_DISTRICT_ID", "id %q already used by districts[%d]", d.ID, j)
		} else {
			ids[d.ID] = i
		}
		if r.DistrictApportionment == nil {
			if d.Seats <= 0 {
				e.add(f+".seats", "DISTRICT_WITHOUT_SEATS", "district %q has %d seats; every district needs at least one", d.ID, d.Seats)
			} else if d.Seats > apportion.MaxSeats {
				e.add(f+".seats", "TOO_MANY_SEATS", "at most %d seats", apportion.MaxSeats)
			} else {
				total += d.Seats
			}
		} else if d.Seats < 0 {
			e.add(f+".seats", "NEGATIVE_SEATS", "seats must be >= 0")
		}
		if d.LevelingSeats < 0 {
			e.add(f+".leveling_seats", "NEGATIVE_LEVELING_SEATS", "leveling seats must be >= 0")
		} else if d.LevelingSeats > 0 && r.Family != Leveling {
			e.add(f+".leveling_seats", "LEVELING_NOT_APPLICABLE", "leveling seats need the leveling family")
		} else if r.DistrictApportionment == nil && d.Seats > 0 && d.LevelingSeats >= d.Seats {
			e.add(f+".leveling_seats", "NO_DISTRICT_SEATS_LEFT", "%d leveling seats leave no district seat of %d", d.LevelingSeats, d.Seats)
		}
		if d.ThresholdBase < 0 || d.ThresholdBase > apportion.MaxTotalVotes {
			e.add(f+".threshold_base", "BAD_BASE", "threshold base must be between 0 and %d", apportion.MaxTotalVotes)
		}
		if d.Population < 0 {
			e.add(f+".population", "NEGATIVE_POPULATION", "population must be >= 0")
		}
		if d.AreaKm2 < 0 {
			e.add(f+".area_km2", "NEGATIVE_AREA", "area must be >= 0")
		}
		if o := d.Override; o != nil {
			if r.Family != Independent {
				e.add(f+".override", "OVERRIDE_NOT_APPLICABLE", "per-district rules are for the independent family")
			} else {
				e.method(f+".override.method", f+".override.first_divisor", o.Method, o.FirstDivisor, false)
				e.percent(f+".override.threshold_percent", o.ThresholdPercent)
			}
		}
	}
	if c.Seats != 0 {
		want := total
		if r.DistrictApportionment != nil {
			want = r.DistrictApportionment.Seats
		}
		if c.Seats != want {
			e.add("seats", "SEATS_MISMATCH", "the house has %d seats but the districts' seats add up to %d", c.Seats, want)
		}
	}
	if total > apportion.MaxSeats {
		e.add("districts", "TOO_MANY_SEATS", "the districts' seats add up to more than %d", apportion.MaxSeats)
	}
	lids := map[string]int{}
	sums := make([]ratSum, len(c.Districts))
	integral := r.Family != Biproportional
	var grandSum ratSum
	for j, l := range c.Lists {
		f := fmt.Sprintf("lists[%d]", j)
		if l.ID == "" {
			e.add(f+".id", "ID_REQUIRED", "list id is required")
		} else if k, dup := lids[l.ID]; dup {
			e.add(f+".id", "DUPLICATE_LIST_ID", "id %q already used by lists[%d]", l.ID, k)
		} else {
			lids[l.ID] = j
		}
		if len(l.Votes) > len(c.Districts) {
			e.add(f+".votes", "UNKNOWN_DISTRICT", "%d vote entries for %d districts", len(l.Votes), len(c.Districts))
			continue
		}
		if l.BallotOrder < 0 {
			e.add(f+".ballot_order", "NEGATIVE_BALLOT_ORDER", "ballot order must be >= 0")
		}
		for i, v := range l.Votes {
			if v == nil {
				continue
			}
			vf := fmt.Sprintf("%s.votes[%d]", f, i)
			switch {
			case v.Sign() < 0:
				e.add(vf, "NEGATIVE_VOTES", "votes must be >= 0, got %s", v.RatString())
			case integral && !v.IsInt():
				e.add(vf, "VOTES_NOT_INTEGER", "votes must be whole numbers in the %s family, got %s", r.Family, v.RatString())
			case v.Num().Cmp(maxVoteBI) > 0 || v.Denom().Cmp(maxVoteBI) > 0:
				e.add(vf, "VOTES_TOO_LARGE", "votes must be <= %d", apportion.MaxTotalVotes)
			default:
				sums[i].add(v)
				grandSum.add(v)
			}
		}
	}
	grand := grandSum.rat()
	sumD := make([]*big.Rat, len(sums))
	for i := range sums {
		sumD[i] = sums[i].rat()
	}
	if grand.Cmp(new(big.Rat).SetInt(maxVoteBI)) > 0 {
		e.add("lists", "TOTAL_VOTES_TOO_LARGE", "the votes add up to more than %d", apportion.MaxTotalVotes)
	}
	for i, d := range c.Districts {
		if d.ThresholdBase > 0 && new(big.Rat).SetInt64(d.ThresholdBase).Cmp(sumD[i]) < 0 {
			e.add(fmt.Sprintf("districts[%d].threshold_base", i), "BASE_BELOW_TOTAL_VOTES", "base %d is smaller than the lists' votes %s", d.ThresholdBase, sumD[i].RatString())
		}
		if sumD[i].Sign() == 0 {
			e.add(fmt.Sprintf("districts[%d]", i), "NO_VOTES", "district %q has no votes to distribute its seats by", d.ID)
		}
	}
	switch r.Family {
	case Independent:
		e.method("rule.method", "rule.first_divisor", r.Method, r.FirstDivisor, false)
		e.percent("rule.district_threshold_percent", r.DistrictThreshold)
		if nt := r.NationalThreshold; nt != nil {
			if nt.Percent == nil {
				e.add("rule.national_threshold.percent", "THRESHOLD_EMPTY", "a national threshold needs a percent")
			}
			e.percent("rule.national_threshold.percent", nt.Percent)
			if nt.Base < 0 {
				e.add("rule.national_threshold.base", "NEGATIVE_BASE", "base must be >= 0")
			} else if nt.Base > 0 && new(big.Rat).SetInt64(nt.Base).Cmp(grand) < 0 {
				e.add("rule.national_threshold.base", "BASE_BELOW_TOTAL_VOTES", "base %d is smaller than the sum of the votes %s", nt.Base, grand.RatString())
			}
		}
		if r.Biproportional != nil || r.Leveling != nil {
			e.add("rule", "RULE_MISMATCH", "independent chambers take no biproportional or leveling rule")
		}
	case Biproportional:
		b := r.Biproportional
		if b == nil {
			e.add("rule.biproportional", "RULE_REQUIRED", "the biproportional rule is required")
			break
		}
		e.method("rule.biproportional.upper_method", "rule.biproportional.upper_first_divisor", b.UpperMethod, b.UpperFirstDivisor, true)
		switch b.LowerMethod {
		case apportion.SainteLague, apportion.DHondt, apportion.Adams:
		default:
			e.add("rule.biproportional.lower_method", "LOWER_METHOD_UNSUPPORTED", "the lower apportionment rounds by sainte_lague (standard), dhondt (down) or adams (up), got %s", b.LowerMethod)
		}
		if b.Weighting != WeightBySeats && b.Weighting != WeightNone {
			e.add("rule.biproportional.weighting", "WEIGHTING_UNKNOWN", "unknown weighting %d", int(b.Weighting))
		}
		if q := b.Quorum; q != nil {
			if q.AnyDistrictPercent == nil && q.TotalPercent == nil {
				e.add("rule.biproportional.quorum", "QUORUM_EMPTY", "a quorum needs any_district_percent or total_percent")
			}
			e.percent("rule.biproportional.quorum.any_district_percent", q.AnyDistrictPercent)
			e.percent("rule.biproportional.quorum.total_percent", q.TotalPercent)
		}
		if r.DistrictThreshold != nil || r.NationalThreshold != nil || r.Leveling != nil || r.Method != apportion.MethodUnspecified {
			e.add("rule", "RULE_MISMATCH", "biproportional chambers use rule.biproportional only")
		}
	case Leveling:
		e.method("rule.method", "rule.first_divisor", r.Method, r.FirstDivisor, false)
		l := r.Leveling
		if l == nil {
			e.add("rule.leveling", "RULE_REQUIRED", "the leveling rule is required")
			break
		}
		e.percent("rule.leveling.threshold_percent", l.ThresholdPercent)
		e.method("rule.leveling.national_method", "rule.leveling.national_first_divisor", l.NationalMethod, l.NationalFirstDivisor, true)
		if l.ZeroSeatDivisor == nil || l.ZeroSeatDivisor.Sign() <= 0 {
			e.add("rule.leveling.zero_seat_divisor", "ZERO_SEAT_DIVISOR_REQUIRED", "the placement divisor for a list without a district seat must be > 0 (Norway: 1)")
		}
		if l.NationalSeats < 0 {
			e.add("rule.leveling.national_seats", "NEGATIVE_SEATS", "national seats must be >= 0")
		}
		if r.DistrictThreshold != nil || r.NationalThreshold != nil || r.Biproportional != nil {
			e.add("rule", "RULE_MISMATCH", "leveling chambers use rule.leveling for the threshold")
		}
	}
	if da := r.DistrictApportionment; da != nil {
		e.method("rule.district_apportionment.method", "rule.district_apportionment.first_divisor", da.Method, da.FirstDivisor, true)
		if da.Seats < len(c.Districts) && da.Seats <= 0 {
			e.add("rule.district_apportionment.seats", "SEATS_NOT_POSITIVE", "seats must be > 0")
		} else if da.Seats > apportion.MaxSeats {
			e.add("rule.district_apportionment.seats", "TOO_MANY_SEATS", "at most %d seats", apportion.MaxSeats)
		}
		if da.AreaFactor != nil && da.AreaFactor.Sign() < 0 {
			e.add("rule.district_apportionment.area_factor", "NEGATIVE_AREA_FACTOR", "area factor must be >= 0")
		}
	}
	if r.Ties < 0 || r.Ties > apportion.TieLot {
		e.add("rule.tie_rule", "TIE_RULE_UNKNOWN", "unknown tie rule %d", int(r.Ties))
	}
	return e.errs
}
