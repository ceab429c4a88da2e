package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDefineCheck: `define --check` validates offline: the examples pass,
// a broken file prints FILE:LINE:COLUMN: field: message and exits 1.
func TestDefineCheck(t *testing.T) {
	var out, errOut bytes.Buffer
	example := filepath.Join("..", "..", "..", "..", "examples", "kz-2012", "election.yaml")
	if code := Main(context.Background(), []string{"define", "--check", example}, &out, &errOut); code != 0 {
		t.Fatalf("example: exit %d\n%s%s", code, out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "election.yaml: ok") {
		t.Errorf("example: %q", out.String())
	}
	broken := filepath.Join(t.TempDir(), "broken.yaml")
	src := `id: b
display_name: Broken
date: "2024-01-01"
contests:
  - id: c
    display_name: C
    kind: party-list
    threshold_base: valid
    form:
      lines:
        - {id: registered, number: "1", roles: [registered]}
        - {id: cast, number: "2", roles: [ballots-cast]}
        - {id: valid, number: "3", roles: [valid]}
      relations:
        - {code: VALID_EQ_VOTES, severity: error, expression: valid = sum(choices) + spoilt}
    choices:
      - {id: a, name: A}
`
	if err := os.WriteFile(broken, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errOut.Reset()
	if code := Main(context.Background(), []string{"define", "--check", broken}, &out, &errOut); code != 1 {
		t.Fatalf("broken: exit %d, want 1\n%s%s", code, out.String(), errOut.String())
	}
	want := broken + `:15:63: contests[0].form.relations[0].expression: "spoilt" is neither a line nor a choice of the contest`
	if !strings.Contains(out.String(), want) {
		t.Errorf("broken: got\n%s\nwant a line\n%s", out.String(), want)
	}
}
