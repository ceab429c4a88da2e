package tallylog

import (
	"math/bits"
	"slices"

	"golang.org/x/mod/sumdb/tlog"
)

// Edge is the right edge of a log's tree: the hashes of the complete
// subtrees its leaves form (one per set bit of its size, largest first).
// That is all it takes to append leaves and to compute the root, so a log
// can be hashed in one pass over its leaves, in constant memory.
type Edge struct {
	size   int64
	hashes []tlog.Hash // largest subtree first
	levels []int       // the level of each subtree (its size is 1<<level)
}

// NewEdge returns the edge of a tree of the given size, reading each of its
// complete subtrees' hashes with node(level, index): the hash of the
// subtree of 1<<level leaves starting at leaf index<<level.
func NewEdge(size int64, node func(level int, index int64) (tlog.Hash, error)) (*Edge, error) {
	e := &Edge{size: size}
	for level := 62; level >= 0; level-- {
		if size>>level&1 == 0 {
			continue
		}
		offset := size >> (level + 1) << (level + 1)
		h, err := node(level, offset>>level)
		if err != nil {
			return nil, err
		}
		e.hashes = append(e.hashes, h)
		e.levels = append(e.levels, level)
	}
	return e, nil
}

// Size is the number of leaves appended.
func (e *Edge) Size() int64 { return e.size }

// Clone returns a copy to append to while e stays as it is.
func (e *Edge) Clone() *Edge {
	return &Edge{size: e.size, hashes: slices.Clone(e.hashes), levels: slices.Clone(e.levels)}
}

// Append adds a leaf and returns the hashes the leaf completes: its record
// hash (level 0), then the hash of each subtree it completes, one level
// up at a time. They are the tree's stored hashes for the leaf in the
// order of tlog.StoredHashes.
func (e *Edge) Append(leaf []byte) []tlog.Hash {
	return e.AppendHash(tlog.RecordHash(leaf))
}

// AppendHash is Append with the leaf's record hash.
func (e *Edge) AppendHash(h tlog.Hash) []tlog.Hash {
	out := make([]tlog.Hash, 1, 1+bits.TrailingZeros64(^uint64(e.size)))
	out[0] = h
	level := 0
	for n := len(e.hashes); n > 0 && e.levels[n-1] == level; n-- {
		h = tlog.NodeHash(e.hashes[n-1], h)
		e.hashes, e.levels = e.hashes[:n-1], e.levels[:n-1]
		level++
		out = append(out, h)
	}
	e.hashes, e.levels = append(e.hashes, h), append(e.levels, level)
	e.size++
	return out
}

// Root returns the root hash of the tree, as tlog.TreeHash computes it
// (the zero hash for an empty tree).
func (e *Edge) Root() tlog.Hash {
	if len(e.hashes) == 0 {
		return tlog.Hash{}
	}
	h := e.hashes[len(e.hashes)-1]
	for i := len(e.hashes) - 2; i >= 0; i-- {
		h = tlog.NodeHash(e.hashes[i], h)
	}
	return h
}

// NodeLeaf is the leaf whose appending completes the subtree (level,
// index): Append returns that subtree's hash at position level of what it
// returns for this leaf. A store that keeps, per leaf, what Append
// returned finds every stored hash of the tree this way.
func NodeLeaf(level int, index int64) int64 {
	return (index+1)<<level - 1
}
