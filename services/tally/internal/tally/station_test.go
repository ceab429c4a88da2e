package tally

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/mandate-project/mandate/services/tally/form"
)

// TestStationProtoRoundTrip: the compact memory record of a station's
// protocol gives back what it was made from (counts at the int64 extremes,
// hashes that are and are not 64 lowercase hex digits, no time).
func TestStationProtoRoundTrip(t *testing.T) {
	cc := &form.Compiled{NLines: 2, Contest: form.Contest{Form: form.Form{Lines: []form.Line{{ID: "a"}, {ID: "b"}}},
		Choices: []form.Choice{{ID: "x"}, {ID: "y"}}}}
	hexHash := strings.Repeat("0f", 32)
	at := time.Date(2016, 9, 18, 21, 0, 0, 123, time.UTC)
	for _, tc := range []struct {
		name  string
		lines map[string]int64
		votes map[string]int64
		hash  string
		at    time.Time
	}{
		{"small", map[string]int64{"a": 1, "b": 0}, map[string]int64{"x": 300, "y": 2}, hexHash, at},
		{"extremes", map[string]int64{"a": math.MaxInt64, "b": math.MinInt64}, map[string]int64{"x": -1, "y": 1 << 40}, hexHash, at},
		{"zero hash", map[string]int64{"a": 1, "b": 2}, map[string]int64{"x": 3, "y": 4}, strings.Repeat("0", 64), at},
		{"upper-case hash", map[string]int64{}, map[string]int64{}, strings.ToUpper(hexHash), at},
		{"short hash", map[string]int64{}, map[string]int64{}, "abc", at},
		{"no hash, no time", map[string]int64{}, map[string]int64{}, "", time.Time{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := ProtocolVersion{Version: 3, Kind: Correction, Lines: tc.lines, Votes: tc.votes, ContentHash: tc.hash,
				SubmittedAt: tc.at, IdempotencyKey: "k", Reason: "r", Submitter: "s", ResultsVersion: 9}
			p := newStationProto(v, cc.ValsOf(tc.lines, tc.votes), func(s string) string { return s })
			if got, want := p.vals(cc.Width()), cc.ValsOf(tc.lines, tc.votes); !slices.Equal(got, want) {
				t.Errorf("vals %v, want %v", got, want)
			}
			if got := p.contentHash(); got != tc.hash {
				t.Errorf("content hash %q, want %q", got, tc.hash)
			}
			if got := p.submitted(); !got.Equal(tc.at) {
				t.Errorf("submitted %v, want %v", got, tc.at)
			}
			if p.version != 3 || p.kind != Correction || p.idempotencyKey("") != "k" || p.reason() != "r" || p.submitter != "s" || p.resultsVersion != 9 {
				t.Errorf("record %+v", p)
			}
		})
	}
}

// TestStationProtoCompact keeps a station's protocol record in the 128-byte
// size class and its node in the 112-byte one, with an original's rare
// fields (no reason, no warnings, a hex content hash) not allocated at
// all: a country holds a million of them, and each byte is a megabyte the
// collector scans during an import under a memory limit (issue 19).
func TestStationProtoCompact(t *testing.T) {
	if size := unsafe.Sizeof(stationProto{}); size > 128 {
		t.Errorf("stationProto is %d bytes, more than the 128-byte size class", size)
	}
	// A station's node: what only units above stations need is apart.
	if size := unsafe.Sizeof(node{}); size > 112 {
		t.Errorf("node is %d bytes, more than the 112-byte size class", size)
	}
	cc := &form.Compiled{NLines: 2, Contest: form.Contest{Form: form.Form{Lines: []form.Line{{ID: "a"}, {ID: "b"}}},
		Choices: []form.Choice{{ID: "x"}, {ID: "y"}}}}
	lines, votes := map[string]int64{"a": 1, "b": 0}, map[string]int64{"x": 300, "y": 2}
	v := ProtocolVersion{Version: 1, Kind: Original, ContentHash: strings.Repeat("ab", 32), IdempotencyKey: "k", Submitter: "s"}
	p := newStationProto(v, cc.ValsOf(lines, votes), func(s string) string { return s })
	if p.rare != nil {
		t.Errorf("an original with a hex hash and nothing else allocated its rare part: %+v", p.rare)
	}
	if len(p.counts) != cap(p.counts) {
		t.Errorf("counts hold %d bytes in a capacity of %d", len(p.counts), cap(p.counts))
	}
	// An import's key, PREFIX/CONTEST/STATION: the prefix kept, shared.
	v.Station, v.IdempotencyKey = "RU-1-K3", "import/federal/RU-1-K3"
	p = newStationProto(v, cc.ValsOf(lines, votes), func(s string) string { return s })
	if !p.keyOfStation || p.key != "import/federal/" || p.idempotencyKey(v.Station) != v.IdempotencyKey {
		t.Errorf("key %q (of the station: %v), read back %q", p.key, p.keyOfStation, p.idempotencyKey(v.Station))
	}
	v.Warnings = []Violation{{Code: "W"}}
	if p := newStationProto(v, cc.ValsOf(lines, votes), func(s string) string { return s }); len(p.warnings()) != 1 || p.reason() != "" || !p.hexHash() {
		t.Errorf("warnings %v, reason %q, hex hash %v", p.warnings(), p.reason(), p.hexHash())
	}
}
