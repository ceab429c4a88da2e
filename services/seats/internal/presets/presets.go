// Package presets holds the legal seat-allocation rules of real parliaments as
// data, each with the law it comes from, so a caller can name a preset
// instead of spelling out a rule. Vote counts are never part of a preset.
package presets

import (
	"math/big"
	"sort"

	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/apportion/districts"
)

// Preset is one legal rule.
type Preset struct {
	ID            string // resource id, `presets/{ID}`
	DisplayName   string
	Rule          apportion.Rule // Threshold.Base 0: the caller gives the base
	ThresholdBase string         // what the percentage is taken of, in words
	Citations     []string
	Notes         string
	// Chamber, for a parliament elected in districts, is its rule; Rule is
	// then the zero value.
	Chamber *districts.Rule
	// ReservedSource names who fills Rule.Reserved, for legends.
	ReservedSource string
}

func pct(s string) *big.Rat {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic("presets: bad percentage " + s)
	}
	return r
}

var all = []Preset{
	{
		ID:          "kz-mazhilis-2007",
		DisplayName: "Kazakhstan, Mazhilis party lists (2007 law)",
		Rule: apportion.Rule{Method: apportion.Hare, Seats: 98, Reserved: 9,
			Threshold: &apportion.Threshold{Percent: pct("7")}},
		ThresholdBase: "votes cast for all party lists",
		Citations: []string{
			"Constitutional Law of the Republic of Kazakhstan 'On Elections', No. 2464 of 28 September 1995, art. 97-1 as amended 2007 (7 % threshold, Hare quota, largest remainders)",
			"Constitution of Kazakhstan art. 51 (107 deputies; 9 elected by the Assembly of People of Kazakhstan)",
		},
		Notes:          "98 seats by party lists in one nationwide constituency; the 9 deputies of the Assembly of People are reserved seats, reported but not distributed.",
		ReservedSource: "Assembly of People",
	},
	{
		ID:          "kz-mazhilis-2009",
		DisplayName: "Kazakhstan, Mazhilis party lists (2009 law, runner-up rule)",
		Rule: apportion.Rule{Method: apportion.Hare, Seats: 98, Reserved: 9,
			Threshold: &apportion.Threshold{Percent: pct("7")}, RunnerUpGuaranteed: true},
		ThresholdBase: "votes cast for all party lists",
		Citations: []string{
			"Constitutional Law 'On Elections', art. 97-1 as amended by the law of 19 February 2009 (if only one party passes 7 %, the party with the next most votes also takes part)",
		},
		Notes:          "Applied in 2012 (83 / 8 / 7) and 2016.",
		ReservedSource: "Assembly of People",
	},
	{
		ID:          "ru-duma-2007",
		DisplayName: "Russia, State Duma (2005 law: 450 list seats, 7 %)",
		Rule: apportion.Rule{Method: apportion.Hare, Seats: 450,
			Threshold: &apportion.Threshold{Percent: pct("7")}},
		ThresholdBase: "voters who took part in the voting (ballots found in the ballot boxes)",
		Citations: []string{
			"Federal Law No. 51-FZ of 18 May 2005 'On the Election of Deputies of the State Duma', art. 3 (450 deputies in one federal constituency) and art. 82 (7 % threshold, Hare quota, largest remainders)",
		},
		Notes: "Applied in 2007 (315 / 57 / 40 / 38) and 2011 (238 / 92 / 64 / 56). Not modelled: the rule that lists passing 7 % must hold more than 60 % of the votes with at least two lists (otherwise lists below 7 % join in order of votes), " +
			"the one or two seats the 2009 amendment gave lists with 5-6 % or 6-7 % (no list fell there in 2011), and the distribution of a list's seats among its regional groups.",
	},
	{
		ID:          "ru-duma-2016",
		DisplayName: "Russia, State Duma federal list seats (2014 law)",
		Rule: apportion.Rule{Method: apportion.Hare, Seats: 225, Reserved: 225,
			Threshold: &apportion.Threshold{Percent: pct("5")}},
		ThresholdBase: "ballots found in the ballot boxes (valid + invalid)",
		Citations: []string{
			"Federal Law No. 20-FZ of 22 February 2014 'On the Election of Deputies of the State Duma', art. 88 (5 % threshold, Hare quota, largest remainders) and art. 3 (225 single-member districts)",
		},
		Notes:          "The 225 single-member district seats are reserved; the distribution of a party's seats among its regional groups is not modelled.",
		ReservedSource: "single-member districts",
	},
	{
		ID:          "de-bundestag-2023",
		DisplayName: "Germany, Bundestag (2023 law as upheld in 2024)",
		Rule: apportion.Rule{Method: apportion.SainteLague, Seats: 630,
			Threshold: &apportion.Threshold{Percent: pct("5"), OrDistrictWinsAtLeast: 3}},
		ThresholdBase: "valid second votes",
		Citations: []string{
			"Bundeswahlgesetz as amended 8 June 2023, §§ 4-6 (630 seats, Sainte-Laguë/Schepers, no overhang seats)",
			"BVerfG, 2 BvF 1/23, judgment of 30 July 2024 (the 3-constituency alternative to the 5 % threshold stays in force)",
		},
		Notes: "National-minority parties (SSW) are exempt: mark them exempt. The coverage rule for constituency winners (Zweitstimmendeckung) and the distribution to Land lists are not modelled.",
	},
	{
		ID:          "nl-tweede-kamer",
		DisplayName: "Netherlands, Tweede Kamer",
		Rule: apportion.Rule{Method: apportion.DHondt, Seats: 150,
			Threshold: &apportion.Threshold{Percent: pct("2/3")}},
		ThresholdBase: "total valid votes (one full quota: valid votes / 150)",
		Citations: []string{
			"Kieswet, art. P 5 - P 8 (kiesdeler = valid votes / 150; lists below one kiesdeler excluded; residual seats by highest averages)",
		},
		Notes: "The threshold of one full quota is 100/150 = 2/3 % of the valid votes, stated as an exact fraction. Equivalent to D'Hondt among the qualifying lists; no list combinations since 2017.",
	},
	{
		ID:          "nz-mmp",
		DisplayName: "New Zealand, House of Representatives (MMP)",
		Rule: apportion.Rule{Method: apportion.SainteLague, Seats: 120, Overhang: true,
			Threshold: &apportion.Threshold{Percent: pct("5"), OrDistrictWinsAtLeast: 1}},
		ThresholdBase: "party votes",
		Citations: []string{
			"Electoral Act 1993, s 191 (5 % of party votes or one electorate seat; Sainte-Laguë; overhang seats enlarge the House)",
		},
		Notes: "Give district_wins per party; electorate seats of non-qualifying parties come off the 120 first.",
	},
	{
		ID:          "at-nationalrat-federal",
		DisplayName: "Austria, Nationalrat (federal level)",
		Rule: apportion.Rule{Method: apportion.DHondt, Seats: 183,
			Threshold: &apportion.Threshold{Percent: pct("4"), OrDistrictWinsAtLeast: 1}},
		ThresholdBase: "valid votes in the whole federal territory",
		Citations: []string{
			"Nationalrats-Wahlordnung 1992, § 100 (4 % or one regional seat), § 107 (D'Hondt over the whole territory)",
		},
		Notes: "The federal-level D'Hondt gives each party's total; the regional and Land stages are not modelled. Give regional seats won as district_wins.",
	},
	{
		ID:          "np-pr",
		DisplayName: "Nepal, House of Representatives proportional seats",
		Rule: apportion.Rule{Method: apportion.ModifiedSainteLague, Seats: 110, FirstDivisor: pct("1.4"),
			Threshold: &apportion.Threshold{Percent: pct("3")}},
		ThresholdBase: "valid proportional votes",
		Citations: []string{
			"House of Representatives Member Election Act 2074 (2017), s 60 (3 % threshold, modified Sainte-Laguë with first divisor 1.4)",
		},
		Notes: "Inclusion quotas within lists are not modelled.",
	},
	{
		ID:            "us-house-1792",
		DisplayName:   "United States, House of Representatives apportionment of 1792 (Jefferson's method)",
		Rule:          apportion.Rule{Method: apportion.DHondt, Seats: 105},
		ThresholdBase: "none",
		Citations: []string{
			"Apportionment Act of 14 April 1792, 1 Stat. 253 (one member per 33,000 persons, fractions dropped: Jefferson's method, 105 members after the 1790 census)",
		},
		Notes: "Parties are states and votes their 1790 federal population. A divisor of 33,000 with fractions dropped is Jefferson's (D'Hondt's) method at the 105 seats it produced.",
	},
	{
		ID:            "us-house",
		DisplayName:   "United States, House of Representatives apportionment",
		Rule:          apportion.Rule{Method: apportion.HuntingtonHill, Seats: 435, MinSeatsPerParty: 1},
		ThresholdBase: "none",
		Citations: []string{
			"2 U.S.C. § 2a (method of equal proportions, 435 seats)",
			"U.S. Constitution art. I § 2 (each state at least one representative)",
		},
		Notes: "Parties are states and votes their apportionment population.",
	},
}

// All returns every preset ordered by id.
func All() []Preset {
	out := append(append([]Preset(nil), all...), chambers...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Get returns the preset with the id, and whether it exists.
func Get(id string) (Preset, bool) {
	for _, p := range all {
		if p.ID == id {
			return p, true
		}
	}
	for _, p := range chambers {
		if p.ID == id {
			return p, true
		}
	}
	return Preset{}, false
}

// Nearest returns the id of the preset whose id is the fewest single-letter
// edits (Levenshtein distance) from id, the first in id order on a tie: the
// one a user who misspelt a preset most likely meant.
func Nearest(id string) string {
	best, bestD := "", -1
	for _, p := range All() {
		if d := distance(id, p.ID); bestD < 0 || d < bestD {
			best, bestD = p.ID, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, by bytes (ids are
// ASCII).
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
