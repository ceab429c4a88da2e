package countcodec

import (
	"maps"
	"slices"
	"testing"

	"github.com/mandate-project/mandate/services/tally/form"
)

func TestRoundTrip(t *testing.T) {
	e := ForElection(form.Election{Contests: []form.Contest{{
		ID:      "list",
		Choices: []form.Choice{{ID: "B"}, {ID: "A"}},
		Form:    form.Form{Lines: []form.Line{{ID: "2"}, {ID: "1"}, {ID: "10"}}},
	}}})
	for _, tc := range []struct {
		name    string
		contest string
		lines   map[string]int64
		votes   map[string]int64
	}{
		{"empty", "list", map[string]int64{}, map[string]int64{}},
		{"all known", "list", map[string]int64{"1": 900, "2": 0, "10": 1 << 40}, map[string]int64{"A": 5, "B": 7}},
		{"some known", "list", map[string]int64{"10": 3}, map[string]int64{"B": -1}},
		{"unknown names", "list", map[string]int64{"1": 1, "x\"y": -9, "é": 4}, map[string]int64{"Z": 2}},
		{"unknown contest", "other", map[string]int64{"1": 1, "2": 2}, map[string]int64{"A": 1}},
		{"extremes", "list", map[string]int64{"1": -1 << 63, "2": 1<<63 - 1}, map[string]int64{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := e.Contest(tc.contest)
			lb := c.Lines.Append(nil, tc.lines)
			vb := c.Votes.Append(nil, tc.votes)
			// A definition read again gives new Keys: the bytes must decode
			// the same through them.
			again := ForElection(form.Election{Contests: []form.Contest{{
				ID:      "list",
				Choices: []form.Choice{{ID: "A"}, {ID: "B"}},
				Form:    form.Form{Lines: []form.Line{{ID: "1"}, {ID: "10"}, {ID: "2"}}},
			}}}).Contest(tc.contest)
			gl, err := again.Lines.Decode(lb)
			if err != nil || !maps.Equal(gl, tc.lines) {
				t.Fatalf("lines %v, %v; want %v", gl, err, tc.lines)
			}
			gv, err := again.Votes.Decode(vb)
			if err != nil || !maps.Equal(gv, tc.votes) {
				t.Fatalf("votes %v, %v; want %v", gv, err, tc.votes)
			}
		})
	}
}

func TestDecodeRejects(t *testing.T) {
	k := NewKeys([]string{"a", "b"})
	for _, tc := range []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"JSON", []byte(`{"a":1}`)},
		{"truncated count", []byte{format}},
		{"truncated value", []byte{format, 1, 1}},
		{"code beyond the names", []byte{format, 1, 3, 2}},
		{"name beyond the bytes", []byte{format, 1, 0, 5, 'a', 2}},
		{"a name twice", []byte{format, 2, 1, 2, 1, 4}},
		{"trailing bytes", []byte{format, 1, 1, 2, 9}},
		{"more entries than bytes", []byte{format, 100, 1, 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if m, err := k.Decode(tc.b); err == nil {
				t.Fatalf("decoded %v", m)
			}
		})
	}
}

// TestVector: the vector holds what Decode's maps hold, at the layout's
// positions; names the layout leaves out are dropped; what Decode refuses
// (a name twice, truncated bytes) the vector refuses too.
func TestVector(t *testing.T) {
	c := ForElection(form.Election{Contests: []form.Contest{{
		ID:      "list",
		Choices: []form.Choice{{ID: "B"}, {ID: "A"}},
		Form:    form.Form{Lines: []form.Line{{ID: "2"}, {ID: "1"}, {ID: "10"}}},
	}}}).Contest("list")
	lines := c.Lines.Append(nil, map[string]int64{"1": 900, "2": -3, "10": 1 << 40, "zz": 5})
	votes := c.Votes.Append(nil, map[string]int64{"A": 5, "B": 7})
	v := c.Vector([]string{"10", "2", "absent"}, []string{"A", "B"})
	got := make([]int64, v.Width())
	for i := range got {
		got[i] = 99 // Decode clears what it does not set
	}
	if err := v.Decode(lines, votes, got); err != nil {
		t.Fatal(err)
	}
	if want := []int64{1 << 40, -3, 0, 5, 7}; !slices.Equal(got, want) {
		t.Errorf("vector %v, want %v", got, want)
	}
	twice := []byte{format, 2, 1, 2, 1, 4}
	if err := v.Decode(twice, votes, got); err == nil {
		t.Error("a name twice decoded")
	}
	if _, err := c.Lines.Decode(twice); err == nil {
		t.Error("Decode: a name twice decoded")
	}
	if err := v.Decode(lines[:len(lines)-1], votes, got); err == nil {
		t.Error("truncated counts decoded")
	}
}

// TestAppendValsIsAppend: encoding a value vector in the definition's
// order writes the bytes Append writes for the same counts as maps.
func TestAppendValsIsAppend(t *testing.T) {
	def := form.Election{Contests: []form.Contest{{
		ID:      "list",
		Choices: []form.Choice{{ID: "B"}, {ID: "A"}, {ID: "C"}},
		Form:    form.Form{Lines: []form.Line{{ID: "2"}, {ID: "1"}, {ID: "10"}}},
	}}}
	c := ForElection(def).Contest("list")
	for _, vals := range [][]int64{{0, 0, 0, 0, 0, 0}, {900, 1, 1 << 40, 5, -7, 3}, {-1 << 63, 1<<63 - 1, 2, 3, 4, 5}} {
		lines, votes := map[string]int64{}, map[string]int64{}
		for i, l := range def.Contests[0].Form.Lines {
			lines[l.ID] = vals[i]
		}
		for i, ch := range def.Contests[0].Choices {
			votes[ch.ID] = vals[3+i]
		}
		lb, vb, ok := c.AppendVals(vals)
		if !ok || !slices.Equal(lb, c.Lines.Append(nil, lines)) || !slices.Equal(vb, c.Votes.Append(nil, votes)) {
			t.Errorf("%v: AppendVals %x %x %v, Append %x %x", vals, lb, vb, ok, c.Lines.Append(nil, lines), c.Votes.Append(nil, votes))
		}
		el, ev, err := c.Encode(vals, nil, nil)
		if err != nil || !slices.Equal(el, lb) || !slices.Equal(ev, vb) {
			t.Errorf("Encode: %x %x %v", el, ev, err)
		}
	}
	// A vector of another width, or a contest the definition lacks, is
	// refused, and Encode falls back to the maps when it has them.
	if _, _, ok := c.AppendVals([]int64{1, 2, 3}); ok {
		t.Error("AppendVals took 3 values for 6 names")
	}
	if _, _, ok := ForElection(def).Contest("other").AppendVals([]int64{1}); ok {
		t.Error("AppendVals took values for an unknown contest")
	}
	if _, _, err := c.Encode([]int64{1}, nil, nil); err == nil {
		t.Error("Encode of a short vector without maps succeeded")
	}
	if l, _, err := c.Encode([]int64{1}, map[string]int64{"1": 4}, map[string]int64{}); err != nil || !slices.Equal(l, c.Lines.Append(nil, map[string]int64{"1": 4})) {
		t.Errorf("Encode fell back to %x %v", l, err)
	}
}
