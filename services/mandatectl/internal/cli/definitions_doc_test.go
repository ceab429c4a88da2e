package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mandate-project/mandate/services/platform/testsupport"
)

// docBlock returns the first fenced block of the given language after the
// marker in a document.
func docBlock(t *testing.T, doc, marker, lang string) string {
	t.Helper()
	i := strings.Index(doc, marker)
	if i < 0 {
		t.Fatalf("marker %q not in the document", marker)
	}
	open := "```" + lang + "\n"
	j := strings.Index(doc[i:], open)
	if j < 0 {
		t.Fatalf("no %s block after %q", lang, marker)
	}
	body := doc[i+j+len(open):]
	end := strings.Index(body, "```\n")
	if end < 0 {
		t.Fatalf("unterminated %s block", lang)
	}
	return body[:end]
}

// TestDefinitionsDocWorkedExample (issue 17 acceptance): the custom form of
// docs/definitions.md - a protocol with postal votes, unlike the library forms,
// written only from that document - is checked offline, defined, its CSV
// imported, and its totals read by unit name, by id and by full name
// through the CLI; `units` finds and places the units.
func TestDefinitionsDocWorkedExample(t *testing.T) {
	root := testsupport.RepoRoot(t)
	doc, err := os.ReadFile(filepath.Join(root, "docs", "definitions.md"))
	if err != nil {
		t.Fatal(err)
	}
	const marker = "<!-- acceptance:"
	dir := t.TempDir()
	def, csv := filepath.Join(dir, "ruritania.yaml"), filepath.Join(dir, "ruritania.csv")
	if err := os.WriteFile(def, []byte(docBlock(t, string(doc), marker, "yaml")), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(csv, []byte(docBlock(t, string(doc), marker, "csv")), 0o600); err != nil {
		t.Fatal(err)
	}
	addr, tokenFile := startTallyd(t)
	run := func(args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		if len(args) > 1 && args[1] != "--check" {
			args = append(args, "--server", addr, "--token-file", tokenFile)
		}
		if code := Main(context.Background(), args, &out, &errOut); code != 0 {
			t.Fatalf("mandatectl %s: exit %d\n%s%s", strings.Join(args, " "), code, out.String(), errOut.String())
		}
		return out.String()
	}
	run("define", "--check", def)
	if got := run("import", "csv", "--quiet", "--definition", def, "--file", csv); !strings.Contains(got, "3 accepted, 0 already there, 0 rejected") {
		t.Fatalf("import: %q", got)
	}
	// Northern Province: stations 101 and 102.
	for _, unit := range []string{"Northern Province", "northern province", "northern-province", "elections/ruritania-2025/units/northern-province"} {
		got := run("totals", "--election", "ruritania-2025", "--contest", "council", "--unit", unit)
		for _, want := range []string{"Northern Province (", "stations reporting 2 of 2", "registered 1800", "cast 1154", "invalid 14", "valid 1140", "Green Party", "550", "Labour Party", "360", "Liberal Party", "230"} {
			if !strings.Contains(got, want) {
				t.Errorf("totals --unit %q: no %q in\n%s", unit, want, got)
			}
		}
	}
	// The whole election by default: the root.
	if got := run("totals", "--election", "ruritania-2025", "--contest", "council"); !strings.Contains(got, "stations reporting 3 of 3") || !strings.Contains(got, "valid 1850") {
		t.Errorf("totals of the root:\n%s", got)
	}
	if got := run("units", "--election", "ruritania-2025", "--find", "station 10"); !strings.Contains(got, "s-101") || !strings.Contains(got, "s-102") ||
		!strings.Contains(got, "Ruritania > Northern Province > Station 101") || strings.Contains(got, "s-201") {
		t.Errorf("units --find:\n%s", got)
	}
	if got := run("units", "--election", "ruritania-2025", "--parent", "Southern Province"); !strings.Contains(got, "s-201") || !strings.Contains(got, "1200 registered") {
		t.Errorf("units --parent:\n%s", got)
	}
	if got := run("units", "--election", "ruritania-2025", "--path", "Station 201"); got != "Ruritania (nation, ru-nation)\n  Southern Province (region, southern-province)\n    Station 201 (station, s-201)\n" {
		t.Errorf("units --path:\n%s", got)
	}
	var out, errOut bytes.Buffer
	if code := Main(context.Background(), []string{"totals", "--server", addr, "--token-file", tokenFile,
		"--election", "ruritania-2025", "--contest", "council", "--unit", "Atlantis"}, &out, &errOut); code != 1 ||
		!strings.Contains(errOut.String(), `no unit with the id or name "Atlantis"`) {
		t.Errorf("unknown unit: exit %d %s", code, errOut.String())
	}
}
