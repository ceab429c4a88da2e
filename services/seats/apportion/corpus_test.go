package apportion_test

import (
	"path/filepath"
	"testing"

	"github.com/mandate-project/mandate/services/platform/testsupport"
	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/apportion/casefile"
)

// runCorpusDir checks every *.json case in dir reproduces official_seats.
func runCorpusDir(t *testing.T, dir string) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no *.json cases in %s", dir)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			c, err := casefile.Load(f)
			if err != nil {
				t.Fatal(err)
			}
			rule, err := c.Rule()
			if err != nil {
				t.Fatal(err)
			}
			want, ok := c.Expected()
			if !ok {
				t.Fatalf("%s: a party lacks official_seats", c.ID)
			}
			res, err := apportion.Apportion(c.ApportionParties(), rule)
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range res.Parties {
				if p.Seats != want[i] {
					t.Errorf("%s: %s got %d seats, official %d", c.ID, p.ID, p.Seats, want[i])
				}
			}
			if res.Undecided != 0 {
				t.Errorf("%s: %d undecided seats", c.ID, res.Undecided)
			}
		})
	}
}

func TestCorpusTestdata(t *testing.T) { runCorpusDir(t, filepath.Join("testdata", "corpus")) }

// TestCorpusShared runs the live corpus in ../shared/corpus beside the
// repository.
func TestCorpusShared(t *testing.T) {
	dir := testsupport.SharedData(t, "corpus")
	runCorpusDir(t, dir)
}
