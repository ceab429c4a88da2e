package tallyapi_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
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
		importRU(b, c, def, data)
		tot, err := c.GetTotals(context.Background(), &tallyv1.GetTotalsRequest{Name: "elections/ru-duma-2016/contests/federal/totals/ru"})
		if err != nil || tot.GetStationsReporting() != 96871 {
			b.Fatalf("totals %v %v", tot.GetStationsReporting(), err)
		}
	}
	b.ReportMetric(float64(96871*b.N)/b.Elapsed().Seconds(), "protocols/s")
}

// BenchmarkLiveHeapRU2016 reports what the tally keeps in memory per
// station once Russia's 96,871 protocols are imported (live-B/station:
// the Go heap after a collection, less the heap before the service
// started). It is the figure that decides how often the collector runs
// during a large import under a memory limit (issue 19): the headroom is
// the limit less this times the stations. MANDATE_HEAP_PROFILE=PATH also
// writes the live heap's profile there.
func BenchmarkLiveHeapRU2016(b *testing.B) {
	data := testsupport.RUStations(b)
	def := filepath.Join(examples(b), "ru-duma-2016", "election.yaml")
	var perStation float64
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		c := start(b)
		b.StartTimer()
		importRU(b, c, def, data)
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&after)
		perStation = float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / 96871
		if path := os.Getenv("MANDATE_HEAP_PROFILE"); path != "" {
			f, err := os.Create(path)
			if err != nil {
				b.Fatal(err)
			}
			if err := pprof.WriteHeapProfile(f); err != nil {
				b.Fatal(err)
			}
			f.Close()
		}
		// The service must still be live at the measurement.
		if _, err := c.GetTotals(context.Background(), &tallyv1.GetTotalsRequest{Name: "elections/ru-duma-2016/contests/federal/totals/ru"}); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(perStation, "live-B/station")
}

// importRU defines the RU 2016 election on c and imports its 96,871
// protocols from data, every one accepted.
func importRU(b *testing.B, c tallyv1.TallyServiceClient, def, data string) {
	b.Helper()
	if _, err := tallyclient.Define(context.Background(), c, def); err != nil {
		b.Fatal(err)
	}
	rep, err := tallyclient.ImportCSV(context.Background(), c, def, data, nil)
	if err != nil || rep.Accepted != 96871 {
		b.Fatalf("%+v %v", rep, err)
	}
}
