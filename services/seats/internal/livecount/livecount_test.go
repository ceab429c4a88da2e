package livecount_test

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/internal/livecount"
)

var kzRef = livecount.Ref{Election: "kz-2012", Contest: "mazhilis", Unit: "kz"}

// kz2012 is the official national count of the Mazhilis 2012 party lists;
// the contest's share base is the valid votes (their sum).
func kz2012() livecount.Totals {
	return livecount.Totals{
		Ref: kzRef, UnitName: "Kazakhstan",
		Choices: []livecount.Choice{
			{ID: "nur-otan", Votes: 5621436}, {ID: "ak-zhol", Votes: 518405}, {ID: "cppk", Votes: 498788},
			{ID: "osdp", Votes: 116534}, {ID: "auyl", Votes: 82623}, {ID: "patriots", Votes: 57732}, {ID: "adilet", Votes: 45702},
		},
		ShareBase: 6941220, ShareBaseRole: livecount.RoleValid, Status: livecount.StatusComplete, Version: 48,
		StationsReporting: 48, StationsTotal: 48,
		RegisteredReporting: livecount.Ratio{Numerator: 9303693, Denominator: 9303693, Percent: "100.00"},
	}
}

// kzRule is the Kazakh 2009 law, its base left to the caller as in the
// preset.
func kzRule() apportion.Rule {
	return apportion.Rule{Method: apportion.Hare, Seats: 98, Reserved: 9,
		Threshold: &apportion.Threshold{Percent: big.NewRat(7, 1)}, RunnerUpGuaranteed: true}
}

func seats(a *livecount.Allocation) []int {
	var out []int
	for _, p := range a.Result.Parties {
		out = append(out, p.Seats)
	}
	return out
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestAllocateKazakhstan2012(t *testing.T) {
	rule := kzRule()
	a, err := livecount.Allocate(kz2012(), rule, time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if got := seats(a); !equal(got, []int{83, 8, 7, 0, 0, 0, 0}) {
		t.Errorf("seats %v, want 83 8 7 0 0 0 0", got)
	}
	if a.Rule.Threshold.Base != 6941220 {
		t.Errorf("threshold base %d, want the share base 6941220", a.Rule.Threshold.Base)
	}
	if rule.Threshold.Base != 0 {
		t.Error("Allocate changed the caller's rule")
	}
	if a.Projection || !strings.Contains(a.Note, "all 48 stations") {
		t.Errorf("projection %v note %q", a.Projection, a.Note)
	}
}

// TestThresholdBaseFromRole: the same votes pass or fail a 5 % threshold
// depending on the contest's legal base. The list has 5.2 % of the valid
// votes but 4.9 % of all ballots cast, invalid ones included.
func TestThresholdBaseFromRole(t *testing.T) {
	rule := apportion.Rule{Method: apportion.Hare, Seats: 100, Threshold: &apportion.Threshold{Percent: big.NewRat(5, 1)}}
	choices := []livecount.Choice{{ID: "big", Votes: 94800}, {ID: "small", Votes: 5200}}
	tests := []struct {
		name       string
		role       livecount.Role
		base       int64
		wantSmall  int
		wantPasses bool
	}{
		{"valid votes", livecount.RoleValid, 100000, 5, true},
		{"ballots cast with invalid", livecount.RoleBallotsCast, 106000, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tot := livecount.Totals{Ref: kzRef, Choices: choices, ShareBase: tt.base, ShareBaseRole: tt.role,
				Status: livecount.StatusComplete, StationsReporting: 1, StationsTotal: 1}
			a, err := livecount.Allocate(tot, rule, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			small := a.Result.Parties[1]
			if small.Seats != tt.wantSmall || small.Participates != tt.wantPasses {
				t.Errorf("small: %d seats, participates %v; want %d, %v", small.Seats, small.Participates, tt.wantSmall, tt.wantPasses)
			}
			if a.Rule.Threshold.Base != tt.base {
				t.Errorf("base %d, want %d", a.Rule.Threshold.Base, tt.base)
			}
		})
	}
}

func TestProjectionAndNote(t *testing.T) {
	tests := []struct {
		name       string
		status     livecount.Status
		reporting  int64
		projection bool
		note       string
	}{
		{"partial", livecount.StatusPartial, 29, true, "Projection from 29 of 48 stations (60.42 %) reporting, 61.50 % of registered voters"},
		{"complete", livecount.StatusComplete, 48, false, "Complete count from all 48 stations; not yet certified."},
		{"certified", livecount.StatusCertified, 48, false, "Certified result."},
		{"certified with stations missing", livecount.StatusCertified, 47, false, "Certified result (47 of 48 stations (97.92 %) reported)."},
		{"recount", livecount.StatusRecount, 48, false, "recount open"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tot := kz2012()
			tot.Status, tot.StationsReporting = tt.status, tt.reporting
			tot.RegisteredReporting.Percent = "61.50"
			a, err := livecount.Allocate(tot, kzRule(), time.Now())
			if err != nil {
				t.Fatal(err)
			}
			if a.Projection != tt.projection || !strings.Contains(a.Note, tt.note) {
				t.Errorf("projection %v note %q; want %v and %q", a.Projection, a.Note, tt.projection, tt.note)
			}
		})
	}
}

func TestAllocateNothingCounted(t *testing.T) {
	tot := kz2012()
	for i := range tot.Choices {
		tot.Choices[i].Votes = 0
	}
	tot.ShareBase, tot.StationsReporting, tot.Status = 0, 0, livecount.StatusPartial
	a, err := livecount.Allocate(tot, kzRule(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if a.Result != nil || a.Pending == nil || a.Pending.Reason != livecount.ReasonNoVotes {
		t.Fatalf("result %v pending %v", a.Result, a.Pending)
	}
	svc := livecount.New(&fakeSource{totals: tot}, livecount.Options{})
	_, err = svc.Allocate(context.Background(), kzRef, kzRule())
	var ce *livecount.CountError
	if !errors.As(err, &ce) || ce.Reason != livecount.ReasonNoVotes {
		t.Errorf("Service.Allocate: %v, want a CountError", err)
	}
}

func TestCheckRule(t *testing.T) {
	for name, rule := range map[string]apportion.Rule{
		"no seats":           {Method: apportion.Hare},
		"no method":          {Seats: 5},
		"threshold over 100": {Method: apportion.Hare, Seats: 5, Threshold: &apportion.Threshold{Percent: big.NewRat(101, 1)}},
	} {
		if err := livecount.CheckRule(rule); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if err := livecount.CheckRule(kzRule()); err != nil {
		t.Errorf("KZ rule: %v", err)
	}
}

// fakeSource serves fixed totals and forwards what the test pushes on feed
// to a watch.
type fakeSource struct {
	totals livecount.Totals
	feed   chan livecount.Totals
	end    error // returned by Watch when feed is closed

	mu     sync.Mutex
	sinces []int64
}

func (f *fakeSource) Root(context.Context, string) (string, error) { return "kz", nil }

func (f *fakeSource) Definition(context.Context, string) (livecount.Definition, error) {
	return livecount.Definition{}, nil
}

func (f *fakeSource) Totals(_ context.Context, ref livecount.Ref) (livecount.Totals, error) {
	t := f.totals
	t.Ref = ref
	return t, nil
}

func (f *fakeSource) Watch(ctx context.Context, _ livecount.Ref, since int64, fn func(livecount.Totals) error) error {
	f.mu.Lock()
	f.sinces = append(f.sinces, since)
	f.mu.Unlock()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case t, ok := <-f.feed:
			if !ok {
				return f.end
			}
			if err := fn(t); err != nil {
				return err
			}
		}
	}
}

// step returns the KZ totals at version v, Ak Zhol gaining votes with
// every version so the seats move.
func step(v int64) livecount.Totals {
	t := kz2012()
	t.Version = v
	t.Choices[1].Votes += v * 20000
	t.ShareBase += v * 20000
	return t
}

// watch runs Service.Watch in the background and returns the channel of
// allocations and the channel of its result.
func watch(t *testing.T, svc *livecount.Service, since int64) (<-chan *livecount.Allocation, <-chan error, context.CancelFunc) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	out := make(chan *livecount.Allocation, 1000)
	done := make(chan error, 1)
	go func() {
		done <- svc.Watch(ctx, kzRef, kzRule(), since, func(a *livecount.Allocation) error { out <- a; return nil })
	}()
	return out, done, cancel
}

// waitVersion reads allocations until one has version v and returns all
// read.
func waitVersion(t *testing.T, out <-chan *livecount.Allocation, v int64) []*livecount.Allocation {
	t.Helper()
	var got []*livecount.Allocation
	timeout := time.After(10 * time.Second)
	for {
		select {
		case a := <-out:
			got = append(got, a)
			if a.Totals.Version == v {
				return got
			}
		case <-timeout:
			t.Fatalf("no allocation of version %d; got %d allocations", v, len(got))
		}
	}
}

func TestWatchCoalesces(t *testing.T) {
	src := &fakeSource{totals: step(0), feed: make(chan livecount.Totals, 1000)}
	svc := livecount.New(src, livecount.Options{})
	out, _, _ := watch(t, svc, 0)
	for v := int64(1); v <= 100; v++ {
		src.feed <- step(v)
	}
	got := waitVersion(t, out, 100)
	if len(got) > 3 {
		t.Errorf("100 rapid totals gave %d allocations, want at most 3", len(got))
	}
	want, err := livecount.Allocate(step(100), kzRule(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if last := got[len(got)-1]; !equal(seats(last), seats(want)) {
		t.Errorf("last allocation %v, want %v", seats(last), seats(want))
	}
	select {
	case a := <-out:
		t.Errorf("allocation of version %d after the last totals", a.Totals.Version)
	case <-time.After(2 * livecount.DefaultInterval):
	}
}

// TestWatchRate: totals every 5 ms for a second yield about four
// allocations a second, never more than one per interval.
func TestWatchRate(t *testing.T) {
	src := &fakeSource{totals: step(0), feed: make(chan livecount.Totals, 1000)}
	svc := livecount.New(src, livecount.Options{})
	out, _, _ := watch(t, svc, 0)
	start := time.Now()
	v := int64(0)
	for time.Since(start) < time.Second {
		v++
		src.feed <- step(v)
		time.Sleep(5 * time.Millisecond)
	}
	got := waitVersion(t, out, v)
	if len(got) > 7 {
		t.Errorf("%d totals in a second gave %d allocations, want at most 7", v, len(got))
	}
	for i := 2; i < len(got); i++ {
		if d := got[i].Generated.Sub(got[i-1].Generated); d < livecount.DefaultInterval-20*time.Millisecond {
			t.Errorf("allocations %d and %d %s apart", i-1, i, d)
		}
	}
}

func TestWatchResume(t *testing.T) {
	t.Run("unchanged since", func(t *testing.T) {
		src := &fakeSource{totals: step(7), feed: make(chan livecount.Totals, 10)}
		out, _, _ := watch(t, livecount.New(src, livecount.Options{}), 7)
		select {
		case a := <-out:
			t.Fatalf("allocation of version %d before any change", a.Totals.Version)
		case <-time.After(100 * time.Millisecond):
		}
		src.feed <- step(8)
		if got := waitVersion(t, out, 8); len(got) != 1 {
			t.Errorf("%d allocations, want 1", len(got))
		}
		src.mu.Lock()
		defer src.mu.Unlock()
		if len(src.sinces) != 1 || src.sinces[0] != 7 {
			t.Errorf("source watched since %v, want [7]", src.sinces)
		}
	})
	t.Run("changed since", func(t *testing.T) {
		src := &fakeSource{totals: step(9), feed: make(chan livecount.Totals, 10)}
		out, _, _ := watch(t, livecount.New(src, livecount.Options{}), 7)
		waitVersion(t, out, 9)
		// The allocation may come before the Source is asked to watch.
		var sinces []int64
		for deadline := time.Now().Add(5 * time.Second); len(sinces) == 0 && time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			src.mu.Lock()
			sinces = append([]int64(nil), src.sinces...)
			src.mu.Unlock()
		}
		if len(sinces) != 1 || sinces[0] != 9 {
			t.Errorf("source watched since %v, want [9]", sinces)
		}
	})
}

// TestWatchSkipsRepeats: totals of a version already allocated are not sent
// again.
func TestWatchSkipsRepeats(t *testing.T) {
	src := &fakeSource{totals: step(3), feed: make(chan livecount.Totals, 10)}
	out, _, _ := watch(t, livecount.New(src, livecount.Options{Interval: time.Millisecond}), 0)
	waitVersion(t, out, 3)
	src.feed <- step(3)
	src.feed <- step(4)
	if got := waitVersion(t, out, 4); len(got) != 1 {
		t.Errorf("%d allocations, want only version 4", len(got))
	}
}

// TestWatchEnd: when the source gives up, the totals it left are still
// allocated and its error is returned.
func TestWatchEnd(t *testing.T) {
	gone := &livecount.UnavailableError{Addr: "tally:1", Cause: "gone"}
	src := &fakeSource{totals: step(1), feed: make(chan livecount.Totals, 10), end: gone}
	out, done, _ := watch(t, livecount.New(src, livecount.Options{}), 0)
	waitVersion(t, out, 1)
	src.feed <- step(2)
	close(src.feed)
	select {
	case err := <-done:
		if !errors.Is(err, gone) {
			t.Errorf("Watch returned %v, want the source's error", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Watch did not end with the source")
	}
	waitVersion(t, out, 2)
}
