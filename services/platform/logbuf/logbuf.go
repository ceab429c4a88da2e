// Package logbuf writes a daemon's log lines from a goroutine of their own,
// so that a call does not wait for the kernel to take its line.
//
// slog's handlers hold one mutex while they write a line, so every call
// logging at once queued behind the one whose write(2) was slow, and a call
// answers only after its finished-call line is written: under tallyd's
// ingest the request log's mutex and write were a fifth of a national
// read's time (docs/performance.md, "Reads that never wait"). A Writer
// copies the line and returns; its goroutine writes what has gathered, in
// order, as soon as it can. Nothing is dropped: when more than maxPending
// bytes wait (the output is stuck), Write waits for the goroutine. A
// process that dies without Close loses the lines not written yet (a few
// microseconds' worth); the runtime writes a crash's own report directly.
package logbuf

import (
	"io"
	"sync"
)

// maxPending bounds the bytes waiting to be written.
const maxPending = 1 << 20

// Writer is an io.Writer that writes to its output from its own goroutine.
type Writer struct {
	out io.Writer

	mu      sync.Mutex
	drained *sync.Cond // signalled whenever the goroutine took what waited
	pending []byte
	closed  bool
	wake    chan struct{} // capacity 1
	done    chan struct{} // closed when the goroutine has written everything and ended
	err     error         // the output's first error
}

// New starts a Writer writing to out.
func New(out io.Writer) *Writer {
	w := &Writer{out: out, wake: make(chan struct{}, 1), done: make(chan struct{})}
	w.drained = sync.NewCond(&w.mu)
	go w.run()
	return w
}

// Write queues a copy of p and returns at once, unless too much waits.
// After Close it writes directly, so late lines are not lost.
func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	for len(w.pending) > 0 && len(w.pending)+len(p) > maxPending && !w.closed {
		w.drained.Wait()
	}
	if w.closed {
		w.mu.Unlock()
		<-w.done // after the lines queued before Close
		return w.out.Write(p)
	}
	w.pending = append(w.pending, p...)
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
	return len(p), nil
}

func (w *Writer) run() {
	defer close(w.done)
	var buf []byte
	for {
		<-w.wake
		w.mu.Lock()
		buf, w.pending = w.pending, buf[:0]
		closed := w.closed
		w.drained.Broadcast()
		w.mu.Unlock()
		if len(buf) > 0 {
			if _, err := w.out.Write(buf); err != nil {
				w.mu.Lock()
				if w.err == nil {
					w.err = err
				}
				w.mu.Unlock()
			}
		}
		if closed {
			return
		}
	}
}

// Close writes what waits and stops the goroutine; later writes go
// straight to the output. It returns the output's first error.
func (w *Writer) Close() error {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		<-w.done
		return w.err
	}
	w.closed = true
	w.drained.Broadcast()
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
	<-w.done
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}
