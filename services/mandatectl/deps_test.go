package main

import (
	"os/exec"
	"strings"
	"testing"
)

// mandatectl is a client: it depends on the services' contracts (generated
// code and their public packages such as tallypb and apportionpb), never on
// a service's internal packages, which may change with the server.
func TestDependsOnNoServiceInternals(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	const services = "github.com/mandate-project/mandate/services/"
	seen := 0
	for _, pkg := range strings.Fields(string(out)) {
		rest, ok := strings.CutPrefix(pkg, services)
		if !ok {
			continue
		}
		seen++
		if strings.HasPrefix(rest, "mandatectl/") {
			continue // its own internal packages are its business
		}
		if strings.Contains("/"+rest+"/", "/internal/") {
			t.Errorf("mandatectl depends on %s, an internal package of another module", pkg)
		}
	}
	if seen == 0 {
		t.Fatalf("go list -deps listed no package of the services:\n%s", out)
	}
}
