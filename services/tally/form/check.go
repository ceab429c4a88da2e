package form

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// CheckShape validates the request fields of a submission that do not depend
// on the stored state.
func CheckShape(s Submission) error {
	switch {
	case s.Election == "":
		return NewFieldError("election", "REQUIRED", "election is required")
	case s.Contest == "":
		return NewFieldError("contest", "REQUIRED", "contest is required")
	case s.Station == "":
		return NewFieldError("station", "REQUIRED", "station is required")
	case s.IdempotencyKey == "":
		return NewFieldError("idempotency_key", "REQUIRED", "an idempotency key is required")
	case utf8.RuneCountInString(s.IdempotencyKey) > MaxIdempotencyKey:
		return NewFieldError("idempotency_key", "TOO_LONG", "idempotency key longer than %d characters", MaxIdempotencyKey)
	case len(s.Reason) > MaxReason:
		return NewFieldError("reason", "TOO_LONG", "reason longer than %d bytes", MaxReason)
	case s.Replaces < 0:
		return NewFieldError("replaces", "OUT_OF_RANGE", "replaces must not be negative")
	}
	// Checked here, not only by the transport, so that an import refuses
	// the row alone and no store is asked to keep a NUL (PostgreSQL's text
	// cannot).
	for _, f := range []struct {
		name, value string
		multiline   bool
	}{
		{"election", s.Election, false}, {"contest", s.Contest, false}, {"station", s.Station, false},
		{"idempotency_key", s.IdempotencyKey, false}, {"reason", s.Reason, true}, {"submitter", s.Submitter, false},
	} {
		if hasControl(f.value, f.multiline) {
			return NewFieldError(f.name, "CONTROL_CHARACTER", "%s must not hold NUL or another control character", f.name)
		}
	}
	switch s.Kind {
	case Original:
		if s.Replaces != 0 {
			return NewFieldError("replaces", "ORIGINAL_REPLACES", "an original protocol replaces nothing; use kind CORRECTION")
		}
	case Correction, Recount:
		if s.Replaces == 0 {
			return NewFieldError("replaces", "REQUIRED", "a %v names the version it replaces", s.Kind)
		}
		if s.Reason == "" {
			return NewFieldError("reason", "REQUIRED", "a %v needs a reason", s.Kind)
		}
	default:
		return NewFieldError("kind", "INVALID_KIND", "kind must be ORIGINAL, CORRECTION or RECOUNT")
	}
	return nil
}

// hasControl reports whether s holds a control character (NUL, C0, DEL,
// C1); a multi-line text may hold TAB, LF and CR.
func hasControl(s string, multiline bool) bool {
	for _, r := range s {
		if unicode.IsControl(r) && (!multiline || (r != '\t' && r != '\n' && r != '\r')) {
			return true
		}
	}
	return false
}

// MaxCount bounds every count of a protocol (each line and each choice's
// votes) and a station's registered voters: 10^12, far above any real
// station. With at most MaxUnits units in an election, no total of any
// unit can pass MaxCount*MaxUnits = 4*10^18 < 2^63-1, so the sums the
// tally keeps in int64 cannot wrap.
const MaxCount int64 = 1_000_000_000_000

// MaxUnits bounds the reporting units of one election (about four times the
// polling stations of the largest election there is).
const MaxUnits = 4_000_000

// MaxIdempotencyKey is the most characters (code points) a request_id may
// have, the limit the proto states (SubmitProtocolRequest.request_id); a
// test of the adapter holds the two equal.
const MaxIdempotencyKey = 128

// MaxReason bounds a correction's reason: a sentence or two of the
// commission's decision, not a document.
const MaxReason = 2000

// Check validates the protocol content against the contest form and returns
// the value vector (lines, then choices) and the warnings. Error-severity
// violations come back as one *ValidationError listing all of them.
func (c *Compiled) Check(s Submission) ([]int64, []Violation, error) {
	vals := make([]int64, c.Width())
	if s.Cols != nil {
		if r := c.place(s.Cols); r.direct && len(s.Counts) == len(r.idx) {
			for j, i := range r.idx {
				vals[i] = s.Counts[j]
			}
			return c.checkVals(vals)
		}
		// Not exactly the form's lines and choices: the maps' way, with
		// the errors a map-built submission gets.
		s = s.WithMaps()
	}
	if len(s.Lines) != c.NLines {
		if err := c.keyErrors(s.Lines, "lines", "LINE", func(id string) bool { _, ok := c.lineIdx[id]; return ok }); err != nil {
			return nil, nil, err
		}
	}
	for i, l := range c.Form.Lines {
		v, ok := s.Lines[l.ID]
		if !ok {
			return nil, nil, NewFieldError("lines."+l.ID, "MISSING_LINE", "line %s (%s) is missing", l.Number, l.ID)
		}
		vals[i] = v
	}
	if len(s.Votes) != len(c.Choices) {
		if err := c.keyErrors(s.Votes, "votes", "CHOICE", func(id string) bool { _, ok := c.choiceIdx[id]; return ok }); err != nil {
			return nil, nil, err
		}
	}
	for i, ch := range c.Choices {
		v, ok := s.Votes[ch.ID]
		if !ok {
			return nil, nil, NewFieldError("votes."+ch.ID, "MISSING_CHOICE", "votes for %s are missing", ch.ID)
		}
		vals[c.NLines+i] = v
	}
	return c.checkVals(vals)
}

// checkVals checks a value vector with every line and choice of the form.
func (c *Compiled) checkVals(vals []int64) ([]int64, []Violation, error) {
	for i, v := range vals {
		if v > MaxCount {
			return nil, nil, NewFieldError(c.fieldOf(i), "OUT_OF_RANGE", "%s is %d, above the most a count may be (%d)", c.idOf(i), v, MaxCount)
		}
	}
	var errs, warns []Violation
	for i, v := range vals {
		if v < 0 {
			id := c.idOf(i)
			errs = append(errs, Violation{Code: "NEGATIVE_COUNT", Message: "a count cannot be negative: " + id,
				Severity: SeverityError, Lines: []string{id}, Fields: []string{c.fieldOf(i)}, Left: v})
		}
	}
	for i := range c.relations {
		r := &c.relations[i]
		ok, l, rv := r.Holds(vals)
		if ok {
			continue
		}
		v := Violation{Code: r.Code, Message: r.Message, Severity: r.Severity, Lines: r.ids, Left: l, Right: rv}
		if r.Severity == SeverityError {
			for _, id := range r.ids {
				if _, ok := c.lineIdx[id]; ok {
					v.Fields = append(v.Fields, "lines."+id)
				} else {
					v.Fields = append(v.Fields, "votes."+id)
				}
			}
			errs = append(errs, v)
		} else {
			warns = append(warns, v)
		}
	}
	if len(errs) > 0 {
		return nil, nil, &ValidationError{Violations: errs}
	}
	return vals, warns, nil
}

// keyErrors reports the first unknown key (sorted, for determinism).
func (c *Compiled) keyErrors(m map[string]int64, path, what string, known func(string) bool) error {
	var unknown []string
	for k := range m {
		if !known(k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	slices.Sort(unknown)
	if what == "CHOICE" {
		return NewFieldError(path+"."+unknown[0], "UNKNOWN_CHOICE", "%q is not a choice of contest %s", unknown[0], c.ID)
	}
	return NewFieldError(path+"."+unknown[0], "UNKNOWN_LINE", "%q is not a line of the form", unknown[0])
}

// fieldOf is the request field path of value i: lines.ID or votes.ID.
func (c *Compiled) fieldOf(i int) string {
	if i < c.NLines {
		return "lines." + c.idOf(i)
	}
	return "votes." + c.idOf(i)
}

func (c *Compiled) idOf(i int) string {
	if i < c.NLines {
		return c.Form.Lines[i].ID
	}
	return c.Choices[i-c.NLines].ID
}

// LinesOf rebuilds the lines of a value vector.
func (c *Compiled) LinesOf(vals []int64) map[string]int64 {
	m := make(map[string]int64, c.NLines)
	for i, l := range c.Form.Lines {
		m[l.ID] = vals[i]
	}
	return m
}

// VotesOf rebuilds the votes of a value vector.
func (c *Compiled) VotesOf(vals []int64) map[string]int64 {
	m := make(map[string]int64, len(c.Choices))
	for i, ch := range c.Choices {
		m[ch.ID] = vals[c.NLines+i]
	}
	return m
}

// ValsOf builds a value vector from a protocol's lines and votes (unknown
// keys ignored).
func (c *Compiled) ValsOf(lines, votes map[string]int64) []int64 {
	vals := make([]int64, c.Width())
	for i, l := range c.Form.Lines {
		vals[i] = lines[l.ID]
	}
	for i, ch := range c.Choices {
		vals[c.NLines+i] = votes[ch.ID]
	}
	return vals
}

// ContentHash is the hex SHA-256 of everything a client sends in a submission
// except the idempotency key. Two submissions with the same key are the same
// request exactly when their hashes are equal. A submission Check accepted
// has the same hash, computed without maps, from Compiled.ContentHashOf.
func ContentHash(s Submission) string {
	s = s.WithMaps()
	h := sha256.New()
	buf := make([]byte, 0, 1024)
	buf = appendHeader(buf, s)
	for _, m := range []map[string]int64{s.Lines, s.Votes} {
		keys := slices.Sorted(maps.Keys(m))
		buf = append(buf, '{')
		for _, k := range keys {
			buf = appendLen(buf, k)
			buf = append(buf, '=')
			buf = strconv.AppendInt(buf, m[k], 10)
			buf = append(buf, ';')
		}
		buf = append(buf, '}')
	}
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil))
}

// ContentHashOf is ContentHash of a submission Check accepted, from the
// value vector Check returned: the keys are then exactly the form's, so
// no map is read.
func (c *Compiled) ContentHashOf(s Submission, vals []int64) string {
	// On the stack for a protocol of usual size: the hash is taken once a
	// protocol, and Sum256 keeps buf from escaping.
	var arr [2048]byte
	buf := arr[:0]
	buf = appendHeader(buf, s)
	for _, order := range [][]int{c.lineOrderIdx, c.choiceOrderIdx} {
		buf = append(buf, '{')
		for _, i := range order {
			buf = appendLen(buf, c.idOf(i))
			buf = append(buf, '=')
			buf = strconv.AppendInt(buf, vals[i], 10)
			buf = append(buf, ';')
		}
		buf = append(buf, '}')
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:])
}

// appendLen writes v as the content hash writes a string: its length, a
// colon, then v.
func appendLen(buf []byte, v string) []byte {
	buf = strconv.AppendInt(buf, int64(len(v)), 10)
	buf = append(buf, ':')
	return append(buf, v...)
}

// appendHeader writes what the content hash covers before the counts.
func appendHeader(buf []byte, s Submission) []byte {
	for _, v := range []string{s.Election, s.Contest, s.Station, s.Kind.String()} {
		buf = appendLen(buf, v)
	}
	buf = strconv.AppendInt(buf, int64(s.Replaces), 10)
	buf = appendLen(buf, s.Reason)
	return appendLen(buf, s.Submitter)
}

// ValidateProtocol checks a submission's content against a contest's form
// without storing anything (for tools that check files offline): it returns
// the warnings, or a *FieldError / *ValidationError.
func ValidateProtocol(c Contest, s Submission) ([]Violation, error) {
	cc, err := CompileContest(c)
	if err != nil {
		return nil, PrefixField("contest", err)
	}
	_, warnings, err := cc.Check(s)
	return warnings, err
}
