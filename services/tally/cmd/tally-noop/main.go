// Command tally-noop serves mandate.tally.v1.TallyService without doing any
// work: SubmitProtocol answers at once, everything else is Unimplemented. It
// is the baseline `make bench` measures tallyd against, and takes tallyd's
// shared flags (TLS, --auth-key, load shedding, metrics).
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/mandate-project/mandate/services/platform/envflag"
	"github.com/mandate-project/mandate/services/platform/logbuf"
	"github.com/mandate-project/mandate/services/platform/requestid"
	"github.com/mandate-project/mandate/services/tally/internal/noop"
)

func main() {
	var cfg noop.Config
	fs := envflag.New("tally-noop")
	fs.StringVar(&cfg.GRPCAddr, "grpc-addr", "TALLY_NOOP_GRPC_ADDR", "127.0.0.1:50061", "gRPC listen address (port 0 picks a free one)")
	fs.DurationVar(&cfg.Drain, "drain", "TALLY_NOOP_DRAIN", 10*time.Second, "how long a stop waits for in-flight calls")
	fs.BoolVar(&cfg.Bare, "bare", "TALLY_NOOP_BARE", false, "no front at all: a plain gRPC server without interceptors, logging, tokens or metrics (the bench's ceiling)")
	cfg.Common.Flags(fs, "TALLY_NOOP")
	// Decision 116: a tally's heap is small until an election is large;
	// collecting at every doubling of tens of MiB stalled reads during ingest.
	cfg.Common.GCHeadroomFlag(fs, "TALLY_NOOP", "256MiB")
	if err := fs.Parse(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "tally-noop:", err)
		os.Exit(2)
	}
	// As tallyd: calls do not wait for stderr to take their log lines.
	logs := logbuf.New(os.Stderr)
	cfg.Logger = slog.New(requestid.LogHandler(slog.NewJSONHandler(logs, nil))).With("service", "tally-noop")
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := noop.Run(ctx, cfg)
	if err != nil {
		cfg.Logger.Error("tally-noop stopped", "err", err)
	}
	_ = logs.Close()
	if err != nil {
		os.Exit(1)
	}
}
