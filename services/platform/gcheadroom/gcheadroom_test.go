package gcheadroom

import (
	"errors"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

const mib = 1 << 20

func TestPercent(t *testing.T) {
	for _, c := range []struct {
		name           string
		live, headroom uint64
		base, want     int
	}{
		{"small heap gets the headroom", 30 * mib, 256 * mib, 100, 854},
		{"exact multiple", 64 * mib, 256 * mib, 100, 400},
		{"large heap keeps GOGC", 600 * mib, 256 * mib, 100, 100},
		{"a higher GOGC is kept", 600 * mib, 256 * mib, 300, 300},
		{"GOGC=off is kept", 30 * mib, 256 * mib, -1, -1},
		{"no headroom", 30 * mib, 0, 100, 100},
		{"nothing live counts as the runtime's minimum heap", 0, 256 * mib, 100, 6400},
		{"almost nothing live", 1024, 256 * mib, 100, 6400},
		{"just above the minimum", 4*mib + 1, 256 * mib, 100, 6400},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Percent(c.live, c.headroom, c.base); got != c.want {
				t.Errorf("Percent(%d, %d, %d) = %d, want %d", c.live, c.headroom, c.base, got, c.want)
			}
		})
	}
}

// withGOGC runs f with GOGC at base and restores the test binary's own.
func withGOGC(t *testing.T, base int) {
	t.Helper()
	old := debug.SetGCPercent(base)
	t.Cleanup(func() { debug.SetGCPercent(old) })
}

// waitCycles waits until the tuner has seen n collections.
func waitCycles(t *testing.T, tu *Tuner, n int64) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for tu.Cycles() < n {
		if time.Now().After(deadline) {
			t.Fatalf("the tuner saw %d collections, want %d", tu.Cycles(), n)
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
}

var sink []byte

// churn allocates total bytes of garbage and returns how many collections
// ran meanwhile.
func churn(total int) uint32 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < total/mib; i++ {
		sink = make([]byte, mib)
	}
	sink = nil
	runtime.ReadMemStats(&after)
	return after.NumGC - before.NumGC
}

func TestSmallHeapCollectsByHeadroom(t *testing.T) {
	withGOGC(t, 100)
	runtime.GC()
	baseline := churn(512 * mib) // a few MiB live: a collection every few MiB

	tu, err := Start(128 * mib)
	if err != nil {
		t.Fatal(err)
	}
	defer tu.Stop()
	waitCycles(t, tu, 1)
	if tu.Percent() <= 100 {
		t.Fatalf("percentage %d with a small live heap, want above 100", tu.Percent())
	}
	got := churn(512 * mib)
	// 512 MiB of garbage at 128 MiB of headroom: about 4 collections (the
	// tuner's own adjustments and rounding allow a few more).
	if got > 8 {
		t.Errorf("%d collections for 512 MiB with a 128 MiB headroom, want at most 8 (%d without it)", got, baseline)
	}
	if baseline <= 2*got {
		t.Errorf("%d collections without the headroom, %d with it: want far fewer with it", baseline, got)
	}
	t.Logf("collections for 512 MiB of garbage: %d at GOGC=100, %d with 128 MiB of headroom (GOGC %d)", baseline, got, tu.Percent())
}

func TestLargeHeapKeepsItsGOGC(t *testing.T) {
	withGOGC(t, 100)
	live := make([][]byte, 96)
	for i := range live {
		live[i] = make([]byte, mib)
	}
	tu, err := Start(32 * mib)
	if err != nil {
		t.Fatal(err)
	}
	defer tu.Stop()
	waitCycles(t, tu, 2)
	if tu.Percent() != 100 {
		t.Errorf("percentage %d with 96 MiB live and 32 MiB of headroom, want GOGC's 100", tu.Percent())
	}
	runtime.KeepAlive(live)
}

func TestStopRestoresAndOneAtATime(t *testing.T) {
	withGOGC(t, 150)
	tu, err := Start(256 * mib)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Start(256 * mib); !errors.Is(err, ErrRunning) {
		t.Errorf("second Start: %v, want ErrRunning", err)
	}
	if p := debug.SetGCPercent(-1); p <= 150 {
		t.Errorf("GOGC %d while running, want above 150", p)
	}
	tu.Stop()
	if p := debug.SetGCPercent(150); p != 150 {
		t.Errorf("GOGC %d after Stop, want the 150 it started with", p)
	}
	tu2, err := Start(256 * mib)
	if err != nil {
		t.Fatalf("Start after Stop: %v", err)
	}
	tu2.Stop()
}

func TestZeroHeadroomStartsNothing(t *testing.T) {
	tu, err := Start(0)
	if err != nil || tu != nil {
		t.Fatalf("Start(0) = %v, %v; want nil, nil", tu, err)
	}
	tu.Stop() // a nil Tuner does nothing
	if tu.Percent() != 0 || tu.Cycles() != 0 {
		t.Error("a nil Tuner reports figures")
	}
}
