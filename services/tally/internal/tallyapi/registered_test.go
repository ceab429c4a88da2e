package tallyapi_test

import (
	"context"
	"path/filepath"
	"testing"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/definition"
	"github.com/mandate-project/mandate/services/tally/tallypb"
)

// TestRegisteredWithinUnit: a form with registered_within_unit refuses,
// over the API, a protocol whose registered voters exceed its station's
// unit's, with INVALID_ARGUMENT, ErrorInfo REGISTERED_ABOVE_UNIT and the
// line's field path; the switch reads back from GetElection (issue 14 item
// 2: "refuse a station's registered count above its unit's registered
// voters when the form says so").
func TestRegisteredWithinUnit(t *testing.T) {
	c := start(t)
	ctx := context.Background()
	f, err := definition.Load(filepath.Join(examples(t), "kz-2012", "election.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	e := f.Election
	e.Contests[0].Form.RegisteredWithinUnit = true
	if _, err := c.CreateElection(ctx, &tallyv1.CreateElectionRequest{ElectionId: e.ID, Election: tallypb.ElectionToProto(e)}); err != nil {
		t.Fatal(err)
	}
	req := &tallyv1.BatchCreateReportingUnitsRequest{Parent: "elections/" + e.ID}
	for _, u := range e.Units {
		req.Units = append(req.Units, tallypb.UnitToProto(e.ID, u))
	}
	if _, err := c.BatchCreateReportingUnits(ctx, req); err != nil {
		t.Fatal(err)
	}
	got, err := c.GetElection(ctx, &tallyv1.GetElectionRequest{Name: "elections/" + e.ID})
	if err != nil || !got.GetContests()[0].GetForm().GetRegisteredWithinUnit() {
		t.Fatalf("GetElection: registered_within_unit not kept: %v", err)
	}
	lines := map[string]int64{}
	for _, l := range e.Contests[0].Form.Lines {
		lines[l.ID] = 0
	}
	votes := map[string]int64{}
	for _, ch := range e.Contests[0].Choices {
		votes[ch.ID] = 0
	}
	lines["registered"] = 97042 + 1 // astana-1's unit: 97,042
	p := &tallyv1.SubmitProtocolRequest{Parent: contest, Station: "elections/kz-2012/units/astana-1", RequestId: "reg-1",
		Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_ORIGINAL, Lines: lines, Votes: votes}
	_, err = c.SubmitProtocol(ctx, p)
	st := status.Convert(err)
	var reason, field string
	for _, d := range st.Details() {
		switch d := d.(type) {
		case *errdetails.ErrorInfo:
			reason = d.GetReason()
		case *errdetails.BadRequest:
			if len(d.GetFieldViolations()) == 1 {
				field = d.GetFieldViolations()[0].GetField()
			}
		}
	}
	if st.Code() != codes.InvalidArgument || reason != "REGISTERED_ABOVE_UNIT" || field != "lines.registered" {
		t.Fatalf("registered above the unit: %v (reason %q, field %q)", err, reason, field)
	}
	lines["registered"] = 97042
	p.RequestId = "reg-2"
	if _, err := c.SubmitProtocol(ctx, p); err != nil {
		t.Errorf("registered at the unit's count: %v", err)
	}
}
