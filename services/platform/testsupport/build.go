package testsupport

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// A program is one of the repository's commands: its module and package.
type program struct{ module, pkg string }

// programs are the commands tests run as processes.
var programs = map[string]program{
	"tallyd":     {"services/tally", "./cmd/tallyd"},
	"seatsd":     {"services/seats", "./cmd/seatsd"},
	"gatewayd":   {"services/gateway", "./cmd/gatewayd"},
	"mandatectl": {"services/mandatectl", "."},
}

// BuildOptions are the go build flags of a test's daemons.
type BuildOptions struct {
	// Race builds with the race detector: pass Race to match the test's.
	Race bool
	// Cover builds with coverage; the binary writes it to GOCOVERDIR.
	Cover bool
}

func (o BuildOptions) flags() []string {
	var f []string
	if o.Race {
		f = append(f, "-race")
	}
	if o.Cover {
		f = append(f, "-cover")
	}
	return f
}

// built holds every binary of this test process, built once each.
var built struct {
	sync.Mutex
	dir  string
	bins map[string]*binary
}

type binary struct {
	once sync.Once
	path string
	err  error
}

// Binary builds the named command (tallyd, seatsd, gatewayd or mandatectl)
// once per test process and returns its path. Main removes the binaries
// when the tests end.
func Binary(tb testing.TB, name string, o BuildOptions) string {
	tb.Helper()
	prog, ok := programs[name]
	if !ok {
		names := make([]string, 0, len(programs))
		for n := range programs {
			names = append(names, n)
		}
		sort.Strings(names)
		tb.Fatalf("testsupport.Binary(%q): not one of %s", name, strings.Join(names, ", "))
	}
	key := strings.Join(append([]string{name}, o.flags()...), " ")
	built.Lock()
	if built.bins == nil {
		built.bins = map[string]*binary{}
	}
	b := built.bins[key]
	if b == nil {
		b = &binary{}
		built.bins[key] = b
	}
	if built.dir == "" {
		dir, err := os.MkdirTemp("", "mandate-test-bin-")
		if err != nil {
			built.Unlock()
			tb.Fatal(err)
		}
		built.dir = dir
	}
	dir := built.dir
	built.Unlock()

	root := RepoRoot(tb)
	b.once.Do(func() {
		out := filepath.Join(dir, strings.ReplaceAll(key, " ", ""))
		args := append(append([]string{"build", "-o", out}, o.flags()...), prog.pkg)
		cmd := exec.Command("go", args...)
		cmd.Dir = filepath.Join(root, prog.module)
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.err = fmt.Errorf("go %s in %s: %v\n%s", strings.Join(args, " "), prog.module, err, msg)
			return
		}
		b.path = out
	})
	if b.err != nil {
		tb.Fatal(b.err)
	}
	return b.path
}

// Main runs the tests and removes the binaries Binary built; call it from
// TestMain: func TestMain(m *testing.M) { testsupport.Main(m) }.
func Main(m *testing.M) {
	code := m.Run()
	built.Lock()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	built.Unlock()
	os.Exit(code)
}
