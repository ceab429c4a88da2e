package testsupport

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRequired(t *testing.T) {
	for _, c := range []struct {
		name, ci, sw string
		want         bool
	}{
		{"nothing set", "", "", false},
		{"switch required", "", "required", true},
		{"CI", "true", "", true},
		{"CI, switch optional", "true", "optional", false},
		{"CI false", "false", "", false},
		{"switch set otherwise", "", "yes", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("CI", c.ci)
			t.Setenv(Data.Switch(), c.sw)
			if got := Data.Required(); got != c.want {
				t.Errorf("Required() = %v, want %v", got, c.want)
			}
		})
	}
}

func TestRepoRoot(t *testing.T) {
	root := RepoRoot(t)
	if _, err := os.Stat(filepath.Join(root, "services", "platform", "testsupport", "doc.go")); err != nil {
		t.Errorf("RepoRoot() = %s: %v", root, err)
	}
}

func TestPostgresURLUnset(t *testing.T) {
	t.Setenv("MANDATE_TEST_POSTGRES_URL", "")
	if u, why := PostgresUnavailable(); u != "" || why == "" {
		t.Errorf("PostgresUnavailable() = %q, %q; want no URL and a reason", u, why)
	}
}

func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds seatsd")
	}
	a := Binary(t, "seatsd", BuildOptions{})
	if b := Binary(t, "seatsd", BuildOptions{}); a != b {
		t.Errorf("second build %s, want the first %s", b, a)
	}
	d := Start(t, a, "", "seats serving", "--grpc-addr", "127.0.0.1:0")
	if d.Addr == "" {
		t.Error("no address")
	}
	d.Stop()
}

func TestMain(m *testing.M) { Main(m) }
