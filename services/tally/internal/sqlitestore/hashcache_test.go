package sqlitestore

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"golang.org/x/mod/sumdb/tlog"

	"github.com/mandate-project/mandate/services/tally/internal/storetest"
	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// TestHashCacheOnlyCommitted: the hashes of a transaction that rolled back
// after storing its leaves never reach the cache, so the leaf a later
// transaction stores at the same index is the one ReadHashes answers, as
// a store opened afresh (nothing cached) reads it.
func TestHashCacheOnlyCommitted(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tally.db")
	st, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	e := storetest.Election()
	if err := st.CreateElection(ctx, e, []byte("defined")); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("fails after its leaf was stored")
	err = st.enqueue(ctx, &job{fn: func(w *writer) error {
		b := newBatch(w)
		if _, err := b.appendLeaf(e.ID, []byte("rolled back")); err != nil {
			return err
		}
		if err := b.flushLeaves(); err != nil {
			return err
		}
		return boom
	}})
	if !errors.Is(err, boom) {
		t.Fatalf("transaction: %v, want it to fail", err)
	}
	first, err := st.AppendLog(ctx, e.ID, [][]byte{[]byte("kept"), []byte("after")})
	if err != nil || first != 1 {
		t.Fatalf("AppendLog = %d, %v; want index 1", first, err)
	}
	want := tlog.RecordHash(tallylog.Leaf(1, []byte("kept")))
	fresh, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	for name, s := range map[string]*Store{"the writing store": st, "a store opened afresh": fresh} {
		hs, err := s.ReadHashes(ctx, e.ID, []int64{tlog.StoredHashIndex(0, 1)})
		if err != nil || hs[0] != want {
			t.Errorf("%s: hash of leaf 1 = %x, %v; want the kept leaf's %x", name, hs, err, want)
		}
	}
	r := func(s *Store) tlog.HashReader {
		return tlog.HashReaderFunc(func(idx []int64) ([]tlog.Hash, error) { return s.ReadHashes(ctx, e.ID, idx) })
	}
	a, errA := tlog.TreeHash(3, r(st))
	b, errB := tlog.TreeHash(3, r(fresh))
	if errA != nil || errB != nil || a != b {
		t.Errorf("root at 3: %x, %v from the writing store; %x, %v afresh", a, errA, b, errB)
	}
}
