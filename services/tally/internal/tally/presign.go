package tally

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// Checkpoints signed off the read path.
//
// Every totals response carries the signed checkpoint of exactly the log
// size its totals include. During ingest each landing makes a new size,
// and a reader that was first to ask for it read the tree hash from the
// store and signed it: about 0.2 ms, a hundred times the totals. So each
// published view also asks for its size to be signed by one goroutine of
// the Log, after the landing and outside the election's lock; the reader
// then finds it among the Log's recent checkpoints. Only the newest size
// of each election is kept (sizes a busy signer skipped are signed by
// their readers, as before), and only while someone reads checkpoints:
// an import nobody watches signs nothing.

// presignIdle is how long after the last checkpoint read the signer
// keeps signing new sizes.
const presignIdle = 2 * time.Second

// presigner collects the sizes views published. Safe for concurrent use.
type presigner struct {
	mu    sync.Mutex
	want  map[string]int64 // election -> newest log size to sign
	wake  chan struct{}    // capacity 1
	lastR atomic.Int64     // unix nanoseconds of the last checkpoint read
}

func newPresigner() *presigner {
	return &presigner{want: map[string]int64{}, wake: make(chan struct{}, 1)}
}

// published asks for a size to be signed when checkpoints are being read.
// Called by the writer while it publishes a view: it never blocks.
func (p *presigner) published(election string, size int64) {
	if p == nil || size == 0 || time.Now().UnixNano()-p.lastR.Load() > int64(presignIdle) {
		return
	}
	p.mu.Lock()
	if size > p.want[election] {
		p.want[election] = size
	}
	p.mu.Unlock()
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// read records that a reader asked for a checkpoint.
func (p *presigner) read() {
	if p != nil {
		p.lastR.Store(time.Now().UnixNano())
	}
}

// run signs the sizes asked for until ctx ends.
func (p *presigner) run(ctx context.Context, l *Log) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-p.wake:
		}
		p.mu.Lock()
		todo := p.want
		p.want = map[string]int64{}
		p.mu.Unlock()
		for e, size := range todo {
			// A failure is the reader's to report: it signs the size itself.
			_, _ = l.checkpointAt(ctx, e, size)
		}
	}
}
