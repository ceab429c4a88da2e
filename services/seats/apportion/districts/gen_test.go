package districts_test

import (
	"math/big"
	"math/rand/v2"
	"strconv"

	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/apportion/districts"
)

// synthetic builds a reproducible chamber: nd districts sharing seats
// seats (each at least one), nl lists whose strength varies by district.
func synthetic(seed uint64, nd, nl, seats int, fam districts.Family) *districts.Chamber {
	rng := rand.New(rand.NewPCG(seed, 7))
	c := &districts.Chamber{}
	left := seats
	for i := range nd {
		s := seats / nd
		if i < seats%nd {
			s++
		}
		if s == 0 {
			s = 1
		}
		left -= s
		c.Districts = append(c.Districts, districts.District{ID: "d" + strconv.Itoa(i), Seats: s})
	}
	strength := make([]int64, nl)
	for j := range nl {
		strength[j] = 1 + rng.Int64N(1000)*rng.Int64N(1000)/100
	}
	for j := range nl {
		l := districts.List{ID: "l" + strconv.Itoa(j), Votes: make([]*big.Rat, nd)}
		for i := range nd {
			if fam != districts.Leveling && rng.IntN(10) == 0 {
				continue // did not stand here
			}
			v := strength[j]*int64(50+rng.IntN(100)) + rng.Int64N(1000)
			l.Votes[i] = big.NewRat(v, 1)
		}
		c.Lists = append(c.Lists, l)
	}
	// every district needs votes
	for i := range nd {
		c.Lists[0].Votes[i] = big.NewRat(strength[0]*100+1, 1)
	}
	switch fam {
	case districts.Independent:
		c.Rule = districts.Rule{Family: districts.Independent, Method: apportion.DHondt, DistrictThreshold: big.NewRat(3, 1), Ties: apportion.TieMoreVotes}
	case districts.Biproportional:
		c.Rule = districts.Rule{Family: districts.Biproportional, Biproportional: &districts.BiproportionalRule{
			UpperMethod: apportion.SainteLague, LowerMethod: apportion.SainteLague,
			Quorum: &districts.Quorum{AnyDistrictPercent: big.NewRat(5, 1), TotalPercent: big.NewRat(3, 1)},
		}}
	case districts.Leveling:
		for i := range c.Districts {
			c.Districts[i].Seats++
			c.Districts[i].LevelingSeats = 1
		}
		c.Rule = districts.Rule{Family: districts.Leveling, Method: apportion.ModifiedSainteLague, FirstDivisor: big.NewRat(7, 5),
			Leveling: &districts.LevelingRule{ThresholdPercent: big.NewRat(4, 1), NationalMethod: apportion.ModifiedSainteLague,
				NationalFirstDivisor: big.NewRat(7, 5), ZeroSeatDivisor: big.NewRat(1, 1)}}
	}
	return c
}
