package sqlitestore

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestPagesAndJournals: a new store has 16 KiB pages, and its writer keeps
// statement journals in memory and checkpoints the log every walPages
// pages; a store made before with SQLite's 4 KiB pages keeps them and
// opens as before (decision 106).
func TestPagesAndJournals(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	old := filepath.Join(dir, "old.db")
	db, err := sql.Open("sqlite", "file:"+old+"?_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE before (x)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, tc := range []struct {
		path string
		page int
	}{{filepath.Join(dir, "new.db"), pageSize}, {old, 4096}} {
		s, err := Open(ctx, tc.path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var page, temp, wal int
		if err := s.rdb.QueryRowContext(ctx, "PRAGMA page_size").Scan(&page); err != nil || page != tc.page {
			t.Errorf("%s: page size %d, %v; want %d", filepath.Base(tc.path), page, err, tc.page)
		}
		if err := s.enqueue(ctx, &job{fn: func(w *writer) error {
			if err := w.conn.QueryRowContext(ctx, "PRAGMA temp_store").Scan(&temp); err != nil {
				return err
			}
			return w.conn.QueryRowContext(ctx, "PRAGMA wal_autocheckpoint").Scan(&wal)
		}}); err != nil {
			t.Fatal(err)
		}
		if temp != 2 || wal != walPages {
			t.Errorf("%s: writer's temp_store %d (2 is MEMORY), wal_autocheckpoint %d; want 2, %d", filepath.Base(tc.path), temp, wal, walPages)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
