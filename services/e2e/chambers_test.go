package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/testsupport"
)

// chamberSeats returns a composition's seats per district of its first
// tier (non-zero only) and in total by party.
func chamberSeats(c *seatsv1.ChamberComposition) (map[string]map[string]int32, map[string]int32) {
	per := map[string]map[string]int32{}
	for _, d := range c.GetTiers()[0].GetDistricts() {
		m := map[string]int32{}
		for k, v := range d.GetPartySeats() {
			m[k] = v
		}
		_, unit := filepath.Split(d.GetUnit())
		per[unit] = m
	}
	total := map[string]int32{}
	for _, p := range c.GetParties() {
		total[p.GetParty()] = p.GetSeats()
	}
	return per, total
}

// TestSpain2023Chamber loads the Spain 2023 example, whose definition
// carries the Congreso as a chamber of one list tier in the 52 provinces,
// through the real binaries and asks for the chamber's composition: the
// official seats in every province over gRPC, 350 over JSON; a correction
// in Madrid moves the chamber stream.
func TestSpain2023Chamber(t *testing.T) {
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
	const name = "elections/es-2023/chambers/congreso"
	got, err := s.Seats.GetChamberComposition(ctx, &seatsv1.GetChamberCompositionRequest{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	per, _ := chamberSeats(got)
	want := esOfficialSeats(t)
	// The composition names the count it stands on: the tally's current
	// results version (the units batch and the 52 returns).
	tt, err := s.Tally.GetTotals(ctx, &tallyv1.GetTotalsRequest{Name: "elections/es-2023/contests/congreso/totals/es"})
	if err != nil {
		t.Fatal(err)
	}
	version := tt.GetResultsVersion()
	if got.GetTotalSeats() != 350 || got.GetUndecidedSeats() != 0 || len(per) != 52 || got.GetProjection() || got.GetResultsVersion() != version {
		t.Fatalf("%d seats (%d undecided) in %d provinces, projection %v, version %d", got.GetTotalSeats(), got.GetUndecidedSeats(),
			len(per), got.GetProjection(), got.GetResultsVersion())
	}
	for unit, w := range want {
		if fmt.Sprint(per[unit]) != fmt.Sprint(w) {
			t.Errorf("%s: seats %v, official %v", unit, per[unit], w)
		}
	}

	// The same over JSON.
	code, resp := s.do(t, http.MethodGet, "/v1/"+name+":composition", "", "")
	var js struct {
		TotalSeats     int    `json:"totalSeats"`
		ResultsVersion string `json:"resultsVersion"`
	}
	if code != http.StatusOK || json.Unmarshal(resp, &js) != nil || js.TotalSeats != 350 || js.ResultsVersion != fmt.Sprint(version) {
		t.Fatalf("JSON composition %d: %.300s", code, resp)
	}
	if code, resp := s.do(t, http.MethodGet, "/v1/elections/es-2023/chambers/senado:composition", "", ""); code != http.StatusNotFound {
		t.Errorf("a chamber the election does not define: %d %.300s", code, resp)
	}

	// The chamber stream moves with a correction in Madrid.
	wctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	stream, err := s.Seats.WatchChamberComposition(wctx, &seatsv1.WatchChamberCompositionRequest{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	first, err := stream.Recv()
	if err != nil {
		t.Fatal(err)
	}
	before, _ := chamberSeats(first)
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
		Lines: cur.GetLines(), Votes: votes, RequestId: "es-28-chamber-fix", ReplacesVersion: cur.GetVersion(), Reason: "e2e correction",
		Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION}); err != nil {
		t.Fatal(err)
	}
	next, err := stream.Recv()
	if err != nil {
		t.Fatal(err)
	}
	after, _ := chamberSeats(next)
	if next.GetResultsVersion() != version+1 || next.GetTotalSeats() != 350 || after["es-28"]["c000005"] >= before["es-28"]["c000005"] ||
		after["es-28"]["c000002"] <= before["es-28"]["c000002"] {
		t.Fatalf("after the correction: version %d, Madrid %v (before %v)", next.GetResultsVersion(), after["es-28"], before["es-28"])
	}
}

// mixedForm is a small protocol form: registered, ballots cast, valid.
func mixedForm() *tallyv1.ProtocolForm {
	return &tallyv1.ProtocolForm{Id: "mixed", Lines: []*tallyv1.ProtocolLine{
		{Id: "registered", Number: "1", Roles: []tallyv1.LineRole{tallyv1.LineRole_LINE_ROLE_REGISTERED}},
		{Id: "cast", Number: "2", Roles: []tallyv1.LineRole{tallyv1.LineRole_LINE_ROLE_BALLOTS_CAST}},
		{Id: "valid", Number: "3", Roles: []tallyv1.LineRole{tallyv1.LineRole_LINE_ROLE_VALID}},
	}}
}

// mixedElection is a Duma-like election: a federal list contest and 225
// single-member districts (first past the post), one station each, and the
// chamber of 225 list seats and 225 districts.
func mixedElection() *tallyv1.Election {
	e := &tallyv1.Election{DisplayName: "Mixed chamber (synthetic)", ElectionDate: "2016-09-18",
		Contests: []*tallyv1.Contest{{Name: "list", DisplayName: "Federal list", Kind: tallyv1.ContestKind_CONTEST_KIND_PARTY_LIST,
			ShareBase: tallyv1.LineRole_LINE_ROLE_BALLOTS_CAST, Form: mixedForm(), Choices: []*tallyv1.Choice{
				{Id: "ER", DisplayName: "United Russia", BallotOrder: 1}, {Id: "KPRF", DisplayName: "Communists", BallotOrder: 2},
				{Id: "LDPR", DisplayName: "Liberal Democrats", BallotOrder: 3}, {Id: "SR", DisplayName: "A Just Russia", BallotOrder: 4},
				{Id: "YAB", DisplayName: "Yabloko", BallotOrder: 5}}}},
	}
	set := &tallyv1.SingleMemberDistricts{Id: "smd", DisplayName: "District", Form: mixedForm(),
		ShareBase: tallyv1.LineRole_LINE_ROLE_VALID, RunoffRule: tallyv1.RunoffRule_RUNOFF_RULE_NONE}
	for i := 1; i <= 225; i++ {
		set.Districts = append(set.Districts, &tallyv1.SingleMemberDistrict{Unit: fmt.Sprintf("d%03d", i), Candidates: []*tallyv1.Choice{
			{Id: "a", DisplayName: "Candidate A", Party: "ER"}, {Id: "b", DisplayName: "Candidate B", Party: "KPRF"},
			{Id: "c", DisplayName: "Candidate C"}}})
	}
	e.SingleMemberDistricts = []*tallyv1.SingleMemberDistricts{set}
	e.Chambers = []*tallyv1.Chamber{{Name: "elections/mixed/chambers/duma", DisplayName: "Duma", Seats: 450, Tiers: []*tallyv1.ChamberTier{
		{Id: "list", Kind: tallyv1.TierKind_TIER_KIND_LIST, Seats: 225, Contest: "list", Preset: "presets/ru-duma-2016"},
		{Id: "districts", Kind: tallyv1.TierKind_TIER_KIND_SINGLE_MEMBER, Seats: 225, SingleMemberDistricts: "smd"},
	}}}
	return e
}

// TestMixedChamber defines a Duma-like mixed chamber over gRPC (225 list
// seats by the 2014 law, 225 single-member districts first past the post),
// counts one station per district and composes: the list seats by Hare
// (exact quotas by construction), the district winners by party with the
// independents apart and a tied district undecided. A chamber whose tiers
// do not add up and a protocol from outside a district are refused with
// their fields, changing nothing.
func TestMixedChamber(t *testing.T) {
	s := start(t)
	ctx := As(context.Background(), s.Admin)

	bad := mixedElection()
	bad.Chambers[0].Seats = 451
	_, err := s.Tally.CreateElection(ctx, &tallyv1.CreateElectionRequest{ElectionId: "mixed", Election: bad})
	if f, r := fields(status.Convert(err)); status.Code(err) != codes.InvalidArgument || len(f) != 1 || f[0] != "election.chambers[0].seats" ||
		len(r) != 1 || r[0] != "TIERS_DO_NOT_ADD_UP" {
		t.Fatalf("tiers not adding up: %v %v (%v)", f, r, err)
	}
	if _, err := s.Tally.GetElection(ctx, &tallyv1.GetElectionRequest{Name: "elections/mixed"}); status.Code(err) != codes.NotFound {
		t.Fatalf("a refused definition was written: %v", err)
	}

	if _, err := s.Tally.CreateElection(ctx, &tallyv1.CreateElectionRequest{ElectionId: "mixed", Election: mixedElection()}); err != nil {
		t.Fatal(err)
	}
	units := []*tallyv1.ReportingUnit{{Name: "elections/mixed/units/ru", DisplayName: "Russia", Level: "nation"}}
	for i := 1; i <= 225; i++ {
		d := fmt.Sprintf("elections/mixed/units/d%03d", i)
		units = append(units, &tallyv1.ReportingUnit{Name: d, ParentUnit: "elections/mixed/units/ru", DisplayName: fmt.Sprintf("District %d", i), Level: "district"},
			&tallyv1.ReportingUnit{Name: fmt.Sprintf("elections/mixed/units/s%03d", i), ParentUnit: d, DisplayName: fmt.Sprintf("Station %d", i), Level: "station", RegisteredVoters: 2000})
	}
	if _, err := s.Tally.BatchCreateReportingUnits(ctx, &tallyv1.BatchCreateReportingUnitsRequest{Parent: "elections/mixed", Units: units}); err != nil {
		t.Fatal(err)
	}
	submit := func(contest, station string, votes map[string]int64) error {
		var sum int64
		for _, v := range votes {
			sum += v
		}
		_, err := s.Tally.SubmitProtocol(ctx, &tallyv1.SubmitProtocolRequest{Parent: "elections/mixed/contests/" + contest,
			Station: "elections/mixed/units/" + station, Lines: map[string]int64{"registered": 2000, "cast": sum, "valid": sum},
			Votes: votes, RequestId: contest + "/" + station, Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_ORIGINAL})
		return err
	}
	// Outside its district: refused, nothing counted.
	err = submit("smd-d001", "s002", map[string]int64{"a": 1, "b": 0, "c": 0})
	if f, r := fields(status.Convert(err)); status.Code(err) != codes.InvalidArgument || len(f) != 1 || f[0] != "station" || r[0] != "STATION_OUTSIDE_DISTRICT" {
		t.Fatalf("station outside the district: %v %v (%v)", f, r, err)
	}
	for i := 1; i <= 225; i++ {
		st := fmt.Sprintf("s%03d", i)
		if err := submit("list", st, map[string]int64{"ER": 400, "KPRF": 240, "LDPR": 160, "SR": 100, "YAB": 20}); err != nil {
			t.Fatal(err)
		}
		a, b, c := int64(600), int64(300), int64(100)
		switch {
		case i > 200 && i <= 220:
			a, b = 300, 600
		case i > 220 && i <= 224:
			c = 900
		case i == 225:
			a, b = 500, 500
		}
		if err := submit(fmt.Sprintf("smd-d%03d", i), st, map[string]int64{"a": a, "b": b, "c": c}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Seats.GetChamberComposition(context.Background(), &seatsv1.GetChamberCompositionRequest{Name: "elections/mixed/chambers/duma"})
	if err != nil {
		t.Fatal(err)
	}
	_, total := chamberSeats(got)
	// Version 451: the units batch and the 450 protocols (the refused one
	// changed nothing).
	want := map[string]int32{"ER": 300, "KPRF": 80, "LDPR": 40, "SR": 25, "independent": 4}
	if fmt.Sprint(total) != fmt.Sprint(want) || got.GetUndecidedSeats() != 1 || got.GetTotalSeats() != 450 || got.GetResultsVersion() != 451 || got.GetProjection() {
		t.Fatalf("composition %v, undecided %d of %d, version %d, projection %v", total, got.GetUndecidedSeats(), got.GetTotalSeats(),
			got.GetResultsVersion(), got.GetProjection())
	}
	tied := got.GetTiers()[1].GetDistricts()[224]
	if tied.GetDecided() || tied.GetClosestCall() != "0.0000" || tied.GetContest() != "elections/mixed/contests/smd-d225" {
		t.Errorf("tied district %v", tied)
	}
	if code, resp := s.do(t, http.MethodGet, "/v1/elections/mixed/chambers/duma:composition", "", ""); code != http.StatusOK {
		t.Errorf("JSON composition %d: %.300s", code, resp)
	}
	// The whole chamber's hemicycle: 450 seats, the tied district's in
	// grey as undecided.
	code, svg := s.do(t, http.MethodGet, "/charts/elections/mixed/chambers/duma/hemicycle.svg", "", "")
	if n := strings.Count(string(svg), `class="seat"`); code != http.StatusOK || n != 450 || !strings.Contains(string(svg), "Undecided: 1") {
		t.Errorf("chamber hemicycle: HTTP %d, %d seats, undecided shown %v", code, n, strings.Contains(string(svg), "Undecided"))
	}
}
