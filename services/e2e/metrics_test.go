package e2e

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mandate-project/mandate/services/platform/auth"
	"github.com/mandate-project/mandate/services/platform/testsupport"
	"github.com/mandate-project/mandate/services/tally/tallyclient"
)

// TestMetrics scrapes a real tallyd after the demo import: RPC counts by
// code, protocols by outcome, group-commit sizes and durations, and the
// contest's results version.
func TestMetrics(t *testing.T) {
	dir := t.TempDir()
	key, err := auth.NewHMAC()
	if err != nil {
		t.Fatal(err)
	}
	keyFile := filepath.Join(dir, "k")
	if err := os.WriteFile(keyFile, key, 0o600); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	metricsAddr := l.Addr().String()
	l.Close()
	addr := run(t, daemon(t, "tallyd"), filepath.Join(dir, "tallyd.log"), "tally serving",
		"--grpc-addr", "127.0.0.1:0", "--store", filepath.Join(dir, "t.db"), "--auth-key", keyFile, "--metrics-addr", metricsAddr)
	s := &system{}
	signer, _, _ := auth.ParseKey(key)
	s.Signer = signer
	ctx := As(context.Background(), s.Token(t, auth.Claims{Subject: "m", Role: auth.Admin}))
	client := tallyClient(t, addr)
	def := filepath.Join(testsupport.RepoRoot(t), "examples", "kz-2012", "election.yaml")
	if _, err := tallyclient.Define(ctx, client, def); err != nil {
		t.Fatal(err)
	}
	if _, err := tallyclient.ImportCSV(ctx, client, def, filepath.Join(testsupport.RepoRoot(t), "examples", "kz-2012", "protocols.csv"), nil); err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get("http://" + metricsAddr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{
		`grpc_server_handled_total{grpc_code="OK",grpc_method="ImportProtocols",grpc_service="mandate.tally.v1.TallyService",grpc_type="client_stream"} 1`,
		`mandate_tally_protocols_total{outcome="accepted"} 48`,
		`mandate_tally_store_commit_protocols_sum 48`,
		`mandate_tally_store_commit_seconds_count`,
		`mandate_tally_results_version{contest="mazhilis",election="kz-2012"} 49`, // the units, then 48 protocols
		`mandate_tally_stations_reporting{contest="mazhilis",election="kz-2012"} 48`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}
