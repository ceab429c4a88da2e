// Package crashtest holds only tests: they build cmd/tallyd, run it as a
// separate process on a temporary store, drive it through the gRPC API with
// concurrent clients, kill it with SIGKILL at random moments or stop it with
// SIGTERM, and check that every acknowledged protocol survives and none is
// counted twice. docs/reliability.md describes them and records the figures.
package crashtest
