// Package tally is the counting domain of Mandate: elections, their protocol
// forms and control relations, the polling-station protocols and the running
// totals. It is plain Go: no gRPC, no generated code. Storage sits behind the
// Store interface declared here; adapters convert to and from the wire.
package tally

import (
	"time"
)

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
	// Vals are the counts in the contest form's order (its lines, then
	// its choices), as the check of a new version made them; a version
	// imported as a row has them and no Lines or Votes (decision 105).
	// Nil for a version read back from a store, which has the maps.
	Vals []int64 `json:"-"`
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
	// ChangeUnits: reporting units were added. A new station changes the
	// number of stations, hence the status, of every unit above it, so it
	// is news like a protocol (decision 81).
	ChangeUnits
)

var changeKindNames = []string{"CHANGE_KIND_UNSPECIFIED", "NEW_PROTOCOL", "CORRECTION", "RECOUNT", "PHASE", "UNITS"}

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
	Phase Phase
	// Units is the number of units a ChangeUnits added (to the whole
	// election: Contest is empty).
	Units     int
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
