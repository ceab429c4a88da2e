package verify

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// wholeDiff is the comparison lineCompare streams, done on whole strings.
func wholeDiff(got, want string) (same bool, diffs []lineDiff, nGot, nWant int) {
	g, w := strings.SplitAfter(got, "\n"), strings.SplitAfter(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl && len(diffs) < maxShown {
			diffs = append(diffs, lineDiff{line: i + 1, got: gl, want: wl})
		}
	}
	return got == want, diffs, len(g), len(w)
}

// lineCompare finds what a comparison of the whole file and the whole
// rendering finds, however the rendering is written to it.
func TestLineCompare(t *testing.T) {
	cases := []struct{ got, want string }{
		{"", ""},
		{"a\nb\n", "a\nb\n"},
		{"a\nb", "a\nb"},
		{"a\nb\n", "a\nb"},
		{"a\nb", "a\nb\n"},
		{"a\nb\n", "a\nc\n"},
		{"a\n", "a\nb\nc\nd\ne\n"},
		{"a\nb\nc\nd\ne\n", "a\n"},
		{"x\ny\nz\nw\nv\n", "a\nb\nc\nd\ne\n"},
		{"", "a\n"},
		{"a\n", ""},
		{"\n\n\n", "\n\n"},
		{strings.Repeat("long line ", 20000) + "\n", strings.Repeat("long line ", 20000) + "!\n"},
	}
	for _, c := range cases {
		wantSame, wantDiffs, wantNGot, wantNWant := wholeDiff(c.got, c.want)
		for _, step := range []int{1, 2, 3, 7, 1 << 20} {
			lc := newLineCompare(strings.NewReader(c.got))
			for i := 0; i < len(c.want); i += step {
				lc.Write([]byte(c.want[i:min(i+step, len(c.want))]))
			}
			lc.finish()
			what := fmt.Sprintf("got %.20q, want %.20q, written %d bytes at a time", c.got, c.want, step)
			if lc.same != wantSame || lc.nGot != wantNGot || lc.nWant != wantNWant || !slices.Equal(lc.diffs, wantDiffs) {
				t.Errorf("%s: same %v, %d/%d lines, %d diffs; want %v, %d/%d, %d diffs", what,
					lc.same, lc.nGot, lc.nWant, len(lc.diffs), wantSame, wantNGot, wantNWant, len(wantDiffs))
			}
		}
	}
}
