package sqlitestore

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mandate-project/mandate/services/tally/internal/storetest"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// checkpointStore opens a store whose checkpointer runs a round every
// `every` pages, with the fixture's election and n more stations.
func checkpointStore(t *testing.T, every, n int) (*Store, string) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tally.db")
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.ckpt.every = every // before the first commit, which the writer's queue orders after this
	if err := s.CreateElection(ctx, storetest.Election(), storetest.Note(tallylog.KindElection, "created")); err != nil {
		t.Fatal(err)
	}
	var units []tally.Unit
	for i := range n {
		id := fmt.Sprintf("u%05d", i)
		units = append(units, tally.Unit{ID: id, Parent: "south", Name: id, Level: tally.LevelStation, Registered: 100})
	}
	if _, err := s.AddUnits(ctx, "test-2024", units, time.Unix(0, 0), storetest.Note(tallylog.KindUnits, "units")); err != nil {
		t.Fatal(err)
	}
	return s, path
}

// appendStations appends originals for stations from..to-1 in batches of
// 100 and returns the longest AppendProtocols call.
func appendStations(t *testing.T, s *Store, from, to int) time.Duration {
	t.Helper()
	var longest time.Duration
	for lo := from; lo < to; lo += 100 {
		var batch []tally.ProtocolVersion
		for i := lo; i < min(lo+100, to); i++ {
			batch = append(batch, storetest.Version(storetest.Sub("list", fmt.Sprintf("u%05d", i), 0, int64(i%7), 2, 3), time.Unix(0, 0)))
		}
		start := time.Now()
		res, err := s.AppendProtocols(context.Background(), batch)
		longest = max(longest, time.Since(start))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res {
			if r.Err != nil {
				t.Fatal(r.Err)
			}
		}
	}
	return longest
}

// settledRounds waits until no round is asked for or running, and
// returns how many completed.
func settledRounds(s *Store) int64 {
	for range 500 {
		if s.ckpt.pending.Load() == 0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	return s.ckpt.rounds.Load()
}

func walSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// TestCheckpointerBoundsTheLog: with the writer's own checkpoint far off
// (autoCheckpointPages), the checkpointer's rounds keep the log file near
// `every` pages while protocols are written without pause; with rounds
// too rare to run, the same writes leave it several times larger.
func TestCheckpointerBoundsTheLog(t *testing.T) {
	const stations = 3000
	grown := func(every int) (int64, int64) {
		s, path := checkpointStore(t, every, stations)
		appendStations(t, s, 0, stations)
		return walSize(t, path), settledRounds(s)
	}
	unbounded, none := grown(autoCheckpointPages)
	bounded, rounds := grown(8)
	t.Logf("log file: %d bytes without rounds (%d), %d bytes with %d rounds", unbounded, none, bounded, rounds)
	if none != 0 || rounds < 3 {
		t.Fatalf("rounds: %d with every=autoCheckpointPages, %d with every=8; want 0 and at least 3", none, rounds)
	}
	if bounded*3 > unbounded {
		t.Errorf("log file %d bytes with rounds, %d without: want under a third", bounded, unbounded)
	}
}

// TestCheckpointerWaitsLittleForReaders: a reader holding an old snapshot
// keeps a round from restarting the log, but the writer waits for it at
// most about checkpointWait each round, never the store's busy timeout;
// once the reader is done, the next round completes.
func TestCheckpointerWaitsLittleForReaders(t *testing.T) {
	s, _ := checkpointStore(t, 8, 2000)
	ctx := context.Background()
	appendStations(t, s, 0, 500)
	before := settledRounds(s)
	reader, err := s.rdb.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	if _, err := reader.ExecContext(ctx, "BEGIN"); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := reader.QueryRowContext(ctx, "SELECT count(*) FROM protocols").Scan(&n); err != nil || n != 500 {
		t.Fatalf("reader's snapshot: %d protocols, %v", n, err)
	}
	longest := appendStations(t, s, 500, 1500)
	if got := settledRounds(s); got != before {
		t.Errorf("%d rounds completed while a reader held an older snapshot", got-before)
	}
	if longest > time.Second {
		t.Errorf("a batch took %v while a round waited for the reader: want about %d ms at most", longest, checkpointWait)
	}
	if _, err := reader.ExecContext(ctx, "COMMIT"); err != nil {
		t.Fatal(err)
	}
	appendStations(t, s, 1500, 2000)
	if settledRounds(s) == before {
		t.Error("no round completed after the reader was done")
	}
}
