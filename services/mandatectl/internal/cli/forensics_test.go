package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mandate-project/mandate/services/platform/testsupport"
)

// TestForensicsCommand runs `mandatectl forensics` against a real tallyd
// holding the Kazakhstan demo: the table states the disclaimer and the
// definitions, --svg writes the heat map, --format json is the message.
func TestForensicsCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs tallyd; skipped in -short mode")
	}
	addr, tokenFile := startTallyd(t)
	ctx := context.Background()
	var out, errOut bytes.Buffer
	if code := Main(ctx, []string{"demo", "load", "--server", addr, "--token-file", tokenFile,
		"--examples", filepath.Join(testsupport.RepoRoot(t), "examples")}, &out, &errOut); code != 0 {
		t.Fatalf("demo load exit %d: %s", code, errOut.String())
	}

	out.Reset()
	svg := filepath.Join(t.TempDir(), "kz.svg")
	args := []string{"forensics", "--server", addr, "--election", "kz-2012", "--contest", "mazhilis", "--replicates", "100", "--seed", "5", "--svg", svg}
	if code := Main(ctx, args, &out, &errOut); code != 0 {
		t.Fatalf("forensics exit %d: %s", code, errOut.String())
	}
	for _, s := range []string{"not evidence of fraud", "turnout = ballots cast (found in the ballot boxes) / registered voters", "Integer percentages", "100 replicates, seed 5",
		"weak signal", "Extreme stations", "leader nur-otan (Nur Otan) 5621436 votes, 80.99 % of valid"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("table lacks %q:\n%s", s, out.String())
		}
	}
	b, err := os.ReadFile(svg)
	if err != nil || !bytes.HasPrefix(b, []byte("<svg")) || !bytes.Contains(b, []byte("turnout %")) {
		t.Errorf("SVG file: %v %.60q", err, b)
	}

	out.Reset()
	if code := Main(ctx, append(args[:len(args)-2], "--format", "json"), &out, &errOut); code != 0 {
		t.Fatalf("forensics --format json exit %d: %s", code, errOut.String())
	}
	var rep struct {
		Name               string
		Disclaimer         string
		Stations           string
		IntegerPercentTest struct{ EligibleStations string }
		Definitions        struct{ Replicates int }
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("JSON: %v\n%s", err, out.String())
	}
	if rep.Name != "elections/kz-2012/contests/mazhilis/forensicsReports/kz" || rep.Stations != "48" ||
		rep.IntegerPercentTest.EligibleStations != "48" || rep.Definitions.Replicates != 100 || rep.Disclaimer == "" {
		t.Errorf("JSON report %+v", rep)
	}

	if code := Main(ctx, []string{"forensics", "--server", addr, "--election", "kz-2012"}, &out, &errOut); code != 2 {
		t.Errorf("missing --contest: exit %d, want 2", code)
	}
	if code := Main(ctx, []string{"forensics", "--server", addr, "--election", "kz-2012", "--contest", "mazhilis", "--replicates", "0"}, &out, &errOut); code != 2 {
		t.Errorf("--replicates 0: exit %d, want 2", code)
	}
}
