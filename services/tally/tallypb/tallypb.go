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
func ChamberName(e, c string) string { return "elections/" + e + "/chambers/" + c }

// lastSegment is the id at the end of a resource name; an id gives itself.
func lastSegment(s string) string {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '/' {
			return s[i+1:]
		}
	}
	return s
}

var tierKindToWire = map[form.TierKind]tallyv1.TierKind{
	form.TierList:         tallyv1.TierKind_TIER_KIND_LIST,
	form.TierSingleMember: tallyv1.TierKind_TIER_KIND_SINGLE_MEMBER,
	form.TierReserved:     tallyv1.TierKind_TIER_KIND_RESERVED,
}

var tierLinkToWire = map[form.TierLink]tallyv1.TierLink{
	form.TierParallel:     tallyv1.TierLink_TIER_LINK_PARALLEL,
	form.TierCompensatory: tallyv1.TierLink_TIER_LINK_COMPENSATORY,
	form.TierLeveling:     tallyv1.TierLink_TIER_LINK_LEVELING,
}

// TierKindToProto and TierLinkToProto are the wire values of a tier's kind
// and link.
func TierKindToProto(k form.TierKind) tallyv1.TierKind { return tierKindToWire[k] }
func TierLinkToProto(l form.TierLink) tallyv1.TierLink { return tierLinkToWire[l] }

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
	tierKindFromWire    = inverse(tierKindToWire)
	tierLinkFromWire    = inverse(tierLinkToWire)
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
		cid := lastSegment(c.GetName())
		dc := form.Contest{
			ID: cid, DisplayName: c.GetDisplayName(), ThresholdBase: roleFromWire[c.GetShareBase()],
			MajorityPercent: int(c.GetMajorityPercent()), Kind: contestKindFromWire[c.GetKind()],
			MajorityBase: roleFromWire[c.GetMajorityBase()], Runoff: RunoffFromProto(c.GetRunoffRule()),
			SeatPreset: c.GetSeatPreset(),
		}
		for _, ch := range c.GetChoices() {
			dc.Choices = append(dc.Choices, choiceFromProto(ch))
		}
		if c.GetDistrict() != "" {
			dc.District = lastSegment(c.GetDistrict())
		}
		dc.Form = formFromProto(c.GetForm())
		out.Contests = append(out.Contests, dc)
	}
	for _, s := range e.GetSingleMemberDistricts() {
		ds := form.SingleMemberDistricts{
			ID: s.GetId(), DisplayName: s.GetDisplayName(), Form: formFromProto(s.GetForm()),
			ThresholdBase: roleFromWire[s.GetShareBase()], MajorityPercent: int(s.GetMajorityPercent()),
			MajorityBase: roleFromWire[s.GetMajorityBase()], Runoff: RunoffFromProto(s.GetRunoffRule()),
		}
		for _, d := range s.GetDistricts() {
			dd := form.SingleMemberDistrict{Unit: lastSegment(d.GetUnit()), DisplayName: d.GetDisplayName()}
			for _, ch := range d.GetCandidates() {
				dd.Candidates = append(dd.Candidates, choiceFromProto(ch))
			}
			ds.Districts = append(ds.Districts, dd)
		}
		out.SingleMemberDistricts = append(out.SingleMemberDistricts, ds)
	}
	for _, c := range e.GetChambers() {
		dc := form.Chamber{ID: lastSegment(c.GetName()), DisplayName: c.GetDisplayName(), Seats: int(c.GetSeats())}
		for _, t := range c.GetTiers() {
			dt := form.Tier{
				ID: t.GetId(), DisplayName: t.GetDisplayName(), Kind: tierKindFromWire[t.GetKind()], Seats: int(t.GetSeats()),
				Contest: lastSegment(t.GetContest()), Preset: t.GetPreset(), SingleMemberDistricts: t.GetSingleMemberDistricts(),
				ReservedFor: t.GetReservedFor(), Link: tierLinkFromWire[t.GetLink()], LinkedTier: t.GetLinkedTier(),
			}
			if t.GetKind() != tallyv1.TierKind_TIER_KIND_UNSPECIFIED && dt.Kind == form.TierKindUnspecified {
				dt.Kind = form.TierKind(1 << 20) // unknown: refused with the field path
			}
			if t.GetLink() != tallyv1.TierLink_TIER_LINK_UNSPECIFIED && dt.Link == form.TierLinkUnspecified {
				dt.Link = form.TierLink(1 << 20)
			}
			for _, d := range t.GetDistricts() {
				dt.Districts = append(dt.Districts, form.TierDistrict{Unit: lastSegment(d.GetUnit()), Seats: int(d.GetSeats())})
			}
			dc.Tiers = append(dc.Tiers, dt)
		}
		out.Chambers = append(out.Chambers, dc)
	}
	return out
}

func choiceFromProto(ch *tallyv1.Choice) form.Choice {
	return form.Choice{ID: ch.GetId(), Name: ch.GetDisplayName(), ShortName: ch.GetShortName(), BallotOrder: int(ch.GetBallotOrder()), Color: ch.GetColor(), Party: ch.GetParty()}
}

func formFromProto(f *tallyv1.ProtocolForm) form.Form {
	var out form.Form
	out.Name = f.GetId()
	out.Turnout = roleFromWire[f.GetTurnoutNumerator()]
	out.RegisteredWithinUnit = f.GetRegisteredWithinUnit()
	for _, l := range f.GetLines() {
		dl := form.Line{ID: l.GetId(), Number: l.GetNumber(), Name: l.GetDisplayName()}
		for _, r := range l.GetRoles() {
			dl.Roles = append(dl.Roles, roleFromWire[r])
		}
		out.Lines = append(out.Lines, dl)
	}
	for _, r := range f.GetRelations() {
		out.Relations = append(out.Relations, form.Relation{Code: r.GetCode(), Message: r.GetMessage(),
			Expression: r.GetExpression(), Severity: severityFromWire[r.GetSeverity()]})
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
	for _, s := range e.SingleMemberDistricts {
		ws := &tallyv1.SingleMemberDistricts{
			Id: s.ID, DisplayName: s.DisplayName, Form: formToProto(s.Form), ShareBase: roleToWire[s.ThresholdBase],
			MajorityPercent: int32(s.MajorityPercent), MajorityBase: roleToWire[s.MajorityBase], RunoffRule: runoffToWire[s.Runoff],
		}
		for _, d := range s.Districts {
			wd := &tallyv1.SingleMemberDistrict{Unit: d.Unit, DisplayName: d.DisplayName}
			for _, ch := range d.Candidates {
				wd.Candidates = append(wd.Candidates, choiceToProto(ch))
			}
			ws.Districts = append(ws.Districts, wd)
		}
		out.SingleMemberDistricts = append(out.SingleMemberDistricts, ws)
	}
	for _, c := range e.Chambers {
		wc := &tallyv1.Chamber{Name: ChamberName(e.ID, c.ID), DisplayName: c.DisplayName, Seats: int32(c.Seats)}
		for _, t := range c.Tiers {
			wt := &tallyv1.ChamberTier{
				Id: t.ID, DisplayName: t.DisplayName, Kind: tierKindToWire[t.Kind], Seats: int32(t.Seats),
				Preset: t.Preset, SingleMemberDistricts: t.SingleMemberDistricts, ReservedFor: t.ReservedFor,
				Link: tierLinkToWire[t.Link], LinkedTier: t.LinkedTier,
			}
			if t.Contest != "" {
				wt.Contest = ContestName(e.ID, t.Contest)
			}
			for _, d := range t.Districts {
				wt.Districts = append(wt.Districts, &tallyv1.TierDistrict{Unit: d.Unit, Seats: int32(d.Seats)})
			}
			wc.Tiers = append(wc.Tiers, wt)
		}
		out.Chambers = append(out.Chambers, wc)
	}
	return out
}

func choiceToProto(ch form.Choice) *tallyv1.Choice {
	return &tallyv1.Choice{Id: ch.ID, DisplayName: ch.Name, ShortName: ch.ShortName, BallotOrder: int32(ch.BallotOrder), Color: ch.Color, Party: ch.Party}
}

func formToProto(f form.Form) *tallyv1.ProtocolForm {
	out := &tallyv1.ProtocolForm{Id: f.Name, TurnoutNumerator: roleToWire[f.TurnoutRole()], RegisteredWithinUnit: f.RegisteredWithinUnit}
	for _, l := range f.Lines {
		wl := &tallyv1.ProtocolLine{Id: l.ID, Number: l.Number, DisplayName: l.Name}
		for _, r := range l.Roles {
			wl.Roles = append(wl.Roles, roleToWire[r])
		}
		out.Lines = append(out.Lines, wl)
	}
	for _, r := range f.Relations {
		out.Relations = append(out.Relations, &tallyv1.ControlRelation{Code: r.Code, Message: r.Message, Severity: severityToWire[r.Severity], Expression: r.Expression})
	}
	return out
}

func contestToProto(election string, c form.Contest) *tallyv1.Contest {
	out := &tallyv1.Contest{
		Name: ContestName(election, c.ID), DisplayName: c.DisplayName, Kind: contestKindToWire[c.Kind],
		ShareBase: roleToWire[c.ThresholdBase], MajorityPercent: int32(c.MajorityPercent),
		MajorityBase: roleToWire[c.MajorityBase], RunoffRule: runoffToWire[c.Runoff],
		Form: formToProto(c.Form), SeatPreset: c.SeatPreset,
	}
	if c.District != "" {
		out.District = UnitName(election, c.District)
	}
	for _, ch := range c.Choices {
		out.Choices = append(out.Choices, choiceToProto(ch))
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
	lines, votes := s.CountMaps()
	return &tallyv1.SubmitProtocolRequest{
		Parent: ContestName(s.Election, s.Contest), Station: UnitName(s.Election, s.Station),
		Lines: lines, Votes: votes, RequestId: s.IdempotencyKey,
		ReplacesVersion: int32(s.Replaces), Reason: s.Reason, Kind: KindToProto(s.Kind),
	}
}
