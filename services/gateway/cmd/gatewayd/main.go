// Command gatewayd serves Mandate's tally and seats APIs as JSON over HTTP.
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/mandate-project/mandate/services/gateway/internal/gatewayd"
	"github.com/mandate-project/mandate/services/platform/buildinfo"
	"github.com/mandate-project/mandate/services/platform/envflag"
	"github.com/mandate-project/mandate/services/platform/requestid"
)

func main() {
	var cfg gatewayd.Config
	var maxBody int
	var version bool
	fs := envflag.New("gatewayd")
	fs.StringVar(&cfg.HTTPAddr, "http-addr", "GATEWAY_HTTP_ADDR", "127.0.0.1:8080", "HTTP listen address")
	fs.StringVar(&cfg.TallyAddr, "tally-addr", "TALLY_ADDR", "127.0.0.1:50051", "tally gRPC address")
	fs.StringVar(&cfg.SeatsAddr, "seats-addr", "SEATS_ADDR", "127.0.0.1:50052", "seats gRPC address")
	fs.IntVar(&maxBody, "max-body-bytes", "GATEWAY_MAX_BODY_BYTES", 1<<20, "largest request body accepted")
	// 100,000: what a GiB holds at issue 19's 10 KB per watcher.
	fs.IntVar(&cfg.MaxWatches, "max-watches", "GATEWAY_MAX_WATCHES", 100000, "open totals watches before 429 (0: no bound)")
	fs.DurationVar(&cfg.Drain, "drain", "GATEWAY_DRAIN", 10*time.Second, "how long a stop waits for in-flight requests")
	fs.StringVar(&cfg.TLS.CertFile, "tls-cert", "GATEWAY_TLS_CERT", "", "HTTPS certificate chain (PEM); enables HTTPS")
	fs.StringVar(&cfg.TLS.KeyFile, "tls-key", "GATEWAY_TLS_KEY", "", "HTTPS private key (PEM)")
	fs.StringVar(&cfg.TLS.ClientCAFile, "tls-client-ca", "GATEWAY_TLS_CLIENT_CA", "", "require HTTPS client certificates signed by this CA")
	fs.BoolVar(&cfg.TLS.AllowPlaintext, "allow-plaintext", "GATEWAY_ALLOW_PLAINTEXT", false, "serve plain HTTP on a non-loopback address")
	fs.BoolVar(&cfg.Backend.Enable, "backend-tls", "GATEWAY_BACKEND_TLS", false, "dial tally and seats over TLS (system roots unless --backend-ca)")
	fs.StringVar(&cfg.Backend.CAFile, "backend-ca", "GATEWAY_BACKEND_CA", "", "CA that signed the tally and seats certificates (implies --backend-tls)")
	fs.StringVar(&cfg.Backend.CertFile, "backend-cert", "GATEWAY_BACKEND_CERT", "", "client certificate for mutual TLS to the services")
	fs.StringVar(&cfg.Backend.KeyFile, "backend-key", "GATEWAY_BACKEND_KEY", "", "client key for mutual TLS to the services")
	fs.StringVar(&cfg.Backend.ServerName, "backend-server-name", "GATEWAY_BACKEND_SERVER_NAME", "", "name expected in the services' certificates")
	fs.FlagSet.BoolVar(&version, "version", false, "print the version and exit")
	if err := fs.Parse(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gatewayd:", err)
		os.Exit(2)
	}
	if version {
		fmt.Println(buildinfo.String("gatewayd"))
		return
	}
	cfg.MaxBodyBytes = int64(maxBody)
	cfg.Logger = slog.New(requestid.LogHandler(slog.NewJSONHandler(os.Stderr, nil))).With("service", "gatewayd")

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := gatewayd.Run(ctx, cfg); err != nil {
		cfg.Logger.Error("gatewayd stopped", "err", err)
		os.Exit(1)
	}
}
