package storetest

import (
	"fmt"
	"sync"
	"testing"

	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// ServiceReadsDuringIngest is the conformance case Service/ReadsDuringIngest:
// totals read while an import runs are each of one results version. One
// importer sends the protocols of a new region's stations in order, so the
// results version says exactly which stations a read must count; readers of
// the national and the regional totals check every read against it, and
// that the versions and log sizes they see never go back.
func (ts Suite) ServiceReadsDuringIngest(t *testing.T) {
	svc, _ := ts.newSvc(t)
	const n, batch, registered = 300, 10, 1000
	units := []tally.Unit{{ID: "east", Parent: "nation", Name: "East", Level: "region"}}
	subs := make([]tally.Submission, n)
	for i := range n {
		id := fmt.Sprintf("e%03d", i)
		units = append(units, tally.Unit{ID: id, Parent: "east", Name: id, Level: tally.LevelStation, Registered: registered})
		// Station i: A = i, B = 1, C = 2, one invalid ballot.
		subs[i] = Sub("list", id, 1, int64(i), 1, 2)
		subs[i].Lines["registered"] = registered
	}
	if _, err := svc.AddUnits(ctx, "test-2024", units); err != nil {
		t.Fatalf("AddUnits: %v", err)
	}
	base := ts.totals(t, svc, "list", "").ResultsVersion

	// check verifies a read against its version: k stations of the region
	// have reported, the first k.
	check := func(tt tally.Totals, stations int) error {
		k := tt.ResultsVersion - base
		a := k * (k - 1) / 2
		votes := []int64{a, k, 2 * k}
		for i, c := range tt.Choices {
			if c.Votes != votes[i] {
				return fmt.Errorf("%s at version %d: %s has %d votes, want %d", tt.Unit, tt.ResultsVersion, c.Choice, c.Votes, votes[i])
			}
		}
		valid := a + 3*k
		if k < 0 || k > n || tt.StationsReporting != int(k) || tt.StationsTotal != stations ||
			tt.Valid != valid || tt.Invalid != k || tt.BallotsCast != valid+k ||
			tt.RegisteredReportingStations != registered*k || tt.Registered != registered*k {
			return fmt.Errorf("%s at version %d (%d stations in): %+v", tt.Unit, tt.ResultsVersion, k, tt)
		}
		return nil
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	between := 0 // reads that saw the import neither before nor done
	for range 2 {
		wg.Go(func() {
			var lastVersion, lastSize, lastStatus int64
			for {
				select {
				case <-stop:
					return
				default:
				}
				for _, u := range []struct {
					id       string
					stations int
				}{{"", 5 + n}, {"east", n}} {
					tt, err := svc.Totals(ctx, "test-2024", "list", u.id)
					if err == nil {
						err = check(tt, u.stations)
					}
					if err == nil && (tt.ResultsVersion < lastVersion || tt.LogSize < lastSize) {
						err = fmt.Errorf("went back: version %d, log %d after %d, %d", tt.ResultsVersion, tt.LogSize, lastVersion, lastSize)
					}
					if err != nil {
						t.Error(err)
						return
					}
					lastVersion, lastSize = tt.ResultsVersion, tt.LogSize
					if k := tt.ResultsVersion - base; k > 0 && k < n {
						mu.Lock()
						between++
						mu.Unlock()
					}
				}
				cs, err := svc.GetContestStatus(ctx, "test-2024", "list")
				if err != nil || cs.ResultsVersion < lastStatus || cs.StationsReporting != int(cs.ResultsVersion-base) {
					t.Errorf("GetContestStatus = %+v, %v (after version %d)", cs, err, lastStatus)
					return
				}
				lastStatus = cs.ResultsVersion
			}
		})
	}
	for i := 0; i < n; i += batch {
		res, err := svc.Import(ctx, subs[i:i+batch])
		if err != nil {
			t.Fatalf("Import: %v", err)
		}
		for j, r := range res {
			if r.Err != nil || r.Receipt.ResultsVersion != base+int64(i+j+1) {
				t.Fatalf("protocol %d: %+v", i+j, r)
			}
		}
	}
	close(stop)
	wg.Wait()
	for _, u := range []string{"", "east"} {
		tt := ts.totals(t, svc, "list", u)
		stations := n
		if u == "" {
			stations += 5
		}
		if err := check(tt, stations); err != nil || tt.ResultsVersion != base+n {
			t.Errorf("after the import: %v (version %d)", err, tt.ResultsVersion)
		}
	}
	t.Logf("%d reads during the import", between)
}
