package apportion_test

import (
	"os"
	"path/filepath"
	"testing"

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

// TestCorpusShared runs the live corpus at <repo root>/../shared/corpus,
// where the repo root is the directory holding go.work.
func TestCorpusShared(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root := ""
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.work")); err == nil {
			root = d
			break
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if root == "" {
		t.Skip("no go.work above the package directory: cannot locate ../shared/corpus")
	}
	dir := filepath.Join(filepath.Dir(root), "shared", "corpus")
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		t.Skipf("shared corpus %s not present", dir)
	}
	runCorpusDir(t, dir)
}
