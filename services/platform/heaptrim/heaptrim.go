// Package heaptrim hands a daemon's idle heap back to the system after a
// burst of allocation.
//
// Go's collector lets the heap grow to about twice the live data before it
// collects, and its background scavenger returns the freed pages slowly. A
// bulk load (a million protocols imported, a rebuild at start) therefore
// leaves the process holding hundreds of MiB it no longer uses until the
// next burst. Once allocation has been quiet for a moment, Trimmer forces
// one collection and returns every free page (debug.FreeOSMemory), so the
// resident size falls back to the live data. It never runs while the
// process is busy: a collection forced in the middle of an ingest would only
// add work.
package heaptrim

import (
	"context"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// Config says when to trim. The zero value of a field takes its default.
type Config struct {
	// Every is how often allocation is sampled (default 1 s).
	Every time.Duration
	// Quiet is the most bytes allocated during one sample for the process
	// to count as idle (default 8 MiB: a daemon serving reads allocates
	// far less; an import allocates that in milliseconds).
	Quiet uint64
	// MinFree is the least free, not yet returned heap worth a collection
	// (default 64 MiB).
	MinFree uint64
	// Idle is how many samples in a row must be quiet before a trim
	// (default 3: an import stream whose client stalls for a second, as
	// one starved of CPU does, is not idle; a trim then would force a
	// collection of the whole heap in the middle of the import).
	Idle int
	// Trimmed, when set, is told what each trim returned.
	Trimmed func(Trim)
}

// Trim is what one trim did.
type Trim struct {
	// Free is the free heap the process held before the trim; Released is
	// how much more the heap had returned to the system after it.
	Free, Released uint64
	Took           time.Duration
}

const (
	allocsMetric   = "/gc/heap/allocs:bytes"
	freeMetric     = "/memory/classes/heap/free:bytes"
	releasedMetric = "/memory/classes/heap/released:bytes"
)

// Run samples until ctx is done, trimming whenever the process was idle
// for Idle samples in a row and holds at least MinFree of free heap.
func Run(ctx context.Context, cfg Config) {
	if cfg.Every <= 0 {
		cfg.Every = time.Second
	}
	if cfg.Quiet == 0 {
		cfg.Quiet = 8 << 20
	}
	if cfg.MinFree == 0 {
		cfg.MinFree = 64 << 20
	}
	if cfg.Idle <= 0 {
		cfg.Idle = 3
	}
	samples := []metrics.Sample{{Name: allocsMetric}, {Name: freeMetric}, {Name: releasedMetric}}
	read := func() (allocs, free, released uint64) {
		metrics.Read(samples)
		return samples[0].Value.Uint64(), samples[1].Value.Uint64(), samples[2].Value.Uint64()
	}
	last, _, _ := read()
	quiet := 0
	tick := time.NewTicker(cfg.Every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		allocs, free, released := read()
		if allocs-last > cfg.Quiet {
			quiet = 0
		} else {
			quiet++
		}
		last = allocs
		if quiet < cfg.Idle || free < cfg.MinFree {
			continue
		}
		quiet = 0
		start := time.Now()
		debug.FreeOSMemory()
		// The collection and the trim allocate a little themselves; the
		// next sample starts after them so they do not count as work.
		var after uint64
		last, _, after = read()
		if cfg.Trimmed != nil {
			cfg.Trimmed(Trim{Free: free, Released: after - min(after, released), Took: time.Since(start)})
		}
	}
}
