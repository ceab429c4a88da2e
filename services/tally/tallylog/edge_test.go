package tallylog

import (
	"fmt"
	"slices"
	"testing"

	"golang.org/x/mod/sumdb/tlog"
)

// TestEdgeMatchesTlog appends leaves with an Edge and with tlog's own
// functions and compares the stored hashes, the roots at every size, and an
// Edge reloaded from the stored hashes through NodeLeaf.
func TestEdgeMatchesTlog(t *testing.T) {
	var stored []tlog.Hash // tlog's storage order
	perLeaf := [][]tlog.Hash{}
	r := tlog.HashReaderFunc(func(idx []int64) ([]tlog.Hash, error) {
		out := make([]tlog.Hash, len(idx))
		for i, x := range idx {
			out[i] = stored[x]
		}
		return out, nil
	})
	e := &Edge{}
	for n := int64(0); n < 300; n++ {
		leaf := fmt.Appendf(nil, "leaf %d", n)
		want, err := tlog.StoredHashes(n, leaf, r)
		if err != nil {
			t.Fatal(err)
		}
		got := e.Append(leaf)
		if !slices.Equal(got, want) {
			t.Fatalf("leaf %d: stored hashes differ", n)
		}
		stored = append(stored, want...)
		perLeaf = append(perLeaf, got)
		root, err := tlog.TreeHash(n+1, r)
		if err != nil {
			t.Fatal(err)
		}
		if e.Root() != root {
			t.Fatalf("size %d: root differs", n+1)
		}
		// Reload the edge from the per-leaf hashes.
		re, err := NewEdge(n+1, func(level int, index int64) (tlog.Hash, error) {
			return perLeaf[NodeLeaf(level, index)][level], nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if re.Root() != root || re.Size() != n+1 {
			t.Fatalf("size %d: reloaded edge differs", n+1)
		}
	}
	if (&Edge{}).Root() != (tlog.Hash{}) {
		t.Error("empty root")
	}
}
