package heaptrim

import (
	"context"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

func freeHeap() uint64 {
	s := []metrics.Sample{{Name: freeMetric}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

var sink [][]byte

// TestTrimAfterBurst: after a burst leaves much free heap, an idle process
// gets it returned to the system.
func TestTrimAfterBurst(t *testing.T) {
	// The burst: 256 MiB live, then garbage, collected; the pages stay with
	// the process.
	for i := 0; i < 256; i++ {
		sink = append(sink, make([]byte, 1<<20))
	}
	sink = nil
	runtime.GC()

	trims := make(chan Trim, 16)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go Run(ctx, Config{Every: 20 * time.Millisecond, Quiet: 1 << 20, MinFree: 16 << 20,
		Trimmed: func(tr Trim) { trims <- tr }})
	select {
	case tr := <-trims:
		if tr.Free < 128<<20 {
			t.Fatalf("trim saw %d bytes free, want the burst's 256 MiB mostly", tr.Free)
		}
		if tr.Released < 64<<20 {
			t.Fatalf("trim released %d bytes of %d free", tr.Released, tr.Free)
		}
		if f := freeHeap(); f >= tr.Free {
			t.Fatalf("free heap %d after the trim, %d before", f, tr.Free)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("no trim within 10 s of going idle (free heap %d)", freeHeap())
	}
}

// TestNoTrimWhileBusy: a process allocating more than Quiet every sample is
// never trimmed, however much free heap it holds.
func TestNoTrimWhileBusy(t *testing.T) {
	trims := make(chan Trim, 16)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		Run(ctx, Config{Every: 200 * time.Millisecond, Quiet: 1 << 20, MinFree: 1,
			Trimmed: func(tr Trim) { trims <- tr }})
	}()
	deadline := time.Now().Add(time.Second)
	for time.Now().Before(deadline) {
		for i := 0; i < 64; i++ {
			sink = append(sink[:0], make([]byte, 64<<10))
		}
		time.Sleep(time.Millisecond)
	}
	cancel()
	<-done
	if len(trims) > 0 {
		t.Fatalf("trimmed %d times while allocating", len(trims))
	}
}
