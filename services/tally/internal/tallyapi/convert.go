package tallyapi

import (
	"errors"
	"math/big"
	"math/bits"
	"strconv"
	"strings"

	"google.golang.org/protobuf/types/known/timestamppb"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/tallypb"
)

// Conversions between mandate.tally.v1 messages and the domain. Only fields
// move here; the domain validates.

func itoa(i int) string { return strconv.Itoa(i) }

var statusToWire = map[tally.Status]tallyv1.ResultStatus{
	tally.UnofficialPartial:  tallyv1.ResultStatus_RESULT_STATUS_UNOFFICIAL_PARTIAL,
	tally.UnofficialComplete: tallyv1.ResultStatus_RESULT_STATUS_UNOFFICIAL_COMPLETE,
	tally.Certified:          tallyv1.ResultStatus_RESULT_STATUS_CERTIFIED,
	tally.InCorrection:       tallyv1.ResultStatus_RESULT_STATUS_CORRECTION,
	tally.InRecount:          tallyv1.ResultStatus_RESULT_STATUS_RECOUNT,
}

var phaseFromWire = map[tallyv1.ResultStatus]tally.Phase{
	tallyv1.ResultStatus_RESULT_STATUS_CERTIFIED:  tally.PhaseCertified,
	tallyv1.ResultStatus_RESULT_STATUS_RECOUNT:    tally.PhaseRecount,
	tallyv1.ResultStatus_RESULT_STATUS_CORRECTION: tally.PhaseCorrection,
}

var changeKindToWire = map[tally.ChangeKind]tallyv1.SubmissionKind{
	tally.ChangeNewProtocol: tallyv1.SubmissionKind_SUBMISSION_KIND_ORIGINAL,
	tally.ChangeCorrection:  tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION,
	tally.ChangeRecount:     tallyv1.SubmissionKind_SUBMISSION_KIND_RECOUNT,
}

var phaseToStatus = map[tally.Phase]tallyv1.ResultStatus{
	tally.PhaseCertified:  tallyv1.ResultStatus_RESULT_STATUS_CERTIFIED,
	tally.PhaseRecount:    tallyv1.ResultStatus_RESULT_STATUS_RECOUNT,
	tally.PhaseCorrection: tallyv1.ResultStatus_RESULT_STATUS_CORRECTION,
}

// electionToWire is the definition with the contests' statuses.
func electionToWire(e tally.Election, statuses map[string]tally.Status) *tallyv1.Election {
	out := tallypb.ElectionToProto(e)
	for i, c := range e.Contests {
		out.Contests[i].Status = statusToWire[statuses[c.ID]]
	}
	return out
}

func contestToWire(election string, c tally.Contest, st tally.Status) *tallyv1.Contest {
	out := tallypb.ElectionToProto(tally.Election{ID: election, Contests: []tally.Contest{c}}).Contests[0]
	out.Status = statusToWire[st]
	return out
}

// unitFromWire converts the unit at path (e.g. "units[3]") of a request.
func unitFromWire(election, path string, u *tallyv1.ReportingUnit) (tally.Unit, error) {
	ids, err := parseName(u.GetName(), path+".name", "elections", "units")
	if err != nil {
		return tally.Unit{}, err
	}
	out := tally.Unit{ID: ids[1], Name: u.GetDisplayName(), Level: u.GetLevel(), Registered: u.GetRegisteredVoters()}
	if ids[0] != election {
		return tally.Unit{}, badName(path+".name", u.GetName(), []string{"elections", "units"})
	}
	if p := u.GetParentUnit(); p != "" {
		pids, err := parseName(p, path+".parent_unit", "elections", "units")
		if err != nil {
			return tally.Unit{}, err
		}
		out.Parent = pids[1]
	}
	return out, nil
}

// unitFields are the ReportingUnit fields that carry the domain's unit
// fields, for errors in a BatchCreateReportingUnits request.
var unitFields = map[string]string{
	"id": "name", "name": "display_name", "level": "level", "registered": "registered_voters", "parent": "parent_unit",
}

// unitErrorToWire renames the unit field of a domain error on "units[i].f"
// to the proto field ("units[i].display_name" for the domain's name).
func unitErrorToWire(err error) error {
	var fe *tally.FieldError
	if !errors.As(err, &fe) {
		return err
	}
	head, f, ok := strings.Cut(fe.Field, "].")
	if w, known := unitFields[f]; ok && known && strings.HasPrefix(head, "units[") {
		out := *fe
		out.Field = head + "]." + w
		return &out
	}
	return err
}

func versionToWire(v tally.ProtocolVersion, superseded bool) *tallyv1.ProtocolVersion {
	return &tallyv1.ProtocolVersion{
		Version: int32(v.Version), Kind: tallypb.KindToProto(v.Kind), Lines: v.Lines, Votes: v.Votes,
		Warnings: tallypb.ViolationsToProto(v.Warnings), Reason: v.Reason, RequestId: v.IdempotencyKey,
		Submitter: v.Submitter, AcceptTime: timestamppb.New(v.SubmittedAt), Superseded: superseded,
		ResultsVersion: v.ResultsVersion, LeafIndex: v.LogIndex,
	}
}

func protocolToWire(p tally.Protocol, withVersions bool) *tallyv1.Protocol {
	out := &tallyv1.Protocol{
		Name:    protocolName(p.Election, p.Contest, p.Station),
		Station: unitName(p.Election, p.Station),
	}
	for i, v := range p.Versions {
		wv := versionToWire(v, i < len(p.Versions)-1)
		if i == len(p.Versions)-1 {
			out.Current = wv
		}
		if withVersions {
			out.Versions = append(out.Versions, wv)
		}
	}
	return out
}

// ratio writes an exact ratio with its percentage rounded half up to two
// decimals, computed in integers.
func ratio(num, den int64, definition string) *tallyv1.Ratio {
	r := &tallyv1.Ratio{Numerator: num, Denominator: den, Definition: definition}
	if den > 0 {
		r.Percent = percent(num, den)
	}
	return r
}

// percent is round(num*10000/den) written with two decimals ("80.99"),
// den > 0. num*10000 may overflow int64, so the quotient is taken in 128
// bits (no allocation: a national read formats a ratio per choice); a
// negative num or a quotient over 64 bits, which no count reaches, takes
// big ints, whose truncation toward zero is the rule for both.
func percent(num, den int64) string {
	var buf [24]byte
	d := uint64(den) * 2 // den < 2^63, so no overflow
	var digits []byte
	if num >= 0 {
		hi, lo := bits.Mul64(uint64(num), 20000)
		var c uint64
		lo, c = bits.Add64(lo, uint64(den), 0)
		hi += c
		if hi < d {
			q, _ := bits.Div64(hi, lo, d)
			digits = strconv.AppendUint(buf[:0], q, 10)
		}
	}
	if digits == nil {
		n := new(big.Int).Mul(big.NewInt(num), big.NewInt(20000))
		n.Add(n, big.NewInt(den))
		n.Quo(n, new(big.Int).SetUint64(d))
		digits = n.Append(buf[:0], 10)
	}
	var out [28]byte
	w := out[:0]
	for i := len(digits); i < 3; i++ {
		w = append(w, '0')
	}
	w = append(w, digits...)
	w = append(w[:len(w)-2], '.', w[len(w)-2], w[len(w)-1])
	return string(w)
}

func totalsToWire(t tally.Totals) *tallyv1.Totals {
	out := &tallyv1.Totals{
		Name: totalsName(t.Election, t.Contest, t.Unit), Unit: unitName(t.Election, t.Unit), UnitDisplayName: t.UnitName,
		RegisteredVoters: t.Registered, BallotsIssued: t.BallotsIssued, BallotsCast: t.BallotsCast,
		Invalid: t.Invalid, Valid: t.Valid, ShareBase: t.ShareBaseVotes, ShareBaseRole: tallypb.RoleToProto(t.ShareBase),
		Turnout:               ratio(t.Turnout.Num, t.Turnout.Den, t.Turnout.Definition+", reporting stations"),
		StationsReporting:     int64(t.StationsReporting),
		StationsTotal:         int64(t.StationsTotal),
		RegisteredVotersTotal: t.RegisteredAllStations,
		RegisteredReporting:   ratio(t.ReportedRegistered.Num, t.ReportedRegistered.Den, "registered voters of reporting stations / of all stations"),
		ProtocolsWithWarnings: int64(t.ProtocolsWithWarnings),
		Status:                statusToWire[t.Status],
		ResultsVersion:        t.ResultsVersion,
		GenerateTime:          timestamppb.New(t.GeneratedAt.Truncate(1e9)),
	}
	for _, l := range t.Lines {
		out.Lines = append(out.Lines, &tallyv1.LineTotal{Line: l.Line, Number: l.Number, DisplayName: l.Name, Value: l.Value})
	}
	base := "votes / " + t.ShareBase.String()
	for _, c := range t.Choices {
		out.Choices = append(out.Choices, &tallyv1.ChoiceTotal{Choice: c.Choice, DisplayName: c.Name, Votes: c.Votes, Share: ratio(c.Share.Num, c.Share.Den, base)})
	}
	if l := t.Leader; l != nil {
		out.Leader = &tallyv1.LeaderStatus{
			HasMajority: l.Majority, RunoffRequired: l.RunoffNeeded, RunoffChoices: l.RunoffChoices,
			Share:           ratio(l.Share.Num, l.Share.Den, "leader votes / "+l.MajorityBase.String()),
			MajorityPercent: int32(l.MajorityPercent), MajorityBase: tallypb.RoleToProto(l.MajorityBase),
			RunoffRule: tallypb.RunoffToProto(l.Rule), WinsOutright: l.WinsOutright, RunoffUndecided: l.RunoffUndecided,
		}
		if len(l.Choices) == 1 && l.Votes > 0 {
			out.Leader.Choice = l.Choices[0]
		}
	}
	return out
}

func changeToWire(c tally.Change) *tallyv1.Change {
	out := &tallyv1.Change{ResultsVersion: c.ResultsVersion, ProtocolVersion: int32(c.Version), Kind: changeKindToWire[c.Kind], Reason: c.Reason, AcceptTime: timestamppb.New(c.At)}
	if c.Station != "" {
		out.Station = unitName(c.Election, c.Station)
	}
	if c.Kind == tally.ChangePhase {
		out.Status = phaseToStatus[c.Phase]
	}
	if c.Kind == tally.ChangeUnits {
		out.UnitsAdded = int32(c.Units)
	}
	return out
}
