// Package tallylog holds the formats of the tally's tamper-evident log and
// of an election's public export: the log entries (leaves), the signed
// checkpoints, the hashing of the tree, and the export's files. It imports
// only the standard library and golang.org/x/mod, so that anyone can check
// an election with it (package verify does) without the rest of Mandate.
//
// The log of an election is an append-only Merkle tree with RFC 6962
// hashing (golang.org/x/mod/sumdb/tlog). Every accepted protocol version,
// every rejected submission, every phase change and every change of the
// definition is one leaf, appended in the same transaction as the change.
// A leaf is an envelope, one line of JSON, then a newline and the exact
// bytes the tally received for the change (empty when the change did not
// come through the API):
//
//	{"sequence":57,"body":"mandate.tally.v1.SubmitProtocolRequest",...,"votes":{...}}\n<bytes received>
//
// The sequence is the leaf's index in the tree; the other envelope fields
// are those of Entry.
package tallylog

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"golang.org/x/mod/sumdb/tlog"
)

// Format names this version of the entry format; every envelope carries it.
// Format 2 differs from format 1 in one rule: an entry of KindUnits is a
// change of the results (the election's next results version), as a
// protocol version or a phase change is; in format 1 it was not. Format 3
// differs from format 2 in one rule: a protocol entry whose body is a
// BodyProtocolRows (an imported row) has no lines and votes in its
// envelope, since the body holds them with their column names: ParseLeaf
// fills Lines and Votes from the body, so a reader sees the same Entry as
// in format 2. Format 4 adds one body type, BodyProtocolRow: the row alone,
// for a row whose message named the contest's columns in their canonical
// order (RowColumns), which the election's definition (entry 0) gives, so
// that the columns are not repeated in every row's leaf (decision 94); and
// a units entry whose body (BodyUnits) decodes to exactly its units, in the
// same order (DecodeUnits), has no units in its envelope: a Reader fills
// Units from the body (decision 95). A units entry with units in its
// envelope reads as before. A BodyProtocolRow whose row names the entry's
// station and request id has neither in its envelope: ParseEnvelope fills
// them from the body (decision 103). A Reader reads all four, and a log holds entries of older formats followed
// by entries of newer ones.
const Format = "mandate-log/4"

// FormatV3, FormatV2 and FormatV1 are the previous entry formats (see
// Format).
const (
	FormatV3 = "mandate-log/3"
	FormatV2 = "mandate-log/2"
	FormatV1 = "mandate-log/1"
)

// Kinds of entries.
const (
	// KindElection: an election was defined (Definition and its first Units).
	KindElection = "election"
	// KindUnits: reporting units were added (Units); since Format 2, a
	// change of the results like a protocol version.
	KindUnits = "units"
	// KindProtocol: a protocol version was accepted and counts from now on
	// (until a later version of the station's protocol replaces it).
	KindProtocol = "protocol"
	// KindRejection: a submitted protocol was refused (Rejection says why);
	// nothing was counted.
	KindRejection = "rejection"
	// KindPhase: a contest moved to another phase (certified, recount,
	// correction).
	KindPhase = "phase"
)

// BodySubmitProtocol is the Body of a protocol or rejection entry whose
// bytes are a mandate.tally.v1.SubmitProtocolRequest in protobuf binary
// encoding, as the tally received it (for an import, the request inside
// the stream's message). The other kinds name their own request messages.
const BodySubmitProtocol = "mandate.tally.v1.SubmitProtocolRequest"

// BodyProtocolRows is the Body of an entry of a protocol imported in the
// compact row form: a mandate.tally.v1.ProtocolRows holding the row alone,
// made of the message's parent and columns fields and the row's field,
// each as the tally received it.
const BodyProtocolRows = "mandate.tally.v1.ProtocolRows"

// BodyProtocolRow (format 4) is the Body of an entry of a protocol imported
// as a row of a ProtocolRows message whose parent and columns fields were
// exactly RowsHead(election, contest, RowColumns(definition, contest)): a
// mandate.tally.v1.ProtocolRow, the row's bytes as received. What the tally
// received for the protocol is that head followed by the row as field 3
// (RowsBody), which a reader rebuilds from the definition.
const BodyProtocolRow = "mandate.tally.v1.ProtocolRow"

// Entry is the envelope of a leaf. Which fields are set depends on Kind.
// The fields are declared in the order they are encoded: the sequence
// first, then the others in alphabetical order.
type Entry struct {
	// Sequence is the index of the leaf in the log, from 0.
	Sequence int64 `json:"sequence"`
	// Body is the protobuf message type of the bytes after the envelope,
	// or empty when there are none.
	Body string `json:"body,omitempty"`
	// ContentHash is the tally's hash of a protocol's content (hex SHA-256),
	// as its idempotency check uses it.
	ContentHash string `json:"content_hash,omitempty"`
	Contest     string `json:"contest,omitempty"`
	// Definition is the election as defined (KindElection).
	Definition *Election `json:"definition,omitempty"`
	Election   string    `json:"election"`
	Format     string    `json:"format"`
	Kind       string    `json:"kind"`
	// Lines and Votes are a protocol's counts by line and choice id.
	Lines map[string]int64 `json:"lines,omitempty"`
	// Phase is the contest's new phase (KindPhase): CERTIFIED, RECOUNT or
	// CORRECTION.
	Phase string `json:"phase,omitempty"`
	// ProtocolKind is ORIGINAL, CORRECTION or RECOUNT.
	ProtocolKind string `json:"protocol_kind,omitempty"`
	// Reason is a correction's or a phase change's stated reason.
	Reason string `json:"reason,omitempty"`
	// Rejection says why a submission was refused (KindRejection).
	Rejection *Rejection `json:"rejection,omitempty"`
	// RequestID is the submission's idempotency key.
	RequestID string `json:"request_id,omitempty"`
	Station   string `json:"station,omitempty"`
	// Submitter is the subject of the credential that sent the change
	// ("commission:uik-1234"); empty on a server without access control.
	Submitter string `json:"submitter,omitempty"`
	// Time is when the tally accepted or refused it (RFC 3339, UTC).
	Time  time.Time `json:"time"`
	Units []Unit    `json:"units,omitempty"`
	// Version is the protocol version the entry creates (or would have
	// created, for a rejection): 1 for an original.
	Version int              `json:"version,omitempty"`
	Votes   map[string]int64 `json:"votes,omitempty"`
	// Warnings are the codes of the control relations of warning severity
	// the accepted protocol breaks.
	Warnings []string `json:"warnings,omitempty"`

	// LineOrder and VoteOrder, when set, are the keys of Lines and Votes
	// in sorted order: a hint that spares Tail sorting them for every
	// protocol (it checks the hint and sorts when it is wrong).
	LineOrder []string `json:"-"`
	VoteOrder []string `json:"-"`
	// FormCounts, set by a caller that checked a BodyProtocolRow's columns
	// against LineOrder and VoteOrder, says the body holds a count for
	// every line and choice of the form: Tail then needs no Lines and
	// Votes to check that (an import's rows carry no maps).
	FormCounts bool `json:"-"`
}

// Rejection is why a submission was refused.
type Rejection struct {
	// Reason is a stable UPPER_SNAKE code: CONTROL_RELATIONS (with the
	// broken relations in Violations), ALREADY_EXISTS, STALE_VERSION,
	// FAILED_PRECONDITION, REQUEST_ID_REUSED, UNIT_NOT_FOUND, or the reason
	// of the malformed field.
	Reason  string `json:"reason"`
	Message string `json:"message"`
	// Violations are the codes of the broken control relations.
	Violations []string `json:"violations,omitempty"`
	// Body, BodySHA256 and BodySize describe the bytes the tally received
	// for a refused submission, which the log does not keep: their
	// protobuf message type, SHA-256 (hex) and length. The sender can show
	// that an entry is their request; nobody can grow the log by sending
	// large requests that are refused.
	Body       string `json:"body,omitempty"`
	BodySHA256 string `json:"body_sha256,omitempty"`
	BodySize   int64  `json:"body_size,omitempty"`
	// Truncated names the envelope fields the tally shortened (texts cut at
	// a character boundary) or dropped (counts) to keep a refusal's entry
	// within a few KiB; the digest stands for the whole.
	Truncated []string `json:"truncated,omitempty"`
}

// Election is a definition as the log records it.
type Election struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Date     string    `json:"date"`
	Contests []Contest `json:"contests"`
}

// Contest is one contest of a definition, with its protocol form.
type Contest struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Kind is PARTY_LIST or SINGLE_WINNER.
	Kind    string   `json:"kind"`
	Choices []Choice `json:"choices"`
	// Form names the protocol form; Lines are its numbered lines in order.
	Form      string     `json:"form,omitempty"`
	Lines     []Line     `json:"lines"`
	Relations []Relation `json:"relations,omitempty"`
	// ThresholdBase is the role whose sum is the base of the shares (VALID
	// or BALLOTS_CAST).
	ThresholdBase   string `json:"threshold_base,omitempty"`
	MajorityPercent int    `json:"majority_percent,omitempty"`
	MajorityBase    string `json:"majority_base,omitempty"`
	// Runoff is the runoff rule of a single-winner contest (TWO_LEADERS,
	// TIES_ADVANCE or NONE); empty for the default, TWO_LEADERS.
	Runoff string `json:"runoff,omitempty"`
	// RegisteredWithinUnit: the form refuses a protocol whose registered
	// voters exceed its station's unit's.
	RegisteredWithinUnit bool `json:"registered_within_unit,omitempty"`
}

// Choice is a party or candidate.
type Choice struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	ShortName   string `json:"short_name,omitempty"`
	BallotOrder int    `json:"ballot_order"`
	Color       string `json:"color,omitempty"`
}

// Line is a numbered line of a protocol form.
type Line struct {
	ID     string `json:"id"`
	Number string `json:"number"`
	Name   string `json:"name"`
	// Roles: REGISTERED, BALLOTS_ISSUED, BALLOTS_CAST, INVALID, VALID.
	Roles []string `json:"roles,omitempty"`
}

// Relation is a control relation of a form.
type Relation struct {
	Code       string `json:"code"`
	Message    string `json:"message"`
	Severity   string `json:"severity"`
	Expression string `json:"expression"`
}

// Unit is a reporting unit; Level "station" marks polling stations.
type Unit struct {
	ID         string `json:"id"`
	Parent     string `json:"parent,omitempty"`
	Name       string `json:"name"`
	Level      string `json:"level"`
	Registered int64  `json:"registered,omitempty"`
}

// ChangesResults reports whether the entry is a change of the election's
// results, which takes the next results version: a protocol version, a
// phase change, or (in Format 2) units added.
func ChangesResults(e Entry) bool {
	switch e.Kind {
	case KindProtocol, KindPhase:
		return true
	case KindUnits:
		return e.Format != FormatV1
	}
	return false
}

// CountsInBody reports whether an entry's lines and votes are in its body
// and not in its envelope (from Format 3, see Format): a protocol version
// imported as a row. Tail leaves them out of such an envelope.
func CountsInBody(e Entry) bool {
	if e.Kind != KindProtocol || e.Format == FormatV2 || e.Format == FormatV1 {
		return false
	}
	return e.Body == BodyProtocolRows || e.Body == BodyProtocolRow && e.Format != FormatV3
}

// LevelStation is the Level of a polling station.
const LevelStation = "station"

// leafPrefix starts every leaf; the sequence follows it.
const leafPrefix = `{"sequence":`

// Tail encodes everything of a leaf after its sequence: the rest of the
// envelope (Sequence and Format of e are ignored) and the body. The store
// that appends the leaf numbers it: Leaf(sequence, tail). The envelope is
// exactly what encoding/json writes for the Entry, written without
// reflection because every protocol goes through it.
func Tail(e Entry, body []byte) ([]byte, error) {
	if e.Time.IsZero() {
		return nil, errors.New("tallylog: entry without time")
	}
	// Sized once what the envelope keeps is known (below): sizing it for
	// counts a row's body holds doubled an import's garbage.
	var b []byte
	field := func(name string) {
		b = append(b, ',', '"')
		b = append(b, name...)
		b = append(b, '"', ':')
	}
	str := func(name, v string, omitEmpty bool) {
		if v == "" && omitEmpty {
			return
		}
		field(name)
		b = appendString(b, v)
	}
	counts := func(name string, m map[string]int64, hint []string) {
		if len(m) == 0 {
			return
		}
		field(name)
		keys := hint
		if !sortedKeys(m, hint) {
			keys = make([]string, 0, len(m))
			for k := range m {
				keys = append(keys, k)
			}
			slices.Sort(keys)
		}
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, k)
			b = append(b, ':')
			b = strconv.AppendInt(b, m[k], 10)
		}
		b = append(b, '}')
	}
	value := func(name string, v any) error {
		field(name)
		j, err := json.Marshal(v)
		b = append(b, j...)
		return err
	}
	// Tail writes the current format: an imported row's counts are its
	// body's alone. A format 4 row's body holds counts in the order of
	// RowColumns, the sorted line and choice ids: the counts must be those
	// of every line and choice of the form, which the order hints are.
	if e.Body == BodyProtocolRow && (e.LineOrder == nil || e.VoteOrder == nil ||
		!e.FormCounts && (!sortedKeys(e.Lines, e.LineOrder) || !sortedKeys(e.Votes, e.VoteOrder))) {
		return nil, fmt.Errorf("tallylog: a %s body needs the counts of the form's lines and choices, their order hinted", BodyProtocolRow)
	}
	if CountsInBody(Entry{Kind: e.Kind, Body: e.Body, Format: Format}) {
		e.Lines, e.Votes = nil, nil
	}
	// A units entry's units are its body's alone when the body says exactly
	// them, in the same order; otherwise (units of the request that existed
	// already and were skipped, another order) the envelope keeps them.
	if e.Kind == KindUnits && e.Body == BodyUnits && len(e.Units) > 0 {
		if u, ok := DecodeUnits(e.Election, body); ok && slices.Equal(u, e.Units) {
			e.Units = nil
		}
	}
	// An imported row's station and request id are its body's alone when
	// the body says exactly them (decision 103).
	if e.Body == BodyProtocolRow && e.Station != "" {
		if st, req, ok := RowIDs(e.Election, body); ok && st == e.Station && req == e.RequestID {
			e.Station, e.RequestID = "", ""
		}
	}
	b = make([]byte, 0, 256+16*(len(e.Lines)+len(e.Votes))+len(body))
	str("body", e.Body, true)
	str("content_hash", e.ContentHash, true)
	str("contest", e.Contest, true)
	if e.Definition != nil {
		if err := value("definition", e.Definition); err != nil {
			return nil, err
		}
	}
	str("election", e.Election, false)
	str("format", Format, false)
	str("kind", e.Kind, false)
	counts("lines", e.Lines, e.LineOrder)
	str("phase", e.Phase, true)
	str("protocol_kind", e.ProtocolKind, true)
	str("reason", e.Reason, true)
	if e.Rejection != nil {
		if err := value("rejection", e.Rejection); err != nil {
			return nil, err
		}
	}
	str("request_id", e.RequestID, true)
	str("station", e.Station, true)
	str("submitter", e.Submitter, true)
	field("time")
	b = append(b, '"')
	b = e.Time.UTC().AppendFormat(b, time.RFC3339Nano)
	b = append(b, '"')
	if len(e.Units) > 0 {
		if err := value("units", e.Units); err != nil {
			return nil, err
		}
	}
	if e.Version != 0 {
		field("version")
		b = strconv.AppendInt(b, int64(e.Version), 10)
	}
	counts("votes", e.Votes, e.VoteOrder)
	if len(e.Warnings) > 0 {
		if err := value("warnings", e.Warnings); err != nil {
			return nil, err
		}
	}
	b = append(b, '}', '\n')
	return append(b, body...), nil
}

// sortedKeys reports whether keys are exactly m's keys, sorted.
func sortedKeys(m map[string]int64, keys []string) bool {
	if len(keys) != len(m) {
		return false
	}
	for i, k := range keys {
		if _, ok := m[k]; !ok || i > 0 && keys[i-1] >= k {
			return false
		}
	}
	return true
}

// appendString writes s as encoding/json does: plain ASCII directly,
// anything else through encoding/json.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			j, _ := json.Marshal(s)
			return append(b, j...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// Leaf returns the leaf with the given sequence and tail (from Tail).
func Leaf(sequence int64, tail []byte) []byte {
	return AppendLeaf(make([]byte, 0, len(leafPrefix)+20+len(tail)), sequence, tail)
}

// AppendLeaf appends Leaf(sequence, tail) to b.
func AppendLeaf(b []byte, sequence int64, tail []byte) []byte {
	b = append(b, leafPrefix...)
	b = strconv.AppendInt(b, sequence, 10)
	return append(b, tail...)
}

// SplitLeaf splits a leaf into its sequence, the rest of its envelope
// (what follows the sequence, through the newline that ends the envelope)
// and its body, so that AppendLeaf(nil, sequence, rest) followed by body
// is the leaf again. The envelope is JSON written by Tail, which escapes
// every newline in a value, so the first newline ends it. ok is false for
// bytes not of that shape.
func SplitLeaf(leaf []byte) (sequence int64, rest, body []byte, ok bool) {
	if !bytes.HasPrefix(leaf, []byte(leafPrefix)) {
		return 0, nil, nil, false
	}
	after := leaf[len(leafPrefix):]
	n := 0
	for n < len(after) && n < 19 && after[n] >= '0' && after[n] <= '9' {
		n++
	}
	// Only the digits AppendInt writes: no sign, no leading zero.
	if n == 0 || (after[0] == '0' && n > 1) {
		return 0, nil, nil, false
	}
	seq, err := strconv.ParseInt(string(after[:n]), 10, 64)
	if err != nil {
		return 0, nil, nil, false
	}
	nl := bytes.IndexByte(after[n:], '\n')
	if nl < 0 {
		return 0, nil, nil, false
	}
	end := n + nl + 1
	return seq, after[n:end:end], after[end:], true
}

// ParseLeaf splits a leaf into its envelope and body. It reads a leaf of
// any format alone except a BodyProtocolRow, whose counts need the
// election's definition: a Reader reads those.
func ParseLeaf(leaf []byte) (Entry, []byte, error) {
	return new(Reader).Parse(leaf)
}

// Reader parses the leaves of one election's log. It keeps the definition
// from the first election entry it reads (entry 0 of a log), unless
// Definition was set beforehand: the definition gives the columns of a
// format 4 row.
type Reader struct {
	Definition *Election
}

// Parse splits a leaf into its envelope and body, Lines and Votes filled
// from the body when they are there (CountsInBody), and Units likewise
// (UnitsInBody).
func (r *Reader) Parse(leaf []byte) (Entry, []byte, error) {
	e, body, err := ParseEnvelope(leaf)
	if err != nil {
		return e, body, err
	}
	if e.Kind == KindElection && e.Definition != nil && r.Definition == nil {
		r.Definition = e.Definition
	}
	if UnitsInBody(e) {
		u, ok := DecodeUnits(e.Election, body)
		if !ok {
			return e, nil, fmt.Errorf("a units entry without units whose body is not a %s of election %s", BodyUnits, e.Election)
		}
		e.Units = u
		return e, body, nil
	}
	if !CountsInBody(e) {
		return e, body, nil
	}
	if e.Lines != nil || e.Votes != nil {
		return e, nil, fmt.Errorf("envelope of format %s with a %s body has lines or votes: they are the body's", e.Format, e.Body)
	}
	typ, received, err := r.Received(e, body)
	if err != nil {
		return e, nil, err
	}
	s, err := DecodeBody(typ, received)
	if err != nil {
		return e, nil, fmt.Errorf("body: %w", err)
	}
	e.Lines, e.Votes = s.Lines, s.Votes
	return e, body, nil
}

// ParseEnvelope splits a leaf into its envelope and body without reading
// the counts: an imported row's Lines and Votes stay nil, its Station and
// RequestID are filled from the body when the envelope leaves them out.
func ParseEnvelope(leaf []byte) (Entry, []byte, error) {
	var e Entry
	if !bytes.HasPrefix(leaf, []byte(leafPrefix)) {
		return e, nil, fmt.Errorf("not a log entry: does not start with %q", leafPrefix)
	}
	env, body, ok := bytes.Cut(leaf, []byte{'\n'})
	if !ok {
		return e, nil, errors.New("not a log entry: no newline after the envelope")
	}
	if err := json.Unmarshal(env, &e); err != nil {
		return e, nil, fmt.Errorf("envelope: %w", err)
	}
	switch e.Format {
	case Format, FormatV3, FormatV2, FormatV1:
	default:
		return e, nil, fmt.Errorf("envelope format %q, want %q, %q, %q or %q", e.Format, Format, FormatV3, FormatV2, FormatV1)
	}
	if e.Body == BodyProtocolRow && e.Format != Format {
		return e, nil, fmt.Errorf("a %s body in format %s, which came with %s", BodyProtocolRow, e.Format, Format)
	}
	// A row without a station in its envelope has its station and request
	// id in its body (decision 103); an envelope with a station is the
	// shape written before, read as it is.
	if e.Body == BodyProtocolRow && e.Station == "" {
		st, req, ok := RowIDs(e.Election, body)
		if !ok || e.RequestID != "" {
			return e, nil, fmt.Errorf("a %s envelope without a station whose body does not name a station of election %s", BodyProtocolRow, e.Election)
		}
		e.Station, e.RequestID = st, req
	}
	return e, body, nil
}

// LeafHash is tlog.RecordHash(Leaf(sequence, tail)), without building the
// leaf.
func LeafHash(sequence int64, tail []byte) tlog.Hash {
	h := sha256.New()
	var head [len(leafPrefix) + 21]byte
	b := append(append(head[:0], 0), leafPrefix...)
	h.Write(strconv.AppendInt(b, sequence, 10))
	h.Write(tail)
	var out tlog.Hash
	h.Sum(out[:0])
	return out
}
