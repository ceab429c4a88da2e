package tallylog

import (
	"bytes"
	"encoding/json"
	"maps"
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
	// A protocol of format 3 whose body is not a row.
	badBody := append(append([]byte{}, env...), '\n', 0xff)
	for _, tc := range []struct {
		name   string
		leaf   []byte
		format string
		ok     bool
	}{
		{"format 3, counts in the body", leaf, Format, true},
		{"format 2, counts in both", oldLeaf, FormatV2, true},
		{"format 3, counts in both", both, "", false},
		{"format 3, body not a row", badBody, "", false},
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
