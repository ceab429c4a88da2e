// Package tallypb converts between the tally's public model (package form)
// and its wire contract (mandate.tally.v1), as apportionpb does for seats.
// The service's adapter and every client (mandatectl, importers) use it, so
// a client never needs the server's internal packages. Only fields move
// here: validation is the domain's.
package tallypb

import (
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/form"
)

// ElectionName, ContestName and UnitName format resource names (the server
// parses them; clients only build them).
func ElectionName(e string) string   { return "elections/" + e }
func ContestName(e, c string) string { return "elections/" + e + "/contests/" + c }
func UnitName(e, u string) string    { return "elections/" + e + "/units/" + u }

var roleToWire = map[form.Role]tallyv1.LineRole{
	form.RoleRegistered:    tallyv1.LineRole_LINE_ROLE_REGISTERED,
	form.RoleBallotsIssued: tallyv1.LineRole_LINE_ROLE_BALLOTS_ISSUED,
	form.RoleBallotsCast:   tallyv1.LineRole_LINE_ROLE_BALLOTS_CAST,
	form.RoleInvalid:       tallyv1.LineRole_LINE_ROLE_INVALID,
	form.RoleValid:         tallyv1.LineRole_LINE_ROLE_VALID,
}

var contestKindToWire = map[form.ContestKind]tallyv1.ContestKind{
	form.PartyList:    tallyv1.ContestKind_CONTEST_KIND_PARTY_LIST,
	form.SingleWinner: tallyv1.ContestKind_CONTEST_KIND_SINGLE_WINNER,
}

var runoffToWire = map[form.RunoffRule]tallyv1.RunoffRule{
	form.RunoffTwoLeaders:  tallyv1.RunoffRule_RUNOFF_RULE_TWO_LEADERS,
	form.RunoffTiesAdvance: tallyv1.RunoffRule_RUNOFF_RULE_TIES_ADVANCE,
	form.RunoffNone:        tallyv1.RunoffRule_RUNOFF_RULE_NONE,
}

// RunoffToProto is the wire value of a runoff rule (unspecified for the
// zero rule).
func RunoffToProto(r form.RunoffRule) tallyv1.RunoffRule { return runoffToWire[r] }

// RunoffFromProto is the domain's runoff rule; an unknown value maps past
// the domain's rules so that the domain rejects it with the field path.
func RunoffFromProto(r tallyv1.RunoffRule) form.RunoffRule {
	if r == tallyv1.RunoffRule_RUNOFF_RULE_UNSPECIFIED {
		return form.RunoffUnspecified
	}
	for k, v := range runoffToWire {
		if v == r {
			return k
		}
	}
	return form.RunoffRule(1 << 20)
}

var severityToWire = map[form.Severity]tallyv1.Severity{
	form.SeverityError:   tallyv1.Severity_SEVERITY_ERROR,
	form.SeverityWarning: tallyv1.Severity_SEVERITY_WARNING,
}

var kindToWire = map[form.ProtocolKind]tallyv1.SubmissionKind{
	form.Original:   tallyv1.SubmissionKind_SUBMISSION_KIND_ORIGINAL,
	form.Correction: tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION,
	form.Recount:    tallyv1.SubmissionKind_SUBMISSION_KIND_RECOUNT,
}

// inverse returns m's inverse; the maps above are one-to-one.
func inverse[K, V comparable](m map[K]V) map[V]K {
	out := make(map[V]K, len(m))
	for k, v := range m {
		out[v] = k
	}
	return out
}

var (
	roleFromWire        = inverse(roleToWire)
	contestKindFromWire = inverse(contestKindToWire)
	severityFromWire    = inverse(severityToWire)
	kindFromWire        = inverse(kindToWire)
)

// RoleToProto is the wire value of a line role (unspecified for an unknown one).
func RoleToProto(r form.Role) tallyv1.LineRole { return roleToWire[r] }

// RoleFromProto is the domain's role; unknown values become
// form.RoleUnspecified, which the domain rejects with the field path.
func RoleFromProto(r tallyv1.LineRole) form.Role { return roleFromWire[r] }

// SeverityToProto is the wire value of a relation's severity.
func SeverityToProto(s form.Severity) tallyv1.Severity { return severityToWire[s] }

// KindToProto is the wire value of a submission kind (unspecified for the
// zero kind).
func KindToProto(k form.ProtocolKind) tallyv1.SubmissionKind { return kindToWire[k] }

// KindFromProto is the domain's submission kind; unspecified and unknown
// values become form.ProtocolKindUnspecified, which the domain rejects.
func KindFromProto(k tallyv1.SubmissionKind) form.ProtocolKind { return kindFromWire[k] }

// ElectionFromProto converts a definition (the contests' names give their
// IDs); unknown enum values become the domain's unspecified value, which the
// domain rejects with the field path.
func ElectionFromProto(id string, e *tallyv1.Election) form.Election {
	out := form.Election{ID: id, DisplayName: e.GetDisplayName(), Date: e.GetElectionDate()}
	for _, c := range e.GetContests() {
		cid := c.GetName()
		for i := len(cid) - 1; i >= 0; i-- {
			if cid[i] == '/' {
				cid = cid[i+1:]
				break
			}
		}
		dc := form.Contest{
			ID: cid, DisplayName: c.GetDisplayName(), ThresholdBase: roleFromWire[c.GetShareBase()],
			MajorityPercent: int(c.GetMajorityPercent()), Kind: contestKindFromWire[c.GetKind()],
			MajorityBase: roleFromWire[c.GetMajorityBase()], Runoff: RunoffFromProto(c.GetRunoffRule()),
		}
		for _, ch := range c.GetChoices() {
			dc.Choices = append(dc.Choices, form.Choice{ID: ch.GetId(), Name: ch.GetDisplayName(), ShortName: ch.GetShortName(), BallotOrder: int(ch.GetBallotOrder()), Color: ch.GetColor()})
		}
		f := c.GetForm()
		dc.Form.Name = f.GetId()
		dc.Form.Turnout = roleFromWire[f.GetTurnoutNumerator()]
		for _, l := range f.GetLines() {
			dl := form.Line{ID: l.GetId(), Number: l.GetNumber(), Name: l.GetDisplayName()}
			for _, r := range l.GetRoles() {
				dl.Roles = append(dl.Roles, roleFromWire[r])
			}
			dc.Form.Lines = append(dc.Form.Lines, dl)
		}
		for _, r := range f.GetRelations() {
			dc.Form.Relations = append(dc.Form.Relations, form.Relation{Code: r.GetCode(), Message: r.GetMessage(),
				Expression: r.GetExpression(), Severity: severityFromWire[r.GetSeverity()]})
		}
		out.Contests = append(out.Contests, dc)
	}
	return out
}

// ElectionToProto converts a definition (without units, which travel by
// BatchCreateReportingUnits; the contests' statuses are the server's).
func ElectionToProto(e form.Election) *tallyv1.Election {
	out := &tallyv1.Election{Name: ElectionName(e.ID), DisplayName: e.DisplayName, ElectionDate: e.Date}
	for _, c := range e.Contests {
		out.Contests = append(out.Contests, contestToProto(e.ID, c))
	}
	return out
}

func contestToProto(election string, c form.Contest) *tallyv1.Contest {
	out := &tallyv1.Contest{
		Name: ContestName(election, c.ID), DisplayName: c.DisplayName, Kind: contestKindToWire[c.Kind],
		ShareBase: roleToWire[c.ThresholdBase], MajorityPercent: int32(c.MajorityPercent),
		MajorityBase: roleToWire[c.MajorityBase], RunoffRule: runoffToWire[c.Runoff],
		Form: &tallyv1.ProtocolForm{Id: c.Form.Name, TurnoutNumerator: roleToWire[c.Form.TurnoutRole()]},
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

// UnitToProto converts a unit of an election.
func UnitToProto(election string, u form.Unit) *tallyv1.ReportingUnit {
	out := &tallyv1.ReportingUnit{Name: UnitName(election, u.ID), DisplayName: u.Name, Level: u.Level, RegisteredVoters: u.Registered, Station: u.IsStation()}
	if u.Parent != "" {
		out.ParentUnit = UnitName(election, u.Parent)
	}
	return out
}

// ViolationsToProto converts broken relations.
func ViolationsToProto(vs []form.Violation) []*tallyv1.Violation {
	var out []*tallyv1.Violation
	for _, v := range vs {
		out = append(out, &tallyv1.Violation{Code: v.Code, Message: v.Message, Severity: severityToWire[v.Severity], Lines: v.Lines})
	}
	return out
}

// SubmissionToProto converts a submission for SubmitProtocol.
func SubmissionToProto(s form.Submission) *tallyv1.SubmitProtocolRequest {
	return &tallyv1.SubmitProtocolRequest{
		Parent: ContestName(s.Election, s.Contest), Station: UnitName(s.Election, s.Station),
		Lines: s.Lines, Votes: s.Votes, RequestId: s.IdempotencyKey,
		ReplacesVersion: int32(s.Replaces), Reason: s.Reason, Kind: KindToProto(s.Kind),
	}
}
