// Package e2e tests the system as its users see it: the real tallyd, seatsd
// and gatewayd binaries, started on free ports with a temporary store, and
// driven over gRPC and JSON/HTTP.
package e2e
