package tally_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/mandate-project/mandate/services/tally/internal/sqlitestore"
	"github.com/mandate-project/mandate/services/tally/internal/storetest"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// gatedStore commits protocols and then waits for the test before it
// answers: the store has the change while the service has not landed it.
type gatedStore struct {
	tally.Store
	committed chan struct{}
	gate      chan struct{}
}

func (g gatedStore) AppendProtocols(ctx context.Context, batch []tally.ProtocolVersion) ([]tally.AppendResult, error) {
	res, err := g.Store.AppendProtocols(ctx, batch)
	g.committed <- struct{}{}
	<-g.gate
	return res, err
}

// TestWatchWaitsForTheLanding: a watcher is told of a change only once the
// totals count it. Before, a watcher that read the store between its
// commit and the landing got the change with totals without it, and
// nothing later (the landing found nothing new to tell): a seats watch
// ended a whole import on the totals of the batch before the last.
func TestWatchWaitsForTheLanding(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	poll := tally.WatchPoll
	tally.WatchPoll = 5 * time.Millisecond // the watcher reads the store often
	t.Cleanup(func() { tally.WatchPoll = poll })

	inner, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "t.db"), sqlitestore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { inner.Close() })
	st := gatedStore{Store: inner, committed: make(chan struct{}, 1), gate: make(chan struct{})}
	svc := definedServiceOn(t, st)
	before, err := svc.Totals(ctx, "test-2024", "list", "")
	if err != nil {
		t.Fatal(err)
	}

	type told struct{ change, totals int64 }
	var mu sync.Mutex
	var got []told
	wctx, stop := context.WithCancel(ctx)
	defer stop()
	go svc.Watch(wctx, "test-2024", "list", "", before.ResultsVersion, func(cs []tally.Change) error {
		tot, err := svc.Totals(wctx, "test-2024", "list", "")
		if err != nil {
			return err
		}
		mu.Lock()
		got = append(got, told{cs[len(cs)-1].ResultsVersion, tot.ResultsVersion})
		mu.Unlock()
		return nil
	})

	submitted := make(chan error, 1)
	go func() {
		_, err := svc.Submit(ctx, storetest.Sub("list", "n1", 10, 300, 200, 100))
		submitted <- err
	}()
	<-st.committed
	time.Sleep(100 * time.Millisecond) // twenty polls of the store, the change in it
	mu.Lock()
	early := append([]told(nil), got...)
	mu.Unlock()
	if len(early) > 0 {
		t.Errorf("told %+v before the landing", early)
	}
	close(st.gate)
	if err := <-submitted; err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		mu.Lock()
		n := len(got)
		mu.Unlock()
		if n > 0 || time.Now().After(deadline) {
			break
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 1 || got[0].totals < got[0].change || got[0].change != before.ResultsVersion+1 {
		t.Errorf("told %+v, want the change at version %d once, with totals counting it", got, before.ResultsVersion+1)
	}
}
