package tally

import (
	"github.com/mandate-project/mandate/services/tally/form"

	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// The log.
//
// Every election has an append-only Merkle tree (RFC 6962, as
// golang.org/x/mod/sumdb/tlog computes it) of everything that happened to
// it: each accepted protocol version, each refused submission with its
// reason, each phase change and each change of the definition is one leaf
// (format in package tallylog), appended by the store in the transaction
// that makes the change. The Service builds the leaves, signs checkpoints
// of the tree with the tally's key, and answers inclusion and consistency
// proofs from the hashes the store keeps.

// LogRef names a leaf of an election's log: its index and its record hash
// (tlog.RecordHash of the leaf). It is the receipt of a change.
type LogRef struct {
	Index int64
	Hash  tlog.Hash
}

// LoggedError is a refused submission the log recorded: Entry is its leaf.
type LoggedError struct {
	Err   error
	Entry LogRef
}

func (e *LoggedError) Error() string { return e.Err.Error() }
func (e *LoggedError) Unwrap() error { return e.Err }

// Origin is who sent a change and the bytes the tally received for it,
// recorded in the change's leaf. The API adapter puts it in the context of
// DefineElection, AddUnits and SetPhase (a submission carries its own).
type Origin struct {
	// Subject is the credential's subject ("admin:cec"); empty without
	// access control.
	Subject string
	// Body is the request as received, and BodyType its protobuf message
	// type ("mandate.tally.v1.CreateElectionRequest").
	Body     []byte
	BodyType string
}

type originKey struct{}

// WithOrigin returns ctx carrying the origin of the change it is for.
func WithOrigin(ctx context.Context, o Origin) context.Context {
	return context.WithValue(ctx, originKey{}, o)
}

func originOf(ctx context.Context) Origin {
	o, _ := ctx.Value(originKey{}).(Origin)
	return o
}

// DefaultCheckpointEvery is how often a checkpoint is published when
// ServiceOptions.CheckpointEvery is zero.
const DefaultCheckpointEvery = 5 * time.Second

// logState is what the Service remembers of an election's log: the
// checkpoint it published last, and the few it signed recently.
type logState struct {
	mu        sync.Mutex
	published *tallylog.Checkpoint
	recent    []tallylog.Checkpoint // most recent last
}

const recentCheckpoints = 8

func (s *Service) logOf(election string) *logState {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	ls := s.logs[election]
	if ls == nil {
		ls = &logState{}
		s.logs[election] = ls
	}
	return ls
}

// ephemeralKey is the log key of a Service given none: checkpoints signed
// with it cannot be checked after a restart.
func ephemeralKey() string {
	skey, _, err := note.GenerateKey(rand.Reader, "mandate-tally-ephemeral")
	if err != nil {
		panic(err) // crypto/rand does not fail
	}
	return skey
}

// LogVerifierKey is the note verifier key of the tally's log signer
// ("name+hash+key"), which checkpoints are checked with.
func (s *Service) LogVerifierKey() string { return s.logVKey }

func (s *Service) hashes(ctx context.Context, election string) tlog.HashReader {
	return tlog.HashReaderFunc(func(idx []int64) ([]tlog.Hash, error) {
		return s.store.ReadHashes(ctx, election, idx)
	})
}

// LogSize returns the number of leaves of an election's log.
func (s *Service) LogSize(ctx context.Context, election string) (int64, error) {
	if _, err := s.election(election); err != nil {
		return 0, err
	}
	h, err := s.store.LogHead(ctx, election)
	return h.Size, err
}

// Checkpoint returns the signed checkpoint of the first size leaves of an
// election's log. Size 0 means the whole log as it is now (a checkpoint
// made on demand); beyond the log is a FieldError (OUT_OF_RANGE).
func (s *Service) Checkpoint(ctx context.Context, election string, size int64) (tallylog.Checkpoint, error) {
	if _, err := s.election(election); err != nil {
		return tallylog.Checkpoint{}, err
	}
	if size < 0 {
		return tallylog.Checkpoint{}, fieldErr("tree_size", "OUT_OF_RANGE", "tree size must not be negative")
	}
	h, err := s.store.LogHead(ctx, election)
	if err != nil {
		return tallylog.Checkpoint{}, err
	}
	switch {
	case h.Size == 0:
		return tallylog.Checkpoint{}, NewStateError(ErrFailedPrecondition, election, "the election's log is empty (it was defined before the log existed)")
	case size == 0:
		size = h.Size
	case size > h.Size:
		return tallylog.Checkpoint{}, fieldErr("tree_size", "OUT_OF_RANGE", "the log has %d entries, fewer than %d", h.Size, size)
	}
	return s.checkpointAt(ctx, election, size)
}

// checkpointAt signs the checkpoint of size leaves, which the store has.
// A signature is deterministic (Ed25519), so signing a size again gives
// the same checkpoint; the last few are kept to spare the reads.
func (s *Service) checkpointAt(ctx context.Context, election string, size int64) (tallylog.Checkpoint, error) {
	ls := s.logOf(election)
	ls.mu.Lock()
	for _, c := range ls.recent {
		if c.Size == size {
			ls.mu.Unlock()
			return c, nil
		}
	}
	ls.mu.Unlock()
	root, err := tlog.TreeHash(size, s.hashes(ctx, election))
	if err != nil {
		return tallylog.Checkpoint{}, fmt.Errorf("tree hash of %s at %d: %w", election, size, err)
	}
	c, err := tallylog.SignCheckpoint(s.logSigner, election, size, root)
	if err != nil {
		return tallylog.Checkpoint{}, err
	}
	ls.mu.Lock()
	if len(ls.recent) == recentCheckpoints {
		ls.recent = slices.Delete(ls.recent, 0, 1)
	}
	ls.recent = append(ls.recent, c)
	ls.mu.Unlock()
	return c, nil
}

// PublishedCheckpoint returns the checkpoint published last (the poll
// publishes one every ServiceOptions.CheckpointEvery when the log grew),
// publishing one now when there is none yet.
func (s *Service) PublishedCheckpoint(ctx context.Context, election string) (tallylog.Checkpoint, error) {
	if _, err := s.election(election); err != nil {
		return tallylog.Checkpoint{}, err
	}
	ls := s.logOf(election)
	ls.mu.Lock()
	p := ls.published
	ls.mu.Unlock()
	if p != nil {
		return *p, nil
	}
	return s.publish(ctx, election)
}

// LatestPublished returns the last published checkpoint of an election,
// if there is one, without making one.
func (s *Service) LatestPublished(election string) (tallylog.Checkpoint, bool) {
	return s.published(election)
}

// TotalsCheckpoint returns the checkpoint of exactly the changes totals
// include (Totals.LogSize); false when no logged change is among them.
func (s *Service) TotalsCheckpoint(ctx context.Context, t Totals) (tallylog.Checkpoint, bool, error) {
	if t.LogSize == 0 {
		return tallylog.Checkpoint{}, false, nil
	}
	c, err := s.checkpointAt(ctx, t.Election, t.LogSize)
	return c, err == nil, err
}

// LogRefusal logs a submission the API refused before it reached the tally
// (a malformed request naming a known election) and returns its entry;
// false when the election is unknown, and nothing is logged.
func (s *Service) LogRefusal(ctx context.Context, sub Submission, r tallylog.Rejection) (LogRef, bool, error) {
	s.mu.RLock()
	known := sub.Election != "" && s.elections[sub.Election] != nil
	s.mu.RUnlock()
	if !known {
		return LogRef{}, false, nil
	}
	e, body := submissionEntry(tallylog.KindRejection, sub, s.now().UTC())
	e.Rejection = &r
	tail, err := tallylog.Tail(e, body)
	if err != nil {
		return LogRef{}, false, err
	}
	idx, err := s.store.AppendLog(ctx, sub.Election, [][]byte{tail})
	if err != nil {
		return LogRef{}, false, err
	}
	return LogRef{Index: idx, Hash: tallylog.LeafHash(idx, tail)}, true, nil
}

// published returns the last published checkpoint, if any, without
// making one.
func (s *Service) published(election string) (tallylog.Checkpoint, bool) {
	ls := s.logOf(election)
	ls.mu.Lock()
	defer ls.mu.Unlock()
	if ls.published == nil {
		return tallylog.Checkpoint{}, false
	}
	return *ls.published, true
}

// publish signs the whole log and makes it the published checkpoint.
func (s *Service) publish(ctx context.Context, election string) (tallylog.Checkpoint, error) {
	c, err := s.Checkpoint(ctx, election, 0)
	if err != nil {
		return c, err
	}
	ls := s.logOf(election)
	ls.mu.Lock()
	defer ls.mu.Unlock()
	if ls.published == nil || ls.published.Size < c.Size {
		ls.published = &c
	}
	return *ls.published, nil
}

// PublishCheckpoints publishes a checkpoint of every election whose log
// grew since its last one. The Service does it every CheckpointEvery.
func (s *Service) PublishCheckpoints(ctx context.Context) error {
	s.mu.RLock()
	ids := make([]string, 0, len(s.elections))
	for id := range s.elections {
		ids = append(ids, id)
	}
	s.mu.RUnlock()
	var errs []error
	for _, id := range ids {
		h, err := s.store.LogHead(ctx, id)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if p, ok := s.published(id); h.Size == 0 || ok && p.Size >= h.Size {
			continue
		}
		if _, err := s.publish(ctx, id); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// publishLoop runs PublishCheckpoints every interval until ctx ends.
func (s *Service) publishLoop(ctx context.Context, every time.Duration) {
	defer close(s.publishDone)
	t := time.NewTicker(every)
	defer t.Stop()
	failing := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		err := s.PublishCheckpoints(ctx)
		if ctx.Err() != nil {
			return
		}
		if err != nil && !failing {
			s.log.Warn("tally: cannot publish checkpoints", "err", err)
		}
		failing = err != nil
	}
}

// InclusionProof proves that leaf index is in the tree of size leaves.
func (s *Service) InclusionProof(ctx context.Context, election string, index, size int64) (tlog.RecordProof, tlog.Hash, error) {
	if _, err := s.election(election); err != nil {
		return nil, tlog.Hash{}, err
	}
	h, err := s.store.LogHead(ctx, election)
	if err != nil {
		return nil, tlog.Hash{}, err
	}
	switch {
	case size <= 0 || size > h.Size:
		return nil, tlog.Hash{}, fieldErr("tree_size", "OUT_OF_RANGE", "tree size must be between 1 and the log's size, %d", h.Size)
	case index < 0 || index >= size:
		return nil, tlog.Hash{}, fieldErr("leaf_index", "OUT_OF_RANGE", "leaf index must be below the tree size, %d", size)
	}
	r := s.hashes(ctx, election)
	p, err := tlog.ProveRecord(size, index, r)
	if err != nil {
		return nil, tlog.Hash{}, err
	}
	lh, err := r.ReadHashes([]int64{tlog.StoredHashIndex(0, index)})
	if err != nil {
		return nil, tlog.Hash{}, err
	}
	return p, lh[0], nil
}

// ConsistencyProof proves that the tree of older leaves is a prefix of the
// tree of newer leaves.
func (s *Service) ConsistencyProof(ctx context.Context, election string, older, newer int64) (tlog.TreeProof, error) {
	if _, err := s.election(election); err != nil {
		return nil, err
	}
	h, err := s.store.LogHead(ctx, election)
	if err != nil {
		return nil, err
	}
	switch {
	case newer <= 0 || newer > h.Size:
		return nil, fieldErr("second_tree_size", "OUT_OF_RANGE", "tree size must be between 1 and the log's size, %d", h.Size)
	case older <= 0 || older > newer:
		return nil, fieldErr("first_tree_size", "OUT_OF_RANGE", "the first tree size must be between 1 and the second, %d", newer)
	}
	return tlog.ProveTree(newer, older, s.hashes(ctx, election))
}

// LogEntry is one leaf of a log.
type LogEntry struct {
	Index int64
	Leaf  []byte
}

// maxLogPage bounds one page of leaves.
const maxLogPage = 1000

// LogEntries returns up to limit leaves (default and most 1000) from index
// from on, and the index to read from next (0 at the end of the log).
func (s *Service) LogEntries(ctx context.Context, election string, from int64, limit int) ([]LogEntry, int64, error) {
	if _, err := s.election(election); err != nil {
		return nil, 0, err
	}
	if from < 0 {
		return nil, 0, fieldErr("page_token", "OUT_OF_RANGE", "index must not be negative")
	}
	if limit <= 0 || limit > maxLogPage {
		limit = maxLogPage
	}
	h, err := s.store.LogHead(ctx, election)
	if err != nil {
		return nil, 0, err
	}
	to := min(h.Size, from+int64(limit))
	var out []LogEntry
	err = s.store.ReadLeaves(ctx, election, from, to, func(i int64, leaf []byte) error {
		out = append(out, LogEntry{Index: i, Leaf: leaf})
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	next := int64(0)
	if to < h.Size {
		next = to
	}
	return out, next, nil
}

// leafHashes reads the record hashes of leaves.
func (s *Service) leafHashes(ctx context.Context, election string, indexes []int64) ([]tlog.Hash, error) {
	idx := make([]int64, len(indexes))
	for i, x := range indexes {
		idx[i] = tlog.StoredHashIndex(0, x)
	}
	return s.store.ReadHashes(ctx, election, idx)
}

// The leaves.

func definitionEntry(e Election) *tallylog.Election {
	out := &tallylog.Election{ID: e.ID, Name: e.DisplayName, Date: e.Date}
	for _, c := range e.Contests {
		lc := tallylog.Contest{ID: c.ID, Name: c.DisplayName, Kind: c.Kind.String(), Form: c.Form.Name,
			ThresholdBase: roleName(c.ThresholdBase), MajorityPercent: c.MajorityPercent, MajorityBase: roleName(c.MajorityBase)}
		for _, ch := range c.Choices {
			lc.Choices = append(lc.Choices, tallylog.Choice{ID: ch.ID, Name: ch.Name, ShortName: ch.ShortName, BallotOrder: ch.BallotOrder, Color: ch.Color})
		}
		for _, l := range c.Form.Lines {
			ll := tallylog.Line{ID: l.ID, Number: l.Number, Name: l.Name}
			for _, r := range l.Roles {
				ll.Roles = append(ll.Roles, r.String())
			}
			lc.Lines = append(lc.Lines, ll)
		}
		for _, r := range c.Form.Relations {
			lc.Relations = append(lc.Relations, tallylog.Relation{Code: r.Code, Message: r.Message,
				Severity: r.Severity.String(), Expression: r.Expression})
		}
		out.Contests = append(out.Contests, lc)
	}
	return out
}

func roleName(r Role) string {
	if r == RoleUnspecified {
		return ""
	}
	return r.String()
}

// LogUnits converts units to the log's form, parents before children.
func LogUnits(units []Unit) []tallylog.Unit {
	out := make([]tallylog.Unit, 0, len(units))
	for _, u := range form.SortParentsFirst(slices.Clone(units)) {
		out = append(out, tallylog.Unit{ID: u.ID, Parent: u.Parent, Name: u.Name, Level: u.Level, Registered: u.Registered})
	}
	return out
}

func originTail(e tallylog.Entry, o Origin) ([]byte, error) {
	e.Submitter = o.Subject
	if len(o.Body) > 0 {
		e.Body = o.BodyType
	}
	return tallylog.Tail(e, o.Body)
}

func electionTail(e Election, o Origin, at time.Time) ([]byte, error) {
	def := e
	def.Units = nil
	return originTail(tallylog.Entry{Kind: tallylog.KindElection, Election: e.ID, Time: at,
		Definition: definitionEntry(def), Units: LogUnits(e.Units)}, o)
}

func unitsTail(election string, units []Unit, o Origin, at time.Time) ([]byte, error) {
	return originTail(tallylog.Entry{Kind: tallylog.KindUnits, Election: election, Time: at, Units: LogUnits(units)}, o)
}

func phaseTail(election, contest string, to Phase, reason string, o Origin, at time.Time) ([]byte, error) {
	return originTail(tallylog.Entry{Kind: tallylog.KindPhase, Election: election, Contest: contest,
		Phase: to.String(), Reason: reason, Time: at}, o)
}

// submissionEntry is the envelope of a submission, accepted or not.
func submissionEntry(kind string, sub Submission, at time.Time) (tallylog.Entry, []byte) {
	e := tallylog.Entry{Kind: kind, Election: sub.Election, Contest: sub.Contest, Station: sub.Station,
		Version: sub.Replaces + 1, ProtocolKind: sub.Kind.String(), Lines: sub.Lines, Votes: sub.Votes,
		Reason: sub.Reason, RequestID: sub.IdempotencyKey, Submitter: sub.Submitter, Time: at}
	if sub.Kind == ProtocolKindUnspecified {
		e.ProtocolKind = ""
	}
	if len(sub.Body) > 0 {
		e.Body = sub.BodyType
		if e.Body == "" {
			e.Body = tallylog.BodySubmitProtocol
		}
	}
	return e, sub.Body
}

func protocolTail(cc *form.Compiled, sub Submission, v ProtocolVersion) ([]byte, error) {
	e, body := submissionEntry(tallylog.KindProtocol, sub, v.SubmittedAt)
	e.LineOrder, e.VoteOrder = cc.LineOrder, cc.ChoiceOrder
	for _, w := range v.Warnings {
		e.Warnings = append(e.Warnings, w.Code)
	}
	return tallylog.Tail(e, body)
}

// loggable reports whether a refusal is a decision about the submission
// (logged) rather than a failure to decide (not logged: the client retries).
func loggable(err error) bool {
	var ve *ValidationError
	var fe *FieldError
	var nf *NotFoundError
	var se *StateError
	switch {
	case errors.As(err, &ve), errors.As(err, &fe), errors.As(err, &se):
		return true
	case errors.As(err, &nf):
		return nf.Kind != "election"
	}
	return false
}

// Rejection is the log's account of a refusal.
func Rejection(err error) tallylog.Rejection {
	r := tallylog.Rejection{Message: err.Error()}
	var ve *ValidationError
	var fe *FieldError
	var nf *NotFoundError
	switch {
	case errors.As(err, &ve):
		r.Reason = "CONTROL_RELATIONS"
		for _, v := range ve.Violations {
			r.Violations = append(r.Violations, v.Code)
		}
	case errors.As(err, &fe):
		r.Reason = fe.Reason
	case errors.As(err, &nf):
		r.Reason = strings.ToUpper(nf.Kind) + "_NOT_FOUND"
	case errors.Is(err, ErrConflict):
		r.Reason = "REQUEST_ID_REUSED"
	case errors.Is(err, ErrAlreadyExists):
		r.Reason = "ALREADY_EXISTS"
	case errors.Is(err, ErrStaleVersion):
		r.Reason = "STALE_VERSION"
	case errors.Is(err, ErrFailedPrecondition):
		r.Reason = "FAILED_PRECONDITION"
	default:
		r.Reason = "REJECTED"
	}
	return r
}

func rejectionTail(sub Submission, err error, at time.Time) ([]byte, error) {
	e, body := submissionEntry(tallylog.KindRejection, sub, at)
	rj := Rejection(err)
	e.Rejection = &rj
	return tallylog.Tail(e, body)
}

// logRejections appends a leaf for every refused submission of a known
// election and wraps its error in a LoggedError. The leaves are durable
// before the refusals are answered.
func (s *Service) logRejections(ctx context.Context, subs []Submission, results []ImportResult, at time.Time) error {
	byElection := map[string][]int{}
	var order []string
	for i, r := range results {
		if r.Err == nil || !loggable(r.Err) || subs[i].Election == "" {
			continue
		}
		s.mu.RLock()
		known := s.elections[subs[i].Election] != nil
		s.mu.RUnlock()
		if !known {
			continue
		}
		e := subs[i].Election
		if byElection[e] == nil {
			order = append(order, e)
		}
		byElection[e] = append(byElection[e], i)
	}
	for _, e := range order {
		is := byElection[e]
		tails := make([][]byte, len(is))
		for k, i := range is {
			t, err := rejectionTail(subs[i], results[i].Err, at)
			if err != nil {
				return err
			}
			tails[k] = t
		}
		first, err := s.store.AppendLog(ctx, e, tails)
		if err != nil {
			return fmt.Errorf("log rejections: %w", err)
		}
		for k, i := range is {
			idx := first + int64(k)
			results[i].Err = &LoggedError{Err: results[i].Err,
				Entry: LogRef{Index: idx, Hash: tallylog.LeafHash(idx, tails[k])}}
		}
	}
	return nil
}

// HashLocation is where a store that keeps, with each leaf, the hashes
// appending it completed (tallylog.Edge.Append's, concatenated by
// EncodeHashes) finds the tree's stored hash at a storage index
// (tlog.StoredHashIndex): with leaf, at position pos.
func HashLocation(index int64) (leaf int64, pos int) {
	level, n := tlog.SplitStoredHashIndex(index)
	return tallylog.NodeLeaf(level, n), level
}

// EncodeHashes concatenates hashes.
func EncodeHashes(hs []tlog.Hash) []byte {
	out := make([]byte, 0, len(hs)*tlog.HashSize)
	for _, h := range hs {
		out = append(out, h[:]...)
	}
	return out
}

// HashAt returns hash pos of what EncodeHashes wrote, if it holds one.
func HashAt(blob []byte, pos int) (tlog.Hash, bool) {
	var h tlog.Hash
	if pos < 0 || (pos+1)*tlog.HashSize > len(blob) {
		return h, false
	}
	copy(h[:], blob[pos*tlog.HashSize:])
	return h, true
}
