// Package tallyd runs the tally daemon: it opens the store named by the
// configuration, rebuilds the totals in memory and serves gRPC.
package tallyd

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/mandate-project/mandate/gen/descriptor"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/daemon"
	"github.com/mandate-project/mandate/services/platform/grpcserver"
	"github.com/mandate-project/mandate/services/platform/heaptrim"
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
	// LogKey is the file holding the note signer key that signs the log's
	// checkpoints (`mandatectl log keygen` makes one). Empty with SQLite:
	// STORE.logkey, made at the first start (with its verifier key in
	// STORE.logkey.pub) and reused, so that receipts and checkpoints
	// survive restarts. Required with PostgreSQL, where
	// every replica must sign with the same key.
	LogKey string
	// CheckpointEvery is how often a checkpoint of a log that grew is
	// published (zero: tally.DefaultCheckpointEvery).
	CheckpointEvery time.Duration
	// Image is the file of the memory image (decision 101): written at a
	// graceful stop, read at the start so that the totals need not be
	// rebuilt from every stored protocol. Empty: STORE.image with SQLite,
	// none with PostgreSQL (replicas come and go; each rebuilds). "off":
	// none.
	Image string
}

// imagePath is the image file cfg names, "" for none.
func (cfg Config) imagePath() string {
	switch {
	case cfg.Image == "off":
		return ""
	case cfg.Image != "":
		return cfg.Image
	case isPostgres(cfg.Store):
		return ""
	}
	return strings.TrimPrefix(cfg.Store, "sqlite:") + ".image"
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
	// Settings that cannot work are refused before anything is written.
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
	m := metrics.New()
	store, err := openStore(ctx, cfg.Store, commitObserver(m.Registry))
	if err != nil {
		return err
	}
	defer store.Close()
	logKey, err := loadLogKey(cfg, log)
	if err != nil {
		return err
	}
	start := time.Now()
	imagePath := cfg.imagePath()
	image, err := openImage(imagePath)
	if err != nil {
		return err
	}
	svcOpts := tally.ServiceOptions{Follow: cfg.Follow, Logger: log, LogKey: logKey, CheckpointEvery: cfg.CheckpointEvery}
	if image != nil {
		svcOpts.Image = image
	}
	svc, err := tally.NewServiceWith(ctx, store, svcOpts)
	if image != nil {
		image.Close()
	}
	if err != nil {
		return fmt.Errorf("load totals: %w", err)
	}
	defer svc.Close()
	for _, l := range svc.Loads() {
		if l.FromImage {
			log.Info("election loaded from the memory image", "election", l.Election, "image", imagePath, "caught_up", l.CaughtUp)
		}
	}
	// Rebuilding read every protocol through throwaway rows: hand that
	// garbage back to the system now rather than keep it resident until
	// the heap grows into it (a million stations' rebuild is most of
	// tallyd's peak; issue 19).
	debug.FreeOSMemory()
	// From now on, the heap an import or another burst leaves free goes
	// back to the system once the daemon is idle (issue 19: RSS after a
	// million-station import).
	go heaptrim.Run(ctx, heaptrim.Config{Trimmed: func(tr heaptrim.Trim) {
		log.Info("idle heap returned to the system", "free_bytes", tr.Free, "released_bytes", tr.Released,
			"took", tr.Took.String())
	}})
	log.Info("totals rebuilt from store", "store", redact(cfg.Store), "took", time.Since(start).String(),
		"log_verifier_key", svc.Log().LogVerifierKey())

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
	defer flushTraces()
	opts = append(opts, traceOpts...)
	opts = append(opts, api.ServerOptions()...)
	srv := grpcserver.New(log, grpcserver.Config{MaxRecvBytes: MaxRecvBytes, MaxSendBytes: 64 << 20, Drain: cfg.Drain, Descriptors: descriptor.Resolver()}, opts...)
	tallyv1.RegisterTallyServiceServer(srv, api)
	m.RPC.InitializeMetrics(srv.Server)
	if err := cfg.Common.ServeMetrics(ctx, m, log); err != nil {
		return err
	}
	log.Info("tally serving", "addr", lis.Addr().String())
	if cfg.Ready != nil {
		cfg.Ready(lis.Addr().String())
	}
	if err := srv.Serve(ctx, lis); err != nil || imagePath == "" {
		return err
	}
	// Stopped gracefully: every call has drained. Stop following the
	// store, then write what memory holds for the next start.
	svc.Close()
	began := time.Now()
	if err := writeImage(imagePath, svc); err != nil {
		// Only the next start's speed depends on it: it rebuilds.
		log.Warn("memory image not written; the next start rebuilds the totals from the store", "image", imagePath, "err", err)
		return nil
	}
	log.Info("memory image written", "image", imagePath, "took", time.Since(began).String())
	return nil
}

// openImage opens the image file at path; nil when there is none.
func openImage(path string) (*os.File, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("memory image: %w", err)
	}
	return f, nil
}

// writeImage writes svc's memory image to path through a temporary file
// renamed over it once synced, so that a crash leaves the old image or the
// new one, never half of one (a damaged one is refused anyway).
func writeImage(path string, svc *tally.Service) error {
	// The stop's context is over; writing needs the store for a moment.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after the rename, nothing is there
	if err := svc.WriteImage(ctx, tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// openStore picks the backend by the URL scheme; a bare path is SQLite.
func openStore(ctx context.Context, name string, onCommit func(int, time.Duration)) (tally.Store, error) {
	switch {
	case isPostgres(name):
		// Several tallyd may share the database; see docs/deployment.md.
		st, err := pgstore.Open(ctx, name, pgstore.Options{OnCommit: onCommit})
		if err != nil {
			return nil, fmt.Errorf("store %s: %w", redact(name), err) // pgx masks passwords in its errors
		}
		return st, nil
	case name == "":
		return nil, fmt.Errorf("no store given (--store)")
	}
	path := strings.TrimPrefix(name, "sqlite:")
	// A new store may be in a new directory (var/ of a fresh checkout).
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	return sqlitestore.Open(ctx, path, sqlitestore.Options{OnCommit: onCommit})
}

// redact hides a password in a database URL before it is logged.
func redact(store string) string {
	u, err := url.Parse(store)
	if err != nil || u.User == nil {
		return store
	}
	return u.Redacted()
}

// loadLogKey reads the log's signing key, making one next to a SQLite
// store when none is given. The key is never logged; its verifier key is.
func loadLogKey(cfg Config, log *slog.Logger) (string, error) {
	path := cfg.LogKey
	if path == "" {
		if isPostgres(cfg.Store) {
			return "", fmt.Errorf("--log-key is required with PostgreSQL: every replica signs the log with the same key (make one with `mandatectl log keygen`)")
		}
		path = strings.TrimPrefix(cfg.Store, "sqlite:") + ".logkey"
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			skey, vkey, err := note.GenerateKey(rand.Reader, "mandate-tally")
			if err != nil {
				return "", err
			}
			if err := os.WriteFile(path, []byte(skey+"\n"), 0o600); err != nil {
				return "", fmt.Errorf("write log key: %w", err)
			}
			// The verifier key beside it, for whoever checks the log.
			if err := os.WriteFile(path+".pub", []byte(vkey+"\n"), 0o644); err != nil {
				return "", fmt.Errorf("write log verifier key: %w", err)
			}
			log.Info("made a log signing key", "file", path, "log_verifier_key", vkey)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("log key: %w", err)
	}
	return strings.TrimSpace(string(b)), nil
}

func isPostgres(store string) bool {
	return strings.HasPrefix(store, "postgres://") || strings.HasPrefix(store, "postgresql://")
}
