package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mandate-project/mandate/services/platform/testsupport"
)

// startTallyd runs the real tallyd on a fresh SQLite file and returns its
// gRPC address and its development token file; it is stopped with SIGINT
// when the test ends.
func startTallyd(t *testing.T) (addr, tokenFile string) {
	t.Helper()
	dir := t.TempDir()
	tokenFile = filepath.Join(dir, "admin.token")
	d := testsupport.Start(t, testsupport.Binary(t, "tallyd", testsupport.BuildOptions{}), "", "tally serving",
		"--grpc-addr", "127.0.0.1:0", "--store", filepath.Join(dir, "tally.db"), "--dev-token-file", tokenFile)
	return d.Addr, tokenFile
}

func TestMain(m *testing.M) { testsupport.Main(m) }

// TestRUImportThroughCLI is the issue's acceptance run: `mandatectl import
// csv` of Russia's 96,871 real 2016 protocols into a running tallyd, then
// `mandatectl totals --format json` prints the official national totals.
func TestRUImportThroughCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("RU 2016 import skipped in -short mode")
	}
	root := testsupport.RepoRoot(t)
	data := testsupport.RUStations(t)
	addr, tokenFile := startTallyd(t)
	ctx := context.Background()

	var out, errOut bytes.Buffer
	start := time.Now()
	code := Main(ctx, []string{"import", "csv", "--server", addr, "--token-file", tokenFile, "--quiet",
		"--definition", filepath.Join(root, "examples", "ru-duma-2016", "election.yaml"), "--file", data}, &out, &errOut)
	took := time.Since(start)
	if code != 0 {
		t.Fatalf("import exit %d:\n%s\n%s", code, out.String(), errOut.String())
	}
	t.Logf("import through the CLI: %s (%s)", took.Round(time.Millisecond), strings.TrimSpace(out.String()))
	if !strings.Contains(out.String(), "96871 rows") || !strings.Contains(out.String(), " 0 rejected") {
		t.Errorf("import report: %s", out.String())
	}

	out.Reset()
	if code := Main(ctx, []string{"totals", "--server", addr, "--election", "ru-duma-2016", "--contest", "federal", "--format", "json"}, &out, &errOut); code != 0 {
		t.Fatalf("totals exit %d: %s", code, errOut.String())
	}
	// protojson prints int64 as strings.
	var tot struct {
		Unit              string
		RegisteredVoters  string
		BallotsCast       string
		Invalid           string
		Valid             string
		StationsReporting string
		StationsTotal     string
		Status            string
		Turnout           struct{ Percent, Definition string }
		Choices           []struct {
			Choice string
			Votes  string
			Share  struct{ Percent string }
		}
		Lines []struct {
			Line  string
			Value string
		}
	}
	if err := json.Unmarshal(out.Bytes(), &tot); err != nil {
		t.Fatalf("totals JSON: %v\n%s", err, out.String())
	}
	lines := map[string]string{}
	for _, l := range tot.Lines {
		lines[l.Line] = l.Value
	}
	votes := map[string]string{}
	share := map[string]string{}
	for _, c := range tot.Choices {
		votes[c.Choice], share[c.Choice] = c.Votes, c.Share.Percent
	}
	// Official figures: ../shared/data/ru_duma_2016/README.md (CEC of Russia).
	for _, c := range []struct{ what, got, want string }{
		{"registered", tot.RegisteredVoters, "110061200"},
		{"invalid", tot.Invalid, "982596"},
		{"ballots in mobile boxes", lines["ballots_in_mobile_boxes"], "3524522"},
		{"ballots in stationary boxes", lines["ballots_in_stationary_boxes"], "49107327"},
		{"ballots cast", tot.BallotsCast, "52631849"},
		{"United Russia", votes["ER"], "28527828"},
		{"United Russia share", share["ER"], "54.20"},
		{"status", tot.Status, "RESULT_STATUS_UNOFFICIAL_COMPLETE"},
		// The CEC's turnout: ballots issued (lines 3+4+5) / registered, as
		// the form declares, not the 47.82 % of the ballots in the boxes.
		{"turnout", tot.Turnout.Percent, "47.88"},
		{"turnout definition", tot.Turnout.Definition, "ballots issued / registered voters, reporting stations"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	if tot.StationsReporting != "96871" || tot.StationsTotal != "96871" {
		t.Errorf("stations reporting %s of %s, want 96871 of 96871", tot.StationsReporting, tot.StationsTotal)
	}
}
