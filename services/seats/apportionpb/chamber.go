package apportionpb

import (
	"fmt"
	"math/big"
	"regexp"
	"sort"
	"strconv"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/apportion/districts"
)

var familyToEngine = map[seatsv1.ChamberFamily]districts.Family{
	seatsv1.ChamberFamily_CHAMBER_FAMILY_UNSPECIFIED:    districts.FamilyUnspecified,
	seatsv1.ChamberFamily_CHAMBER_FAMILY_INDEPENDENT:    districts.Independent,
	seatsv1.ChamberFamily_CHAMBER_FAMILY_BIPROPORTIONAL: districts.Biproportional,
	seatsv1.ChamberFamily_CHAMBER_FAMILY_LEVELING:       districts.Leveling,
}

var familyToWire = invert(familyToEngine)

// convert collects the violations of one message conversion.
type convert struct{ vs []rpcerr.Violation }

func (c *convert) bad(field, reason, format string, args ...any) {
	c.vs = append(c.vs, rpcerr.Violation{Field: field, Reason: reason, Description: fmt.Sprintf(format, args...)})
}

func (c *convert) method(field string, m seatsv1.Method) apportion.Method {
	if m == seatsv1.Method_METHOD_UNSPECIFIED {
		return apportion.MethodUnspecified
	}
	em, ok := methodToEngine[m]
	if !ok {
		c.bad(field, "UNKNOWN_METHOD", "unknown method %d", m)
	}
	return em
}

func (c *convert) tie(field string, t seatsv1.TieRule) apportion.TieRule {
	et, ok := tieToEngine[t]
	if !ok {
		c.bad(field, "UNKNOWN_TIE_RULE", "unknown tie rule %d", t)
	}
	return et
}

func (c *convert) rat(field, s string) *big.Rat {
	if s == "" {
		return nil
	}
	r, ok := parseRat(s)
	if !ok {
		c.bad(field, "BAD_DECIMAL", "%q is not a decimal such as \"1.4\" or \"3\"", s)
	}
	return r
}

// ChamberRuleFromProto converts a chamber rule; path is its field path.
func ChamberRuleFromProto(r *seatsv1.ChamberRule, path string) (districts.Rule, []rpcerr.Violation) {
	var c convert
	fam, ok := familyToEngine[r.GetFamily()]
	if !ok {
		c.bad(path+".family", "FAMILY_UNKNOWN", "unknown family %d", r.GetFamily())
	}
	out := districts.Rule{
		Family:            fam,
		Method:            c.method(path+".method", r.GetMethod()),
		FirstDivisor:      c.rat(path+".first_divisor", r.GetFirstDivisor()),
		DistrictThreshold: c.rat(path+".district_threshold_percent", r.GetDistrictThresholdPercent()),
		Ties:              c.tie(path+".tie_rule", r.GetTieRule()),
		Seed:              r.GetSeed(),
	}
	if nt := r.GetNationalThreshold(); nt != nil {
		out.NationalThreshold = &districts.NationalThreshold{Percent: c.rat(path+".national_threshold.percent", nt.GetPercent()), Base: nt.GetBase()}
	}
	if b := r.GetBiproportional(); b != nil {
		p := path + ".biproportional"
		br := &districts.BiproportionalRule{
			UpperMethod:              c.method(p+".upper_method", b.GetUpperMethod()),
			UpperFirstDivisor:        c.rat(p+".upper_first_divisor", b.GetUpperFirstDivisor()),
			LowerMethod:              c.method(p+".lower_method", b.GetLowerMethod()),
			RoundWeights:             b.GetRoundWeights(),
			DistrictWinnerMinOneSeat: b.GetDistrictWinnerMinOneSeat(),
			WinnerTieException:       b.GetDistrictWinnerTieException(),
		}
		if br.LowerMethod == apportion.MethodUnspecified {
			br.LowerMethod = apportion.SainteLague
		}
		switch b.GetWeighting() {
		case seatsv1.Weighting_WEIGHTING_UNSPECIFIED, seatsv1.Weighting_WEIGHTING_DIVIDE_BY_DISTRICT_SEATS:
			br.Weighting = districts.WeightBySeats
		case seatsv1.Weighting_WEIGHTING_NONE:
			br.Weighting = districts.WeightNone
		default:
			c.bad(p+".weighting", "WEIGHTING_UNKNOWN", "unknown weighting %d", b.GetWeighting())
		}
		if q := b.GetQuorum(); q != nil {
			br.Quorum = &districts.Quorum{
				AnyDistrictPercent: c.rat(p+".quorum.any_district_percent", q.GetAnyDistrictPercent()),
				TotalPercent:       c.rat(p+".quorum.total_percent", q.GetTotalPercent()),
				All:                q.GetAll(),
			}
		}
		out.Biproportional = br
	}
	if l := r.GetLeveling(); l != nil {
		p := path + ".leveling"
		lr := &districts.LevelingRule{
			ThresholdPercent:     c.rat(p+".threshold_percent", l.GetThresholdPercent()),
			NationalSeats:        int(l.GetNationalSeats()),
			NationalMethod:       c.method(p+".national_method", l.GetNationalMethod()),
			NationalFirstDivisor: c.rat(p+".national_first_divisor", l.GetNationalFirstDivisor()),
			ZeroSeatDivisor:      c.rat(p+".zero_seat_divisor", l.GetZeroSeatDivisor()),
		}
		if lr.ZeroSeatDivisor == nil {
			lr.ZeroSeatDivisor = big.NewRat(1, 1)
		}
		out.Leveling = lr
	}
	if da := r.GetDistrictApportionment(); da != nil {
		p := path + ".district_apportionment"
		out.DistrictApportionment = &districts.DistrictApportionment{
			Seats:        int(da.GetSeats()),
			Method:       c.method(p+".method", da.GetMethod()),
			FirstDivisor: c.rat(p+".first_divisor", da.GetFirstDivisor()),
			AreaFactor:   c.rat(p+".area_factor", da.GetAreaFactor()),
		}
	}
	return out, c.vs
}

// ChamberFromProto converts a chamber (its rule is converted separately, as
// it may come from a preset); path is the chamber's field path.
func ChamberFromProto(ch *seatsv1.Chamber, rule districts.Rule, path string) (*districts.Chamber, []rpcerr.Violation) {
	var c convert
	out := &districts.Chamber{Seats: int(ch.GetSeats()), Rule: rule}
	idx := make(map[string]int, len(ch.GetDistricts()))
	for i, d := range ch.GetDistricts() {
		if _, dup := idx[d.GetId()]; !dup {
			idx[d.GetId()] = i
		}
		ed := districts.District{
			ID: d.GetId(), Name: d.GetDisplayName(), Seats: int(d.GetSeats()), LevelingSeats: int(d.GetLevelingSeats()),
			ThresholdBase: d.GetThresholdBase(), Population: d.GetPopulation(), AreaKm2: d.GetAreaKm2(),
		}
		if o := d.GetOverride(); o != nil {
			p := fmt.Sprintf("%s.districts[%d].override", path, i)
			ed.Override = &districts.DistrictRule{
				Method:           c.method(p+".method", o.GetMethod()),
				FirstDivisor:     c.rat(p+".first_divisor", o.GetFirstDivisor()),
				ThresholdPercent: c.rat(p+".threshold_percent", o.GetThresholdPercent()),
				Ties:             c.tie(p+".tie_rule", o.GetTieRule()),
			}
		}
		out.Districts = append(out.Districts, ed)
	}
	for j, l := range ch.GetLists() {
		el := districts.List{ID: l.GetId(), Name: l.GetDisplayName(), Exempt: l.GetExempt(), BallotOrder: int(l.GetBallotOrder()),
			Votes: make([]*big.Rat, len(ch.GetDistricts()))}
		keys := make([]string, 0, len(l.GetVotes()))
		for k := range l.GetVotes() {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			field := fmt.Sprintf("%s.lists[%d].votes.%s", path, j, k)
			i, ok := idx[k]
			if !ok {
				c.bad(field, "UNKNOWN_DISTRICT", "no district %q in this chamber", k)
				continue
			}
			s := l.GetVotes()[k]
			v, ok := parseVotes(s)
			switch {
			case !ok:
				c.bad(field, "BAD_VOTES", "votes must be a whole or decimal number such as \"1200\" or \"1234.5\", got %q", s)
			case v.Sign() < 0:
				c.bad(field, "NEGATIVE_VOTES", "votes must be >= 0, got %s", s)
			default:
				el.Votes[i] = v
			}
		}
		out.Lists = append(out.Lists, el)
	}
	return out, c.vs
}

// parseVotes accepts "1200", "1234.5" and "1/3" (exact voter numbers); no
// exponents, which would allow absurd sizes.
func parseVotes(s string) (*big.Rat, bool) {
	if s == "" || len(s) > 60 {
		return nil, false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && c != '.' && c != '-' && c != '/' {
			return nil, false
		}
	}
	return new(big.Rat).SetString(s)
}

var engineVotesPath = regexp.MustCompile(`^lists\[(\d+)\]\.votes\[(\d+)\]`)

// ChamberFieldPath turns an engine field path (lists[2].votes[5], rule...)
// into the request's (chamber.lists[2].votes.Zug, chamber.rule...); a map key keeps its
// spelling, as in the tally's votes.{choice} paths.
func ChamberFieldPath(field, path string, ch *seatsv1.Chamber) string {
	if m := engineVotesPath.FindStringSubmatch(field); m != nil {
		i, _ := strconv.Atoi(m[2])
		if i < len(ch.GetDistricts()) {
			return fmt.Sprintf("%s.lists[%s].votes.%s%s", path, m[1], ch.GetDistricts()[i].GetId(), field[len(m[0]):])
		}
	}
	return path + "." + field
}

func rat(r *big.Rat) *seatsv1.Fraction { return Fraction(r) }

// ChamberRuleToProto converts a chamber rule back (echo and presets).
func ChamberRuleToProto(r districts.Rule) *seatsv1.ChamberRule {
	out := &seatsv1.ChamberRule{
		Family: familyToWire[r.Family], Method: methodToWire[r.Method], TieRule: tieToWire[r.Ties], Seed: r.Seed,
	}
	if r.FirstDivisor != nil {
		out.FirstDivisor = decimalString(r.FirstDivisor)
	}
	if r.DistrictThreshold != nil {
		out.DistrictThresholdPercent = decimalString(r.DistrictThreshold)
	}
	if nt := r.NationalThreshold; nt != nil {
		out.NationalThreshold = &seatsv1.ChamberThreshold{Base: nt.Base}
		if nt.Percent != nil {
			out.NationalThreshold.Percent = decimalString(nt.Percent)
		}
	}
	if b := r.Biproportional; b != nil {
		wb := &seatsv1.BiproportionalRule{
			UpperMethod: methodToWire[b.UpperMethod], LowerMethod: methodToWire[b.LowerMethod],
			RoundWeights: b.RoundWeights, DistrictWinnerMinOneSeat: b.DistrictWinnerMinOneSeat,
			DistrictWinnerTieException: b.WinnerTieException, Weighting: seatsv1.Weighting_WEIGHTING_DIVIDE_BY_DISTRICT_SEATS,
		}
		if b.Weighting == districts.WeightNone {
			wb.Weighting = seatsv1.Weighting_WEIGHTING_NONE
		}
		if b.UpperFirstDivisor != nil {
			wb.UpperFirstDivisor = decimalString(b.UpperFirstDivisor)
		}
		if q := b.Quorum; q != nil {
			wb.Quorum = &seatsv1.Quorum{All: q.All}
			if q.AnyDistrictPercent != nil {
				wb.Quorum.AnyDistrictPercent = decimalString(q.AnyDistrictPercent)
			}
			if q.TotalPercent != nil {
				wb.Quorum.TotalPercent = decimalString(q.TotalPercent)
			}
		}
		out.Biproportional = wb
	}
	if l := r.Leveling; l != nil {
		wl := &seatsv1.LevelingRule{NationalSeats: int32(l.NationalSeats), NationalMethod: methodToWire[l.NationalMethod]}
		if l.ThresholdPercent != nil {
			wl.ThresholdPercent = decimalString(l.ThresholdPercent)
		}
		if l.NationalFirstDivisor != nil {
			wl.NationalFirstDivisor = decimalString(l.NationalFirstDivisor)
		}
		if l.ZeroSeatDivisor != nil {
			wl.ZeroSeatDivisor = decimalString(l.ZeroSeatDivisor)
		}
		out.Leveling = wl
	}
	if da := r.DistrictApportionment; da != nil {
		out.DistrictApportionment = &seatsv1.DistrictApportionment{Seats: int32(da.Seats), Method: methodToWire[da.Method]}
		if da.FirstDivisor != nil {
			out.DistrictApportionment.FirstDivisor = decimalString(da.FirstDivisor)
		}
		if da.AreaFactor != nil {
			out.DistrictApportionment.AreaFactor = decimalString(da.AreaFactor)
		}
	}
	return out
}

// ChamberAllocationToProto converts an explained chamber result.
func ChamberAllocationToProto(res *districts.Result) *seatsv1.ChamberAllocation {
	a := &seatsv1.ChamberAllocation{
		Family: familyToWire[res.Family], Seats: int32(res.Seats), Unique: res.Unique,
		Iterations: int32(res.Iterations), UndecidedSeats: int32(res.Undecided), Notes: res.Notes,
	}
	for _, d := range res.Districts {
		wd := &seatsv1.DistrictAllocation{
			Id: d.ID, DisplayName: d.Name, Seats: int32(d.Seats), LevelingSeats: int32(d.LevelingSeats),
			Divisor: rat(d.Divisor), Votes: rat(d.Votes),
		}
		if d.Stage != nil {
			wd.Allocation = AllocationToProto(d.Stage)
		}
		a.Districts = append(a.Districts, wd)
	}
	for _, l := range res.Lists {
		wl := &seatsv1.ListAllocation{
			Id: l.ID, DisplayName: l.Name, Votes: rat(l.Votes), Qualification: qualificationToWire[l.Qualification],
			Seats: int32(l.Seats), LevelingSeats: int32(l.LevelingSeats), NationalSeats: int32(l.NationalSeats),
			UpperWeight: rat(l.UpperWeight), Divisor: rat(l.Divisor), TiedForLast: l.TiedForLast,
			ExcludedOverrepresented: l.ExcludedOverrepped,
			DistrictQualification:   map[string]seatsv1.Qualification{}, DistrictSeats: map[string]int32{},
		}
		for i, d := range res.Districts {
			if q := l.DistrictQualification[i]; q != apportion.NoThreshold || l.DistrictSeats[i] > 0 {
				wl.DistrictQualification[d.ID] = qualificationToWire[q]
			}
			if s := l.DistrictSeats[i]; s > 0 {
				wl.DistrictSeats[d.ID] = int32(s)
			}
			if l.DistrictLeveling != nil && l.DistrictLeveling[i] > 0 {
				if wl.DistrictLevelingSeats == nil {
					wl.DistrictLevelingSeats = map[string]int32{}
				}
				wl.DistrictLevelingSeats[d.ID] = int32(l.DistrictLeveling[i])
			}
		}
		a.Lists = append(a.Lists, wl)
	}
	for _, s := range res.Stages {
		a.Stages = append(a.Stages, &seatsv1.ApportionmentStage{
			Name: s.Name, Method: methodToWire[s.Method], Seats: int32(s.Seats), Divisor: rat(s.Divisor),
			LastWin: rat(s.LastWin), FirstOut: rat(s.FirstOut), ClosestCall: rat(s.ClosestCall), Tie: s.Tie, Notes: s.Notes,
		})
	}
	for _, t := range res.Alternatives {
		wt := &seatsv1.SeatTransfer{}
		for _, c := range t.Add {
			wt.Add = append(wt.Add, &seatsv1.SeatCell{List: res.Lists[c[0]].ID, District: res.Districts[c[1]].ID})
		}
		for _, c := range t.Remove {
			wt.Remove = append(wt.Remove, &seatsv1.SeatCell{List: res.Lists[c[0]].ID, District: res.Districts[c[1]].ID})
		}
		a.Alternatives = append(a.Alternatives, wt)
	}
	return a
}

// ChamberToProto converts an engine chamber to the wire (clients such as
// mandatectl that read a case file and call the service).
func ChamberToProto(c *districts.Chamber) *seatsv1.Chamber {
	out := &seatsv1.Chamber{Seats: int32(c.Seats), Rule: ChamberRuleToProto(c.Rule)}
	for _, d := range c.Districts {
		wd := &seatsv1.ChamberDistrict{
			Id: d.ID, DisplayName: d.Name, Seats: int32(d.Seats), LevelingSeats: int32(d.LevelingSeats),
			ThresholdBase: d.ThresholdBase, Population: d.Population, AreaKm2: d.AreaKm2,
		}
		if o := d.Override; o != nil {
			wd.Override = &seatsv1.DistrictRule{Method: methodToWire[o.Method], TieRule: tieToWire[o.Ties]}
			if o.FirstDivisor != nil {
				wd.Override.FirstDivisor = decimalString(o.FirstDivisor)
			}
			if o.ThresholdPercent != nil {
				wd.Override.ThresholdPercent = decimalString(o.ThresholdPercent)
			}
		}
		out.Districts = append(out.Districts, wd)
	}
	for _, l := range c.Lists {
		wl := &seatsv1.ChamberList{Id: l.ID, DisplayName: l.Name, Exempt: l.Exempt, BallotOrder: int32(l.BallotOrder), Votes: map[string]string{}}
		for i, v := range l.Votes {
			if v != nil && i < len(c.Districts) {
				wl.Votes[c.Districts[i].ID] = decimalString(v)
			}
		}
		out.Lists = append(out.Lists, wl)
	}
	return out
}
