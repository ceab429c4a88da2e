package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mandate-project/mandate/services/platform/testsupport"
)

// domainPackages are the packages that hold the rules themselves: the
// apportionment math, the tally's domain, the analyses and the verifier.
// They know nothing of gRPC, protobuf or the generated code; a thin adapter
// per service converts at the edge. A new domain package is added here, by
// its directory from the repository root ("/..." for a whole tree).
var domainPackages = []string{
	"services/seats/apportion/...",
	"services/seats/hemicycle",
	"services/tally/internal/tally",
	"services/tally/definition",
	"services/tally/importer",
	"services/tally/forensics",
	"services/tally/tallylog",
	"services/tally/nist",
	"services/tally/verify",
}

// wireImports are the import path prefixes a domain package must not depend
// on, directly or through another package.
var wireImports = []string{
	"google.golang.org/grpc",
	"google.golang.org/protobuf",
	"google.golang.org/genproto",
	"github.com/grpc-ecosystem/",
	"github.com/mandate-project/mandate/gen/",
}

// TestDomainImportsNoWire lists every domain package's dependencies with
// `go list -deps` and fails on any wire package among them, naming the
// import that brings it in.
func TestDomainImportsNoWire(t *testing.T) {
	root := testsupport.RepoRoot(t)
	for _, dir := range domainPackages {
		t.Run(dir, func(t *testing.T) {
			if _, err := os.Stat(filepath.Join(root, strings.TrimSuffix(dir, "/..."))); err != nil {
				t.Fatalf("domain package %s: %v (moved? update domainPackages)", dir, err)
			}
			// Each package with its imports, a line per package:
			// "path: import import ...".
			cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}: {{join .Imports \" \"}}", "./"+dir)
			cmd.Dir = root
			cmd.Env = append(os.Environ(), "GOWORK="+filepath.Join(root, "go.work"), "GOFLAGS=")
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("go list -deps ./%s: %v\n%s", dir, err, stderrOf(err))
			}
			// Report where the wire enters: a package that is not wire
			// code itself importing one that is.
			for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
				pkg, imports, _ := strings.Cut(line, ": ")
				if isWire(pkg) {
					continue
				}
				for _, imp := range strings.Fields(imports) {
					if isWire(imp) {
						t.Errorf("%s depends on the wire: %s imports %s", dir, pkg, imp)
					}
				}
			}
		})
	}
}

func isWire(pkg string) bool {
	for _, w := range wireImports {
		if strings.HasPrefix(pkg, w) {
			return true
		}
	}
	return false
}

func stderrOf(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return string(ee.Stderr)
	}
	return ""
}
