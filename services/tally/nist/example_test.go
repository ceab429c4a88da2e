package nist_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/mandate-project/mandate/services/tally/nist"
)

// One party-list contest over a nation with two polling stations, both
// reported. Every count is given at the unit it belongs to; the report links
// the units, parties and counts by "@id".
func ExampleReport() {
	votes := func(a, b int64) nist.UnitResult {
		return nist.UnitResult{Contest: "house", Votes: map[string]int64{"red": a, "blue": b},
			BallotsCast: a + b + 3, Invalid: 3, Valid: a + b, StationsReporting: 1, StationsTotal: 1}
	}
	national := votes(700, 500)
	national.StationsReporting, national.StationsTotal = 2, 2
	e := nist.Election{
		ID: "example", Name: "General election", Date: "2025-05-04",
		Status: "unofficial-complete", Issuer: "Election Commission", Country: "nz",
		GeneratedAt: time.Date(2025, 5, 4, 23, 0, 0, 0, time.UTC),
		Contests: []nist.Contest{{ID: "house", Name: "House", Kind: "party-list", Choices: []nist.Choice{
			{ID: "red", Name: "Red Party", Color: "#cc0000"}, {ID: "blue", Name: "Blue Party", Color: "#0033cc"},
		}}},
		Units: []nist.Unit{
			{ID: "nation", Name: "Nation", Level: "nation", Results: []nist.UnitResult{national}},
			{ID: "p1", Name: "Station 1", Parent: "nation", Level: "station", Registered: 1500, Results: []nist.UnitResult{votes(400, 300)}},
			{ID: "p2", Name: "Station 2", Parent: "nation", Level: "station", Registered: 1000, Results: []nist.UnitResult{votes(300, 200)}},
		},
	}
	b, err := nist.Report(e)
	if err != nil {
		fmt.Println(err)
		return
	}
	var r struct {
		Format, Status string
		GpUnit         []struct {
			ID               string `json:"@id"`
			Type             string
			VotersRegistered int64
		}
		Election []struct {
			Contest []struct {
				ContestSelection []struct {
					PartyIDs   []string `json:"PartyIds"`
					VoteCounts []struct {
						GpUnitID string `json:"GpUnitId"`
						Count    int64
					}
				}
			}
		}
	}
	if err := json.Unmarshal(b, &r); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Format, r.Status)
	for _, u := range r.GpUnit {
		fmt.Printf("%s is a %s of %d voters\n", u.ID, u.Type, u.VotersRegistered)
	}
	for _, s := range r.Election[0].Contest[0].ContestSelection {
		for _, vc := range s.VoteCounts {
			fmt.Printf("%s: %d at %s\n", s.PartyIDs[0], vc.Count, vc.GpUnitID)
		}
	}
	// Output:
	// precinct-level unofficial-complete
	// ru.nation is a country of 2500 voters
	// ru.p1 is a precinct of 1500 voters
	// ru.p2 is a precinct of 1000 voters
	// party.red: 700 at ru.nation
	// party.red: 400 at ru.p1
	// party.red: 300 at ru.p2
	// party.blue: 500 at ru.nation
	// party.blue: 300 at ru.p1
	// party.blue: 200 at ru.p2
}
