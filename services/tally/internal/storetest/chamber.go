package storetest

import (
	"errors"
	"reflect"
	"testing"

	"github.com/mandate-project/mandate/services/tally/form"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// ChamberElection is the fixture's election with two single-member
// districts (north and south, candidates X for party A and Y for party B)
// and a chamber of 2 list seats and those 2 districts.
func ChamberElection() tally.Election {
	e := Election()
	e.ID = "house-2024"
	form := e.Contests[0].Form
	e.SingleMemberDistricts = []tally.SingleMemberDistricts{{
		ID: "seat", DisplayName: "Seat", Form: form, ThresholdBase: tally.RoleValid, Runoff: tally.RunoffNone,
		Districts: []tally.SingleMemberDistrict{
			{Unit: "north", Candidates: []tally.Choice{{ID: "X", Name: "Candidate X", Party: "A"}, {ID: "Y", Name: "Candidate Y", Party: "B"}}},
			{Unit: "south", Candidates: []tally.Choice{{ID: "X", Name: "Candidate X2", Party: "A"}, {ID: "Y", Name: "Candidate Y2"}}},
		},
	}}
	e.Chambers = []tally.Chamber{{ID: "house", DisplayName: "House", Seats: 4, Tiers: []tally.Tier{
		{ID: "list", Kind: tally.TierList, Seats: 2, Contest: "list", Preset: "presets/kz-mazhilis-2009"},
		{ID: "seats", Kind: tally.TierSingleMember, Seats: 2, SingleMemberDistricts: "seat"},
	}}}
	return e
}

// ServiceSingleMemberDistricts is the conformance case
// Service/SingleMemberDistricts: a set of districts becomes one contest per
// district, stored with the chamber and read back the same after a
// restart; a protocol of a station outside a district is refused and
// changes nothing; defining the election again is idempotent.
func (ts Suite) ServiceSingleMemberDistricts(t *testing.T) {
	st := ts.open(t)
	svc, err := tally.NewService(ctx, st, NewClock().Now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(svc.Close)
	def, err := svc.DefineElection(ctx, ChamberElection())
	if err != nil {
		t.Fatal(err)
	}
	if len(def.Contests) != 4 || def.Contests[2].ID != "seat-north" || def.Contests[2].District != "north" ||
		def.Contests[3].DisplayName != "Seat: south" || def.Contests[3].Choices[1].BallotOrder != 2 || len(def.Chambers) != 1 {
		t.Fatalf("expanded definition: %+v", def.Contests)
	}
	if _, err := svc.DefineElection(ctx, ChamberElection()); err != nil {
		t.Errorf("defining again: %v", err)
	}
	sub := func(station string, x, y int64) tally.Submission {
		s := Sub("mayor", station, 0, x, y)
		s.Election, s.Contest, s.IdempotencyKey = "house-2024", "seat-north", "seat-north/"+station
		return s
	}
	ts.submit(t, svc, sub("n1", 300, 200))
	_, err = svc.Submit(ctx, sub("s1", 900, 0))
	var fe *form.FieldError
	if !errors.As(err, &fe) || fe.Field != "station" || fe.Reason != "STATION_OUTSIDE_DISTRICT" {
		t.Fatalf("station outside the district: %v", err)
	}
	tt, err := svc.Totals(ctx, "house-2024", "seat-north", "north")
	if err != nil {
		t.Fatal(err)
	}
	if tt.Leader == nil || !reflect.DeepEqual(tt.Leader.Choices, []string{"X"}) || tt.StationsReporting != 1 {
		t.Errorf("district totals %+v", tt)
	}
	svc2, err := tally.NewService(ctx, st, NewClock().Now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(svc2.Close)
	got, err := svc2.GetElection(ctx, "house-2024")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Chambers, def.Chambers) || !reflect.DeepEqual(got.SingleMemberDistricts, def.SingleMemberDistricts) || len(got.Contests) != 4 {
		t.Errorf("after a restart: %+v", got)
	}
}
