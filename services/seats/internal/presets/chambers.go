package presets

import (
	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/apportion/districts"
)

// storting is the Norwegian rule shared by the presets before and after the
// 2020 county merger: only the constituencies' borders and the population
// figures behind the district apportionment changed.
func storting() *districts.Rule {
	return &districts.Rule{
		Family: districts.Leveling, Method: apportion.ModifiedSainteLague, FirstDivisor: pct("1.4"),
		Leveling: &districts.LevelingRule{
			ThresholdPercent: pct("4"), NationalSeats: 169,
			NationalMethod: apportion.ModifiedSainteLague, NationalFirstDivisor: pct("1.4"),
			ZeroSeatDivisor: pct("1"),
		},
		DistrictApportionment: &districts.DistrictApportionment{Seats: 169, Method: apportion.SainteLague, AreaFactor: pct("1.8")},
	}
}

// swissBiproportional is the double proportional rule with Sainte-Laguë
// upper and lower apportionment on party votes divided by district seats.
func swissBiproportional(q *districts.Quorum, winner bool) *districts.Rule {
	return &districts.Rule{
		Family: districts.Biproportional,
		Biproportional: &districts.BiproportionalRule{
			UpperMethod: apportion.SainteLague, LowerMethod: apportion.SainteLague,
			Weighting: districts.WeightBySeats, Quorum: q, DistrictWinnerMinOneSeat: winner,
		},
	}
}

// zurich: quorum in one district only, voter numbers rounded to integers.
func zurich() *districts.Rule {
	r := swissBiproportional(&districts.Quorum{AnyDistrictPercent: pct("5")}, false)
	r.Biproportional.RoundWeights = true
	return r
}

// chambers are the presets of parliaments elected in districts. Their
// district lists and seats are data of the election, not of the preset:
// the caller sends them with the votes.
var chambers = []Preset{
	{
		ID:          "es-congreso",
		DisplayName: "Spain, Congreso de los Diputados (per province)",
		Chamber: &districts.Rule{
			Family: districts.Independent, Method: apportion.DHondt, DistrictThreshold: pct("3"),
			Ties: apportion.TieMoreVotes,
		},
		ThresholdBase: "valid votes cast in the province: votes for candidacies plus blank ballots (districts[].threshold_base)",
		Citations: []string{
			"Constitución Española art. 68 (the province is the constituency; Ceuta and Melilla one deputy each)",
			"Ley Orgánica 5/1985 del Régimen Electoral General (LOREG) art. 162 (350 deputies; two per province, one each for Ceuta and Melilla, the rest by population)",
			"LOREG art. 163.1 a) (candidacies below 3 % of the province's valid votes are not counted), b) (D'Hondt), c) (equal quotients: the candidacy with more votes; equal votes: lot)",
		},
		Notes: "Each province's seats are given with the request (the seats per province are fixed by decree before the election). A tie of quotients between candidacies with equal votes is settled by lot in the law (first by lot, later ones alternately); here it falls back to ballot order, so give ballot_order or use the lot tie rule for that rare case.",
	},
	{
		ID:            "no-storting-2005",
		DisplayName:   "Norway, Storting (19 county constituencies, 2005-2017)",
		Chamber:       storting(),
		ThresholdBase: "all votes for party lists nationwide (leveling threshold)",
		Citations: []string{
			"Kongeriket Noregs grunnlov § 57 (169 members; seats to constituencies by inhabitants plus 1.8 x area in km², every eight years; one leveling seat per constituency), § 59 (modified Sainte-Laguë with first divisor 1.4; 4 % of the national vote for leveling seats)",
			"Lov om valg til Stortinget, fylkesting og kommunestyrer (valgloven) of 28 June 2002 no. 57, ch. 11 (district seats, national distribution with the district seats of lists below 4 % subtracted and over-represented parties excluded, placement of leveling seats by votes / (2 x seats + 1, or 1) / votes per district seat)",
		},
		Notes: "Constituencies are the 19 counties. District seats: seats minus the one leveling seat, all lists, no threshold. Equal quotients in the district apportionment go to the larger distribution figure, as the law says; equal figures (the law: lot) are reported as an error instead of being drawn.",
	},
	{
		ID:            "no-storting-2021",
		DisplayName:   "Norway, Storting (19 constituencies after the 2020 county merger, from 2021)",
		Chamber:       storting(),
		ThresholdBase: "all votes for party lists nationwide (leveling threshold)",
		Citations: []string{
			"Kongeriket Noregs grunnlov §§ 57 and 59 (as for 2005-2017)",
			"Valgloven 2002 ch. 11 as amended for the 2020 regional reform: the Storting constituencies stay the 19 former counties (with their 2020 borders) although the counties were merged; seats to constituencies recomputed for 2021 from the population at the end of 2019",
		},
		Notes: "The rule is unchanged; what changed in 2021 is the constituencies' borders and population figures and so their seats (Akershus +2, Oslo +1; Buskerud, Møre og Romsdal and Oppland -1). Send the constituencies with population and area to have the seats computed. Not checked against the Election Act of 2023.",
	},
	{
		ID:            "ch-zg-kantonsrat",
		DisplayName:   "Switzerland, Canton of Zug, Kantonsrat (double proportional)",
		Chamber:       swissBiproportional(&districts.Quorum{AnyDistrictPercent: pct("5"), TotalPercent: pct("3")}, false),
		ThresholdBase: "party votes as cast (quorum shares per district and cantonwide)",
		Citations: []string{
			"Wahl- und Abstimmungsgesetz des Kantons Zug (WAG, BGS 131.1) § 52c Abs. 3 (a list group takes part with >= 5 % of the party votes in one municipality or >= 3 % in the canton)",
			"Swiss Federal Supreme Court 1C_546/2014 of 9 December 2014 (Zug's quorum upheld)",
		},
		Notes: "80 seats in the 11 municipalities. Upper apportionment: party votes / district seats summed over the canton, Sainte-Laguë; lower apportionment: biproportional, standard rounding. No district-winner condition.",
	},
	{
		ID:            "ch-zh-kantonsrat",
		DisplayName:   "Switzerland, Canton of Zurich, Kantonsrat (double proportional, district quorum only)",
		Chamber:       zurich(),
		ThresholdBase: "party votes as cast in each district",
		Citations: []string{
			"Gesetz über die politischen Rechte des Kantons Zürich (GPR, LS 161) § 102 (a list group takes part with >= 5 % of the party votes in at least one district), §§ 103-105 (upper and lower apportionment by Sainte-Laguë)",
		},
		Notes: "The quorum variant without a cantonwide branch. 180 seats in 18 districts. The voter numbers (party votes / district seats) are rounded to whole numbers before they are summed.",
	},
	{
		ID:            "ch-biproportional-winner",
		DisplayName:   "Double proportional with the district-winner condition (variant)",
		Chamber:       swissBiproportional(&districts.Quorum{AnyDistrictPercent: pct("5"), TotalPercent: pct("3")}, true),
		ThresholdBase: "party votes as cast",
		Citations: []string{
			"F. Pukelsheim, Proportional Representation, 2nd ed. (Springer 2017), ch. 14-15 (biproportional divisor method with standard rounding; the 'winner take one' district condition)",
		},
		Notes: "A variant, not a canton's law: the Zug quorum with the condition that the list with the most votes in a district gets at least one seat there (as in Graubünden and Uri). Ties for first place: without district_winner_tie_exception the guarantee goes to every tied list when the district has enough seats.",
	},
}
