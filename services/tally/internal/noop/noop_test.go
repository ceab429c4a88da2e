package noop_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/auth"
	"github.com/mandate-project/mandate/services/platform/daemon"
	"github.com/mandate-project/mandate/services/tally/internal/noop"
)

// TestRun serves on a free port through tallyd's front, token checks
// included, and answers SubmitProtocol as tallyd would for a first protocol;
// other methods are Unimplemented. Cancelling the context stops it cleanly.
func TestRun(t *testing.T) {
	priv, pub, err := auth.NewEd25519()
	if err != nil {
		t.Fatal(err)
	}
	keyFile := filepath.Join(t.TempDir(), "bench.pub")
	if err := os.WriteFile(keyFile, pub, 0o644); err != nil {
		t.Fatal(err)
	}
	signer, _, err := auth.ParseKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	token, err := auth.Issue(signer, auth.Claims{Subject: "uik-7", Role: auth.Commission, Units: []string{"s7"}, Expires: now.Add(time.Hour).Unix()}, now)
	if err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- noop.Run(ctx, noop.Config{GRPCAddr: "127.0.0.1:0", Drain: time.Second,
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Ready: func(a string) { ready <- a },
			Common: daemon.Common{AuthKeys: keyFile, PublicReads: true, Limits: daemon.Defaults}})
	}()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatal(err)
	}
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	c := tallyv1.NewTallyServiceClient(conn)

	req := &tallyv1.SubmitProtocolRequest{
		Parent: "elections/bench/contests/federal", Station: "elections/bench/units/s7",
		Lines: map[string]int64{"valid": 10}, Votes: map[string]int64{"ER": 10}, RequestId: "bench/7",
		Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_ORIGINAL,
	}
	if _, err := c.SubmitProtocol(ctx, req); status.Code(err) != codes.Unauthenticated {
		t.Errorf("SubmitProtocol without a token: %v, want Unauthenticated", err)
	}
	withToken := metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+token)
	resp, err := c.SubmitProtocol(withToken, req)
	if err != nil {
		t.Fatal(err)
	}
	p := resp.GetProtocol()
	if p.GetName() != "elections/bench/contests/federal/protocols/s7" || p.GetStation() != "elections/bench/units/s7" ||
		p.GetCurrent().GetVersion() != 1 || p.GetCurrent().GetRequestId() != "bench/7" ||
		p.GetCurrent().GetVotes()["ER"] != 10 || resp.GetResultsVersion() != 1 {
		t.Errorf("SubmitProtocol = %v", resp)
	}
	_, err = c.GetTotals(ctx, &tallyv1.GetTotalsRequest{Name: "elections/bench/contests/federal/totals/nation"})
	if status.Code(err) != codes.Unimplemented {
		t.Errorf("GetTotals: %v, want Unimplemented", err)
	}

	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run after cancel: %v", err)
	}
}
