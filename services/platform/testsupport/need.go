package testsupport

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// Need is something from outside the repository a test may need.
type Need string

// The needs, each switched by MANDATE_TEST_<NEED>.
const (
	// Postgres is a PostgreSQL server at MANDATE_TEST_POSTGRES_URL.
	Postgres Need = "POSTGRES"
	// Data is ../shared beside the repository: real election data and the
	// corpora.
	Data Need = "DATA"
	// Clients are Python with grpcio and Node.js with the client's packages.
	Clients Need = "CLIENTS"
	// Browser is Chromium with chromedriver.
	Browser Need = "BROWSER"
)

// Switch is the environment variable that makes n required.
func (n Need) Switch() string { return "MANDATE_TEST_" + string(n) }

// Required reports whether a test needing n must fail rather than skip
// without it: MANDATE_TEST_<NEED>=required, or CI=true unless
// MANDATE_TEST_<NEED>=optional.
func (n Need) Required() bool {
	switch strings.ToLower(os.Getenv(n.Switch())) {
	case "required":
		return true
	case "optional":
		return false
	}
	ci := strings.ToLower(os.Getenv("CI"))
	return ci == "true" || ci == "1"
}

// Skip skips the test for want of n, or fails it when n is required. The
// message says what is missing and how to provide it.
func Skip(tb testing.TB, n Need, format string, args ...any) {
	tb.Helper()
	msg := fmt.Sprintf(format, args...)
	if n.Required() {
		tb.Fatalf("%s (required: %s=%s)", msg, n.Switch(), os.Getenv(n.Switch()))
	}
	tb.Skip(msg)
}
