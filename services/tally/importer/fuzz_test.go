package importer_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/mandate-project/mandate/services/platform/testsupport"
	"github.com/mandate-project/mandate/services/tally/definition"
	"github.com/mandate-project/mandate/services/tally/form"
	"github.com/mandate-project/mandate/services/tally/importer"
)

// checkSink validates each row against the form without storing it, so the
// fuzzer spends its time in the importer, not in SQLite.
type checkSink struct {
	contest form.Contest
	units   map[string]form.Unit
}

func (s *checkSink) AddUnits(_ context.Context, _ string, units []form.Unit) (int, error) {
	for _, u := range units {
		s.units[u.ID] = u
	}
	return len(units), nil
}

func (s *checkSink) Import(_ context.Context, subs []form.Submission) ([]importer.Result, error) {
	out := make([]importer.Result, len(subs))
	for i, sub := range subs {
		_, err := form.ValidateProtocol(s.contest, sub)
		out[i].Err = err
	}
	return out, nil
}

// FuzzImportCSV feeds arbitrary bytes as the protocols file of the RU 2016
// definition (units from hierarchy columns, every line mapped): the
// importer never panics, and every data row is either accepted or reported
// as rejected with its line.
func FuzzImportCSV(f *testing.F) {
	def, err := definition.Load(testsupport.Path(f, "examples", "ru-duma-2016", "election.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	// Seed: the header and first rows of the real file when present, and a
	// few malformed shapes.
	if p := filepath.Join(filepath.Dir(testsupport.RepoRoot(f)), "shared", "data", "ru_duma_2016", "stations.csv.gz"); fileExists(p) {
		r, err := importer.Open(p)
		if err != nil {
			f.Fatal(err)
		}
		head := make([]byte, 4096)
		n, _ := r.Read(head)
		r.Close()
		f.Add(head[:n])
	}
	f.Add([]byte("region,oik\n\"unterminated\n"))
	f.Add([]byte("\xef\xbb\xbfa,b,c\n1,2\n"))
	f.Add([]byte{0x1f, 0x8b, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		var contest form.Contest
		for _, c := range def.Election.Contests {
			if c.ID == def.CSV.Contest {
				contest = c
			}
		}
		sink := &checkSink{contest: contest, units: map[string]form.Unit{}}
		for _, u := range def.Election.Units { // defined with the election
			sink.units[u.ID] = u
		}
		rep, err := importer.Run(context.Background(), bytes.NewReader(data), def.Election, def.CSV, sink, importer.Options{BatchSize: 7})
		if err != nil {
			return // a malformed file as a whole: refused with an error
		}
		if rep.Accepted+rep.Replayed+rep.Rejected != rep.Rows || len(rep.Rejections) != rep.Rejected {
			t.Fatalf("report does not add up: %+v", rep.Progress)
		}
		for _, u := range sink.units {
			if u.Parent != "" {
				if _, ok := sink.units[u.Parent]; !ok {
					t.Fatalf("unit %s added before its parent %s", u.ID, u.Parent)
				}
			}
		}
	})
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
