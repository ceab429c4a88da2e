package telemetry_test

import (
	"context"
	"net"
	"sync"
	"testing"
	"time"

	coltrace "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	"github.com/mandate-project/mandate/services/platform/telemetry"
)

// collector is a minimal OTLP trace collector that remembers span names.
type collector struct {
	coltrace.UnimplementedTraceServiceServer
	mu    sync.Mutex
	spans []string
	svc   []string
}

func (c *collector) Export(_ context.Context, req *coltrace.ExportTraceServiceRequest) (*coltrace.ExportTraceServiceResponse, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, rs := range req.GetResourceSpans() {
		for _, a := range rs.GetResource().GetAttributes() {
			if a.GetKey() == "service.name" {
				c.svc = append(c.svc, a.GetValue().GetStringValue())
			}
		}
		for _, ss := range rs.GetScopeSpans() {
			for _, s := range ss.GetSpans() {
				c.spans = append(c.spans, s.GetName())
			}
		}
	}
	return &coltrace.ExportTraceServiceResponse{}, nil
}

func TestTracesExported(t *testing.T) {
	col := &collector{}
	cs := grpc.NewServer()
	coltrace.RegisterTraceServiceServer(cs, col)
	clis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = cs.Serve(clis) }()
	defer cs.Stop()

	ctx := context.Background()
	opts, shutdown, err := telemetry.Setup(ctx, telemetry.Config{Endpoint: "http://" + clis.Addr().String(), Service: "tallyd-test"})
	if err != nil {
		t.Fatal(err)
	}
	srv := grpc.NewServer(opts...)
	healthpb.RegisterHealthServer(srv, health.NewServer())
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(lis) }()
	defer srv.Stop()
	conn, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{}); err != nil {
		t.Fatal(err)
	}
	// The server ends its span just after the answer is sent: stop it
	// (which waits for its calls) before flushing.
	conn.Close()
	srv.GracefulStop()
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := shutdown(sctx); err != nil { // flushes
		t.Fatal(err)
	}
	col.mu.Lock()
	defer col.mu.Unlock()
	found := false
	for _, s := range col.spans {
		if s == "grpc.health.v1.Health/Check" {
			found = true
		}
	}
	if !found || len(col.svc) == 0 || col.svc[0] != "tallyd-test" {
		t.Errorf("spans %v from %v; want grpc.health.v1.Health/Check from tallyd-test", col.spans, col.svc)
	}
}

func TestOffByDefault(t *testing.T) {
	opts, shutdown, err := telemetry.Setup(context.Background(), telemetry.Config{})
	if err != nil || opts != nil || shutdown(context.Background()) != nil {
		t.Errorf("unconfigured telemetry: %v %v", opts, err)
	}
}
