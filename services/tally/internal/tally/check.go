package tally

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"unicode/utf8"
)

// checkShape validates the request fields of a submission that do not depend
// on the stored state.
func checkShape(s Submission) error {
	switch {
	case s.Election == "":
		return fieldErr("election", "REQUIRED", "election is required")
	case s.Contest == "":
		return fieldErr("contest", "REQUIRED", "contest is required")
	case s.Station == "":
		return fieldErr("station", "REQUIRED", "station is required")
	case s.IdempotencyKey == "":
		return fieldErr("idempotency_key", "REQUIRED", "an idempotency key is required")
	case utf8.RuneCountInString(s.IdempotencyKey) > MaxIdempotencyKey:
		return fieldErr("idempotency_key", "TOO_LONG", "longer than %d characters", MaxIdempotencyKey)
	case len(s.Reason) > MaxReason:
		return fieldErr("reason", "TOO_LONG", "reason longer than %d bytes", MaxReason)
	case s.Replaces < 0:
		return fieldErr("replaces", "OUT_OF_RANGE", "replaces must not be negative")
	}
	switch s.Kind {
	case Original:
		if s.Replaces != 0 {
			return fieldErr("replaces", "ORIGINAL_REPLACES", "an original protocol replaces nothing; use kind CORRECTION")
		}
	case Correction, Recount:
		if s.Replaces == 0 {
			return fieldErr("replaces", "REQUIRED", "a %v names the version it replaces", s.Kind)
		}
		if s.Reason == "" {
			return fieldErr("reason", "REQUIRED", "a %v needs a reason", s.Kind)
		}
	default:
		return fieldErr("kind", "INVALID_KIND", "kind must be ORIGINAL, CORRECTION or RECOUNT")
	}
	return nil
}

// MaxIdempotencyKey is the most characters (code points) a request_id may
// have, the limit the proto states (SubmitProtocolRequest.request_id); a
// test of the adapter holds the two equal.
const MaxIdempotencyKey = 128

// MaxReason bounds a correction's reason: a sentence or two of the
// commission's decision, not a document.
const MaxReason = 2000

// check validates the protocol content against the contest form and returns
// the value vector (lines, then choices) and the warnings. Error-severity
// violations come back as one *ValidationError listing all of them.
func (c *compiledContest) check(s Submission) ([]int64, []Violation, error) {
	vals := make([]int64, c.width())
	if len(s.Lines) != c.nLines {
		if err := c.keyErrors(s.Lines, "lines", "LINE", func(id string) bool { _, ok := c.lineIdx[id]; return ok }); err != nil {
			return nil, nil, err
		}
	}
	for i, l := range c.Form.Lines {
		v, ok := s.Lines[l.ID]
		if !ok {
			return nil, nil, fieldErr("lines."+l.ID, "MISSING_LINE", "line %s (%s) is missing", l.Number, l.ID)
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
			return nil, nil, fieldErr("votes."+ch.ID, "MISSING_CHOICE", "votes for %s are missing", ch.ID)
		}
		vals[c.nLines+i] = v
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
		ok, l, rv := r.holds(vals)
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
func (c *compiledContest) keyErrors(m map[string]int64, path, what string, known func(string) bool) error {
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
		return fieldErr(path+"."+unknown[0], "UNKNOWN_CHOICE", "%q is not a choice of contest %s", unknown[0], c.ID)
	}
	return fieldErr(path+"."+unknown[0], "UNKNOWN_LINE", "%q is not a line of the form", unknown[0])
}

// fieldOf is the request field path of value i: lines.ID or votes.ID.
func (c *compiledContest) fieldOf(i int) string {
	if i < c.nLines {
		return "lines." + c.idOf(i)
	}
	return "votes." + c.idOf(i)
}

func (c *compiledContest) idOf(i int) string {
	if i < c.nLines {
		return c.Form.Lines[i].ID
	}
	return c.Choices[i-c.nLines].ID
}

// linesOf and votesOf rebuild the maps from a value vector.
func (c *compiledContest) linesOf(vals []int64) map[string]int64 {
	m := make(map[string]int64, c.nLines)
	for i, l := range c.Form.Lines {
		m[l.ID] = vals[i]
	}
	return m
}

func (c *compiledContest) votesOf(vals []int64) map[string]int64 {
	m := make(map[string]int64, len(c.Choices))
	for i, ch := range c.Choices {
		m[ch.ID] = vals[c.nLines+i]
	}
	return m
}

// valsOf builds a value vector from a stored version (unknown keys ignored).
func (c *compiledContest) valsOf(v ProtocolVersion) []int64 {
	vals := make([]int64, c.width())
	for i, l := range c.Form.Lines {
		vals[i] = v.Lines[l.ID]
	}
	for i, ch := range c.Choices {
		vals[c.nLines+i] = v.Votes[ch.ID]
	}
	return vals
}

// ContentHash is the hex SHA-256 of everything a client sends in a submission
// except the idempotency key. Two submissions with the same key are the same
// request exactly when their hashes are equal.
func ContentHash(s Submission) string { return contentHash(s, nil, nil) }

// contentHash is ContentHash with the keys of the lines and votes in
// sorted order when the caller knows them (the contest's), unsorted when
// not (nil, or other keys).
func contentHash(s Submission, lineOrder, voteOrder []string) string {
	h := sha256.New()
	buf := make([]byte, 0, 1024)
	str := func(v string) {
		buf = strconv.AppendInt(buf, int64(len(v)), 10)
		buf = append(buf, ':')
		buf = append(buf, v...)
	}
	str(s.Election)
	str(s.Contest)
	str(s.Station)
	str(s.Kind.String())
	buf = strconv.AppendInt(buf, int64(s.Replaces), 10)
	str(s.Reason)
	str(s.Submitter)
	for i, m := range []map[string]int64{s.Lines, s.Votes} {
		keys := [][]string{lineOrder, voteOrder}[i]
		if !hasKeys(m, keys) {
			keys = make([]string, 0, len(m))
			for k := range m {
				keys = append(keys, k)
			}
			slices.Sort(keys)
		}
		buf = append(buf, '{')
		for _, k := range keys {
			str(k)
			buf = append(buf, '=')
			buf = strconv.AppendInt(buf, m[k], 10)
			buf = append(buf, ';')
		}
		buf = append(buf, '}')
	}
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil))
}

// hasKeys reports whether keys are exactly m's keys.
func hasKeys(m map[string]int64, keys []string) bool {
	if len(keys) != len(m) {
		return false
	}
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			return false
		}
	}
	return true
}

// ValidateProtocol checks a submission's content against a contest's form
// without storing anything (for tools that check files offline): it returns
// the warnings, or a *FieldError / *ValidationError.
func ValidateProtocol(c Contest, s Submission) ([]Violation, error) {
	cc, err := compileContest(c)
	if err != nil {
		return nil, prefixField("contest", err)
	}
	_, warnings, err := cc.check(s)
	return warnings, err
}
