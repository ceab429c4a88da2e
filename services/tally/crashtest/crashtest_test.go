package crashtest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"
)

// config is the crash test's environment:
//
//	MANDATE_CRASH_CYCLES    kill/restart cycles (default 3; make soak: 50)
//	MANDATE_CRASH_STORE     sqlite (default) or postgres
//	MANDATE_CRASH_STATIONS  stations in the generated election (default 2000)
//	MANDATE_CRASH_CLIENTS   concurrent clients (default 16)
//	MANDATE_CRASH_SEED      seed of the workload and kill times (default: the clock)
type config struct {
	cycles, stations, clients int
	store                     string
	seed                      uint64
	soak                      bool // cycles were given: print the figures to stdout
}

func loadConfig(t *testing.T) config {
	t.Helper()
	cfg := config{cycles: 3, stations: 2000, clients: 16, store: "sqlite", seed: uint64(time.Now().UnixNano())}
	num := func(env string, dst *int, min int) {
		if s := os.Getenv(env); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < min {
				t.Fatalf("%s=%q: want an integer >= %d", env, s, min)
			}
			*dst = n
		}
	}
	num("MANDATE_CRASH_CYCLES", &cfg.cycles, 1)
	num("MANDATE_CRASH_STATIONS", &cfg.stations, 20)
	num("MANDATE_CRASH_CLIENTS", &cfg.clients, 1)
	cfg.soak = os.Getenv("MANDATE_CRASH_CYCLES") != ""
	if s := os.Getenv("MANDATE_CRASH_STORE"); s != "" {
		cfg.store = s
	}
	if s := os.Getenv("MANDATE_CRASH_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("MANDATE_CRASH_SEED=%q: %v", s, err)
		}
		cfg.seed = n
	}
	return cfg
}

// TestCrashRecovery runs tallyd as a process, drives it with concurrent
// clients submitting protocols and corrections, and kills it with SIGKILL at
// a random moment 100-800 ms into each cycle. After each restart on the same
// store the clients retry every request whose outcome they could not know,
// with the same idempotency key and content, and replay a sample of the
// acknowledged ones. At the end every acknowledged protocol must be stored
// with its content, none counted twice, and the totals of every unit equal to
// the sum of its stored protocols; the SQLite file must pass its integrity
// check.
func TestCrashRecovery(t *testing.T) {
	cfg := loadConfig(t)
	if testing.Short() && cfg.cycles > 10 {
		t.Skipf("%d crash cycles take minutes; skipped with -short", cfg.cycles)
	}
	store, dbFile := storeFor(t, cfg.store)
	bin := tallydBinary(t)
	t.Logf("store %s, %d cycles, %d clients, %d stations, seed %d (MANDATE_CRASH_SEED reproduces the workload; kill times depend on the machine too)",
		cfg.store, cfg.cycles, cfg.clients, cfg.stations, cfg.seed)

	began := time.Now()
	ctx := context.Background()
	d := newDaemon(t, bin, store, 10*time.Second)
	if err := d.start(); err != nil {
		if errors.Is(err, errNotBuilt) {
			msg := fmt.Sprintf("tallyd refuses a %s store: %v", cfg.store, err)
			if cfg.soak {
				fmt.Println("crash test skipped:", msg) // make soak runs without -v
			}
			t.Skip(msg)
		}
		t.Fatal(err)
	}
	w, err := newWorkload(cfg.seed, cfg.stations)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.define(ctx, d.client); err != nil {
		t.Fatal(err)
	}
	kills := rand.New(rand.NewPCG(cfg.seed, 1))
	for cycle := 1; cycle <= cfg.cycles; cycle++ {
		if cycle > 1 {
			if err := d.start(); err != nil {
				t.Fatalf("restart before cycle %d: %v", cycle, err)
			}
		}
		w.beginCycle()
		stop, done := make(chan struct{}), make(chan struct{})
		go func() {
			w.run(ctx, d.client, cfg.clients, stop, false)
			close(done)
		}()
		time.Sleep(time.Duration(100+kills.IntN(701)) * time.Millisecond)
		close(stop) // no new requests; those in flight meet the kill
		if cycle == 1 && cfg.cycles > 1 {
			// One graceful stop: with SQLite it writes the memory image,
			// which every later start reads and then catches up from the
			// store on what the killed cycles wrote after it (decision 101).
			d.terminate()
		} else {
			d.kill()
		}
		<-done
		if _, vs := w.snapshot(); len(vs) > 0 {
			failViolations(t, vs)
			t.FailNow()
		}
	}

	// A last start without a kill: settle every unknown outcome, then replay
	// every acknowledged request, which must change nothing.
	if err := d.start(); err != nil {
		t.Fatalf("final restart: %v", err)
	}
	w.beginCycle()
	w.run(ctx, d.client, cfg.clients, nil, true)
	w.replayAll()
	w.run(ctx, d.client, cfg.clients, nil, true)
	v := w.verify(ctx, d.client)
	// The log went through every kill with its changes: its export verifies.
	if problem := verifyExport(ctx, d, w.election); problem != "" {
		t.Error(problem)
	}
	stopTook := d.terminate()
	if code := d.exitCode(); code != 0 {
		t.Errorf("tallyd exited with %d after SIGTERM", code)
	}
	if dbFile != "" {
		// The stop wrote the memory image: a start from it holds the
		// same totals as the rebuilds of the killed cycles did.
		if err := d.start(); err != nil {
			t.Fatalf("start from the image: %v", err)
		}
		if !d.logged("election loaded from the memory image") {
			t.Error("tallyd did not load the election from the memory image its graceful stop wrote")
		}
		for _, p := range w.verify(ctx, d.client).problems {
			t.Error("after a start from the image: " + p)
		}
		d.terminate()
	}
	rows := -1
	if dbFile != "" {
		n, err := integrityCheck(dbFile)
		if err != nil {
			t.Errorf("SQLite after the run: %v", err)
		}
		rows = n
	}
	wall := time.Since(began)

	fig, vs := w.snapshot()
	failViolations(t, vs)
	for _, p := range v.problems {
		t.Error(p)
	}
	if rows >= 0 && rows != v.stored {
		t.Errorf("the SQLite file holds %d protocol rows, the API shows %d versions", rows, v.stored)
	}
	if fig.acked != v.stored {
		t.Errorf("%d protocol versions acknowledged, %d stored", fig.acked, v.stored)
	}
	report := fmt.Sprintf("crash test on %s: %d cycles (SIGKILL 100-800 ms into each but the first, which ends with SIGTERM when there are more), %d clients, %d stations, seed %d\n"+
		"  requests sent %d (%d distinct keys), acknowledged %d (%d corrections), duplicate originals refused %d\n"+
		"  unknown then retried %d (%d retry calls; %d had been stored before the kill), replays answered as the first time %d\n"+
		"  lost %d, double-counted %d; %d versions stored, %d units' totals checked, SQLite integrity %s\n"+
		"  restarts %d (mean %v to SERVING), SIGTERM stop %v, wall time %v",
		cfg.store, cfg.cycles, cfg.clients, len(w.stations), cfg.seed,
		fig.sent, fig.requests, fig.acked, fig.correctionsAck, fig.refused,
		fig.unknownRetried, fig.retries, fig.unknownStored, fig.replays,
		v.lost, v.double, v.stored, v.units, integrity(dbFile, t.Failed()),
		d.starts-1, mean(d.startup).Round(time.Millisecond), stopTook.Round(time.Millisecond), wall.Round(100*time.Millisecond))
	t.Log(report)
	if cfg.soak {
		fmt.Println(report)
	}
}

func failViolations(t *testing.T, vs []string) {
	t.Helper()
	for i, v := range vs {
		if i == 50 {
			t.Errorf("... and %d more", len(vs)-i)
			break
		}
		t.Error(v)
	}
}

func integrity(dbFile string, failed bool) string {
	switch {
	case dbFile == "":
		return "n/a"
	case failed:
		return "see errors"
	}
	return "ok"
}

func mean(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	var s time.Duration
	for _, d := range ds {
		s += d
	}
	return s / time.Duration(len(ds))
}
