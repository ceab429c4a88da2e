package importer_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/mandate-project/mandate/services/platform/testsupport"
	"github.com/mandate-project/mandate/services/tally/definition"
	"github.com/mandate-project/mandate/services/tally/form"
	"github.com/mandate-project/mandate/services/tally/importer"
)

// TestLevelIDsFollowTheirParent: the importer reuses the previous row's
// level IDs, and a district of the same name under another region must
// still get its own ID (the RU mapping hashes each level's name with its
// parent's ID): every station hangs under the chain UnitID gives for its
// own row.
func TestLevelIDsFollowTheirParent(t *testing.T) {
	def, err := definition.Load(testsupport.Path(t, "examples", "ru-duma-2016", "election.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	rows := [][3]string{ // region, oik, tik
		{"A", "OIK 1", "TIK 1"}, {"A", "OIK 1", "TIK 1"}, {"B", "OIK 1", "TIK 1"},
		{"B", "OIK 1", "TIK 2"}, {"A", "OIK 1", "TIK 1"}, {"A", "OIK 2", "TIK 1"},
	}
	sink := &checkSink{units: map[string]form.Unit{}}
	for _, c := range def.Election.Contests {
		if c.ID == def.CSV.Contest {
			sink.contest = c
		}
	}
	rep, err := importer.Run(context.Background(), strings.NewReader(ruCSV(rows)), def.Election, def.CSV, sink, importer.Options{BatchSize: 2})
	if err != nil || rep.Accepted != len(rows) {
		t.Fatalf("accepted %d of %d: %v %v", rep.Accepted, len(rows), err, rep.Rejections)
	}
	m := def.CSV
	for i, r := range rows {
		parent := m.Root
		for k, lm := range m.Levels {
			id, err := importer.UnitID(lm.ID, lm.Prefix, parent, r[k])
			if err != nil {
				t.Fatal(err)
			}
			if u, ok := sink.units[id]; !ok || u.Parent != parent {
				t.Errorf("row %d: unit %s under %s not added (got %+v)", i, id, parent, u)
			}
			parent = id
		}
		station, err := importer.UnitID(m.Station.ID, m.Station.Prefix, parent, fmt.Sprintf("S%d", i))
		if err != nil {
			t.Fatal(err)
		}
		if got := sink.units[station].Parent; got != parent {
			t.Errorf("row %d: station %s is under %q, want %q", i, station, got, parent)
		}
	}
	// Regions A, B; OIKs A/1, B/1, A/2; TIKs A/1/1, B/1/1, B/1/2, A/2/1;
	// six stations.
	if len(sink.units) != 2+3+4+len(rows) {
		t.Errorf("%d units added, want %d", len(sink.units), 2+3+4+len(rows))
	}
}
