// Package gatewayd runs the JSON/HTTP gateway daemon: it dials the tally and
// seats services and serves HTTP until its context ends.
package gatewayd

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"google.golang.org/grpc"

	"github.com/mandate-project/mandate/services/gateway/internal/gateway"
	"github.com/mandate-project/mandate/services/platform/requestid"
	"github.com/mandate-project/mandate/services/platform/tlsconf"
)

// Config is everything gatewayd can be told.
type Config struct {
	HTTPAddr     string        // where to serve HTTP
	TallyAddr    string        // tally gRPC address
	SeatsAddr    string        // seats gRPC address
	MaxBodyBytes int64         // request body limit
	MaxWatches   int           // open totals watches (0: no bound)
	Drain        time.Duration // how long a stop waits for in-flight requests
	Logger       *slog.Logger
	// Ready, when set, receives the bound address once serving (tests use
	// port 0).
	Ready func(addr string)
	// TLS serves HTTPS; plaintext HTTP only on loopback unless allowed.
	TLS tlsconf.Server
	// Backend is how the gateway dials the tally and seats services (TLS,
	// mutual TLS with a client certificate).
	Backend tlsconf.Client
}

// Run serves until ctx is cancelled, then drains for at most cfg.Drain.
func Run(ctx context.Context, cfg Config) error {
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	log = requestid.Logger(log)
	// The listener rule of every daemon, checked before anything starts:
	// TLS when configured (complete), plaintext only on loopback.
	tc, err := cfg.TLS.ListenerConfig(cfg.HTTPAddr)
	if err != nil {
		return err
	}
	dial := func(addr string) (*grpc.ClientConn, error) {
		creds, err := cfg.Backend.Credentials(addr)
		if err != nil {
			return nil, err
		}
		return grpc.NewClient(addr, grpc.WithTransportCredentials(creds))
	}
	tally, err := dial(cfg.TallyAddr)
	if err != nil {
		return fmt.Errorf("tally %s: %w", cfg.TallyAddr, err)
	}
	defer tally.Close()
	seats, err := dial(cfg.SeatsAddr)
	if err != nil {
		return fmt.Errorf("seats %s: %w", cfg.SeatsAddr, err)
	}
	defer seats.Close()

	h, err := gateway.New(ctx, gateway.Config{Tally: tally, Seats: seats, MaxBodyBytes: cfg.MaxBodyBytes, MaxWatches: cfg.MaxWatches, Logger: log})
	if err != nil {
		return err
	}
	lis, err := net.Listen("tcp", cfg.HTTPAddr)
	if err != nil {
		return err
	}
	if tc != nil {
		lis = tls.NewListener(lis, tc)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	log.Info("gateway serving", "addr", lis.Addr().String(), "tally", cfg.TallyAddr, "seats", cfg.SeatsAddr)
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
	sctx, cancel := context.WithTimeout(context.Background(), cfg.Drain)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		log.Warn("drain incomplete", "err", err)
		_ = srv.Close()
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
