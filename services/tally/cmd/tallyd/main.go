// Command tallyd serves Mandate's tally of polling-station protocols over
// gRPC.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"runtime/trace"
	"syscall"
	"time"

	"github.com/mandate-project/mandate/services/platform/buildinfo"
	"github.com/mandate-project/mandate/services/platform/envflag"
	"github.com/mandate-project/mandate/services/platform/logbuf"
	"github.com/mandate-project/mandate/services/platform/requestid"
	"github.com/mandate-project/mandate/services/tally/internal/tallyd"
)

func main() {
	var cfg tallyd.Config
	var version bool
	var cpuProfile, allocProfile, traceFile string
	fs := envflag.New("tallyd")
	fs.StringVar(&cfg.GRPCAddr, "grpc-addr", "TALLY_GRPC_ADDR", "127.0.0.1:50051", "gRPC listen address")
	fs.StringVar(&cfg.Store, "store", "TALLY_STORE", "var/tally.db", "database: a SQLite file path (or sqlite:PATH), or a postgres:// URL shared by several tallyd")
	fs.DurationVar(&cfg.Follow, "follow", "TALLY_FOLLOW", time.Second, "how often to read changes other tallyd wrote to a shared database")
	fs.DurationVar(&cfg.Drain, "drain", "TALLY_DRAIN", 10*time.Second, "how long a stop waits for in-flight calls")
	fs.StringVar(&cfg.Image, "image", "TALLY_IMAGE", "", "file the memory image is written to at a graceful stop and read from at the start, instead of rebuilding the totals from every stored protocol (`off`: never); default with SQLite: STORE.image, with PostgreSQL: off")
	fs.StringVar(&cfg.LogKey, "log-key", "TALLY_LOG_KEY", "", "file with the note signer key of the log's checkpoints (mandatectl log keygen); default with SQLite: STORE.logkey, made at the first start")
	fs.DurationVar(&cfg.CheckpointEvery, "checkpoint-interval", "TALLY_CHECKPOINT_INTERVAL", 5*time.Second, "how often to publish a checkpoint of a log that grew")
	fs.StringVar(&cfg.DevTokenFile, "dev-token-file", "TALLY_DEV_TOKEN_FILE", "var/dev-admin.token", "without --auth-key: where to write the development administrator token (loopback only)")
	cfg.Common.Flags(fs, "TALLY")
	// Decision 116: a tally's heap is small until an election is large;
	// collecting at every doubling of tens of MiB stalled reads during ingest.
	cfg.Common.GCHeadroomFlag(fs, "TALLY", "256MiB")
	fs.StringVar(&cpuProfile, "cpu-profile", "TALLY_CPU_PROFILE", "", "write a CPU profile of the whole run to this file (go tool pprof), for measuring")
	fs.StringVar(&allocProfile, "alloc-profile", "TALLY_ALLOC_PROFILE", "", "write the allocations of the whole run to this file at a graceful stop (go tool pprof -sample_index=alloc_space), for measuring")
	fs.StringVar(&traceFile, "trace", "TALLY_TRACE", "", "write an execution trace of the whole run to this file (go tool trace; each call is a region named by its method), for measuring")
	fs.FlagSet.BoolVar(&version, "version", false, "print the version and exit")
	if err := fs.Parse(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "tallyd:", err)
		os.Exit(2)
	}
	if version {
		fmt.Println(buildinfo.String("tallyd"))
		return
	}
	// Calls do not wait for stderr to take their log lines (logbuf).
	logs := logbuf.New(os.Stderr)
	cfg.Logger = slog.New(requestid.LogHandler(slog.NewJSONHandler(logs, nil))).With("service", "tallyd")
	stopProfile, err := record(cpuProfile, pprof.StartCPUProfile, pprof.StopCPUProfile)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tallyd:", err)
		os.Exit(2)
	}
	// The allocations are counted from the start; the profile is written
	// at the stop.
	var allocs io.Writer
	stopAllocs, err := record(allocProfile, func(w io.Writer) error { allocs = w; return nil },
		func() { _ = pprof.Lookup("allocs").WriteTo(allocs, 0) })
	if err != nil {
		fmt.Fprintln(os.Stderr, "tallyd:", err)
		os.Exit(2)
	}
	stopTrace, err := record(traceFile, trace.Start, trace.Stop)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tallyd:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err = tallyd.Run(ctx, cfg)
	stop()
	stopProfile()
	stopAllocs()
	stopTrace()
	if err != nil {
		cfg.Logger.Error("tallyd stopped", "err", err)
	}
	_ = logs.Close()
	if err != nil {
		os.Exit(1)
	}
}

// record writes a CPU profile, the allocations or an execution trace (start, stop) of the
// process to path until the returned function runs, which a graceful stop
// reaches; with no path it records nothing.
func record(path string, start func(io.Writer) error, stop func()) (func(), error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := start(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		stop()
		f.Close()
	}, nil
}
