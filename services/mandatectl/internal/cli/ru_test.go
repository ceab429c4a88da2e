package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// repoRoot is the directory holding go.work.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.work not found above the test directory")
		}
		dir = parent
	}
}

// startTallyd builds and runs the real tallyd on a fresh SQLite file and
// returns its gRPC address and its development token file; it is stopped
// with SIGINT when the test ends.
func startTallyd(t *testing.T) (addr, tokenFile string) {
	t.Helper()
	root := repoRoot(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "tallyd")
	build := exec.Command("go", "build", "-o", bin, "./cmd/tallyd")
	build.Dir = filepath.Join(root, "services", "tally")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build tallyd: %v\n%s", err, out)
	}
	tokenFile = filepath.Join(dir, "admin.token")
	cmd := exec.Command(bin, "--grpc-addr", "127.0.0.1:0", "--store", filepath.Join(dir, "tally.db"), "--dev-token-file", tokenFile)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			_ = cmd.Process.Kill()
			t.Error("tallyd did not stop within 20 s of SIGINT")
		}
	})
	addrc := make(chan string, 1)
	go func() {
		// tallyd logs JSON lines; the one saying "tally serving" has the
		// bound address. Keep draining so the process never blocks on stderr.
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			var line struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "tally serving" {
				addrc <- line.Addr
			}
		}
	}()
	select {
	case a := <-addrc:
		return a, tokenFile
	case <-time.After(60 * time.Second):
		t.Fatal("tallyd did not start within 60 s")
		return "", ""
	}
}

// TestRUImportThroughCLI is the issue's acceptance run: `mandatectl import
// csv` of Russia's 96,871 real 2016 protocols into a running tallyd, then
// `mandatectl totals --format json` prints the official national totals.
func TestRUImportThroughCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("RU 2016 import skipped in -short mode")
	}
	root := repoRoot(t)
	data := filepath.Join(root, "..", "shared", "data", "ru_duma_2016", "stations.csv.gz")
	if _, err := os.Stat(data); err != nil {
		t.Skipf("RU 2016 import skipped: data not available (%v)", err)
	}
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
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	if tot.StationsReporting != "96871" || tot.StationsTotal != "96871" {
		t.Errorf("stations reporting %s of %s, want 96871 of 96871", tot.StationsReporting, tot.StationsTotal)
	}
}
