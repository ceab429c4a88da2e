// Package apportionpb converts between the apportion engine and the
// mandate.seats.v1 messages, for the seats service and for any Go client that
// runs the engine locally and wants the same output as the service. It only
// moves fields: every rule lives in the engine.
package apportionpb

import (
	"fmt"
	"math/big"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
	"github.com/mandate-project/mandate/services/seats/apportion"
)

var methodToEngine = map[seatsv1.Method]apportion.Method{
	seatsv1.Method_METHOD_DHONDT:                apportion.DHondt,
	seatsv1.Method_METHOD_SAINTE_LAGUE:          apportion.SainteLague,
	seatsv1.Method_METHOD_MODIFIED_SAINTE_LAGUE: apportion.ModifiedSainteLague,
	seatsv1.Method_METHOD_ADAMS:                 apportion.Adams,
	seatsv1.Method_METHOD_DEAN:                  apportion.Dean,
	seatsv1.Method_METHOD_HUNTINGTON_HILL:       apportion.HuntingtonHill,
	seatsv1.Method_METHOD_IMPERIALI_DIVISOR:     apportion.ImperialiDivisor,
	seatsv1.Method_METHOD_DANISH:                apportion.Danish,
	seatsv1.Method_METHOD_HARE:                  apportion.Hare,
	seatsv1.Method_METHOD_DROOP:                 apportion.Droop,
	seatsv1.Method_METHOD_HAGENBACH_BISCHOFF:    apportion.HagenbachBischoff,
	seatsv1.Method_METHOD_IMPERIALI_QUOTA:       apportion.ImperialiQuota,
}

var tieToEngine = map[seatsv1.TieRule]apportion.TieRule{
	seatsv1.TieRule_TIE_RULE_UNSPECIFIED:  apportion.TieUndecided,
	seatsv1.TieRule_TIE_RULE_UNDECIDED:    apportion.TieUndecided,
	seatsv1.TieRule_TIE_RULE_MORE_VOTES:   apportion.TieMoreVotes,
	seatsv1.TieRule_TIE_RULE_BALLOT_ORDER: apportion.TieBallotOrder,
	seatsv1.TieRule_TIE_RULE_LOT:          apportion.TieLot,
}

var qualificationToWire = map[apportion.Qualification]seatsv1.Qualification{
	apportion.NoThreshold:  seatsv1.Qualification_QUALIFICATION_NO_THRESHOLD,
	apportion.Passed:       seatsv1.Qualification_QUALIFICATION_PASSED,
	apportion.Failed:       seatsv1.Qualification_QUALIFICATION_FAILED,
	apportion.DistrictWins: seatsv1.Qualification_QUALIFICATION_DISTRICT_WINS,
	apportion.Exempt:       seatsv1.Qualification_QUALIFICATION_EXEMPT,
	apportion.RunnerUp:     seatsv1.Qualification_QUALIFICATION_RUNNER_UP,
}

func invert[K, V comparable](m map[K]V) map[V]K {
	out := make(map[V]K, len(m))
	for k, v := range m {
		out[v] = k
	}
	return out
}

var marginStatusToWire = map[apportion.MarginStatus]seatsv1.MarginStatus{
	apportion.MarginComputed:    seatsv1.MarginStatus_MARGIN_STATUS_COMPUTED,
	apportion.MarginNone:        seatsv1.MarginStatus_MARGIN_STATUS_NONE,
	apportion.MarginNotComputed: seatsv1.MarginStatus_MARGIN_STATUS_NOT_COMPUTED,
}

// marginValue sets a margin only when it was computed: "none" and "not
// computed" are the status, never a number.
func marginValue(st apportion.MarginStatus, v int64) *int64 {
	if st != apportion.MarginComputed {
		return nil
	}
	return &v
}

var (
	methodToWire = invert(methodToEngine)
	tieToWire    = map[apportion.TieRule]seatsv1.TieRule{
		apportion.TieUndecided:   seatsv1.TieRule_TIE_RULE_UNDECIDED,
		apportion.TieMoreVotes:   seatsv1.TieRule_TIE_RULE_MORE_VOTES,
		apportion.TieBallotOrder: seatsv1.TieRule_TIE_RULE_BALLOT_ORDER,
		apportion.TieLot:         seatsv1.TieRule_TIE_RULE_LOT,
	}
)

// RuleFromProto converts a rule, collecting every malformed field under
// path (the rule's field path in the request). Whether the
// values make sense (seats > 0, percent <= 100 ...) is the engine's call.
func RuleFromProto(r *seatsv1.Rule, path string) (apportion.Rule, []rpcerr.Violation) {
	var vs []rpcerr.Violation
	out := apportion.Rule{
		Seats:              int(r.GetSeats()),
		Reserved:           int(r.GetReservedSeats()),
		RunnerUpGuaranteed: r.GetRunnerUpGuaranteed(),
		MinSeatsPerParty:   int(r.GetMinSeatsPerParty()),
		MaxSeatsPerParty:   int(r.GetMaxSeatsPerParty()),
		Overhang:           r.GetOverhang(),
		Seed:               r.GetSeed(),
	}
	if r.GetMethod() != seatsv1.Method_METHOD_UNSPECIFIED {
		m, ok := methodToEngine[r.GetMethod()]
		if !ok {
			vs = append(vs, rpcerr.Violation{Field: path + ".method", Reason: "UNKNOWN_METHOD", Description: fmt.Sprintf("unknown method %d", r.GetMethod())})
		}
		out.Method = m
	}
	t, ok := tieToEngine[r.GetTieRule()]
	if !ok {
		vs = append(vs, rpcerr.Violation{Field: path + ".tie_rule", Reason: "UNKNOWN_TIE_RULE", Description: fmt.Sprintf("unknown tie rule %d", r.GetTieRule())})
	}
	out.Ties = t
	if s := r.GetFirstDivisor(); s != "" {
		d, ok := parseRat(s)
		if !ok {
			vs = append(vs, rpcerr.Violation{Field: path + ".first_divisor", Reason: "BAD_DECIMAL", Description: "first_divisor must be a decimal such as \"1.4\""})
		}
		out.FirstDivisor = d
	}
	if th := r.GetThreshold(); th != nil {
		out.Threshold = &apportion.Threshold{Base: th.GetBase(), Votes: th.GetVotes(), OrDistrictWinsAtLeast: th.GetOrDistrictWinsAtLeast()}
		if s := th.GetPercent(); s != "" {
			p, ok := parseRat(s)
			if !ok {
				vs = append(vs, rpcerr.Violation{Field: path + ".threshold.percent", Reason: "BAD_DECIMAL", Description: "percent must be a decimal such as \"7\" or \"3.25\", or a fraction such as \"2/3\""})
			}
			out.Threshold.Percent = p
		}
	}
	return out, vs
}

// parseRat is apportion.ParseDecimal: the API and case files accept the
// same decimals.
func parseRat(s string) (*big.Rat, bool) {
	r, err := apportion.ParseDecimal(s)
	return r, err == nil
}

// RuleToProto converts a rule back, e.g. to echo a preset's rule.
func RuleToProto(r apportion.Rule) *seatsv1.Rule {
	out := &seatsv1.Rule{
		Method:             methodToWire[r.Method],
		Seats:              int32(r.Seats),
		ReservedSeats:      int32(r.Reserved),
		RunnerUpGuaranteed: r.RunnerUpGuaranteed,
		MinSeatsPerParty:   int32(r.MinSeatsPerParty),
		MaxSeatsPerParty:   int32(r.MaxSeatsPerParty),
		Overhang:           r.Overhang,
		TieRule:            tieToWire[r.Ties],
		Seed:               r.Seed,
	}
	if r.FirstDivisor != nil {
		out.FirstDivisor = decimalString(r.FirstDivisor)
	}
	if t := r.Threshold; t != nil {
		out.Threshold = &seatsv1.Threshold{Base: t.Base, Votes: t.Votes, OrDistrictWinsAtLeast: t.OrDistrictWinsAtLeast}
		if t.Percent != nil {
			out.Threshold.Percent = decimalString(t.Percent)
		}
	}
	return out
}

// decimalString writes a rational exactly: as a decimal when it has a finite
// one, otherwise as "p/q".
func decimalString(r *big.Rat) string {
	if r.IsInt() {
		return r.Num().String()
	}
	for prec := 1; prec <= 12; prec++ {
		s := r.FloatString(prec)
		if back, ok := new(big.Rat).SetString(s); ok && back.Cmp(r) == 0 {
			return s
		}
	}
	return r.RatString()
}

// PartiesFromProto converts the parties of a request.
func PartiesFromProto(ps []*seatsv1.Party) []apportion.Party {
	out := make([]apportion.Party, len(ps))
	for i, p := range ps {
		out[i] = apportion.Party{
			ID: p.GetId(), Name: p.GetDisplayName(), Votes: p.GetVotes(),
			DistrictWins: p.GetDistrictWins(), Exempt: p.GetExempt(), BallotOrder: int(p.GetBallotOrder()),
		}
	}
	return out
}

// Fraction writes an exact rational; nil stays nil.
func Fraction(r *big.Rat) *seatsv1.Fraction {
	if r == nil {
		return nil
	}
	return &seatsv1.Fraction{Numerator: r.Num().String(), Denominator: r.Denom().String(), Decimal: r.FloatString(6)}
}

// AllocationToProto converts an explained result.
func AllocationToProto(res *apportion.Result) *seatsv1.Allocation {
	a := &seatsv1.Allocation{
		Method:                methodToWire[res.Method],
		Seats:                 int32(res.Seats),
		HouseSize:             int32(res.HouseSize),
		ReservedSeats:         int32(res.Reserved),
		OverhangSeats:         int32(res.Overhang),
		AwardsTruncated:       res.StepsTruncated,
		DivisorMin:            Fraction(res.DivisorMin),
		DivisorMax:            Fraction(res.DivisorMax),
		Quota:                 Fraction(res.Quota),
		UndecidedSeats:        int32(res.Undecided),
		TieRule:               tieToWire[res.TieRule],
		Seed:                  res.Seed,
		GallagherIndex:        res.Gallagher,
		LoosemoreHanbyIndex:   res.LoosemoreHanby,
		EffectivePartiesVotes: res.ENPVotes,
		EffectivePartiesSeats: res.ENPSeats,
		Notes:                 res.Notes,
	}
	for _, p := range res.Parties {
		a.Parties = append(a.Parties, &seatsv1.PartyResult{
			Id: p.ID, DisplayName: p.Name, Votes: p.Votes,
			Qualification: qualificationToWire[p.Qualification],
			Share:         Fraction(p.Share),
			Seats:         int32(p.Seats),
			WholeSeats:    int32(p.Whole),
			Remainder:     Fraction(p.Remainder),
			DistrictWins:  p.DistrictWins,
			OverhangSeats: int32(p.OverhangSeats),
			TiedForLast:   p.TiedForLast,
			VotesToGain:   marginValue(p.GainStatus, p.VotesToGain),
			VotesToLose:   marginValue(p.LoseStatus, p.VotesToLose),

			VotesToGainStatus: marginStatusToWire[p.GainStatus],
			VotesToLoseStatus: marginStatusToWire[p.LoseStatus],
		})
	}
	for _, s := range res.Steps {
		a.Awards = append(a.Awards, &seatsv1.Award{Seat: int32(s.Seat), Party: res.Parties[s.Party].ID, Quotient: Fraction(s.Quotient)})
	}
	for _, t := range res.Ties {
		wt := &seatsv1.Tie{Seats: int32(t.Seats)}
		for _, i := range t.Parties {
			wt.Parties = append(wt.Parties, res.Parties[i].ID)
		}
		for _, i := range t.ResolvedTo {
			wt.Winners = append(wt.Winners, res.Parties[i].ID)
		}
		a.Ties = append(a.Ties, wt)
	}
	return a
}
