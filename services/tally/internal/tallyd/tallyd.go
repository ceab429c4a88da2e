// Package tallyd runs the tally daemon: it opens the store named by the
// configuration, rebuilds the totals in memory and serves gRPC.
package tallyd

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"strings"
	"time"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/daemon"
	"github.com/mandate-project/mandate/services/platform/grpcserver"
	"github.com/mandate-project/mandate/services/platform/metrics"
	"github.com/mandate-project/mandate/services/tally/internal/pgstore"
	"github.com/mandate-project/mandate/services/tally/internal/sqlitestore"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/internal/tallyapi"
)

// Config is everything tallyd can be told.
type Config struct {
	GRPCAddr string // gRPC listen address
	// Store names the database: a file path or `sqlite:PATH` for SQLite, a
	// `postgres://` URL for PostgreSQL (several tallyd may share one).
	Store string
	// Follow is how often the tally reads the changes other replicas wrote
	// to a shared database (zero: tally.DefaultFollow).
	Follow time.Duration
	Drain  time.Duration // how long a stop waits for in-flight calls
	Logger *slog.Logger
	// Ready, when set, receives the bound address once listening.
	Ready func(addr string)
	// Common: TLS, token keys and public reads, load shedding, metrics.
	Common daemon.Common
	// DevTokenFile is where, without --auth-key, a development
	// administrator token is written (loopback listeners only).
	DevTokenFile string
}

// MaxRecvBytes bounds one request: a protocol is a few hundred bytes and an
// election definition with its forms a few hundred KiB; units come in
// batches.
const MaxRecvBytes = 4 << 20

// Run serves until ctx is cancelled, then drains and closes the store.
func Run(ctx context.Context, cfg Config) error {
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	m := metrics.New()
	store, err := openStore(ctx, cfg.Store, commitObserver(m.Registry))
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	svc, err := tally.NewServiceWith(ctx, store, tally.ServiceOptions{Follow: cfg.Follow, Logger: log})
	if err != nil {
		return fmt.Errorf("load totals: %w", err)
	}
	log.Info("totals rebuilt from store", "store", redact(cfg.Store), "took", time.Since(start).String())

	lis, err := net.Listen("tcp", cfg.GRPCAddr)
	if err != nil {
		return err
	}
	defer lis.Close()
	api := tallyapi.New(svc, log)
	authz, err := authorizer(cfg, lis.Addr(), svc, api, log)
	if err != nil {
		return err
	}
	m.Registry.MustRegister(newCollector(svc))
	api.Observe(protocolCounter(m.Registry))
	opts, err := cfg.Common.ServerOptions(lis.Addr().String(), m, authz)
	if err != nil {
		return err
	}
	traceOpts, flushTraces, err := cfg.Common.Telemetry(ctx, "tallyd")
	if err != nil {
		return err
	}
	defer func() {
		fctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = flushTraces(fctx)
	}()
	opts = append(opts, traceOpts...)
	srv := grpcserver.New(log, grpcserver.Config{MaxRecvBytes: MaxRecvBytes, MaxSendBytes: 64 << 20, Drain: cfg.Drain}, opts...)
	tallyv1.RegisterTallyServiceServer(srv, api)
	m.RPC.InitializeMetrics(srv.Server)
	cfg.Common.ServeMetrics(ctx, m, log)
	log.Info("tally serving", "addr", lis.Addr().String())
	if cfg.Ready != nil {
		cfg.Ready(lis.Addr().String())
	}
	return srv.Serve(ctx, lis)
}

// openStore picks the backend by the URL scheme; a bare path is SQLite.
func openStore(ctx context.Context, name string, onCommit func(int, time.Duration)) (tally.Store, error) {
	switch {
	case strings.HasPrefix(name, "postgres://"), strings.HasPrefix(name, "postgresql://"):
		// Several tallyd may share the database; see docs/deployment.md.
		st, err := pgstore.Open(ctx, name, pgstore.Options{OnCommit: onCommit})
		if err != nil {
			return nil, fmt.Errorf("store %s: %w", redact(name), err) // pgx masks passwords in its errors
		}
		return st, nil
	case name == "":
		return nil, fmt.Errorf("no store given (--store)")
	}
	return sqlitestore.Open(ctx, strings.TrimPrefix(name, "sqlite:"), sqlitestore.Options{OnCommit: onCommit})
}

// redact hides a password in a database URL before it is logged.
func redact(store string) string {
	u, err := url.Parse(store)
	if err != nil || u.User == nil {
		return store
	}
	return u.Redacted()
}
