// Package metrics exposes a daemon's Prometheus metrics: RPC counts, codes
// and latencies from go-grpc-middleware's Prometheus provider, the Go
// runtime and process collectors, and whatever the daemon registers itself
// (protocols accepted, store commits, ...), on an HTTP /metrics endpoint
// separate from the gRPC port so it can be firewalled apart.
package metrics

import (
	"context"
	"crypto/tls"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	grpcprom "github.com/grpc-ecosystem/go-grpc-middleware/providers/prometheus"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"google.golang.org/grpc"
)

// Metrics is one daemon's registry and its gRPC server metrics.
type Metrics struct {
	Registry *prometheus.Registry
	RPC      *grpcprom.ServerMetrics
}

// RPCBuckets are the latency buckets of handled calls, in seconds: from a
// totals read served from memory (well under a millisecond) to an import.
var RPCBuckets = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10}

// New returns a registry with the runtime, process and RPC metrics.
func New() *Metrics {
	reg := prometheus.NewRegistry()
	rpc := grpcprom.NewServerMetrics(grpcprom.WithServerHandlingTimeHistogram(grpcprom.WithHistogramBuckets(RPCBuckets)))
	reg.MustRegister(rpc, collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return &Metrics{Registry: reg, RPC: rpc}
}

// ServerOptions returns the interceptors recording every call. They go
// first in the chain, so refused calls (auth, load shedding) count too.
func (m *Metrics) ServerOptions() []grpc.ServerOption {
	return []grpc.ServerOption{
		grpc.ChainUnaryInterceptor(m.RPC.UnaryServerInterceptor()),
		grpc.ChainStreamInterceptor(m.RPC.StreamServerInterceptor()),
	}
}

// Serve serves /metrics on addr (plaintext) until ctx ends. ready, when
// set, gets the bound address.
func (m *Metrics) Serve(ctx context.Context, addr string, log *slog.Logger, ready func(string)) error {
	lis, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	if ready != nil {
		ready(lis.Addr().String())
	}
	return m.ServeListener(ctx, lis, nil, log)
}

// ServeListener serves /metrics on lis until ctx ends: HTTPS with cfg, or
// plaintext when cfg is nil (the caller decides, as for its other
// listeners).
func (m *Metrics) ServeListener(ctx context.Context, lis net.Listener, cfg *tls.Config, log *slog.Logger) error {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{Registry: m.Registry}))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, TLSConfig: cfg}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	log.Info("metrics serving", "addr", lis.Addr().String(), "tls", cfg != nil)
	var err error
	if cfg != nil {
		err = srv.ServeTLS(lis, "", "")
	} else {
		err = srv.Serve(lis)
	}
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
