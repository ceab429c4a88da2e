package tallylog

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Submission is what the body of a protocol or rejection entry says: the
// mandate.tally.v1.SubmitProtocolRequest the tally received, decoded.
type Submission struct {
	Election, Contest, Station string
	Lines, Votes               map[string]int64
	RequestID                  string
	Replaces                   int
	Reason                     string
	// Kind is ORIGINAL, CORRECTION, RECOUNT, or "" when the request left it
	// unspecified (an original for a first version, else a correction).
	Kind string
}

// Field numbers of mandate.tally.v1.SubmitProtocolRequest.
const (
	fieldParent   = 1
	fieldStation  = 2
	fieldLines    = 3
	fieldVotes    = 4
	fieldRequest  = 5
	fieldReplaces = 6
	fieldReason   = 7
	fieldKind     = 8
)

var submissionKinds = map[uint64]string{0: "", 1: "ORIGINAL", 2: "CORRECTION", 3: "RECOUNT"}

// DecodeSubmission decodes the protobuf binary encoding of a
// SubmitProtocolRequest (the standard library only: a few fields, and a
// verifier should not need the generated code to read what was received).
// As protobuf does, the last value of a field wins and unknown fields are
// skipped.
func DecodeSubmission(b []byte) (Submission, error) {
	s := Submission{Lines: map[string]int64{}, Votes: map[string]int64{}}
	var parent, station string
	err := fields(b, func(num int, wire int, v uint64, data []byte) error {
		switch {
		case num == fieldParent && wire == 2:
			parent = string(data)
		case num == fieldStation && wire == 2:
			station = string(data)
		case (num == fieldLines || num == fieldVotes) && wire == 2:
			var key string
			var val int64
			err := fields(data, func(n, w int, v uint64, d []byte) error {
				switch {
				case n == 1 && w == 2:
					key = string(d)
				case n == 2 && w == 0:
					val = int64(v)
				}
				return nil
			})
			if err != nil {
				return err
			}
			if num == fieldLines {
				s.Lines[key] = val
			} else {
				s.Votes[key] = val
			}
		case num == fieldRequest && wire == 2:
			s.RequestID = string(data)
		case num == fieldReplaces && wire == 0:
			s.Replaces = int(int32(v))
		case num == fieldReason && wire == 2:
			s.Reason = string(data)
		case num == fieldKind && wire == 0:
			k, ok := submissionKinds[v]
			if !ok {
				k = fmt.Sprintf("KIND_%d", v)
			}
			s.Kind = k
		}
		return nil
	})
	if err != nil {
		return s, err
	}
	var ok bool
	rest, ok := strings.CutPrefix(parent, "elections/")
	if ok {
		s.Election, s.Contest, ok = strings.Cut(rest, "/contests/")
	}
	if !ok {
		return s, fmt.Errorf("parent %q is not elections/{election}/contests/{contest}", parent)
	}
	e, st, ok := strings.Cut(strings.TrimPrefix(station, "elections/"), "/units/")
	if !ok || e != s.Election {
		return s, fmt.Errorf("station %q is not elections/%s/units/{unit}", station, s.Election)
	}
	s.Station = st
	return s, nil
}

// DecodeBody decodes the body of a protocol or rejection entry of the
// given type (BodySubmitProtocol or BodyProtocolRows).
func DecodeBody(typ string, b []byte) (Submission, error) {
	switch typ {
	case BodySubmitProtocol:
		return DecodeSubmission(b)
	case BodyProtocolRows:
		return DecodeRow(b)
	}
	return Submission{}, fmt.Errorf("a body of type %q", typ)
}

// DecodeRow decodes a ProtocolRows message holding one row (parent,
// columns "lines.{id}" or "votes.{id}", and the row: station, request id,
// counts in column order, kind, replaced version, reason) as the
// submission it stands for.
func DecodeRow(b []byte) (Submission, error) {
	var parent string
	var columns []string
	var row []byte
	rows := 0
	err := fields(b, func(num, wire int, _ uint64, data []byte) error {
		switch {
		case num == 1 && wire == 2:
			parent = string(data)
		case num == 2 && wire == 2:
			columns = append(columns, string(data))
		case num == 3 && wire == 2:
			row, rows = data, rows+1
		}
		return nil
	})
	if err != nil {
		return Submission{}, err
	}
	if rows != 1 {
		return Submission{}, fmt.Errorf("%d rows, want one", rows)
	}
	var station, request, reason string
	var counts []int64
	var kind uint64
	var replaces int
	err = fields(row, func(num, wire int, v uint64, data []byte) error {
		switch {
		case num == 1 && wire == 2:
			station = string(data)
		case num == 2 && wire == 2:
			request = string(data)
		case num == 3 && wire == 0:
			counts = append(counts, int64(v))
		case num == 3 && wire == 2: // packed
			for len(data) > 0 {
				x, n := binary.Uvarint(data)
				if n <= 0 {
					return errors.New("malformed protobuf: bad packed varint")
				}
				counts, data = append(counts, int64(x)), data[n:]
			}
		case num == 4 && wire == 0:
			kind = v
		case num == 5 && wire == 0:
			replaces = int(int32(v))
		case num == 6 && wire == 2:
			reason = string(data)
		}
		return nil
	})
	if err != nil {
		return Submission{}, err
	}
	if len(counts) != len(columns) {
		return Submission{}, fmt.Errorf("%d counts for %d columns", len(counts), len(columns))
	}
	// The same submission as a SubmitProtocolRequest would be.
	s := Submission{Lines: map[string]int64{}, Votes: map[string]int64{}}
	for i, c := range columns {
		what, id, _ := strings.Cut(c, ".")
		switch what {
		case "lines":
			s.Lines[id] = counts[i]
		case "votes":
			s.Votes[id] = counts[i]
		default:
			return Submission{}, fmt.Errorf("column %q", c)
		}
	}
	req := appendField(nil, fieldParent, parent)
	req = appendField(req, fieldStation, station)
	d, err := DecodeSubmission(req)
	if err != nil {
		return Submission{}, err
	}
	s.Election, s.Contest, s.Station = d.Election, d.Contest, d.Station
	s.RequestID, s.Replaces, s.Reason = request, replaces, reason
	if k, ok := submissionKinds[kind]; ok {
		s.Kind = k
	} else {
		s.Kind = fmt.Sprintf("KIND_%d", kind)
	}
	return s, nil
}

// RowColumns returns the canonical columns of a contest's rows: its form's
// line ids sorted, each as "lines.{id}", then its choice ids sorted, each as
// "votes.{id}" (the order tallyclient sends). False when the definition has
// no such contest.
func RowColumns(def *Election, contest string) ([]string, bool) {
	for _, c := range def.Contests {
		if c.ID != contest {
			continue
		}
		lines := make([]string, 0, len(c.Lines))
		for _, l := range c.Lines {
			lines = append(lines, "lines."+l.ID)
		}
		votes := make([]string, 0, len(c.Choices))
		for _, ch := range c.Choices {
			votes = append(votes, "votes."+ch.ID)
		}
		slices.Sort(lines)
		slices.Sort(votes)
		return append(lines, votes...), true
	}
	return nil, false
}

// RowsHead is the encoding of a ProtocolRows message's parent (the contest
// of the election) and columns fields, in that order, each once: what a
// format 4 row leaves out of its body.
func RowsHead(election, contest string, columns []string) []byte {
	n := len("elections//contests/") + len(election) + len(contest) + 2
	for _, c := range columns {
		n += len(c) + 3
	}
	b := appendField(make([]byte, 0, n), fieldParent, "elections/"+election+"/contests/"+contest)
	for _, c := range columns {
		b = appendField(b, 2, c)
	}
	return b
}

// RowsBody rebuilds the BodyProtocolRows of a format 4 row: RowsHead, then
// the row as the message's field 3.
func RowsBody(election, contest string, columns []string, row []byte) []byte {
	return appendField(RowsHead(election, contest, columns), 3, string(row))
}

// CompactRow returns the row of a BodyProtocolRows body (a one-row
// ProtocolRows as received) when the body is exactly RowsBody(election,
// contest, columns, row): the row is then all a format 4 leaf needs to
// keep, since a reader rebuilds the rest from the definition.
func CompactRow(body []byte, election, contest string, columns []string) ([]byte, bool) {
	b := body
	take := func(num int, parts ...string) bool {
		n := 0
		for _, p := range parts {
			n += len(p)
		}
		tag, k := binary.Uvarint(b)
		if k <= 0 || tag != uint64(num)<<3|2 {
			return false
		}
		l, m := binary.Uvarint(b[k:])
		if m <= 0 || l != uint64(n) || uint64(len(b)-k-m) < l {
			return false
		}
		v := b[k+m : k+m+n]
		for _, p := range parts {
			if string(v[:len(p)]) != p {
				return false
			}
			v = v[len(p):]
		}
		b = b[k+m+n:]
		return true
	}
	if !take(fieldParent, "elections/", election, "/contests/", contest) {
		return nil, false
	}
	for _, c := range columns {
		if !take(2, c) {
			return nil, false
		}
	}
	tag, k := binary.Uvarint(b)
	if k <= 0 || tag != 3<<3|2 {
		return nil, false
	}
	l, m := binary.Uvarint(b[k:])
	if m <= 0 || l != uint64(len(b)-k-m) {
		return nil, false
	}
	return b[k+m:], true
}

// Received returns the bytes the tally received for an entry and their
// message type: the body as it is, or for a BodyProtocolRow the one-row
// ProtocolRows it stands for (RowsBody with the columns of the definition
// the Reader holds).
func (r *Reader) Received(e Entry, body []byte) (string, []byte, error) {
	if e.Body != BodyProtocolRow {
		return e.Body, body, nil
	}
	if r.Definition == nil || r.Definition.ID != e.Election {
		return "", nil, fmt.Errorf("a %s body without the definition of election %s, which names its columns", BodyProtocolRow, e.Election)
	}
	columns, ok := RowColumns(r.Definition, e.Contest)
	if !ok {
		return "", nil, fmt.Errorf("a %s body of contest %q, which the definition does not have", BodyProtocolRow, e.Contest)
	}
	return BodyProtocolRows, RowsBody(e.Election, e.Contest, columns, body), nil
}

// appendField appends a string field's encoding.
func appendField(b []byte, num int, v string) []byte {
	b = binary.AppendUvarint(b, uint64(num)<<3|2)
	b = binary.AppendUvarint(b, uint64(len(v)))
	return append(b, v...)
}

// fields calls fn with every field of a protobuf message: its number, wire
// type, and value (varint) or contents (length-delimited).
func fields(b []byte, fn func(num, wire int, v uint64, data []byte) error) error {
	for len(b) > 0 {
		tag, n := binary.Uvarint(b)
		if n <= 0 {
			return errors.New("malformed protobuf: bad tag")
		}
		b = b[n:]
		num, wire := int(tag>>3), int(tag&7)
		var v uint64
		var data []byte
		switch wire {
		case 0:
			v, n = binary.Uvarint(b)
			if n <= 0 {
				return errors.New("malformed protobuf: bad varint")
			}
			b = b[n:]
		case 1:
			if len(b) < 8 {
				return errors.New("malformed protobuf: short fixed64")
			}
			b = b[8:]
		case 2:
			l, n := binary.Uvarint(b)
			if n <= 0 || l > uint64(len(b)-n) {
				return errors.New("malformed protobuf: bad length")
			}
			data, b = b[n:n+int(l)], b[n+int(l):]
		case 5:
			if len(b) < 4 {
				return errors.New("malformed protobuf: short fixed32")
			}
			b = b[4:]
		default:
			return fmt.Errorf("malformed protobuf: wire type %d", wire)
		}
		if err := fn(num, wire, v, data); err != nil {
			return err
		}
	}
	return nil
}

// BodyUnits is the Body of a units entry whose bytes are the
// mandate.tally.v1.BatchCreateReportingUnitsRequest the tally received.
const BodyUnits = "mandate.tally.v1.BatchCreateReportingUnitsRequest"

// DecodeUnits decodes a BatchCreateReportingUnitsRequest of the given
// election as the log's units, in the request's order: each unit's id and
// parent's id from their resource names (elections/{election}/units/{id}),
// display name, level and registered voters. False when the body is not
// such a request (a name under another election, or malformed): a format 4
// units entry keeps its units in the envelope then.
func DecodeUnits(election string, b []byte) ([]Unit, bool) {
	prefix := "elections/" + election + "/units/"
	parentOK := true
	var units []Unit
	err := fields(b, func(num, wire int, _ uint64, data []byte) error {
		switch {
		case num == 1 && wire == 2:
			parentOK = string(data) == "elections/"+election
		case num == 2 && wire == 2:
			var u Unit
			var name, parent string
			err := fields(data, func(n, w int, v uint64, d []byte) error {
				switch {
				case n == 1 && w == 2:
					name = string(d)
				case n == 2 && w == 2:
					parent = string(d)
				case n == 3 && w == 2:
					u.Name = string(d)
				case n == 4 && w == 2:
					u.Level = string(d)
				case n == 5 && w == 0:
					u.Registered = int64(v)
				}
				return nil
			})
			if err != nil {
				return err
			}
			var ok bool
			if u.ID, ok = strings.CutPrefix(name, prefix); !ok || u.ID == "" {
				return errors.New("unit name")
			}
			if parent != "" {
				if u.Parent, ok = strings.CutPrefix(parent, prefix); !ok || u.Parent == "" {
					return errors.New("unit parent")
				}
			}
			units = append(units, u)
		}
		return nil
	})
	if err != nil || !parentOK || len(units) == 0 {
		return nil, false
	}
	return units, true
}

// UnitsInBody reports whether a units entry's units are in its body and not
// in its envelope (format 4, see Format): its envelope has none and its
// body is a BodyUnits.
func UnitsInBody(e Entry) bool {
	return e.Kind == KindUnits && e.Format == Format && e.Body == BodyUnits && len(e.Units) == 0
}

// RowIDs returns the station id and request id of a ProtocolRow body (the
// row of a format 4 leaf): its station field, once, must be a unit of the
// election, `elections/{election}/units/{station}`, and its request id at
// most once. False otherwise: the envelope must then say them.
func RowIDs(election string, b []byte) (station, request string, ok bool) {
	stations, requests := 0, 0
	err := fields(b, func(num, wire int, _ uint64, data []byte) error {
		switch {
		case num == 1:
			if wire != 2 {
				return errors.New("station")
			}
			station, stations = string(data), stations+1
		case num == 2:
			if wire != 2 {
				return errors.New("request id")
			}
			request, requests = string(data), requests+1
		}
		return nil
	})
	if err != nil || stations != 1 || requests > 1 {
		return "", "", false
	}
	unit, found := strings.CutPrefix(station, "elections/"+election+"/units/")
	if !found || unit == "" || strings.Contains(unit, "/") {
		return "", "", false
	}
	return unit, request, true
}
