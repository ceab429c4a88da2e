package tallyapi_test

import (
	"context"
	"strings"
	"testing"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
)

// TestBatchCreateReportingUnitsFields: a refused unit is named by its index
// in the request and the proto field that is wrong (issue 14.8), also when
// units before it exist already.
func TestBatchCreateReportingUnitsFields(t *testing.T) {
	c := start(t)
	loadDemo(t, c)
	ctx := context.Background()
	kz := &tallyv1.ReportingUnit{Name: "elections/kz-2012/units/kz", DisplayName: "Kazakhstan", Level: "nation"}
	astana := &tallyv1.ReportingUnit{Name: "elections/kz-2012/units/astana", ParentUnit: "elections/kz-2012/units/kz", DisplayName: "Astana", Level: "region"}
	for _, tc := range []struct {
		name  string
		unit  *tallyv1.ReportingUnit
		field string
	}{
		{"no display name", &tallyv1.ReportingUnit{Name: "elections/kz-2012/units/new-1", ParentUnit: "elections/kz-2012/units/astana", Level: "station"}, "units[2].display_name"},
		{"no level", &tallyv1.ReportingUnit{Name: "elections/kz-2012/units/new-1", ParentUnit: "elections/kz-2012/units/astana", DisplayName: "New"}, "units[2].level"},
		{"negative registered voters", &tallyv1.ReportingUnit{Name: "elections/kz-2012/units/new-1", ParentUnit: "elections/kz-2012/units/astana", DisplayName: "New", Level: "station", RegisteredVoters: -1}, "units[2].registered_voters"},
		{"registered voters of a region", &tallyv1.ReportingUnit{Name: "elections/kz-2012/units/new-1", ParentUnit: "elections/kz-2012/units/kz", DisplayName: "New", Level: "region", RegisteredVoters: 10}, "units[2].registered_voters"},
		{"unknown parent", &tallyv1.ReportingUnit{Name: "elections/kz-2012/units/new-1", ParentUnit: "elections/kz-2012/units/nowhere", DisplayName: "New", Level: "station"}, "units[2].parent_unit"},
		{"parent is a station", &tallyv1.ReportingUnit{Name: "elections/kz-2012/units/new-1", ParentUnit: "elections/kz-2012/units/astana-1", DisplayName: "New", Level: "station"}, "units[2].parent_unit"},
		{"no name", &tallyv1.ReportingUnit{ParentUnit: "elections/kz-2012/units/astana", DisplayName: "New", Level: "station"}, "units[2].name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.BatchCreateReportingUnits(ctx, &tallyv1.BatchCreateReportingUnitsRequest{Parent: "elections/kz-2012",
				Units: []*tallyv1.ReportingUnit{kz, astana, tc.unit}})
			st := status.Convert(err)
			var got []string
			for _, d := range st.Details() {
				if br, ok := d.(*errdetails.BadRequest); ok {
					for _, v := range br.GetFieldViolations() {
						got = append(got, v.GetField())
					}
				}
			}
			if st.Code() != codes.InvalidArgument || len(got) != 1 || got[0] != tc.field {
				t.Errorf("%v %q fields %v, want %s", st.Code(), st.Message(), got, tc.field)
			}
		})
	}
}

// TestListReportingUnitsBareParent: a bare unit id where the full name is
// needed is refused with the name to give (issue 17.3); the full name works.
func TestListReportingUnitsBareParent(t *testing.T) {
	c := start(t)
	loadDemo(t, c)
	ctx := context.Background()
	_, err := c.ListReportingUnits(ctx, &tallyv1.ListReportingUnitsRequest{Parent: "elections/kz-2012", ParentUnit: "astana"})
	st := status.Convert(err)
	var desc string
	for _, d := range st.Details() {
		if br, ok := d.(*errdetails.BadRequest); ok && len(br.GetFieldViolations()) == 1 && br.GetFieldViolations()[0].GetField() == "parent_unit" {
			desc = br.GetFieldViolations()[0].GetDescription()
		}
	}
	if st.Code() != codes.InvalidArgument || !strings.Contains(desc, `"astana" is a bare id, give elections/{election}/units/astana`) {
		t.Errorf("%v %q: parent_unit description %q", st.Code(), st.Message(), desc)
	}
	list, err := c.ListReportingUnits(ctx, &tallyv1.ListReportingUnitsRequest{Parent: "elections/kz-2012", ParentUnit: "elections/kz-2012/units/astana"})
	if err != nil || len(list.GetReportingUnits()) != 3 {
		t.Fatalf("full name: %v, %d units", err, len(list.GetReportingUnits()))
	}
}
