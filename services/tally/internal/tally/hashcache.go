package tally

import (
	"slices"
	"strconv"
	"sync"

	"golang.org/x/mod/sumdb/tlog"
)

// Tree hashes kept in memory.
//
// A store keeps with each leaf of a log the tree hashes appending it
// completed (EncodeHashes of tallylog.Edge.Append's). Signing the
// checkpoint of a size reads the hashes of that size's complete subtrees
// (tlog.TreeHash: one per set bit of the size); during ingest every landing
// makes a new size, so every checkpoint of a published view read the
// database. Measured under ingest (docs/performance.md, "Reads that never
// wait"), one national read in eight did, and those reads waited for a
// read connection, for SQLite's page cache and allocator locks shared with
// the writer, and for pread: most of the reads slower than a millisecond.
//
// A leaf's hashes never change once its transaction committed (the log
// only grows), so a store's writer hands the hashes it committed to a
// HashCache and its ReadHashes finds them there. The cache keeps the last
// hashWindow leaves of each log, and for good the leaves that complete a
// subtree of hashWindow/2 leaves or more (one in hashWindow/2): a size's
// smaller subtrees all end in the last hashWindow/2 leaves before it, so
// every hash of a size within hashWindow/2 of the newest is in memory.
// What is not in memory (an old size, another replica's leaves not read
// yet) is read from the database and kept in the same way.

// hashWindowBits sets how many recent leaves of a log the cache holds
// (4,096: a few hundred KB per log being written).
const hashWindowBits = 12

const hashWindow = 1 << hashWindowBits

// HashCache holds committed leaves' hashes. Safe for concurrent use; the
// zero value is ready, and a nil *HashCache holds nothing.
type HashCache struct {
	mu   sync.RWMutex
	logs map[string]*cachedLog
}

type cachedLog struct {
	// recent holds leaf i at i % hashWindow: the newest leaf seen for
	// each slot.
	recent []cachedLeaf
	// big holds the leaves that complete a subtree of hashWindow/2
	// leaves or more.
	big map[int64][]byte
}

type cachedLeaf struct {
	idx  int64 // the leaf's index + 1: 0 is an empty slot
	blob []byte
}

// Add records the hashes a committed leaf holds (EncodeHashes). The cache
// keeps blob: the caller must not change it afterwards.
func (c *HashCache) Add(election string, leaf int64, blob []byte) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.add(election, leaf, blob)
}

// LeafHashes is the hashes a leaf of an election's log holds.
type LeafHashes struct {
	Election string
	Leaf     int64
	Hashes   []byte // EncodeHashes
}

// AddAll is Add of each of leaves, which a transaction just committed.
func (c *HashCache) AddAll(leaves []LeafHashes) {
	if c == nil || len(leaves) == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, l := range leaves {
		c.add(l.Election, l.Leaf, l.Hashes)
	}
}

func (c *HashCache) add(election string, leaf int64, blob []byte) {
	if c.logs == nil {
		c.logs = map[string]*cachedLog{}
	}
	l := c.logs[election]
	if l == nil {
		l = &cachedLog{recent: make([]cachedLeaf, hashWindow), big: map[int64][]byte{}}
		c.logs[election] = l
	}
	if len(blob) > (hashWindowBits-1)*tlog.HashSize { // holds a hash of level hashWindowBits-1
		// Its own copy: blob may share its array with a batch's other
		// leaves, which must not stay in memory with it.
		l.big[leaf] = slices.Clone(blob)
	}
	// An old leaf read back (a proof of an early entry) does not push a
	// recent one out.
	if s := &l.recent[leaf%hashWindow]; s.idx <= leaf {
		s.idx, s.blob = leaf+1, blob
	}
}

// Lookup returns the hashes of a leaf, if the cache holds them.
func (c *HashCache) Lookup(election string, leaf int64) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.lookup(election, leaf)
}

func (c *HashCache) lookup(election string, leaf int64) ([]byte, bool) {
	l := c.logs[election]
	if l == nil {
		return nil, false
	}
	if s := l.recent[leaf%hashWindow]; s.idx == leaf+1 {
		return s.blob, true
	}
	b, ok := l.big[leaf]
	return b, ok
}

// ReadHashes implements Store.ReadHashes for a store that keeps each
// leaf's hashes with it: the hashes at the storage indexes, from the
// cache, or from read (the hashes of the given leaves, by leaf; a leaf
// the log lacks is left out), whose answers it keeps.
func (c *HashCache) ReadHashes(election string, indexes []int64, read func(leaves []int64) (map[int64][]byte, error)) ([]tlog.Hash, error) {
	blobs := make(map[int64][]byte, len(indexes))
	var missing []int64
	if c != nil {
		c.mu.RLock()
	}
	for _, x := range indexes {
		l, _ := HashLocation(x)
		if _, seen := blobs[l]; seen {
			continue
		}
		if c != nil {
			if b, ok := c.lookup(election, l); ok {
				blobs[l] = b
				continue
			}
		}
		blobs[l] = nil
		missing = append(missing, l)
	}
	if c != nil {
		c.mu.RUnlock()
	}
	if len(missing) > 0 {
		got, err := read(missing)
		if err != nil {
			return nil, err
		}
		for l, b := range got {
			blobs[l] = b
		}
		if c != nil {
			c.mu.Lock()
			for l, b := range got {
				c.add(election, l, b)
			}
			c.mu.Unlock()
		}
	}
	out := make([]tlog.Hash, len(indexes))
	for k, x := range indexes {
		l, pos := HashLocation(x)
		h, ok := HashAt(blobs[l], pos)
		if !ok {
			return nil, &NotFoundError{Kind: "log hash", Name: election + "/" + strconv.FormatInt(x, 10)}
		}
		out[k] = h
	}
	return out, nil
}
