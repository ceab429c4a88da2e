package groupcommit

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"testing"
)

type job struct {
	n     int
	alone bool
	batch int // which batch handled it
}

func TestBatchesWaitingJobsAndKeepsAloneJobsApart(t *testing.T) {
	var batches int
	started, release := make(chan struct{}), make(chan struct{})
	q := New(Options[*job]{
		MaxWeight: 10,
		Weight:    func(j *job) int { return j.n },
		Alone:     func(j *job) bool { return j.alone },
		Handle: func(b []*job) {
			if batches == 0 {
				close(started)
				<-release // hold the writer so the others queue up
			}
			for _, j := range b {
				j.batch = batches
			}
			batches++
		},
	})
	go func() { _ = q.Do(context.Background(), &job{n: 1}) }()
	<-started
	jobs := []*job{{n: 4}, {n: 4}, {n: 4}, {n: 4}, {n: 1, alone: true}, {n: 1}}
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Add(1)
		go func() { defer wg.Done(); _ = q.Do(context.Background(), j) }()
		for len(q.jobs) != i+1 { // one at a time: the queue's order is the slice's
			runtime.Gosched()
		}
	}
	close(release)
	wg.Wait()
	q.Close()
	// 4+4+4 passes MaxWeight 10 after three jobs; the alone job ends the
	// next batch and runs by itself; the last job follows.
	want := []int{1, 1, 1, 2, 3, 4}
	for i, j := range jobs {
		if j.batch != want[i] {
			t.Errorf("job %d in batch %d, want %d", i, j.batch, want[i])
		}
	}
}

func TestCloseHandlesQueuedJobsThenRefuses(t *testing.T) {
	handled := 0
	q := New(Options[int]{MaxWeight: 1, Weight: func(int) int { return 1 }, Handle: func(b []int) { handled += len(b) }})
	for i := range 5 {
		if err := q.Do(context.Background(), i); err != nil {
			t.Fatal(err)
		}
	}
	q.Close()
	q.Close() // idempotent
	if handled != 5 {
		t.Fatalf("handled %d, want 5", handled)
	}
	if err := q.Do(context.Background(), 9); !errors.Is(err, ErrClosed) {
		t.Fatalf("Do after Close: %v, want ErrClosed", err)
	}
}

func TestDoReturnsWhenContextEndsBeforeTheWriterTakesTheJob(t *testing.T) {
	started, block := make(chan struct{}), make(chan struct{})
	q := New(Options[int]{Capacity: 1, MaxWeight: 1, Weight: func(int) int { return 1 },
		Handle: func(b []int) {
			if b[0] == 1 {
				close(started)
				<-block
			}
		}})
	go func() { _ = q.Do(context.Background(), 1) }() // taken, holds the writer
	<-started
	go func() { _ = q.Do(context.Background(), 2) }() // fills the queue
	for len(q.jobs) == 0 {
		runtime.Gosched()
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := q.Do(ctx, 3); !errors.Is(err, context.Canceled) {
		t.Fatalf("Do with an ended context: %v", err)
	}
	close(block)
	q.Close()
}

// TestCallersWokenInBatchOrder: a batch's callers are answered one after
// the other in the batch's order, each only after the batch was handled
// (on one P, where waking them all at once would run the last first).
func TestCallersWokenInBatchOrder(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	started, release := make(chan struct{}), make(chan struct{})
	var handled []int
	q := New(Options[*job]{
		MaxWeight: 100,
		Weight:    func(*job) int { return 1 },
		Handle: func(b []*job) {
			if len(handled) == 0 && b[0].n == 0 {
				close(started)
				<-release // hold the writer so the others queue up
			}
			for _, j := range b {
				handled = append(handled, j.n)
			}
		},
	})
	defer q.Close()
	first := make(chan struct{})
	go func() {
		_ = q.Do(context.Background(), &job{n: 0})
		close(first)
	}()
	<-started
	const n = 10
	var mu sync.Mutex
	var answered []int
	var wg sync.WaitGroup
	for i := 1; i <= n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := q.Do(context.Background(), &job{n: i}); err != nil {
				t.Error(err)
			}
			mu.Lock()
			answered = append(answered, i)
			if len(handled) != n+1 {
				t.Errorf("job %d answered before its batch was handled", i)
			}
			mu.Unlock()
		}()
		for len(q.jobs) < i { // in the queue in this order
			runtime.Gosched()
		}
	}
	close(release)
	<-first
	wg.Wait()
	for k, i := range answered {
		if i != k+1 {
			t.Fatalf("answered in the order %v, want the batch's", answered)
		}
	}
}
