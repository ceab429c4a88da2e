package tally_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/mandate-project/mandate/services/tally/internal/sqlitestore"
	"github.com/mandate-project/mandate/services/tally/internal/storetest"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// TestCheckpointsSignedOffTheReadPath: once checkpoints are being read,
// the log size each landing publishes is signed by the Log's signer, so
// the next reader finds it signed (the same checkpoint it would sign);
// while nobody reads, landings sign nothing.
func TestCheckpointsSignedOffTheReadPath(t *testing.T) {
	ctx := context.Background()
	st, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "t.db"), sqlitestore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc, err := tally.NewServiceWith(ctx, st, tally.ServiceOptions{Now: storetest.NewClock().Now, CheckpointEvery: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	if _, err := svc.DefineElection(ctx, storetest.Election()); err != nil {
		t.Fatal(err)
	}
	national := func() tally.Totals {
		t.Helper()
		tt, err := svc.Totals(ctx, "test-2024", "list", "")
		if err != nil {
			t.Fatal(err)
		}
		return tt
	}
	submit := func(s tally.Submission) {
		t.Helper()
		if _, err := svc.Submit(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	// Nobody reads checkpoints yet: the landing signs nothing.
	submit(storetest.Sub("list", "n1", 10, 300, 200, 100))
	first := national()
	time.Sleep(200 * time.Millisecond)
	if tally.CheckpointCached(svc, "test-2024", first.LogSize) {
		t.Fatalf("size %d signed though no one read a checkpoint", first.LogSize)
	}
	if _, ok, err := svc.Log().TotalsCheckpoint(ctx, first); err != nil || !ok {
		t.Fatalf("TotalsCheckpoint = %v, %v", ok, err)
	}
	// Now someone reads: the next landing's size is signed without a reader.
	submit(storetest.Sub("list", "s1", 0, 50, 50, 50))
	second := national()
	if second.LogSize <= first.LogSize {
		t.Fatalf("log size %d after %d", second.LogSize, first.LogSize)
	}
	deadline := time.Now().Add(30 * time.Second)
	for !tally.CheckpointCached(svc, "test-2024", second.LogSize) {
		if time.Now().After(deadline) {
			t.Fatalf("size %d not signed by the signer", second.LogSize)
		}
		time.Sleep(time.Millisecond)
	}
	got, ok, err := svc.Log().TotalsCheckpoint(ctx, second)
	if err != nil || !ok {
		t.Fatalf("TotalsCheckpoint = %v, %v", ok, err)
	}
	want, err := svc.Log().Checkpoint(ctx, "test-2024", second.LogSize)
	if err != nil || string(got.Note) != string(want.Note) {
		t.Errorf("presigned checkpoint %q, signed on request %q (%v)", got.Note, want.Note, err)
	}
}
