package districts

import (
	"context"
	"math/big"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/mandate-project/mandate/services/seats/apportion"
)

// Alternating scaling and tie-and-transfer are independent exact
// algorithms: whenever the apportionment is unique they must agree.
func TestLowerAlgorithmsAgree(t *testing.T) {
	defer func(n int) { scalingRounds = n }(scalingRounds)
	for seed := uint64(1); seed <= 40; seed++ {
		rng := rand.New(rand.NewPCG(seed, 99))
		nd, nl := 2+rng.IntN(6), 2+rng.IntN(6)
		c := &Chamber{Rule: Rule{Family: Biproportional, Biproportional: &BiproportionalRule{
			UpperMethod: apportion.SainteLague, LowerMethod: apportion.SainteLague, DistrictWinnerMinOneSeat: seed%3 == 0}}}
		for i := range nd {
			c.Districts = append(c.Districts, District{ID: "d" + strconv.Itoa(i), Seats: 1 + rng.IntN(12)})
		}
		for j := range nl {
			l := List{ID: "l" + strconv.Itoa(j), Votes: make([]*big.Rat, nd)}
			for i := range nd {
				l.Votes[i] = big.NewRat(1+rng.Int64N(5000), 1)
			}
			c.Lists = append(c.Lists, l)
		}
		scalingRounds = 60
		as, err := Apportion(context.Background(), c)
		if err != nil {
			t.Fatal(err)
		}
		scalingRounds = 1
		tt, err := Apportion(context.Background(), c)
		if err != nil {
			t.Fatal(err)
		}
		if as.Unique != tt.Unique {
			t.Errorf("seed %d: unique %v vs %v", seed, as.Unique, tt.Unique)
		}
		if !as.Unique {
			continue
		}
		for j := range as.Lists {
			for i := range as.Districts {
				if as.Lists[j].DistrictSeats[i] != tt.Lists[j].DistrictSeats[i] {
					t.Errorf("seed %d: cell %d,%d: %d vs %d", seed, j, i, as.Lists[j].DistrictSeats[i], tt.Lists[j].DistrictSeats[i])
				}
			}
		}
	}
}
