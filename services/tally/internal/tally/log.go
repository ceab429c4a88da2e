package tally

import (
	"github.com/mandate-project/mandate/services/tally/form"

	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

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

// ephemeralKey is the log key of a Service given none: checkpoints signed
// with it cannot be checked after a restart.
func ephemeralKey() string {
	skey, _, err := note.GenerateKey(rand.Reader, "mandate-tally-ephemeral")
	if err != nil {
		panic(err) // crypto/rand does not fail
	}
	return skey
}

// LogRefusal logs a submission the API refused before it reached the tally
// (a malformed request naming a known election) and returns its entry;
// false when the election is unknown, and nothing is logged. The same
// refusal again returns the entry of the first (see refusalTail).
func (s *Service) LogRefusal(ctx context.Context, sub Submission, r tallylog.Rejection) (LogRef, bool, error) {
	s.mu.RLock()
	known := sub.Election != "" && s.elections[sub.Election] != nil
	s.mu.RUnlock()
	if !known {
		return LogRef{}, false, nil
	}
	rf, err := refusalTail(sub, r, s.now().UTC())
	if err != nil {
		return LogRef{}, false, err
	}
	refs, err := s.store.AppendRefusals(ctx, sub.Election, []Refusal{rf})
	if err != nil {
		return LogRef{}, false, err
	}
	return refs[0], true, nil
}

// The leaves.

func definitionEntry(e Election) *tallylog.Election {
	out := &tallylog.Election{ID: e.ID, Name: e.DisplayName, Date: e.Date}
	for _, c := range e.Contests {
		lc := tallylog.Contest{ID: c.ID, Name: c.DisplayName, Kind: c.Kind.String(), Form: c.Form.Name,
			ThresholdBase: roleName(c.ThresholdBase), MajorityPercent: c.MajorityPercent, MajorityBase: roleName(c.MajorityBase),
			RegisteredWithinUnit: c.Form.RegisteredWithinUnit}
		if c.Runoff != RunoffUnspecified {
			lc.Runoff = c.Runoff.String()
		}
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
		Version: sub.Replaces + 1, ProtocolKind: sub.Kind.String(),
		Reason: sub.Reason, RequestID: sub.IdempotencyKey, Submitter: sub.Submitter, Time: at}
	if sub.Cols == nil {
		// A row's counts are the caller's to give (protocolTail).
		e.Lines, e.Votes = sub.Lines, sub.Votes
	}
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
	// An accepted row sent with its contest's columns in the canonical
	// order keeps the row alone: the definition gives the rest, byte for
	// byte (decision 94).
	compact := false
	if e.Body == tallylog.BodyProtocolRows {
		if row, ok := tallylog.CompactRow(body, sub.Election, sub.Contest, cc.RowColumns); ok {
			e.Body, body, compact = tallylog.BodyProtocolRow, row, true
		}
	}
	if sub.Cols != nil {
		if compact {
			// The row's columns are the form's, in order: its counts are
			// the form's counts, and the row says them.
			e.FormCounts = true
		} else {
			e.Lines, e.Votes = cc.LinesOf(v.Vals), cc.VotesOf(v.Vals)
		}
	}
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

// Refusal is the log leaf of a refused submission (its tail, from
// refusalTail) under its key: the SHA-256 of everything the refusal is
// (the submission as received, who sent it and why it was refused) except
// its time. A store appends a key once per election.
type Refusal struct {
	Key  [sha256.Size]byte
	Tail []byte
}

// Bounds of a refusal's leaf. A refusal keeps the submission's digest, not
// its bytes, and at most this much of what the submission says, so that
// refused requests, which cost a client nothing, cannot grow the log
// faster than a few KiB each whatever their size (issue 14 item 4). With
// these bounds a refusal's tail is under 4 KiB.
const (
	refusalText       = 128                        // bytes kept of each identifying text field
	refusalRequestID  = 4 * form.MaxIdempotencyKey // a valid request id (128 characters of up to 4 bytes) is never cut
	refusalMessage    = 256                        // bytes kept of the refusal's message and a correction's reason
	refusalCounts     = 1536                       // bytes of encoded counts kept; more and the counts are dropped
	refusalViolations = 8                          // broken relations named
	refusalCode       = 64                         // bytes kept of a relation code
)

// refusalEpoch stands for the time in a refusal's key, which every
// identical refusal shares.
var refusalEpoch = time.Unix(0, 0).UTC()

// refusalTail returns the leaf of a refusal at time at, and its key. The
// leaf records the bytes received by their SHA-256 and size
// (Rejection.BodySHA256, BodySize), so the sender, who has them, can show
// that this entry is their request, and an observer can count and classify
// refusals; texts and counts beyond the bounds above are cut or dropped and
// named in Rejection.Truncated.
func refusalTail(sub Submission, rj tallylog.Rejection, at time.Time) (Refusal, error) {
	e, body := submissionEntry(tallylog.KindRejection, sub.WithMaps(), refusalEpoch)
	e.Rejection = &rj
	whole, err := tallylog.Tail(e, nil)
	if err != nil {
		return Refusal{}, err
	}
	h := sha256.New()
	h.Write(whole)
	h.Write(body)
	var out Refusal
	h.Sum(out.Key[:0])

	e.Time = at
	b := *e.Rejection
	e.Rejection = &b
	if len(body) > 0 {
		sum := sha256.Sum256(body)
		b.Body, b.BodySHA256, b.BodySize = e.Body, hex.EncodeToString(sum[:]), int64(len(body))
	}
	e.Body = ""
	cut := func(name string, s *string, n int) {
		if len(*s) > n {
			*s = truncateUTF8(*s, n)
			b.Truncated = append(b.Truncated, name)
		}
	}
	cut("contest", &e.Contest, refusalText)
	cut("protocol_kind", &e.ProtocolKind, refusalText)
	cut("reason", &e.Reason, refusalMessage)
	cut("request_id", &e.RequestID, refusalRequestID)
	cut("station", &e.Station, refusalText)
	cut("submitter", &e.Submitter, refusalText)
	if countsSize(e.Lines)+countsSize(e.Votes) > refusalCounts {
		e.Lines, e.Votes, e.LineOrder, e.VoteOrder = nil, nil, nil, nil
		b.Truncated = append(b.Truncated, "lines", "votes")
	}
	cut("rejection.message", &b.Message, refusalMessage)
	if len(b.Violations) > refusalViolations {
		b.Truncated = append(b.Truncated, "rejection.violations")
	}
	b.Violations = slices.Clone(b.Violations[:min(len(b.Violations), refusalViolations)])
	for i := range b.Violations {
		cut("rejection.violations", &b.Violations[i], refusalCode)
	}
	if len(b.Violations) == 0 {
		b.Violations = nil
	}
	b.Truncated = slices.Compact(b.Truncated)
	out.Tail, err = tallylog.Tail(e, nil)
	return out, err
}

// countsSize is about what a map of counts takes in an envelope.
func countsSize(m map[string]int64) int {
	n := 0
	for k := range m {
		n += len(k) + 24
	}
	return n
}

// truncateUTF8 cuts s to at most n bytes, at a character boundary.
func truncateUTF8(s string, n int) string {
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// logRejections appends a leaf for every refused submission of a known
// election (once for identical refusals) and wraps its error in a
// LoggedError. The leaves are durable before the refusals are answered.
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
		rfs := make([]Refusal, len(is))
		for k, i := range is {
			rf, err := refusalTail(subs[i], Rejection(results[i].Err), at)
			if err != nil {
				return err
			}
			rfs[k] = rf
		}
		refs, err := s.store.AppendRefusals(ctx, e, rfs)
		if err != nil {
			return fmt.Errorf("log rejections: %w", err)
		}
		for k, i := range is {
			results[i].Err = &LoggedError{Err: results[i].Err, Entry: refs[k]}
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
