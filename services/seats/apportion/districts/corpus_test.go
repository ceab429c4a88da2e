package districts_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/mandate-project/mandate/services/platform/testsupport"
	"github.com/mandate-project/mandate/services/seats/apportion/casefile"
	"github.com/mandate-project/mandate/services/seats/apportion/districts"
)

// sharedDistrictCorpus is ../shared/corpus-districts beside the repository.
func sharedDistrictCorpus(t testing.TB) string {
	t.Helper()
	return testsupport.SharedData(t, "corpus-districts")
}

func TestCorpusDistrictsShared(t *testing.T) {
	dir := sharedDistrictCorpus(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in %s (%v)", dir, err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			c, err := casefile.LoadDistricts(f)
			if err != nil {
				t.Fatal(err)
			}
			res, err := districts.Apportion(context.Background(), &c.Chamber)
			if err != nil {
				t.Fatal(err)
			}
			checkOfficial(t, c, res)
		})
	}
}

func checkOfficial(t *testing.T, c *casefile.DistrictCase, res *districts.Result) {
	t.Helper()
	for j, l := range res.Lists {
		for i, d := range res.Districts {
			if got, want := l.DistrictSeats[i], c.Official[j][i]; got != want {
				t.Errorf("%s: %s in %s: %d seats, official %d", c.ID, l.ID, d.ID, got, want)
			}
			if c.OfficialLeveling != nil {
				if got, want := l.DistrictLeveling[i], c.OfficialLeveling[j][i]; got != want {
					t.Errorf("%s: %s in %s: %d leveling seats, official %d", c.ID, l.ID, d.ID, got, want)
				}
			}
		}
	}
	if res.Undecided != 0 || !res.Unique {
		t.Errorf("%s: undecided %d, unique %v", c.ID, res.Undecided, res.Unique)
	}
}

// Zug 2018 gives the same matrix with the district-winner condition (as
// proporz models it) and with each weighted cell rounded to a whole number,
// as the corpus notes say.
func TestCorpusZugVariants(t *testing.T) {
	dir := sharedDistrictCorpus(t)
	c, err := casefile.LoadDistricts(filepath.Join(dir, "ch_zg_kantonsrat_2018.json"))
	if err != nil {
		t.Skip(err)
	}
	for name, mod := range map[string]func(*districts.BiproportionalRule){
		"winner":  func(b *districts.BiproportionalRule) { b.DistrictWinnerMinOneSeat = true },
		"rounded": func(b *districts.BiproportionalRule) { b.RoundWeights = true },
	} {
		t.Run(name, func(t *testing.T) {
			cc := c.Chamber
			cc.Rule = c.Chamber.Rule.Clone()
			mod(cc.Rule.Biproportional)
			res, err := districts.Apportion(context.Background(), &cc)
			if err != nil {
				t.Fatal(err)
			}
			checkOfficial(t, c, res)
		})
	}
}
