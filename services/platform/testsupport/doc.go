// Package testsupport is what the repository's tests share, in one place:
// where the repository is, the shared data beside it, the switches that turn
// a skip into a failure, and the daemons built once per test binary and run
// until the test ends.
//
// It lives in the platform module because every service module already
// depends on platform and platform depends on no service, so any test can
// import it without a cycle. It imports only the standard library.
//
// # Switches
//
// A test that cannot run here (no PostgreSQL, no ../shared data, no browser,
// no client toolchains) skips with its reason, so `make test` passes on a
// bare machine and lists what it skipped. Where the thing must be there, as
// in CI, MANDATE_TEST_<NEED>=required turns that skip into a failure; with
// CI=true every need is required unless its switch says "optional".
package testsupport
