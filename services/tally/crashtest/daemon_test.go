package crashtest

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/auth"
	"github.com/mandate-project/mandate/services/platform/testsupport"
)

// tallyService is the name tallyd's health service reports the tally under.
const tallyService = "mandate.tally.v1.TallyService"

func TestMain(m *testing.M) { testsupport.Main(m) }

// tallydBinary builds cmd/tallyd once per test run, with the race detector
// when the tests have it, so a data race in the daemon under load fails the
// test too. The daemon is run by the daemon type below rather than
// testsupport.Start: it is killed with SIGKILL and restarted on its store
// and address, and its stderr is scanned for race reports.
func tallydBinary(t *testing.T) string {
	t.Helper()
	return testsupport.Binary(t, "tallyd", testsupport.BuildOptions{Race: testsupport.Race})
}

// daemon runs tallyd on one store, one process at a time. Restarts reuse the
// store and, while it is free, the address, as a supervisor would.
type daemon struct {
	t     *testing.T
	bin   string
	store string
	drain time.Duration
	log   *os.File // every run's stderr, appended
	addr  string

	cmd    *exec.Cmd
	exited chan struct{}
	state  *os.ProcessState
	races  atomic.Int32 // data race reports in the daemon's stderr

	conn   *grpc.ClientConn
	client tallyv1.TallyServiceClient
	// keyFile verifies tokens across restarts; token is an administrator's.
	keyFile, token string
	// logKey signs the log's checkpoints, the same across restarts.
	logKey string
	starts int
	// startup is the time from exec to SERVING of every start.
	startup []time.Duration
}

func newDaemon(t *testing.T, bin, store string, drain time.Duration) *daemon {
	t.Helper()
	f, err := os.Create(filepath.Join(t.TempDir(), "tallyd.log"))
	if err != nil {
		t.Fatal(err)
	}
	d := &daemon{t: t, bin: bin, store: store, drain: drain, log: f}
	d.keyFile, d.token = adminCredentials(t)
	// The log's signing key, given explicitly (PostgreSQL needs it).
	skey, _, err := note.GenerateKey(rand.Reader, "crashtest")
	if err != nil {
		t.Fatal(err)
	}
	d.logKey = filepath.Join(t.TempDir(), "log.key")
	if err := os.WriteFile(d.logKey, []byte(skey+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if d.running() {
			_ = d.cmd.Process.Kill()
			<-d.exited
		}
		if d.conn != nil {
			d.conn.Close()
		}
		if n := d.races.Load(); n > 0 {
			t.Errorf("tallyd reported %d data race(s)", n)
		}
		if t.Failed() {
			d.tail(40)
		}
		f.Close()
	})
	return d
}

// adminCredentials writes an HMAC key file for tallyd and returns it with an
// administrator token signed by it: the same key across restarts, as in
// production.
func adminCredentials(t *testing.T) (keyFile, token string) {
	t.Helper()
	pemKey, err := auth.NewHMAC()
	if err != nil {
		t.Fatal(err)
	}
	keyFile = filepath.Join(t.TempDir(), "tally.key")
	if err := os.WriteFile(keyFile, pemKey, 0o600); err != nil {
		t.Fatal(err)
	}
	signer, _, err := auth.ParseKey(pemKey)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	token, err = auth.Issue(signer, auth.Claims{Subject: "crashtest", Role: auth.Admin, Expires: now.Add(24 * time.Hour).Unix()}, now)
	if err != nil {
		t.Fatal(err)
	}
	return keyFile, token
}

// bearer sends a token with every call (plaintext: the test is on loopback).
type bearer string

func (b bearer) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + string(b)}, nil
}

func (bearer) RequireTransportSecurity() bool { return false }

// errNotBuilt marks a store backend tallyd does not have yet.
var errNotBuilt = errors.New("store backend not built yet")

// start runs tallyd and returns once its health service reports SERVING.
func (d *daemon) start() error {
	d.t.Helper()
	if d.running() {
		return errors.New("tallyd is already running")
	}
	addr := d.addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	err := d.run(addr)
	if err != nil && addr != "127.0.0.1:0" && strings.Contains(err.Error(), "address already in use") {
		// Another process took the port while tallyd was down.
		err = d.run("127.0.0.1:0")
	}
	return err
}

func (d *daemon) run(addr string) error {
	began := time.Now()
	cmd := exec.Command(d.bin, "--grpc-addr", addr, "--store", d.store, "--drain", d.drain.String(), "--auth-key", d.keyFile,
		"--log-key", d.logKey)
	// A race-enabled binary sleeps 1 s at exit by default; the stop times
	// measured here should be tallyd's own.
	cmd.Env = append(os.Environ(), "GORACE="+strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0"))
	cmd.Stdout = d.log
	pipe, err := cmd.StderrPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	d.starts++
	fmt.Fprintf(d.log, "--- start %d: %s\n", d.starts, strings.Join(cmd.Args, " "))
	d.cmd, d.exited, d.state = cmd, make(chan struct{}), nil
	ready := make(chan string, 1)
	var lastErr atomic.Value
	go func() {
		d.scan(pipe, ready, &lastErr)
		_ = cmd.Wait()
		d.state = cmd.ProcessState
		close(d.exited)
	}()
	select {
	case a := <-ready:
		d.addr = a
	case <-d.exited:
		msg, _ := lastErr.Load().(string)
		if strings.Contains(msg, "not built yet") {
			return errNotBuilt // msg names the store URL, which may hold a password
		}
		return fmt.Errorf("tallyd exited before serving (%v): %s", d.state, msg)
	case <-time.After(3 * time.Minute):
		_ = cmd.Process.Kill()
		<-d.exited
		return errors.New("tallyd did not start serving within 3 minutes")
	}
	if d.conn != nil {
		d.conn.Close()
	}
	conn, err := grpc.NewClient(d.addr, grpc.WithTransportCredentials(insecure.NewCredentials()), grpc.WithPerRPCCredentials(bearer(d.token)))
	if err != nil {
		return err
	}
	d.conn, d.client = conn, tallyv1.NewTallyServiceClient(conn)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	h, err := healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{Service: tallyService}, grpc.WaitForReady(true))
	if err != nil {
		return fmt.Errorf("health check: %w", err)
	}
	if h.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		return fmt.Errorf("health %v after start", h.GetStatus())
	}
	d.startup = append(d.startup, time.Since(began))
	return nil
}

// scan copies the daemon's JSON log to the log file, reports the address
// once it listens, and remembers the last error logged.
func (d *daemon) scan(r io.Reader, ready chan<- string, lastErr *atomic.Value) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for sc.Scan() {
		line := sc.Bytes()
		d.log.Write(append(line, '\n'))
		if strings.Contains(string(line), "DATA RACE") {
			d.races.Add(1)
		}
		var rec struct {
			Msg  string `json:"msg"`
			Addr string `json:"addr"`
			Err  string `json:"err"`
		}
		if json.Unmarshal(line, &rec) != nil {
			continue
		}
		if rec.Err != "" {
			lastErr.Store(rec.Err)
		}
		if rec.Msg == "tally serving" && rec.Addr != "" {
			select {
			case ready <- rec.Addr:
			default:
			}
		}
	}
	_, _ = io.Copy(io.Discard, r)
}

func (d *daemon) running() bool {
	if d.cmd == nil {
		return false
	}
	select {
	case <-d.exited:
		return false
	default:
		return true
	}
}

// kill stops tallyd with SIGKILL, as a power cut or the OOM killer would, and
// waits until it is gone.
func (d *daemon) kill() {
	d.t.Helper()
	if !d.running() {
		d.t.Fatalf("tallyd exited on its own before the kill (%v)", d.state)
	}
	if err := d.cmd.Process.Signal(syscall.SIGKILL); err != nil && !errors.Is(err, os.ErrProcessDone) {
		d.t.Fatalf("kill tallyd: %v", err)
	}
	<-d.exited
}

// terminate sends SIGTERM and waits for the exit, returning how long it took.
// A daemon that does not exit within drain + 30 s is killed and fails the test.
func (d *daemon) terminate() time.Duration {
	d.t.Helper()
	if !d.running() {
		d.t.Fatalf("tallyd exited on its own before the SIGTERM (%v)", d.state)
	}
	began := time.Now()
	if err := d.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		d.t.Fatalf("SIGTERM tallyd: %v", err)
	}
	select {
	case <-d.exited:
	case <-time.After(d.drain + 30*time.Second):
		_ = d.cmd.Process.Kill()
		<-d.exited
		d.t.Fatalf("tallyd did not exit within %v of SIGTERM", d.drain+30*time.Second)
	}
	return time.Since(began)
}

// exitCode is the daemon's exit status after it stopped.
func (d *daemon) exitCode() int { return d.state.ExitCode() }

// logged reports whether the daemon's log contains s.
func (d *daemon) logged(s string) bool {
	b, err := os.ReadFile(d.log.Name())
	return err == nil && strings.Contains(string(b), s)
}

func (d *daemon) tail(n int) {
	b, err := os.ReadFile(d.log.Name())
	if err != nil {
		return
	}
	// One line per call is noise here: keep starts, warnings and errors.
	var lines []string
	for l := range strings.Lines(string(b)) {
		if !strings.Contains(l, `"msg":"finished call"`) {
			lines = append(lines, strings.TrimRight(l, "\n"))
		}
	}
	d.t.Logf("tallyd log without per-call lines, last %d:\n%s", n, strings.Join(lines[max(0, len(lines)-n):], "\n"))
}

// storeFor returns the store argument for tallyd: a SQLite file in a temp
// dir, or for MANDATE_CRASH_STORE=postgres a fresh database created next to
// MANDATE_TEST_POSTGRES_URL (dropped at the end). The second result is the
// SQLite file, empty for PostgreSQL.
func storeFor(t *testing.T, kind string) (store, sqlitePath string) {
	t.Helper()
	switch kind {
	case "sqlite":
		p := filepath.Join(t.TempDir(), "tally.db")
		return p, p
	case "postgres":
	default:
		t.Fatalf("MANDATE_CRASH_STORE=%q: want sqlite or postgres", kind)
	}
	base := testsupport.PostgresURL(t)
	psql, err := exec.LookPath("psql")
	if err != nil {
		// No client to create a database with: share the test database; the
		// election id is unique per run, so runs do not see each other.
		t.Logf("psql not found: running on %s itself", redact(base))
		return base, ""
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("MANDATE_TEST_POSTGRES_URL: %v", err)
	}
	name := fmt.Sprintf("mandate_crash_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9)
	if out, err := exec.Command(psql, base, "-v", "ON_ERROR_STOP=1", "-qc", "CREATE DATABASE "+name).CombinedOutput(); err != nil {
		t.Fatalf("create database %s: %v\n%s", name, err, out)
	}
	t.Cleanup(func() {
		out, err := exec.Command(psql, base, "-v", "ON_ERROR_STOP=1", "-qc", "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)").CombinedOutput()
		if err != nil {
			t.Logf("drop database %s: %v\n%s", name, err, out)
		}
	})
	u.Path = "/" + name
	return u.String(), ""
}

// redact drops the password from a database URL for logs.
func redact(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}
