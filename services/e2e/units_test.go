package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
)

// TestNewStationIsNews: a station added while a page and an allocation
// watch follow the count reaches both through the three daemons (issue
// 20.2). The new station makes the national count partial again, so it
// takes the next results version; the gateway's NDJSON stream sends the
// totals with the change (units_added), and the seats watch sends the
// allocation at that version.
func TestNewStationIsNews(t *testing.T) {
	s := start(t)
	loadDemo(t, s)
	const demoVersion = 49 // the demo's units, then its 48 protocols
	ctx, cancel := context.WithTimeout(As(context.Background(), s.Admin), 2*time.Minute)
	defer cancel()

	// The page's stream: one JSON object a line, the current totals first.
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.HTTP+"/v1/"+national+":watch", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("watch: HTTP %d", resp.StatusCode)
	}
	lines := bufio.NewScanner(resp.Body)
	lines.Buffer(make([]byte, 1<<20), 1<<20)
	type message struct {
		Result struct {
			Totals struct {
				ResultsVersion    string `json:"resultsVersion"`
				StationsReporting int    `json:"stationsReporting,string"` // int64: a string in JSON
				StationsTotal     int    `json:"stationsTotal,string"`
				Status            string `json:"status"`
			} `json:"totals"`
			Changes []struct {
				ResultsVersion string `json:"resultsVersion"`
				Station        string `json:"station"`
				UnitsAdded     int    `json:"unitsAdded"`
			} `json:"changes"`
		} `json:"result"`
	}
	next := func() message {
		t.Helper()
		if !lines.Scan() {
			t.Fatalf("watch ended: %v", lines.Err())
		}
		var m message
		if err := json.Unmarshal(lines.Bytes(), &m); err != nil {
			t.Fatalf("watch line %s: %v", lines.Bytes(), err)
		}
		return m
	}
	if m := next(); m.Result.Totals.ResultsVersion != "49" || m.Result.Totals.Status != "RESULT_STATUS_UNOFFICIAL_COMPLETE" {
		t.Fatalf("first line: %+v", m)
	}

	// The allocation watch, at the complete count.
	watch, err := s.Seats.WatchContestAllocation(ctx, &seatsv1.WatchContestAllocationRequest{Contest: contest, Preset: "presets/kz-mazhilis-2009"})
	if err != nil {
		t.Fatal(err)
	}
	var last *seatsv1.ContestAllocation
	for last.GetResultsVersion() < demoVersion {
		if last, err = watch.Recv(); err != nil {
			t.Fatalf("allocation watch: %v", err)
		}
	}

	// An administrator adds a station through the gateway.
	code, body := s.do(t, http.MethodPost, "/v1/elections/kz-2012/units:batchCreate", s.Admin, `{"units": [{
		"name": "elections/kz-2012/units/astana-4", "parentUnit": "elections/kz-2012/units/astana",
		"displayName": "Astana, station 4", "level": "station", "registeredVoters": "1000"}]}`)
	var created struct {
		CreatedCount   int    `json:"createdCount"`
		ResultsVersion string `json:"resultsVersion"` // int64: a string in JSON
	}
	if code != http.StatusOK || json.Unmarshal(body, &created) != nil || created.CreatedCount != 1 || created.ResultsVersion != "50" {
		t.Fatalf("batchCreate: %d %s", code, body)
	}

	m := next()
	tot := m.Result.Totals
	if tot.ResultsVersion != "50" || tot.StationsTotal != 49 || tot.StationsReporting != 48 || tot.Status != "RESULT_STATUS_UNOFFICIAL_PARTIAL" {
		t.Errorf("totals after the new station: %+v", tot)
	}
	if len(m.Result.Changes) != 1 || m.Result.Changes[0].ResultsVersion != "50" || m.Result.Changes[0].UnitsAdded != 1 || m.Result.Changes[0].Station != "" {
		t.Errorf("changes after the new station: %+v", m.Result.Changes)
	}
	for last.GetResultsVersion() < demoVersion+1 {
		if last, err = watch.Recv(); err != nil {
			t.Fatalf("allocation watch after the new station: %v", err)
		}
	}
	if last.GetResultsVersion() != demoVersion+1 {
		t.Errorf("allocation watch at results version %d, want %d", last.GetResultsVersion(), demoVersion+1)
	}
	t.Logf("new station: totals at version %s (%d of %d stations, %s); allocation at version %d",
		tot.ResultsVersion, tot.StationsReporting, tot.StationsTotal, tot.Status, last.GetResultsVersion())
}
