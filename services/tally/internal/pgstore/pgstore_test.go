package pgstore_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mandate-project/mandate/services/platform/testsupport"
	"github.com/mandate-project/mandate/services/tally/internal/pgstore"
	"github.com/mandate-project/mandate/services/tally/internal/replicatest"
	"github.com/mandate-project/mandate/services/tally/internal/storetest"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// The run's database: created by TestMain from MANDATE_TEST_POSTGRES_URL,
// dropped at the end. Each store gets a schema of its own in it.
var (
	dbURL   string        // "" when the tests skip
	skipWhy string        // why they skip
	admin   *pgxpool.Pool // on dbURL, to create schemas
	schemas atomic.Int64
)

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	base, why := testsupport.PostgresUnavailable()
	if why != "" {
		skipWhy = why
		return m.Run()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		skipWhy = fmt.Sprintf("PostgreSQL tests skipped: MANDATE_TEST_POSTGRES_URL unreachable: %v", err)
		return m.Run()
	}
	defer conn.Close(context.Background())
	name := "mandate_test_" + randomHex()
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		fmt.Fprintf(os.Stderr, "create test database: %v\n", err)
		return 1
	}
	defer func() {
		if admin != nil {
			admin.Close()
		}
		if _, err := conn.Exec(context.Background(), "DROP DATABASE "+name+" WITH (FORCE)"); err != nil {
			fmt.Fprintf(os.Stderr, "drop test database %s: %v\n", name, err)
		}
	}()
	u, err := url.Parse(base)
	if err != nil {
		fmt.Fprintf(os.Stderr, "MANDATE_TEST_POSTGRES_URL: %v\n", err)
		return 1
	}
	u.Path = "/" + name
	dbURL = u.String()
	if admin, err = pgxpool.New(ctx, dbURL); err != nil {
		fmt.Fprintf(os.Stderr, "connect to the test database: %v\n", err)
		return 1
	}
	return m.Run()
}

func randomHex() string {
	b := make([]byte, 6)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// freshURL returns the URL of a new, empty schema, or skips the test
// without PostgreSQL.
func freshURL(t testing.TB) string {
	t.Helper()
	if dbURL == "" {
		testsupport.Skip(t, testsupport.Postgres, "%s", skipWhy)
	}
	schema := fmt.Sprintf("s%d", schemas.Add(1))
	if _, err := admin.Exec(context.Background(), "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(dbURL)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func open(t testing.TB, url string) *pgstore.Store {
	t.Helper()
	st, err := pgstore.Open(context.Background(), url, pgstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) tally.Store { return open(t, freshURL(t)) })
}

// TestMigrate starts several stores on one empty schema at once: the
// advisory lock lets one migrate and the others find the schema ready.
func TestMigrate(t *testing.T) {
	ctx := context.Background()
	u := freshURL(t)
	var wg sync.WaitGroup
	stores := make([]*pgstore.Store, 4)
	errs := make([]error, len(stores))
	for i := range stores {
		wg.Go(func() { stores[i], errs[i] = pgstore.Open(ctx, u, pgstore.Options{}) })
	}
	wg.Wait()
	// The newest version is the number of the last migration file.
	files, err := filepath.Glob("migrations/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("migrations: %v, %v", files, err)
	}
	latest := len(files)
	for i, st := range stores {
		if errs[i] != nil {
			t.Fatalf("Open %d: %v", i, errs[i])
		}
		if v, err := st.SchemaVersion(ctx); err != nil || v != latest {
			t.Errorf("store %d: schema version %d, %v", i, v, err)
		}
		st.Close()
	}
	if err := stores[0].Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := stores[0].AppendProtocols(ctx, []tally.ProtocolVersion{{Election: "x"}}); err == nil {
		t.Error("append after Close accepted")
	}
	if _, err := pgstore.Open(ctx, "postgres://%zz", pgstore.Options{}); err == nil {
		t.Error("bad URL accepted")
	}
}

// TestVersionsVisibleInOrder is the reason for the election lock: writers
// on two store handles append concurrently while a reader asks for the
// changes after the last one it saw. If a results version could become
// visible before a lower one, the reader would skip the lower one for good.
func TestVersionsVisibleInOrder(t *testing.T) {
	ctx := context.Background()
	u := freshURL(t)
	stores := []*pgstore.Store{open(t, u), open(t, u)}
	defer stores[0].Close()
	defer stores[1].Close()
	e := storetest.Election()
	const n = 600
	for i := range n {
		id := fmt.Sprintf("v%04d", i)
		e.Units = append(e.Units, tally.Unit{ID: id, Parent: "north", Name: id, Level: tally.LevelStation, Registered: 1000})
	}
	if err := stores[0].CreateElection(ctx, e, storetest.Note("election", "created")); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2024, 3, 17, 21, 0, 0, 0, time.UTC)
	done := make(chan struct{})
	var wg sync.WaitGroup
	var next atomic.Int64
	for w := range 16 {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				s := storetest.Sub("list", "n1", 0, 1, 2, 3)
				s.Station, s.IdempotencyKey = fmt.Sprintf("v%04d", i), fmt.Sprintf("k%d", i)
				v := storetest.Version(s, at)
				res, err := stores[w%2].AppendProtocols(ctx, []tally.ProtocolVersion{v})
				if err != nil || res[0].Err != nil {
					t.Errorf("append %d: %v %+v", i, err, res)
					return
				}
			}
		})
	}
	go func() { wg.Wait(); close(done) }()
	var last int64
	finished := false
	for !finished {
		select {
		case <-done:
			finished = true // one more read after the last commit
		default:
		}
		chs, err := stores[1].Changes(ctx, "test-2024", last, 1000)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range chs {
			if c.ResultsVersion != last+1 {
				t.Fatalf("after %d the reader saw %d", last, c.ResultsVersion)
			}
			last = c.ResultsVersion
		}
	}
	if last != n {
		t.Fatalf("reader saw up to %d, want %d", last, n)
	}
}

// TestPhaseChangedElsewhere: a store decides a batch with the phase it saw
// last; when another handle changed it meanwhile, the batch is decided
// again with the phase the database has.
func TestPhaseChangedElsewhere(t *testing.T) {
	ctx := context.Background()
	u := freshURL(t)
	a, b := open(t, u), open(t, u)
	defer a.Close()
	defer b.Close()
	if err := a.CreateElection(ctx, storetest.Election(), storetest.Note("election", "created")); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2024, 3, 17, 21, 0, 0, 0, time.UTC)
	version := func(s tally.Submission) tally.ProtocolVersion { return storetest.Version(s, at) }
	n1 := storetest.Sub("list", "n1", 0, 1, 2, 3)
	recount := storetest.Correct(storetest.Sub("list", "n1", 0, 2, 2, 3), 1, "recounted")
	recount.Kind = tally.Recount
	for _, tc := range []struct {
		name    string
		phase   tally.Phase // set through b first (unspecified: none)
		sub     tally.Submission
		wantErr error
		wantRV  int64
	}{
		{"counting", tally.PhaseUnspecified, n1, nil, 1},
		{"certified elsewhere", tally.PhaseCertified, storetest.Sub("list", "n2", 0, 4, 5, 6), tally.ErrFailedPrecondition, 0},
		{"recount opened elsewhere", tally.PhaseRecount, recount, nil, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.phase != tally.PhaseUnspecified {
				if _, err := b.SetPhase(ctx, "test-2024", "list", tc.phase, tc.name, at, storetest.Note("phase", tc.name)); err != nil {
					t.Fatal(err)
				}
			}
			res, err := a.AppendProtocols(ctx, []tally.ProtocolVersion{version(tc.sub)})
			if err != nil {
				t.Fatal(err)
			}
			if !errors.Is(res[0].Err, tc.wantErr) || res[0].Stored.ResultsVersion != tc.wantRV {
				t.Fatalf("got %+v, want error %v, results version %d", res[0], tc.wantErr, tc.wantRV)
			}
		})
	}
}

// TestReplaysTakeNoLock: a batch whose keys are all stored is answered
// (replays, and a conflict for a key reused with other content) while
// another transaction holds the election's row lock, which every writer
// takes. Before issue 14 item 3 was fixed, such a batch queued for the
// lock behind the other importer's batches, and then held it while it
// refused itself row by row.
func TestReplaysTakeNoLock(t *testing.T) {
	ctx := context.Background()
	u := freshURL(t)
	st := open(t, u)
	defer st.Close()
	if err := st.CreateElection(ctx, storetest.Election(), storetest.Note("election", "created")); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2024, 3, 17, 21, 0, 0, 0, time.UTC)
	var batch []tally.ProtocolVersion
	for _, id := range []string{"n1", "n2", "s1"} {
		batch = append(batch, storetest.Version(storetest.Sub("list", id, 0, 1, 2, 3), at))
	}
	if res, err := st.AppendProtocols(ctx, batch); err != nil || res[2].Err != nil {
		t.Fatalf("first import: %v, %v", res, err)
	}
	other := storetest.Version(storetest.Sub("list", "n2", 0, 9, 9, 9), at)
	other.IdempotencyKey = batch[0].IdempotencyKey
	again := append(slices.Clone(batch), other)

	conn, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT FROM elections WHERE id = 'test-2024' FOR UPDATE`); err != nil {
		t.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	res, err := st.AppendProtocols(wctx, again)
	if err != nil {
		t.Fatalf("replays under another writer's lock: %v", err)
	}
	for i, r := range res[:3] {
		if !r.Replayed || r.Stored.ResultsVersion != int64(i+1) {
			t.Errorf("item %d: %+v, want a replay of results version %d", i, r, i+1)
		}
	}
	if !errors.Is(res[3].Err, tally.ErrConflict) {
		t.Errorf("key reused with other content: %+v, want ErrConflict", res[3])
	}
}

// TestBulk: a batch of distinct originals is inserted by one statement;
// when a row of it is refused, the batch is decided item by item, with the
// same outcome.
func TestBulk(t *testing.T) {
	ctx := context.Background()
	st := open(t, freshURL(t))
	defer st.Close()
	e := storetest.Election()
	const n = 100
	for i := range n {
		id := fmt.Sprintf("b%03d", i)
		e.Units = append(e.Units, tally.Unit{ID: id, Parent: "south", Name: id, Level: tally.LevelStation, Registered: 1000})
	}
	if err := st.CreateElection(ctx, e, storetest.Note("election", "created")); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2024, 3, 17, 21, 0, 0, 0, time.UTC)
	batch := func(from, to int) []tally.ProtocolVersion {
		var out []tally.ProtocolVersion
		for i := from; i < to; i++ {
			s := storetest.Sub("list", "n1", int64(i%3), 10, int64(i), 30)
			s.Station, s.IdempotencyKey = fmt.Sprintf("b%03d", i), fmt.Sprintf("key-%d", i)
			out = append(out, storetest.Version(s, at))
		}
		return out
	}
	for _, tc := range []struct {
		name       string
		items      []tally.ProtocolVersion
		replayed   map[int]bool
		firstNewRV int64
	}{
		{"all new", batch(0, 40), nil, 1},
		{"one replay in the middle", append(append(batch(40, 60), batch(5, 6)...), batch(60, 80)...), map[int]bool{20: true}, 41},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := st.AppendProtocols(ctx, tc.items)
			if err != nil {
				t.Fatal(err)
			}
			rv := tc.firstNewRV
			for i, r := range res {
				switch {
				case r.Err != nil:
					t.Fatalf("item %d: %v", i, r.Err)
				case r.Replayed != tc.replayed[i]:
					t.Fatalf("item %d replayed %v", i, r.Replayed)
				case r.Replayed:
					continue
				case r.Stored.ResultsVersion != rv:
					t.Fatalf("item %d: results version %d, want %d", i, r.Stored.ResultsVersion, rv)
				}
				rv++
			}
		})
	}
	vs, err := st.ProtocolsAfter(ctx, "test-2024", 0, 1000, 1000)
	if err != nil || len(vs) != 80 || vs[79].ResultsVersion != 80 || vs[50].Votes["B"] != 50 {
		t.Fatalf("stored %d versions, %v", len(vs), err)
	}
}

// TestReplicas is the acceptance test of several tallies on one database:
// two replicas, 10,000 protocol versions submitted to both at once.
func TestReplicas(t *testing.T) {
	u := freshURL(t)
	a, b := open(t, u), open(t, u)
	// Cleanups run last first: the replicas stop before their stores close.
	t.Cleanup(func() { a.Close(); b.Close() })
	n := 10_000
	if testing.Short() {
		n = 1_000
	}
	replicatest.Run(t, a, b, n)
}

// TestReplicasImportSameFile: two replicas import the same 20,000 stations
// at once (issue 14 item 3: a replica stalled for ~100 s when two tallyd
// imported the same data); each protocol is stored once and neither lags
// more than replicatest.MaxLag. MANDATE_SAME_FILE_STATIONS sets the size.
func TestReplicasImportSameFile(t *testing.T) {
	u := freshURL(t)
	a, b := open(t, u), open(t, u)
	t.Cleanup(func() { a.Close(); b.Close() })
	n := 20_000
	if testing.Short() {
		n = 4_000
	}
	if v, err := strconv.Atoi(os.Getenv("MANDATE_SAME_FILE_STATIONS")); err == nil && v > 0 {
		n = v
	}
	replicatest.RunSameFile(t, a, b, n)
}
