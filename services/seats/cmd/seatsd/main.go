// Command seatsd serves Mandate's seat apportionment over gRPC.
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/mandate-project/mandate/services/platform/buildinfo"
	"github.com/mandate-project/mandate/services/platform/envflag"
	"github.com/mandate-project/mandate/services/seats/internal/seatsd"
)

func main() {
	var cfg seatsd.Config
	var version bool
	fs := envflag.New("seatsd")
	fs.StringVar(&cfg.GRPCAddr, "grpc-addr", "SEATS_GRPC_ADDR", "127.0.0.1:50052", "gRPC listen address")
	fs.DurationVar(&cfg.Drain, "drain", "SEATS_DRAIN", 10*time.Second, "how long a stop waits for in-flight calls")
	cfg.Common.Flags(fs, "SEATS")
	fs.FlagSet.BoolVar(&version, "version", false, "print the version and exit")
	if err := fs.Parse(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "seatsd:", err)
		os.Exit(2)
	}
	if version {
		fmt.Println(buildinfo.String("seatsd"))
		return
	}
	cfg.Logger = slog.New(slog.NewJSONHandler(os.Stderr, nil)).With("service", "seatsd")
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := seatsd.Run(ctx, cfg); err != nil {
		cfg.Logger.Error("seatsd stopped", "err", err)
		os.Exit(1)
	}
}
