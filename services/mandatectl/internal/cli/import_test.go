package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mandate-project/mandate/services/platform/testsupport"
)

// TestImportCountsUnitsAdded: `mandatectl import` reports the units the
// server created, and none when the same files are imported again (issue
// 14.12: it printed every unit it sent as added).
func TestImportCountsUnitsAdded(t *testing.T) {
	addr, tokenFile := startTallyd(t)
	root := testsupport.RepoRoot(t)
	args := []string{"import", "csv", "--server", addr, "--token-file", tokenFile, "--quiet",
		"--definition", filepath.Join(root, "examples", "kz-2012", "election.yaml"), "--file", filepath.Join(root, "examples", "kz-2012", "protocols.csv")}
	for _, want := range []string{
		"48 accepted, 0 already there, 0 rejected, 65 units added", // the nation, 16 regions, 48 stations
		"0 accepted, 48 already there, 0 rejected, 0 units added",
	} {
		var out, errOut bytes.Buffer
		if code := Main(context.Background(), args, &out, &errOut); code != 0 {
			t.Fatalf("import exit %d:\n%s\n%s", code, out.String(), errOut.String())
		}
		if !strings.Contains(out.String(), want) {
			t.Errorf("import printed %q, want %q", strings.TrimSpace(out.String()), want)
		}
	}
	var out, errOut bytes.Buffer
	if code := Main(context.Background(), []string{"define", "--server", addr, "--token-file", tokenFile,
		"--definition", filepath.Join(root, "examples", "kz-2012", "election.yaml")}, &out, &errOut); code != 0 || strings.TrimSpace(out.String()) != "election kz-2012 defined, 0 units added" {
		t.Errorf("define again: exit %d, %q %s", code, out.String(), errOut.String())
	}
}
