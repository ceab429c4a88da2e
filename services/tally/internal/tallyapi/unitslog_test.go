package tallyapi_test

import (
	"bytes"
	"context"
	"reflect"
	"strconv"
	"testing"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// TestUnitsLogged: a batch of new units is logged with its units in the
// bytes received alone (format 4), a batch holding a unit that existed keeps
// the units it added in its envelope; both read back as the units added.
func TestUnitsLogged(t *testing.T) {
	c := start(t)
	loadDemo(t, c)
	ctx := context.Background()
	ref, err := c.GetReportingUnit(ctx, &tallyv1.GetReportingUnitRequest{Name: "elections/kz-2012/units/astana-1"})
	if err != nil {
		t.Fatal(err)
	}
	unit := func(id string) *tallyv1.ReportingUnit {
		return &tallyv1.ReportingUnit{Name: "elections/kz-2012/units/" + id, ParentUnit: "elections/kz-2012/units/astana",
			DisplayName: "Astana, " + id, Level: "station", RegisteredVoters: 1000}
	}
	existing := &tallyv1.ReportingUnit{Name: ref.GetName(), ParentUnit: ref.GetParentUnit(), DisplayName: ref.GetDisplayName(),
		Level: ref.GetLevel(), RegisteredVoters: ref.GetRegisteredVoters()}
	batches := [][]*tallyv1.ReportingUnit{{unit("new-1"), unit("new-2")}, {existing, unit("new-3")}}
	for i, units := range batches {
		resp, err := c.BatchCreateReportingUnits(ctx, &tallyv1.BatchCreateReportingUnitsRequest{Parent: "elections/kz-2012", Units: units})
		if err != nil || int(resp.GetCreatedCount()) != len(units)-i {
			t.Fatalf("batch %d: %v, %v", i, resp, err)
		}
	}
	want := [][]tallylog.Unit{
		{{ID: "new-1", Parent: "astana", Name: "Astana, new-1", Level: "station", Registered: 1000},
			{ID: "new-2", Parent: "astana", Name: "Astana, new-2", Level: "station", Registered: 1000}},
		{{ID: "new-3", Parent: "astana", Name: "Astana, new-3", Level: "station", Registered: 1000}},
	}
	var r tallylog.Reader
	var got [][]tallylog.Unit
	var inEnvelope []bool
	for i := int64(0); ; i++ {
		list, err := c.ListLogEntries(ctx, &tallyv1.ListLogEntriesRequest{Parent: "elections/kz-2012/log", PageToken: strconv.FormatInt(i, 10), PageSize: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(list.GetLogEntries()) == 0 {
			break
		}
		leaf := list.GetLogEntries()[0].GetLeaf()
		e, _, err := r.Parse(leaf)
		if err != nil {
			t.Fatalf("entry %d: %v", i, err)
		}
		if e.Kind != tallylog.KindUnits || e.Body != tallylog.BodyUnits {
			continue
		}
		env, _, _ := bytes.Cut(leaf, []byte{'\n'})
		got = append(got, e.Units)
		inEnvelope = append(inEnvelope, bytes.Contains(env, []byte(`"units":`)))
	}
	// The demo's units come first, logged from their batches too.
	if len(got) < 2 {
		t.Fatalf("%d units entries", len(got))
	}
	got, inEnvelope = got[len(got)-2:], inEnvelope[len(inEnvelope)-2:]
	if !reflect.DeepEqual(got, want) {
		t.Errorf("units logged %+v, want %+v", got, want)
	}
	if !reflect.DeepEqual(inEnvelope, []bool{false, true}) {
		t.Errorf("units in the envelope: %v, want only the batch with a unit that existed", inEnvelope)
	}
}
