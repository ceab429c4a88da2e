package apportion

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"
)

func benchInput(parties int) []Party {
	rng := rand.New(rand.NewPCG(42, 42))
	ps := make([]Party, parties)
	for i := range ps {
		// Skewed sizes like real party systems: a few large, many small.
		v := int64(1000 + rng.IntN(1000))
		if rng.IntN(20) == 0 {
			v *= 1000
		} else if rng.IntN(5) == 0 {
			v *= 50
		}
		ps[i] = Party{ID: fmt.Sprint(i), Votes: v}
	}
	return ps
}

// BenchmarkDivisor compares jump-and-step (Apportion, full result with the
// first MaxSteps steps) with the seat-by-seat reference on the same input.
func BenchmarkDivisor(b *testing.B) {
	ps := benchInput(10_000)
	votes := make([]int64, len(ps))
	for i, p := range ps {
		votes[i] = p.Votes
	}
	methods := []Method{DHondt, SainteLague, ModifiedSainteLague, Adams, Dean, HuntingtonHill, ImperialiDivisor, Danish}
	for _, m := range methods {
		for _, seats := range []int{100_000, 1_000_000} {
			rule := Rule{Method: m, Seats: seats, Steps: true}
			d := divSpec{m: m}
			if m == ModifiedSainteLague {
				rule.FirstDivisor = ratFrac(7, 5)
				d.fn, d.fd = 7, 5
			}
			b.Run(fmt.Sprintf("jump/%s/10000x%d", m, seats), func(b *testing.B) {
				for b.Loop() {
					if _, err := Apportion(ps, rule); err != nil {
						b.Fatal(err)
					}
				}
			})
			lo, hi := make([]int, len(votes)), make([]int, len(votes))
			for i := range hi {
				hi[i] = seats
			}
			b.Run(fmt.Sprintf("jumpcore/%s/10000x%d", m, seats), func(b *testing.B) {
				for b.Loop() {
					d.jump(votes, lo, hi, seats)
				}
			})
			b.Run(fmt.Sprintf("stepwise/%s/10000x%d", m, seats), func(b *testing.B) {
				for b.Loop() {
					apportionStepwiseForBench(d, votes, lo, hi, seats)
				}
			})
		}
	}
}

func apportionStepwiseForBench(d divSpec, votes []int64, lo, hi []int, S int) []int {
	return d.stepwise(votes, lo, hi, S)
}

func ratFrac(a, b int64) *big.Rat { return big.NewRat(a, b) }

// BenchmarkMargins: the full result with margins (and without award steps)
// for 1,000 parties and 10,000 seats, every method, plain and with a 0.1%
// threshold and the runner-up rule (issue 16's target: <= 50 ms each).
func BenchmarkMargins(b *testing.B) {
	ps := benchInput(1_000)
	for _, m := range []Method{DHondt, SainteLague, ModifiedSainteLague, Adams, Dean, HuntingtonHill, ImperialiDivisor, Danish, Hare, Droop, HagenbachBischoff, ImperialiQuota} {
		for _, variant := range []string{"plain", "threshold"} {
			rule := Rule{Method: m, Seats: 10_000}
			if m == ModifiedSainteLague {
				rule.FirstDivisor = ratFrac(7, 5)
			}
			if variant == "threshold" {
				rule.Threshold = &Threshold{Percent: ratFrac(1, 10)}
				rule.RunnerUpGuaranteed = true
			}
			b.Run(fmt.Sprintf("%s/%s/1000x10000", m, variant), func(b *testing.B) {
				for b.Loop() {
					res, err := Apportion(ps, rule)
					if err != nil {
						b.Fatal(err)
					}
					if res.Parties[0].GainStatus == MarginNotComputed {
						b.Fatal("margins not computed")
					}
				}
			})
		}
	}
}

// BenchmarkMargins150 is issue 16's comparison point: 150 parties and
// 10,000 seats with margins (27 ms before, as slow as a Python peer).
func BenchmarkMargins150(b *testing.B) {
	ps := benchInput(150)
	for _, m := range []Method{DHondt, SainteLague, Hare, Droop, HagenbachBischoff, ImperialiQuota} {
		rule := Rule{Method: m, Seats: 10_000}
		b.Run(fmt.Sprintf("%s/150x10000", m), func(b *testing.B) {
			for b.Loop() {
				if _, err := Apportion(ps, rule); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
