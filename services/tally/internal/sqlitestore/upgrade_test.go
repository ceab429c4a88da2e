package sqlitestore_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"testing"

	"github.com/mandate-project/mandate/services/tally/form"
	"github.com/mandate-project/mandate/services/tally/internal/sqlitestore"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// TestUpgradeJSONCounts builds a store of schema 5 (counts as JSON by name)
// with the migration scripts themselves, opens it (migration 0006 rewrites
// the counts compactly) and checks every protocol and the totals come back
// identical, a name the definition does not list included.
func TestUpgradeJSONCounts(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tally.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	mustExec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	migrateTo(t, db, 5)
	def := form.Election{ID: "e", Contests: []form.Contest{{
		ID:      "list",
		Choices: []form.Choice{{ID: "ZZ"}, {ID: "AA"}, {ID: "MM"}},
		Form:    form.Form{Lines: []form.Line{{ID: "registered"}, {ID: "issued"}, {ID: "valid"}}},
	}}}
	defJSON, _ := json.Marshal(def)
	mustExec(`INSERT INTO elections (id, definition, results_version, created_at) VALUES ('e', ?, 40, 0)`, string(defJSON))
	mustExec(`INSERT INTO contests (election, id, phase) VALUES ('e', 'list', 1)`)
	mustExec(`INSERT INTO units (election, id, parent, name, level, registered) VALUES ('e', 'r', NULL, 'r', 'region', 0)`)
	want := map[string]tally.ProtocolVersion{}
	totals := map[string]int64{}
	for i := 1; i <= 40; i++ {
		st := fmt.Sprintf("s%02d", i)
		if i <= 20 {
			mustExec(`INSERT INTO units (election, id, parent, name, level, registered) VALUES ('e', ?, 'r', ?, 'station', 1000)`, st, st)
		} else {
			st = fmt.Sprintf("s%02d", i-20) // a correction of an earlier station
		}
		lines := map[string]int64{"registered": 1000, "issued": int64(500 + i), "valid": int64(490 + i)}
		if i%7 == 0 {
			lines["unlisted_line"] = int64(-i) // not in the definition: kept by name
		}
		votes := map[string]int64{"ZZ": int64(i), "AA": int64(3 * i), "MM": 0}
		if i == 13 {
			votes = map[string]int64{} // no votes at all stays no votes
		}
		lj, _ := json.Marshal(lines)
		vj, _ := json.Marshal(votes)
		version := 1
		if i > 20 {
			version = 2
		}
		key := fmt.Sprintf("k%d", i)
		mustExec(`INSERT INTO protocols (election, contest, station, version, results_version, kind, idempotency_key,
			content_hash, lines, votes, warnings, reason, submitter, submitted_at, log_index)
			VALUES ('e', 'list', ?, ?, ?, 1, ?, 'h', ?, ?, '', '', 'op', 0, NULL)`,
			st, version, i, key, string(lj), string(vj))
		want[key] = tally.ProtocolVersion{Lines: lines, Votes: votes}
		for k, v := range lines {
			totals["line "+k] += v
		}
		for k, v := range votes {
			totals["vote "+k] += v
		}
	}
	db.Close()

	s, err := sqlitestore.Open(ctx, path, sqlitestore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.SchemaVersion(ctx); err != nil || v < 6 {
		t.Fatalf("schema %d, %v", v, err)
	}
	got := map[string]int64{}
	n := 0
	err = s.ScanProtocols(ctx, "e", func(v tally.ProtocolVersion) error {
		n++
		w := want[v.IdempotencyKey]
		if !maps.Equal(v.Lines, w.Lines) || !maps.Equal(v.Votes, w.Votes) || v.Votes == nil {
			return fmt.Errorf("%s: lines %v votes %v; want %v %v", v.IdempotencyKey, v.Lines, v.Votes, w.Lines, w.Votes)
		}
		for k, c := range v.Lines {
			got["line "+k] += c
		}
		for k, c := range v.Votes {
			got["vote "+k] += c
		}
		return nil
	})
	if err != nil || n != 40 {
		t.Fatalf("%d protocols, %v", n, err)
	}
	if !maps.Equal(got, totals) {
		t.Fatalf("totals %v, want %v", got, totals)
	}
}

// TestUpgradeLogWithoutRowid builds a store of schema 6 with the migration
// scripts, its log in the rowid table, opens it (migration 0007 moves the
// log into a table keyed by (election, idx)) and reads every leaf and its
// hashes back unchanged.
func TestUpgradeLogWithoutRowid(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tally.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	mustExec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	migrateTo(t, db, 6)
	def, _ := json.Marshal(form.Election{ID: "e"})
	const size = 300
	mustExec(`INSERT INTO elections (id, definition, results_version, created_at) VALUES ('e', ?, 0, 0)`, string(def))
	mustExec(`INSERT INTO elections (id, definition, results_version, created_at) VALUES ('f', ?, 0, 0)`, string(def))
	leaf := func(e string, i int) []byte { return []byte(fmt.Sprintf(`{"sequence":%d,"election":%q}`, i, e)) }
	hashes := func(e string, i int) []byte { return []byte(fmt.Sprintf("%-32s", fmt.Sprint(e, i))) }
	// The two elections' leaves interleaved, as two logs written at once
	// leave them in rowid order.
	mustExec(`BEGIN`)
	for i := range size {
		for _, e := range []string{"e", "f"} {
			mustExec(`INSERT INTO log_entries (election, idx, leaf, hashes) VALUES (?, ?, ?, ?)`, e, i, leaf(e, i), hashes(e, i))
		}
	}
	mustExec(`COMMIT`)
	db.Close()

	s, err := sqlitestore.Open(ctx, path, sqlitestore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.SchemaVersion(ctx); err != nil || v < 7 {
		t.Fatalf("schema %d, %v", v, err)
	}
	for _, e := range []string{"e", "f"} {
		n := 0
		err := s.ReadLeaves(ctx, e, 0, size, func(i int64, got []byte) error {
			if int(i) != n || string(got) != string(leaf(e, n)) {
				return fmt.Errorf("leaf %d: %q, want leaf %d %q", i, got, n, leaf(e, n))
			}
			n++
			return nil
		})
		if err != nil || n != size {
			t.Fatalf("%s: %d leaves, %v", e, n, err)
		}
	}
	// The table itself: every leaf's hashes kept, and no index besides the
	// key (pragma_index_list lists a WITHOUT ROWID table's key as "pk").
	ro, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	var wrong, indexes int
	for i := range size {
		for _, e := range []string{"e", "f"} {
			var h []byte
			if err := ro.QueryRowContext(ctx, `SELECT hashes FROM log_entries WHERE election = ? AND idx = ?`, e, i).Scan(&h); err != nil || string(h) != string(hashes(e, i)) {
				wrong++
			}
		}
	}
	if wrong > 0 {
		t.Errorf("%d leaves lost their hashes", wrong)
	}
	if err := ro.QueryRowContext(ctx, `SELECT count(*) FROM pragma_index_list('log_entries') WHERE origin != 'pk'`).Scan(&indexes); err != nil || indexes != 0 {
		t.Errorf("log_entries has %d indexes besides its key (%v)", indexes, err)
	}
	var withoutRowid int
	if err := ro.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE name = 'log_entries' AND sql LIKE '%WITHOUT ROWID%'`).Scan(&withoutRowid); err != nil || withoutRowid != 1 {
		t.Errorf("log_entries is not WITHOUT ROWID (%v)", err)
	}
}

// migrateTo builds schema version (an empty database) with the migration
// scripts themselves, recording each as the store does.
func migrateTo(t *testing.T, db *sql.DB, version int) {
	t.Helper()
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, `CREATE TABLE schema_version (version INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	for v := 1; v <= version; v++ {
		names, _ := filepath.Glob(fmt.Sprintf("migrations/%04d_*.sql", v))
		if len(names) != 1 {
			t.Fatalf("migration %d: %v", v, names)
		}
		script, err := os.ReadFile(names[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.ExecContext(ctx, string(script)); err != nil {
			t.Fatalf("migration %s: %v", names[0], err)
		}
		if _, err := db.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (?)`, v); err != nil {
			t.Fatal(err)
		}
	}
}
