package e2e

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/testsupport"
)

// esRequest reads examples/es-2023/allocate.json: the 52 provinces as
// districts with their seats and the preset presets/es-congreso.
func esRequest(t *testing.T) *seatsv1.AllocateContestRequest {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(testsupport.RepoRoot(t), "examples", "es-2023", "allocate.json"))
	if err != nil {
		t.Fatal(err)
	}
	req := &seatsv1.AllocateContestRequest{}
	if err := protojson.Unmarshal(raw, req); err != nil {
		t.Fatal(err)
	}
	req.Contest = "elections/es-2023/contests/congreso"
	return req
}

// esOfficialSeats reads the official seats per province and candidacy.
func esOfficialSeats(t *testing.T) map[string]map[string]int32 {
	t.Helper()
	f, err := os.Open(filepath.Join(testsupport.RepoRoot(t), "examples", "es-2023", "official-seats.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]int32{}
	for _, r := range rows[1:] {
		n, _ := strconv.Atoi(r[2])
		if out[r[0]] == nil {
			out[r[0]] = map[string]int32{}
		}
		out[r[0]][r[1]] = int32(n)
	}
	return out
}

// seatsByDistrict returns the allocation's seats per district and choice
// (non-zero only) and the house size.
func seatsByDistrict(a *seatsv1.ContestAllocation) (map[string]map[string]int32, int32) {
	out := map[string]map[string]int32{}
	var total int32
	for _, d := range a.GetChamberAllocation().GetDistricts() {
		m := map[string]int32{}
		for _, p := range d.GetAllocation().GetParties() {
			if p.GetSeats() > 0 {
				m[p.GetId()] = p.GetSeats()
				total += p.GetSeats()
			}
		}
		out[d.GetId()] = m
	}
	return out, total
}

// TestSpain2023FromLiveCount loads the Spain 2023 example (one reporting unit
// per province carrying its official totals) through the real binaries, asks
// the seats service for the district contest from the live totals, and gets
// the official 350 seats in every province; a correction in one province
// moves the allocation stream, and a district outside the hierarchy is
// INVALID_ARGUMENT over gRPC and HTTP 400 over JSON.
func TestSpain2023FromLiveCount(t *testing.T) {
	s := start(t)
	dir := filepath.Join(testsupport.RepoRoot(t), "examples", "es-2023")
	if out, code := mandatectl(t, "define", "--server", s.TallyAddr, "--token", s.Admin, "--definition", filepath.Join(dir, "election.yaml")); code != 0 {
		t.Fatalf("define exit %d: %s", code, out)
	}
	if out, code := mandatectl(t, "import", "csv", "--server", s.TallyAddr, "--token", s.Admin, "--quiet",
		"--definition", filepath.Join(dir, "election.yaml"), "--file", filepath.Join(dir, "protocols.csv")); code != 0 {
		t.Fatalf("import exit %d: %s", code, out)
	}
	ctx := context.Background()
	req := esRequest(t)
	got, err := s.Seats.AllocateContest(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	per, total := seatsByDistrict(got)
	want := esOfficialSeats(t)
	if total != 350 || got.GetChamberAllocation().GetSeats() != 350 || len(per) != 52 {
		t.Fatalf("%d seats in %d districts, want 350 in 52", total, len(per))
	}
	for unit, w := range want {
		for choice, n := range w {
			if per[unit][choice] != n {
				t.Errorf("%s %s: %d seats, official %d", unit, choice, per[unit][choice], n)
			}
		}
		if len(per[unit]) != len(w) {
			t.Errorf("%s: seats %v, official %v", unit, per[unit], w)
		}
	}
	// Version 1 is the provinces, 2..53 their returns.
	if got.GetProjection() || got.GetResultsVersion() != 53 || len(got.GetDistrictTotals()) != 52 {
		t.Errorf("projection %v version %d totals %d", got.GetProjection(), got.GetResultsVersion(), len(got.GetDistrictTotals()))
	}

	// The same over JSON, with the example file as the body.
	body, err := os.ReadFile(filepath.Join(dir, "allocate.json"))
	if err != nil {
		t.Fatal(err)
	}
	code, resp := s.do(t, http.MethodPost, "/v1/elections/es-2023/contests/congreso:allocate", "", string(body))
	var js struct {
		ChamberAllocation struct {
			Seats int `json:"seats"`
		} `json:"chamberAllocation"`
		ResultsVersion string `json:"resultsVersion"`
	}
	if code != http.StatusOK || json.Unmarshal(resp, &js) != nil || js.ChamberAllocation.Seats != 350 || js.ResultsVersion != "53" {
		t.Fatalf("JSON allocate %d: %.300s", code, resp)
	}

	// A district outside the hierarchy.
	bad := esRequest(t)
	bad.Districts[3].Unit = "elections/es-2023/units/es-99"
	if _, err := s.Seats.AllocateContest(ctx, bad); err == nil {
		t.Fatal("district outside the hierarchy accepted")
	} else if f, _ := fields(status.Convert(err)); len(f) != 1 || f[0] != "districts[3].unit" {
		t.Fatalf("fields %v (%v)", f, err)
	}
	badBody, _ := protojson.Marshal(&seatsv1.AllocateContestRequest{Preset: "presets/es-congreso", Districts: bad.Districts})
	if code, resp := s.do(t, http.MethodPost, "/v1/elections/es-2023/contests/congreso:allocate", "", string(badBody)); code != http.StatusBadRequest {
		t.Fatalf("JSON with a district outside the hierarchy: %d %.300s", code, resp)
	}

	// The stream moves with a correction in one province: Madrid's return
	// corrected so that 400,000 votes move from the first list to the second.
	wctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	stream, err := s.Seats.WatchContestAllocation(wctx, &seatsv1.WatchContestAllocationRequest{
		Contest: req.GetContest(), Preset: req.GetPreset(), Districts: req.GetDistricts()})
	if err != nil {
		t.Fatal(err)
	}
	first, err := stream.Recv()
	if err != nil {
		t.Fatal(err)
	}
	before, _ := seatsByDistrict(first)
	p, err := s.Tally.GetProtocol(As(ctx, s.Admin), &tallyv1.GetProtocolRequest{Name: "elections/es-2023/contests/congreso/protocols/es-28-return"})
	if err != nil {
		t.Fatal(err)
	}
	cur := p.GetCurrent()
	votes := cur.GetVotes()
	votes["c000005"] -= 400_000 // PP
	votes["c000002"] += 400_000 // PSOE
	if _, err := s.Tally.SubmitProtocol(As(ctx, s.Admin), &tallyv1.SubmitProtocolRequest{
		Parent: "elections/es-2023/contests/congreso", Station: "elections/es-2023/units/es-28-return",
		Lines: cur.GetLines(), Votes: votes, RequestId: "es-28-fix", ReplacesVersion: cur.GetVersion(), Reason: "e2e correction",
		Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION}); err != nil {
		t.Fatal(err)
	}
	next, err := stream.Recv()
	if err != nil {
		t.Fatal(err)
	}
	after, total := seatsByDistrict(next)
	if next.GetResultsVersion() != 54 || total != 350 || after["es-28"]["c000005"] >= before["es-28"]["c000005"] ||
		after["es-28"]["c000002"] <= before["es-28"]["c000002"] {
		t.Fatalf("after the correction: version %d, Madrid %v (before %v)", next.GetResultsVersion(), after["es-28"], before["es-28"])
	}
	for unit, w := range before {
		if unit != "es-28" && len(after[unit]) != len(w) {
			t.Errorf("%s moved: %v -> %v", unit, w, after[unit])
		}
	}
}
