// Package tally is the counting domain of Mandate: elections, their protocol
// forms and control relations, the polling-station protocols and the running
// totals. It is plain Go: no gRPC, no generated code. Storage sits behind the
// Store interface declared here; adapters convert to and from the wire.
package tally

import "time"

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
}

// Choice is a party or candidate.
type Choice struct {
	// ID is a slug or an upper code such as "ER": [A-Za-z][A-Za-z0-9_-]*.
	ID          string `json:"id"`
	Name        string `json:"name"`
	ShortName   string `json:"short_name,omitempty"`
	BallotOrder int    `json:"ballot_order"`
	Color       string `json:"color,omitempty"` // "#rrggbb" or empty
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

// ProtocolVersion is one stored version of a station's protocol.
type ProtocolVersion struct {
	Election       string           `json:"election"`
	Contest        string           `json:"contest"`
	Station        string           `json:"station"`
	Version        int              `json:"version"` // 1, 2, 3...
	Kind           ProtocolKind     `json:"kind"`
	Lines          map[string]int64 `json:"lines"`
	Votes          map[string]int64 `json:"votes"`
	IdempotencyKey string           `json:"idempotency_key"`
	Reason         string           `json:"reason,omitempty"`
	Submitter      string           `json:"submitter,omitempty"`
	Warnings       []Violation      `json:"warnings,omitempty"`
	SubmittedAt    time.Time        `json:"submitted_at"`
	// ContentHash is the hex SHA-256 of the submitted content (see ContentHash).
	ContentHash string `json:"content_hash"`
	// ResultsVersion is the election's results version this version created.
	ResultsVersion int64 `json:"results_version"`
	// LogIndex is the version's leaf in the election's log, assigned by the
	// store with ResultsVersion; 0 for a version stored before the log
	// existed (leaf 0 is always the election's definition).
	LogIndex int64 `json:"log_index,omitempty"`
	// Leaf is what AppendProtocols appends to the log for the version: the
	// tail of the leaf after its sequence (tallylog.Tail). Not read back.
	Leaf []byte `json:"-"`
}

// Protocol is a station's protocol with every version, oldest first.
type Protocol struct {
	Election string
	Contest  string
	Station  string
	Versions []ProtocolVersion
}

// Current returns the latest version.
func (p Protocol) Current() ProtocolVersion { return p.Versions[len(p.Versions)-1] }

// Receipt acknowledges a durable protocol version.
type Receipt struct {
	Election       string
	Contest        string
	Station        string
	Version        int
	Kind           ProtocolKind
	ResultsVersion int64
	ContentHash    string
	SubmittedAt    time.Time
	Warnings       []Violation
	// Replayed is true when the idempotency key had already been accepted with
	// the same content: this is the original receipt and nothing new was counted.
	Replayed bool
	// Entry is the version's leaf in the election's log (the original one
	// when Replayed); zero for a version stored before the log existed.
	Entry LogRef
}

// Phase is the administrative phase of a contest.
type Phase int

const (
	PhaseUnspecified Phase = iota
	// PhaseCounting: protocols come in; the default.
	PhaseCounting
	// PhaseCertified: results certified; submissions are rejected.
	PhaseCertified
	// PhaseRecount: a recount is open; Recount protocols are accepted.
	PhaseRecount
	// PhaseCorrection: corrections are accepted again after certification.
	PhaseCorrection
)

var phaseNames = []string{"PHASE_UNSPECIFIED", "COUNTING", "CERTIFIED", "RECOUNT", "CORRECTION"}

func (p Phase) String() string { return enumName(phaseNames, int(p)) }

// Status is the status of a result, in the vocabulary of results reporting.
type Status int

const (
	StatusUnspecified Status = iota
	// UnofficialPartial: not every station under the unit has reported.
	UnofficialPartial
	// UnofficialComplete: every station under the unit has reported.
	UnofficialComplete
	Certified
	// InCorrection: the contest is open for corrections after certification.
	InCorrection
	// InRecount: the contest is open for a recount.
	InRecount
)

var statusNames = []string{"STATUS_UNSPECIFIED", "UNOFFICIAL_PARTIAL", "UNOFFICIAL_COMPLETE", "CERTIFIED", "CORRECTION", "RECOUNT"}

func (s Status) String() string { return enumName(statusNames, int(s)) }

func enumName(names []string, i int) string {
	if i < 0 || i >= len(names) {
		return names[0]
	}
	return names[i]
}

// ChangeKind says why the results changed.
type ChangeKind int

const (
	ChangeKindUnspecified ChangeKind = iota
	ChangeNewProtocol
	ChangeCorrection
	ChangeRecount
	ChangePhase
)

var changeKindNames = []string{"CHANGE_KIND_UNSPECIFIED", "NEW_PROTOCOL", "CORRECTION", "RECOUNT", "PHASE"}

func (k ChangeKind) String() string { return enumName(changeKindNames, int(k)) }

// Change is one accepted change of an election's results; ResultsVersion
// numbers them densely 1, 2, 3... per election.
type Change struct {
	ResultsVersion int64
	Election       string
	Contest        string
	Kind           ChangeKind
	// Station and Version are set for protocol changes.
	Station string
	Version int
	// Phase is set for phase changes.
	Phase     Phase
	Reason    string
	Submitter string
	At        time.Time
	// LogIndex is the change's leaf in the election's log (0: none).
	LogIndex int64
}

// changeKindOf maps a protocol kind to its change kind.
func changeKindOf(k ProtocolKind) ChangeKind {
	switch k {
	case Correction:
		return ChangeCorrection
	case Recount:
		return ChangeRecount
	default:
		return ChangeNewProtocol
	}
}

// ChangeOf returns the change a stored protocol version represents.
func ChangeOf(v ProtocolVersion) Change {
	return Change{
		ResultsVersion: v.ResultsVersion, Election: v.Election, Contest: v.Contest,
		Kind: changeKindOf(v.Kind), Station: v.Station, Version: v.Version,
		Reason: v.Reason, Submitter: v.Submitter, At: v.SubmittedAt, LogIndex: v.LogIndex,
	}
}
