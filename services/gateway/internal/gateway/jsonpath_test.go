package gateway

import (
	"strings"
	"testing"
)

func TestPathAt(t *testing.T) {
	tests := []struct {
		doc  string
		at   string // the path of the value starting at the first occurrence of this text
		want string
	}{
		{`{"requestId": 7}`, `7`, "request_id"},
		{`{"lines": {"valid": "abc", "invalid": 1}}`, `"abc"`, "lines.valid"},
		{`{"votes": {"KPRF": "x"}}`, `"x"`, "votes.KPRF"},
		{`{"parties": [{"id": "a", "votes": "1"}, {"id": "b", "votes": "x"}]}`, `"x"`, "parties[1].votes"},
		{`{"rule": {"threshold": {"percent": true}}}`, `true`, "rule.threshold.percent"},
		{`{"station": "s", "kind": "NOPE"}`, `"NOPE"`, "kind"},
		{"{\n  \"a\": 1,\n  \"replacesVersion\": \"x\"\n}", `"x"`, "replaces_version"},
		{`{"unknownField": 1}`, `"unknownField"`, "unknown_field"},
		{`[1, 2`, `2`, "[1]"},
	}
	for _, tt := range tests {
		off := strings.Index(tt.doc, tt.at)
		if got := pathAt([]byte(tt.doc), off); got != tt.want {
			t.Errorf("pathAt(%s, %d) = %q, want %q", tt.doc, off, got, tt.want)
		}
	}
}
