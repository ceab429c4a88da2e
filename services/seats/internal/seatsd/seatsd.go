// Package seatsd runs the seats daemon: configuration in, gRPC server out.
package seatsd

import (
	"context"
	"log/slog"
	"net"
	"time"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	"github.com/mandate-project/mandate/services/platform/grpcserver"
	"github.com/mandate-project/mandate/services/seats/internal/seatsapi"
)

// Config is everything seatsd can be told.
type Config struct {
	GRPCAddr string        // gRPC listen address
	Drain    time.Duration // how long a stop waits for in-flight calls
	Logger   *slog.Logger
	// Ready, when set, receives the bound address once listening (tests
	// listen on port 0).
	Ready func(addr string)
}

// MaxRecvBytes bounds a request: 100,000 parties with long names fit in 16 MiB.
const MaxRecvBytes = 16 << 20

// Run serves until ctx is cancelled.
func Run(ctx context.Context, cfg Config) error {
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	srv := grpcserver.New(log, grpcserver.Config{MaxRecvBytes: MaxRecvBytes, MaxSendBytes: 64 << 20, Drain: cfg.Drain})
	seatsv1.RegisterSeatsServiceServer(srv, seatsapi.New())
	lis, err := net.Listen("tcp", cfg.GRPCAddr)
	if err != nil {
		return err
	}
	log.Info("seats serving", "addr", lis.Addr().String())
	if cfg.Ready != nil {
		cfg.Ready(lis.Addr().String())
	}
	return srv.Serve(ctx, lis)
}
