package apportion_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/mandate-project/mandate/services/seats/apportion"
)

// FuzzApportion: random small inputs never panic; valid ones satisfy the
// seat-sum invariant; invalid ones return a ValidationError.
func FuzzApportion(f *testing.F) {
	f.Add(uint8(1), int16(10), uint8(0), uint8(0), int64(100), int64(50), int64(0), uint8(0), uint8(0), int8(0))
	f.Add(uint8(9), int16(7), uint8(1), uint8(2), int64(5), int64(5), int64(5), uint8(3), uint8(1), int8(5))
	f.Add(uint8(12), int16(3), uint8(0), uint8(0), int64(0), int64(9), int64(1), uint8(0), uint8(2), int8(-1))
	f.Fuzz(func(t *testing.T, m uint8, seats int16, minS, maxS uint8, v1, v2, v3 int64, dw uint8, ties uint8, pct int8) {
		ps := []apportion.Party{
			{ID: "a", Votes: v1 % 1_000_000, DistrictWins: int64(dw % 4)},
			{ID: "b", Votes: v2 % 1_000_000, Exempt: dw%2 == 1},
			{ID: "c", Votes: v3 % 1_000_000, BallotOrder: int(dw % 3)},
		}
		r := apportion.Rule{
			Method: apportion.Method(m % 14), Seats: int(seats % 200),
			MinSeatsPerParty: int(minS % 3), MaxSeatsPerParty: int(maxS % 50),
			Ties: apportion.TieRule(ties % 5), Seed: uint64(v1), Overhang: dw%3 == 0,
			RunnerUpGuaranteed: ties%2 == 0,
		}
		if r.Method == apportion.ModifiedSainteLague && pct%3 != 0 {
			r.FirstDivisor = big.NewRat(7, 5)
		}
		if pct != 0 {
			r.Threshold = &apportion.Threshold{Percent: big.NewRat(int64(pct), 3), OrDistrictWinsAtLeast: int64(dw % 3)}
		}
		res, err := apportion.Apportion(ps, r)
		if err != nil {
			var ve *apportion.ValidationError
			if !errors.As(err, &ve) || len(ve.Errors) == 0 {
				t.Fatalf("error %v is not a ValidationError", err)
			}
			return
		}
		if errs := apportion.Validate(ps, r); len(errs) != 0 {
			t.Fatalf("Apportion succeeded but Validate reports %v", errs)
		}
		total := 0
		for _, p := range res.Parties {
			if p.Seats < 0 {
				t.Fatalf("negative seats %+v", p)
			}
			total += p.Seats
		}
		if total != res.Seats-res.Undecided {
			t.Fatalf("seats %d != %d - %d (%+v)", total, res.Seats, res.Undecided, res)
		}
		if res.HouseSize != res.Seats+res.Reserved {
			t.Fatal("house size")
		}
	})
}
