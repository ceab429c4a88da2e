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
	"runtime/trace"
	"sync"
	"time"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/logging"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/recovery"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/keepalive"
	"google.golang.org/grpc/reflection"
	reflectionv1 "google.golang.org/grpc/reflection/grpc_reflection_v1"
	reflectionv1alpha "google.golang.org/grpc/reflection/grpc_reflection_v1alpha"
	"google.golang.org/protobuf/reflect/protodesc"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	"github.com/mandate-project/mandate/services/platform/requestid"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
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
	// Descriptors, when set, are what server reflection describes first:
	// the protos with their comments (gen/descriptor), so `grpcurl
	// describe` documents every field. Names they lack (health, reflection
	// itself) come from the generated code's registry, as without it.
	Descriptors protodesc.Resolver
}

// Server is a grpc.Server with its health service, so Serve can report
// NOT_SERVING while draining.
type Server struct {
	*grpc.Server
	Health *health.Server
	log    *slog.Logger
	drain  time.Duration
	// stopping is closed when Serve begins to stop.
	stopping chan struct{}
	stopOnce sync.Once
}

// New returns a server with the shared interceptors, health and reflection.
// Services are registered on it by the caller before Serve.
func New(log *slog.Logger, cfg Config, extra ...grpc.ServerOption) *Server {
	// Every line logged with a call's context names its request id, the
	// finished-call line included (and only once: the handler adds it).
	log = requestid.Logger(log)
	s := &Server{log: log, drain: cfg.Drain, stopping: make(chan struct{})}
	recover := recovery.WithRecoveryHandlerContext(func(ctx context.Context, p any) error {
		// The panic value and stack go to the log; the client learns only that
		// the server failed, and the next request is served normally.
		log.ErrorContext(ctx, "handler panic", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return rpcerr.Internal()
	})
	logOpts := []logging.Option{logging.WithLogOnEvents(logging.FinishCall)}
	serverOpts := []grpc.ServerOption{
		grpc.MaxRecvMsgSize(cfg.MaxRecvBytes),
		grpc.MaxSendMsgSize(cfg.MaxSendBytes),
		// Clients may ping every 20 s at the most; the documented client
		// setting is 30 s, so well-behaved clients are never cut off.
		grpc.KeepaliveEnforcementPolicy(keepalive.EnforcementPolicy{MinTime: 20 * time.Second, PermitWithoutStream: true}),
		grpc.KeepaliveParams(keepalive.ServerParameters{Time: 2 * time.Minute, Timeout: 20 * time.Second}),
		grpc.ChainUnaryInterceptor(
			traceRegion,
			requestid.UnaryServerInterceptor(),
			ensureUnary,
			logging.UnaryServerInterceptor(slogAdapter(log), logOpts...),
			recovery.UnaryServerInterceptor(recover),
		),
		grpc.ChainStreamInterceptor(
			requestid.StreamServerInterceptor(),
			ensureStream,
			logging.StreamServerInterceptor(slogAdapter(log), logOpts...),
			s.endWatchesOnStop,
			recovery.StreamServerInterceptor(recover),
		),
		// A method or service this server does not have: UNIMPLEMENTED with
		// its ErrorInfo, like every other answer.
		grpc.UnknownServiceHandler(func(any, grpc.ServerStream) error {
			return rpcerr.New(codes.Unimplemented, rpcv1.ErrorReason_METHOD_NOT_FOUND, "unknown service or method", nil)
		}),
	}
	serverOpts = append(serverOpts, DecodeOptions()...)
	s.Server = grpc.NewServer(append(serverOpts, extra...)...)
	s.Health = health.NewServer()
	healthpb.RegisterHealthServer(s.Server, s.Health)
	// v1 and v1alpha, so every grpcurl version works.
	opts := reflection.ServerOptions{Services: s.Server}
	if cfg.Descriptors != nil {
		opts.DescriptorResolver = layered{cfg.Descriptors, protoregistry.GlobalFiles}
	}
	reflectionv1.RegisterServerReflectionServer(s.Server, reflection.NewServerV1(opts))
	reflectionv1alpha.RegisterServerReflectionServer(s.Server, reflection.NewServer(opts))
	return s
}

// Serve marks every registered service SERVING and serves on lis until ctx is
// done. It then reports NOT_SERVING, ends the server-streaming calls (watches)
// with UNAVAILABLE, lets the other in-flight calls finish for up to the drain
// time, and cuts the rest.
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
	s.stopOnce.Do(func() { close(s.stopping) })
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

// errStopping is the cause of the context of a watch ended by a stop.
var errStopping = errors.New("server is stopping")

// healthWatch is the health service's own watch.
const healthWatch = "/grpc.health.v1.Health/Watch"

// endWatchesOnStop ends server-streaming calls when the server begins to
// stop. Such calls (a totals watch, a health watch) never finish on their
// own, so a graceful stop would wait for them until the drain time runs out
// and then cut them without a status. Instead their context is cancelled and
// the client gets UNAVAILABLE, which tells it to reconnect (to another
// replica, or to this one after its restart) and resume. A health watch is
// first let through the NOT_SERVING update that Serve has just set, so its
// client learns why. Unary, client-streaming and bidirectional calls (an
// import) are not touched: they finish within the drain time.
func (s *Server) endWatchesOnStop(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	if !info.IsServerStream || info.IsClientStream {
		return handler(srv, ss)
	}
	ctx, cancel := context.WithCancelCause(ss.Context())
	defer cancel(nil)
	ws := &watchStream{ServerStream: ss, ctx: ctx, notServing: make(chan struct{})}
	go func() {
		select {
		case <-s.stopping:
		case <-ctx.Done():
			return
		}
		if info.FullMethod == healthWatch {
			// A watcher whose service is unknown, or that had seen
			// NOT_SERVING already, gets no update: it waits one second at most.
			t := time.NewTimer(time.Second)
			defer t.Stop()
			select {
			case <-ws.notServing:
			case <-t.C:
			case <-ctx.Done():
			}
		}
		cancel(errStopping)
	}()
	err := handler(srv, ws)
	if errors.Is(context.Cause(ctx), errStopping) {
		return rpcerr.New(codes.Unavailable, rpcv1.ErrorReason_SERVER_STOPPING, "server is stopping; reconnect and resume", nil)
	}
	return err
}

// watchStream is a server stream whose context ends when the server stops.
type watchStream struct {
	grpc.ServerStream
	ctx        context.Context
	notServing chan struct{} // closed once a NOT_SERVING health update is sent
	once       sync.Once
}

func (w *watchStream) Context() context.Context { return w.ctx }

func (w *watchStream) SendMsg(m any) error {
	err := w.ServerStream.SendMsg(m)
	if h, ok := m.(*healthpb.HealthCheckResponse); ok && err == nil && h.GetStatus() == healthpb.HealthCheckResponse_NOT_SERVING {
		w.once.Do(func() { close(w.notServing) })
	}
	return err
}

// EnsureOptions install ensureUnary and ensureStream, for a test server that
// stands in for a library's answers (an Unimplemented stub) the way New's
// servers do.
func EnsureOptions() []grpc.ServerOption {
	return []grpc.ServerOption{grpc.ChainUnaryInterceptor(ensureUnary), grpc.ChainStreamInterceptor(ensureStream)}
}

// traceRegion makes each unary call a region of an execution trace, named
// by its method, when one is being recorded (tallyd --trace): what a slow
// call waited for shows in `go tool trace`. Outside a trace it costs an
// atomic load.
func traceRegion(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	if !trace.IsEnabled() {
		return h(ctx, req)
	}
	defer trace.StartRegion(ctx, info.FullMethod).End()
	return h(ctx, req)
}

// ensureUnary and ensureStream give every answer that leaves the server
// exactly one ErrorInfo (rpcerr.Ensure): Mandate's own answers have one
// already (the tests check that); this covers the libraries' (the health
// service's NOT_FOUND, a context's end inside a library call).
func ensureUnary(ctx context.Context, req any, _ *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	resp, err := h(ctx, req)
	return resp, rpcerr.Ensure(err)
}

func ensureStream(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, h grpc.StreamHandler) error {
	return rpcerr.Ensure(h(srv, ss))
}

// slogAdapter routes go-grpc-middleware's logging through slog.
func slogAdapter(l *slog.Logger) logging.Logger {
	return logging.LoggerFunc(func(ctx context.Context, lvl logging.Level, msg string, fields ...any) {
		l.Log(ctx, slog.Level(lvl), msg, fields...)
	})
}

// layered resolves a name in the first resolver that has it.
type layered []protodesc.Resolver

func (l layered) FindFileByPath(path string) (protoreflect.FileDescriptor, error) {
	for _, r := range l {
		if f, err := r.FindFileByPath(path); err == nil {
			return f, nil
		}
	}
	return nil, protoregistry.NotFound
}

func (l layered) FindDescriptorByName(name protoreflect.FullName) (protoreflect.Descriptor, error) {
	for _, r := range l {
		if d, err := r.FindDescriptorByName(name); err == nil {
			return d, nil
		}
	}
	return nil, protoregistry.NotFound
}
