package tallyapi

import (
	"errors"
	"math/big"
	"strconv"
	"strings"

	"google.golang.org/protobuf/types/known/timestamppb"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// Conversions between mandate.tally.v1 messages and the domain. Only fields
// move here; the domain validates.

func itoa(i int) string { return strconv.Itoa(i) }

var roleToWire = map[tally.Role]tallyv1.LineRole{
	tally.RoleRegistered:    tallyv1.LineRole_LINE_ROLE_REGISTERED,
	tally.RoleBallotsIssued: tallyv1.LineRole_LINE_ROLE_BALLOTS_ISSUED,
	tally.RoleBallotsCast:   tallyv1.LineRole_LINE_ROLE_BALLOTS_CAST,
	tally.RoleInvalid:       tallyv1.LineRole_LINE_ROLE_INVALID,
	tally.RoleValid:         tallyv1.LineRole_LINE_ROLE_VALID,
}

var roleFromWire = func() map[tallyv1.LineRole]tally.Role {
	m := map[tallyv1.LineRole]tally.Role{}
	for k, v := range roleToWire {
		m[v] = k
	}
	return m
}()

var kindToWire = map[tally.ContestKind]tallyv1.ContestKind{
	tally.PartyList:    tallyv1.ContestKind_CONTEST_KIND_PARTY_LIST,
	tally.SingleWinner: tallyv1.ContestKind_CONTEST_KIND_SINGLE_WINNER,
}

var severityToWire = map[tally.Severity]tallyv1.Severity{
	tally.SeverityError:   tallyv1.Severity_SEVERITY_ERROR,
	tally.SeverityWarning: tallyv1.Severity_SEVERITY_WARNING,
}

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

var protocolKindToWire = map[tally.ProtocolKind]tallyv1.SubmissionKind{
	tally.Original:   tallyv1.SubmissionKind_SUBMISSION_KIND_ORIGINAL,
	tally.Correction: tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION,
	tally.Recount:    tallyv1.SubmissionKind_SUBMISSION_KIND_RECOUNT,
}

var protocolKindFromWire = map[tallyv1.SubmissionKind]tally.ProtocolKind{
	tallyv1.SubmissionKind_SUBMISSION_KIND_UNSPECIFIED: tally.ProtocolKindUnspecified,
	tallyv1.SubmissionKind_SUBMISSION_KIND_ORIGINAL:    tally.Original,
	tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION:  tally.Correction,
	tallyv1.SubmissionKind_SUBMISSION_KIND_RECOUNT:     tally.Recount,
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

// electionFromWire converts a definition; unknown enum values become the
// domain's unspecified value, which the domain rejects with the field path.
func electionFromWire(id string, e *tallyv1.Election) tally.Election {
	out := tally.Election{ID: id, DisplayName: e.GetDisplayName(), Date: e.GetElectionDate()}
	for _, c := range e.GetContests() {
		_, cid, _ := cutLast(c.GetName())
		dc := tally.Contest{
			ID: cid, DisplayName: c.GetDisplayName(), ThresholdBase: roleFromWire[c.GetShareBase()],
			MajorityPercent: int(c.GetMajorityPercent()),
		}
		for k, v := range kindToWire {
			if v == c.GetKind() {
				dc.Kind = k
			}
		}
		for _, ch := range c.GetChoices() {
			dc.Choices = append(dc.Choices, tally.Choice{ID: ch.GetId(), Name: ch.GetDisplayName(), ShortName: ch.GetShortName(), BallotOrder: int(ch.GetBallotOrder()), Color: ch.GetColor()})
		}
		f := c.GetForm()
		dc.Form.Name = f.GetId()
		for _, l := range f.GetLines() {
			dl := tally.Line{ID: l.GetId(), Number: l.GetNumber(), Name: l.GetDisplayName()}
			for _, r := range l.GetRoles() {
				dl.Roles = append(dl.Roles, roleFromWire[r])
			}
			dc.Form.Lines = append(dc.Form.Lines, dl)
		}
		for _, r := range f.GetRelations() {
			dr := tally.Relation{Code: r.GetCode(), Message: r.GetMessage(), Expression: r.GetExpression()}
			for k, v := range severityToWire {
				if v == r.GetSeverity() {
					dr.Severity = k
				}
			}
			dc.Form.Relations = append(dc.Form.Relations, dr)
		}
		out.Contests = append(out.Contests, dc)
	}
	return out
}

// cutLast returns the part of a resource name before and after its last
// slash; a bare id is returned as is.
func cutLast(name string) (string, string, bool) {
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '/' {
			return name[:i], name[i+1:], true
		}
	}
	return "", name, false
}

func electionToWire(e tally.Election, statuses map[string]tally.Status) *tallyv1.Election {
	out := &tallyv1.Election{Name: electionName(e.ID), DisplayName: e.DisplayName, ElectionDate: e.Date}
	for _, c := range e.Contests {
		out.Contests = append(out.Contests, contestToWire(e.ID, c, statuses[c.ID]))
	}
	return out
}

func contestToWire(election string, c tally.Contest, st tally.Status) *tallyv1.Contest {
	out := &tallyv1.Contest{
		Name: contestName(election, c.ID), DisplayName: c.DisplayName, Kind: kindToWire[c.Kind],
		ShareBase: roleToWire[c.ThresholdBase], MajorityPercent: int32(c.MajorityPercent),
		Status: statusToWire[st],
		Form:   &tallyv1.ProtocolForm{Id: c.Form.Name},
	}
	for _, ch := range c.Choices {
		out.Choices = append(out.Choices, &tallyv1.Choice{Id: ch.ID, DisplayName: ch.Name, ShortName: ch.ShortName, BallotOrder: int32(ch.BallotOrder), Color: ch.Color})
	}
	for _, l := range c.Form.Lines {
		wl := &tallyv1.ProtocolLine{Id: l.ID, Number: l.Number, DisplayName: l.Name}
		for _, r := range l.Roles {
			wl.Roles = append(wl.Roles, roleToWire[r])
		}
		out.Form.Lines = append(out.Form.Lines, wl)
	}
	for _, r := range c.Form.Relations {
		out.Form.Relations = append(out.Form.Relations, &tallyv1.ControlRelation{Code: r.Code, Message: r.Message, Severity: severityToWire[r.Severity], Expression: r.Expression})
	}
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

func unitToWire(election string, u tally.Unit) *tallyv1.ReportingUnit {
	out := &tallyv1.ReportingUnit{Name: unitName(election, u.ID), DisplayName: u.Name, Level: u.Level, RegisteredVoters: u.Registered, Station: u.IsStation()}
	if u.Parent != "" {
		out.ParentUnit = unitName(election, u.Parent)
	}
	return out
}

func violationsToWire(vs []tally.Violation) []*tallyv1.Violation {
	var out []*tallyv1.Violation
	for _, v := range vs {
		out = append(out, &tallyv1.Violation{Code: v.Code, Message: v.Message, Severity: severityToWire[v.Severity], Lines: v.Lines})
	}
	return out
}

func versionToWire(v tally.ProtocolVersion, superseded bool) *tallyv1.ProtocolVersion {
	return &tallyv1.ProtocolVersion{
		Version: int32(v.Version), Kind: protocolKindToWire[v.Kind], Lines: v.Lines, Votes: v.Votes,
		Warnings: violationsToWire(v.Warnings), Reason: v.Reason, RequestId: v.IdempotencyKey,
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
		// round(num*10000/den) with big ints: num*10000 may overflow int64.
		n := new(big.Int).Mul(big.NewInt(num), big.NewInt(20000))
		n.Add(n, big.NewInt(den))
		n.Quo(n, new(big.Int).Mul(big.NewInt(den), big.NewInt(2)))
		s := n.String()
		for len(s) < 3 {
			s = "0" + s
		}
		r.Percent = s[:len(s)-2] + "." + s[len(s)-2:]
	}
	return r
}

func totalsToWire(t tally.Totals) *tallyv1.Totals {
	out := &tallyv1.Totals{
		Name: totalsName(t.Election, t.Contest, t.Unit), Unit: unitName(t.Election, t.Unit), UnitDisplayName: t.UnitName,
		RegisteredVoters: t.Registered, BallotsIssued: t.BallotsIssued, BallotsCast: t.BallotsCast,
		Invalid: t.Invalid, Valid: t.Valid, ShareBase: t.ShareBaseVotes, ShareBaseRole: roleToWire[t.ShareBase],
		Turnout:               ratio(t.Turnout.Num, t.Turnout.Den, "ballots_cast / registered_voters of reporting stations"),
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
		wl := &tallyv1.LeaderStatus{HasMajority: l.Majority, RunoffRequired: l.RunoffNeeded}
		if len(l.Choices) == 1 {
			wl.Choice = l.Choices[0]
		}
		if l.RunoffNeeded {
			wl.RunoffChoices = topTwo(t.Choices)
		}
		out.Leader = wl
	}
	return out
}

// topTwo returns the two choices with the most votes (ballot order first on
// equal votes); the runoff pairing on the current count.
func topTwo(cs []tally.ChoiceTotal) []string {
	best := [2]int{-1, -1}
	for i, c := range cs {
		switch {
		case best[0] < 0 || c.Votes > cs[best[0]].Votes:
			best[1], best[0] = best[0], i
		case best[1] < 0 || c.Votes > cs[best[1]].Votes:
			best[1] = i
		}
	}
	var out []string
	for _, i := range best {
		if i >= 0 {
			out = append(out, cs[i].Choice)
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
	return out
}
