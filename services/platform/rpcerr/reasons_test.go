package rpcerr_test

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
)

var update = flag.Bool("update", false, "rewrite the reasons table of docs/api.md from error_reason.proto")

const (
	begin = "<!-- reasons: generated from proto/mandate/rpc/v1/error_reason.proto by `go test ./rpcerr -update` (services/platform) -->"
	end   = "<!-- end of reasons -->"
)

// TestReasonsTable holds the reasons table of docs/api.md equal to the
// ErrorReason enum: every value, in order, with its comment.
func TestReasonsTable(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	src, err := os.ReadFile(filepath.Join(root, "proto", "mandate", "rpc", "v1", "error_reason.proto"))
	if err != nil {
		t.Fatal(err)
	}
	rows := reasonRows(t, string(src))
	var b strings.Builder
	b.WriteString(begin + "\n\n| reason | meaning |\n|---|---|\n")
	for _, r := range rows {
		b.WriteString("| `" + r[0] + "` | " + r[1] + " |\n")
	}
	b.WriteString("\n" + end)
	want := b.String()

	docPath := filepath.Join(root, "docs", "api.md")
	doc, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	i, j := strings.Index(string(doc), begin), strings.Index(string(doc), end)
	if i < 0 || j < i {
		t.Fatalf("docs/api.md has no reasons table between %q and %q", begin, end)
	}
	got := string(doc[i : j+len(end)])
	if got == want {
		return
	}
	if *update {
		out := string(doc[:i]) + want + string(doc[j+len(end):])
		if err := os.WriteFile(docPath, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("docs/api.md's reasons table differs from error_reason.proto; run go test ./rpcerr -update in services/platform")
}

// reasonRows parses the enum's values and their leading comments, and
// checks they are the generated enum's.
func reasonRows(t *testing.T, src string) [][2]string {
	value := regexp.MustCompile(`^\s*([A-Z][A-Z0-9_]*) = (\d+);`)
	var rows [][2]string
	var comment []string
	for _, line := range strings.Split(src, "\n") {
		s := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(s, "// ----"):
			comment = nil
		case strings.HasPrefix(s, "//"):
			comment = append(comment, strings.TrimSpace(strings.TrimPrefix(s, "//")))
		case value.MatchString(line):
			name := value.FindStringSubmatch(line)[1]
			if name != "ERROR_REASON_UNSPECIFIED" {
				rows = append(rows, [2]string{name, strings.ReplaceAll(strings.Join(comment, " "), "|", "\\|")})
			}
			comment = nil
		default:
			comment = nil
		}
	}
	if len(rows)+1 != len(rpcv1.ErrorReason_value) {
		t.Fatalf("parsed %d reasons from the proto, the generated enum has %d", len(rows), len(rpcv1.ErrorReason_value)-1)
	}
	for _, r := range rows {
		if _, ok := rpcv1.ErrorReason_value[r[0]]; !ok {
			t.Fatalf("%s is in the proto but not in gen/: run make gen", r[0])
		}
	}
	return rows
}
