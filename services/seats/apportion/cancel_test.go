package apportion

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"
)

// countdownCtx is a context that is cancelled after its Err method has
// answered nil n times: it cancels the engine at a chosen check point, the
// same one on every run and machine, instead of after a wall-clock time.
type countdownCtx struct {
	context.Context
	n, calls, after atomic.Int64
}

func newCountdown(n int64) *countdownCtx {
	c := &countdownCtx{Context: context.Background()}
	c.n.Store(n)
	return c
}

func (c *countdownCtx) Err() error {
	k := c.calls.Add(1)
	if n := c.n.Load(); n >= 0 && k > n {
		c.after.Add(1)
		return context.Canceled
	}
	return nil
}

// TestMarginsStopOnCancel: margins stop at the first check after the
// context is cancelled, wherever that falls (one check per party and per
// segment of a margin search, every quota round), and the call returns the
// context's error, never a partial result. The 1,000-party cases are the
// benchmark's, with and without a threshold and the runner-up rule.
func TestMarginsStopOnCancel(t *testing.T) {
	ps := benchInput(1_000)
	methods := []Method{DHondt, HuntingtonHill, Hare, Droop, HagenbachBischoff}
	if testing.Short() {
		methods = []Method{DHondt, Hare} // make test runs it under -race
	}
	for _, m := range methods {
		for _, th := range []bool{false, true} {
			rule := Rule{Method: m, Seats: 10_000}
			if th {
				rule.Threshold = &Threshold{Percent: ratFrac(1, 10)}
				rule.RunnerUpGuaranteed = true
			}
			name := fmt.Sprintf("%s/threshold=%v", m, th)
			full := newCountdown(-1)
			if _, err := ApportionContext(full, ps, rule); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			total := full.calls.Load()
			if total < int64(len(ps)) {
				t.Fatalf("%s: only %d checks for %d parties' margins", name, total, len(ps))
			}
			for _, n := range []int64{0, 1, 2, total / 7, total / 3, total / 2, total - 2, total - 1} {
				ctx := newCountdown(n)
				start := time.Now()
				res, err := ApportionContext(ctx, ps, rule)
				if !errors.Is(err, context.Canceled) || res != nil {
					t.Fatalf("%s: cancelled at check %d of %d: %v (result %v)", name, n, total, err, res != nil)
				}
				// Once cancelled, the engine returns at the next check or
				// the one after (the caller re-checks to report it).
				if a := ctx.after.Load(); a > 3 {
					t.Errorf("%s: cancelled at check %d: %d more checks before returning", name, n, a)
				}
				// Logged, not asserted (CI never fails on timing).
				if d := time.Since(start); d > time.Second {
					t.Logf("%s: cancelled at check %d: returned after %v", name, n, d)
				}
			}
		}
	}
}
