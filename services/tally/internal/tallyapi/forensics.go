package tallyapi

import (
	"context"

	"google.golang.org/protobuf/types/known/timestamppb"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/forensics"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

func forensicsName(e, c, u string) string { return contestName(e, c) + "/forensicsReports/" + u }

// GetForensicsReport implements TallyService.GetForensicsReport.
func (s *Server) GetForensicsReport(ctx context.Context, req *tallyv1.GetForensicsReportRequest) (*tallyv1.ForensicsReport, error) {
	ids, err := parseName(req.GetName(), "name", "elections", "contests", "forensicsReports")
	if err != nil {
		return nil, err
	}
	opts := forensics.Options{Replicates: int(req.GetReplicates()), Seed: req.GetSeed(), IntegerRule: integerRuleFromWire(req.GetIntegerRule())}
	f, err := s.svc.Forensics(ctx, ids[0], ids[1], ids[2], opts)
	if err != nil {
		return nil, s.status(ctx, err)
	}
	return forensicsToWire(f), nil
}

// integerRuleFromWire maps the request's rule; unspecified is the published
// rule, and a value this server does not know becomes one the domain refuses
// (integer_rule: unknown rule).
func integerRuleFromWire(r tallyv1.IntegerRule) forensics.IntegerRule {
	switch r {
	case tallyv1.IntegerRule_INTEGER_RULE_UNSPECIFIED, tallyv1.IntegerRule_INTEGER_RULE_PUBLISHED:
		return forensics.IntegerRulePublished
	case tallyv1.IntegerRule_INTEGER_RULE_PER_VALUE:
		return forensics.IntegerRulePerValue
	}
	return forensics.IntegerRule(-1)
}

var integerRuleToWire = map[forensics.IntegerRule]tallyv1.IntegerRule{
	forensics.IntegerRulePublished: tallyv1.IntegerRule_INTEGER_RULE_PUBLISHED,
	forensics.IntegerRulePerValue:  tallyv1.IntegerRule_INTEGER_RULE_PER_VALUE,
}

var forensicsSeverityToWire = map[forensics.Severity]tallyv1.Severity{
	forensics.SeverityError:   tallyv1.Severity_SEVERITY_ERROR,
	forensics.SeverityWarning: tallyv1.Severity_SEVERITY_WARNING,
}

var digitToWire = map[forensics.DigitKind]tallyv1.DigitPosition{
	forensics.LastDigit:   tallyv1.DigitPosition_DIGIT_POSITION_LAST,
	forensics.SecondDigit: tallyv1.DigitPosition_DIGIT_POSITION_SECOND,
}

func forensicsToWire(f tally.Forensics) *tallyv1.ForensicsReport {
	r, o := f.Report, f.Report.Options
	e, c := f.Election, f.Contest
	region := func(id string) string { return unitName(e, id) }
	out := &tallyv1.ForensicsReport{
		Name: forensicsName(e, c, f.Unit.ID), Unit: unitName(e, f.Unit.ID), UnitDisplayName: f.Unit.Name,
		Disclaimer: r.Disclaimer,
		Definitions: &tallyv1.ForensicsDefinitions{
			Turnout: r.TurnoutDefinition, ShareBase: r.ShareBase,
			MinRegisteredVoters: o.MinRegistered, IntegerWindowHundredths: o.IntegerHalfWidth,
			IntegerMaxPercent: o.IntegerMaxPercent, Replicates: int32(o.Replicates), Seed: o.Seed,
			FingerprintBins: int32(o.Bins), HighTurnoutPercent: o.HighTurnoutPercent, ExtremePercent: o.ExtremePercent,
			MinLastDigitVotes: o.MinLastDigitVotes, MinSecondDigitVotes: o.MinSecondDigitVotes,
			IntegerRule: integerRuleToWire[o.IntegerRule],
		},
		Stations: int64(r.Stations),
		Leader: &tallyv1.ForensicsLeader{Choice: r.Leader.ID, DisplayName: r.Leader.Name, Votes: r.Leader.Votes,
			Share: ratio(r.Leader.Votes, r.Leader.Base, r.Leader.ID+" / "+r.ShareBase)},
		ResultsVersion: f.ResultsVersion,
		GenerateTime:   timestamppb.New(f.GeneratedAt),
	}
	for _, g := range r.Regions {
		out.Regions = append(out.Regions, &tallyv1.ForensicsRegion{Unit: region(g.ID), UnitDisplayName: g.Name})
	}

	rel := &tallyv1.RelationViolations{
		ProtocolsWithWarnings: int64(r.Relations.ProtocolsWithWarnings),
		ProtocolsWithErrors:   int64(r.Relations.ProtocolsWithErrors),
	}
	for _, rc := range r.Relations.Codes {
		w := &tallyv1.RelationViolationCount{Code: rc.Code, Severity: forensicsSeverityToWire[rc.Severity], Protocols: int64(rc.Protocols)}
		for _, g := range rc.Regions {
			w.Regions = append(w.Regions, &tallyv1.RegionCount{Unit: region(g.Region), Count: int64(g.Count)})
		}
		rel.Codes = append(rel.Codes, w)
	}
	for _, g := range r.Relations.Regions {
		rel.Regions = append(rel.Regions, &tallyv1.RegionViolations{Unit: region(g.Region), Stations: int64(g.Stations),
			ProtocolsWithWarnings: int64(g.ProtocolsWithWarnings), ProtocolsWithErrors: int64(g.ProtocolsWithErrors)})
	}
	out.RelationViolations = rel

	fp := r.Fingerprint
	out.Fingerprint = &tallyv1.ElectionFingerprint{
		Bins: int32(fp.Bins), Counts: fp.Counts, MaxCount: fp.MaxCount, Stations: int64(fp.Stations),
		ExcludedStations: int64(fp.Excluded), OverRegisteredStations: int64(fp.TurnoutAbove100),
		Correlation: fp.Correlation,
		LeaderVotesHighTurnout: ratio(fp.LeaderVotesHighTurnout, fp.LeaderVotes,
			"leader votes at stations with turnout above "+itoa(int(o.HighTurnoutPercent))+" % / all leader votes"),
		HighTurnoutStations: int64(fp.HighTurnoutStations),
		Svg:                 string(fp.SVG(fingerprintTitle(f))),
	}

	it := r.Integer
	ip := &tallyv1.IntegerPercentTest{
		EligibleStations: int64(it.Eligible), Observed: int64(it.Observed),
		ObservedTurnout: int64(it.ObservedTurnout), ObservedShare: int64(it.ObservedShare),
		Expected: it.Expected, ExpectedTurnout: it.ExpectedTurnout, ExpectedShare: it.ExpectedShare,
		StandardDeviation: it.SD, Excess: it.Excess, ZScore: it.Z,
		MonteCarloMean: it.MonteCarloMean, MonteCarloStandardDeviation: it.MonteCarloSD,
		MonteCarloMin: int64(it.MonteCarloMin), MonteCarloMax: int64(it.MonteCarloMax), PValue: it.PValue,
	}
	for _, n := range it.TurnoutHistogram {
		ip.TurnoutHistogram = append(ip.TurnoutHistogram, int64(n))
	}
	for _, n := range it.ShareHistogram {
		ip.ShareHistogram = append(ip.ShareHistogram, int64(n))
	}
	for _, g := range it.Regions {
		ip.Regions = append(ip.Regions, &tallyv1.IntegerPercentRegion{
			Unit: region(g.Region), EligibleStations: int64(g.Eligible), Observed: int64(g.Observed),
			Expected: g.Expected, StandardDeviation: g.SD, Excess: g.Excess,
			MonteCarloMean: g.MonteCarloMean, MonteCarloStandardDeviation: g.MonteCarloSD, PValue: g.PValue,
		})
	}
	out.IntegerPercentTest = ip

	for _, d := range r.DigitTests {
		out.DigitTests = append(out.DigitTests, &tallyv1.DigitTest{
			Position: digitToWire[d.Kind], Choice: d.Choice, MinVotes: d.MinVotes, Counts: d.N,
			Observed: d.Observed[:], ExpectedProbabilities: d.Expected[:],
			ChiSquare: d.ChiSquare, DegreesOfFreedom: int32(d.DegreesOfFreedom), PValue: d.PValue, Label: d.Label,
		})
	}

	ex := &tallyv1.ExtremeStations{Percent: r.Extreme.Percent, Count: int64(r.Extreme.Count)}
	for _, st := range r.Extreme.Stations {
		ex.Stations = append(ex.Stations, &tallyv1.ExtremeStation{
			Protocol: protocolName(e, c, st.ID), Station: unitName(e, st.ID), Region: region(st.Region),
			RegisteredVoters: st.Registered,
			Turnout:          ratio(st.Voters, st.Registered, r.TurnoutDefinition),
			LeaderShare:      ratio(st.LeaderVotes, st.Base, r.Leader.ID+" / "+r.ShareBase),
		})
	}
	out.ExtremeStations = ex
	return out
}

// fingerprintTitle names the chart in words for the people who read it:
// "Kazakhstan: turnout × Nur Otan's share", not unit, contest and choice ids.
func fingerprintTitle(f tally.Forensics) string {
	unit, leader := f.Unit.Name, f.Report.Leader.Name
	if unit == "" {
		unit = f.Unit.ID
	}
	if leader == "" {
		leader = f.Report.Leader.ID
	}
	return unit + ": turnout × " + leader + "’s share"
}
