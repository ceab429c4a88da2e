package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mandate-project/mandate/services/platform/testsupport"
)

// districtCorpus returns the files of ../shared/corpus-districts beside the
// repository.
func districtCorpus(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(testsupport.SharedData(t, "corpus-districts"), "*.json"))
	if len(files) == 0 {
		testsupport.Skip(t, testsupport.Data, "shared district corpus has no cases")
	}
	return files
}

// officialCase is the part of a corpus-districts file the check reads,
// decoded here independently of the casefile package.
type officialCase struct {
	Family  string `json:"family"`
	Parties []struct {
		ID               string         `json:"id"`
		OfficialSeats    map[string]int `json:"official_seats"`
		OfficialLeveling map[string]int `json:"official_leveling_seats"`
	} `json:"parties"`
}

// Every cell of every shared district case through the CLI's JSON.
func TestApportionDistrictCorpusJSON(t *testing.T) {
	for _, f := range districtCorpus(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var want officialCase
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			var out, errOut bytes.Buffer
			if code := Main(context.Background(), []string{"apportion", "--case", f, "--format", "json"}, &out, &errOut); code != 0 {
				t.Fatalf("exit %d: %s", code, errOut.String())
			}
			var got struct {
				Parties []struct {
					ID            string         `json:"id"`
					Name          string         `json:"name"`
					Seats         int            `json:"seats"`
					DistrictSeats map[string]int `json:"district_seats"`
					LevelingSeats map[string]int `json:"leveling_seats"`
				} `json:"parties"`
			}
			if err := json.Unmarshal(out.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if len(got.Parties) != len(want.Parties) {
				t.Fatalf("%d parties, want %d", len(got.Parties), len(want.Parties))
			}
			for j, w := range want.Parties {
				g := got.Parties[j]
				if g.ID != w.ID || g.Name == "" {
					t.Errorf("party %d: id %q name %q, want id %q", j, g.ID, g.Name, w.ID)
				}
				total := 0
				for d, s := range w.OfficialSeats {
					total += s
					if g.DistrictSeats[d] != s {
						t.Errorf("%s in %s: %d seats, official %d", w.ID, d, g.DistrictSeats[d], s)
					}
				}
				for d, s := range g.DistrictSeats {
					if _, ok := w.OfficialSeats[d]; !ok && s != 0 {
						t.Errorf("%s in %s: %d seats where the official result has none", w.ID, d, s)
					}
				}
				if g.Seats != total {
					t.Errorf("%s: %d seats, official %d", w.ID, g.Seats, total)
				}
				if want.Family == "leveling" {
					if g.LevelingSeats == nil {
						t.Errorf("%s: no leveling_seats", w.ID)
					}
					for d, s := range w.OfficialLeveling {
						if g.LevelingSeats[d] != s {
							t.Errorf("%s in %s: %d leveling seats, official %d", w.ID, d, g.LevelingSeats[d], s)
						}
					}
					for d, s := range g.LevelingSeats {
						if w.OfficialLeveling[d] != s {
							t.Errorf("%s in %s: %d leveling seats, official %d", w.ID, d, s, w.OfficialLeveling[d])
						}
					}
				} else if g.LevelingSeats != nil {
					t.Errorf("%s: leveling_seats in a %s chamber", w.ID, want.Family)
				}
			}
		})
	}
}

// Bad input names the field and exits 1, changing nothing.
func TestApportionDistrictCaseInvalid(t *testing.T) {
	base := func() map[string]any {
		return map[string]any{
			"id": "t", "family": "biproportional", "seats": 5,
			"districts": []any{map[string]any{"id": "a", "seats": 3}, map[string]any{"id": "b", "seats": 2}},
			"parties": []any{
				map[string]any{"id": "x", "votes": map[string]any{"a": 300, "b": 100}},
				map[string]any{"id": "y", "votes": map[string]any{"a": 100, "b": "250.5"}},
			},
			"rule": map[string]any{
				"votes_kind": "voter_numbers", "weighting": "none",
				"quorum": map[string]any{"any_district_percent": "5", "total_percent": "3", "combine": "or"},
				"upper":  map[string]any{"method": "sainte_lague"}, "lower": map[string]any{"method": "sainte_lague"},
			},
		}
	}
	votes := func(c map[string]any, j int) map[string]any {
		return c["parties"].([]any)[j].(map[string]any)["votes"].(map[string]any)
	}
	tests := []struct {
		name string
		edit func(map[string]any)
		want string
	}{
		{"valid", func(map[string]any) {}, ""},
		{"unknown district", func(c map[string]any) { votes(c, 1)["atlantis"] = 5 }, `parties[1].votes.atlantis`},
		{"negative votes", func(c map[string]any) { votes(c, 0)["b"] = -1 }, `parties[0].votes.b`},
		{"non-numeric votes", func(c map[string]any) { votes(c, 0)["a"] = "lots" }, `parties[0].votes.a`},
		{"seats do not add up", func(c map[string]any) { c["seats"] = 6 }, "seats: the house has 6 seats"},
		{"quorum above 100", func(c map[string]any) {
			c["rule"].(map[string]any)["quorum"].(map[string]any)["total_percent"] = "100.5"
		}, "rule.biproportional.quorum.total_percent"},
		{"district without seats", func(c map[string]any) { c["districts"].([]any)[1].(map[string]any)["seats"] = 0 }, "districts[1].seats"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := base()
			tc.edit(c)
			b, _ := json.Marshal(c)
			f := filepath.Join(t.TempDir(), "case.json")
			if err := os.WriteFile(f, b, 0o600); err != nil {
				t.Fatal(err)
			}
			var out, errOut bytes.Buffer
			code := Main(context.Background(), []string{"apportion", "--case", f, "--format", "json"}, &out, &errOut)
			if tc.want == "" {
				if code != 0 {
					t.Fatalf("exit %d: %s", code, errOut.String())
				}
				return
			}
			if code != 1 || !strings.Contains(errOut.String(), tc.want) || out.Len() != 0 {
				t.Errorf("exit %d, stderr %q, stdout %d bytes; want exit 1 naming %s", code, errOut.String(), out.Len(), tc.want)
			}
		})
	}
}

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The whole JSON of the Zug case (divisors, stages, closest calls, notes)
// is pinned by a golden file, so any change to the explanation is seen.
func TestApportionDistrictGolden(t *testing.T) {
	var zug string
	for _, f := range districtCorpus(t) {
		if filepath.Base(f) == "ch_zg_kantonsrat_2018.json" {
			zug = f
		}
	}
	if zug == "" {
		t.Skip("Zug case not present")
	}
	var out, errOut bytes.Buffer
	if code := Main(context.Background(), []string{"apportion", "--case", zug, "--format", "json"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	golden := filepath.Join("testdata", "ch_zg_kantonsrat_2018.golden.json")
	if *updateGolden {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("output differs from %s (go test -run Golden -update to accept)", golden)
	}
}
