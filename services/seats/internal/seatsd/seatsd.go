// Package seatsd runs the seats daemon: configuration in, gRPC server out.
package seatsd

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"time"

	"github.com/mandate-project/mandate/gen/descriptor"
	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	"github.com/mandate-project/mandate/services/platform/auth"
	"github.com/mandate-project/mandate/services/platform/daemon"
	"github.com/mandate-project/mandate/services/platform/grpcserver"
	"github.com/mandate-project/mandate/services/platform/metrics"
	"github.com/mandate-project/mandate/services/seats/internal/livecount"
	"github.com/mandate-project/mandate/services/seats/internal/seatsapi"
	"github.com/mandate-project/mandate/services/seats/internal/tallysource"
)

// Config is everything seatsd can be told.
type Config struct {
	GRPCAddr string        // gRPC listen address
	Drain    time.Duration // how long a stop waits for in-flight calls
	Logger   *slog.Logger
	// Ready, when set, receives the bound address once listening (tests
	// listen on port 0).
	Ready func(addr string)
	// Common: TLS, access control, load shedding, metrics.
	Common daemon.Common
	// Tally is where contests' totals are read from (Addr, TLS, call
	// timeout); it is dialed at the first call, so seatsd starts while the
	// tally is down. Without an address the contest methods answer
	// FAILED_PRECONDITION.
	Tally tallysource.Config
}

// accessRules: every seats method is a read (a computation that stores
// nothing), open to anyone when reads are public.
func accessRules() map[string]auth.Rule {
	rules := map[string]auth.Rule{}
	sd := seatsv1.SeatsService_ServiceDesc
	for _, m := range sd.Methods {
		rules["/"+sd.ServiceName+"/"+m.MethodName] = auth.Rule{Access: auth.Read}
	}
	for _, m := range sd.Streams {
		rules["/"+sd.ServiceName+"/"+m.StreamName] = auth.Rule{Access: auth.Read}
	}
	return rules
}

// MaxRecvBytes bounds a request: 100,000 parties with long names fit in 16 MiB.
const MaxRecvBytes = 16 << 20

// Run serves until ctx is cancelled.
func Run(ctx context.Context, cfg Config) error {
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	if err := cfg.Common.Validate(cfg.GRPCAddr); err != nil {
		return err
	}
	if err := cfg.Common.SetMemoryLimit(log); err != nil {
		return err
	}
	keys, err := cfg.Common.Verifiers()
	if err != nil {
		return err
	}
	if len(keys) == 0 && !cfg.Common.PublicReads {
		return fmt.Errorf("reads need a token (--public-reads=false) but no --auth-key is given")
	}
	m := metrics.New()
	authz := auth.New(auth.Config{Keys: keys, Rules: accessRules(), PublicReads: cfg.Common.PublicReads})
	opts, err := cfg.Common.ServerOptions(cfg.GRPCAddr, m, authz)
	if err != nil {
		return err
	}
	traceOpts, flushTraces, err := cfg.Common.Telemetry(ctx, "seatsd")
	if err != nil {
		return err
	}
	defer flushTraces()
	opts = append(opts, traceOpts...)
	apiOpts := []seatsapi.Option{seatsapi.WithLogger(log)}
	if cfg.Tally.Addr != "" {
		tcfg := cfg.Tally
		if tcfg.Logger == nil {
			tcfg.Logger = log
		}
		tally, err := tallysource.New(tcfg)
		if err != nil {
			return fmt.Errorf("tally: %w", err)
		}
		defer tally.Close()
		apiOpts = append(apiOpts, seatsapi.WithLiveCount(livecount.New(tally, livecount.Options{})))
	}
	srv := grpcserver.New(log, grpcserver.Config{MaxRecvBytes: MaxRecvBytes, MaxSendBytes: 64 << 20, Drain: cfg.Drain, Descriptors: descriptor.Resolver()}, opts...)
	seatsv1.RegisterSeatsServiceServer(srv, seatsapi.New(apiOpts...))
	lis, err := net.Listen("tcp", cfg.GRPCAddr)
	if err != nil {
		return err
	}
	m.RPC.InitializeMetrics(srv.Server)
	if err := cfg.Common.ServeMetrics(ctx, m, log); err != nil {
		return err
	}
	log.Info("seats serving", "addr", lis.Addr().String(), "tally", cfg.Tally.Addr)
	if cfg.Ready != nil {
		cfg.Ready(lis.Addr().String())
	}
	return srv.Serve(ctx, lis)
}
