package sqlitestore

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// How a leaf is stored (decision 109). A leaf is its envelope, one line of
// JSON, then its body. The rows of one import request share every byte of
// the envelope but the sequence (the station and request id are the
// body's, decision 103), and the envelope was most of a stored leaf
// (about 250 of 370 bytes for an RU 2016 row). So a leaf whose envelope,
// after the sequence, is that of an earlier leaf stored whole in the same
// transaction is stored as
//
//	compactLeaf, uvarint(its index - that leaf's index), its body
//
// and every other leaf whole, as before. A whole leaf starts with '{', so
// the first byte tells the forms apart and stores written before read as
// they are. ReadLeaves returns the leaf itself, byte for byte; the hashes
// stored beside it are of the leaf, not of the stored form.
const compactLeaf = 0x00

// leafPacker chooses the stored form of a transaction's leaves. Its donors
// are leaves stored whole in the same transaction, so a compact leaf never
// names one a rollback could have taken away.
type leafPacker struct {
	donors map[string]donorLeaf // by election
}

type donorLeaf struct {
	idx  int64
	rest []byte // the envelope after the sequence (a copy)
}

// pack appends to dst the stored form of the leaf at idx of the
// election's log and returns it, or returns nil when the leaf is stored
// whole (the caller stores leaf itself: no copy).
func (p *leafPacker) pack(dst []byte, election string, idx int64, leaf []byte) []byte {
	seq, rest, body, ok := tallylog.SplitLeaf(leaf)
	if !ok || seq != idx {
		return nil
	}
	if d, ok := p.donors[election]; ok && bytes.Equal(d.rest, rest) {
		dst = append(dst, compactLeaf)
		dst = binary.AppendUvarint(dst, uint64(idx-d.idx))
		return append(dst, body...)
	}
	if p.donors == nil {
		p.donors = map[string]donorLeaf{}
	}
	p.donors[election] = donorLeaf{idx: idx, rest: bytes.Clone(rest)}
	return nil
}

// leafUnpacker turns stored leaves, read in order, back into leaves. The
// donor of a compact leaf is the last leaf stored whole before it (pack
// makes every whole leaf the donor of those after it, and a transaction
// starts without one), so reading a range needs at most one leaf from
// before the range: the donor of its first leaf (donorOf, prime).
type leafUnpacker struct {
	last donorLeaf
	have bool
}

// donorOf returns the index of the leaf holding the envelope of the
// stored leaf at idx, false when it is stored whole.
func donorOf(idx int64, stored []byte) (int64, bool, error) {
	if len(stored) == 0 || stored[0] != compactLeaf {
		return 0, false, nil
	}
	back, n := binary.Uvarint(stored[1:])
	if n <= 0 || back == 0 || back > uint64(idx) {
		return 0, false, fmt.Errorf("leaf %d: a compact leaf without a valid distance to its envelope", idx)
	}
	return idx - int64(back), true, nil
}

// prime gives the unpacker the leaf at idx, stored whole, before the
// range it reads.
func (u *leafUnpacker) prime(idx int64, whole []byte) error {
	seq, rest, _, ok := tallylog.SplitLeaf(whole)
	if !ok || seq != idx {
		return fmt.Errorf("leaf %d, which holds the envelope of later leaves, is not stored whole", idx)
	}
	u.last, u.have = donorLeaf{idx: idx, rest: rest}, true
	return nil
}

func (u *leafUnpacker) unpack(idx int64, stored []byte) ([]byte, error) {
	from, compact, err := donorOf(idx, stored)
	if err != nil {
		return nil, err
	}
	if !compact {
		if seq, rest, _, ok := tallylog.SplitLeaf(stored); ok && seq == idx {
			// rest is kept, not copied: each row's bytes are its own.
			u.last, u.have = donorLeaf{idx: idx, rest: rest}, true
		}
		return stored, nil
	}
	if !u.have || u.last.idx != from {
		return nil, fmt.Errorf("leaf %d: its envelope is in leaf %d, which is not the last leaf stored whole before it", idx, from)
	}
	body := stored[1+uvarintLen(uint64(idx-from)):]
	leaf := make([]byte, 0, 32+len(u.last.rest)+len(body))
	leaf = tallylog.AppendLeaf(leaf, idx, u.last.rest)
	return append(leaf, body...), nil
}

func uvarintLen(x uint64) int {
	var b [binary.MaxVarintLen64]byte
	return len(binary.AppendUvarint(b[:0], x))
}
