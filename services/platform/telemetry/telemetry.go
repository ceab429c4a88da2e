// Package telemetry exports OpenTelemetry traces of every gRPC call when an
// OTLP endpoint is configured, and costs nothing when it is not: no stats
// handler is installed and no exporter runs.
package telemetry

import (
	"context"
	"fmt"
	"strings"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
	"google.golang.org/grpc"
)

// Config says where traces go.
type Config struct {
	// Endpoint is the OTLP/gRPC collector, host:port or a URL; empty turns
	// tracing off. A http:// URL, or Insecure, sends without TLS.
	Endpoint string
	Insecure bool
	// Service names this daemon in the traces ("tallyd").
	Service string
}

// Setup starts the exporter when configured and returns the server option
// that records calls (nil when off) and a shutdown that flushes the spans.
func Setup(ctx context.Context, cfg Config) ([]grpc.ServerOption, func(context.Context) error, error) {
	if cfg.Endpoint == "" {
		return nil, func(context.Context) error { return nil }, nil
	}
	endpoint, insecure := cfg.Endpoint, cfg.Insecure
	if rest, ok := strings.CutPrefix(endpoint, "http://"); ok {
		endpoint, insecure = rest, true
	}
	endpoint = strings.TrimPrefix(endpoint, "https://")
	opts := []otlptracegrpc.Option{otlptracegrpc.WithEndpoint(endpoint)}
	if insecure {
		opts = append(opts, otlptracegrpc.WithInsecure())
	}
	exp, err := otlptracegrpc.New(ctx, opts...)
	if err != nil {
		return nil, nil, fmt.Errorf("OTLP exporter: %w", err)
	}
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithBatcher(exp, sdktrace.WithBatchTimeout(2*time.Second)),
		sdktrace.WithResource(resource.NewSchemaless(semconv.ServiceName(cfg.Service))),
	)
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))
	handler := otelgrpc.NewServerHandler(otelgrpc.WithTracerProvider(tp))
	return []grpc.ServerOption{grpc.StatsHandler(handler)}, tp.Shutdown, nil
}
