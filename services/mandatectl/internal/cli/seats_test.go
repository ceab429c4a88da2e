package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/auth"
	"github.com/mandate-project/mandate/services/platform/testsupport"
)

// liveSystem is a real tallyd that needs tokens for reads, and a real
// seatsd reading from it.
type liveSystem struct {
	tallyBin, tallyStore, keyFile string
	tally, seats                  *testsupport.Daemon
	admin, reader                 string
}

func startLive(t *testing.T) *liveSystem {
	t.Helper()
	dir := t.TempDir()
	s := &liveSystem{
		tallyBin:   testsupport.Binary(t, "tallyd", testsupport.BuildOptions{}),
		tallyStore: filepath.Join(dir, "tally.db"),
		keyFile:    filepath.Join(dir, "tally.key"),
	}
	seatsBin := testsupport.Binary(t, "seatsd", testsupport.BuildOptions{})
	key, err := auth.NewHMAC()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.keyFile, key, 0o600); err != nil {
		t.Fatal(err)
	}
	signer, _, err := auth.ParseKey(key)
	if err != nil {
		t.Fatal(err)
	}
	issue := func(role auth.Role) string {
		now := time.Now()
		tok, err := auth.Issue(signer, auth.Claims{Subject: "seats-test-" + string(role), Role: role, Expires: now.Add(time.Hour).Unix()}, now)
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	s.admin, s.reader = issue(auth.Admin), issue(auth.Reader)
	s.tally = s.startTally(t, "127.0.0.1:0")
	s.seats = testsupport.Start(t, seatsBin, "", "seats serving", "--grpc-addr", "127.0.0.1:0", "--tally-addr", s.tally.Addr)
	return s
}

// startTally runs tallyd on addr with the system's store and key; reads
// need a token.
func (s *liveSystem) startTally(t *testing.T, addr string) *testsupport.Daemon {
	t.Helper()
	return testsupport.Start(t, s.tallyBin, "", "tally serving", "--grpc-addr", addr, "--store", s.tallyStore,
		"--auth-key", s.keyFile, "--public-reads=false")
}

// syncBuffer is a bytes.Buffer a command writes while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// allocationJSON is the part of a ContestAllocation the tests read
// (protojson writes int64 as strings).
type allocationJSON struct {
	Totals            string
	Preset            string
	ResultsVersion    string
	Status            string
	Projection        bool
	ThresholdBase     string
	ThresholdBaseRole string
	StationsReporting string
	Allocation        struct {
		Parties []struct {
			ID    string
			Seats int
		}
	}
}

func (a allocationJSON) seats() map[string]int {
	out := map[string]int{}
	for _, p := range a.Allocation.Parties {
		out[p.ID] = p.Seats
	}
	return out
}

// watchLines reads the JSON lines a watch has printed so far.
func watchLines(t *testing.T, out string) []allocationJSON {
	t.Helper()
	var got []allocationJSON
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		var a allocationJSON
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatalf("watch line %q: %v", l, err)
		}
		got = append(got, a)
	}
	return got
}

// waitFor polls cond every 50 ms for up to d.
func waitFor(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestSeatsFromLiveTally is the acceptance run of seats from the live
// count over real binaries: the Kazakhstan 2012 demo loaded into tallyd,
// `mandatectl seats` through seatsd gives Nur Otan 83, Ak Zhol 8, CPPK 7;
// the caller's token reaches the tally; a watch survives a tally restart
// and reports the certification made after it.
func TestSeatsFromLiveTally(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs tallyd and seatsd")
	}
	s := startLive(t)
	ctx := context.Background()
	root := testsupport.RepoRoot(t)
	var out, errOut bytes.Buffer
	if code := Main(ctx, []string{"demo", "load", "--server", s.tally.Addr, "--token", s.admin, "--examples", filepath.Join(root, "examples")}, &out, &errOut); code != 0 {
		t.Fatalf("demo load exit %d: %s %s", code, out.String(), errOut.String())
	}
	seatsArgs := []string{"seats", "--server", s.seats.Addr, "--contest", "elections/kz-2012/contests/mazhilis", "--preset", "presets/kz-mazhilis-2009"}

	// The tally needs a token for reads; the seats server has none of its
	// own to give, so the caller's is what the tally sees.
	out.Reset()
	errOut.Reset()
	if code := Main(ctx, append(seatsArgs, "--token", "not-a-token"), &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "Unauthenticated") {
		t.Errorf("a bad token: exit %d: %s, want the tally's UNAUTHENTICATED", code, errOut.String())
	}

	out.Reset()
	errOut.Reset()
	if code := Main(ctx, append(seatsArgs, "--token", s.reader, "--format", "json"), &out, &errOut); code != 0 {
		t.Fatalf("seats exit %d: %s", code, errOut.String())
	}
	var a allocationJSON
	if err := json.Unmarshal(out.Bytes(), &a); err != nil {
		t.Fatalf("seats JSON: %v\n%s", err, out.String())
	}
	if got := a.seats(); got["nur-otan"] != 83 || got["ak-zhol"] != 8 || got["cppk"] != 7 || got["osdp"] != 0 {
		t.Errorf("seats %v, want Nur Otan 83, Ak Zhol 8, CPPK 7", got)
	}
	if a.ThresholdBase != "6941220" || a.ThresholdBaseRole != "LINE_ROLE_VALID" || a.Projection ||
		a.Status != "RESULT_STATUS_UNOFFICIAL_COMPLETE" || a.StationsReporting != "48" {
		t.Errorf("allocation %+v", a)
	}

	out.Reset()
	if code := Main(ctx, append(seatsArgs, "--token", s.reader), &out, &errOut); code != 0 ||
		!strings.Contains(out.String(), "Nur Otan") || !strings.Contains(out.String(), "Complete count from all 48 stations") {
		t.Errorf("table: exit %d\n%s", code, out.String())
	}
	t.Logf("mandatectl seats:\n%s", out.String())

	// An explicit rule instead of a preset (issue 17.4): the 2009 law
	// spelt out as flags, and as a rule file, gives the preset's seats.
	ruleFile := filepath.Join(t.TempDir(), "rule.json")
	if err := os.WriteFile(ruleFile, []byte(`{"method": "hare", "seats": 98, "reserved": 9, "threshold": {"percent": "7"}, "runner_up_guaranteed": true}`), 0o600); err != nil {
		t.Fatal(err)
	}
	base := []string{"seats", "--server", s.seats.Addr, "--contest", "elections/kz-2012/contests/mazhilis", "--token", s.reader, "--format", "json"}
	for _, rule := range [][]string{
		{"--method", "hare", "--seats", "98", "--reserved", "9", "--threshold", "7", "--runner-up"},
		{"--rule", ruleFile},
	} {
		out.Reset()
		errOut.Reset()
		if code := Main(ctx, append(slices.Clone(base), rule...), &out, &errOut); code != 0 {
			t.Fatalf("seats %v: exit %d: %s", rule, code, errOut.String())
		}
		var a allocationJSON
		if err := json.Unmarshal(out.Bytes(), &a); err != nil {
			t.Fatalf("seats %v JSON: %v\n%s", rule, err, out.String())
		}
		if got := a.seats(); got["nur-otan"] != 83 || got["ak-zhol"] != 8 || got["cppk"] != 7 || got["osdp"] != 0 {
			t.Errorf("seats %v: %v, want Nur Otan 83, Ak Zhol 8, CPPK 7", rule, got)
		}
	}
	// D'Hondt without a threshold is another law, with other seats.
	out.Reset()
	if code := Main(ctx, append(slices.Clone(base), "--method", "dhondt", "--seats", "98"), &out, &errOut); code != 0 {
		t.Fatalf("seats --method dhondt: exit %d: %s", code, errOut.String())
	}
	var dh allocationJSON
	if err := json.Unmarshal(out.Bytes(), &dh); err != nil || dh.seats()["osdp"] == 0 {
		t.Errorf("D'Hondt, no threshold: %v %v, want OSDP seated", err, dh.seats())
	}
	errOut.Reset()
	if code := Main(ctx, append(slices.Clone(seatsArgs), "--method", "hare", "--seats", "98"), &out, &errOut); code != 2 {
		t.Errorf("--preset with --method: exit %d, want 2 (usage): %s", code, errOut.String())
	}
	// No rule at all: the contest's own legal rule, the seat_preset its
	// definition names (kz-mazhilis-2009 in examples/kz-2012).
	out.Reset()
	if code := Main(ctx, slices.Clone(base), &out, &errOut); code != 0 {
		t.Fatalf("seats without a rule: exit %d: %s", code, errOut.String())
	}
	var own allocationJSON
	if err := json.Unmarshal(out.Bytes(), &own); err != nil || own.Preset != "presets/kz-mazhilis-2009" ||
		own.seats()["nur-otan"] != 83 || own.seats()["ak-zhol"] != 8 || own.seats()["cppk"] != 7 {
		t.Errorf("the contest's rule: %v preset %q seats %v", err, own.Preset, own.seats())
	}
	// A unit by its display name, found in the tally at --tally; an id and
	// a resource name go to the seats service as they are.
	for _, u := range []string{"Astana", "astana", "elections/kz-2012/units/astana"} {
		out.Reset()
		errOut.Reset()
		if code := Main(ctx, append(slices.Clone(base), "--unit", u, "--tally", s.tally.Addr), &out, &errOut); code != 0 {
			t.Fatalf("seats --unit %q: exit %d: %s", u, code, errOut.String())
		}
		var a allocationJSON
		if err := json.Unmarshal(out.Bytes(), &a); err != nil || a.Totals != "elections/kz-2012/contests/mazhilis/totals/astana" {
			t.Errorf("seats --unit %q: %v totals %q", u, err, a.Totals)
		}
	}
	errOut.Reset()
	if code := Main(ctx, append(slices.Clone(base), "--unit", "Atlantis", "--tally", s.tally.Addr), &out, &errOut); code == 0 || !strings.Contains(errOut.String(), "Atlantis") {
		t.Errorf("seats --unit Atlantis: exit %d: %s, want an error naming it", code, errOut.String())
	}

	// Watch, restart the tally under it, certify: the watch reconnects and
	// reports the certified result.
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wout, werr syncBuffer
	wdone := make(chan int, 1)
	go func() {
		wdone <- Main(wctx, append(seatsArgs, "--token", s.reader, "--format", "json", "--watch"), &wout, &werr)
	}()
	waitFor(t, 30*time.Second, "the first watched allocation", func() bool { return len(watchLines(t, wout.String())) >= 1 })
	s.tally.Stop()
	s.tally = s.startTally(t, s.tally.Addr)

	conn, err := grpc.NewClient(s.tally.Addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	actx := metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+s.admin)
	if _, err := tallyv1.NewTallyServiceClient(conn).SetContestPhase(actx, &tallyv1.SetContestPhaseRequest{
		Name: "elections/kz-2012/contests/mazhilis", Phase: tallyv1.ResultStatus_RESULT_STATUS_CERTIFIED, Reason: "seats test"}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 30*time.Second, "the certified allocation", func() bool {
		ls := watchLines(t, wout.String())
		return ls[len(ls)-1].Status == "RESULT_STATUS_CERTIFIED"
	})
	cancel()
	if code := <-wdone; code != 0 {
		t.Errorf("watch exit %d: %s", code, werr.String())
	}
	ls := watchLines(t, wout.String())
	if last := ls[len(ls)-1]; last.seats()["nur-otan"] != 83 || last.Projection {
		t.Errorf("certified allocation %+v", last)
	}
	if len(ls) != 2 {
		t.Errorf("%d allocations watched, want 2 (current, certified)", len(ls))
	}
}

// TestSeatsWhileImportingRussia2016 watches the Duma's list seats while
// Russia's 96,871 real 2016 protocols stream into tallyd: a few
// allocations a second however fast protocols arrive, projections until
// the last station, and then the official result, United Russia 140, KPRF
// 35, LDPR 34, A Just Russia 16, with the 5 % threshold taken of all
// ballots cast, invalid included.
func TestSeatsWhileImportingRussia2016(t *testing.T) {
	if testing.Short() {
		t.Skip("RU 2016 import skipped in -short mode")
	}
	root := testsupport.RepoRoot(t)
	data := testsupport.RUStations(t)
	s := startLive(t)
	ctx := context.Background()
	var out, errOut bytes.Buffer
	if code := Main(ctx, []string{"define", "--server", s.tally.Addr, "--token", s.admin,
		"--definition", filepath.Join(root, "examples", "ru-duma-2016", "election.yaml")}, &out, &errOut); code != 0 {
		t.Fatalf("define exit %d: %s", code, errOut.String())
	}
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wout, werr syncBuffer
	wdone := make(chan int, 1)
	go func() {
		wdone <- Main(wctx, []string{"seats", "--server", s.seats.Addr, "--token", s.reader, "--contest", "elections/ru-duma-2016/contests/federal",
			"--preset", "presets/ru-duma-2016", "--unit", "ru", "--watch", "--format", "json"}, &wout, &werr)
	}()
	waitFor(t, 30*time.Second, "the watch to start", func() bool { return len(watchLines(t, wout.String())) >= 1 })

	start := time.Now()
	if code := Main(ctx, []string{"import", "csv", "--server", s.tally.Addr, "--token", s.admin, "--quiet",
		"--definition", filepath.Join(root, "examples", "ru-duma-2016", "election.yaml"), "--file", data}, &out, &errOut); code != 0 {
		t.Fatalf("import exit %d: %s %s", code, out.String(), errOut.String())
	}
	took := time.Since(start)
	waitFor(t, 30*time.Second, "the complete count", func() bool {
		ls := watchLines(t, wout.String())
		return ls[len(ls)-1].StationsReporting == "96871"
	})
	cancel()
	if code := <-wdone; code != 0 {
		t.Errorf("watch exit %d: %s", code, werr.String())
	}
	ls := watchLines(t, wout.String())
	last := ls[len(ls)-1]
	want := map[string]int{"ER": 140, "KPRF": 35, "LDPR": 34, "SR": 16}
	for id, n := range last.seats() {
		if n != want[id] {
			t.Errorf("%s: %d seats, want %d", id, n, want[id])
		}
	}
	if last.ThresholdBase != "52631849" || last.ThresholdBaseRole != "LINE_ROLE_BALLOTS_CAST" || last.Projection {
		t.Errorf("last allocation %+v", last)
	}
	projections := 0
	for _, a := range ls[:len(ls)-1] {
		if a.Projection {
			projections++
		}
	}
	perSecond := float64(len(ls)) / took.Seconds()
	t.Logf("import %s, %d allocations watched (%d projections), %.1f a second", took.Round(time.Millisecond), len(ls), projections, perSecond)
	if limit := took.Seconds()*4 + 3; float64(len(ls)) > limit {
		t.Errorf("%d allocations in %s: more than four a second", len(ls), took)
	}
	if projections == 0 {
		t.Error("no projection was watched during the import")
	}
}
