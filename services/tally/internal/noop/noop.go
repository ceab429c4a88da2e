// Package noop serves a TallyService that does no work, as the ceiling a
// load test of tallyd is compared with: SubmitProtocol answers at once and
// every other method is Unimplemented. It runs on the same front as tallyd
// (grpcserver's interceptors, request log, health and reflection; the shared
// daemon settings' transport, metrics, token checks and load shedding; the
// same message limits), so the difference between the two is the tally
// itself: validation, the commission's scope, the durable store, the totals.
package noop

import (
	"context"
	"log/slog"
	"net"
	"strings"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/reflection"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/mandate-project/mandate/gen/descriptor"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/auth"
	"github.com/mandate-project/mandate/services/platform/daemon"
	"github.com/mandate-project/mandate/services/platform/grpcserver"
	"github.com/mandate-project/mandate/services/platform/metrics"
	"github.com/mandate-project/mandate/services/tally/internal/tallyapi"
	"github.com/mandate-project/mandate/services/tally/internal/tallyd"
)

// Config is everything the no-op server can be told.
type Config struct {
	GRPCAddr string        // gRPC listen address
	Drain    time.Duration // how long a stop waits for in-flight calls
	Logger   *slog.Logger
	// Ready, when set, receives the bound address once listening.
	Ready func(addr string)
	// Bare serves the same service with no front at all: a plain
	// grpc.Server with tallyd's message limits and no interceptor, request
	// log, token check, metrics or health (reflection only, for ghz). It is the ceiling the
	// front itself is measured against; Common is then unused.
	Bare bool
	// Common: TLS, token keys, load shedding, metrics, as tallyd has them.
	// Without token keys no token is checked (tallyd would make a
	// development key instead); give both servers the same --auth-key to
	// compare them.
	Common daemon.Common
}

// Server implements mandate.tally.v1.TallyService without a tally.
type Server struct {
	tallyv1.UnimplementedTallyServiceServer
	acceptTime *timestamppb.Timestamp
}

// New returns a no-op server whose receipts carry acceptTime.
func New(acceptTime time.Time) *Server {
	return &Server{acceptTime: timestamppb.New(acceptTime)}
}

// SubmitProtocol answers as tallyd does for a first protocol, without
// checking or storing anything: version 1, an original, results version 1.
// The counts are the request's own, so the response is as large as tallyd's
// and a load test sends and receives the same bytes from both servers.
func (s *Server) SubmitProtocol(_ context.Context, req *tallyv1.SubmitProtocolRequest) (*tallyv1.SubmitProtocolResponse, error) {
	station := req.GetStation()
	unit := station[strings.LastIndexByte(station, '/')+1:]
	return &tallyv1.SubmitProtocolResponse{
		Protocol: &tallyv1.Protocol{
			Name:    req.GetParent() + "/protocols/" + unit,
			Station: station,
			Current: &tallyv1.ProtocolVersion{
				Version: 1, Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_ORIGINAL,
				Lines: req.GetLines(), Votes: req.GetVotes(), RequestId: req.GetRequestId(),
				AcceptTime: s.acceptTime, ResultsVersion: 1,
			},
		},
		ResultsVersion: 1,
	}, nil
}

// runBare serves the no-op service on a plain grpc.Server (Config.Bare).
func runBare(ctx context.Context, cfg Config, log *slog.Logger) error {
	lis, err := net.Listen("tcp", cfg.GRPCAddr)
	if err != nil {
		return err
	}
	defer lis.Close()
	srv := grpc.NewServer(grpc.MaxRecvMsgSize(tallyd.MaxRecvBytes), grpc.MaxSendMsgSize(64<<20))
	tallyv1.RegisterTallyServiceServer(srv, New(time.Now()))
	// Reflection only, so ghz finds the methods as it does on the other
	// servers; it costs nothing per call.
	reflection.Register(srv)
	log.Info("bare no-op tally serving", "addr", lis.Addr().String())
	if cfg.Ready != nil {
		cfg.Ready(lis.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(lis) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	done := make(chan struct{})
	go func() { srv.GracefulStop(); close(done) }()
	select {
	case <-done:
	case <-time.After(cfg.Drain):
		srv.Stop()
	}
	return nil
}

// Run serves until ctx is cancelled, then drains.
func Run(ctx context.Context, cfg Config) error {
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	if cfg.Bare {
		return runBare(ctx, cfg, log)
	}
	if err := cfg.Common.Validate(cfg.GRPCAddr); err != nil {
		return err
	}
	if err := cfg.Common.SetMemoryLimit(log); err != nil {
		return err
	}
	stopGC, err := cfg.Common.StartGCHeadroom(log)
	if err != nil {
		return err
	}
	defer stopGC()
	keys, err := cfg.Common.Verifiers()
	if err != nil {
		return err
	}
	var authz *auth.Authorizer
	if len(keys) > 0 {
		// tallyd's rules; a commission's scope is not looked up (there is
		// no hierarchy here), which is part of the work tallyd does.
		authz = auth.New(auth.Config{
			Keys: keys, Rules: tallyapi.AccessRules(), PublicReads: cfg.Common.PublicReads,
			InScope: func(context.Context, string, string, []string) (bool, error) { return true, nil },
		})
	}
	lis, err := net.Listen("tcp", cfg.GRPCAddr)
	if err != nil {
		return err
	}
	defer lis.Close()
	m := metrics.New()
	opts, err := cfg.Common.ServerOptions(lis.Addr().String(), m, authz)
	if err != nil {
		return err
	}
	// The message limits are tallyd's (MaxSendBytes as tallyd.Run sets it).
	srv := grpcserver.New(log, grpcserver.Config{MaxRecvBytes: tallyd.MaxRecvBytes, MaxSendBytes: 64 << 20, Drain: cfg.Drain, Descriptors: descriptor.Resolver()}, opts...)
	tallyv1.RegisterTallyServiceServer(srv, New(time.Now()))
	m.RPC.InitializeMetrics(srv.Server)
	if err := cfg.Common.ServeMetrics(ctx, m, log); err != nil {
		return err
	}
	log.Info("no-op tally serving", "addr", lis.Addr().String())
	if cfg.Ready != nil {
		cfg.Ready(lis.Addr().String())
	}
	return srv.Serve(ctx, lis)
}
