// Package replicatest checks that tally Services sharing one database
// converge. Run drives two replicas at once, each on its own store handle,
// and compares their totals with each other and with a sum of the stored
// protocols made without the Service. Every backend that several processes
// can share calls it with two handles on one database.
package replicatest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mandate-project/mandate/services/tally/internal/storetest"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// follow is the replicas' poll interval: short, so convergence is quick.
const follow = 20 * time.Millisecond

// workers is how many goroutines submit at once.
const workers = 128

// station is the ID of the i-th generated station.
func station(i int) string { return fmt.Sprintf("r%05d", i) }

// plan says what the run sends for station i.
type plan struct {
	dup     bool // the original goes to both replicas, with one key
	correct bool // a correction follows
	rival   bool // a second correction with another key races it on the other replica
}

func planOf(i int) plan {
	return plan{dup: i%5 == 0, correct: i%4 == 1, rival: i%8 == 1}
}

// sub is station i's original ("orig") or a correction ("corr", "rival"),
// consistent with the fixture's form.
func sub(i int, kind string) tally.Submission {
	n := int64(i)
	votes := []int64{100 + n%97, 50 + n%31, 10 + n%13}
	switch kind {
	case "corr":
		votes[0]++
	case "rival":
		votes[1] += 2
	}
	s := storetest.Sub("list", "n1", n%7, votes...)
	s.Station = station(i)
	s.Lines["registered"] = 1000
	s.IdempotencyKey = kind + "/" + s.Station
	s.Submitter = "commission-" + s.Station
	if kind != "orig" {
		s.Kind, s.Replaces, s.Reason = tally.Correction, 1, kind
	}
	return s
}

// Run submits versions protocol versions (four fifths originals, one fifth
// corrections) to two replicas on a and b at once, with duplicate
// idempotency keys and racing corrections sent to both and two phase
// changes, then checks that both replicas report the same totals, equal to
// the sum of the stored protocols, and that Watch on each saw every results
// version once, in order. Run closes neither store.
func Run(t *testing.T, a, b tally.Store, versions int) {
	ctx := context.Background()
	nStations := versions * 4 / 5
	var nCorrections int
	for i := range nStations {
		if planOf(i).correct {
			nCorrections++
		}
	}
	start := time.Now()

	// Replica A defines the election with the first half of the stations;
	// B learns of it from the store and adds the second half itself.
	e := storetest.Election()
	var late []tally.Unit
	for i := range nStations {
		u := tally.Unit{ID: station(i), Parent: "north", Name: station(i), Level: tally.LevelStation, Registered: 1000}
		if i%2 == 1 {
			u.Parent = "south"
		}
		if i < nStations/2 {
			e.Units = append(e.Units, u)
		} else {
			late = append(late, u)
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
	if n, err := svcs[1].AddUnits(ctx, "test-2024", late); err != nil || n != len(late) {
		t.Fatalf("AddUnits on B: %d, %v", n, err)
	}

	// Both replicas watch from the start.
	wctx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	var watched [2][]int64
	var watchMu sync.Mutex
	var watchers sync.WaitGroup
	for k, svc := range svcs {
		watchers.Go(func() {
			err := svc.Watch(wctx, "test-2024", "", "", 0, func(cs []tally.Change) error {
				watchMu.Lock()
				defer watchMu.Unlock()
				for _, c := range cs {
					watched[k] = append(watched[k], c.ResultsVersion)
				}
				return nil
			})
			if !errors.Is(err, context.Canceled) {
				t.Errorf("Watch on replica %d: %v", k, err)
			}
		})
	}

	// Submit from many goroutines; phase changes of the other contest
	// happen on both replicas meanwhile.
	var fresh, replayed, stale atomic.Int64
	submit := func(k int, s tally.Submission) (tally.Receipt, error) {
		r, err := svcs[k].Submit(ctx, s)
		switch {
		case err == nil && r.Replayed:
			replayed.Add(1)
		case err == nil:
			fresh.Add(1)
		case errors.Is(err, tally.ErrStaleVersion):
			stale.Add(1)
		}
		return r, err
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= nStations {
					return
				}
				p, k := planOf(i), i%2
				if err := runStation(submit, i, k, p); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Go(func() {
		for next.Load() < int64(nStations/3) {
			time.Sleep(time.Millisecond)
		}
		if _, err := svcs[0].SetPhase(ctx, "test-2024", "mayor", tally.PhaseCertified, "certified"); err != nil {
			t.Error(err)
		}
		if _, err := svcs[1].SetPhase(ctx, "test-2024", "mayor", tally.PhaseCorrection, "reopened"); err != nil {
			t.Error(err)
		}
	})
	wg.Wait()
	if t.Failed() {
		return
	}
	submitted := time.Since(start)

	// Every accepted version, the two phase changes and B's batch of units.
	final := int64(nStations + nCorrections + 2 + 1)
	if got := fresh.Load(); got != int64(nStations+nCorrections) {
		t.Errorf("%d versions accepted, want %d", got, nStations+nCorrections)
	}
	var wantReplays, wantStale int64
	for i := range nStations {
		if planOf(i).dup {
			wantReplays++
		}
		if planOf(i).rival {
			wantStale++
		}
	}
	if replayed.Load() != wantReplays || stale.Load() != wantStale {
		t.Errorf("%d replayed, %d stale; want %d, %d", replayed.Load(), stale.Load(), wantReplays, wantStale)
	}

	// The poll brings each replica to the other's writes.
	deadline := time.Now().Add(30 * time.Second)
	for k, svc := range svcs {
		for {
			st, err := svc.GetContestStatus(ctx, "test-2024", "list")
			if err != nil {
				t.Fatal(err)
			}
			if st.ResultsVersion == final {
				break
			}
			if st.ResultsVersion > final || time.Now().After(deadline) {
				t.Fatalf("replica %d at results version %d, want %d", k, st.ResultsVersion, final)
			}
			time.Sleep(follow)
		}
	}
	converged := time.Since(start)

	// Both replicas agree everywhere.
	for _, c := range []string{"list", "mayor"} {
		for _, u := range []string{"", "north", "south", station(0), station(1), station(nStations - 1)} {
			ta, err := svcs[0].Totals(ctx, "test-2024", c, u)
			if err != nil {
				t.Fatal(err)
			}
			tb, err := svcs[1].Totals(ctx, "test-2024", c, u)
			if err != nil {
				t.Fatal(err)
			}
			ta.GeneratedAt, tb.GeneratedAt = time.Time{}, time.Time{}
			if !reflect.DeepEqual(ta, tb) {
				t.Errorf("%s/%q differs:\n A %+v\n B %+v", c, u, ta, tb)
			}
		}
	}
	for k, svc := range svcs {
		if st, _ := svc.GetContestStatus(ctx, "test-2024", "mayor"); st.Phase != tally.PhaseCorrection {
			t.Errorf("replica %d: mayor in phase %v, want CORRECTION", k, st.Phase)
		}
	}

	// And equal the current protocols as stored, summed here.
	cur := map[string]tally.ProtocolVersion{}
	if err := a.ScanProtocols(ctx, "test-2024", func(v tally.ProtocolVersion) error {
		if v.Version > cur[v.Station].Version {
			cur[v.Station] = v
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	votes, lines := map[string]int64{}, map[string]int64{}
	corrected := 0
	for _, v := range cur {
		for id, n := range v.Votes {
			votes[id] += n
		}
		for id, n := range v.Lines {
			lines[id] += n
		}
		if v.Version > 1 {
			corrected++
		}
	}
	for k, tt := range checkSums(ctx, t, svcs[:], votes, lines, "stored protocols sum to") {
		if tt.StationsReporting != len(cur) || len(cur) != nStations || tt.ProtocolsCorrected != corrected || corrected != nCorrections {
			t.Errorf("replica %d: %d reporting, %d corrected; stored %d stations, %d corrected; want %d, %d",
				k, tt.StationsReporting, tt.ProtocolsCorrected, len(cur), corrected, nStations, nCorrections)
		}
	}

	// Every watcher saw 1..final once, in order.
	for {
		watchMu.Lock()
		done := len(watched[0]) >= int(final) && len(watched[1]) >= int(final)
		watchMu.Unlock()
		if done || time.Now().After(deadline) {
			break
		}
		time.Sleep(follow)
	}
	stopWatch()
	watchers.Wait()
	for k, got := range watched {
		if len(got) != int(final) {
			t.Errorf("replica %d watched %d changes, want %d", k, len(got), final)
		}
		for i, v := range got {
			if v != int64(i+1) {
				t.Errorf("replica %d: change %d has results version %d", k, i, v)
				break
			}
		}
	}
	t.Logf("%d stations, %d versions (%d corrections), %d replays, %d stale: submitted in %v, converged in %v",
		nStations, nStations+nCorrections, nCorrections, replayed.Load(), stale.Load(),
		submitted.Round(time.Millisecond), converged.Round(time.Millisecond))
}

// runStation sends station i's submissions: the original to replica k (and
// to the other one too when duplicated), then its correction to the other
// replica, raced by a rival correction on replica k.
func runStation(submit func(int, tally.Submission) (tally.Receipt, error), i, k int, p plan) error {
	both := func(s1, s2 tally.Submission) (r1, r2 tally.Receipt, e1, e2 error) {
		var wg sync.WaitGroup
		wg.Go(func() { r1, e1 = submit(1-k, s1) })
		r2, e2 = submit(k, s2)
		wg.Wait()
		return
	}
	orig := sub(i, "orig")
	if p.dup {
		r1, r2, e1, e2 := both(orig, orig)
		if e1 != nil || e2 != nil || r1.ResultsVersion != r2.ResultsVersion || r1.Replayed == r2.Replayed {
			return fmt.Errorf("%s sent twice: %+v, %v / %+v, %v", orig.Station, r1, e1, r2, e2)
		}
	} else if _, err := submit(k, orig); err != nil {
		return fmt.Errorf("%s: %w", orig.Station, err)
	}
	if !p.correct {
		return nil
	}
	if !p.rival {
		if _, err := submit(1-k, sub(i, "corr")); err != nil {
			return fmt.Errorf("%s correction: %w", orig.Station, err)
		}
		return nil
	}
	r1, r2, e1, e2 := both(sub(i, "corr"), sub(i, "rival"))
	if (e1 == nil) == (e2 == nil) || !errors.Is(errors.Join(e1, e2), tally.ErrStaleVersion) {
		return fmt.Errorf("%s racing corrections: %+v, %v / %+v, %v", orig.Station, r1, e1, r2, e2)
	}
	return nil
}

// checkSums reads every replica's national totals of the test contest,
// checks their votes and lines against the expected sums (whose origin
// sumsOf names in the failures) and returns them for the caller's checks.
func checkSums(ctx context.Context, t *testing.T, svcs []*tally.Service, votes, lines map[string]int64, sumsOf string) []tally.Totals {
	t.Helper()
	out := make([]tally.Totals, len(svcs))
	for k, svc := range svcs {
		tt, err := svc.Totals(ctx, "test-2024", "list", "")
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range tt.Choices {
			if c.Votes != votes[c.Choice] {
				t.Errorf("replica %d: %s has %d votes, %s %d", k, c.Choice, c.Votes, sumsOf, votes[c.Choice])
			}
		}
		for _, l := range tt.Lines {
			if l.Value != lines[l.Line] {
				t.Errorf("replica %d: line %s is %d, %s %d", k, l.Line, l.Value, sumsOf, lines[l.Line])
			}
		}
		out[k] = tt
	}
	return out
}
