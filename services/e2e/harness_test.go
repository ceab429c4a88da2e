package e2e

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	spb "google.golang.org/genproto/googleapis/rpc/status"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/auth"
	"github.com/mandate-project/mandate/services/platform/grpctest"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
	"github.com/mandate-project/mandate/services/platform/testsupport"
)

// daemon returns the path of the named command (tallyd, seatsd, gatewayd,
// mandatectl), built once per test run.
func daemon(t *testing.T, name string) string {
	t.Helper()
	return testsupport.Binary(t, name, testsupport.BuildOptions{})
}

func TestMain(m *testing.M) { testsupport.Main(m) }

// system is the three daemons running, with clients and an admin token.
type system struct {
	Tally tallyv1.TallyServiceClient
	Seats seatsv1.SeatsServiceClient
	HTTP  string // gateway base URL
	// TallyAddr and SeatsAddr are the daemons' gRPC addresses.
	TallyAddr, SeatsAddr string
	Admin                string // administrator token
	Signer               auth.Signer
	tallyLog             string
	// stopSeats stops seatsd (SIGINT) and waits for it to exit.
	stopSeats func()
	// stopTally stops tallyd; dir holds its store (and the log key made
	// next to it) and authKey its token key, for a restart on the store.
	stopTally    func()
	dir, authKey string
}

// start runs tallyd, seatsd and gatewayd on free loopback ports; they stop
// when the test ends.
func start(t *testing.T) *system {
	t.Helper()
	dir := t.TempDir()
	key, err := auth.NewHMAC()
	if err != nil {
		t.Fatal(err)
	}
	keyFile := filepath.Join(dir, "tally.key")
	if err := os.WriteFile(keyFile, key, 0o600); err != nil {
		t.Fatal(err)
	}
	signer, _, err := auth.ParseKey(key)
	if err != nil {
		t.Fatal(err)
	}
	sys := &system{Signer: signer, tallyLog: filepath.Join(dir, "tallyd.log")}
	sys.Admin = sys.Token(t, auth.Claims{Subject: "e2e-admin", Role: auth.Admin})

	sys.dir, sys.authKey = dir, keyFile
	var tallyAddr string
	tallyAddr, sys.stopTally = runStoppable(t, daemon(t, "tallyd"), sys.tallyLog, "tally serving",
		"--grpc-addr", "127.0.0.1:0", "--store", filepath.Join(dir, "tally.db"), "--auth-key", keyFile)
	var seatsAddr string
	seatsAddr, sys.stopSeats = runStoppable(t, daemon(t, "seatsd"), filepath.Join(dir, "seatsd.log"), "seats serving", "--grpc-addr", "127.0.0.1:0", "--tally-addr", tallyAddr)
	httpAddr := run(t, daemon(t, "gatewayd"), filepath.Join(dir, "gatewayd.log"), "gateway serving",
		"--http-addr", "127.0.0.1:0", "--tally-addr", tallyAddr, "--seats-addr", seatsAddr)
	sys.Tally = tallyv1.NewTallyServiceClient(dial(t, tallyAddr))
	sys.Seats = seatsv1.NewSeatsServiceClient(dial(t, seatsAddr))
	sys.HTTP = "http://" + httpAddr
	sys.TallyAddr, sys.SeatsAddr = tallyAddr, seatsAddr
	return sys
}

// restartTally stops tallyd and starts it again on the same store (on
// another port: seatsd and gatewayd keep the old address) and returns a
// client of the new one.
func (s *system) restartTally(t *testing.T) tallyv1.TallyServiceClient {
	t.Helper()
	s.stopTally()
	addr, stop := runStoppable(t, daemon(t, "tallyd"), filepath.Join(s.dir, "tallyd-2.log"), "tally serving",
		"--grpc-addr", "127.0.0.1:0", "--store", filepath.Join(s.dir, "tally.db"), "--auth-key", s.authKey)
	s.stopTally, s.TallyAddr = stop, addr
	s.Tally = tallyClient(t, addr)
	return s.Tally
}

// Token issues a token for claims, valid for an hour.
func (s *system) Token(t *testing.T, c auth.Claims) string {
	t.Helper()
	now := time.Now()
	c.Expires = now.Add(time.Hour).Unix()
	tok, err := auth.Issue(s.Signer, c, now)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// As returns ctx carrying a bearer token.
func As(ctx context.Context, token string) context.Context {
	return metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+token)
}

func dial(t *testing.T, addr string) *grpc.ClientConn {
	t.Helper()
	// Every answer of the daemons must keep the error contract.
	opts := append(grpctest.ClientContractOptions(t), grpc.WithTransportCredentials(insecure.NewCredentials()))
	c, err := grpc.NewClient(addr, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// run starts a daemon and returns the address from its "serving" log line.
func run(t *testing.T, bin, logFile, serving string, args ...string) string {
	t.Helper()
	return testsupport.Start(t, bin, logFile, serving, args...).Addr
}

// runStoppable is run that also returns a function stopping the daemon
// before the test ends.
func runStoppable(t *testing.T, bin, logFile, serving string, args ...string) (string, func()) {
	t.Helper()
	d := testsupport.Start(t, bin, logFile, serving, args...)
	return d.Addr, d.Stop
}

// do sends an HTTP request to the gateway with an optional token and
// returns the status and body.
func (s *system) do(t *testing.T, method, path, token, body string) (int, []byte) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, s.HTTP+path, r)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode >= 400 && strings.HasPrefix(path, "/v1/") {
		checkContract(t, resp.StatusCode, b)
	}
	return resp.StatusCode, b
}

// checkContract fails the test when an HTTP error of the API is not a
// google.rpc.Status with exactly one ErrorInfo of a published reason.
func checkContract(t *testing.T, code int, body []byte) {
	t.Helper()
	var p spb.Status
	if err := protojson.Unmarshal(body, &p); err != nil {
		t.Errorf("HTTP %d: the body is not a google.rpc.Status (%v): %s", code, err, body)
		return
	}
	if err := rpcerr.Check(status.FromProto(&p)); err != nil {
		t.Errorf("HTTP %d: %v", code, err)
	}
}

// tallyClient dials a tally at addr.
func tallyClient(t *testing.T, addr string) tallyv1.TallyServiceClient {
	t.Helper()
	return tallyv1.NewTallyServiceClient(dial(t, addr))
}
