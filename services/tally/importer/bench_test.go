package importer_test

import (
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/mandate-project/mandate/services/platform/testsupport"
	"github.com/mandate-project/mandate/services/tally/importer"
)

// BenchmarkImportRU2016 is the whole pipeline on the real file: read the
// gzip CSV, build units, validate every protocol against the form, store it
// durably in SQLite (WAL, synchronous=FULL) and update the totals.
func BenchmarkImportRU2016(b *testing.B) {
	testsupport.RUStations(b)
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		b.StartTimer()
		_, st, rep := importRU(b, dir)
		b.StopTimer()
		if rep.Accepted != 96871 {
			b.Fatalf("accepted %d", rep.Accepted)
		}
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(96871*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkRawInsertRU2016 is the floor to compare with: the same rows,
// already parsed, inserted with one prepared statement in one transaction
// into a flat table (no validation, no hierarchy, no versions, no indexes
// but the primary key), same pragmas.
func BenchmarkRawInsertRU2016(b *testing.B) {
	f, err := importer.Open(testsupport.RUStations(b))
	if err != nil {
		b.Fatal(err)
	}
	cr := csv.NewReader(f)
	header, _ := cr.Read()
	var rows [][]any
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		row := make([]any, len(rec))
		for i, v := range rec {
			if n, err := strconv.ParseInt(v, 10, 64); err == nil && i >= 5 {
				row[i] = n
			} else {
				row[i] = v
			}
		}
		rows = append(rows, row)
	}
	f.Close()
	cols := strings.Join(header, ", ")
	ph := strings.TrimSuffix(strings.Repeat("?, ", len(header)), ", ")
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		db, err := sql.Open("sqlite", "file:"+filepath.Join(b.TempDir(), "raw.db")+
			"?_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=busy_timeout(10000)")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.Exec(`CREATE TABLE raw (` + cols + `, PRIMARY KEY (station_id))`); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		st, err := tx.Prepare(`INSERT INTO raw (` + cols + `) VALUES (` + ph + `)`)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range rows {
			if _, err := st.Exec(r...); err != nil {
				b.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(len(rows)*b.N)/b.Elapsed().Seconds(), "rows/s")
}
