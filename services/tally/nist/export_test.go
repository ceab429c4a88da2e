package nist

import (
	"bufio"
	"bytes"
	"encoding/json"
)

// EncodeWhole is how Report encoded before WriteReport: the whole report
// through one indenting encoder. WriteReport must give the same bytes.
func EncodeWhole(e Election) ([]byte, error) {
	r, err := build(e)
	if err != nil {
		return nil, err
	}
	rep := r.materialize()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err = enc.Encode(rep)
	return buf.Bytes(), err
}

// Indent indents compact JSON, given in pieces, with the indenter
// WriteReport uses.
func Indent(pieces ...[]byte) []byte {
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	d := indenter{w: bw, indent: "  "}
	for _, p := range pieces {
		d.write(p)
	}
	bw.Flush()
	return buf.Bytes()
}

// materialize makes every lazy array into the skeleton's slices: the
// report as one value (for comparing with the streamed encoding).
func (r *report) materialize() *electionReport {
	r.rep.GpUnit = all(r.gpUnit)
	r.el.BallotCounts = all(r.ballots)
	k := 0
	for i := range r.el.Contest {
		for j := range r.el.Contest[i].ContestSelection {
			r.el.Contest[i].ContestSelection[j].VoteCounts = all(r.votes[k])
			k++
		}
	}
	return r.rep
}

func all[T any](l lazy[T]) []T {
	if l.n == 0 {
		return nil
	}
	out := make([]T, l.n)
	next := l.next()
	for i := range out {
		out[i] = next()
	}
	return out
}
