package tally

import (
	"context"
	"encoding/json"
	"time"

	"golang.org/x/mod/sumdb/tlog"
)

// Store is the durable state of the tally. The Service validates requests
// against the forms; the Store decides everything that depends on what is
// already stored, inside its own transactions, because several Service
// replicas may share one database:
//
//   - idempotency: unique (election, idempotency key); same key and same
//     content hash returns the stored version with Replayed set, same key and
//     another hash fails with ErrConflict;
//   - versions: unique (election, contest, station, version); an original
//     (Version 1) for a station that has one fails with ErrAlreadyExists,
//     Version n > 1 when the current version is not n-1 fails with ErrStaleVersion;
//   - phase: a certified contest refuses protocols (ErrFailedPrecondition), a
//     Recount protocol needs PhaseRecount (ErrFailedPrecondition);
//   - results versions: every accepted protocol version and phase change gets
//     the next results version of its election, densely 1, 2, 3..., and the
//     versions of one election become visible in that order: a reader that
//     sees version v sees every version below it (replicas rely on it to
//     follow the store, see follow.go);
//   - GetElection and ListElections read the definition, phases,
//     ResultsVersion and UnitCount of an election at one instant;
//   - the log: every change (a protocol version, a phase change, a new
//     election, units added) appends its leaf to the election's log in the
//     transaction that makes the change, and AppendLog appends refusals.
//     Leaves are numbered densely 0, 1, 2... in commit order (so a change's
//     leaf comes after the leaves of every change with a lower results
//     version), and the tree's hashes of a leaf are stored with it, so
//     every leaf a reader sees is covered by the stored tree. A leaf is
//     tallylog.Leaf(index, tail) for the tail the caller gives.
//
// The idempotency check comes first: replaying an accepted request returns
// its original outcome even after the contest was certified. Errors are the
// package's sentinels (wrapped), never driver errors for expected outcomes.
type Store interface {
	// CreateElection stores a definition with its units (any order) and
	// appends leaf as the election's first log entry. An existing election
	// ID fails with ErrAlreadyExists.
	CreateElection(ctx context.Context, e Election, leaf []byte) error
	// GetElection returns the definition without units. ErrNotFound.
	GetElection(ctx context.Context, id string) (StoredElection, error)
	// ListElections returns every definition without units, by ID.
	ListElections(ctx context.Context) ([]StoredElection, error)
	// ElectionHeads returns every election's results version and unit
	// count, by ID, read at one instant: what a replica's poll asks every
	// ServiceOptions.Follow (follow.go), without the definitions and
	// phases ListElections reads.
	ElectionHeads(ctx context.Context) ([]ElectionHead, error)
	// AddUnits adds units atomically; parents must exist in the store or in
	// the batch. A unit that exists identically is skipped; one that exists
	// with other content fails the batch with ErrAlreadyExists. When at
	// least one unit was added, the batch is a change (ChangeUnits, Units
	// the number added, At at): it gets the next results version and leaf is
	// appended to the log (Change.LogIndex); otherwise the zero Change is
	// returned and nothing is appended.
	AddUnits(ctx context.Context, election string, units []Unit, at time.Time, leaf []byte) (Change, error)
	// Units returns every unit of the election.
	Units(ctx context.Context, election string) ([]Unit, error)

	// AppendProtocols stores a batch of protocol versions. Each item's Version
	// is the version it creates (Replaces+1); ResultsVersion and LogIndex are
	// assigned by the store, which appends the item's Leaf to the log with
	// the version (and only then: a replay or a refusal appends nothing). The items are decided one by one in order (an item sees the ones
	// before it) and the batch commits durably before the call returns; an
	// item's failure does not affect the others. The error is for failures of
	// the whole batch (nothing stored).
	AppendProtocols(ctx context.Context, batch []ProtocolVersion) ([]AppendResult, error)
	// ProtocolVersions returns every version of a station's protocol, oldest
	// first; ErrNotFound when there is none.
	ProtocolVersions(ctx context.Context, election, contest, station string) ([]ProtocolVersion, error)
	// ScanProtocols calls fn with every stored protocol version of the
	// election in results-version order.
	ScanProtocols(ctx context.Context, election string, fn func(ProtocolVersion) error) error
	// ProtocolsAfter returns up to limit stored protocol versions of the
	// election with after < ResultsVersion <= upTo, in results-version order.
	// Every version up to a results version the store has reported is
	// readable, so a replica catches up from it without gaps.
	ProtocolsAfter(ctx context.Context, election string, after, upTo int64, limit int) ([]ProtocolVersion, error)

	// SetPhase moves a contest to a phase; the transition is checked with
	// CheckPhaseTransition inside the transaction. The change gets the next
	// results version and appends leaf to the log (Change.LogIndex).
	SetPhase(ctx context.Context, election, contest string, to Phase, reason string, at time.Time, leaf []byte) (Change, error)
	// Changes returns up to limit changes with ResultsVersion > after, in order.
	Changes(ctx context.Context, election string, after int64, limit int) ([]Change, error)

	// AppendLog appends leaves that record no change of the results (refused
	// submissions) and returns the index of the first; the others follow it.
	// ErrNotFound for an unknown election.
	AppendLog(ctx context.Context, election string, leaves [][]byte) (int64, error)
	// AppendRefusals appends the leaves of refused submissions, each under
	// its key, and returns the entry of each: a key the election's log
	// already holds (or that an earlier refusal of the call has) appends
	// nothing and returns the entry that has it, so a refusal repeated does
	// not grow the log. ErrNotFound for an unknown election.
	AppendRefusals(ctx context.Context, election string, refusals []Refusal) ([]LogRef, error)
	// LogHead returns the size of the election's log and its results version,
	// read at one instant. ErrNotFound for an unknown election.
	LogHead(ctx context.Context, election string) (LogHead, error)
	// ReadLeaves calls fn with the leaves from <= index < to, in order.
	ReadLeaves(ctx context.Context, election string, from, to int64, fn func(index int64, leaf []byte) error) error
	// ReadHashes returns the tree's stored hashes at the given storage
	// indexes (tlog.StoredHashIndex); an index beyond the log is ErrNotFound.
	ReadHashes(ctx context.Context, election string, indexes []int64) ([]tlog.Hash, error)

	Close() error
}

// VectorScanner is what a Store may offer the rebuild of the totals:
// ScanProtocols with each version's counts handed over as a vector in the
// order of its contest's form (its lines, then its choices: what
// form.Compiled.ValsOf makes), decoded from the stored bytes with no map
// in between, since a restart reads every protocol of a country (issue
// 19). layout gives a contest's line and choice ids in that order (ok
// false: a contest the caller does not know, whose versions are handed
// over with a nil vector). The version's Lines and Votes are nil; vals is
// the callee's only during the call. A Store without it is read through
// ScanProtocols.
type VectorScanner interface {
	ScanProtocolVectors(ctx context.Context, election string, layout func(contest string) (lines, choices []string, ok bool),
		fn func(v ProtocolVersion, vals []int64) error) error
}

// StoredElection is a definition with its mutable state.
type StoredElection struct {
	Election       Election
	Phases         map[string]Phase // by contest ID; PhaseCounting when absent
	ResultsVersion int64
	// UnitCount is the number of units stored. Units are only ever added, so
	// a replica holding fewer knows another one added some.
	UnitCount int
	// ResultsLogSize is the size the log had right after the change at
	// ResultsVersion (the change's log index + 1; 0 without one): its first
	// ResultsLogSize leaves hold every change up to ResultsVersion and none
	// after it.
	ResultsLogSize int64
}

// ElectionHead is how far an election's stored changes go.
type ElectionHead struct {
	ID             string
	ResultsVersion int64
	UnitCount      int
}

// LogHead is the size of an election's log and the results version of the
// same instant.
type LogHead struct {
	Size           int64
	ResultsVersion int64
}

// AppendResult is the outcome of one item of AppendProtocols: the stored
// version (the original one when Replayed) or an error.
type AppendResult struct {
	Stored   ProtocolVersion
	Replayed bool
	Err      error
}

// CheckPhaseTransition is the rule for SetPhase: any move to another phase,
// except back to PhaseCounting (reopen with PhaseCorrection instead).
func CheckPhaseTransition(from, to Phase) error {
	if to != PhaseCertified && to != PhaseRecount && to != PhaseCorrection {
		return fieldErr("phase", "INVALID_PHASE", "phase must be CERTIFIED, RECOUNT or CORRECTION")
	}
	if from == to {
		return NewStateError(ErrPhaseUnchanged, "", "contest is already in phase %v", to)
	}
	return nil
}

// CheckPhaseAccepts is the rule a store applies before storing a protocol.
// The result is nil or a *StateError the caller may complete with a Subject.
func CheckPhaseAccepts(p Phase, k ProtocolKind) *StateError {
	if p == PhaseCertified {
		return NewStateError(ErrCertified, "", "contest is certified; open a correction or a recount first")
	}
	if k == Recount && p != PhaseRecount {
		return NewStateError(ErrRecountNotOpen, "", "recount protocols are accepted only while a recount is open")
	}
	return nil
}

// Kinds a store gives StoredChange for the rows of its union of changes
// that are not protocol versions.
const (
	// StoredPhaseKind: a phase change; n is the phase.
	StoredPhaseKind = -1
	// StoredUnitsKind: units added; n is how many.
	StoredUnitsKind = -2
)

// StoredChange finishes a change a store read back from its union of
// protocol versions, phase changes and unit batches: kind is the version's
// ProtocolKind, StoredPhaseKind (n the phase) or StoredUnitsKind (n the
// number of units added).
func StoredChange(c Change, kind, n int) Change {
	switch kind {
	case StoredPhaseKind:
		c.Kind = ChangePhase
		c.Phase = Phase(n)
		return c
	case StoredUnitsKind:
		c.Kind = ChangeUnits
		c.Units = n
		return c
	}
	c.Kind = ChangeOf(ProtocolVersion{Kind: ProtocolKind(kind)}).Kind
	return c
}

// StoredDefinition is what a store keeps of a definition: the election as
// JSON without its units, which it stores as rows of their own.
func StoredDefinition(e Election) (def []byte, units []Unit, err error) {
	units = e.Units
	e.Units = nil
	def, err = json.Marshal(e)
	return def, units, err
}

// Prior is what a store holds that bears on a protocol version it is asked
// to append, read in the transaction that decides it.
type Prior struct {
	// Phase is the contest's phase.
	Phase Phase
	// ByKey is the version stored under the item's idempotency key; nil
	// when the key is unused.
	ByKey *ProtocolVersion
	// Current is the station's current version; 0 when it has none.
	Current int
}

// DecideAppend is the acceptance rule of AppendProtocols, the one every
// store applies, so that no backend can disagree with another. In order: a
// reused key with the same content is a replay (answered even after the
// contest was certified); a reused key with other content is a conflict;
// the contest's phase must accept the kind; an original needs a station
// without a protocol; a correction must replace the current version.
// accept reports that v is to be stored; otherwise res is the outcome.
func DecideAppend(v ProtocolVersion, p Prior) (res AppendResult, accept bool) {
	subject := v.Election + "/" + v.Contest + "/" + v.Station
	if prev := p.ByKey; prev != nil {
		if prev.ContentHash == v.ContentHash {
			return AppendResult{Stored: *prev, Replayed: true}, false
		}
		return AppendResult{Err: NewStateError(ErrConflict, subject,
			"idempotency key %q was already used for other content (%s/%s version %d)",
			v.IdempotencyKey, prev.Contest, prev.Station, prev.Version)}, false
	}
	if err := CheckPhaseAccepts(p.Phase, v.Kind); err != nil {
		err.Subject = v.Election + "/" + v.Contest
		return AppendResult{Err: err}, false
	}
	if v.Version == 1 && p.Current > 0 {
		e := NewStateError(ErrAlreadyExists, subject,
			"the station has a protocol (version %d); submit a correction replacing it", p.Current)
		e.Current = p.Current
		return AppendResult{Err: e}, false
	}
	if v.Version > 1 && p.Current == 0 {
		return AppendResult{Err: NewStateError(ErrNothingToCorrect, subject,
			"the station has no protocol to replace; submit an original first")}, false
	}
	if v.Version > 1 && p.Current != v.Version-1 {
		e := NewStateError(ErrStaleVersion, subject,
			"replaces version %d but the current version is %d", v.Version-1, p.Current)
		e.Current = p.Current
		return AppendResult{Err: e}, false
	}
	return AppendResult{}, true
}
