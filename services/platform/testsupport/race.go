//go:build race

package testsupport

// Race reports whether the tests run with the race detector; a daemon built
// with Race: Race has it too.
const Race = true
