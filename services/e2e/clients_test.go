package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/testsupport"
)

// The clients in other languages (services/e2e/clients) are run against the
// real daemons: each submits a correction of astana-1 moving votes between
// two parties, reads the national totals and apportions them. A client whose
// runtime is missing is skipped with what to install, unless
// MANDATE_TEST_CLIENTS=required (set by .ci/run once it has installed them).

// debianPython is the interpreter that sees Debian's python3-grpcio and
// python3-protobuf; another python3 first on the PATH may not.
const debianPython = "/usr/bin/python3"

// clientSummary is the JSON both clients print.
type clientSummary struct {
	Client string `json:"client"`
	// Refused is what the client decoded from a request the tally refused
	// (a negative count): the code, the BadRequest field paths and every
	// ErrorInfo reason.
	Refused struct {
		Code    string   `json:"code"`
		Fields  []string `json:"fields"`
		Reasons []string `json:"reasons"`
	} `json:"refused"`
	Correction struct {
		Station         string `json:"station"`
		ProtocolVersion int32  `json:"protocol_version"`
		ReplacedVersion int32  `json:"replaced_version"`
		ResultsVersion  int64  `json:"results_version"`
		Moved           int64  `json:"moved"`
		From            string `json:"from"`
		To              string `json:"to"`
	} `json:"correction"`
	Totals struct {
		Name           string           `json:"name"`
		ResultsVersion int64            `json:"results_version"`
		Votes          map[string]int64 `json:"votes"`
	} `json:"totals"`
	ResultsVersion int64            `json:"results_version"`
	Seats          map[string]int32 `json:"seats"`
}

// skipClient skips the test, or fails it when the clients are required.
func skipClient(t *testing.T, format string, args ...any) {
	t.Helper()
	testsupport.Skip(t, testsupport.Clients, format, args...)
}

// clientsDir returns services/e2e/clients/<lang>, checking the named files are
// there (which also makes go test's cache notice when they change).
func clientsDir(t *testing.T, lang string, files ...string) string {
	t.Helper()
	dir := filepath.Join(testsupport.RepoRoot(t), "services", "e2e", "clients", lang)
	for _, f := range files {
		if _, err := os.ReadFile(filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestPythonClient(t *testing.T) {
	dir := clientsDir(t, "python", "mandate_client.py")
	if _, err := os.Stat(debianPython); err != nil {
		skipClient(t, "%s not found: apt-get install -y python3-grpcio python3-protobuf (.ci/run does this as root)", debianPython)
	}
	check := exec.Command(debianPython, "-c", "import grpc, google.protobuf")
	check.Env = pythonEnv()
	if out, err := check.CombinedOutput(); err != nil {
		skipClient(t, "%s cannot import grpc and google.protobuf (%v: %s): apt-get install -y python3-grpcio python3-protobuf (.ci/run does this as root)",
			debianPython, err, lastLine(out))
	}
	// The generated package, checked here so that go test's cache notices a
	// regeneration.
	gen := filepath.Join(testsupport.RepoRoot(t), "gen", "python")
	for _, f := range []string{"mandate_status.py", "mandate/tally/v1/tally_service_pb2.py", "google/rpc/error_details_pb2.py"} {
		if _, err := os.ReadFile(filepath.Join(gen, f)); err != nil {
			t.Fatal(err)
		}
	}
	testClient(t, func(ctx context.Context, tally, seats, token string) *exec.Cmd {
		cmd := exec.CommandContext(ctx, debianPython, filepath.Join(dir, "mandate_client.py"),
			"--tally", tally, "--seats", seats, "--token", token, "--gen", gen)
		cmd.Env = pythonEnv()
		return cmd
	})
}

// pythonEnv is the environment without the variables that would point the
// Debian interpreter at another Python's packages.
func pythonEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PYTHONPATH=") && !strings.HasPrefix(kv, "PYTHONHOME=") {
			env = append(env, kv)
		}
	}
	return env
}

func TestNodeClient(t *testing.T) {
	dir := clientsDir(t, "node", "client.js", "package.json", "package-lock.json", ".npmrc")
	node, err := exec.LookPath("node")
	if err != nil {
		skipClient(t, "node not on the PATH: install Node.js 18 or later with npm (Debian: apt-get install -y nodejs npm; .ci/run does this as root)")
	}
	// The generated package is copied into node_modules (install-links):
	// installed means the copy is the current gen/ts, not an older one.
	genTS := filepath.Join(testsupport.RepoRoot(t), "gen", "ts")
	installed := func() bool {
		for _, p := range []string{"@grpc/grpc-js", "@grpc/proto-loader", "protobufjs"} {
			if _, err := os.Stat(filepath.Join(dir, "node_modules", p, "package.json")); err != nil {
				return false
			}
		}
		for _, f := range []string{"package.json", "index.js", "index.d.ts", "status.js", "proto/mandate/tally/v1/tally_service.proto"} {
			want, err := os.ReadFile(filepath.Join(genTS, f))
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(filepath.Join(dir, "node_modules", "mandate-api", f))
			if err != nil || !bytes.Equal(got, want) {
				return false
			}
		}
		return true
	}
	if !installed() {
		npm, err := exec.LookPath("npm")
		if err != nil {
			skipClient(t, "%s/node_modules is missing and npm is not on the PATH: install npm and run 'npm ci' there", dir)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		ci := exec.CommandContext(ctx, npm, "ci", "--no-audit", "--no-fund")
		ci.Dir = dir
		if out, err := ci.CombinedOutput(); err != nil || !installed() {
			skipClient(t, "npm ci in %s failed (%v), is the npm registry reachable? %s", dir, err, lastLine(out))
		}
	}
	testClient(t, func(ctx context.Context, tally, seats, token string) *exec.Cmd {
		return exec.CommandContext(ctx, node, filepath.Join(dir, "client.js"),
			"--tally", tally, "--seats", seats, "--token", token)
	})
}

// testClient starts the system with the demo, runs the client that command
// builds and checks what it did, both in its output and in the tally.
func testClient(t *testing.T, command func(ctx context.Context, tally, seats, token string) *exec.Cmd) {
	t.Helper()
	s := start(t)
	loadDemo(t, s)
	tallyAddr, seatsAddr := s.TallyAddr, s.SeatsAddr
	ctx := As(context.Background(), s.Admin)
	before, err := s.Tally.GetTotals(ctx, &tallyv1.GetTotalsRequest{Name: national})
	if err != nil {
		t.Fatal(err)
	}
	beforeVotes := map[string]int64{}
	for _, c := range before.GetChoices() {
		beforeVotes[c.GetChoice()] = c.GetVotes()
	}

	runCtx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := command(runCtx, tallyAddr, seatsAddr, s.Admin)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	cmd.WaitDelay = 10 * time.Second
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\nstderr:\n%s\nstdout:\n%s", strings.Join(cmd.Args[:2], " "), err, stderr.String(), out)
	}
	if e := strings.TrimSpace(stderr.String()); e != "" {
		t.Logf("client stderr:\n%s", e)
	}
	var got clientSummary
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("client output is not its JSON summary: %v\n%s", err, out)
	}
	t.Logf("%s client: correction at results version %d, seats %v", got.Client, got.Correction.ResultsVersion, got.Seats)

	// The correction was accepted as the next version, after the demo's
	// units (version 1) and its 48 protocols.
	c := got.Correction
	if c.Station != "elections/kz-2012/units/astana-1" || c.ReplacedVersion != 1 || c.ProtocolVersion != 2 {
		t.Errorf("correction of %q: version %d replacing %d, want version 2 of astana-1 replacing 1", c.Station, c.ProtocolVersion, c.ReplacedVersion)
	}
	if before.GetResultsVersion() != 49 || c.ResultsVersion != 50 || got.Totals.ResultsVersion != 50 || got.ResultsVersion != 50 {
		t.Errorf("results version %d before, %d after the correction, %d in the totals read; want 49, 50, 50",
			before.GetResultsVersion(), c.ResultsVersion, got.Totals.ResultsVersion)
	}
	// The refused request: the field path from the BadRequest, one reason.
	// (The negative count also breaks a control relation: lines.valid.)
	if r := got.Refused; r.Code != "INVALID_ARGUMENT" || !slices.Contains(r.Fields, "votes."+c.To) || len(r.Reasons) != 1 || r.Reasons[0] == "" {
		t.Errorf("refused request decoded as %+v, want INVALID_ARGUMENT naming votes.%s with one reason", r, c.To)
	}
	if c.Moved <= 0 || c.From == c.To {
		t.Fatalf("the client moved %d votes from %q to %q", c.Moved, c.From, c.To)
	}

	// The totals moved by exactly the votes moved.
	if got.Totals.Name != national || len(got.Totals.Votes) != len(beforeVotes) {
		t.Errorf("totals %q with %d choices, want %s with %d", got.Totals.Name, len(got.Totals.Votes), national, len(beforeVotes))
	}
	for id, was := range beforeVotes {
		want := was
		switch id {
		case c.From:
			want -= c.Moved
		case c.To:
			want += c.Moved
		}
		if got.Totals.Votes[id] != want {
			t.Errorf("%s: %d votes after the correction, want %d (was %d)", id, got.Totals.Votes[id], want, was)
		}
	}

	// The tally holds the correction, made by the token's subject.
	p, err := s.Tally.GetProtocol(ctx, &tallyv1.GetProtocolRequest{Name: contest + "/protocols/astana-1"})
	if err != nil {
		t.Fatal(err)
	}
	cur := p.GetCurrent()
	if cur.GetVersion() != 2 || cur.GetKind() != tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION || cur.GetSubmitter() == "" ||
		!strings.Contains(cur.GetSubmitter(), "e2e-admin") || cur.GetReason() == "" {
		t.Errorf("astana-1 now: version %d, %v, by %q, reason %q; want version 2, a correction by e2e-admin with a reason",
			cur.GetVersion(), cur.GetKind(), cur.GetSubmitter(), cur.GetReason())
	}

	// 83 / 8 / 7: moving a hundred votes does not change the seats.
	want := map[string]int32{"nur-otan": 83, "ak-zhol": 8, "cppk": 7}
	var total int32
	for id, n := range got.Seats {
		total += n
		if n != want[id] {
			t.Errorf("%s: %d seats, want %d", id, n, want[id])
		}
	}
	if total != 98 || len(got.Seats) != len(beforeVotes) {
		t.Errorf("%d seats over %d parties, want 98 over %d", total, len(got.Seats), len(beforeVotes))
	}
}

// lastLine is the last non-empty line of a command's output, for a skip
// message.
func lastLine(out []byte) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}
