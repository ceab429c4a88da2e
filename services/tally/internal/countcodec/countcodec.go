// Package countcodec stores a protocol's counts compactly (issue 19): a
// count is a position in its contest's sorted list of line ids (or choice
// ids) and a zigzag varint, where JSON by name spent about 23 bytes on each.
// The lists come from the election's definition, which a store keeps
// unchanged from its creation, so the same bytes decode to the same counts
// every time the definition is read again. A name the definition does not
// list (a contest it does not define) is written out in full, so any map
// round-trips; the codec never depends on a map's iteration order.
package countcodec

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/mandate-project/mandate/services/tally/form"
)

// format is the first byte of every encoded column, so a later layout can
// be told apart from this one.
const format = 1

// Keys is one column's ordered names: a contest's line ids or choice ids.
// The zero Keys knows no name.
type Keys struct {
	names []string
	pos   map[string]int
	// byForm[code] is where the name of that code stands in the
	// definition's own order (ForElection), for AppendVals; nil when
	// the Keys were not made from a definition.
	byForm []int
}

// NewKeys orders names (sorted, duplicates dropped): the position of a name
// is its code, so the order must be reproducible from the definition alone.
func NewKeys(names []string) Keys {
	s := slices.Clone(names)
	slices.Sort(s)
	s = slices.Compact(s)
	k := Keys{names: s, pos: make(map[string]int, len(s))}
	for i, n := range s {
		k.pos[n] = i
	}
	return k
}

// Contest holds the two columns of one contest.
type Contest struct{ Lines, Votes Keys }

// Election maps a contest id to its columns.
type Election map[string]*Contest

// ForElection derives the columns of every contest of a stored definition:
// its form's line ids and its choice ids, each sorted.
func ForElection(e form.Election) Election {
	out := make(Election, len(e.Contests))
	for _, c := range e.Contests {
		lines := make([]string, len(c.Form.Lines))
		for i, l := range c.Form.Lines {
			lines[i] = l.ID
		}
		votes := make([]string, len(c.Choices))
		for i, ch := range c.Choices {
			votes[i] = ch.ID
		}
		out[c.ID] = &Contest{Lines: formKeys(lines), Votes: formKeys(votes)}
	}
	return out
}

// formKeys is NewKeys of names in a definition's order, which it keeps
// for AppendVals (not when a name repeats: a definition never has one).
func formKeys(names []string) Keys {
	k := NewKeys(names)
	if len(k.names) == len(names) {
		k.byForm = make([]int, len(names))
		for i, n := range names {
			k.byForm[k.pos[n]] = i
		}
	}
	return k
}

// AppendVals is Append of the map holding every name of the contest's
// definition and no other, from the values in the definition's order:
// vals[i] is the count of its i-th line (or choice). The bytes are
// Append's. False, with buf as it was, when the Keys were not made from a
// definition or vals is not one value a name.
func (k Keys) AppendVals(buf []byte, vals []int64) ([]byte, bool) {
	if len(vals) != len(k.names) || len(k.byForm) != len(k.names) {
		return buf, false
	}
	buf = append(buf, format)
	buf = binary.AppendUvarint(buf, uint64(len(vals)))
	for code, i := range k.byForm {
		buf = binary.AppendUvarint(buf, uint64(code)+1)
		buf = binary.AppendVarint(buf, vals[i])
	}
	return buf, true
}

// Encode encodes a protocol's two columns: from vals when set and the
// contest's (AppendVals), else from the maps. A version a store is asked
// to keep has vals, maps or both, the same counts either way.
func (c *Contest) Encode(vals []int64, lines, votes map[string]int64) ([]byte, []byte, error) {
	if vals != nil {
		if l, v, ok := c.AppendVals(vals); ok {
			return l, v, nil
		}
		if lines == nil && votes == nil {
			return nil, nil, fmt.Errorf("countcodec: %d counts do not fit the contest's %d lines and %d choices", len(vals), len(c.Lines.names), len(c.Votes.names))
		}
	}
	return c.Lines.Append(nil, lines), c.Votes.Append(nil, votes), nil
}

// AppendVals encodes a protocol's two columns from its value vector (the
// form's lines, then its choices, as form.Compiled.Check returns it); ok
// is false when the vector is not the contest's width or the contest
// came from no definition.
func (c *Contest) AppendVals(vals []int64) (lines, votes []byte, ok bool) {
	n := len(c.Lines.names)
	if len(vals) != n+len(c.Votes.names) {
		return nil, nil, false
	}
	lines, ok1 := c.Lines.AppendVals(nil, vals[:n])
	votes, ok2 := c.Votes.AppendVals(nil, vals[n:])
	return lines, votes, ok1 && ok2
}

// ForDefinition is ForElection of a definition as the stores keep it: the
// election's JSON.
func ForDefinition(def []byte) (Election, error) {
	var e form.Election
	if err := json.Unmarshal(def, &e); err != nil {
		return nil, err
	}
	return ForElection(e), nil
}

// Contest returns a contest's columns; an unknown contest gets empty ones
// (every name written in full).
func (e Election) Contest(id string) *Contest {
	if c := e[id]; c != nil {
		return c
	}
	return &Contest{}
}

// Append encodes m after buf: the format byte, the number of entries, then
// the known names in code order as code+1 and value, then the unknown ones
// sorted as 0, length, name and value. Values are zigzag varints.
func (k Keys) Append(buf []byte, m map[string]int64) []byte {
	buf = append(buf, format)
	buf = binary.AppendUvarint(buf, uint64(len(m)))
	var unknown []string
	known := 0
	for n := range m {
		if _, ok := k.pos[n]; ok {
			known++
		} else {
			unknown = append(unknown, n)
		}
	}
	if known > 0 {
		for i, n := range k.names {
			if v, ok := m[n]; ok {
				buf = binary.AppendUvarint(buf, uint64(i)+1)
				buf = binary.AppendVarint(buf, v)
			}
		}
	}
	slices.Sort(unknown)
	for _, n := range unknown {
		buf = binary.AppendUvarint(buf, 0)
		buf = binary.AppendUvarint(buf, uint64(len(n)))
		buf = append(buf, n...)
		buf = binary.AppendVarint(buf, m[n])
	}
	return buf
}

var errShort = errors.New("countcodec: truncated")

// Decode reads what Append wrote with the same Keys. The map is never nil.
func (k Keys) Decode(b []byte) (map[string]int64, error) {
	if len(b) == 0 || b[0] != format {
		return nil, fmt.Errorf("countcodec: not format %d", format)
	}
	b = b[1:]
	n, w := binary.Uvarint(b)
	if w <= 0 || n > uint64(len(b)) {
		return nil, errShort
	}
	b = b[w:]
	m := make(map[string]int64, n)
	for range n {
		code, w := binary.Uvarint(b)
		if w <= 0 {
			return nil, errShort
		}
		b = b[w:]
		var name string
		if code == 0 {
			l, w := binary.Uvarint(b)
			if w <= 0 || l > uint64(len(b)-w) {
				return nil, errShort
			}
			name = string(b[w : w+int(l)])
			b = b[w+int(l):]
		} else {
			if code > uint64(len(k.names)) {
				return nil, fmt.Errorf("countcodec: code %d beyond the %d names of the definition", code, len(k.names))
			}
			name = k.names[code-1]
		}
		v, w := binary.Varint(b)
		if w <= 0 {
			return nil, errShort
		}
		b = b[w:]
		if _, dup := m[name]; dup {
			return nil, fmt.Errorf("countcodec: %q twice", name)
		}
		m[name] = v
	}
	if len(b) != 0 {
		return nil, fmt.Errorf("countcodec: %d bytes after the counts", len(b))
	}
	return m, nil
}

// Vector places a contest's stored counts into a value vector of another
// order (a compiled form's: its lines, then its choices), straight from the
// bytes, with no map in between: a restart decodes a million protocols
// (issue 19).
type Vector struct {
	lines, votes []int // code-1 -> index in the vector; -1: not in it
	width        int
}

// Vector is the layout of c's counts in a vector of lines then votes, in
// the orders given. A stored name neither order lists is skipped, as a
// form skips a count it does not define.
func (c *Contest) Vector(lines, votes []string) Vector {
	at := func(k Keys, order []string, base int) []int {
		idx := make([]int, len(k.names))
		for i := range idx {
			idx[i] = -1
		}
		for i, n := range order {
			if p, ok := k.pos[n]; ok {
				idx[p] = base + i
			}
		}
		return idx
	}
	return Vector{lines: at(c.Lines, lines, 0), votes: at(c.Votes, votes, len(lines)), width: len(lines) + len(votes)}
}

// Width is the length of the vectors Decode fills.
func (v Vector) Width() int { return v.width }

// Decode fills dst (Width long, zeroed first) from the two columns Append
// wrote.
func (v Vector) Decode(lines, votes []byte, dst []int64) error {
	clear(dst)
	if err := decodeInto(lines, v.lines, dst); err != nil {
		return err
	}
	return decodeInto(votes, v.votes, dst)
}

// decodeInto is Keys.Decode into dst by idx. The same checks: a name twice
// is refused whether the vector keeps it or not.
func decodeInto(b []byte, idx []int, dst []int64) error {
	if len(b) == 0 || b[0] != format {
		return fmt.Errorf("countcodec: not format %d", format)
	}
	b = b[1:]
	n, w := binary.Uvarint(b)
	if w <= 0 || n > uint64(len(b)) {
		return errShort
	}
	b = b[w:]
	// Codes come in increasing order from Append; anything else (a name
	// repeated) is refused as Decode refuses it.
	var last uint64
	var unknown []string
	for range n {
		code, w := binary.Uvarint(b)
		if w <= 0 {
			return errShort
		}
		b = b[w:]
		if code == 0 {
			l, w := binary.Uvarint(b)
			if w <= 0 || l > uint64(len(b)-w) {
				return errShort
			}
			name := string(b[w : w+int(l)])
			if slices.Contains(unknown, name) {
				return fmt.Errorf("countcodec: %q twice", name)
			}
			unknown = append(unknown, name)
			b = b[w+int(l):]
		} else {
			if code > uint64(len(idx)) {
				return fmt.Errorf("countcodec: code %d beyond the %d names of the definition", code, len(idx))
			}
			if code <= last {
				return fmt.Errorf("countcodec: code %d after code %d", code, last)
			}
			last = code
		}
		val, w := binary.Varint(b)
		if w <= 0 {
			return errShort
		}
		b = b[w:]
		if code != 0 {
			if i := idx[code-1]; i >= 0 {
				dst[i] = val
			}
		}
	}
	if len(b) != 0 {
		return fmt.Errorf("countcodec: %d bytes after the counts", len(b))
	}
	return nil
}

// Vectors decodes the counts of a scan's protocols, each into the vector of
// its contest's layout, building each contest's Vector once and reusing one
// buffer: what a store's tally.VectorScanner does row by row.
type Vectors struct {
	codec     Election
	layout    func(contest string) (lines, votes []string, ok bool)
	byContest map[string]Vector
	vals      []int64
}

// Vectors decodes e's protocols into the layouts layout gives by contest.
func (e Election) Vectors(layout func(contest string) (lines, votes []string, ok bool)) *Vectors {
	return &Vectors{codec: e, layout: layout, byContest: map[string]Vector{}}
}

// Decode returns a protocol's counts in its contest's layout, valid until
// the next call, or nil for a contest the layout does not know.
func (vs *Vectors) Decode(contest string, lines, votes []byte) ([]int64, error) {
	vec, ok := vs.byContest[contest]
	if !ok {
		l, c, ok := vs.layout(contest)
		if !ok {
			return nil, nil
		}
		vec = vs.codec.Contest(contest).Vector(l, c)
		vs.byContest[contest] = vec
	}
	vs.vals = slices.Grow(vs.vals[:0], vec.Width())[:vec.Width()]
	if err := vec.Decode(lines, votes, vs.vals); err != nil {
		return nil, err
	}
	return vs.vals, nil
}
