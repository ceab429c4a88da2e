package tallysource_test

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/seats/internal/livecount"
	"github.com/mandate-project/mandate/services/seats/internal/tallysource"
	"github.com/mandate-project/mandate/services/seats/internal/tallystub"
)

var ref = livecount.Ref{Election: "kz-2012", Contest: "mazhilis", Unit: "kz"}

func totals(version int64) *tallyv1.Totals {
	return &tallyv1.Totals{
		Name: ref.Name(), Unit: "elections/kz-2012/units/kz", UnitDisplayName: "Kazakhstan",
		Choices: []*tallyv1.ChoiceTotal{
			{Choice: "nur-otan", DisplayName: "Nur Otan", Votes: 5621436 + version},
			{Choice: "ak-zhol", DisplayName: "Ak Zhol", Votes: 518405},
		},
		ShareBase: 6139841 + version, ShareBaseRole: tallyv1.LineRole_LINE_ROLE_VALID,
		Status:         tallyv1.ResultStatus_RESULT_STATUS_UNOFFICIAL_PARTIAL,
		ResultsVersion: version, StationsReporting: 29, StationsTotal: 48,
		RegisteredReporting: &tallyv1.Ratio{Numerator: 61, Denominator: 100, Percent: "61.00"},
		GenerateTime:        timestamppb.New(time.Unix(1326585600, 0)),
		Checkpoint:          &tallyv1.Checkpoint{Name: "elections/kz-2012/checkpoints/7", TreeSize: 7, RootHash: []byte{1, 2}, Note: "note"},
	}
}

// stubServer serves stub on a real TCP listener at addr ("127.0.0.1:0"
// picks a port) and returns the bound address and a stop function.
func stubServer(t *testing.T, stub *tallystub.Server, addr string) (string, func()) {
	t.Helper()
	var lis net.Listener
	var err error
	for range 50 { // a restart may find the port still being released
		if lis, err = net.Listen("tcp", addr); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	srv := grpc.NewServer()
	stub.Register(srv)
	go func() { _ = srv.Serve(lis) }()
	var once sync.Once
	stop := func() { once.Do(srv.Stop) }
	t.Cleanup(stop)
	return lis.Addr().String(), stop
}

// client returns a tallysource client for addr with short backoffs and a
// count of retries and reconnects.
func client(t *testing.T, addr string, tune func(*tallysource.Config)) (*tallysource.Client, *atomic.Int32) {
	t.Helper()
	var retries atomic.Int32
	cfg := tallysource.Config{Addr: addr, CallTimeout: 3 * time.Second, Backoff: 10 * time.Millisecond, MaxBackoff: 100 * time.Millisecond,
		Logger: slog.New(slog.DiscardHandler), OnRetry: func(string, uint, error) { retries.Add(1) }}
	if tune != nil {
		tune(&cfg)
	}
	c, err := tallysource.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c, &retries
}

func TestTotalsAndCredentials(t *testing.T) {
	stub := tallystub.New()
	stub.Set(totals(5))
	addr, _ := stubServer(t, stub, "127.0.0.1:0")
	c, retries := client(t, addr, nil)
	ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer reader-token")
	got, err := c.Totals(ctx, ref)
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != 5 || got.ShareBase != 6139846 || got.ShareBaseRole != livecount.RoleValid || got.Status != livecount.StatusPartial ||
		got.StationsReporting != 29 || got.StationsTotal != 48 || got.RegisteredReporting.Percent != "61.00" ||
		len(got.Choices) != 2 || got.Choices[1].ID != "ak-zhol" || got.Choices[1].Votes != 518405 || got.UnitName != "Kazakhstan" ||
		!got.Generated.Equal(time.Unix(1326585600, 0)) || got.Checkpoint == nil || got.Checkpoint.TreeSize != 7 || got.Checkpoint.Note != "note" {
		t.Errorf("totals %+v", got)
	}
	if auth := stub.Authorizations(); len(auth) != 1 || auth[0] != "Bearer reader-token" {
		t.Errorf("the tally saw authorization %q, want the caller's token", auth)
	}
	if retries.Load() != 0 {
		t.Errorf("%d retries", retries.Load())
	}
	for range 2 {
		root, err := c.Root(ctx, "kz-2012")
		if err != nil || root != "kz" {
			t.Fatalf("Root = %q, %v", root, err)
		}
	}
	if n := stub.Calls("ListReportingUnits"); n != 1 {
		t.Errorf("ListReportingUnits called %d times, want 1 (the root is kept)", n)
	}
}

func TestRetriesOnUnavailable(t *testing.T) {
	stub := tallystub.New()
	stub.Set(totals(5))
	addr, _ := stubServer(t, stub, "127.0.0.1:0")
	c, retries := client(t, addr, nil)
	stub.FailNext(2)
	if _, err := c.Totals(context.Background(), ref); err != nil {
		t.Fatalf("after two UNAVAILABLE answers: %v", err)
	}
	if n := stub.Calls("GetTotals"); n != 3 || retries.Load() != 2 {
		t.Errorf("%d calls, %d retries; want 3 and 2", n, retries.Load())
	}

	stub.FailNext(100)
	_, err := c.Totals(context.Background(), ref)
	var ue *livecount.UnavailableError
	if !errors.As(err, &ue) || ue.Addr != addr {
		t.Fatalf("err %v, want UnavailableError for %s", err, addr)
	}
	if n := stub.Calls("GetTotals"); n != 3+5 {
		t.Errorf("%d calls, want 5 more attempts", n-3)
	}
}

func TestTallyDown(t *testing.T) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := lis.Addr().String()
	lis.Close() // nothing listens there now
	c, retries := client(t, addr, nil)
	start := time.Now()
	_, err = c.Totals(context.Background(), ref)
	var ue *livecount.UnavailableError
	if !errors.As(err, &ue) {
		t.Fatalf("err %v, want UnavailableError", err)
	}
	if want := "tally at " + addr + " unreachable: "; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("message %q, want it to start with %q", err.Error(), want)
	}
	if retries.Load() != 4 {
		t.Errorf("%d retries, want 4 (5 attempts)", retries.Load())
	}
	t.Logf("gave up after %s: %v", time.Since(start).Round(time.Millisecond), err)
}

func TestNotFoundPassesThrough(t *testing.T) {
	stub := tallystub.New()
	addr, _ := stubServer(t, stub, "127.0.0.1:0")
	c, retries := client(t, addr, nil)
	_, err := c.Totals(context.Background(), ref)
	st := status.Convert(err)
	if st.Code() != codes.NotFound {
		t.Fatalf("err %v, want NOT_FOUND", err)
	}
	found := false
	for _, d := range st.Details() {
		if ri, ok := d.(*errdetails.ResourceInfo); ok && ri.GetResourceName() == ref.Name() {
			found = true
		}
	}
	if !found || retries.Load() != 0 {
		t.Errorf("details %v, retries %d: want the ResourceInfo and no retry", st.Details(), retries.Load())
	}
	err = c.Watch(context.Background(), ref, 0, func(livecount.Totals) error { return nil })
	if status.Code(err) != codes.NotFound {
		t.Errorf("Watch: %v, want NOT_FOUND at once", err)
	}
}

// TestWatchReconnects: the tally stops and comes back on the same address
// with more protocols counted; the watch reconnects and resumes after the
// last version it delivered.
func TestWatchReconnects(t *testing.T) {
	stub := tallystub.New()
	stub.Set(totals(5))
	addr, stop := stubServer(t, stub, "127.0.0.1:0")
	c, retries := client(t, addr, nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	got := make(chan int64, 100)
	done := make(chan error, 1)
	go func() {
		done <- c.Watch(ctx, ref, 0, func(t livecount.Totals) error { got <- t.Version; return nil })
	}()
	expect := func(v int64) {
		t.Helper()
		select {
		case g := <-got:
			if g != v {
				t.Fatalf("version %d, want %d", g, v)
			}
		case err := <-done:
			t.Fatalf("watch ended: %v", err)
		case <-time.After(10 * time.Second):
			t.Fatalf("no totals of version %d", v)
		}
	}
	expect(5)
	stub.Set(totals(6))
	expect(6)

	stop()
	restarted := tallystub.New()
	restarted.Set(totals(9))
	stubServer(t, restarted, addr)
	expect(9)
	if s := restarted.SinceVersions(); len(s) != 1 || s[0] != 6 {
		t.Errorf("the restarted tally was watched since %v, want [6]", s)
	}
	if retries.Load() == 0 {
		t.Error("no reconnect was counted")
	}
	restarted.Set(totals(10))
	expect(10)
	cancel()
	if err := <-done; status.Code(err) != codes.Canceled {
		t.Errorf("Watch ended with %v, want CANCELED", err)
	}
}

// TestWatchGivesUp: a tally that stays away ends the watch with
// UnavailableError after ReconnectFor.
func TestWatchGivesUp(t *testing.T) {
	stub := tallystub.New()
	stub.Set(totals(5))
	addr, stop := stubServer(t, stub, "127.0.0.1:0")
	c, _ := client(t, addr, func(c *tallysource.Config) { c.ReconnectFor = 300 * time.Millisecond })
	done := make(chan error, 1)
	seen := make(chan struct{}, 10)
	go func() {
		done <- c.Watch(context.Background(), ref, 0, func(livecount.Totals) error { seen <- struct{}{}; return nil })
	}()
	<-seen
	stop()
	select {
	case err := <-done:
		var ue *livecount.UnavailableError
		if !errors.As(err, &ue) {
			t.Errorf("Watch ended with %v, want UnavailableError", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Watch did not give up")
	}
}

// DefinitionFromWire: a set's districts become its contests' ids in order,
// and a list tier without a preset takes its contest's seat_preset.
func TestDefinitionFromWire(t *testing.T) {
	def := tallysource.DefinitionFromWire("e", &tallyv1.Election{
		Contests: []*tallyv1.Contest{{Name: "elections/e/contests/list", SeatPreset: "presets/kz-mazhilis-2009",
			Choices: []*tallyv1.Choice{{Id: "A", DisplayName: "Party A", Color: "#ff0000"}}},
			{Name: "elections/e/contests/smd-d1", Kind: tallyv1.ContestKind_CONTEST_KIND_SINGLE_WINNER, District: "elections/e/units/d1",
				Choices: []*tallyv1.Choice{{Id: "x", Party: "A"}}}},
		SingleMemberDistricts: []*tallyv1.SingleMemberDistricts{{Id: "smd", Districts: []*tallyv1.SingleMemberDistrict{{Unit: "d1"}}}},
		Chambers: []*tallyv1.Chamber{{Name: "elections/e/chambers/house", Seats: 3, Tiers: []*tallyv1.ChamberTier{
			{Id: "list", Kind: tallyv1.TierKind_TIER_KIND_LIST, Seats: 2, Contest: "elections/e/contests/list"},
			{Id: "smd", Kind: tallyv1.TierKind_TIER_KIND_SINGLE_MEMBER, Seats: 1, SingleMemberDistricts: "smd"},
		}}},
	})
	ch := def.Chambers[0]
	if ch.ID != "house" || ch.Tiers[0].Preset != "presets/kz-mazhilis-2009" || ch.Tiers[0].Contest != "list" ||
		len(ch.Tiers[1].SingleMember) != 1 || ch.Tiers[1].SingleMember[0] != "smd-d1" || def.Contests["smd-d1"].District != "d1" ||
		!def.Contests["smd-d1"].SingleWinner || def.Contests["smd-d1"].Choices[0].Party != "A" {
		t.Errorf("definition %+v", def)
	}
}
