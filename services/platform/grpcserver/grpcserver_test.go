package grpcserver_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"

	"github.com/mandate-project/mandate/services/platform/grpcserver"
)

// slow is a one-method service whose call waits until the test releases it:
// a unary call in flight when the stop begins. It reuses the health messages
// so that the test needs no generated code.
type slow struct{ entered, release chan struct{} }

var slowDesc = grpc.ServiceDesc{
	ServiceName: "test.Slow",
	HandlerType: (*any)(nil),
	Methods: []grpc.MethodDesc{{
		MethodName: "Wait",
		Handler: func(srv any, ctx context.Context, dec func(any) error, _ grpc.UnaryServerInterceptor) (any, error) {
			if err := dec(new(healthpb.HealthCheckRequest)); err != nil {
				return nil, err
			}
			s := srv.(*slow)
			close(s.entered)
			<-s.release
			return &healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_SERVING}, nil
		},
	}},
}

// TestGracefulStop: on stop a health watcher learns NOT_SERVING and its
// stream ends with UNAVAILABLE at once, while a unary call in flight runs to
// its answer; Serve then returns without waiting for the drain time.
func TestGracefulStop(t *testing.T) {
	const drain = 10 * time.Second
	srv := grpcserver.New(slog.New(slog.NewTextHandler(io.Discard, nil)),
		grpcserver.Config{MaxRecvBytes: 1 << 20, MaxSendBytes: 1 << 20, Drain: drain})
	sl := &slow{entered: make(chan struct{}), release: make(chan struct{})}
	srv.RegisterService(&slowDesc, sl)
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, lis) }()

	conn, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	watch, err := healthpb.NewHealthClient(conn).Watch(context.Background(), &healthpb.HealthCheckRequest{Service: "test.Slow"}, grpc.WaitForReady(true))
	if err != nil {
		t.Fatal(err)
	}
	if h, err := watch.Recv(); err != nil || h.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		t.Fatalf("first health update %v, %v; want SERVING", h, err)
	}
	unary := make(chan error, 1)
	go func() {
		unary <- conn.Invoke(context.Background(), "/test.Slow/Wait", &healthpb.HealthCheckRequest{}, new(healthpb.HealthCheckResponse))
	}()
	<-sl.entered

	began := time.Now()
	stop()
	if h, err := watch.Recv(); err != nil || h.GetStatus() != healthpb.HealthCheckResponse_NOT_SERVING {
		t.Fatalf("health update after stop %v, %v; want NOT_SERVING", h, err)
	}
	_, err = watch.Recv()
	if status.Code(err) != codes.Unavailable {
		t.Fatalf("health watch ended with %v, want UNAVAILABLE", err)
	}
	select {
	case err := <-unary:
		t.Fatalf("the unary call ended (%v) before its handler returned", err)
	default:
	}
	close(sl.release)
	if err := <-unary; err != nil {
		t.Errorf("unary call in flight at the stop: %v, want its answer", err)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(drain / 2):
		t.Fatalf("Serve still running %v after the stop", drain/2)
	}
	if took := time.Since(began); took > 2*time.Second {
		t.Errorf("stop took %v; only the unary call should have been waited for", took)
	}
}
