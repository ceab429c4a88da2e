package tally

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestMergeByID: merging a batch into a sorted list gives the sorted union,
// whatever the batch's order and wherever its IDs fall (before, between,
// after, interleaved with the list's, into an empty list).
func TestMergeByID(t *testing.T) {
	nodes := func(ids ...string) []*node {
		out := make([]*node, len(ids))
		for i, id := range ids {
			out[i] = &node{unit: Unit{ID: id}}
		}
		return out
	}
	idsOf := func(ns []*node) []string {
		out := make([]string, len(ns))
		for i, n := range ns {
			out[i] = n.unit.ID
		}
		return out
	}
	for _, tc := range []struct {
		name        string
		sorted, add []string
	}{
		{"into empty", nil, []string{"b", "a"}},
		{"nothing", []string{"a"}, nil},
		{"after", []string{"a", "b"}, []string{"d", "c"}},
		{"before", []string{"c", "d"}, []string{"b", "a"}},
		{"between", []string{"a", "d"}, []string{"c", "b"}},
		{"interleaved", []string{"a", "c", "e", "g"}, []string{"h", "f", "d", "b", "0"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := idsOf(mergeByID(nodes(tc.sorted...), nodes(tc.add...)))
			want := slices.Sorted(slices.Values(append(slices.Clone(tc.sorted), tc.add...)))
			if !slices.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
	// Batches of random IDs, as an import of replicated stations sends.
	r := rand.New(rand.NewPCG(1, 2))
	var list []*node
	var all []string
	for range 50 {
		var batch []string
		for range r.IntN(40) {
			batch = append(batch, fmt.Sprintf("s%06d", r.IntN(1_000_000)))
		}
		slices.Sort(batch)
		batch = slices.Compact(batch)
		var fresh []string
		for _, id := range batch {
			if !slices.Contains(all, id) {
				fresh = append(fresh, id)
			}
		}
		r.Shuffle(len(fresh), func(i, j int) { fresh[i], fresh[j] = fresh[j], fresh[i] })
		list = mergeByID(list, nodes(fresh...))
		all = append(all, fresh...)
	}
	if got, want := idsOf(list), slices.Sorted(slices.Values(all)); !slices.Equal(got, want) {
		t.Errorf("after random batches: %d IDs, want %d, or out of order", len(got), len(want))
	}
	// Copies of a list under new IDs, a range at a time, as bench-scale
	// replicates RU 2016: each new ID falls right after its original and
	// the copies before it, so the merge's gallop takes strides of every
	// length.
	list, all = nil, nil
	for i := range 3000 {
		id := fmt.Sprintf("u%d", i)
		list, all = append(list, &node{unit: Unit{ID: id}}), append(all, id)
	}
	slices.SortFunc(list, byUnitID)
	for k := 1; k <= 3; k++ {
		for from := 0; from < 3000; from += 700 {
			var fresh []string
			for i := from; i < min(from+700, 3000); i++ {
				fresh = append(fresh, fmt.Sprintf("u%d-k%d", i, k))
			}
			list = mergeByID(list, nodes(fresh...))
			all = append(all, fresh...)
		}
	}
	if got, want := idsOf(list), slices.Sorted(slices.Values(all)); !slices.Equal(got, want) {
		t.Errorf("after replicated batches: %d IDs, want %d, or out of order", len(got), len(want))
	}
}
