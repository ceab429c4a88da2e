package importer_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/mandate-project/mandate/services/platform/testsupport"
	"github.com/mandate-project/mandate/services/tally/definition"
	"github.com/mandate-project/mandate/services/tally/importer"
	"github.com/mandate-project/mandate/services/tally/internal/sqlitestore"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

func newService(t testing.TB, dir string) (*tally.Service, *sqlitestore.Store) {
	t.Helper()
	st, err := sqlitestore.Open(context.Background(), filepath.Join(dir, "tally.db"), sqlitestore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	svc, err := tally.NewService(context.Background(), st, nil)
	if err != nil {
		t.Fatal(err)
	}
	return svc, st
}

// importRU runs the whole pipeline: definition, CSV, validation, SQLite, totals.
func importRU(t testing.TB, dir string) (*tally.Service, *sqlitestore.Store, importer.Report) {
	t.Helper()
	svc, st := newService(t, dir)
	return svc, st, runRU(t, svc)
}

// runRU defines the RU 2016 election in svc and imports the file.
func runRU(t testing.TB, svc *tally.Service) importer.Report {
	t.Helper()
	ctx := context.Background()
	def, err := definition.Load(testsupport.Path(t, "examples", "ru-duma-2016", "election.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.DefineElection(ctx, def.Election); err != nil {
		t.Fatal(err)
	}
	f, err := importer.Open(testsupport.RUStations(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := importer.Run(ctx, f, def.Election, def.CSV, serviceSink{svc}, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestImportRU2016(t *testing.T) {
	testsupport.SkipSlow(t)
	dir := t.TempDir()
	start := time.Now()
	svc, st, rep := importRU(t, dir)
	elapsed := time.Since(start)
	t.Logf("RU 2016: %d rows, %d accepted, %d units, %v end to end (CSV -> validation -> SQLite -> totals)",
		rep.Rows, rep.Accepted, rep.UnitsAdded, elapsed)
	if rep.Rows != 96871 || rep.Accepted != 96871 || rep.Rejected != 0 {
		for _, r := range rep.Rejections[:min(10, len(rep.Rejections))] {
			t.Log(r)
		}
		t.Fatalf("rows %d accepted %d rejected %d", rep.Rows, rep.Accepted, rep.Rejected)
	}
	checkRU(t, svc)
	// Restart: a new store handle and Service rebuild the same totals.
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	svc2, st2 := newService(t, dir)
	defer st2.Close()
	t.Logf("restart (rebuild from SQLite): %v", time.Since(start))
	checkRU(t, svc2)
}

// checkRU compares the national totals with the official ones.
func checkRU(t *testing.T, svc *tally.Service) {
	t.Helper()
	ctx := context.Background()
	tt, err := svc.Totals(ctx, "ru-duma-2016", "federal", "")
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]int64{}
	for _, l := range tt.Lines {
		lines[l.Line] = l.Value
	}
	votes := map[string]int64{}
	for _, c := range tt.Choices {
		votes[c.Choice] = c.Votes
	}
	for name, got := range map[string][2]int64{
		"registered":            {tt.Registered, 110_061_200},
		"registered (units)":    {tt.RegisteredAllStations, 110_061_200},
		"invalid":               {tt.Invalid, 982_596},
		"mobile boxes":          {lines["ballots_in_mobile_boxes"], 3_524_522},
		"stationary boxes":      {lines["ballots_in_stationary_boxes"], 49_107_327},
		"ballots cast":          {tt.BallotsCast, 3_524_522 + 49_107_327},
		"United Russia":         {votes["ER"], 28_527_828},
		"stations reporting":    {int64(tt.StationsReporting), 96_871},
		"stations total":        {int64(tt.StationsTotal), 96_871},
		"protocols w/ warnings": {int64(tt.ProtocolsWithWarnings), 1_473},
	} {
		if got[0] != got[1] {
			t.Errorf("%s = %d, want %d", name, got[0], got[1])
		}
	}
	// 4 stations with more ballots in boxes than issued, 1,469 with more in
	// mobile boxes than issued outside: 1,473 protocols with warnings.
	// United Russia 54.20 % of the ballots in boxes.
	if pct := 100 * tt.Choices[3].Share.Float(); pct < 54.195 || pct >= 54.205 {
		t.Errorf("ER share %.4f %%", pct)
	}
	if tt.Status != tally.UnofficialComplete {
		t.Errorf("status %v", tt.Status)
	}
	// The form declares the CEC's turnout, ballots issued (lines 3+4+5) over
	// registered: 47.88 %, where the ballots in the boxes would give 47.82 %.
	if got := fmt.Sprintf("%.2f", 100*tt.Turnout.Float()); tt.Turnout.Numerator != tally.RoleBallotsIssued ||
		tt.Turnout.Num != tt.BallotsIssued || got != "47.88" || tt.Turnout.Definition != "ballots issued / registered voters" {
		t.Errorf("turnout %s %% = %d / %d (%s), want the CEC's 47.88 %% of ballots issued", got, tt.Turnout.Num, tt.Turnout.Den, tt.Turnout.Definition)
	}
}
