package seatsapi_test

import (
	"context"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/seats/internal/tallystub"
)

const provChamber = "elections/prov-2026/chambers/congress"

// setProvinceChamber defines a chamber over the three provinces of
// setProvinces: 6 seats apportioned per province by the Spanish rule and
// one seat reserved, with preset as the list tier's preset.
func setProvinceChamber(stub *tallystub.Server, preset string) {
	stub.SetElection(&tallyv1.Election{Name: "elections/prov-2026",
		Contests: []*tallyv1.Contest{{Name: provContest, Kind: tallyv1.ContestKind_CONTEST_KIND_PARTY_LIST, Choices: []*tallyv1.Choice{
			{Id: "A", DisplayName: "List A", Color: "#ff0000"}, {Id: "B", DisplayName: "List B"}, {Id: "C", DisplayName: "List C"}}}},
		Chambers: []*tallyv1.Chamber{{Name: provChamber, DisplayName: "Congress", Seats: 7, Tiers: []*tallyv1.ChamberTier{
			{Id: "provinces", Kind: tallyv1.TierKind_TIER_KIND_LIST, Seats: 6, Contest: provContest, Preset: preset, Districts: []*tallyv1.TierDistrict{
				{Unit: "p1", Seats: 3}, {Unit: "p2", Seats: 2}, {Unit: "p3", Seats: 1}}},
			{Id: "crown", Kind: tallyv1.TierKind_TIER_KIND_RESERVED, Seats: 1, ReservedFor: "the Crown"},
		}}},
	})
}

func compositionSeats(c *seatsv1.ChamberComposition) map[string]int32 {
	out := map[string]int32{}
	for _, p := range c.GetParties() {
		out[p.GetParty()] = p.GetSeats()
	}
	return out
}

func TestGetChamberComposition(t *testing.T) {
	c, stub := live(t)
	setProvinces(stub, 7, map[string][3]int64{"p1": {610, 300, 90}, "p2": {200, 500, 300}, "p3": {100, 50, 10}})
	setProvinceChamber(stub, "presets/es-congreso")
	got, err := c.GetChamberComposition(context.Background(), &seatsv1.GetChamberCompositionRequest{Name: provChamber})
	if err != nil {
		t.Fatal(err)
	}
	if s := compositionSeats(got); s["A"] != 3 || s["B"] != 2 || s["C"] != 1 || s["reserved-crown"] != 1 || len(s) != 4 {
		t.Errorf("seats %v", s)
	}
	if got.GetSeats() != 7 || got.GetTotalSeats() != 7 || got.GetResultsVersion() != 7 || got.GetProjection() || got.GetUndecidedSeats() != 0 {
		t.Errorf("composition %v", got)
	}
	tier := got.GetTiers()[0]
	if len(tier.GetDistricts()) != 3 || tier.GetDistricts()[0].GetPartySeats()["A"] != 2 || tier.GetDistricts()[0].GetUnit() != "elections/prov-2026/units/p1" ||
		len(tier.GetTotals()) != 4 || tier.GetParties()[0].GetColor() != "#ff0000" {
		t.Errorf("tier %v", tier)
	}
}

// A composition's refusals: a malformed name, a chamber the election does
// not define, a preset the seats service does not know.
func TestGetChamberCompositionErrors(t *testing.T) {
	c, stub := live(t)
	setProvinces(stub, 7, map[string][3]int64{"p1": {610, 300, 90}, "p2": {200, 500, 300}, "p3": {100, 50, 10}})
	setProvinceChamber(stub, "presets/no-such-law")
	ctx := context.Background()
	for name, tc := range map[string]struct {
		name   string
		code   codes.Code
		reason string
	}{
		"bad name":       {"elections/prov-2026/contests/congress", codes.InvalidArgument, "INVALID_RESOURCE_NAME"},
		"no chamber":     {"elections/prov-2026/chambers/senate", codes.NotFound, "CHAMBER_NOT_FOUND"},
		"unknown preset": {provChamber, codes.FailedPrecondition, "CHAMBER_NOT_COMPOSABLE"},
	} {
		_, err := c.GetChamberComposition(ctx, &seatsv1.GetChamberCompositionRequest{Name: tc.name})
		st := status.Convert(err)
		var reason string
		for _, d := range st.Details() {
			if info, ok := d.(*errdetails.ErrorInfo); ok {
				reason = info.GetReason()
			}
		}
		if st.Code() != tc.code || reason != tc.reason {
			t.Errorf("%s: %v %s, want %v %s (%v)", name, st.Code(), reason, tc.code, tc.reason, err)
		}
	}
}

// The watch sends the composition, then a new one when a correction in
// one province moves a seat.
func TestWatchChamberComposition(t *testing.T) {
	c, stub := live(t)
	setProvinces(stub, 7, map[string][3]int64{"p1": {610, 300, 90}, "p2": {200, 500, 300}, "p3": {100, 50, 10}})
	setProvinceChamber(stub, "presets/es-congreso")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	stream, err := c.WatchChamberComposition(ctx, &seatsv1.WatchChamberCompositionRequest{Name: provChamber})
	if err != nil {
		t.Fatal(err)
	}
	first, err := stream.Recv()
	if err != nil {
		t.Fatal(err)
	}
	if s := compositionSeats(first); s["A"] != 3 || first.GetResultsVersion() != 7 {
		t.Fatalf("first %v", s)
	}
	// Province 3's single seat goes from A to B.
	setProvinces(stub, 8, map[string][3]int64{"p1": {610, 300, 90}, "p2": {200, 500, 300}, "p3": {40, 50, 10}})
	next, err := stream.Recv()
	if err != nil {
		t.Fatal(err)
	}
	if s := compositionSeats(next); s["A"] != 2 || s["B"] != 3 || next.GetResultsVersion() != 8 {
		t.Errorf("after the correction %v at version %d", s, next.GetResultsVersion())
	}
}
