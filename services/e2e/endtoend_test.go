package e2e

import (
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/testsupport"
	"github.com/mandate-project/mandate/services/tally/tallyclient"
)

func seatsOf(a *seatsv1.Allocation) map[string]int32 {
	m := map[string]int32{}
	for _, p := range a.GetParties() {
		if p.GetSeats() > 0 {
			m[p.GetId()] = p.GetSeats()
		}
	}
	return m
}

// TestEndToEnd is the founding story through the three real binaries: the
// KZ 2012 election is defined, its protocols are streamed in, the seats are
// 83 / 8 / 7 over gRPC and over JSON, and an allocation watch sees a
// correction that moves a seat.
func TestEndToEnd(t *testing.T) {
	s := start(t)
	ctx, cancel := context.WithTimeout(As(context.Background(), s.Admin), 2*time.Minute)
	defer cancel()
	def := filepath.Join(testsupport.RepoRoot(t), "examples", "kz-2012", "election.yaml")
	if _, err := tallyclient.Define(ctx, s.Tally, def); err != nil {
		t.Fatal(err)
	}
	req := &seatsv1.AllocateContestRequest{Contest: contest, Preset: "presets/kz-mazhilis-2009"}

	// Before any protocol there is nothing to allocate.
	if _, err := s.Seats.AllocateContest(ctx, req); status.Code(err) != codes.FailedPrecondition {
		t.Errorf("allocation before any protocol: %v, want FAILED_PRECONDITION", err)
	}
	// A watch opened before the count follows it.
	wctx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	watch, err := s.Seats.WatchContestAllocation(wctx, &seatsv1.WatchContestAllocationRequest{Contest: contest, Preset: "presets/kz-mazhilis-2009"})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := tallyclient.ImportCSV(ctx, s.Tally, def, filepath.Join(testsupport.RepoRoot(t), "examples", "kz-2012", "protocols.csv"), nil)
	if err != nil || rep.Accepted != 48 {
		t.Fatalf("import: %+v %v", rep, err)
	}

	// gRPC.
	got, err := s.Seats.AllocateContest(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int32{"nur-otan": 83, "ak-zhol": 8, "cppk": 7}
	if m := seatsOf(got.GetAllocation()); len(m) != 3 || m["nur-otan"] != 83 || m["ak-zhol"] != 8 || m["cppk"] != 7 {
		t.Errorf("gRPC allocation %v, want %v", m, want)
	}
	// Version 1 is the demo's units, 2..49 its protocols.
	if got.GetProjection() || got.GetResultsVersion() != 49 || got.GetAllocation().GetReservedSeats() != 9 {
		t.Errorf("projection %v, results version %d, reserved %d", got.GetProjection(), got.GetResultsVersion(), got.GetAllocation().GetReservedSeats())
	}

	// JSON through the gateway.
	code, body := s.do(t, http.MethodPost, "/v1/"+contest+":allocate", "", `{"preset": "presets/kz-mazhilis-2009"}`)
	if code != http.StatusOK {
		t.Fatalf("JSON allocate: %d %s", code, body)
	}
	var js struct {
		Allocation struct {
			Parties []struct {
				ID    string `json:"id"`
				Seats int32  `json:"seats"`
			} `json:"parties"`
		} `json:"allocation"`
		ResultsVersion string `json:"resultsVersion"`
	}
	if err := json.Unmarshal(body, &js); err != nil {
		t.Fatal(err)
	}
	for _, p := range js.Allocation.Parties {
		if p.Seats != want[p.ID] {
			t.Errorf("JSON: %s has %d seats, want %d", p.ID, p.Seats, want[p.ID])
		}
	}

	// The watch reaches the complete count...
	var last *seatsv1.ContestAllocation
	for last.GetResultsVersion() < 49 {
		if last, err = watch.Recv(); err != nil {
			t.Fatalf("watch: %v", err)
		}
	}
	if m := seatsOf(last.GetAllocation()); m["nur-otan"] != 83 || m["ak-zhol"] != 8 || m["cppk"] != 7 {
		t.Errorf("watched allocation at version 49: %v", m)
	}
	// ...and a correction that moves 60,000 votes from Nur Otan to Ak Zhol
	// moves a seat.
	p, err := s.Tally.GetProtocol(ctx, &tallyv1.GetProtocolRequest{Name: contest + "/protocols/astana-1"})
	if err != nil {
		t.Fatal(err)
	}
	votes := p.GetCurrent().GetVotes()
	votes["nur-otan"] -= 60000
	votes["ak-zhol"] += 60000
	if _, err := s.Tally.SubmitProtocol(ctx, &tallyv1.SubmitProtocolRequest{Parent: contest, Station: "elections/kz-2012/units/astana-1",
		Lines: p.GetCurrent().GetLines(), Votes: votes, RequestId: "e2e-correction", ReplacesVersion: 1, Reason: "end-to-end test", Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION}); err != nil {
		t.Fatal(err)
	}
	for last.GetResultsVersion() < 50 {
		if last, err = watch.Recv(); err != nil {
			t.Fatalf("watch after the correction: %v", err)
		}
	}
	m := seatsOf(last.GetAllocation())
	if m["nur-otan"] != 82 || m["ak-zhol"] != 9 || m["cppk"] != 7 {
		t.Errorf("allocation after the correction: %v, want 82 / 9 / 7", m)
	}
	t.Logf("after the correction: %v (%s)", m, last.GetNote())
}

// TestServiceDown: with the seats service stopped, the gateway answers 503
// with a google.rpc.Status body, and the tally's own endpoints still work.
func TestServiceDown(t *testing.T) {
	s := start(t)
	loadDemo(t, s)
	s.stopSeats()
	code, body := s.do(t, http.MethodGet, "/v1/presets", "", "")
	var st struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal(body, &st); code != http.StatusServiceUnavailable || err != nil || st.Code != int(codes.Unavailable) {
		t.Errorf("seats down: HTTP %d %s", code, body)
	}
	if code, body := s.do(t, http.MethodGet, "/v1/"+national, "", ""); code != http.StatusOK {
		t.Errorf("tally totals with seats down: %d %s", code, body)
	}
}

// TestLoadShedding: a caller over its request rate gets 429 at once through
// the gateway, with a google.rpc.Status body, and other work goes on.
func TestLoadShedding(t *testing.T) {
	dir := t.TempDir()
	seats := run(t, daemon(t, "seatsd"), filepath.Join(dir, "seatsd.log"), "seats serving",
		"--grpc-addr", "127.0.0.1:0", "--rate-per-caller", "0.01", "--burst-per-caller", "3")
	gw := run(t, daemon(t, "gatewayd"), filepath.Join(dir, "gatewayd.log"), "gateway serving",
		"--http-addr", "127.0.0.1:0", "--tally-addr", "127.0.0.1:1", "--seats-addr", seats)
	s := &system{HTTP: "http://" + gw}
	codes := []int{}
	for range 5 {
		code, _ := s.do(t, http.MethodGet, "/v1/presets", "", "")
		codes = append(codes, code)
	}
	if codes[0] != http.StatusOK || codes[2] != http.StatusOK || codes[3] != http.StatusTooManyRequests || codes[4] != http.StatusTooManyRequests {
		t.Errorf("HTTP codes %v, want three 200 then 429", codes)
	}
}
