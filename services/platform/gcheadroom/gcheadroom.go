// Package gcheadroom lets a daemon's heap grow by at least a set amount
// over its live data before the collector runs again.
//
// Go collects when the heap has grown by GOGC percent of the live data
// (100: as much again). A tally holding a small election has tens of MiB
// live, so during an ingest it collected several times a second (52 times
// in the bench's 10 s of submissions, each mark phase 20 to 70 ms), and a
// read that arrived during one waited behind the mark workers: half of the
// national reads slower than 5 ms in a traced run overlapped a mark phase.
// Raising GOGC for every heap would let a large tally (a million stations,
// hundreds of MiB live) double past its memory; a headroom in bytes costs a
// small heap a fixed amount and a large one nothing: the percentage is
// recomputed from the live heap after every collection, and never falls
// below the GOGC the process started with. The soft memory limit
// (memlimit) still caps the heap whatever the percentage says.
package gcheadroom

import (
	"errors"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// MinLive is the runtime's minimum heap at GOGC=100: its goal is never
// below MinLive*GOGC/100, so a percentage computed from less live data
// than this would set a goal far past the headroom (4 MiB live and 256 MiB
// of headroom is GOGC 6400; 100 KiB live would be 256,000 and a minimum
// goal of 10 GiB).
const MinLive = 4 << 20

// Percent is the GOGC that lets live bytes grow by about headroom bytes
// before the next collection (live counted as at least MinLive), never
// below base, the GOGC the process would otherwise use. A negative base
// (GOGC=off) and a zero headroom leave base as it is.
func Percent(live, headroom uint64, base int) int {
	if base < 0 || headroom == 0 {
		return base
	}
	live = max(live, MinLive)
	// Rounded up, so the goal is at least live + headroom; headroom is at
	// most a few GiB, so headroom*100 does not overflow.
	p := (headroom*100 + live - 1) / live
	return max(base, int(min(p, 1<<30)))
}

const liveMetric = "/gc/heap/live:bytes"

var running atomic.Bool

// Tuner keeps the percentage up to date; Start makes one.
type Tuner struct {
	headroom uint64
	base     int
	stopped  atomic.Bool
	mu       sync.Mutex // serializes adjust with Stop's restore
	sample   []metrics.Sample
	set      atomic.Int64 // the percentage set last
	cycles   atomic.Int64 // collections seen
}

// ErrRunning is returned by Start while another Tuner runs: the
// percentage is the process's, so there can be only one.
var ErrRunning = errors.New("gcheadroom: a tuner is already running")

// Start sets the percentage for the current live heap and keeps it up to
// date after each collection until Stop. A headroom of 0 starts nothing
// and returns a nil Tuner (whose methods do nothing).
func Start(headroom uint64) (*Tuner, error) {
	if headroom == 0 {
		return nil, nil
	}
	if !running.CompareAndSwap(false, true) {
		return nil, ErrRunning
	}
	// SetGCPercent returns the previous value: read GOGC's by setting it
	// back at once.
	base := debug.SetGCPercent(100)
	debug.SetGCPercent(base)
	t := &Tuner{headroom: headroom, base: base, sample: []metrics.Sample{{Name: liveMetric}}}
	t.set.Store(int64(base))
	t.adjust()
	t.arm()
	return t, nil
}

// arm asks to be called after the next collection: a cleanup runs once
// the sentinel is found unreachable, that is after the collection that
// found it, and arms the next one.
func (t *Tuner) arm() {
	s := new(sentinel)
	runtime.AddCleanup(s, func(t *Tuner) {
		if t.stopped.Load() {
			return
		}
		t.cycles.Add(1)
		t.adjust()
		t.arm()
	}, t)
}

// sentinel is large enough not to share an allocation with other tiny
// objects, which would keep it alive past its collection.
type sentinel struct{ _ [32]byte }

func (t *Tuner) adjust() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped.Load() {
		return
	}
	metrics.Read(t.sample)
	var live uint64
	if t.sample[0].Value.Kind() == metrics.KindUint64 {
		live = t.sample[0].Value.Uint64()
	}
	p := Percent(live, t.headroom, t.base)
	// A change of a few percent is not worth the heap lock.
	if old := int(t.set.Load()); p != old && (p*20 < old*19 || p*20 > old*21 || p == t.base) {
		debug.SetGCPercent(p)
		t.set.Store(int64(p))
	}
}

// Percent is the percentage set last (0 for a nil Tuner).
func (t *Tuner) Percent() int {
	if t == nil {
		return 0
	}
	return int(t.set.Load())
}

// Cycles is how many collections the tuner has seen.
func (t *Tuner) Cycles() int64 {
	if t == nil {
		return 0
	}
	return t.cycles.Load()
}

// Stop restores the percentage the process started with.
func (t *Tuner) Stop() {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped.Swap(true) {
		return
	}
	debug.SetGCPercent(t.base)
	running.Store(false)
}
