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

const provContest = "elections/prov-2026/contests/congress"

// setProvinces serves a three-province count at a results version: votes
// per province of lists A, B, C, and the nation's sum.
func setProvinces(stub *tallystub.Server, version int64, votes map[string][3]int64) {
	var nation [3]int64
	set := func(unit string, v [3]int64) {
		t := &tallyv1.Totals{
			Name: provContest + "/totals/" + unit, Unit: "elections/prov-2026/units/" + unit, UnitDisplayName: "Unit " + unit,
			ShareBaseRole: tallyv1.LineRole_LINE_ROLE_VALID, Status: tallyv1.ResultStatus_RESULT_STATUS_UNOFFICIAL_COMPLETE,
			ResultsVersion: version, StationsReporting: 3, StationsTotal: 3,
			RegisteredReporting: &tallyv1.Ratio{Numerator: 1, Denominator: 1, Percent: "100.00"},
		}
		for i, id := range []string{"A", "B", "C"} {
			t.Choices = append(t.Choices, &tallyv1.ChoiceTotal{Choice: id, DisplayName: "List " + id, Votes: v[i]})
			t.ShareBase += v[i]
		}
		stub.Set(t)
	}
	for _, p := range []string{"p1", "p2", "p3"} {
		for i := range 3 {
			nation[i] += votes[p][i]
		}
	}
	set("es", nation)
	for _, p := range []string{"p1", "p2", "p3"} {
		set(p, votes[p])
	}
}

func provinceDistricts() []*seatsv1.ContestDistrict {
	return []*seatsv1.ContestDistrict{
		{Unit: "elections/prov-2026/units/p1", Seats: 3},
		{Unit: "elections/prov-2026/units/p2", Seats: 2},
		{Unit: "elections/prov-2026/units/p3", Seats: 1},
	}
}

// districtSeats returns seats by district id and list id, and the totals.
func districtSeats(a *seatsv1.ContestAllocation) (map[string]map[string]int32, map[string]int32) {
	per := map[string]map[string]int32{}
	total := map[string]int32{}
	for _, d := range a.GetChamberAllocation().GetDistricts() {
		per[d.GetId()] = seatsOf(d.GetAllocation())
	}
	for _, l := range a.GetChamberAllocation().GetLists() {
		total[l.GetId()] = l.GetSeats()
	}
	return per, total
}

func TestAllocateDistrictContest(t *testing.T) {
	c, stub := live(t)
	setProvinces(stub, 7, map[string][3]int64{"p1": {610, 300, 90}, "p2": {200, 500, 300}, "p3": {100, 50, 10}})
	ctx := context.Background()
	got, err := c.AllocateContest(ctx, &seatsv1.AllocateContestRequest{Contest: provContest, Preset: "presets/es-congreso", Districts: provinceDistricts()})
	if err != nil {
		t.Fatal(err)
	}
	per, total := districtSeats(got)
	if per["p1"]["A"] != 2 || per["p1"]["B"] != 1 || per["p2"]["B"] != 1 || per["p2"]["C"] != 1 || per["p3"]["A"] != 1 ||
		total["A"] != 3 || total["B"] != 2 || total["C"] != 1 || got.GetChamberAllocation().GetSeats() != 6 {
		t.Fatalf("seats per district %v, total %v", per, total)
	}
	if got.GetResultsVersion() != 7 || got.GetProjection() || got.GetTotals() != provContest+"/totals/es" ||
		len(got.GetDistrictTotals()) != 3 || got.GetDistrictTotals()[1] != provContest+"/totals/p2" ||
		got.GetChamberRule().GetFamily() != seatsv1.ChamberFamily_CHAMBER_FAMILY_INDEPENDENT {
		t.Fatalf("allocation %v", got)
	}

	for _, tc := range []struct {
		name, field string
		req         *seatsv1.AllocateContestRequest
	}{
		{"unit not in the hierarchy", "districts[1].unit", &seatsv1.AllocateContestRequest{Contest: provContest, Preset: "presets/es-congreso",
			Districts: []*seatsv1.ContestDistrict{{Unit: "elections/prov-2026/units/p1", Seats: 3}, {Unit: "elections/prov-2026/units/atlantis", Seats: 2}}}},
		{"unit of another election", "districts[0].unit", &seatsv1.AllocateContestRequest{Contest: provContest, Preset: "presets/es-congreso",
			Districts: []*seatsv1.ContestDistrict{{Unit: "elections/other/units/p1", Seats: 3}}}},
		{"unit twice", "districts[1].unit", &seatsv1.AllocateContestRequest{Contest: provContest, Preset: "presets/es-congreso",
			Districts: []*seatsv1.ContestDistrict{{Unit: "elections/prov-2026/units/p1", Seats: 3}, {Unit: "elections/prov-2026/units/p1", Seats: 2}}}},
		{"single-pool preset", "preset", &seatsv1.AllocateContestRequest{Contest: provContest, Preset: "presets/kz-mazhilis-2009", Districts: provinceDistricts()}},
		{"unit and districts", "unit", &seatsv1.AllocateContestRequest{Contest: provContest, Unit: "elections/prov-2026/units/p1", Preset: "presets/es-congreso", Districts: provinceDistricts()}},
		{"no seats", "districts[2].seats", &seatsv1.AllocateContestRequest{Contest: provContest, Preset: "presets/es-congreso",
			Districts: append(provinceDistricts()[:2], &seatsv1.ContestDistrict{Unit: "elections/prov-2026/units/p3"})}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.AllocateContest(ctx, tc.req)
			st := status.Convert(err)
			f, reasons := violations(st)
			if st.Code() != codes.InvalidArgument || len(f) == 0 || f[0] != tc.field || len(reasons) != 1 {
				t.Fatalf("%v: fields %v reasons %v, want INVALID_ARGUMENT on %s", err, f, reasons, tc.field)
			}
		})
	}
}

func TestWatchDistrictContest(t *testing.T) {
	c, stub := live(t)
	setProvinces(stub, 7, map[string][3]int64{"p1": {610, 300, 90}, "p2": {200, 500, 300}, "p3": {100, 50, 10}})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	stream, err := c.WatchContestAllocation(ctx, &seatsv1.WatchContestAllocationRequest{Contest: provContest, Preset: "presets/es-congreso", Districts: provinceDistricts()})
	if err != nil {
		t.Fatal(err)
	}
	first, err := stream.Recv()
	if err != nil {
		t.Fatal(err)
	}
	if _, total := districtSeats(first); first.GetResultsVersion() != 7 || total["A"] != 3 || total["B"] != 2 {
		t.Fatalf("first %v", total)
	}
	// A correction in one province moves one seat there and in the total.
	setProvinces(stub, 8, map[string][3]int64{"p1": {610, 300, 90}, "p2": {500, 200, 300}, "p3": {100, 50, 10}})
	next, err := stream.Recv()
	if err != nil {
		t.Fatal(err)
	}
	per, total := districtSeats(next)
	if next.GetResultsVersion() != 8 || per["p2"]["A"] != 1 || per["p2"]["B"] != 0 || total["A"] != 4 || total["B"] != 1 || total["C"] != 1 {
		t.Fatalf("after the correction: version %d, %v %v", next.GetResultsVersion(), per, total)
	}
}

// violations returns the BadRequest fields and the ErrorInfo reasons of a
// status.
func violations(st *status.Status) (fields, reasons []string) {
	for _, d := range st.Details() {
		switch d := d.(type) {
		case *errdetails.BadRequest:
			for _, v := range d.GetFieldViolations() {
				fields = append(fields, v.GetField())
			}
		case *errdetails.ErrorInfo:
			reasons = append(reasons, d.GetReason())
		}
	}
	return fields, reasons
}
