package grpcserver_test

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/mandate-project/mandate/services/platform/grpcserver"
	"github.com/mandate-project/mandate/services/platform/requestid"
)

// flaky panics on its first call and answers the next ones.
type flaky struct {
	mu    sync.Mutex
	calls int
}

var flakyDesc = grpc.ServiceDesc{
	ServiceName: "test.Flaky",
	HandlerType: (*any)(nil),
	Methods: []grpc.MethodDesc{{
		MethodName: "Call",
		Handler: func(srv any, ctx context.Context, dec func(any) error, ic grpc.UnaryServerInterceptor) (any, error) {
			in := new(healthpb.HealthCheckRequest)
			if err := dec(in); err != nil {
				return nil, err
			}
			h := func(ctx context.Context, _ any) (any, error) {
				f := srv.(*flaky)
				f.mu.Lock()
				f.calls++
				n := f.calls
				f.mu.Unlock()
				if n == 1 {
					panic("a bug in a handler")
				}
				return &healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_SERVING}, nil
			}
			return ic(ctx, in, &grpc.UnaryServerInfo{Server: srv, FullMethod: "/test.Flaky/Call"}, h)
		},
	}},
}

// syncBuffer is a log destination safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestPanicBecomesInternal: a panicking handler answers INTERNAL without
// its panic text, is logged with the request id, and the next call works.
func TestPanicBecomesInternal(t *testing.T) {
	var logs syncBuffer
	log := slog.New(requestid.LogHandler(slog.NewJSONHandler(&logs, nil)))
	srv := grpcserver.New(log, grpcserver.Config{MaxRecvBytes: 1 << 20, MaxSendBytes: 1 << 20, Drain: time.Second})
	srv.RegisterService(&flakyDesc, &flaky{})
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, lis) }()
	defer func() { stop(); <-done }()

	conn, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	call := func(id string) (*healthpb.HealthCheckResponse, metadata.MD, error) {
		out := new(healthpb.HealthCheckResponse)
		var hdr metadata.MD
		cctx := metadata.AppendToOutgoingContext(context.Background(), requestid.Header, id)
		err := conn.Invoke(cctx, "/test.Flaky/Call", &healthpb.HealthCheckRequest{}, out, grpc.Header(&hdr))
		return out, hdr, err
	}
	_, hdr, err := call("req-panic-1")
	st := status.Convert(err)
	if st.Code() != codes.Internal || strings.Contains(st.Message(), "a bug") {
		t.Fatalf("panicking call: %v, want INTERNAL without the panic text", err)
	}
	if got := hdr.Get(requestid.Header); len(got) != 1 || got[0] != "req-panic-1" {
		t.Errorf("request id header %v", got)
	}
	resp, _, err := call("bad id with spaces!")
	if err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		t.Fatalf("call after the panic: %v %v", resp, err)
	}
	for _, want := range []string{`"msg":"handler panic"`, `"request_id":"req-panic-1"`, `"panic":"a bug in a handler"`} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %s:\n%s", want, logs.String())
		}
	}
	if strings.Contains(logs.String(), "bad id with spaces") {
		t.Error("an invalid request id reached the log")
	}
}

// TestRequestIDOnce: a call's log line names its request id once, whether
// the daemon's logger adds it already or not (issue 14.15: tallyd's lines
// had it twice).
func TestRequestIDOnce(t *testing.T) {
	for name, wrap := range map[string]func(slog.Handler) slog.Handler{
		"plain":       func(h slog.Handler) slog.Handler { return h },
		"with the id": requestid.LogHandler,
	} {
		t.Run(name, func(t *testing.T) {
			var logs syncBuffer
			log := slog.New(wrap(slog.NewJSONHandler(&logs, nil))).With("service", "test")
			srv := grpcserver.New(log, grpcserver.Config{MaxRecvBytes: 1 << 20, MaxSendBytes: 1 << 20, Drain: time.Second})
			lis, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			ctx, stop := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- srv.Serve(ctx, lis) }()
			conn, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			cctx := metadata.AppendToOutgoingContext(context.Background(), requestid.Header, "req-once-1")
			_, err = healthpb.NewHealthClient(conn).Check(cctx, &healthpb.HealthCheckRequest{})
			stop()
			<-done
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, line := range strings.Split(logs.String(), "\n") {
				if n := strings.Count(line, `"request_id"`); n > 1 {
					t.Errorf("request_id %d times: %s", n, line)
				} else if n == 1 && strings.Contains(line, `"request_id":"req-once-1"`) {
					found = true
				}
			}
			if !found {
				t.Errorf("no line names the call's request id:\n%s", logs.String())
			}
		})
	}
}
