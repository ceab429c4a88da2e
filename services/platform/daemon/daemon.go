// Package daemon holds the settings every Mandate daemon shares beyond its
// own (TLS, load shedding, metrics) and turns them into gRPC server
// options, so the three daemons are configured and protected alike.
package daemon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"time"

	"google.golang.org/grpc"

	"github.com/mandate-project/mandate/services/platform/auth"
	"github.com/mandate-project/mandate/services/platform/envflag"
	"github.com/mandate-project/mandate/services/platform/gcheadroom"
	"github.com/mandate-project/mandate/services/platform/limit"
	"github.com/mandate-project/mandate/services/platform/memlimit"
	"github.com/mandate-project/mandate/services/platform/metrics"
	"github.com/mandate-project/mandate/services/platform/telemetry"
	"github.com/mandate-project/mandate/services/platform/tlsconf"
)

// Common is the shared part of a daemon's configuration.
type Common struct {
	TLS    tlsconf.Server
	Limits limit.Config
	// MetricsAddr serves Prometheus /metrics when set.
	MetricsAddr string
	// AuthKeys is a comma-separated list of token verification key files.
	AuthKeys string
	// PublicReads lets callers without a token read results.
	PublicReads bool
	// OTLPEndpoint receives OpenTelemetry traces of every call when set.
	OTLPEndpoint string
	// MemoryLimit is the soft memory limit: "auto" (3/4 of the cgroup's
	// or the machine's memory; GOMEMLIMIT wins when set), "off", or a
	// size such as 800MiB (memlimit.Resolve).
	MemoryLimit string
	// GCHeadroom is how far the heap may grow over its live data before
	// the collector runs: a size such as 256MiB (gcheadroom), or "off" or
	// empty for GOGC alone. Only daemons that call GCHeadroomFlag offer it.
	GCHeadroom string
}

// GCHeadroomFlag defines --gc-headroom with the daemon's default.
func (c *Common) GCHeadroomFlag(fs *envflag.Set, env, def string) {
	fs.StringVar(&c.GCHeadroom, "gc-headroom", env+"_GC_HEADROOM", def, "let the heap grow by at least this much over its live data before a collection (e.g. 256MiB; off: GOGC alone); a large heap keeps GOGC, the memory limit still caps it")
}

// StartGCHeadroom starts the collector's headroom GCHeadroom asks for and
// returns what stops it. The headroom is the process's: when another
// daemon in the same process (a test's) already keeps one, that one stays.
func (c *Common) StartGCHeadroom(log *slog.Logger) (func(), error) {
	if c.GCHeadroom == "" || c.GCHeadroom == memlimit.Off {
		return func() {}, nil
	}
	n, err := memlimit.ParseSize(c.GCHeadroom)
	if err != nil {
		return nil, fmt.Errorf("gc headroom (%s or a size): %w", memlimit.Off, err)
	}
	t, err := gcheadroom.Start(uint64(n))
	if errors.Is(err, gcheadroom.ErrRunning) {
		return func() {}, nil
	}
	if err != nil {
		return nil, err
	}
	log.Info("collector headroom set", "bytes", n, "gogc", t.Percent())
	return t.Stop, nil
}

// SetMemoryLimit applies MemoryLimit and logs the limit set.
func (c *Common) SetMemoryLimit(log *slog.Logger) error {
	n, err := memlimit.Set(c.MemoryLimit)
	if err != nil {
		return err
	}
	if n > 0 {
		log.Info("soft memory limit set", "bytes", n, "setting", c.MemoryLimit)
	}
	return nil
}

// Telemetry starts trace export when an OTLP endpoint is configured and
// returns the server options recording calls and the flush to defer: it
// sends what is buffered, waiting at most 5 s at stop.
func (c *Common) Telemetry(ctx context.Context, service string) ([]grpc.ServerOption, func(), error) {
	opts, shutdown, err := telemetry.Setup(ctx, telemetry.Config{Endpoint: c.OTLPEndpoint, Service: service})
	if err != nil {
		return nil, nil, err
	}
	return opts, func() {
		fctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = shutdown(fctx)
	}, nil
}

// KeyFiles is AuthKeys as a list.
func (c *Common) KeyFiles() []string {
	var out []string
	for _, f := range strings.Split(c.AuthKeys, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// Verifiers loads the key files.
func (c *Common) Verifiers() ([]auth.Verifier, error) {
	var keys []auth.Verifier
	for _, f := range c.KeyFiles() {
		_, v, err := auth.LoadKey(f)
		if err != nil {
			return nil, fmt.Errorf("auth key: %w", err)
		}
		keys = append(keys, v)
	}
	return keys, nil
}

// Defaults are the load bounds of a daemon on the 2-core reference machine:
// far above the measured working load, low enough that an overload is
// refused in microseconds instead of queueing.
var Defaults = limit.Config{MaxInFlight: 512, MaxWatches: 10000, PerCallerRate: 0, PerCallerBurst: 0}

// Flags defines the shared flags; env is the environment prefix ("TALLY").
func (c *Common) Flags(fs *envflag.Set, env string) {
	fs.StringVar(&c.TLS.CertFile, "tls-cert", env+"_TLS_CERT", "", "server certificate chain (PEM); enables TLS")
	fs.StringVar(&c.TLS.KeyFile, "tls-key", env+"_TLS_KEY", "", "server private key (PEM)")
	fs.StringVar(&c.TLS.ClientCAFile, "tls-client-ca", env+"_TLS_CLIENT_CA", "", "require client certificates signed by this CA (mutual TLS)")
	fs.BoolVar(&c.TLS.AllowPlaintext, "allow-plaintext", env+"_ALLOW_PLAINTEXT", false, "serve without TLS on a non-loopback address")
	fs.IntVar(&c.Limits.MaxInFlight, "max-in-flight", env+"_MAX_IN_FLIGHT", Defaults.MaxInFlight, "calls handled at once before RESOURCE_EXHAUSTED (0: no bound)")
	fs.IntVar(&c.Limits.MaxWatches, "max-watches", env+"_MAX_WATCHES", Defaults.MaxWatches, "open watch streams before RESOURCE_EXHAUSTED (0: no bound)")
	fs.Float64Var(&c.Limits.PerCallerRate, "rate-per-caller", env+"_RATE_PER_CALLER", Defaults.PerCallerRate, "requests per second per caller (token subject or IP; 0: no bound)")
	fs.IntVar(&c.Limits.PerCallerBurst, "burst-per-caller", env+"_BURST_PER_CALLER", 100, "burst above --rate-per-caller")
	fs.StringVar(&c.AuthKeys, "auth-key", env+"_AUTH_KEY", "", "token verification key files, comma-separated (Ed25519 public keys or HMAC secrets; see mandatectl token)")
	fs.BoolVar(&c.PublicReads, "public-reads", env+"_PUBLIC_READS", true, "let callers without a token read results")
	fs.StringVar(&c.OTLPEndpoint, "otlp-endpoint", "OTEL_EXPORTER_OTLP_ENDPOINT", "", "export OpenTelemetry traces to this OTLP/gRPC collector (http://host:4317 for plaintext)")
	fs.StringVar(&c.MemoryLimit, "memory-limit", env+"_MEMORY_LIMIT", memlimit.Auto, "soft memory limit the collector keeps the heap under: auto (3/4 of the cgroup's or machine's memory; GOMEMLIMIT wins when set), off, or a size such as 800MiB")
	fs.StringVar(&c.MetricsAddr, "metrics-addr", env+"_METRICS_ADDR", "", "serve Prometheus /metrics here (e.g. 127.0.0.1:9090)")
}

// ServerOptions returns the transport credentials and interceptors for a
// gRPC listener on addr: metrics first (so refusals are counted), then
// access control (nil: none), then load shedding (which needs the caller).
func (c *Common) ServerOptions(addr string, m *metrics.Metrics, authz *auth.Authorizer) ([]grpc.ServerOption, error) {
	creds, err := c.TLS.Credentials(addr)
	if err != nil {
		return nil, err
	}
	opts := []grpc.ServerOption{grpc.Creds(creds)}
	if m != nil {
		opts = append(opts, m.ServerOptions()...)
	}
	if authz != nil {
		opts = append(opts, grpc.ChainUnaryInterceptor(authz.Unary()), grpc.ChainStreamInterceptor(authz.Stream()))
	}
	unary, stream := limit.Interceptors(c.Limits)
	opts = append(opts, grpc.ChainUnaryInterceptor(unary...), grpc.ChainStreamInterceptor(stream...))
	return opts, nil
}

// Validate checks the listener settings before the daemon starts anything:
// the TLS flags are complete and their files load, and every listener (the
// gRPC one on grpcAddr, the metrics one) follows the same rule: TLS when a
// certificate is given, plaintext only on loopback or with
// --allow-plaintext.
func (c *Common) Validate(grpcAddr string) error {
	if _, err := c.TLS.ListenerConfig(grpcAddr); err != nil {
		return err
	}
	if c.MetricsAddr != "" {
		if _, err := c.TLS.ListenerConfig(c.MetricsAddr); err != nil {
			return fmt.Errorf("--metrics-addr: %w", err)
		}
	}
	if _, err := memlimit.Resolve(c.MemoryLimit); err != nil {
		return fmt.Errorf("--memory-limit: %w", err)
	}
	return nil
}

// ServeMetrics serves m in the background when an address is configured,
// under the rule of the gRPC listeners (see Validate): HTTPS with the
// daemon's certificate, and its client CA when one is given, or plaintext
// on loopback. Settings or an address that cannot work are returned at
// once; a later failure is logged (metrics must not take the daemon down).
func (c *Common) ServeMetrics(ctx context.Context, m *metrics.Metrics, log *slog.Logger) error {
	if c.MetricsAddr == "" {
		return nil
	}
	cfg, err := c.TLS.ListenerConfig(c.MetricsAddr)
	if err != nil {
		return fmt.Errorf("--metrics-addr: %w", err)
	}
	lis, err := net.Listen("tcp", c.MetricsAddr)
	if err != nil {
		return fmt.Errorf("--metrics-addr: %w", err)
	}
	go func() {
		if err := m.ServeListener(ctx, lis, cfg, log); err != nil {
			log.Error("metrics endpoint failed", "addr", c.MetricsAddr, "err", err)
		}
	}()
	return nil
}
