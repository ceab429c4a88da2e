package testsupport

import "testing"

// SlowNote is how a slow test's skip under the race detector ends, so the
// reader of a skip list knows where it did run.
const SlowNote = "make test runs it in its pass without -race"

// SkipSlow skips a test that takes minutes: under -short, and under the
// race detector, which makes it several times slower still. `make test`
// runs such tests again without -race (its SLOW_TESTS), so they do run.
func SkipSlow(tb testing.TB) {
	tb.Helper()
	if testing.Short() {
		tb.Skip("slow test skipped with -short")
	}
	if Race {
		tb.Skip("slow test skipped under the race detector; " + SlowNote)
	}
}
