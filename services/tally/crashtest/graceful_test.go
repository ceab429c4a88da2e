package crashtest

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
)

// streamEnd is how a server stream ended, as its client saw it.
type streamEnd struct {
	health []healthpb.HealthCheckResponse_ServingStatus // health updates received
	msgs   int
	err    error
	at     time.Time
}

// TestGracefulStopUnderLoad sends SIGTERM to tallyd while clients submit
// protocols and two long-lived streams are open (a health watch, as a load
// balancer or client-side health checking holds, and a totals watch, as a
// results page holds). The health watch must see NOT_SERVING; both streams
// must end with UNAVAILABLE (reconnect and resume) instead of being held
// until the drain time runs out; every unary call the server took must be
// answered; the process must exit 0 well within the drain time; and after a
// restart nothing acknowledged may be missing.
func TestGracefulStopUnderLoad(t *testing.T) {
	cfg := loadConfig(t)
	store, dbFile := storeFor(t, cfg.store)
	bin := tallydBinary(t)
	const drain = 5 * time.Second
	d := newDaemon(t, bin, store, drain)
	if err := d.start(); err != nil {
		if errors.Is(err, errNotBuilt) {
			t.Skipf("tallyd refuses a %s store: %v", cfg.store, err)
		}
		t.Fatal(err)
	}
	w, err := newWorkload(cfg.seed, 400)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := w.define(ctx, d.client); err != nil {
		t.Fatal(err)
	}

	hw, err := healthpb.NewHealthClient(d.conn).Watch(ctx, &healthpb.HealthCheckRequest{Service: tallyService})
	if err != nil {
		t.Fatal(err)
	}
	if h, err := hw.Recv(); err != nil || h.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		t.Fatalf("health watch: %v %v", h, err)
	}
	tw, err := d.client.WatchTotals(ctx, &tallyv1.WatchTotalsRequest{Name: w.parent + "/totals/nation"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tw.Recv(); err != nil {
		t.Fatalf("totals watch: %v", err)
	}
	healthEnd, totalsEnd := make(chan streamEnd, 1), make(chan streamEnd, 1)
	go func() {
		var e streamEnd
		for {
			h, err := hw.Recv()
			if err != nil {
				e.err, e.at = err, time.Now()
				healthEnd <- e
				return
			}
			e.health = append(e.health, h.GetStatus())
		}
	}()
	go func() {
		var e streamEnd
		for {
			if _, err := tw.Recv(); err != nil {
				e.err, e.at = err, time.Now()
				totalsEnd <- e
				return
			}
			e.msgs++
		}
	}()

	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		w.run(ctx, d.client, cfg.clients, stop, false)
		close(done)
	}()
	time.Sleep(400 * time.Millisecond)
	sigterm := time.Now()
	took := d.terminate()
	close(stop)
	<-done
	across := w.answeredAcross(sigterm)

	if code := d.exitCode(); code != 0 {
		t.Errorf("tallyd exited with %d after SIGTERM", code)
	}
	// Unary calls take milliseconds: the stop must not wait for the drain
	// time, which only bounds calls that do not finish.
	if took >= drain || d.logged("drain time exceeded") {
		t.Errorf("tallyd took %v to stop after SIGTERM (drain %v): something held the graceful stop until the drain ran out", took.Round(time.Millisecond), drain)
	}
	for name, ch := range map[string]chan streamEnd{"health watch": healthEnd, "totals watch": totalsEnd} {
		var e streamEnd
		select {
		case e = <-ch:
		case <-time.After(10 * time.Second):
			t.Errorf("%s still open 10 s after tallyd exited", name)
			continue
		}
		if c := status.Code(e.err); c != codes.Unavailable {
			t.Errorf("%s ended with %v, want UNAVAILABLE", name, e.err)
		}
		t.Logf("%s ended %v after SIGTERM: %v", name, e.at.Sub(sigterm).Round(time.Millisecond), e.err)
		if name == "health watch" && !slices.Contains(e.health, healthpb.HealthCheckResponse_NOT_SERVING) {
			t.Errorf("health watch never reported NOT_SERVING (got %v)", e.health)
		}
	}

	// After a restart: a call the client saw fail must not be stored (the
	// server answers every call it takes before it exits), and every
	// acknowledged one must be.
	if err := d.start(); err != nil {
		t.Fatal(err)
	}
	fig, vs := w.snapshot()
	failViolations(t, vs)
	cut := 0
	for _, r := range w.pendingUnknowns() {
		p, err := d.client.GetProtocol(ctx, &tallyv1.GetProtocolRequest{Name: w.parent + "/protocols/" + r.st.id})
		if status.Code(err) == codes.NotFound {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range p.GetVersions() {
			if v.GetRequestId() == r.msg.GetRequestId() {
				cut++
				t.Errorf("request %s is stored (version %d) but its client was told: %v", r.msg.GetRequestId(), v.GetVersion(), r.err)
			}
		}
	}
	w.beginCycle()
	w.run(ctx, d.client, cfg.clients, nil, true)
	v := w.verify(ctx, d.client)
	for _, p := range v.problems {
		t.Error(p)
	}
	d.terminate()
	if dbFile != "" {
		if _, err := integrityCheck(dbFile); err != nil {
			t.Error(err)
		}
	}
	t.Logf("SIGTERM under load (%d clients): exit after %v (drain %v); %d requests acknowledged, %d of them in flight at the SIGTERM; %d failed UNAVAILABLE while stopping (%d of them stored: calls cut); after restart lost %d, double-counted %d",
		cfg.clients, took.Round(time.Millisecond), drain, fig.acked, across, fig.unknownRetried, cut, v.lost, v.double)
}
