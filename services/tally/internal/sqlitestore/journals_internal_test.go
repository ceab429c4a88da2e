package sqlitestore

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// TestWriterJournals: the writer keeps statement journals in memory and
// checkpoints the log itself only past autoCheckpointPages (decision
// 120: the checkpointer does it every walPages pages); a reader's
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
	if temp != 2 || wal != autoCheckpointPages {
		t.Errorf("writer's temp_store %d (2 is MEMORY), wal_autocheckpoint %d; want 2, %d", temp, wal, autoCheckpointPages)
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

// TestPageSize: a store this package creates has pageSize pages; one made
// before (4 KiB, SQLite's default) keeps its pages, which SQLite cannot
// change in WAL mode.
func TestPageSize(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	pages := func(s *Store) int {
		var n int
		if err := s.rdb.QueryRowContext(ctx, "PRAGMA page_size").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	s, err := Open(ctx, filepath.Join(dir, "new.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := pages(s); got != pageSize {
		t.Errorf("new store: %d-byte pages, want %d", got, pageSize)
	}
	s.Close()
	old := filepath.Join(dir, "old.db")
	db, err := sql.Open("sqlite", "file:"+old+"?_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE made_before (x INTEGER)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err = Open(ctx, old, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := pages(s); got != 4096 {
		t.Errorf("store made before: %d-byte pages, want 4096 kept", got)
	}
}
