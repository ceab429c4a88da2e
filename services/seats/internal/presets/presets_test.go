package presets_test

import (
	"math/big"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/apportion/casefile"
	"github.com/mandate-project/mandate/services/seats/internal/presets"
)

// corpusPresets names the preset of every election of the apportionment
// corpus (../shared/corpus, copied to apportion/testdata/corpus), and the
// legal threshold base when the case states its threshold another way
// (the Dutch case gives the kiesdeler in votes; the preset states it as
// 2/3 % of the valid votes).
var corpusPresets = map[string]struct {
	preset string
	base   int64
}{
	"de_bundestag_2025":       {preset: "de-bundestag-2023"},
	"kz_mazhilis_2007":        {preset: "kz-mazhilis-2007"},
	"kz_mazhilis_2012":        {preset: "kz-mazhilis-2009"},
	"nl_tk_2023":              {preset: "nl-tweede-kamer", base: 10_432_726},
	"np_hor_pr_2022":          {preset: "np-pr"},
	"us_house_1792_jefferson": {preset: "us-house-1792"},
	"us_house_2020":           {preset: "us-house"},
}

// TestPresetsReproduceCorpus applies each corpus election's preset, not the
// rule written in the case, to the case's votes: the official seats must
// come out, so a preset is the law that elected that parliament.
func TestPresetsReproduceCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "apportion", "testdata", "corpus", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("corpus copy not found: %v", err)
	}
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".json")
		t.Run(id, func(t *testing.T) {
			m, ok := corpusPresets[id]
			if !ok {
				t.Fatalf("no preset names the law of corpus case %s: add one", id)
			}
			p, ok := presets.Get(m.preset)
			if !ok {
				t.Fatalf("preset %s does not exist", m.preset)
			}
			c, err := casefile.Load(f)
			if err != nil {
				t.Fatal(err)
			}
			rule := p.Rule
			if rule.Threshold != nil {
				th := *rule.Threshold
				th.Base = m.base
				if th.Base == 0 && c.Threshold != nil {
					th.Base = c.Threshold.OfTotal
				}
				if th.Percent != nil {
					th.Percent = new(big.Rat).Set(th.Percent)
				}
				rule.Threshold = &th
			}
			want, ok := c.Expected()
			if !ok {
				t.Fatal("a party lacks official_seats")
			}
			res, err := apportion.Apportion(c.ApportionParties(), rule)
			if err != nil {
				t.Fatal(err)
			}
			for i, pr := range res.Parties {
				if pr.Seats != want[i] {
					t.Errorf("%s by %s: %s got %d seats, official %d", id, m.preset, pr.ID, pr.Seats, want[i])
				}
			}
		})
	}
}

// TestPresetsCite checks every preset names its law and has a rule the
// engine accepts.
func TestPresetsCite(t *testing.T) {
	for _, p := range presets.All() {
		if len(p.Citations) == 0 || p.DisplayName == "" || p.ThresholdBase == "" {
			t.Errorf("preset %s lacks citations, a display name or its threshold base", p.ID)
		}
	}
}

// A rule that reserves seats says who fills them, so a chart or a note can
// name them ("Assembly of People") instead of "reserved seats"; one that
// reserves none names no one.
func TestReservedSeatsHaveASource(t *testing.T) {
	for _, p := range presets.All() {
		if reserved, named := p.Rule.Reserved > 0, p.ReservedSource != ""; reserved != named {
			t.Errorf("%s: %d reserved seats, source %q", p.ID, p.Rule.Reserved, p.ReservedSource)
		}
	}
}

// TestRuDuma2007 applies ru-duma-2007 to the CEC's final party-list votes
// of the 2007 and 2011 Duma elections (neither is in the corpus) and
// requires the official seats. The threshold base is the sum of the list
// votes here, below the legal base (ballots in the boxes, which also hold
// the invalid ones); no list lies near 7 % of either, so the same lists
// pass and the seats are the same.
func TestRuDuma2007(t *testing.T) {
	type party struct {
		id    string
		votes int64
		want  int
	}
	for _, tc := range []struct {
		year    string
		parties []party
	}{
		{"2007", []party{
			{"ER", 44_714_241, 315}, {"KPRF", 8_046_886, 57}, {"LDPR", 5_660_823, 40}, {"SR", 5_383_639, 38},
			{"Agrarian", 1_600_234, 0}, {"Yabloko", 1_108_985, 0}, {"CivilianPower", 733_604, 0}, {"SPS", 669_444, 0},
			{"Patriots", 615_417, 0}, {"SocialJustice", 154_083, 0}, {"Democratic", 89_780, 0},
		}},
		{"2011", []party{
			{"ER", 32_379_135, 238}, {"KPRF", 12_599_507, 92}, {"SR", 8_695_522, 64}, {"LDPR", 7_664_570, 56},
			{"Yabloko", 2_252_403, 0}, {"Patriots", 639_119, 0}, {"RightCause", 392_806, 0},
		}},
	} {
		t.Run(tc.year, func(t *testing.T) {
			p, ok := presets.Get("ru-duma-2007")
			if !ok {
				t.Fatal("no preset ru-duma-2007")
			}
			var in []apportion.Party
			var base int64
			for _, pa := range tc.parties {
				in = append(in, apportion.Party{ID: pa.id, Votes: pa.votes})
				base += pa.votes
			}
			rule := p.Rule
			th := *rule.Threshold
			th.Base = base
			rule.Threshold = &th
			res, err := apportion.Apportion(in, rule)
			if err != nil {
				t.Fatal(err)
			}
			for i, pr := range res.Parties {
				if pr.Seats != tc.parties[i].want {
					t.Errorf("%s %s: %d seats, official %d", tc.year, pr.ID, pr.Seats, tc.parties[i].want)
				}
			}
		})
	}
}
