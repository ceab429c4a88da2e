package tally_test

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/mandate-project/mandate/services/tally/internal/sqlitestore"
	"github.com/mandate-project/mandate/services/tally/internal/storetest"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// TestReadsTakeNoWriterLock: the totals of a unit above the stations and a
// contest's status are answered while the writer holds the election's lock
// (a landing in progress), from the published view, with what the last
// landing published.
func TestReadsTakeNoWriterLock(t *testing.T) {
	ctx := context.Background()
	svc := definedService(t)
	for _, s := range []tally.Submission{storetest.Sub("list", "n1", 10, 300, 200, 100), storetest.Sub("list", "s1", 0, 50, 50, 50)} {
		if _, err := svc.Submit(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	release, err := tally.HoldWriterLock(svc, "test-2024")
	if err != nil {
		t.Fatal(err)
	}
	type read struct {
		t   tally.Totals
		err error
	}
	reads := []string{"", "nation", "north", "south"}
	done := make(chan read, len(reads))
	status := make(chan tally.ContestStatus, 1)
	go func() {
		for _, u := range reads {
			tt, err := svc.Totals(ctx, "test-2024", "list", u)
			done <- read{tt, err}
		}
		cs, _ := svc.GetContestStatus(ctx, "test-2024", "list")
		status <- cs
	}()
	wantValid := map[string]int64{"": 750, "nation": 750, "north": 600, "south": 150}
	for _, u := range reads {
		select {
		case r := <-done:
			if r.err != nil || r.t.ResultsVersion != 2 || r.t.Valid != wantValid[u] {
				t.Errorf("Totals(%q) under the writer's lock = %+v, %v", u, r.t, r.err)
			}
		case <-time.After(30 * time.Second):
			release()
			t.Fatalf("Totals(%q) waited for the writer's lock", u)
		}
	}
	select {
	case cs := <-status:
		if cs.ResultsVersion != 2 || cs.StationsReporting != 2 || cs.StationsTotal != 5 {
			t.Errorf("GetContestStatus under the writer's lock = %+v", cs)
		}
	case <-time.After(30 * time.Second):
		release()
		t.Fatal("GetContestStatus waited for the writer's lock")
	}
	release()
}

// definedService is a tally on a fresh SQLite store with storetest's
// election defined; both are closed when the test ends.
func definedService(t *testing.T) *tally.Service {
	t.Helper()
	ctx := context.Background()
	st, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "t.db"), sqlitestore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return definedServiceOn(t, st)
}

// definedServiceOn is a Service of st with the fixture's election defined.
func definedServiceOn(t *testing.T, st tally.Store) *tally.Service {
	t.Helper()
	ctx := context.Background()
	svc, err := tally.NewService(ctx, st, storetest.NewClock().Now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	if _, err := svc.DefineElection(ctx, storetest.Election()); err != nil {
		t.Fatal(err)
	}
	return svc
}

// BenchmarkNationalRead measures what a national GetTotals costs the tally
// (docs/performance.md): the totals from the view, and the checkpoint of
// their log size when it is not yet cached (signed on the read, its tree
// hash read from the store), which during ingest is most reads.
func BenchmarkNationalRead(b *testing.B) {
	ctx := context.Background()
	st, err := sqlitestore.Open(ctx, filepath.Join(b.TempDir(), "t.db"), sqlitestore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	svc, err := tally.NewService(ctx, st, storetest.NewClock().Now)
	if err != nil {
		b.Fatal(err)
	}
	defer svc.Close()
	if _, err := svc.DefineElection(ctx, storetest.Election()); err != nil {
		b.Fatal(err)
	}
	// Ten protocols: with the definition, eleven leaves, more checkpoints
	// than the Log keeps.
	for st := range storetest.Registered {
		for _, s := range []tally.Submission{storetest.Sub("list", st, 0, 10, 20, 30), storetest.Sub("mayor", st, 0, 10, 20)} {
			if _, err := svc.Submit(ctx, s); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("totals", func(b *testing.B) {
		for b.Loop() {
			if _, err := svc.Totals(ctx, "test-2024", "list", ""); err != nil {
				b.Fatal(err)
			}
		}
	})
	// Checkpoints of the log's sizes in turn, each signed once: a read
	// after every landing.
	size, err := svc.Log().LogSize(ctx, "test-2024")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("checkpoint-uncached", func(b *testing.B) {
		n := int64(0)
		for b.Loop() {
			n = n%size + 1
			if _, err := svc.Log().Checkpoint(ctx, "test-2024", n); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestExportsOneAtATime: an export waits for the one running (an export
// holds an election's protocols in memory), until its caller's deadline,
// and runs when the first is done.
func TestExportsOneAtATime(t *testing.T) {
	ctx := context.Background()
	svc := definedService(t)
	if _, err := svc.Submit(ctx, storetest.Sub("list", "s1", 0, 50, 50, 50)); err != nil {
		t.Fatal(err)
	}
	release := tally.HoldExport(svc)
	short, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	var buf bytes.Buffer
	if err := svc.Export(short, "test-2024", &buf); !errors.Is(err, context.DeadlineExceeded) || buf.Len() > 0 {
		t.Errorf("an export while another runs: %v, %d bytes written; want it to wait until its deadline", err, buf.Len())
	}
	done := make(chan error, 1)
	go func() { done <- svc.Export(ctx, "test-2024", &buf) }()
	select {
	case err := <-done:
		t.Fatalf("an export ran while another did (%v)", err)
	case <-time.After(100 * time.Millisecond):
	}
	release()
	if err := <-done; err != nil || buf.Len() == 0 {
		t.Errorf("the export after the first: %v, %d bytes", err, buf.Len())
	}
}
