package tallylog

import (
	"bytes"
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"google.golang.org/protobuf/proto"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
)

// TestDecodeSubmission decodes what the generated code encodes, unknown
// fields and repeated scalars included.
func TestDecodeSubmission(t *testing.T) {
	req := &tallyv1.SubmitProtocolRequest{Parent: "elections/kz-2012/contests/mazhilis", Station: "elections/kz-2012/units/astana-1",
		Lines: map[string]int64{"registered": 97042, "valid": 0, "big": 1 << 40}, Votes: map[string]int64{"nur-otan": 60351, "neg": -1},
		RequestId: "r-1", ReplacesVersion: 2, Reason: "typo", Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_RECOUNT}
	b, err := proto.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	// An unknown field and a second value of request_id (the last wins).
	b = append(b, 0x9a, 0x06, 0x01, 'x')     // field 99, bytes
	b = append(b, 0x2a, 0x03, 'r', '-', '2') // field 5 again
	s, err := DecodeSubmission(b)
	if err != nil {
		t.Fatal(err)
	}
	if s.Election != "kz-2012" || s.Contest != "mazhilis" || s.Station != "astana-1" || s.RequestID != "r-2" ||
		s.Replaces != 2 || s.Reason != "typo" || s.Kind != "RECOUNT" || !maps.Equal(s.Lines, req.Lines) || !maps.Equal(s.Votes, req.Votes) {
		t.Errorf("decoded %+v", s)
	}
	for _, bad := range [][]byte{{0x0a, 0x05, 'a'}, {0x08}, {0x0a, 0x01, 'x'}} {
		if _, err := DecodeSubmission(bad); err == nil {
			t.Errorf("DecodeSubmission(%x) accepted", bad)
		}
	}
}

// TestDecodeRow decodes a one-row ProtocolRows as the submission it stands
// for, counts packed or not.
func TestDecodeRow(t *testing.T) {
	rows := &tallyv1.ProtocolRows{Parent: "elections/kz-2012/contests/mazhilis", Columns: []string{"lines.registered", "votes.nur-otan", "lines.valid"},
		Rows: []*tallyv1.ProtocolRow{{Station: "elections/kz-2012/units/astana-1", RequestId: "r-9", Counts: []int64{97042, 60351, 76304},
			Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION, ReplacesVersion: 1, Reason: "typo"}}}
	b, err := proto.Marshal(rows)
	if err != nil {
		t.Fatal(err)
	}
	s, err := DecodeBody(BodyProtocolRows, b)
	if err != nil {
		t.Fatal(err)
	}
	if s.Election != "kz-2012" || s.Contest != "mazhilis" || s.Station != "astana-1" || s.RequestID != "r-9" || s.Replaces != 1 ||
		s.Kind != "CORRECTION" || s.Reason != "typo" || s.Lines["registered"] != 97042 || s.Lines["valid"] != 76304 || s.Votes["nur-otan"] != 60351 {
		t.Errorf("decoded %+v", s)
	}
	rows.Rows = append(rows.Rows, rows.Rows[0])
	b, _ = proto.Marshal(rows)
	if _, err := DecodeBody(BodyProtocolRows, b); err == nil {
		t.Error("two rows accepted")
	}
	if _, err := DecodeBody("x", nil); err == nil {
		t.Error("unknown type accepted")
	}
}

// TestCountsInBody: from format 3 on, the envelope of a protocol imported as
// a row leaves its counts to the body (the row with its column names), and
// ParseLeaf reads them from there; an envelope of format 2 keeps them, and
// one of format 3 that repeats them is refused (one source of the counts).
func TestCountsInBody(t *testing.T) {
	rows := &tallyv1.ProtocolRows{Parent: "elections/kz-2012/contests/mazhilis", Columns: []string{"lines.registered", "votes.nur-otan", "lines.valid"},
		Rows: []*tallyv1.ProtocolRow{{Station: "elections/kz-2012/units/s1", RequestId: "r-1", Counts: []int64{10, 7, 7}}}}
	body, err := proto.Marshal(rows)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2012, 1, 15, 20, 1, 2, 0, time.UTC)
	lines, votes := map[string]int64{"registered": 10, "valid": 7}, map[string]int64{"nur-otan": 7}
	e := Entry{Kind: KindProtocol, Election: "kz-2012", Contest: "mazhilis", Station: "s1", Version: 1, RequestID: "r-1",
		Lines: lines, Votes: votes, Time: at, ContentHash: "ab12", Body: BodyProtocolRows}
	tail, err := Tail(e, body)
	if err != nil {
		t.Fatal(err)
	}
	leaf := Leaf(4, tail)
	env, _, _ := bytes.Cut(leaf, []byte{'\n'})
	if bytes.Contains(env, []byte(`"lines"`)) || bytes.Contains(env, []byte(`"votes"`)) {
		t.Errorf("format 3 envelope of a row repeats its counts: %s", env)
	}
	// The same entry written as format 2 did, counts in the envelope.
	v2 := e
	v2.Sequence, v2.Format = 4, FormatV2
	j, err := json.Marshal(v2)
	if err != nil {
		t.Fatal(err)
	}
	oldLeaf := append(append(j, '\n'), body...)
	// Format 3 with the counts in the envelope as well.
	both := bytes.Replace(oldLeaf, []byte(`"format":"mandate-log/2"`), []byte(`"format":"mandate-log/3"`), 1)
	// The same leaf as format 3 wrote it.
	v3 := bytes.Replace(leaf, []byte(`"format":"mandate-log/4"`), []byte(`"format":"mandate-log/3"`), 1)
	// A protocol of format 4 whose body is not a row.
	badBody := append(append([]byte{}, env...), '\n', 0xff)
	for _, tc := range []struct {
		name   string
		leaf   []byte
		format string
		ok     bool
	}{
		{"format 4, counts in the body", leaf, Format, true},
		{"format 3, counts in the body", v3, FormatV3, true},
		{"format 2, counts in both", oldLeaf, FormatV2, true},
		{"format 3, counts in both", both, "", false},
		{"format 4, body not a row", badBody, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, gotBody, err := ParseLeaf(tc.leaf)
			if (err == nil) != tc.ok {
				t.Fatalf("ParseLeaf error %v, want ok=%v", err, tc.ok)
			}
			if err != nil {
				return
			}
			if got.Format != tc.format || !maps.Equal(got.Lines, lines) || !maps.Equal(got.Votes, votes) || !bytes.Equal(gotBody, body) {
				t.Errorf("parsed %+v", got)
			}
		})
	}
}

// TestCompactRow: a row sent with its contest's canonical columns is logged
// (format 4) as the row alone; a Reader that has read the definition
// rebuilds the one-row ProtocolRows byte for byte and the same counts, and
// without the definition, or in an older format, it is refused. A row sent
// with other columns, or any other head, keeps its whole body.
func TestCompactRow(t *testing.T) {
	def := &Election{ID: "kz-2012", Contests: []Contest{{ID: "mazhilis", Kind: "PARTY_LIST",
		Choices: []Choice{{ID: "nur-otan"}, {ID: "ak-zhol"}},
		Lines:   []Line{{ID: "valid"}, {ID: "registered"}}}}}
	columns, ok := RowColumns(def, "mazhilis")
	if want := []string{"lines.registered", "lines.valid", "votes.ak-zhol", "votes.nur-otan"}; !ok || !slices.Equal(columns, want) {
		t.Fatalf("RowColumns = %q, %v; want %q", columns, ok, want)
	}
	if _, ok := RowColumns(def, "senate"); ok {
		t.Error("RowColumns of a contest the definition does not have")
	}
	rows := &tallyv1.ProtocolRows{Parent: "elections/kz-2012/contests/mazhilis", Columns: columns,
		Rows: []*tallyv1.ProtocolRow{{Station: "elections/kz-2012/units/s1", RequestId: "r-1", Counts: []int64{10, 7, 2, 5}}}}
	body, err := proto.Marshal(rows)
	if err != nil {
		t.Fatal(err)
	}
	row, ok := CompactRow(body, "kz-2012", "mazhilis", columns)
	if !ok {
		t.Fatal("canonical row not compacted")
	}
	if want, _ := proto.Marshal(rows.Rows[0]); !bytes.Equal(row, want) {
		t.Fatalf("compact row %x, want the row's encoding %x", row, want)
	}
	if got := RowsBody("kz-2012", "mazhilis", columns, row); !bytes.Equal(got, body) {
		t.Fatalf("RowsBody = %x, want the body received %x", got, body)
	}
	// Anything else keeps its whole body.
	for name, other := range map[string]*tallyv1.ProtocolRows{
		"unsorted columns": {Parent: rows.Parent, Columns: []string{"lines.valid", "lines.registered", "votes.ak-zhol", "votes.nur-otan"}, Rows: rows.Rows},
		"a column short":   {Parent: rows.Parent, Columns: columns[:3], Rows: rows.Rows},
		"other contest":    {Parent: "elections/kz-2012/contests/senate", Columns: columns, Rows: rows.Rows},
		"two rows":         {Parent: rows.Parent, Columns: columns, Rows: append(rows.Rows, rows.Rows[0])},
	} {
		b, _ := proto.Marshal(other)
		if _, ok := CompactRow(b, "kz-2012", "mazhilis", columns); ok {
			t.Errorf("%s: compacted", name)
		}
	}
	// Columns in a second piece after the row: the same message, other bytes.
	if _, ok := CompactRow(append(RowsHead("kz-2012", "mazhilis", columns[:3]), append(appendField(nil, 3, string(row)), appendField(nil, 2, columns[3])...)...),
		"kz-2012", "mazhilis", columns); ok {
		t.Error("a column after the row compacted")
	}

	at := time.Date(2012, 1, 15, 20, 1, 2, 0, time.UTC)
	lines, votes := map[string]int64{"registered": 10, "valid": 7}, map[string]int64{"ak-zhol": 2, "nur-otan": 5}
	e := Entry{Kind: KindProtocol, Election: "kz-2012", Contest: "mazhilis", Station: "s1", Version: 1, RequestID: "r-1",
		Lines: lines, Votes: votes, Time: at, ContentHash: "ab12", Body: BodyProtocolRow}
	if _, err := Tail(e, row); err == nil {
		t.Error("Tail of a row without the form's order")
	}
	e.LineOrder, e.VoteOrder = []string{"registered", "valid"}, []string{"ak-zhol", "nur-otan"}
	tail, err := Tail(e, row)
	if err != nil {
		t.Fatal(err)
	}
	leaf := Leaf(4, tail)
	if bytes.Contains(leaf, []byte("lines.")) || !bytes.HasSuffix(leaf, row) {
		t.Errorf("format 4 leaf repeats the columns: %q", leaf)
	}
	if _, _, err := ParseLeaf(leaf); err == nil {
		t.Error("ParseLeaf read a format 4 row without the definition")
	}
	if _, _, err := (&Reader{Definition: &Election{ID: "other", Contests: def.Contests}}).Parse(leaf); err == nil {
		t.Error("a row read with another election's definition")
	}
	if env, _, err := ParseEnvelope(leaf); err != nil || env.Lines != nil || env.Station != "s1" {
		t.Errorf("ParseEnvelope = %+v, %v", env, err)
	}
	// A Reader takes the definition from the election's entry.
	dtail, err := Tail(Entry{Kind: KindElection, Election: "kz-2012", Time: at, Definition: def}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var r Reader
	if _, _, err := r.Parse(Leaf(0, dtail)); err != nil {
		t.Fatal(err)
	}
	got, gotBody, err := r.Parse(leaf)
	if err != nil || !maps.Equal(got.Lines, lines) || !maps.Equal(got.Votes, votes) || !bytes.Equal(gotBody, row) {
		t.Fatalf("Reader.Parse = %+v, %x, %v", got, gotBody, err)
	}
	typ, received, err := r.Received(got, gotBody)
	if err != nil || typ != BodyProtocolRows || !bytes.Equal(received, body) {
		t.Errorf("Received = %s %x, %v; want the body received %x", typ, received, err, body)
	}
	// Format 4's body type in an older envelope is refused.
	if _, _, err := r.Parse(bytes.Replace(leaf, []byte(`"format":"mandate-log/4"`), []byte(`"format":"mandate-log/3"`), 1)); err == nil {
		t.Error("a ProtocolRow body in format 3 accepted")
	}
}

// TestRowIDsInBody: a format 4 row leaves its station and request id out of
// its envelope when its body says them, and every reader sees the entry it
// saw with them there (decision 103); an envelope with them (what format 4
// wrote before) reads as before; an envelope without them whose body does
// not name a station of the election is refused.
func TestRowIDsInBody(t *testing.T) {
	def := &Election{ID: "kz-2012", Contests: []Contest{{ID: "mazhilis", Kind: "PARTY_LIST",
		Choices: []Choice{{ID: "nur-otan"}}, Lines: []Line{{ID: "valid"}}}}}
	at := time.Date(2012, 1, 15, 20, 1, 2, 0, time.UTC)
	rowOf := func(station, request string) []byte {
		b, err := proto.Marshal(&tallyv1.ProtocolRow{Station: station, RequestId: request, Counts: []int64{7, 7}})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	entry := func(station, request string) Entry {
		return Entry{Kind: KindProtocol, Election: "kz-2012", Contest: "mazhilis", Station: station, Version: 1,
			RequestID: request, ProtocolKind: "ORIGINAL", Submitter: "admin:a", Time: at, Body: BodyProtocolRow,
			Lines: map[string]int64{"valid": 7}, Votes: map[string]int64{"nur-otan": 7},
			LineOrder: []string{"valid"}, VoteOrder: []string{"nur-otan"}}
	}
	read := func(leaf []byte) (Entry, error) {
		e, _, err := (&Reader{Definition: def}).Parse(leaf)
		e.LineOrder, e.VoteOrder = nil, nil
		return e, err
	}
	for _, tc := range []struct {
		name       string
		e          Entry
		row        []byte
		inEnvelope bool
	}{
		{"the body's", entry("s1", "r-1"), rowOf("elections/kz-2012/units/s1", "r-1"), false},
		{"no request id", entry("s1", ""), rowOf("elections/kz-2012/units/s1", ""), false},
		{"another request id", entry("s1", "r-2"), rowOf("elections/kz-2012/units/s1", "r-1"), true},
		{"another station", entry("s2", "r-1"), rowOf("elections/kz-2012/units/s1", "r-1"), true},
	} {
		tail, err := Tail(tc.e, tc.row)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		leaf := Leaf(1, tail)
		env, _, _ := bytes.Cut(leaf, []byte{'\n'})
		if got := bytes.Contains(env, []byte(`"station"`)); got != tc.inEnvelope {
			t.Errorf("%s: station in the envelope %v, want %v: %s", tc.name, got, tc.inEnvelope, env)
		}
		got, err := read(leaf)
		want := tc.e
		want.LineOrder, want.VoteOrder, want.Format, want.Sequence = nil, nil, Format, 1
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: read %+v, %v; want %+v", tc.name, got, err, want)
		}
		if e, _, err := ParseEnvelope(leaf); err != nil || e.Station != tc.e.Station || e.RequestID != tc.e.RequestID {
			t.Errorf("%s: ParseEnvelope station %q request %q, %v", tc.name, e.Station, e.RequestID, err)
		}
	}
	// The envelope written before, station and request id in it, reads as
	// before.
	old := `{"sequence":1,"body":"mandate.tally.v1.ProtocolRow","contest":"mazhilis","election":"kz-2012","format":"mandate-log/4","kind":"protocol","protocol_kind":"ORIGINAL","request_id":"r-1","station":"s1","submitter":"admin:a","time":"2012-01-15T20:01:02Z","version":1}` + "\n"
	want := entry("s1", "r-1")
	want.LineOrder, want.VoteOrder, want.Format, want.Sequence = nil, nil, Format, 1
	if got, err := read(append([]byte(old), rowOf("elections/kz-2012/units/s1", "r-1")...)); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("old envelope read %+v, %v; want %+v", got, err, want)
	}
	// Without them, a body that cannot say them is refused.
	short := strings.Replace(strings.Replace(old, `"request_id":"r-1",`, "", 1), `"station":"s1",`, "", 1)
	for name, row := range map[string][]byte{
		"other election": rowOf("elections/kz-2013/units/s1", "r-1"),
		"no station":     rowOf("", "r-1"),
		"not a unit":     rowOf("elections/kz-2012/contests/s1", "r-1"),
		"nested unit":    rowOf("elections/kz-2012/units/s1/x", "r-1"),
		"two stations":   append(rowOf("elections/kz-2012/units/s1", "r-1"), appendField(nil, 1, "elections/kz-2012/units/s2")...),
		"not protobuf":   []byte{0xff},
	} {
		if _, _, err := ParseEnvelope(append([]byte(short), row...)); err == nil {
			t.Errorf("%s: envelope without a station accepted", name)
		}
	}
	// A request id alone in the envelope: not a shape Tail writes.
	if _, _, err := ParseEnvelope(append([]byte(strings.Replace(old, `"station":"s1",`, "", 1)), rowOf("elections/kz-2012/units/s1", "r-1")...)); err == nil {
		t.Error("an envelope with a request id and no station accepted")
	}
	// The RU row of the brief: the leaf shrinks by what the envelope held
	// twice.
	ru := Entry{Kind: KindProtocol, Election: "ru-duma-2016", Contest: "federal", Station: "ru2016-r18-u158-k5", Version: 1,
		RequestID: "cec-2016/federal/ru2016-r18-u158-k5", ProtocolKind: "ORIGINAL", Submitter: "admin:bench-admin",
		Time: time.Date(2026, 12, 5, 19, 10, 51, 426121167, time.UTC), Body: BodyProtocolRow,
		Lines: map[string]int64{}, Votes: map[string]int64{}, LineOrder: []string{}, VoteOrder: []string{}}
	ruRow := rowOf("elections/ru-duma-2016/units/ru2016-r18-u158-k5", ru.RequestID)
	tail, err := Tail(ru, ruRow)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("RU envelope %d bytes (with station and request id %d)", len(Leaf(500000, tail))-len(ruRow),
		len(Leaf(500000, tail))-len(ruRow)+len(`,"request_id":"cec-2016/federal/ru2016-r18-u158-k5","station":"ru2016-r18-u158-k5"`))
}
