package apportion_test

import (
	"fmt"
	"math/big"

	"github.com/mandate-project/mandate/services/seats/apportion"
)

// Kazakhstan 2012: Hare quota among parties with at least 7% of 6,941,220
// votes; 98 of the 107 Mazhilis seats are distributed here.
func ExampleApportion_kazakhstan2012() {
	parties := []apportion.Party{
		{ID: "Nur Otan", Votes: 5_621_436},
		{ID: "Ak Zhol", Votes: 518_405},
		{ID: "CPPK", Votes: 498_788},
		{ID: "OSDP", Votes: 116_534},
		{ID: "Auyl", Votes: 82_623},
		{ID: "Party of Patriots", Votes: 57_732},
		{ID: "Adilet", Votes: 45_702},
	}
	res, err := apportion.Apportion(parties, apportion.Rule{
		Method:             apportion.Hare,
		Seats:              98,
		Reserved:           9,
		Threshold:          &apportion.Threshold{Percent: big.NewRat(7, 1), Base: 6_941_220},
		RunnerUpGuaranteed: true,
	})
	if err != nil {
		panic(err)
	}
	fmt.Println("quota", res.Quota.RatString(), "house", res.HouseSize)
	for _, p := range res.Parties[:4] {
		if p.Participates {
			fmt.Printf("%-8s %-6s %2d seats (whole %d + remainder %s)\n", p.ID, p.Qualification, p.Seats, p.Whole, p.Remainder.FloatString(2))
		} else {
			fmt.Printf("%-8s %-6s %2d seats (share %s%%)\n", p.ID, p.Qualification, p.Seats, new(big.Rat).Mul(p.Share, big.NewRat(100, 1)).FloatString(2))
		}
	}
	// Output:
	// quota 6638629/98 house 107
	// Nur Otan passed 83 seats (whole 82 + remainder 0.98)
	// Ak Zhol  passed  8 seats (whole 7 + remainder 0.65)
	// CPPK     passed  7 seats (whole 7 + remainder 0.36)
	// OSDP     failed  0 seats (share 1.68%)
}

// D'Hondt: each seat goes to the highest votes/(seats+1); the divisor range
// says which votes-per-seat figures reproduce the result.
func ExampleApportion_dHondt() {
	parties := []apportion.Party{{ID: "A", Votes: 10_000}, {ID: "B", Votes: 6_000}, {ID: "C", Votes: 1_500}}
	res, _ := apportion.Apportion(parties, apportion.Rule{Method: apportion.DHondt, Seats: 8, Steps: true})
	for _, p := range res.Parties {
		fmt.Printf("%s %d seats, needs %d more votes for another\n", p.ID, p.Seats, p.VotesToGain)
	}
	fmt.Println("divisor in (", res.DivisorMin.RatString(), ",", res.DivisorMax.RatString(), "]")
	for _, s := range res.Steps[:3] {
		fmt.Println("seat", s.Seat, res.Parties[s.Party].ID, s.Quotient.RatString())
	}
	// Output:
	// A 5 seats, needs 2001 more votes for another
	// B 3 seats, needs 2001 more votes for another
	// C 0 seats, needs 501 more votes for another
	// divisor in ( 5000/3 , 2000 ]
	// seat 1 A 10000
	// seat 2 B 6000
	// seat 3 A 5000
}

// Huntington-Hill with one seat per state first (US House style). Quotients
// are compared exactly as squares v²/(s(s+1)).
func ExampleApportion_huntingtonHill() {
	states := []apportion.Party{{ID: "X", Votes: 1_000_000}, {ID: "Y", Votes: 450_000}, {ID: "Z", Votes: 90_000}}
	res, _ := apportion.Apportion(states, apportion.Rule{Method: apportion.HuntingtonHill, Seats: 10, MinSeatsPerParty: 1, Steps: true})
	for _, p := range res.Parties {
		lose := fmt.Sprint(p.VotesToLose)
		if p.LoseStatus != apportion.MarginComputed {
			lose = p.LoseStatus.String() // Z's one seat is the minimum: no loss costs it
		}
		fmt.Println(p.ID, p.Seats, "gain", p.VotesToGain, "lose", lose)
	}
	fmt.Println("first priority step:", res.Steps[0].Seat, res.Parties[res.Steps[0].Party].ID, res.Steps[0].Quotient.RatString())
	// Output:
	// X 6 gain 190589 lose 288487
	// Y 3 gain 182456 lose 72035
	// Z 1 gain 168199 lose none
	// first priority step: 4 X 500000000000
}
