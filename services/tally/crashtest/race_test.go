//go:build race

package crashtest

// raceEnabled: the tests run under the race detector, so tallyd is built
// with it too.
const raceEnabled = true
