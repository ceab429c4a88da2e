package importer_test

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mandate-project/mandate/services/platform/testsupport"
	"github.com/mandate-project/mandate/services/tally/definition"
	"github.com/mandate-project/mandate/services/tally/importer"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// replicatedStations is the size of TestImportRU2016Replicated; `make
// bench-scale` runs the same replication at 1,000,000 through tallyd.
const replicatedStations = 200_000

// TestImportRU2016Replicated: a country larger than the file, made by
// replicating the RU 2016 rows under new station ids (copy k of
// RU2016-R01-U1 is RU2016-R01-U1-K<k>, in the same commissions) until there
// are replicatedStations (MANDATE_SCALE_STATIONS to change it), imported
// into a tally on SQLite. Its national totals, and those of the tally
// rebuilt from the store, must equal every column summed straight from the
// CSV written, with no Mandate code in between.
func TestImportRU2016Replicated(t *testing.T) {
	testsupport.SkipSlow(t)
	n := replicatedStations
	if v := os.Getenv("MANDATE_SCALE_STATIONS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			t.Fatalf("MANDATE_SCALE_STATIONS=%q: want a positive number", v)
		}
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "replicated.csv")
	replicateRU(t, testsupport.RUStations(t), file, n)
	want, rows := sumColumns(t, file)
	if rows != n {
		t.Fatalf("wrote %d rows, want %d", rows, n)
	}

	ctx := context.Background()
	svc, st := newService(t, dir)
	def, err := definition.Load(testsupport.Path(t, "examples", "ru-duma-2016", "election.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.DefineElection(ctx, def.Election); err != nil {
		t.Fatal(err)
	}
	f, err := importer.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	rep, err := importer.Run(ctx, f, def.Election, def.CSV, serviceSink{svc}, importer.Options{})
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d replicated rows imported in %v", rep.Rows, time.Since(start))
	if rep.Rows != n || rep.Accepted != n || rep.Rejected != 0 {
		t.Fatalf("rows %d accepted %d rejected %d: %v", rep.Rows, rep.Accepted, rep.Rejected, rep.Rejections[:min(5, len(rep.Rejections))])
	}
	checkSums(t, "after the import", svc, want, n)
	svc.Close()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	svc2, st2 := newService(t, dir)
	defer st2.Close()
	defer svc2.Close()
	t.Logf("rebuilt from SQLite in %v", time.Since(start))
	checkSums(t, "after a restart", svc2, want, n)
}

// replicateRU writes the first n rows of the RU 2016 file repeated, copy k
// of every station under the id <station_id>-K<k> and the name <uik>/<k>.
func replicateRU(t *testing.T, src, dst string, n int) {
	t.Helper()
	in, err := importer.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	rd := csv.NewReader(bufio.NewReader(in))
	recs, err := rd.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head, body := recs[0], recs[1:]
	sid, uik := column(t, head, "station_id"), column(t, head, "uik")
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(bufio.NewWriter(out))
	if err := w.Write(head); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		row := body[i%len(body)]
		if k := i / len(body); k > 0 {
			row = append([]string(nil), row...)
			row[sid] = fmt.Sprintf("%s-K%d", row[sid], k)
			row[uik] = fmt.Sprintf("%s/%d", row[uik], k)
		}
		if err := w.Write(row); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// sumColumns reads a CSV back and sums every count column: all but the
// station's id and names and the source, which hold no counts.
func sumColumns(t *testing.T, file string) (map[string]int64, int) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rd := csv.NewReader(bufio.NewReader(f))
	head, err := rd.Read()
	if err != nil {
		t.Fatal(err)
	}
	notCounts := map[string]bool{"station_id": true, "region": true, "oik": true, "tik": true, "uik": true, "source_tvd": true}
	sums, rows := map[string]int64{}, 0
	for {
		rec, err := rd.Read()
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			t.Fatal(err)
		}
		rows++
		for i, h := range head {
			if notCounts[h] {
				continue
			}
			v, err := strconv.ParseInt(rec[i], 10, 64)
			if err != nil {
				t.Fatalf("row %d, %s: %v", rows, h, err)
			}
			sums[h] += v
		}
	}
	return sums, rows
}

func column(t *testing.T, head []string, name string) int {
	t.Helper()
	for i, h := range head {
		if h == name {
			return i
		}
	}
	t.Fatalf("no column %s in %v", name, head)
	return -1
}

// checkSums compares the national totals with the columns' sums: every
// line, every party's votes, the registered voters and the stations.
func checkSums(t *testing.T, when string, svc *tally.Service, want map[string]int64, n int) {
	t.Helper()
	tt, err := svc.Totals(context.Background(), "ru-duma-2016", "federal", "")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int64{}
	for _, l := range tt.Lines {
		got[l.Line] = l.Value
	}
	for _, c := range tt.Choices {
		got["votes_"+c.Choice] = c.Votes
	}
	for col, w := range want {
		if g, ok := got[col]; !ok || g != w {
			t.Errorf("%s: %s = %d (present %v), independent sum %d", when, col, g, ok, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: the totals have %d lines and choices, the CSV %d count columns", when, len(got), len(want))
	}
	for name, g := range map[string][2]int64{
		"registered":            {tt.Registered, want["registered"]},
		"stations reporting":    {int64(tt.StationsReporting), int64(n)},
		"stations total":        {int64(tt.StationsTotal), int64(n)},
		"registered (stations)": {tt.RegisteredAllStations, want["registered"]},
	} {
		if g[0] != g[1] {
			t.Errorf("%s: %s = %d, want %d", when, name, g[0], g[1])
		}
	}
	if !strings.HasPrefix(tt.Status.String(), "UNOFFICIAL_COMPLETE") {
		t.Errorf("%s: status %v", when, tt.Status)
	}
}
