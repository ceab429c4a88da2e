package tallypb_test

import (
	"reflect"
	"testing"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/form"
	"github.com/mandate-project/mandate/services/tally/internal/storetest"
	"github.com/mandate-project/mandate/services/tally/tallypb"
)

// A definition survives the trip to the wire and back (units travel apart).
// Only the party-list contest: mandate.tally.v1.Contest has no field for a
// single-winner contest's majority base (a gap of the contract, reported).
// The wire always states the form's turnout, so a form that left it unset
// comes back with the one TurnoutRole reads (ballots issued here).
func TestElectionRoundTrip(t *testing.T) {
	e := storetest.Election()
	e.Units = nil
	e.Contests = e.Contests[:1]
	got := tallypb.ElectionFromProto(e.ID, tallypb.ElectionToProto(e))
	if e.Contests[0].Form.Turnout != form.RoleUnspecified || got.Contests[0].Form.Turnout != form.RoleBallotsIssued {
		t.Errorf("turnout %v, sent unset, came back %v", e.Contests[0].Form.Turnout, got.Contests[0].Form.Turnout)
	}
	e.Contests[0].Form.Turnout = form.RoleBallotsIssued
	if !reflect.DeepEqual(got, e) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", got, e)
	}
	// A declared turnout goes and comes back as declared.
	e.Contests[0].Form.Turnout = form.RoleBallotsCast
	if got := tallypb.ElectionFromProto(e.ID, tallypb.ElectionToProto(e)); !reflect.DeepEqual(got, e) {
		t.Fatalf("round trip with ballots cast:\n got %+v\nwant %+v", got, e)
	}
}

func TestKinds(t *testing.T) {
	for k, w := range map[form.ProtocolKind]tallyv1.SubmissionKind{
		form.ProtocolKindUnspecified: tallyv1.SubmissionKind_SUBMISSION_KIND_UNSPECIFIED,
		form.Original:                tallyv1.SubmissionKind_SUBMISSION_KIND_ORIGINAL,
		form.Correction:              tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION,
		form.Recount:                 tallyv1.SubmissionKind_SUBMISSION_KIND_RECOUNT,
	} {
		if got := tallypb.KindToProto(k); got != w {
			t.Errorf("KindToProto(%v) = %v, want %v", k, got, w)
		}
		if got := tallypb.KindFromProto(w); got != k {
			t.Errorf("KindFromProto(%v) = %v, want %v", w, got, k)
		}
	}
	// An unknown wire value is the unspecified kind, which the domain rejects.
	if got := tallypb.KindFromProto(42); got != form.ProtocolKindUnspecified {
		t.Errorf("KindFromProto(42) = %v", got)
	}
}

func TestSubmissionToProto(t *testing.T) {
	s := form.Submission{Election: "e", Contest: "c", Station: "s", IdempotencyKey: "k", Replaces: 1, Reason: "typo",
		Kind: form.Correction, Lines: map[string]int64{"valid": 3}, Votes: map[string]int64{"a": 3}}
	r := tallypb.SubmissionToProto(s)
	if r.GetParent() != "elections/e/contests/c" || r.GetStation() != "elections/e/units/s" || r.GetRequestId() != "k" ||
		r.GetReplacesVersion() != 1 || r.GetReason() != "typo" || r.GetKind() != tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION ||
		r.GetLines()["valid"] != 3 || r.GetVotes()["a"] != 3 {
		t.Fatalf("SubmissionToProto = %v", r)
	}
}
