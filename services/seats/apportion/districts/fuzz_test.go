package districts_test

import (
	"context"
	"errors"
	"math/big"
	"testing"

	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/apportion/districts"
)

// FuzzChamber: small chambers of every family built from the fuzzer's
// bytes never panic; valid ones fill every district exactly, invalid ones
// are a ValidationError.
func FuzzChamber(f *testing.F) {
	f.Add(uint8(0), []byte{3, 2, 10, 20, 30, 40, 50, 60, 5, 5, 5, 5}, uint8(5), uint8(3))
	f.Add(uint8(1), []byte{4, 3, 1, 200, 7, 7, 7, 7, 90, 1, 1, 2, 3, 4}, uint8(5), uint8(0))
	f.Add(uint8(2), []byte{5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, uint8(4), uint8(1))
	f.Fuzz(func(t *testing.T, fam uint8, data []byte, pct, ties uint8) {
		if len(data) < 3 {
			return
		}
		nd, nl := 1+int(data[0]%5), 1+int(data[1]%6)
		data = data[2:]
		at := func(k int) int64 { return int64(data[k%len(data)]) }
		c := &districts.Chamber{}
		family := districts.Family(1 + fam%3)
		for i := range nd {
			d := districts.District{ID: string(rune('a' + i)), Seats: int(at(i)%9) - 1}
			if family == districts.Leveling {
				d.Seats++
				d.LevelingSeats = 1
			}
			c.Districts = append(c.Districts, d)
		}
		for j := range nl {
			l := districts.List{ID: string(rune('p' + j)), Votes: make([]*big.Rat, nd)}
			for i := range nd {
				v := at(nd+j*nd+i) * at(j+i+7)
				if v%7 == 3 {
					v = -v
				}
				l.Votes[i] = big.NewRat(v, 1+int64(fam/3%2)*((v%3+3)%3))
			}
			c.Lists = append(c.Lists, l)
		}
		p := big.NewRat(int64(pct), 4)
		c.Rule = districts.Rule{Family: family, Ties: apportion.TieRule(ties % 4)}
		switch family {
		case districts.Independent:
			c.Rule.Method = apportion.Method(1 + ties%12)
			if c.Rule.Method == apportion.ModifiedSainteLague {
				c.Rule.FirstDivisor = big.NewRat(7, 5)
			}
			c.Rule.DistrictThreshold = p
		case districts.Biproportional:
			c.Rule.Ties = 0
			c.Rule.Biproportional = &districts.BiproportionalRule{UpperMethod: apportion.Method(1 + ties%3), LowerMethod: apportion.SainteLague,
				Quorum: &districts.Quorum{AnyDistrictPercent: p, TotalPercent: new(big.Rat).Quo(p, big.NewRat(2, 1))}, DistrictWinnerMinOneSeat: ties%2 == 0}
		case districts.Leveling:
			c.Rule.Method, c.Rule.FirstDivisor = apportion.ModifiedSainteLague, big.NewRat(7, 5)
			c.Rule.Leveling = &districts.LevelingRule{ThresholdPercent: p, NationalMethod: apportion.ModifiedSainteLague,
				NationalFirstDivisor: big.NewRat(7, 5), ZeroSeatDivisor: big.NewRat(1, 1)}
		}
		res, err := districts.Apportion(context.Background(), c)
		if err != nil {
			var ve *apportion.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("not a validation error: %v", err)
			}
			return
		}
		for i, d := range res.Districts {
			sum := 0
			for _, l := range res.Lists {
				sum += l.DistrictSeats[i]
			}
			if und := undecidedIn(res, i); sum+und != d.Seats {
				t.Fatalf("district %s: %d + %d undecided of %d seats", d.ID, sum, und, d.Seats)
			}
		}
	})
}
