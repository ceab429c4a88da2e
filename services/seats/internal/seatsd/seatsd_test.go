package seatsd_test

import (
	"context"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/daemon"
	"github.com/mandate-project/mandate/services/seats/internal/seatsd"
	"github.com/mandate-project/mandate/services/seats/internal/tallysource"
	"github.com/mandate-project/mandate/services/seats/internal/tallystub"
)

// TestStartsWithTallyDown: seatsd serves while its tally is down, answers
// the contest methods UNAVAILABLE naming the tally, and allocates once the
// tally is up, without a restart.
func TestStartsWithTallyDown(t *testing.T) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	tallyAddr := lis.Addr().String()
	lis.Close()

	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- seatsd.Run(ctx, seatsd.Config{
			GRPCAddr: "127.0.0.1:0", Drain: time.Second, Logger: slog.New(slog.DiscardHandler),
			Ready:  func(addr string) { ready <- addr },
			Common: daemon.Common{PublicReads: true},
			Tally:  tallysource.Config{Addr: tallyAddr, Backoff: 20 * time.Millisecond, MaxBackoff: 200 * time.Millisecond},
		})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("seatsd did not start: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("seatsd did not start within 30 s")
	}
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	c := seatsv1.NewSeatsServiceClient(conn)
	req := &seatsv1.AllocateContestRequest{Contest: "elections/x/contests/y", Unit: "elections/x/units/n", Preset: "presets/kz-mazhilis-2009"}
	_, err = c.AllocateContest(context.Background(), req)
	if st := status.Convert(err); st.Code() != codes.Unavailable || !strings.Contains(st.Message(), "tally at "+tallyAddr+" unreachable") {
		t.Fatalf("tally down: %v, want UNAVAILABLE naming %s", err, tallyAddr)
	}

	stub := tallystub.New()
	stub.Set(&tallyv1.Totals{Name: "elections/x/contests/y/totals/n", Unit: "elections/x/units/n", ShareBase: 100,
		Choices: []*tallyv1.ChoiceTotal{{Choice: "a", Votes: 60}, {Choice: "b", Votes: 40}}, StationsReporting: 1, StationsTotal: 1})
	tl, err := net.Listen("tcp", tallyAddr)
	if err != nil {
		t.Skipf("the tally's port was taken meanwhile: %v", err)
	}
	srv := grpc.NewServer()
	stub.Register(srv)
	go func() { _ = srv.Serve(tl) }()
	defer srv.Stop()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got, err := c.AllocateContest(context.Background(), req)
		if err == nil {
			if ps := got.GetAllocation().GetParties(); ps[0].GetSeats() != 59 || ps[1].GetSeats() != 39 {
				t.Errorf("seats %d and %d, want 59 and 39 (60:40 of 98 by Hare)", ps[0].GetSeats(), ps[1].GetSeats())
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("tally up, still: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
