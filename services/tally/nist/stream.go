package nist

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// WriteReport writes the report Report returns, byte for byte, to w
// without holding it whole: a national report has a VoteCounts per unit
// and choice and a GpUnit per unit, gigabytes for a million stations
// (issue 19). The report's skeleton (every object but the elements of
// those long arrays) is encoded as usual with each long array replaced by
// a one-element placeholder that names it; the writer then indents the
// skeleton as it goes and, at each placeholder, encodes the array's
// elements one at a time. The placeholders carry a random nonce, so no
// string in the data can be taken for one.
func WriteReport(w io.Writer, e Election) error {
	r, err := build(e)
	if err != nil {
		return err
	}
	var nonce [12]byte
	if _, err := rand.Read(nonce[:]); err != nil {
		return fmt.Errorf("nist: nonce: %w", err)
	}
	s := splicer{nonce: hex.EncodeToString(nonce[:])}
	// A placeholder for each long array; its elements are made as written.
	rep := r.rep
	rep.GpUnit = splice(&s, r.gpUnit, func(t string) reportingUnit { return reportingUnit{AtType: t} })
	r.el.BallotCounts = splice(&s, r.ballots, func(t string) ballotCounts { return ballotCounts{AtType: t} })
	k := 0
	for j := range r.el.Contest {
		for i := range r.el.Contest[j].ContestSelection {
			r.el.Contest[j].ContestSelection[i].VoteCounts = splice(&s, r.votes[k], func(t string) voteCounts { return voteCounts{AtType: t} })
			k++
		}
	}
	skeleton, err := s.marshal(rep)
	if err == nil {
		err = s.err
	}
	if err != nil {
		return err
	}
	skeleton = bytes.Clone(skeleton) // s.buf is the elements' now
	bw := bufio.NewWriterSize(w, 1<<16)
	ind := indenter{w: bw, indent: "  "}
	marker := []byte(`[{"@type":"` + s.nonce + ":")
	for len(skeleton) > 0 {
		at := bytes.Index(skeleton, marker)
		if at < 0 {
			ind.write(skeleton)
			break
		}
		ind.write(skeleton[:at])
		rest := skeleton[at+len(marker):]
		end := bytes.IndexByte(rest, '"')
		k, err := strconv.Atoi(string(rest[:max(end, 0)]))
		if end < 0 || err != nil || k < 0 || k >= len(s.arrays) {
			return fmt.Errorf("nist: encode: a placeholder the report does not hold")
		}
		a := s.arrays[k]
		if !bytes.HasPrefix(skeleton[at:], a.placeholder) {
			return fmt.Errorf("nist: encode: placeholder %d is not where it was put", k)
		}
		skeleton = skeleton[at+len(a.placeholder):]
		ind.write([]byte{'['})
		next := a.elements()
		for i := range a.n {
			if i > 0 {
				ind.write([]byte{','})
			}
			b, err := next()
			if err != nil {
				return err
			}
			ind.write(b)
		}
		ind.write([]byte{']'})
	}
	ind.w.WriteByte('\n')
	return bw.Flush()
}

// splicer holds the long arrays a report's skeleton leaves out.
type splicer struct {
	nonce  string
	arrays []splicedArray
	buf    bytes.Buffer
	enc    *json.Encoder // writes to buf
	err    error         // the first placeholder that could not be encoded
}

type splicedArray struct {
	placeholder []byte // the array's compact encoding in the skeleton
	n           int
	// elements starts the pass over the elements: each call of what it
	// returns encodes the next (compact, valid until the next call).
	elements func() func() ([]byte, error)
}

// splice stands a one-element placeholder, of an element whose @type
// names the array, in for a non-empty array (an empty one stays nil, so
// that omitempty still omits it).
func splice[T any](s *splicer, list lazy[T], placeholder func(atType string) T) []T {
	if list.n == 0 {
		return nil
	}
	k := len(s.arrays)
	ph := []T{placeholder(s.nonce + ":" + strconv.Itoa(k))}
	phJSON, err := s.marshal(ph)
	if err != nil && s.err == nil {
		s.err = err
	}
	s.arrays = append(s.arrays, splicedArray{
		n: list.n, placeholder: bytes.Clone(phJSON),
		elements: func() func() ([]byte, error) {
			next := list.next()
			return func() ([]byte, error) { return s.marshal(next()) }
		},
	})
	return ph
}

// marshal is the compact encoding Report's encoder gives v (no HTML
// escaping), without the encoder's newline; the bytes are valid until
// the next call.
func (s *splicer) marshal(v any) ([]byte, error) {
	s.buf.Reset()
	if s.enc == nil {
		s.enc = json.NewEncoder(&s.buf) // one for the millions of elements
		s.enc.SetEscapeHTML(false)
	}
	if err := s.enc.Encode(v); err != nil {
		return nil, fmt.Errorf("nist: encode: %w", err)
	}
	b := s.buf.Bytes()
	return b[:len(b)-1], nil
}

// indenter indents compact JSON as json.Indent does (no prefix), a piece at
// a time: the pieces are written in order and together form one value.
type indenter struct {
	w      *bufio.Writer
	indent string
	depth  int
	// open: the last byte written opened an object or array, whose first
	// element (if any) has not started yet.
	open             bool
	inString, escape bool
}

func (d *indenter) write(b []byte) {
	for len(b) > 0 {
		if d.inString {
			// Up to the string's end or an escape, in one write.
			i := bytes.IndexAny(b, `"\\`)
			if d.escape || i < 0 {
				n := len(b)
				if d.escape {
					n, d.escape = 1, false
				}
				d.w.Write(b[:n])
				b = b[n:]
				continue
			}
			d.w.Write(b[:i+1])
			if b[i] == '"' {
				d.inString = false
			} else {
				d.escape = true
			}
			b = b[i+1:]
			continue
		}
		c := b[0]
		if d.open && c != '}' && c != ']' {
			d.open = false
			d.depth++
			d.newline()
		}
		switch c {
		case '"':
			d.inString = true
			d.w.WriteByte(c)
		case '{', '[':
			d.open = true
			d.w.WriteByte(c)
		case ',':
			d.w.WriteByte(c)
			d.newline()
		case ':':
			d.w.WriteString(": ")
		case '}', ']':
			if d.open {
				d.open = false // empty: "{}" or "[]" on one line
			} else {
				d.depth--
				d.newline()
			}
			d.w.WriteByte(c)
		default:
			// A number, true, false or null: up to the next structural
			// byte (compact JSON has no spaces outside strings).
			n := bytes.IndexAny(b, `,:]}`)
			if n < 0 {
				n = len(b)
			}
			d.w.Write(b[:n])
			b = b[n:]
			continue
		}
		b = b[1:]
	}
}

func (d *indenter) newline() {
	d.w.WriteByte('\n')
	for range d.depth {
		d.w.WriteString(d.indent)
	}
}

// report is a report's skeleton and the arrays with an element per unit,
// made as they are written.
type report struct {
	rep     *electionReport
	el      *election
	gpUnit  lazy[reportingUnit]
	ballots lazy[ballotCounts]
	votes   []lazy[voteCounts] // per contest selection, in order
}

// lazy is an array whose elements are made one after the other: next
// starts a pass and returns the function that makes each element in turn.
type lazy[T any] struct {
	n    int
	next func() func() T
}

// filtered is the array of f(n) for every node where f says ok.
func filtered[T any](order []*node, f func(*node) (T, bool)) lazy[T] {
	l := lazy[T]{}
	for _, n := range order {
		if _, ok := f(n); ok {
			l.n++
		}
	}
	l.next = func() func() T {
		i := 0
		return func() T {
			for ; i < len(order); i++ {
				if v, ok := f(order[i]); ok {
					i++
					return v
				}
			}
			panic("nist: a lazy array ran out") // f is a function of the node
		}
	}
	return l
}
