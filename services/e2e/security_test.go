package e2e

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/auth"
	"github.com/mandate-project/mandate/services/platform/testsupport"
	"github.com/mandate-project/mandate/services/tally/tallyclient"
	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// defineCopy defines kz-copy, the demo under another election id, with its
// protocols, as an administrator.
func defineCopy(t *testing.T, s *system) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(testsupport.RepoRoot(t), "examples", "kz-2012", "election.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	def := filepath.Join(t.TempDir(), "election.yaml")
	if err := os.WriteFile(def, []byte(strings.Replace(string(src), "\nid: kz-2012\n", "\nid: kz-copy\n", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := As(context.Background(), s.Admin)
	if _, err := tallyclient.Define(ctx, s.Tally, def); err != nil {
		t.Fatal(err)
	}
	if rep, err := tallyclient.ImportCSV(ctx, s.Tally, def, filepath.Join(testsupport.RepoRoot(t), "examples", "kz-2012", "protocols.csv"), nil); err != nil || rep.Rejected != 0 {
		t.Fatalf("import the copy: %+v %v", rep, err)
	}
}

// rowsOf is the ImportProtocols message carrying these submissions as rows
// of parent.
func rowsOf(parent string, reqs ...*tallyv1.SubmitProtocolRequest) *tallyv1.ImportProtocolsRequest {
	out := &tallyv1.ProtocolRows{Parent: parent}
	lines, votes := slices.Sorted(maps.Keys(reqs[0].GetLines())), slices.Sorted(maps.Keys(reqs[0].GetVotes()))
	for _, k := range lines {
		out.Columns = append(out.Columns, "lines."+k)
	}
	for _, k := range votes {
		out.Columns = append(out.Columns, "votes."+k)
	}
	for _, r := range reqs {
		row := &tallyv1.ProtocolRow{Station: r.GetStation(), RequestId: r.GetRequestId(), Kind: r.GetKind(), ReplacesVersion: r.GetReplacesVersion(), Reason: r.GetReason()}
		for _, k := range lines {
			row.Counts = append(row.Counts, r.GetLines()[k])
		}
		for _, k := range votes {
			row.Counts = append(row.Counts, r.GetVotes()[k])
		}
		out.Rows = append(out.Rows, row)
	}
	return &tallyv1.ImportProtocolsRequest{Rows: out}
}

// TestCommissionScope is issue 14's critical finding against the real
// daemons: a commission token for one station of kz-2012 imports rows for
// another station (correcting the administrator's protocol there) and into
// another election, over gRPC and through the gateway. Every attempt is
// refused naming the row, and nothing changes; the commission's own station
// is taken.
func TestCommissionScope(t *testing.T) {
	s := start(t)
	loadDemo(t, s)
	defineCopy(t, s)
	uik := s.Token(t, auth.Claims{Subject: "uik-astana-1", Role: auth.Commission, Units: []string{"astana-1"}, Election: "kz-2012"})
	ctx := As(context.Background(), uik)

	own := correctionOf(t, s.Tally, "astana-1", "uik-own", 1)
	admins := correctionOf(t, s.Tally, "almaty-city-1", "uik-attack-1", 1000) // the administrator's protocol
	other := correctionOf(t, s.Tally, "astana-1", "uik-attack-2", 1000)
	other.Parent, other.Station = "elections/kz-copy/contests/mazhilis", "elections/kz-copy/units/astana-1"
	otherHere := correctionOf(t, s.Tally, "astana-1", "uik-attack-3", 1000)
	otherHere.Station = "elections/kz-copy/units/astana-1"

	attacks := []struct {
		name  string
		msg   *tallyv1.ImportProtocolsRequest
		field string
	}{
		{"another station", rowsOf(contest, own, admins), "rows.rows[1].station"},
		{"another election", rowsOf(other.Parent, other), "rows.parent"},
		{"a station of another election", rowsOf(contest, otherHere), "rows.rows[0].station"},
		{"a protocol of another station", &tallyv1.ImportProtocolsRequest{Protocol: admins}, "protocol.station"},
	}
	for _, a := range attacks {
		t.Run("grpc/"+a.name, func(t *testing.T) {
			stream, err := s.Tally.ImportProtocols(ctx)
			if err != nil {
				t.Fatal(err)
			}
			_ = stream.Send(a.msg) // io.EOF when refused first; CloseAndRecv has the status
			_, err = stream.CloseAndRecv()
			st := status.Convert(err)
			if st.Code() != codes.PermissionDenied || !strings.Contains(st.Message(), a.field) {
				t.Fatalf("import: %v; want PERMISSION_DENIED naming %s", err, a.field)
			}
			for _, d := range st.Details() {
				if info, ok := d.(*errdetails.ErrorInfo); ok && (info.GetReason() != "OUT_OF_SCOPE" || info.GetMetadata()["field"] != a.field) {
					t.Errorf("ErrorInfo %v", info)
				}
			}
		})
		t.Run("gateway/"+a.name, func(t *testing.T) {
			body, err := protojson.Marshal(a.msg)
			if err != nil {
				t.Fatal(err)
			}
			code, resp := s.do(t, http.MethodPost, "/v1/protocols:import", uik, string(body))
			var st struct {
				Message string
				Details []struct {
					Reason   string
					Metadata map[string]string
				}
			}
			if err := json.Unmarshal(resp, &st); err != nil || code != http.StatusForbidden || !strings.Contains(st.Message, a.field) {
				t.Fatalf("HTTP %d %s; want 403 naming %s", code, resp, a.field)
			}
			if len(st.Details) != 1 || st.Details[0].Reason != "OUT_OF_SCOPE" || st.Details[0].Metadata["field"] != a.field {
				t.Errorf("details %+v", st.Details)
			}
		})
	}

	// Nothing the attacks named changed: one version each, the
	// administrator's still current.
	for _, name := range []string{contest + "/protocols/astana-1", contest + "/protocols/almaty-city-1", "elections/kz-copy/contests/mazhilis/protocols/astana-1"} {
		p, err := s.Tally.GetProtocol(context.Background(), &tallyv1.GetProtocolRequest{Name: name})
		if err != nil || len(p.GetVersions()) != 1 || p.GetCurrent().GetSubmitter() != "admin:e2e-admin" {
			t.Errorf("%s: %d versions, current by %q, %v", name, len(p.GetVersions()), p.GetCurrent().GetSubmitter(), err)
		}
	}

	// The commission's own station, as rows, over both paths.
	stream, err := s.Tally.ImportProtocols(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := stream.Send(rowsOf(contest, own)); err != nil {
		t.Fatal(err)
	}
	if resp, err := stream.CloseAndRecv(); err != nil || resp.GetAccepted() != 1 {
		t.Fatalf("own station: %v %v", resp, err)
	}
	p, err := s.Tally.GetProtocol(context.Background(), &tallyv1.GetProtocolRequest{Name: contest + "/protocols/astana-1"})
	if err != nil || len(p.GetVersions()) != 2 || p.GetCurrent().GetSubmitter() != "commission:uik-astana-1" {
		t.Errorf("own station: %d versions, current by %q, %v", len(p.GetVersions()), p.GetCurrent().GetSubmitter(), err)
	}
}

// TestVerifyVerdicts runs mandatectl verify on the real export: a paper
// protocol that differs from the log is blamed on the paper, not the
// export, and a file added to the export's ZIP is listed and refused
// (issue 14.14).
func TestVerifyVerdicts(t *testing.T) {
	s := start(t)
	loadDemo(t, s)
	skey, err := os.ReadFile(filepath.Join(s.dir, "tally.db.logkey"))
	if err != nil {
		t.Fatal(err)
	}
	_, vkey, err := tallylog.NewSigner(string(skey))
	if err != nil {
		t.Fatal(err)
	}
	vkeyFile := filepath.Join(s.dir, "tally.vkey")
	if err := os.WriteFile(vkeyFile, []byte(vkey+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, zipped := s.do(t, http.MethodGet, "/v1/elections/kz-2012:export", "", "")
	if code != http.StatusOK {
		t.Fatalf("export: %d", code)
	}
	exportFile := filepath.Join(s.dir, "export.zip")
	if err := os.WriteFile(exportFile, zipped, 0o644); err != nil {
		t.Fatal(err)
	}

	// A paper protocol one vote off.
	p, err := s.Tally.GetProtocol(context.Background(), &tallyv1.GetProtocolRequest{Name: contest + "/protocols/astana-1"})
	if err != nil {
		t.Fatal(err)
	}
	paper := fmt.Sprintf("station: astana-1\nnur-otan: %d\n", p.GetCurrent().GetVotes()["nur-otan"]+1)
	paperFile := filepath.Join(s.dir, "astana-1.txt")
	if err := os.WriteFile(paperFile, []byte(paper), 0o644); err != nil {
		t.Fatal(err)
	}
	out, exit := mandatectl(t, "verify", "--export", exportFile, "--key", vkeyFile, "--protocol", paperFile)
	if exit != 1 || !strings.Contains(out, "RESULT   1 mismatch: the paper protocol does not match the signed log (the export itself matches it)") ||
		strings.Contains(out, "this export does not match") {
		t.Errorf("paper one vote off (exit %d):\n%s", exit, out)
	}

	// The same export with a file added.
	zr, err := zip.NewReader(bytes.NewReader(zipped), int64(len(zipped)))
	if err != nil {
		t.Fatal(err)
	}
	var grown bytes.Buffer
	zw := zip.NewWriter(&grown)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	w, _ := zw.Create("official-seats.txt")
	w.Write([]byte("Nur Otan 98\n"))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(exportFile, grown.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, exit = mandatectl(t, "verify", "--export", exportFile, "--key", vkeyFile)
	if exit != 1 || !strings.Contains(out, "MISMATCH official-seats.txt: not a file of an export") ||
		!strings.Contains(out, "RESULT   1 mismatch: this export does not match its signed log") {
		t.Errorf("export with an extra file (exit %d):\n%s", exit, out)
	}
}

// refusedStart runs a daemon that must refuse its settings: it exits
// non-zero within 30 s, and its output is returned.
func refusedStart(t *testing.T, bin string, args ...string) string {
	t.Helper()
	path := daemon(t, bin)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, path, args...).CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || ctx.Err() != nil {
		t.Fatalf("%s %v: %v, want a refusal\n%s", bin, args, err, out)
	}
	return string(out)
}

// TestOperatorSettings is issue 14.15 against the real daemons: the
// metrics listener follows the gRPC listeners' rule, a certificate without
// its key names the missing flag, a store in a new directory is created,
// and a call's log line names its request id once.
func TestOperatorSettings(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "fresh", "sub", "tally.db")
	tokenFile := filepath.Join(dir, "dev.token")
	base := []string{"--grpc-addr", "127.0.0.1:0", "--store", store, "--dev-token-file", tokenFile}

	out := refusedStart(t, "tallyd", append(base, "--metrics-addr", "0.0.0.0:0")...)
	if !strings.Contains(out, "--metrics-addr") || !strings.Contains(out, "not a loopback address") {
		t.Errorf("plaintext metrics on every interface:\n%s", out)
	}
	out = refusedStart(t, "seatsd", "--grpc-addr", "127.0.0.1:0", "--metrics-addr", "0.0.0.0:0")
	if !strings.Contains(out, "--metrics-addr") {
		t.Errorf("seatsd, plaintext metrics on every interface:\n%s", out)
	}
	out = refusedStart(t, "tallyd", append(base, "--tls-cert", filepath.Join(dir, "server.pem"))...)
	if !strings.Contains(out, "--tls-cert needs --tls-key, which is missing") || strings.Contains(out, "open :") {
		t.Errorf("certificate without its key:\n%s", out)
	}
	out = refusedStart(t, "gatewayd", "--http-addr", "127.0.0.1:0", "--tally-addr", "127.0.0.1:1", "--seats-addr", "127.0.0.1:1", "--tls-key", filepath.Join(dir, "server.key"))
	if !strings.Contains(out, "need --tls-cert, which is missing") {
		t.Errorf("gateway key without its certificate:\n%s", out)
	}
	if _, err := os.Stat(tokenFile); err == nil {
		t.Error("a refused start wrote a development token")
	}

	// Allowed explicitly, metrics serve on every interface; the store's
	// directory is made.
	logFile := filepath.Join(dir, "tallyd.log")
	addr := run(t, daemon(t, "tallyd"), logFile, "tally serving", append(base, "--metrics-addr", "0.0.0.0:0", "--allow-plaintext")...)
	if _, err := os.Stat(store); err != nil {
		t.Errorf("store in a new directory: %v", err)
	}
	c := tallyClient(t, addr)
	ctx := metadata.AppendToOutgoingContext(context.Background(), "x-request-id", "e2e-once-1")
	if _, err := c.ListElections(ctx, &tallyv1.ListElectionsRequest{}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		b, _ := os.ReadFile(logFile)
		var line string
		for _, l := range strings.Split(string(b), "\n") {
			if strings.Contains(l, "e2e-once-1") {
				line = l
			}
		}
		if line != "" {
			if n := strings.Count(line, `"request_id"`); n != 1 {
				t.Errorf("request_id %d times in: %s", n, line)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no log line of the call:\n%s", b)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestUnavailableNamesTheService: with seatsd stopped, the gateway's 503
// names the seats service, not its socket address, which goes to the
// gateway's log (issue 14.15).
func TestUnavailableNamesTheService(t *testing.T) {
	s := start(t)
	s.stopSeats()
	host := strings.Split(s.SeatsAddr, ":")
	port := host[len(host)-1]
	for _, path := range []string{"/v1/presets", "/healthz"} {
		code, body := s.do(t, http.MethodGet, path, "", "")
		if code != http.StatusServiceUnavailable || !strings.Contains(string(body), "seats service") || strings.Contains(string(body), port) || strings.Contains(string(body), "127.0.0.1") {
			t.Errorf("GET %s with seats down: %d %s", path, code, body)
		}
	}
	code, body := s.do(t, http.MethodGet, "/v1/presets", "", "")
	var st struct {
		Details []struct{ Reason string }
	}
	if err := json.Unmarshal(body, &st); err != nil || code != http.StatusServiceUnavailable || len(st.Details) != 1 || st.Details[0].Reason != "SERVICE_UNAVAILABLE" {
		t.Errorf("503 body %s", body)
	}
	b, _ := os.ReadFile(filepath.Join(s.dir, "gatewayd.log"))
	if !strings.Contains(string(b), port) {
		t.Errorf("the gateway's log lacks the seats address %s", s.SeatsAddr)
	}
}
