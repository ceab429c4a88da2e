package seatsapi_test

import (
	"compress/gzip"
	"context"
	"encoding/csv"
	"io"
	"log/slog"
	"net"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/test/bufconn"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/grpctest"
	"github.com/mandate-project/mandate/services/platform/testsupport"
	"github.com/mandate-project/mandate/services/seats/internal/livecount"
	"github.com/mandate-project/mandate/services/seats/internal/seatsapi"
	"github.com/mandate-project/mandate/services/seats/internal/tallysource"
	"github.com/mandate-project/mandate/services/seats/internal/tallystub"
)

const (
	kzContest = "elections/kz-2012/contests/mazhilis"
	kzTotals  = kzContest + "/totals/kz"
)

// kzTotalsAt is the official Mazhilis 2012 count as the tally serves it,
// with reporting of the 48 demo stations reporting.
func kzTotalsAt(version, reporting int64) *tallyv1.Totals {
	st := tallyv1.ResultStatus_RESULT_STATUS_UNOFFICIAL_COMPLETE
	if reporting < 48 {
		st = tallyv1.ResultStatus_RESULT_STATUS_UNOFFICIAL_PARTIAL
	}
	t := &tallyv1.Totals{
		Name: kzTotals, Unit: "elections/kz-2012/units/kz", UnitDisplayName: "Kazakhstan",
		ShareBaseRole: tallyv1.LineRole_LINE_ROLE_VALID, Status: st, ResultsVersion: version,
		StationsReporting: reporting, StationsTotal: 48,
		RegisteredReporting: &tallyv1.Ratio{Numerator: 5700000, Denominator: 9303693, Percent: "61.27", Definition: "registered voters of reporting stations / of all stations"},
		Checkpoint:          &tallyv1.Checkpoint{Name: "elections/kz-2012/checkpoints/50", TreeSize: version + 2, RootHash: []byte{7}, Note: "signed"},
	}
	for _, c := range kz2012() {
		t.Choices = append(t.Choices, &tallyv1.ChoiceTotal{Choice: c.GetId(), DisplayName: c.GetId(), Votes: c.GetVotes()})
		t.ShareBase += c.GetVotes()
	}
	return t
}

// live starts a stub tally on an in-memory listener and a seats server
// reading from it, and returns a seats client and the stub.
func live(t *testing.T) (seatsv1.SeatsServiceClient, *tallystub.Server) {
	t.Helper()
	stub := tallystub.New()
	lis := bufconn.Listen(1 << 20)
	srv := grpc.NewServer()
	stub.Register(srv)
	go func() { _ = srv.Serve(lis) }()
	t.Cleanup(srv.Stop)
	return seatsClient(t, tallysource.Config{Addr: "passthrough:///tally",
		DialOptions: []grpc.DialOption{grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) })}}), stub
}

// seatsClient serves the seats API in memory, reading from the tally cfg
// names, and returns a client.
func seatsClient(t *testing.T, cfg tallysource.Config) seatsv1.SeatsServiceClient {
	t.Helper()
	cfg.Backoff, cfg.MaxBackoff = 10*time.Millisecond, 100*time.Millisecond
	cfg.Logger = slog.New(slog.DiscardHandler)
	src, err := tallysource.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { src.Close() })
	api := seatsapi.New(seatsapi.WithLiveCount(livecount.New(src, livecount.Options{})), seatsapi.WithLogger(slog.New(slog.DiscardHandler)))
	return seatsv1.NewSeatsServiceClient(grpctest.Conn(t, func(s *grpc.Server) { seatsv1.RegisterSeatsServiceServer(s, api) }))
}

func seatsOf(a *seatsv1.Allocation) map[string]int32 {
	out := map[string]int32{}
	for _, p := range a.GetParties() {
		out[p.GetId()] = p.GetSeats()
	}
	return out
}

func TestAllocateContestKazakhstan2012(t *testing.T) {
	c, stub := live(t)
	stub.Set(kzTotalsAt(48, 48))
	for _, unit := range []string{"", "elections/kz-2012/units/kz"} {
		got, err := c.AllocateContest(context.Background(), &seatsv1.AllocateContestRequest{
			Contest: kzContest, Unit: unit, Preset: "presets/kz-mazhilis-2009"})
		if err != nil {
			t.Fatalf("unit %q: %v", unit, err)
		}
		s := seatsOf(got.GetAllocation())
		if s["nur-otan"] != 83 || s["ak-zhol"] != 8 || s["cppk"] != 7 || s["osdp"] != 0 {
			t.Errorf("unit %q: seats %v, want Nur Otan 83, Ak Zhol 8, CPPK 7", unit, s)
		}
		if got.GetTotals() != kzTotals || got.GetContest() != kzContest || got.GetResultsVersion() != 48 ||
			got.GetThresholdBase() != 6941220 || got.GetThresholdBaseRole() != tallyv1.LineRole_LINE_ROLE_VALID ||
			got.GetRule().GetThreshold().GetBase() != 6941220 || got.GetPreset() != "presets/kz-mazhilis-2009" ||
			got.GetStatus() != tallyv1.ResultStatus_RESULT_STATUS_UNOFFICIAL_COMPLETE || got.GetProjection() ||
			got.GetStationsReporting() != 48 || got.GetStationsTotal() != 48 || got.GetGenerateTime() == nil {
			t.Errorf("unit %q: %v", unit, got)
		}
		// The allocation records the log checkpoint its totals came from.
		if cp := got.GetCheckpoint(); cp.GetTreeSize() != 50 || cp.GetNote() != "signed" || cp.GetName() != "elections/kz-2012/checkpoints/50" {
			t.Errorf("unit %q: checkpoint %v", unit, cp)
		}
	}
	if n := stub.Calls("ListReportingUnits"); n != 1 {
		t.Errorf("ListReportingUnits called %d times, want 1", n)
	}
}

func TestAllocateContestProjection(t *testing.T) {
	c, stub := live(t)
	stub.Set(kzTotalsAt(29, 29))
	got, err := c.AllocateContest(context.Background(), &seatsv1.AllocateContestRequest{Contest: kzContest, Preset: "presets/kz-mazhilis-2009"})
	if err != nil {
		t.Fatal(err)
	}
	if !got.GetProjection() || !strings.Contains(got.GetNote(), "Projection from 29 of 48 stations (60.42 %) reporting, 61.27 % of registered voters") ||
		got.GetRegisteredReporting().GetPercent() != "61.27" || got.GetStatus() != tallyv1.ResultStatus_RESULT_STATUS_UNOFFICIAL_PARTIAL {
		t.Errorf("projection %v, note %q, registered %v", got.GetProjection(), got.GetNote(), got.GetRegisteredReporting())
	}
}

// TestAllocateContestRussia2016 sums Russia's 96,871 real 2016 protocols
// into the tally's national totals (share base: ballots cast, invalid
// included) and allocates the 225 list seats: the official result is
// United Russia 140, KPRF 35, LDPR 34, A Just Russia 16.
func TestAllocateContestRussia2016(t *testing.T) {
	tot, err := ruTotals(testsupport.RUStations(t))
	if err != nil {
		t.Fatal(err)
	}
	c, stub := live(t)
	stub.Set(tot)
	got, err := c.AllocateContest(context.Background(), &seatsv1.AllocateContestRequest{
		Contest: "elections/ru-duma-2016/contests/federal", Unit: "elections/ru-duma-2016/units/ru", Preset: "presets/ru-duma-2016"})
	if err != nil {
		t.Fatal(err)
	}
	s := seatsOf(got.GetAllocation())
	want := map[string]int32{"ER": 140, "KPRF": 35, "LDPR": 34, "SR": 16}
	var sum int32
	for id, n := range s {
		sum += n
		if n != want[id] {
			t.Errorf("%s: %d seats, want %d", id, n, want[id])
		}
	}
	if sum != 225 || got.GetThresholdBase() != 52631849 || got.GetThresholdBaseRole() != tallyv1.LineRole_LINE_ROLE_BALLOTS_CAST {
		t.Errorf("%d seats, threshold base %d (%v); want 225 and 52631849 ballots cast", sum, got.GetThresholdBase(), got.GetThresholdBaseRole())
	}
}

// ruTotals sums the RU 2016 station file as the tally would.
func ruTotals(path string) (*tallyv1.Totals, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(gz)
	head, err := r.Read()
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	var parties []string
	for i, h := range head {
		col[h] = i
		if id, ok := strings.CutPrefix(h, "votes_"); ok {
			parties = append(parties, id)
		}
	}
	votes := map[string]int64{}
	var cast, stations int64
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		num := func(c string) int64 {
			n, _ := strconv.ParseInt(rec[col[c]], 10, 64)
			return n
		}
		for _, p := range parties {
			votes[p] += num("votes_" + p)
		}
		cast += num("ballots_in_mobile_boxes") + num("ballots_in_stationary_boxes")
		stations++
	}
	t := &tallyv1.Totals{
		Name: "elections/ru-duma-2016/contests/federal/totals/ru", Unit: "elections/ru-duma-2016/units/ru",
		ShareBase: cast, ShareBaseRole: tallyv1.LineRole_LINE_ROLE_BALLOTS_CAST,
		Status: tallyv1.ResultStatus_RESULT_STATUS_UNOFFICIAL_COMPLETE, ResultsVersion: stations,
		StationsReporting: stations, StationsTotal: stations,
	}
	for _, p := range parties {
		t.Choices = append(t.Choices, &tallyv1.ChoiceTotal{Choice: p, Votes: votes[p]})
	}
	return t, nil
}

func TestAllocateContestTallyDown(t *testing.T) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := lis.Addr().String()
	lis.Close()
	c := seatsClient(t, tallysource.Config{Addr: addr})
	_, err = c.AllocateContest(context.Background(), &seatsv1.AllocateContestRequest{Contest: kzContest, Preset: "presets/kz-mazhilis-2009"})
	st := status.Convert(err)
	if st.Code() != codes.Unavailable || !strings.HasPrefix(st.Message(), "tally at "+addr+" unreachable: ") {
		t.Fatalf("err %v, want UNAVAILABLE naming the tally", err)
	}
	if reason(st) != "TALLY_UNAVAILABLE" {
		t.Errorf("details %v", st.Details())
	}
	stream, err := c.WatchContestAllocation(context.Background(), &seatsv1.WatchContestAllocationRequest{Contest: kzContest, Preset: "presets/kz-mazhilis-2009"})
	if err == nil {
		_, err = stream.Recv()
	}
	if status.Code(err) != codes.Unavailable {
		t.Errorf("watch: %v, want UNAVAILABLE", err)
	}
}

// reason is the ErrorInfo reason of a status, "" without exactly one.
func reason(st *status.Status) string {
	var rs []string
	for _, d := range st.Details() {
		if ei, ok := d.(*errdetails.ErrorInfo); ok {
			rs = append(rs, ei.GetReason())
		}
	}
	if len(rs) != 1 {
		return ""
	}
	return rs[0]
}

func TestAllocateContestTallyAnswers(t *testing.T) {
	c, stub := live(t)
	stub.Set(kzTotalsAt(48, 48))

	// NOT_FOUND passes through with the tally's resource.
	_, err := c.AllocateContest(context.Background(), &seatsv1.AllocateContestRequest{
		Contest: "elections/kz-2012/contests/senate", Unit: "elections/kz-2012/units/kz", Preset: "presets/kz-mazhilis-2009"})
	st := status.Convert(err)
	var ri *errdetails.ResourceInfo
	for _, d := range st.Details() {
		if r, ok := d.(*errdetails.ResourceInfo); ok {
			ri = r
		}
	}
	if st.Code() != codes.NotFound || ri.GetResourceName() != "elections/kz-2012/contests/senate/totals/kz" || reason(st) != "TOTALS_NOT_FOUND" {
		t.Errorf("err %v details %v, want NOT_FOUND naming the totals", err, st.Details())
	}

	// The caller's token goes on to the tally.
	before := len(stub.Authorizations())
	ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer observer")
	if _, err := c.AllocateContest(ctx, &seatsv1.AllocateContestRequest{Contest: kzContest, Unit: "elections/kz-2012/units/kz", Preset: "presets/kz-mazhilis-2009"}); err != nil {
		t.Fatal(err)
	}
	if auth := stub.Authorizations()[before:]; len(auth) != 1 || auth[0] != "Bearer observer" {
		t.Errorf("the tally saw %q, want the caller's token", auth)
	}

	// UNAVAILABLE answers are retried.
	stub.FailNext(3)
	if _, err := c.AllocateContest(context.Background(), &seatsv1.AllocateContestRequest{Contest: kzContest, Unit: "elections/kz-2012/units/kz", Preset: "presets/kz-mazhilis-2009"}); err != nil {
		t.Errorf("after three UNAVAILABLE answers: %v", err)
	}

	// Nothing counted yet is a state of the count.
	empty := kzTotalsAt(1, 0)
	for _, ch := range empty.GetChoices() {
		ch.Votes = 0
	}
	empty.ShareBase = 0
	stub.Set(empty)
	_, err = c.AllocateContest(context.Background(), &seatsv1.AllocateContestRequest{Contest: kzContest, Preset: "presets/kz-mazhilis-2009"})
	if st := status.Convert(err); st.Code() != codes.FailedPrecondition || reason(st) != "NO_VOTES_COUNTED" {
		t.Errorf("nothing counted: %v, want FAILED_PRECONDITION NO_VOTES_COUNTED", err)
	}
}

// kzElection is the definition the tally serves for kz-2012: the Mazhilis
// contest naming preset as its legal rule ("" for none).
func kzElection(preset string) *tallyv1.Election {
	return &tallyv1.Election{Name: "elections/kz-2012", Contests: []*tallyv1.Contest{{Name: kzContest, SeatPreset: preset}}}
}

func TestAllocateContestInvalid(t *testing.T) {
	c, stub := live(t)
	stub.SetElection(kzElection(""))
	hare := &seatsv1.Rule{Method: seatsv1.Method_METHOD_HARE, Seats: 10}
	tests := []struct {
		name   string
		req    *seatsv1.AllocateContestRequest
		field  string
		reason string
	}{
		{"no contest", &seatsv1.AllocateContestRequest{Preset: "presets/kz-mazhilis-2009"}, "contest", "INVALID_RESOURCE_NAME"},
		{"bad contest", &seatsv1.AllocateContestRequest{Contest: "elections/kz-2012", Preset: "presets/kz-mazhilis-2009"}, "contest", "INVALID_RESOURCE_NAME"},
		{"upper-case id", &seatsv1.AllocateContestRequest{Contest: "elections/KZ/contests/m", Preset: "presets/kz-mazhilis-2009"}, "contest", "INVALID_RESOURCE_NAME"},
		{"bad unit", &seatsv1.AllocateContestRequest{Contest: kzContest, Unit: "kz", Preset: "presets/kz-mazhilis-2009"}, "unit", "INVALID_RESOURCE_NAME"},
		{"unit of another election", &seatsv1.AllocateContestRequest{Contest: kzContest, Unit: "elections/ru-duma-2016/units/ru", Preset: "presets/kz-mazhilis-2009"}, "unit", "OTHER_ELECTION"},
		{"no rule, and the contest names none", &seatsv1.AllocateContestRequest{Contest: kzContest}, "rule", "RULE_REQUIRED"},
		{"rule and preset", &seatsv1.AllocateContestRequest{Contest: kzContest, Rule: hare, Preset: "presets/kz-mazhilis-2009"}, "rule", "RULE_AND_PRESET"},
		{"unknown preset", &seatsv1.AllocateContestRequest{Contest: kzContest, Preset: "presets/atlantis"}, "preset", "UNKNOWN_PRESET"},
		{"base given", &seatsv1.AllocateContestRequest{Contest: kzContest, Rule: &seatsv1.Rule{Method: seatsv1.Method_METHOD_HARE, Seats: 10,
			Threshold: &seatsv1.Threshold{Percent: "5", Base: 1000}}}, "rule.threshold.base", "BASE_FROM_TOTALS"},
		{"zero seats", &seatsv1.AllocateContestRequest{Contest: kzContest, Rule: &seatsv1.Rule{Method: seatsv1.Method_METHOD_HARE}}, "rule.seats", "SEATS_NOT_POSITIVE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.AllocateContest(context.Background(), tt.req)
			checkInvalid(t, err, tt.field, tt.reason)
		})
	}
	stream, err := c.WatchContestAllocation(context.Background(), &seatsv1.WatchContestAllocationRequest{Contest: kzContest, Preset: "presets/kz-mazhilis-2009", SinceVersion: -1})
	if err == nil {
		_, err = stream.Recv()
	}
	checkInvalid(t, err, "since_version", "NEGATIVE_VERSION")
}

// TestAllocateContestDefaultsToContestRule: a request without rule or
// preset follows the preset the contest names as its law (seat_preset),
// and says so in the answer; the same count under the contest's other
// possible law gives other seats, so the rule really comes from the
// contest. A contest naming a preset the server lacks is a fault of the
// definition, not of the request.
func TestAllocateContestDefaultsToContestRule(t *testing.T) {
	c, stub := live(t)
	stub.Set(kzTotalsAt(48, 48))
	for _, tc := range []struct {
		preset string
		want   map[string]int32
	}{
		{"presets/kz-mazhilis-2009", map[string]int32{"nur-otan": 83, "ak-zhol": 8, "cppk": 7}},
		// Another law, the same count: the Duma's 450 seats at 7 %.
		{"presets/ru-duma-2007", map[string]int32{"nur-otan": 381, "ak-zhol": 35, "cppk": 34}},
	} {
		stub.SetElection(kzElection(tc.preset))
		got, err := c.AllocateContest(context.Background(), &seatsv1.AllocateContestRequest{Contest: kzContest})
		if err != nil {
			t.Fatalf("%s: %v", tc.preset, err)
		}
		s := seatsOf(got.GetAllocation())
		for id, n := range tc.want {
			if s[id] != n {
				t.Errorf("%s: seats %v, want %v", tc.preset, s, tc.want)
				break
			}
		}
		if got.GetPreset() != tc.preset || got.GetThresholdBase() != 6941220 {
			t.Errorf("%s: preset %q, threshold base %d", tc.preset, got.GetPreset(), got.GetThresholdBase())
		}
	}
	// The watch defaults the same way.
	stub.SetElection(kzElection("presets/kz-mazhilis-2009"))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stream, err := c.WatchContestAllocation(ctx, &seatsv1.WatchContestAllocationRequest{Contest: kzContest})
	if err != nil {
		t.Fatal(err)
	}
	a := recvUntil(t, stream, 48)
	if last := a[len(a)-1]; last.GetPreset() != "presets/kz-mazhilis-2009" || seatsOf(last.GetAllocation())["ak-zhol"] != 8 {
		t.Errorf("watch: %v", last)
	}
	stub.SetElection(kzElection("presets/atlantis"))
	_, err = c.AllocateContest(context.Background(), &seatsv1.AllocateContestRequest{Contest: kzContest})
	if st := status.Convert(err); st.Code() != codes.FailedPrecondition || reason(st) != "UNKNOWN_PRESET" || !strings.Contains(st.Message(), "presets/atlantis") {
		t.Errorf("contest naming an unknown preset: %v, want FAILED_PRECONDITION UNKNOWN_PRESET", err)
	}
	_, err = c.AllocateContest(context.Background(), &seatsv1.AllocateContestRequest{Contest: "elections/kz-2012/contests/senate"})
	if st := status.Convert(err); st.Code() != codes.NotFound || reason(st) != "CONTEST_NOT_FOUND" {
		t.Errorf("no such contest: %v, want NOT_FOUND CONTEST_NOT_FOUND", err)
	}
}

func TestContestWithoutTally(t *testing.T) {
	_, err := client(t).AllocateContest(context.Background(), &seatsv1.AllocateContestRequest{Contest: kzContest, Preset: "presets/kz-mazhilis-2009"})
	if st := status.Convert(err); st.Code() != codes.FailedPrecondition || reason(st) != "NO_TALLY" {
		t.Errorf("err %v, want FAILED_PRECONDITION NO_TALLY", err)
	}
}

// recvUntil reads a watch until an allocation of version v and returns all
// read.
func recvUntil(t *testing.T, stream grpc.ServerStreamingClient[seatsv1.ContestAllocation], v int64) []*seatsv1.ContestAllocation {
	t.Helper()
	var got []*seatsv1.ContestAllocation
	for {
		a, err := stream.Recv()
		if err != nil {
			t.Fatalf("after %d allocations: %v", len(got), err)
		}
		got = append(got, a)
		if a.GetResultsVersion() == v {
			return got
		}
	}
}

// growing returns the KZ totals at version v, stations reporting as
// protocols arrive and Ak Zhol gaining votes, so the seats move.
func growing(v int64) *tallyv1.Totals {
	t := kzTotalsAt(v, min(48, 10+v/3))
	t.Choices[1].Votes += v * 15000
	t.ShareBase += v * 15000
	return t
}

func TestWatchContestAllocation(t *testing.T) {
	c, stub := live(t)
	stub.Set(growing(0))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	stream, err := c.WatchContestAllocation(ctx, &seatsv1.WatchContestAllocationRequest{Contest: kzContest, Preset: "presets/kz-mazhilis-2009"})
	if err != nil {
		t.Fatal(err)
	}
	first := recvUntil(t, stream, 0)
	if len(first) != 1 || !first[0].GetProjection() {
		t.Fatalf("first allocation %v", first)
	}
	for stub.Watchers() == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	for v := int64(1); v <= 100; v++ {
		stub.Set(growing(v))
	}
	got := recvUntil(t, stream, 100)
	if len(got) > 5 {
		t.Errorf("a burst of 100 totals gave %d allocations, want a few (at most 5)", len(got))
	}
	direct, err := c.AllocateContest(ctx, &seatsv1.AllocateContestRequest{Contest: kzContest, Preset: "presets/kz-mazhilis-2009"})
	if err != nil {
		t.Fatal(err)
	}
	last := got[len(got)-1]
	if s, want := seatsOf(last.GetAllocation()), seatsOf(direct.GetAllocation()); len(s) != 7 || s["ak-zhol"] != want["ak-zhol"] || s["nur-otan"] != want["nur-otan"] {
		t.Errorf("last watched seats %v, want %v", s, want)
	}
	if !last.GetProjection() || last.GetStationsReporting() != 43 || last.GetResultsVersion() != 100 {
		t.Errorf("last: projection %v, %d stations, version %d; want a projection from 43 stations at version 100",
			last.GetProjection(), last.GetStationsReporting(), last.GetResultsVersion())
	}
	cancel()

	// Resume after version 100: nothing until the totals change.
	ctx2, cancel2 := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel2()
	resumed, err := c.WatchContestAllocation(ctx2, &seatsv1.WatchContestAllocationRequest{Contest: kzContest, Preset: "presets/kz-mazhilis-2009", SinceVersion: 100})
	if err != nil {
		t.Fatal(err)
	}
	for stub.Calls("WatchTotals") < 2 {
		time.Sleep(5 * time.Millisecond)
	}
	stub.Set(growing(101))
	if got := recvUntil(t, resumed, 101); len(got) != 1 {
		t.Errorf("resumed watch sent %d allocations, want only version 101", len(got))
	}
	if s := stub.SinceVersions(); s[len(s)-1] != 100 {
		t.Errorf("the tally was watched since %v, want 100 last", s)
	}
}
