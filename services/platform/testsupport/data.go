package testsupport

import (
	"os"
	"path/filepath"
	"testing"
)

// SharedData returns the path of elem under ../shared beside the
// repository (real election data, the corpora), or skips the test when it
// is absent (fails under MANDATE_TEST_DATA=required).
func SharedData(tb testing.TB, elem ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{filepath.Dir(RepoRoot(tb)), "shared"}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		Skip(tb, Data, "shared data not available: %v", err)
	}
	return p
}

// RUStations is the Russian State Duma election of 2016: 96,871 real
// station protocols of the party-list contest.
func RUStations(tb testing.TB) string {
	tb.Helper()
	return SharedData(tb, "data", "ru_duma_2016", "stations.csv.gz")
}
