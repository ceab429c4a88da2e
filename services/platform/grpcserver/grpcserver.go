// Package grpcserver builds and runs the gRPC server every Mandate daemon
// shares: panic recovery, request logging, the grpc.health.v1 service,
// server reflection for grpcurl, message limits, and a bounded graceful stop.
package grpcserver

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"runtime/debug"
	"time"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/logging"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/recovery"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/keepalive"
	"google.golang.org/grpc/reflection"
	"google.golang.org/grpc/status"
)

// Config is what a daemon decides about its gRPC listener.
type Config struct {
	// MaxRecvBytes bounds one request message; larger ones get
	// RESOURCE_EXHAUSTED before the handler runs.
	MaxRecvBytes int
	// MaxSendBytes bounds one response message.
	MaxSendBytes int
	// Drain is how long a stop waits for in-flight calls before cutting them.
	Drain time.Duration
}

// Server is a grpc.Server with its health service, so Serve can report
// NOT_SERVING while draining.
type Server struct {
	*grpc.Server
	Health *health.Server
	log    *slog.Logger
	drain  time.Duration
}

// New returns a server with the shared interceptors, health and reflection.
// Services are registered on it by the caller before Serve.
func New(log *slog.Logger, cfg Config, extra ...grpc.ServerOption) *Server {
	recover := recovery.WithRecoveryHandlerContext(func(ctx context.Context, p any) error {
		// The panic value and stack go to the log; the client learns only that
		// the server failed, and the next request is served normally.
		log.ErrorContext(ctx, "handler panic", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return status.Error(codes.Internal, "internal error")
	})
	logOpts := []logging.Option{logging.WithLogOnEvents(logging.FinishCall)}
	opts := []grpc.ServerOption{
		grpc.MaxRecvMsgSize(cfg.MaxRecvBytes),
		grpc.MaxSendMsgSize(cfg.MaxSendBytes),
		// Clients may ping every 20 s at the most; the documented client
		// setting is 30 s, so well-behaved clients are never cut off.
		grpc.KeepaliveEnforcementPolicy(keepalive.EnforcementPolicy{MinTime: 20 * time.Second, PermitWithoutStream: true}),
		grpc.KeepaliveParams(keepalive.ServerParameters{Time: 2 * time.Minute, Timeout: 20 * time.Second}),
		grpc.ChainUnaryInterceptor(
			logging.UnaryServerInterceptor(slogAdapter(log), logOpts...),
			recovery.UnaryServerInterceptor(recover),
		),
		grpc.ChainStreamInterceptor(
			logging.StreamServerInterceptor(slogAdapter(log), logOpts...),
			recovery.StreamServerInterceptor(recover),
		),
	}
	srv := grpc.NewServer(append(opts, extra...)...)
	h := health.NewServer()
	healthpb.RegisterHealthServer(srv, h)
	reflection.Register(srv) // v1 and v1alpha, so every grpcurl version works
	return &Server{Server: srv, Health: h, log: log, drain: cfg.Drain}
}

// Serve marks every registered service SERVING and serves on lis until ctx is
// done. It then reports NOT_SERVING, lets in-flight calls finish for up to the
// drain time, and cuts the rest (streams end with UNAVAILABLE).
func (s *Server) Serve(ctx context.Context, lis net.Listener) error {
	for name := range s.GetServiceInfo() {
		s.Health.SetServingStatus(name, healthpb.HealthCheckResponse_SERVING)
	}
	s.Health.SetServingStatus("", healthpb.HealthCheckResponse_SERVING)

	errc := make(chan error, 1)
	go func() { errc <- s.Server.Serve(lis) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.Health.Shutdown() // every service NOT_SERVING: load balancers move away
	done := make(chan struct{})
	go func() { s.GracefulStop(); close(done) }()
	select {
	case <-done:
	case <-time.After(s.drain):
		s.log.Warn("drain time exceeded; stopping remaining calls", "drain", s.drain)
		s.Stop()
		<-done
	}
	if err := <-errc; err != nil && !errors.Is(err, grpc.ErrServerStopped) {
		return err
	}
	return nil
}

// slogAdapter routes go-grpc-middleware's logging through slog.
func slogAdapter(l *slog.Logger) logging.Logger {
	return logging.LoggerFunc(func(ctx context.Context, lvl logging.Level, msg string, fields ...any) {
		l.Log(ctx, slog.Level(lvl), msg, fields...)
	})
}
