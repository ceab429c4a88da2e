package tally_test

import (
	"errors"
	"fmt"
	"testing"

	"golang.org/x/mod/sumdb/tlog"

	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// cacheWindow is the cache's recent window (hashWindow in hashcache.go).
const cacheWindow = 4096

// treeLog is a log of n leaves as a store keeps it: per leaf, the hashes
// appending it completed, and the root at every size.
type treeLog struct {
	blobs [][]byte
	roots []tlog.Hash // roots[n] is the root at size n
}

func newTreeLog(n int) treeLog {
	var tl treeLog
	e := &tallylog.Edge{}
	tl.roots = append(tl.roots, e.Root())
	for i := range n {
		tl.blobs = append(tl.blobs, tally.EncodeHashes(e.Append([]byte(fmt.Sprintf("leaf %d", i)))))
		tl.roots = append(tl.roots, e.Root())
	}
	return tl
}

// reader is the store's side of HashCache.ReadHashes: it counts the leaves
// asked for.
func (tl treeLog) reader(read *int) func([]int64) (map[int64][]byte, error) {
	return func(leaves []int64) (map[int64][]byte, error) {
		*read += len(leaves)
		out := map[int64][]byte{}
		for _, l := range leaves {
			if l < int64(len(tl.blobs)) {
				out[l] = tl.blobs[l]
			}
		}
		return out, nil
	}
}

// TestHashCache: the root at every size comes out as the tree's whether
// the hashes are in the cache or read; the leaves a transaction committed
// (AddAll) are never read for a size within the recent window, nor the
// large subtrees for any size; what was read once is not read again, and
// an old leaf read back does not push a recent one out.
func TestHashCache(t *testing.T) {
	const n = 3*cacheWindow + 123
	tl := newTreeLog(n)
	// Every size within half the window of the newest.
	var recent []int64
	for s := int64(n); s > n-cacheWindow/2; s-- {
		recent = append(recent, s)
	}
	old := []int64{1, 2, 1000, cacheWindow / 2, cacheWindow - 1} // no two in one slot
	committed := func(c *tally.HashCache) {
		var ls []tally.LeafHashes
		for i, b := range tl.blobs {
			ls = append(ls, tally.LeafHashes{Election: "e", Leaf: int64(i), Hashes: b})
		}
		c.AddAll(ls)
	}
	type step struct {
		sizes []int64
		reads func(int) bool // of the number of leaves read
	}
	none := func(r int) bool { return r == 0 }
	some := func(r int) bool { return r > 0 }
	tests := []struct {
		name  string
		cache *tally.HashCache
		setup func(c *tally.HashCache)
		steps []step
	}{
		{"every leaf committed through the cache", &tally.HashCache{}, committed, []step{
			{recent, none},
			{old, some},
			{recent, none},
		}},
		{"nothing cached: read once, then kept", &tally.HashCache{}, nil, []step{
			{recent, some},
			{recent, none},
			{old, some}, // not kept where recent leaves are
			{recent, none},
		}},
		{"only early sizes read", &tally.HashCache{}, nil, []step{
			{old, some},
			{old, none},
		}},
		{"no cache", nil, nil, []step{
			{recent, some},
			{recent, some},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.setup != nil {
				tc.setup(tc.cache)
			}
			for k, step := range tc.steps {
				read := 0
				hr := tlog.HashReaderFunc(func(idx []int64) ([]tlog.Hash, error) {
					return tc.cache.ReadHashes("e", idx, tl.reader(&read))
				})
				for _, size := range step.sizes {
					root, err := tlog.TreeHash(size, hr)
					if err != nil || root != tl.roots[size] {
						t.Fatalf("step %d: root at %d: %v (equal %v)", k, size, err, root == tl.roots[size])
					}
				}
				if !step.reads(read) {
					t.Errorf("step %d (sizes %v): %d leaves read", k, step.sizes, read)
				}
			}
		})
	}
}

// TestHashCacheMissing: a hash beyond the log is ErrNotFound, cached or
// not, and another log's leaves are not this one's.
func TestHashCacheMissing(t *testing.T) {
	tl := newTreeLog(10)
	c := &tally.HashCache{}
	for i, b := range tl.blobs {
		c.Add("e", int64(i), b)
	}
	read := 0
	for _, tc := range []struct {
		election string
		index    int64
		found    bool
	}{
		{"e", tlog.StoredHashIndex(0, 9), true},
		{"e", tlog.StoredHashIndex(0, 10), false},
		{"e", tlog.StoredHashIndex(4, 0), false},
		{"other", tlog.StoredHashIndex(0, 3), false},
	} {
		hs, err := c.ReadHashes(tc.election, []int64{tc.index}, func([]int64) (map[int64][]byte, error) {
			read++
			return nil, nil
		})
		if tc.found != (err == nil) || !tc.found && !errors.Is(err, tally.ErrNotFound) {
			t.Errorf("%s %d: %v, %v", tc.election, tc.index, hs, err)
		}
	}
	if read != 3 {
		t.Errorf("%d reads of the store, want 3 (the hashes not in the cache)", read)
	}
}
