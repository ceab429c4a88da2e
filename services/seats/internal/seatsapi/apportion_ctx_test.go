package seatsapi_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
)

func manyParties(n int) []*seatsv1.Party {
	ps := make([]*seatsv1.Party, n)
	for i := range ps {
		ps[i] = &seatsv1.Party{Id: fmt.Sprint("p", i), Votes: int64(1000 + (i*7919)%100000)}
	}
	return ps
}

// Apportion runs the engine under the request's context: a deadline stops
// a long margin computation with DEADLINE_EXCEEDED instead of running on.
// The margins of 1,000 parties take 20 ms or more of CPU, so a 2 ms
// deadline always falls inside them (where exactly the engine stops is
// tested deterministically by apportion's TestMarginsStopOnCancel).
func TestApportionHonoursDeadline(t *testing.T) {
	c := client(t)
	req := &seatsv1.ApportionRequest{Parties: manyParties(1000), Rule: &seatsv1.Rule{
		Method: seatsv1.Method_METHOD_HARE, Seats: 10000,
		Threshold: &seatsv1.Threshold{Percent: "0.1"}, RunnerUpGuaranteed: true,
	}}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Apportion(ctx, req)
	if status.Code(err) != codes.DeadlineExceeded {
		t.Fatalf("got %v, want DEADLINE_EXCEEDED", err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("took %v", took)
	}
}

// Award steps come only with include_awards; skip_margins switches the
// margins off, which then say NOT_COMPUTED, never a number.
func TestApportionSkips(t *testing.T) {
	c := client(t)
	rule := &seatsv1.Rule{Method: seatsv1.Method_METHOD_DHONDT, Seats: 10}
	parties := []*seatsv1.Party{{Id: "a", Votes: 600}, {Id: "b", Votes: 300}, {Id: "c", Votes: 0}}
	full, err := c.Apportion(context.Background(), &seatsv1.ApportionRequest{Parties: parties, Rule: rule, IncludeAwards: true})
	if err != nil {
		t.Fatal(err)
	}
	a := full.GetAllocation()
	if len(a.GetAwards()) != 10 {
		t.Errorf("%d awards", len(a.GetAwards()))
	}
	pa, pc := a.GetParties()[0], a.GetParties()[2]
	if pa.GetVotesToGainStatus() != seatsv1.MarginStatus_MARGIN_STATUS_COMPUTED || pa.VotesToGain == nil {
		t.Errorf("a: %v", pa)
	}
	// c has no seat: nothing to lose, and that is "none", not a number.
	if pc.GetVotesToLoseStatus() != seatsv1.MarginStatus_MARGIN_STATUS_NONE || pc.VotesToLose != nil {
		t.Errorf("c: %v", pc)
	}
	skipped, err := c.Apportion(context.Background(), &seatsv1.ApportionRequest{Parties: parties, Rule: rule, SkipMargins: true})
	if err != nil {
		t.Fatal(err)
	}
	s := skipped.GetAllocation()
	if len(s.GetAwards()) != 0 {
		t.Errorf("%d awards", len(s.GetAwards()))
	}
	for _, p := range s.GetParties() {
		if p.VotesToGain != nil || p.VotesToLose != nil || p.GetVotesToGainStatus() != seatsv1.MarginStatus_MARGIN_STATUS_NOT_COMPUTED {
			t.Errorf("%v", p)
		}
	}
}
