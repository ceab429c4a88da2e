package testsupport

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// repoRoot walks up from the working directory (a test runs in its
// package's directory) to the directory holding go.work.
var repoRoot = sync.OnceValues(func() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.work not found above the test directory")
		}
		dir = parent
	}
})

// RepoRoot returns the repository's root, the directory holding go.work;
// the test fails outside a checkout.
func RepoRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := repoRoot()
	if err != nil {
		tb.Fatal(err)
	}
	return dir
}

// Path joins elem to the repository's root.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	return filepath.Join(append([]string{RepoRoot(tb)}, elem...)...)
}
