package forensics_test

import (
	"context"
	"fmt"

	"github.com/mandate-project/mandate/services/tally/forensics"
)

// Three stations of a two-party race. Station 2 reports exactly 60 %
// turnout and exactly 75 % for the leader; the null model says how many
// such stations chance alone would give.
func ExampleAnalyze() {
	in := forensics.Input{
		Choices:           []forensics.Choice{{ID: "A", Name: "Party A"}, {ID: "B", Name: "Party B"}},
		TurnoutDefinition: "ballots_issued/registered",
		ShareBase:         "valid",
		Stations: []forensics.Station{
			{ID: "1", Region: "north", Registered: 1234, Voters: 701, Base: 690, Votes: []int64{401, 289}},
			{ID: "2", Region: "north", Registered: 1500, Voters: 900, Base: 880, Votes: []int64{660, 220}},
			{ID: "3", Region: "south", Registered: 987, Voters: 512, Base: 505, Votes: []int64{262, 243}},
		},
	}
	rep, err := forensics.Analyze(context.Background(), in, forensics.Options{Replicates: 1000, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	it := rep.Integer
	fmt.Printf("leader %s with %d votes\n", rep.Leader.ID, rep.Leader.Votes)
	fmt.Printf("whole percentages: %d observed, %.3f expected (SD %.3f)\n", it.Observed, it.Expected, it.SD)
	fmt.Printf("extreme stations: %d\n", rep.Extreme.Count)
	// Output:
	// leader A with 1323 votes
	// whole percentages: 1 observed, 0.472 expected (SD 0.628)
	// extreme stations: 0
}
