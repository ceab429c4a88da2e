package districts_test

import (
	"context"
	"fmt"
	"math/big"

	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/apportion/districts"
)

// A double proportional chamber: 10 seats in two districts. The upper
// apportionment gives the lists their totals, the lower one places them so
// that every district gets its seats.
func ExampleApportion_biproportional() {
	v := func(n int64) *big.Rat { return big.NewRat(n, 1) }
	c := &districts.Chamber{
		Districts: []districts.District{{ID: "north", Seats: 6}, {ID: "south", Seats: 4}},
		Lists: []districts.List{
			{ID: "red", Votes: []*big.Rat{v(3000), v(800)}},
			{ID: "blue", Votes: []*big.Rat{v(2000), v(1600)}},
			{ID: "green", Votes: []*big.Rat{v(1000), v(400)}},
		},
		Rule: districts.Rule{Family: districts.Biproportional, Biproportional: &districts.BiproportionalRule{
			UpperMethod: apportion.SainteLague, LowerMethod: apportion.SainteLague, Weighting: districts.WeightBySeats}},
	}
	res, err := districts.Apportion(context.Background(), c)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range res.Lists {
		fmt.Printf("%-5s %d seats: north %d, south %d\n", l.ID, l.Seats, l.DistrictSeats[0], l.DistrictSeats[1])
	}
	fmt.Println("unique:", res.Unique)
	// Output:
	// red   4 seats: north 3, south 1
	// blue  4 seats: north 2, south 2
	// green 2 seats: north 1, south 1
	// unique: true
}

// Spain-style: D'Hondt in each district among lists with at least 3 % of
// the district's valid votes (blank ballots included in the base).
func ExampleApportion_independent() {
	v := func(n int64) *big.Rat { return big.NewRat(n, 1) }
	c := &districts.Chamber{
		Districts: []districts.District{{ID: "A", Seats: 5, ThresholdBase: 10500}, {ID: "B", Seats: 3}},
		Lists: []districts.List{
			{ID: "x", Votes: []*big.Rat{v(5000), v(2000)}},
			{ID: "y", Votes: []*big.Rat{v(4000), v(3000)}},
			{ID: "z", Votes: []*big.Rat{v(300), v(1000)}},
		},
		Rule: districts.Rule{Family: districts.Independent, Method: apportion.DHondt, DistrictThreshold: big.NewRat(3, 1), Ties: apportion.TieMoreVotes},
	}
	res, err := districts.Apportion(context.Background(), c)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range res.Lists {
		fmt.Printf("%s: A %d (%s), B %d\n", l.ID, l.DistrictSeats[0], l.DistrictQualification[0], l.DistrictSeats[1])
	}
	// Output:
	// x: A 3 (passed), B 1
	// y: A 2 (passed), B 2
	// z: A 0 (failed), B 0
}
