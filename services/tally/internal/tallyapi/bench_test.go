package tallyapi_test

import (
	"context"
	"path/filepath"
	"testing"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/testsupport"
	"github.com/mandate-project/mandate/services/tally/tallyclient"
)

// BenchmarkImportRU2016OverGRPC is `mandatectl import csv` of Russia's
// 96,871 protocols through the real adapter over an in-memory connection:
// client CSV reading, units, streaming, validation, SQLite, totals, in one
// process so one CPU profile shows both sides.
func BenchmarkImportRU2016OverGRPC(b *testing.B) {
	data := testsupport.RUStations(b)
	def := filepath.Join(examples(b), "ru-duma-2016", "election.yaml")
	for b.Loop() {
		b.StopTimer()
		c := start(b)
		b.StartTimer()
		if _, err := tallyclient.Define(context.Background(), c, def); err != nil {
			b.Fatal(err)
		}
		rep, err := tallyclient.ImportCSV(context.Background(), c, def, data, nil)
		if err != nil || rep.Accepted != 96871 {
			b.Fatalf("%+v %v", rep, err)
		}
		tot, err := c.GetTotals(context.Background(), &tallyv1.GetTotalsRequest{Name: "elections/ru-duma-2016/contests/federal/totals/ru"})
		if err != nil || tot.GetStationsReporting() != 96871 {
			b.Fatalf("totals %v %v", tot.GetStationsReporting(), err)
		}
	}
	b.ReportMetric(float64(96871*b.N)/b.Elapsed().Seconds(), "protocols/s")
}
