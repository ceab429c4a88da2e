package sqlitestore

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// TestWriterJournals: the writer keeps statement journals in memory and
// checkpoints the log every walPages pages (decision 106); a reader's
// connection is left as SQLite sets it.
func TestWriterJournals(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "tally.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var temp, wal int
	if err := s.enqueue(ctx, &job{fn: func(w *writer) error {
		if err := w.conn.QueryRowContext(ctx, "PRAGMA temp_store").Scan(&temp); err != nil {
			return err
		}
		return w.conn.QueryRowContext(ctx, "PRAGMA wal_autocheckpoint").Scan(&wal)
	}}); err != nil {
		t.Fatal(err)
	}
	if temp != 2 || wal != walPages {
		t.Errorf("writer's temp_store %d (2 is MEMORY), wal_autocheckpoint %d; want 2, %d", temp, wal, walPages)
	}
}

// TestCloseLeavesNoLog: a store closed after writing leaves its database
// file and an empty log, not a log of up to walPages pages.
func TestCloseLeavesNoLog(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tally.db")
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateElection(ctx, tally.Election{ID: "e"}, []byte(`{"kind":"election"}`)); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path + "-wal"); err != nil || fi.Size() == 0 {
		t.Fatalf("no log written before the close: %v %v", fi, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		t.Errorf("log of %d bytes left after Close", fi.Size())
	}
}
