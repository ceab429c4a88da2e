package importer_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mandate-project/mandate/services/platform/testsupport"
	"github.com/mandate-project/mandate/services/tally/definition"
	"github.com/mandate-project/mandate/services/tally/form"
	"github.com/mandate-project/mandate/services/tally/importer"
)

// aheadSink records the units added and checks that every imported row's
// station is among them. Every import waits until the units of the batch
// four after it are in (or the last batch's): it returns only once the
// units have gone two batches past the two imports in flight.
type aheadSink struct {
	t        *testing.T
	batches  int
	mu       sync.Mutex
	units    map[string]bool
	calls    int
	imported int
}

func (s *aheadSink) AddUnits(_ context.Context, _ string, units []form.Unit) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, u := range units {
		s.units[u.ID] = true
	}
	s.calls++
	return len(units), nil
}

func (s *aheadSink) Import(_ context.Context, subs []form.Submission) ([]importer.Result, error) {
	s.mu.Lock()
	k := s.imported
	s.imported++
	for _, sub := range subs {
		if !s.units[sub.Station] {
			s.t.Errorf("row of %s imported before its station was added", sub.Station)
		}
	}
	s.mu.Unlock()
	need := min(k+4, s.batches)
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(time.Millisecond) {
		s.mu.Lock()
		calls := s.calls
		s.mu.Unlock()
		if calls >= need {
			break
		}
		if time.Now().After(deadline) {
			s.t.Errorf("import %d: %d batches of units added, want %d while it imports", k, calls, need)
			break
		}
	}
	return make([]importer.Result, len(subs)), nil
}

// TestUnitsGoAhead: a batch's units are added while the batches before it
// still import (the store then never waits for a units call between two
// imports), and never after its own rows.
func TestUnitsGoAhead(t *testing.T) {
	def, err := definition.Load(testsupport.Path(t, "examples", "ru-duma-2016", "election.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	rows := make([][3]string, 10)
	for i := range rows {
		rows[i] = [3]string{fmt.Sprintf("Region %d", i%3), "OIK 1", "TIK 1"}
	}
	sink := &aheadSink{t: t, batches: 5, units: map[string]bool{}}
	rep, err := importer.Run(context.Background(), strings.NewReader(ruCSV(rows)), def.Election, def.CSV, sink, importer.Options{BatchSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Accepted != 10 || rep.Rejected != 0 {
		t.Errorf("accepted %d, rejected %d (%v); want 10, 0", rep.Accepted, rep.Rejected, rep.Rejections)
	}
}

// ruCSV is a file of the RU 2016 mapping's columns with a station S<i> per
// row under its region, OIK and TIK, every count zero.
func ruCSV(rows [][3]string) string {
	head := "station_id,region,oik,tik,uik,registered,ballots_received,ballots_issued_early,ballots_issued_in_station," +
		"ballots_issued_outside,ballots_cancelled,ballots_in_mobile_boxes,ballots_in_stationary_boxes,invalid,valid," +
		"absentee_cert_received,absentee_cert_issued_at_station,absentee_cert_voters,absentee_cert_cancelled," +
		"absentee_cert_issued_by_tec,absentee_cert_lost,ballots_lost,ballots_unaccounted,votes_RODINA,votes_KPKR," +
		"votes_RPPS,votes_ER,votes_ZELENYE,votes_GP,votes_LDPR,votes_PARNAS,votes_ROST,votes_GS,votes_YABLOKO," +
		"votes_KPRF,votes_PR,votes_SR,source_tvd"
	var csv strings.Builder
	csv.WriteString(head + "\n")
	zeros := strings.TrimSuffix(strings.Repeat("0,", strings.Count(head, ",")-5), ",")
	for i, r := range rows {
		fmt.Fprintf(&csv, "S%d,%s,%s,%s,%d,%s,x\n", i, r[0], r[1], r[2], i, zeros)
	}
	return csv.String()
}
