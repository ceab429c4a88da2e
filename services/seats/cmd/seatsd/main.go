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
	"github.com/mandate-project/mandate/services/platform/requestid"
	"github.com/mandate-project/mandate/services/seats/internal/seatsd"
)

func main() {
	var cfg seatsd.Config
	var version bool
	fs := envflag.New("seatsd")
	fs.StringVar(&cfg.GRPCAddr, "grpc-addr", "SEATS_GRPC_ADDR", "127.0.0.1:50052", "gRPC listen address")
	fs.DurationVar(&cfg.Drain, "drain", "SEATS_DRAIN", 10*time.Second, "how long a stop waits for in-flight calls")
	cfg.Common.Flags(fs, "SEATS")
	fs.StringVar(&cfg.Tally.Addr, "tally-addr", "SEATS_TALLY_ADDR", "127.0.0.1:50051", "tally gRPC address, read by AllocateContest and WatchContestAllocation")
	fs.DurationVar(&cfg.Tally.CallTimeout, "tally-timeout", "SEATS_TALLY_TIMEOUT", 5*time.Second, "deadline of one call to the tally, retries included")
	fs.BoolVar(&cfg.Tally.TLS.Enable, "tally-tls", "SEATS_TALLY_TLS", false, "dial the tally over TLS (system roots unless --tally-ca)")
	fs.StringVar(&cfg.Tally.TLS.CAFile, "tally-ca", "SEATS_TALLY_CA", "", "CA that signed the tally's certificate (implies --tally-tls)")
	fs.StringVar(&cfg.Tally.TLS.CertFile, "tally-cert", "SEATS_TALLY_CERT", "", "client certificate for mutual TLS to the tally")
	fs.StringVar(&cfg.Tally.TLS.KeyFile, "tally-key", "SEATS_TALLY_KEY", "", "client key for mutual TLS to the tally")
	fs.StringVar(&cfg.Tally.TLS.ServerName, "tally-server-name", "SEATS_TALLY_SERVER_NAME", "", "name expected in the tally's certificate")
	fs.FlagSet.BoolVar(&version, "version", false, "print the version and exit")
	if err := fs.Parse(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "seatsd:", err)
		os.Exit(2)
	}
	if version {
		fmt.Println(buildinfo.String("seatsd"))
		return
	}
	cfg.Logger = slog.New(requestid.LogHandler(slog.NewJSONHandler(os.Stderr, nil))).With("service", "seatsd")
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := seatsd.Run(ctx, cfg); err != nil {
		cfg.Logger.Error("seatsd stopped", "err", err)
		os.Exit(1)
	}
}
