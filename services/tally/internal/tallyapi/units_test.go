package tallyapi_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

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

// TestBatchCreateReportingUnitsIsNews: a new station is a change of the
// results (issue 20.2). It changes the count of stations and the status of
// every unit above it, so it takes the next results version, the change
// lists and the streams send it (to the watchers of every unit: units
// concern the whole election), a retry of the same batch is no change, and
// a restart keeps the version.
func TestBatchCreateReportingUnitsIsNews(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tally.db")
	c, stop := startAt(t, path)
	loadDemo(t, c)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	watch := func(name string) grpc.ServerStreamingClient[tallyv1.WatchTotalsResponse] {
		t.Helper()
		s, err := c.WatchTotals(ctx, &tallyv1.WatchTotalsRequest{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		if m, err := s.Recv(); err != nil || m.GetTotals().GetResultsVersion() != demoVersion {
			t.Fatalf("first message of %s: %v, %v", name, m, err)
		}
		return s
	}
	// The new station's region, another region, and the nation.
	watched := []string{contest + "/totals/astana", contest + "/totals/almaty-city", national}
	streams := make([]grpc.ServerStreamingClient[tallyv1.WatchTotalsResponse], len(watched))
	for i, name := range watched {
		streams[i] = watch(name)
	}

	ref, err := c.GetReportingUnit(ctx, &tallyv1.GetReportingUnitRequest{Name: "elections/kz-2012/units/astana-1"})
	if err != nil {
		t.Fatal(err)
	}
	station := &tallyv1.ReportingUnit{Name: "elections/kz-2012/units/astana-new", ParentUnit: "elections/kz-2012/units/astana",
		DisplayName: "Astana, new station", Level: "station", RegisteredVoters: ref.GetRegisteredVoters()}
	batch := &tallyv1.BatchCreateReportingUnitsRequest{Parent: "elections/kz-2012", Units: []*tallyv1.ReportingUnit{station}}
	const added = demoVersion + 1
	resp, err := c.BatchCreateReportingUnits(ctx, batch)
	if err != nil || resp.GetCreatedCount() != 1 || resp.GetResultsVersion() != added {
		t.Fatalf("BatchCreateReportingUnits: %v, %v", resp, err)
	}

	tot := totals(t, c, national)
	if tot.GetResultsVersion() != added || tot.GetStationsTotal() != 49 || tot.GetStationsReporting() != 48 ||
		tot.GetStatus() != tallyv1.ResultStatus_RESULT_STATUS_UNOFFICIAL_PARTIAL {
		t.Fatalf("national totals after the new station: version %d, %d of %d stations, %v",
			tot.GetResultsVersion(), tot.GetStationsReporting(), tot.GetStationsTotal(), tot.GetStatus())
	}
	for i, s := range streams {
		m, err := s.Recv()
		if err != nil {
			t.Fatalf("%s: %v", watched[i], err)
		}
		chs := m.GetChanges()
		if len(chs) != 1 || chs[0].GetResultsVersion() != added || chs[0].GetUnitsAdded() != 1 || chs[0].GetStation() != "" ||
			chs[0].GetAcceptTime() == nil || m.GetTotals().GetResultsVersion() != added {
			t.Errorf("%s: message %v", watched[i], m)
		}
	}
	if m := totals(t, c, contest+"/totals/astana"); m.GetStationsTotal() != 4 || m.GetStatus() != tallyv1.ResultStatus_RESULT_STATUS_UNOFFICIAL_PARTIAL {
		t.Errorf("Astana after the new station: %d stations, %v", m.GetStationsTotal(), m.GetStatus())
	}
	list, err := c.ListChanges(ctx, &tallyv1.ListChangesRequest{Name: contest + "/totals/almaty-city", SinceVersion: demoVersion})
	if err != nil || len(list.GetChanges()) != 1 || list.GetChanges()[0].GetUnitsAdded() != 1 || list.GetNextSinceVersion() != added {
		t.Fatalf("ListChanges since the demo: %v, %v", list, err)
	}

	// The same batch again creates nothing and is no change.
	if resp, err := c.BatchCreateReportingUnits(ctx, batch); err != nil || resp.GetCreatedCount() != 0 || resp.GetResultsVersion() != 0 {
		t.Fatalf("retry: %v, %v", resp, err)
	}
	if v := totals(t, c, national).GetResultsVersion(); v != added {
		t.Errorf("results version %d after a retry, want %d", v, added)
	}

	// The station's protocol is the next change and completes the count.
	p, err := c.GetProtocol(ctx, &tallyv1.GetProtocolRequest{Name: contest + "/protocols/astana-1"})
	if err != nil {
		t.Fatal(err)
	}
	sub := &tallyv1.SubmitProtocolRequest{Parent: contest, Station: station.GetName(), RequestId: "astana-new-1", Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_ORIGINAL,
		Lines: p.GetCurrent().GetLines(), Votes: p.GetCurrent().GetVotes()}
	if r, err := c.SubmitProtocol(ctx, sub); err != nil || r.GetResultsVersion() != added+1 {
		t.Fatalf("protocol of the new station: %v, %v", r, err)
	}
	for i, s := range streams[:1] {
		if m, err := s.Recv(); err != nil || len(m.GetChanges()) != 1 || m.GetChanges()[0].GetStation() != station.GetName() {
			t.Errorf("%s: %v, %v", watched[i], m, err)
		}
	}
	if m := totals(t, c, national); m.GetStationsReporting() != 49 || m.GetStatus() != tallyv1.ResultStatus_RESULT_STATUS_UNOFFICIAL_COMPLETE {
		t.Errorf("national totals after its protocol: %d of %d, %v", m.GetStationsReporting(), m.GetStationsTotal(), m.GetStatus())
	}

	// A restart reads the same version and the same count back.
	cancel()
	stop()
	c, stop = startAt(t, path)
	defer stop()
	if m := totals(t, c, national); m.GetResultsVersion() != added+1 || m.GetStationsTotal() != 49 {
		t.Errorf("after a restart: version %d, %d stations", m.GetResultsVersion(), m.GetStationsTotal())
	}
}

// TestBatchCreateReportingUnitsAnswersAsStored: the answer lists every
// unit of the request, new or already there, as GetReportingUnit reads it
// back (the answer is built from the request, not read from the tree).
func TestBatchCreateReportingUnitsAnswersAsStored(t *testing.T) {
	c := start(t)
	loadDemo(t, c)
	ctx := context.Background()
	units := []*tallyv1.ReportingUnit{
		{Name: "elections/kz-2012/units/kz", DisplayName: "Kazakhstan", Level: "nation"},
		{Name: "elections/kz-2012/units/astana", ParentUnit: "elections/kz-2012/units/kz", DisplayName: "Astana", Level: "region"},
		{Name: "elections/kz-2012/units/astana-answer", ParentUnit: "elections/kz-2012/units/astana", DisplayName: "Astana, answered",
			Level: "station", RegisteredVoters: 1234},
	}
	resp, err := c.BatchCreateReportingUnits(ctx, &tallyv1.BatchCreateReportingUnitsRequest{Parent: "elections/kz-2012", Units: units})
	if err != nil || resp.GetCreatedCount() != 1 || len(resp.GetUnits()) != len(units) {
		t.Fatalf("BatchCreateReportingUnits: %v, %v", resp, err)
	}
	for i, u := range resp.GetUnits() {
		got, err := c.GetReportingUnit(ctx, &tallyv1.GetReportingUnitRequest{Name: units[i].GetName()})
		if err != nil {
			t.Fatal(err)
		}
		if !proto.Equal(u, got) {
			t.Errorf("units[%d] answered %v, stored %v", i, u, got)
		}
	}
}
