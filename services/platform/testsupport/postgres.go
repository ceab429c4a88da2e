package testsupport

import (
	"net"
	"net/url"
	"os"
	"testing"
	"time"
)

// PostgresURL returns MANDATE_TEST_POSTGRES_URL once its server accepts
// connections, or skips the test (fails under
// MANDATE_TEST_POSTGRES=required).
func PostgresURL(tb testing.TB) string {
	tb.Helper()
	u, why := postgresURL()
	if why != "" {
		Skip(tb, Postgres, "%s", why)
	}
	return u
}

// PostgresUnavailable is PostgresURL for a TestMain: the URL, or why there
// is none, for the tests to skip with through Skip(t, Postgres, why).
func PostgresUnavailable() (url, why string) { return postgresURL() }

func postgresURL() (string, string) {
	base := os.Getenv("MANDATE_TEST_POSTGRES_URL")
	if base == "" {
		return "", "PostgreSQL tests skipped: MANDATE_TEST_POSTGRES_URL is not set"
	}
	u, err := url.Parse(base)
	if err != nil {
		return "", "PostgreSQL tests skipped: MANDATE_TEST_POSTGRES_URL: " + err.Error()
	}
	if u.Hostname() == "" {
		return base, "" // a Unix socket: pgx will tell
	}
	host := u.Host
	if u.Port() == "" {
		host = net.JoinHostPort(u.Hostname(), "5432")
	}
	c, err := net.DialTimeout("tcp", host, 5*time.Second)
	if err != nil {
		return "", "PostgreSQL tests skipped: the server at MANDATE_TEST_POSTGRES_URL does not answer: " + err.Error()
	}
	c.Close()
	return base, ""
}
