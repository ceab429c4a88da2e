package tallylog

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// unitsRequest encodes a BatchCreateReportingUnitsRequest of election kz-2012
// holding units, as protobuf-go would.
func unitsRequest(units []Unit) []byte {
	b := appendField(nil, 1, "elections/kz-2012")
	for _, u := range units {
		m := appendField(nil, 1, "elections/kz-2012/units/"+u.ID)
		if u.Parent != "" {
			m = appendField(m, 2, "elections/kz-2012/units/"+u.Parent)
		}
		m = appendField(m, 3, u.Name)
		m = appendField(m, 4, u.Level)
		if u.Registered != 0 {
			m = binary.AppendUvarint(m, 5<<3)
			m = binary.AppendUvarint(m, uint64(u.Registered))
		}
		b = appendField(b, 2, string(m))
	}
	return b
}

// TestUnitsInBody: a units entry whose body says exactly its units leaves
// them out of its envelope and reads back as the entry with them in the
// envelope (what format 3 wrote); one whose request held more units (some
// existed and were skipped) keeps them; a body changed afterwards changes
// the units a reader sees.
func TestUnitsInBody(t *testing.T) {
	at := time.Date(2012, 1, 15, 20, 1, 2, 0, time.UTC)
	units := []Unit{{ID: "r1", Parent: "kz", Name: "Region \"1\"", Level: "region"},
		{ID: "s9", Parent: "r1", Name: "Участок 9", Level: LevelStation, Registered: 1234}}
	e := Entry{Sequence: 3, Kind: KindUnits, Election: "kz-2012", Time: at, Body: BodyUnits, Units: units, Submitter: "admin:cec"}
	body := unitsRequest(units)
	tail, err := Tail(e, body)
	if err != nil {
		t.Fatal(err)
	}
	leaf := Leaf(3, tail)
	env, _, _ := bytes.Cut(leaf, []byte{'\n'})
	if bytes.Contains(env, []byte(`"units":`)) {
		t.Errorf("envelope keeps the units its body holds: %s", env)
	}
	got, gotBody, err := ParseLeaf(leaf)
	if err != nil {
		t.Fatal(err)
	}
	want := e
	want.Format = Format
	if !reflect.DeepEqual(got, want) || !bytes.Equal(gotBody, body) {
		t.Errorf("ParseLeaf = %+v, want %+v", got, want)
	}
	// The same entry as format 3 wrote it: the units in the envelope.
	old := e
	old.Format = FormatV3
	j, err := json.Marshal(old)
	if err != nil {
		t.Fatal(err)
	}
	oldGot, _, err := ParseLeaf(append(append(j, '\n'), body...))
	if err != nil {
		t.Fatal(err)
	}
	oldGot.Format = Format
	if !reflect.DeepEqual(oldGot, got) {
		t.Errorf("format 3 reads %+v, format 4 %+v", oldGot, got)
	}

	// Skipped units, another order, another election: the envelope keeps them.
	for name, b := range map[string][]byte{
		"skipped":   unitsRequest(append([]Unit{{ID: "kz", Name: "Kazakhstan", Level: "nation"}}, units...)),
		"reordered": unitsRequest([]Unit{units[1], units[0]}),
		"election":  bytes.Replace(body, []byte("kz-2012"), []byte("kz-2013"), 1),
	} {
		kept, err := Tail(e, b)
		if err != nil {
			t.Fatal(err)
		}
		env, _, _ := bytes.Cut(kept, []byte{'\n'})
		if !bytes.Contains(env, []byte(`"units":`)) {
			t.Errorf("%s: envelope lost units its body does not say exactly: %s", name, env)
		}
		got, _, err := ParseLeaf(Leaf(3, kept))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Units, units) {
			t.Errorf("%s: units %+v", name, got.Units)
		}
	}

	// Tampered: another registered count in the body is what a reader sees.
	tampered := unitsRequest([]Unit{units[0], {ID: "s9", Parent: "r1", Name: "Участок 9", Level: LevelStation, Registered: 1235}})
	tl := append(bytes.Clone(tail[:bytes.IndexByte(tail, '\n')+1]), tampered...)
	got, _, err = ParseLeaf(Leaf(3, tl))
	if err != nil {
		t.Fatal(err)
	}
	if got.Units[1].Registered != 1235 {
		t.Errorf("tampered body read as %+v", got.Units)
	}
	// A body that says no units of the election is refused.
	bad := append(bytes.Clone(tail[:bytes.IndexByte(tail, '\n')+1]), []byte{0x0a, 0x01, 'x'}...)
	if _, _, err := ParseLeaf(Leaf(3, bad)); err == nil {
		t.Error("units entry without units and a body of none accepted")
	}
}
