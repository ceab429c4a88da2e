// Package form is the definition of an election as the tally reads it:
// contests, their protocol forms (lines, roles, control relations written in
// a small expression language, always-on checks), the unit hierarchy and
// the submissions checked against a form. It is pure Go (no gRPC, no
// storage, no state), so definition files, importers and clients use it
// as well as the tally service.
package form

// LevelStation is the Level of a unit that is a polling station: the only kind
// of unit that receives protocols. A station has no children.
const LevelStation = "station"

// Election is one election event with its contests and its unit hierarchy.
type Election struct {
	// ID is a short slug: lowercase letters, digits and hyphens, 1-63 chars.
	ID          string    `json:"id"`
	DisplayName string    `json:"display_name"`
	Date        string    `json:"date"` // YYYY-MM-DD
	Contests    []Contest `json:"contests"`
	// Units is the hierarchy given at definition time (parents before children
	// is not required). GetElection returns Units empty: read units with
	// GetUnit/ListUnits, the hierarchy can hold 100,000 stations.
	Units []Unit `json:"units,omitempty"`
	// SingleMemberDistricts are sets of single-member districts; Expand
	// turns each district into a contest of Contests.
	SingleMemberDistricts []SingleMemberDistricts `json:"single_member_districts,omitempty"`
	// Chambers are the chambers the election fills, composed of tiers.
	Chambers []Chamber `json:"chambers,omitempty"`
}

// ContestKind says how a contest is decided.
type ContestKind int

const (
	ContestKindUnspecified ContestKind = iota
	// PartyList: votes for lists; seats are apportioned elsewhere.
	PartyList
	// SingleWinner: the leader wins, with a majority rule deciding a runoff.
	SingleWinner
)

var contestKindNames = []string{"CONTEST_KIND_UNSPECIFIED", "PARTY_LIST", "SINGLE_WINNER"}

func (k ContestKind) String() string { return enumName(contestKindNames, int(k)) }

// Contest is one question on the ballot: a party list or a single seat.
type Contest struct {
	ID          string      `json:"id"`
	DisplayName string      `json:"display_name"`
	Kind        ContestKind `json:"kind"`
	Choices     []Choice    `json:"choices"`
	Form        Form        `json:"form"`
	// ThresholdBase names the quantity that shares are computed on
	// (RoleValid or RoleBallotsCast), as the law of the contest says.
	ThresholdBase Role `json:"threshold_base"`
	// MajorityPercent, for SingleWinner: the leader wins outright with
	// strictly more than this percentage of MajorityBase; otherwise a runoff.
	MajorityPercent int  `json:"majority_percent,omitempty"`
	MajorityBase    Role `json:"majority_base,omitempty"`
	// Runoff, for SingleWinner: who goes to the second round when nobody
	// wins outright; RunoffUnspecified is read as RunoffTwoLeaders.
	Runoff RunoffRule `json:"runoff,omitempty"`
	// District, for a single-member district's contest: the unit whose
	// stations vote in it; a protocol of any other station is refused.
	// Empty: every station.
	District string `json:"district,omitempty"`
	// SeatPreset, for PartyList, names the contest's legal seat rule as a
	// seats preset, "presets/{id}"; empty when the definition names none.
	SeatPreset string `json:"seat_preset,omitempty"`
}

// RunoffRule says how a single-winner contest goes on when no candidate
// wins outright on the first count.
type RunoffRule int

const (
	RunoffUnspecified RunoffRule = iota
	// RunoffTwoLeaders: the two candidates with the most votes meet again.
	// A tie for a runoff place is not settled by the count (laws settle it
	// by lot or by other rules): the pairing is reported undecided, with
	// every tied candidate.
	RunoffTwoLeaders
	// RunoffTiesAdvance: the two leaders and every candidate with as many
	// votes as the second go to the runoff.
	RunoffTiesAdvance
	// RunoffNone: first past the post; the plurality leader wins, there is
	// no majority rule and no second round.
	RunoffNone
)

var runoffNames = []string{"RUNOFF_UNSPECIFIED", "TWO_LEADERS", "TIES_ADVANCE", "NONE"}

func (r RunoffRule) String() string { return enumName(runoffNames, int(r)) }

// Choice is a party or candidate.
type Choice struct {
	// ID is a slug or an upper code such as "ER": [A-Za-z][A-Za-z0-9_-]*.
	ID          string `json:"id"`
	Name        string `json:"name"`
	ShortName   string `json:"short_name,omitempty"`
	BallotOrder int    `json:"ballot_order"`
	Color       string `json:"color,omitempty"` // "#rrggbb" or empty
	// Party, for a candidate: whom single-member winners are counted for
	// (a list contest's choice id where there is one); empty: independent.
	Party string `json:"party,omitempty"`
}

// Role is the meaning of a protocol line for the totals. Several lines may play
// the same role: the quantity is then their sum (issued = lines 3+4+5).
type Role int

const (
	RoleUnspecified Role = iota
	RoleRegistered
	RoleBallotsIssued
	RoleBallotsCast
	RoleInvalid
	RoleValid
)

var roleNames = []string{"ROLE_UNSPECIFIED", "REGISTERED", "BALLOTS_ISSUED", "BALLOTS_CAST", "INVALID", "VALID"}

func (r Role) String() string { return enumName(roleNames, int(r)) }

// Form is the protocol form of a contest: its numbered lines and the control
// relations the law sets between them. The votes per choice follow the lines.
type Form struct {
	// Name identifies a form from a library (e.g. "ru-duma-2016-party-list"); informative.
	Name      string     `json:"name,omitempty"`
	Lines     []Line     `json:"lines"`
	Relations []Relation `json:"relations"`
	// Turnout is the role whose lines count the voters who took part, as the
	// form's law defines turnout: RoleBallotsIssued (Russia: ballots issued,
	// lines 3+4+5) or RoleBallotsCast (ballots found in the boxes). Unset, it
	// is read as TurnoutRole says. Turnout is always over the registered line.
	Turnout Role `json:"turnout,omitempty"`
	// RegisteredWithinUnit: a protocol's registered voters (the lines of
	// RoleRegistered) may not exceed its station's Unit.Registered, when
	// that is known (above 0). For laws whose voter lists are closed before
	// the count.
	RegisteredWithinUnit bool `json:"registered_within_unit,omitempty"`
}

// TurnoutRole is the numerator of the form's turnout: Turnout when the form
// declares it, else ballots issued when a line plays that role (the count
// of voters who took part under the laws Mandate ships), else ballots cast.
// Totals, forensics and every client read turnout through it, so a form has
// one turnout.
func (f Form) TurnoutRole() Role {
	if f.Turnout != RoleUnspecified {
		return f.Turnout
	}
	for _, l := range f.Lines {
		for _, r := range l.Roles {
			if r == RoleBallotsIssued {
				return RoleBallotsIssued
			}
		}
	}
	return RoleBallotsCast
}

// TurnoutWords names a turnout numerator over the registered voters in
// words, for reports and pages ("ballots issued / registered voters").
func TurnoutWords(numerator Role) string {
	switch numerator {
	case RoleBallotsIssued:
		return "ballots issued / registered voters"
	case RoleBallotsCast:
		return "ballots cast (found in the ballot boxes) / registered voters"
	}
	return "unstated / registered voters"
}

// Line is one numbered line of a protocol.
type Line struct {
	ID     string `json:"id"`     // snake_case, e.g. "ballots_issued_early"
	Number string `json:"number"` // as printed: "1", "2", "11a"
	Name   string `json:"name"`
	Roles  []Role `json:"roles,omitempty"`
}

// Severity of a control relation.
type Severity int

const (
	SeverityUnspecified Severity = iota
	// SeverityError rejects the protocol.
	SeverityError
	// SeverityWarning accepts the protocol and flags it for review.
	SeverityWarning
)

var severityNames = []string{"SEVERITY_UNSPECIFIED", "ERROR", "WARNING"}

func (s Severity) String() string { return enumName(severityNames, int(s)) }

// Relation is a control relation: a linear comparison between lines and
// choices, e.g. "registered >= ballots_issued_early + ballots_issued_in_station".
type Relation struct {
	Code       string   `json:"code"` // stable UPPER_SNAKE
	Message    string   `json:"message"`
	Severity   Severity `json:"severity"`
	Expression string   `json:"expression"`
}

// Unit is a node of the hierarchy: nation, region, district, station...
type Unit struct {
	ID     string `json:"id"`
	Parent string `json:"parent,omitempty"` // "" for the root
	Name   string `json:"name"`
	Level  string `json:"level"` // free string; LevelStation marks stations
	// Registered is the number of voters on the station's list as known before
	// the count (stations only; 0 when unknown).
	Registered int64 `json:"registered,omitempty"`
}

// IsStation reports whether the unit receives protocols.
func (u Unit) IsStation() bool { return u.Level == LevelStation }

// ProtocolKind says why a protocol version was submitted.
type ProtocolKind int

const (
	ProtocolKindUnspecified ProtocolKind = iota
	// Original is the first protocol of a station (Replaces == 0).
	Original
	// Correction replaces the current version (Replaces == current, Reason required).
	Correction
	// Recount replaces the current version after a recount; only while the
	// contest is in PhaseRecount.
	Recount
)

var protocolKindNames = []string{"PROTOCOL_KIND_UNSPECIFIED", "ORIGINAL", "CORRECTION", "RECOUNT"}

func (k ProtocolKind) String() string { return enumName(protocolKindNames, int(k)) }

// Submission is a protocol as sent by a commission or an importer.
type Submission struct {
	Election string
	Contest  string
	Station  string
	// Lines holds every line of the form by line ID.
	Lines map[string]int64
	// Votes holds every choice of the contest by choice ID (a missing choice is
	// an error, not a zero: a skipped line on paper is a transcription error).
	Votes map[string]int64
	// Cols and Counts, when Cols is set, hold the counts instead of Lines
	// and Votes: an imported row's, count j in column j (see Columns).
	Cols   *Columns
	Counts []int64
	// IdempotencyKey is required; unique within the election.
	IdempotencyKey string
	// Replaces is 0 for an original; for a correction or recount the version it replaces.
	Replaces  int
	Reason    string // required for corrections and recounts
	Kind      ProtocolKind
	Submitter string
	// Body is the submission exactly as the tally received it, and
	// BodyType its protobuf message type (empty: a
	// mandate.tally.v1.SubmitProtocolRequest); the log keeps it. Nil when
	// the submission did not come through the API.
	Body     []byte
	BodyType string
}

func enumName(names []string, i int) string {
	if i < 0 || i >= len(names) {
		return names[0]
	}
	return names[i]
}
