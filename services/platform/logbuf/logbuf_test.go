package logbuf_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mandate-project/mandate/services/platform/logbuf"
)

// lockedBuffer is an output safe to read while the Writer writes.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestEveryLineInOrder: lines written by many goroutines at once all reach
// the output whole, each goroutine's in its order, once Close returns.
func TestEveryLineInOrder(t *testing.T) {
	var out lockedBuffer
	w := logbuf.New(&out)
	const writers, lines = 20, 500
	var wg sync.WaitGroup
	for g := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range lines {
				if _, err := fmt.Fprintf(w, "g%d %d\n", g, i); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	next := make([]int, writers)
	got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	for _, l := range got {
		var g, i int
		if _, err := fmt.Sscanf(l, "g%d %d", &g, &i); err != nil || i != next[g] {
			t.Fatalf("line %q: %v, want g%d's line %d", l, err, g, next[g])
		}
		next[g]++
	}
	if len(got) != writers*lines {
		t.Errorf("%d lines, want %d", len(got), writers*lines)
	}
}

// stuck is an output whose writes wait until it is released.
type stuck struct {
	release chan struct{}
	lockedBuffer
}

func (s *stuck) Write(p []byte) (int, error) {
	<-s.release
	return s.lockedBuffer.Write(p)
}

// TestWriteDoesNotWaitForTheOutput: while the output is stuck, writes
// return at once until a megabyte waits; then they wait for the output,
// and nothing is lost.
func TestWriteDoesNotWaitForTheOutput(t *testing.T) {
	out := &stuck{release: make(chan struct{})}
	w := logbuf.New(out)
	line := bytes.Repeat([]byte("x"), 1023)
	line = append(line, '\n')
	done := make(chan struct{})
	go func() {
		defer close(done)
		// The goroutine takes at most a megabyte before the output stalls
		// it, a megabyte more may wait: the third cannot.
		for range 3 * 1024 {
			if _, err := w.Write(line); err != nil {
				t.Error(err)
			}
		}
	}()
	select {
	case <-done:
		t.Fatal("every write returned while the output was stuck: nothing bounds what waits")
	case <-time.After(200 * time.Millisecond):
	}
	close(out.release)
	<-done
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if n := len(out.String()); n != 3*1024*len(line) {
		t.Errorf("%d bytes written, want %d", n, 3*1024*len(line))
	}
}

type failing struct{}

func (failing) Write(p []byte) (int, error) { return 0, errors.New("disk full") }

// TestAfterClose: Close reports the output's error; lines written after it
// go straight to the output.
func TestAfterClose(t *testing.T) {
	w := logbuf.New(failing{})
	if _, err := w.Write([]byte("lost\n")); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err == nil || err.Error() != "disk full" {
		t.Errorf("Close = %v, want the output's error", err)
	}
	var out lockedBuffer
	w = logbuf.New(&out)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte("late\n")); err != nil || out.String() != "late\n" {
		t.Errorf("after Close: %q, %v", out.String(), err)
	}
}
