package tallylog

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

func entries() []Entry {
	at := time.Date(2012, 1, 15, 20, 1, 2, 345, time.UTC)
	return []Entry{
		{Kind: KindElection, Election: "kz-2012", Time: at, Submitter: "admin:cec",
			Definition: &Election{ID: "kz-2012", Name: "Mazhilis <2012> & co", Date: "2012-01-15", Contests: []Contest{{
				ID: "mazhilis", Name: "Party lists", Kind: "PARTY_LIST", Choices: []Choice{{ID: "nur-otan", Name: "Нұр Отан", BallotOrder: 1}},
				Lines: []Line{{ID: "registered", Number: "1", Name: "Registered", Roles: []string{"REGISTERED"}}},
			}}},
			Units: []Unit{{ID: "kz", Name: "Kazakhstan", Level: "nation"}, {ID: "s1", Parent: "kz", Name: "S1", Level: LevelStation, Registered: 10}}},
		{Kind: KindProtocol, Election: "kz-2012", Contest: "mazhilis", Station: "s1", Version: 2, ProtocolKind: "CORRECTION",
			Lines: map[string]int64{"registered": 10, "valid": 7, "invalid": 0}, Votes: map[string]int64{"nur-otan": 7, "b": 0},
			Reason: "line 3 was \"miscopied\"\n", RequestID: "r-1", Submitter: "commission:s1", Time: at, ContentHash: "ab12",
			Body: BodySubmitProtocol, Warnings: []string{"W1", "W2"}},
		{Kind: KindRejection, Election: "kz-2012", Contest: "mazhilis", Station: "s1", Version: 1, Time: at,
			Rejection: &Rejection{Reason: "CONTROL_RELATIONS", Message: "protocol breaks 1 control relation", Violations: []string{"KZ_1"}}},
		{Kind: KindPhase, Election: "kz-2012", Contest: "mazhilis", Phase: "CERTIFIED", Time: at},
	}
}

// TestTailIsEncodingJSON: the hand-written envelope is byte for byte what
// encoding/json writes for the Entry, and ParseLeaf reads it back.
func TestTailIsEncodingJSON(t *testing.T) {
	body := []byte{0x0a, 0x05, 'h', '\n', 0xff}
	for _, e := range entries() {
		tail, err := Tail(e, body)
		if err != nil {
			t.Fatal(err)
		}
		leaf := Leaf(57, tail)
		e.Sequence, e.Format = 57, Format
		want, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		want = append(append(want, '\n'), body...)
		if !bytes.Equal(leaf, want) {
			t.Errorf("%s:\n got %s\nwant %s", e.Kind, leaf, want)
		}
		got, gotBody, err := ParseLeaf(leaf)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, e) || !bytes.Equal(gotBody, body) {
			t.Errorf("%s: ParseLeaf = %+v", e.Kind, got)
		}
	}
	if _, err := Tail(Entry{Kind: KindPhase}, nil); err == nil {
		t.Error("entry without time accepted")
	}
	for _, bad := range []string{"", "{}", `{"sequence":1}`, "{\"sequence\":1,\"format\":\"other\"}\n"} {
		if _, _, err := ParseLeaf([]byte(bad)); err == nil {
			t.Errorf("ParseLeaf(%q) accepted", bad)
		}
	}
}

func TestCheckpoint(t *testing.T) {
	skey, vkey, err := note.GenerateKey(nil, "mandate-test")
	if err != nil {
		t.Fatal(err)
	}
	s, gotV, err := NewSigner(skey + "\n")
	if err != nil || gotV != vkey {
		t.Fatalf("NewSigner: %v; verifier %q, want %q", err, gotV, vkey)
	}
	root := tlog.RecordHash([]byte("x"))
	c, err := SignCheckpoint(s, "kz-2012", 115, root)
	if err != nil {
		t.Fatal(err)
	}
	v, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	got, err := OpenCheckpoint(c.Note, v)
	if err != nil || got.Election != "kz-2012" || got.Size != 115 || got.Root != root {
		t.Fatalf("OpenCheckpoint = %+v, %v", got, err)
	}
	tampered := bytes.Replace(c.Note, []byte("\n115\n"), []byte("\n116\n"), 1)
	if _, err := OpenCheckpoint(tampered, v); err == nil {
		t.Error("tampered checkpoint opened")
	}
	for _, bad := range []string{"", "mandate.dev/elections/x\n1\n", "other/x\n1\nAAAA\n", "mandate.dev/elections/x\n01\n" + CheckpointText("x", 1, root)[26:]} {
		if _, err := ParseCheckpointText(bad); err == nil {
			t.Errorf("ParseCheckpointText(%q) accepted", bad)
		}
	}
	if _, _, err := NewSigner("not a key"); err == nil {
		t.Error("bad key accepted")
	}
}

// TestTailOrderHint: a right hint gives the same bytes as none, a wrong one
// is ignored.
func TestTailOrderHint(t *testing.T) {
	e := entries()[1]
	want, err := Tail(e, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, hint := range [][]string{{"invalid", "registered", "valid"}, {"valid", "registered", "invalid"}, {"invalid", "registered"}, {"a", "b", "c"}} {
		e.LineOrder = hint
		got, err := Tail(e, nil)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("hint %v: %s", hint, got)
		}
	}
}

// TestCheckpointCanonicalSignature: a signature whose base64 differs only
// in the padding bits of its last character is refused.
func TestCheckpointCanonicalSignature(t *testing.T) {
	skey, vkey, _ := note.GenerateKey(nil, "k")
	s, _, _ := NewSigner(skey)
	v, _ := note.NewVerifier(vkey)
	for i := range 50 {
		c, err := SignCheckpoint(s, "e", int64(i+1), tlog.RecordHash([]byte{byte(i)}))
		if err != nil {
			t.Fatal(err)
		}
		msg := string(c.Note)
		eq := strings.LastIndexByte(msg, '=')
		if eq < 0 {
			continue
		}
		// Flip the lowest bit of the character before the padding: only
		// padding bits change for a 2-byte final group.
		const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
		k := strings.IndexByte(alphabet, msg[eq-1])
		mutated := msg[:eq-1] + string(alphabet[k^1]) + msg[eq:]
		if _, err := OpenCheckpoint([]byte(mutated), v); err == nil {
			t.Fatalf("non-canonical signature accepted: %q", mutated)
		}
	}
}

func TestLeafHash(t *testing.T) {
	for _, seq := range []int64{0, 7, 1 << 40} {
		tail := []byte(`,"x":1}` + "\nbody")
		if LeafHash(seq, tail) != tlog.RecordHash(Leaf(seq, tail)) {
			t.Errorf("LeafHash(%d) differs", seq)
		}
	}
}

// TestParseLeafFormats: a log written before units became changes holds
// entries of format 1, which must still parse (and say so, since a units
// entry of format 1 takes no results version); an unknown format does not.
func TestParseLeafFormats(t *testing.T) {
	at := time.Date(2012, 1, 15, 20, 1, 2, 0, time.UTC)
	units := Entry{Kind: KindUnits, Election: "kz-2012", Time: at, Units: []Unit{{ID: "s2", Parent: "kz", Name: "S2", Level: LevelStation}}}
	tail, err := Tail(units, nil)
	if err != nil {
		t.Fatal(err)
	}
	cur := Leaf(3, tail)
	if !bytes.Contains(cur, []byte(`"format":"mandate-log/4"`)) {
		t.Fatalf("Tail writes %s, want format mandate-log/4", cur)
	}
	for _, tc := range []struct {
		format  string
		ok      bool
		changes bool // ChangesResults of the units entry
	}{
		{Format, true, true},
		{FormatV3, true, true},
		{FormatV2, true, true},
		{FormatV1, true, false},
		{"mandate-log/5", false, false},
		{"", false, false},
	} {
		leaf := bytes.Replace(cur, []byte(`"format":"mandate-log/4"`), []byte(`"format":"`+tc.format+`"`), 1)
		e, _, err := ParseLeaf(leaf)
		if (err == nil) != tc.ok {
			t.Errorf("format %q: ParseLeaf error %v, want ok=%v", tc.format, err, tc.ok)
			continue
		}
		if err != nil {
			continue
		}
		if e.Format != tc.format || e.Kind != KindUnits || len(e.Units) != 1 {
			t.Errorf("format %q: parsed %+v", tc.format, e)
		}
		if got := ChangesResults(e); got != tc.changes {
			t.Errorf("format %q: ChangesResults = %v, want %v", tc.format, got, tc.changes)
		}
	}
	// Protocols and phase changes are changes in both formats; refusals
	// and the definition in neither.
	for _, e := range entries() {
		want := e.Kind == KindProtocol || e.Kind == KindPhase
		for _, f := range []string{Format, FormatV3, FormatV2, FormatV1} {
			e.Format = f
			if got := ChangesResults(e); got != want {
				t.Errorf("%s in %s: ChangesResults = %v, want %v", e.Kind, f, got, want)
			}
		}
	}
}

func TestSplitLeaf(t *testing.T) {
	tail, err := Tail(Entry{Kind: KindProtocol, Election: "e", Reason: "line\nbreak", Time: time.Unix(0, 0)}, []byte("body\nwith\x00bytes"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		leaf []byte
		seq  int64
		ok   bool
	}{
		{"leaf 0", Leaf(0, tail), 0, true},
		{"leaf 123456", Leaf(123456, tail), 123456, true},
		{"no envelope end", []byte(`{"sequence":7,"kind":"x"}`), 0, false},
		{"no sequence", []byte("{\"sequence\":,\"kind\":\"x\"}\n"), 0, false},
		{"leading zero", []byte("{\"sequence\":07,\"kind\":\"x\"}\n"), 0, false},
		{"negative", []byte("{\"sequence\":-7,\"kind\":\"x\"}\n"), 0, false},
		{"not a leaf", []byte("\x00\x01body"), 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			seq, rest, body, ok := SplitLeaf(tc.leaf)
			if ok != tc.ok || seq != tc.seq {
				t.Fatalf("SplitLeaf = %d, %v; want %d, %v", seq, ok, tc.seq, tc.ok)
			}
			if !ok {
				return
			}
			if !bytes.HasSuffix(rest, []byte("}\n")) || bytes.Count(rest, []byte("\n")) != 1 {
				t.Errorf("rest %q is not the envelope's end", rest)
			}
			if string(body) != "body\nwith\x00bytes" {
				t.Errorf("body %q", body)
			}
			if again := append(AppendLeaf(nil, seq, rest), body...); !bytes.Equal(again, tc.leaf) {
				t.Errorf("rebuilt %q, want %q", again, tc.leaf)
			}
		})
	}
}
