package replicatest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/mandate-project/mandate/services/tally/internal/storetest"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// importBatch is the batch of RunSameFile's imports: the API's
// (tallyapi.importBatch).
const importBatch = 2000

// MaxLag bounds how long after the later import ends either replica may
// still serve totals short of the other's writes (issue 14 item 3: a
// replica served stale totals for 80-100 s).
const MaxLag = 20 * time.Second

// RunSameFile has two replicas on a and b import the same file of stations
// originals at once, in the same order and the same batches, as two tallyd
// given one file by two operators would. Every protocol must be accepted
// exactly once (by one replica; a replay on the other), both replicas must
// reach the last results version within MaxLag of the later import's end,
// and both must report totals equal to the sum of the file, made here
// without the Service. It logs each import's time and its slowest batch.
// RunSameFile closes neither store.
func RunSameFile(t *testing.T, a, b tally.Store, stations int) {
	ctx := context.Background()
	e := storetest.Election()
	file := make([]tally.Submission, stations)
	votes, lines := map[string]int64{}, map[string]int64{}
	for i := range stations {
		u := tally.Unit{ID: station(i), Parent: "north", Name: station(i), Level: tally.LevelStation, Registered: 1000}
		if i%2 == 1 {
			u.Parent = "south"
		}
		e.Units = append(e.Units, u)
		s := sub(i, "orig")
		file[i] = s
		for id, n := range s.Votes {
			votes[id] += n
		}
		for id, n := range s.Lines {
			lines[id] += n
		}
	}
	var svcs [2]*tally.Service
	for k, st := range []tally.Store{a, b} {
		svc, err := tally.NewServiceWith(ctx, st, tally.ServiceOptions{Now: storetest.NewClock().Now, Follow: follow})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(svc.Close)
		svcs[k] = svc
	}
	if _, err := svcs[0].DefineElection(ctx, e); err != nil {
		t.Fatal(err)
	}
	// B learns of the election from the store before it imports.
	for deadline := time.Now().Add(MaxLag); ; time.Sleep(follow) {
		if _, err := svcs[1].GetContestStatus(ctx, "test-2024", "list"); err == nil {
			break
		} else if time.Now().After(deadline) {
			t.Fatalf("replica B does not see the election: %v", err)
		}
	}

	type outcome struct {
		fresh, replayed int
		took, slowest   time.Duration
		err             error
	}
	var out [2]outcome
	var wg sync.WaitGroup
	start := time.Now()
	for k, svc := range svcs {
		wg.Go(func() {
			o := &out[k]
			for from := 0; from < len(file); from += importBatch {
				t0 := time.Now()
				res, err := svc.Import(ctx, file[from:min(from+importBatch, len(file))])
				o.slowest = max(o.slowest, time.Since(t0))
				if err != nil {
					o.err = fmt.Errorf("batch at %d: %w", from, err)
					return
				}
				for i, r := range res {
					switch {
					case r.Err != nil:
						o.err = fmt.Errorf("%s: %w", file[from+i].Station, r.Err)
						return
					case r.Receipt.Replayed:
						o.replayed++
					default:
						o.fresh++
					}
				}
			}
			o.took = time.Since(start)
		})
	}
	wg.Wait()
	imported := time.Since(start)
	for k, o := range out {
		if o.err != nil {
			t.Fatalf("replica %d: %v", k, o.err)
		}
		t.Logf("replica %d: imported %d stations in %v (%d accepted, %d replays), slowest batch of %d %v",
			k, stations, o.took.Round(time.Millisecond), o.fresh, o.replayed, importBatch, o.slowest.Round(time.Millisecond))
	}
	if f := out[0].fresh + out[1].fresh; f != stations || out[0].replayed+out[1].replayed != stations {
		t.Errorf("accepted %d+%d, replayed %d+%d; want %d of each in all", out[0].fresh, out[1].fresh,
			out[0].replayed, out[1].replayed, stations)
	}

	// Both reach the last version within MaxLag of the end.
	for k, svc := range svcs {
		for {
			st, err := svc.GetContestStatus(ctx, "test-2024", "list")
			if err != nil {
				t.Fatal(err)
			}
			if st.ResultsVersion == int64(stations) {
				break
			}
			if st.ResultsVersion > int64(stations) || time.Since(start) > imported+MaxLag {
				t.Fatalf("replica %d at results version %d %v after the imports ended, want %d within %v",
					k, st.ResultsVersion, time.Since(start)-imported, stations, MaxLag)
			}
			time.Sleep(follow)
		}
	}
	t.Logf("both replicas at results version %d %v after the later import ended", stations,
		(time.Since(start) - imported).Round(time.Millisecond))

	// Totals: identical, and the sum of the file.
	for k, tt := range checkSums(ctx, t, svcs[:], votes, lines, "the file sums to") {
		if tt.StationsReporting != stations {
			t.Errorf("replica %d: %d stations reporting, want %d", k, tt.StationsReporting, stations)
		}
	}
}
