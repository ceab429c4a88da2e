package forensics

import (
	"context"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

func TestIntegerHitBoundaries(t *testing.T) {
	tests := []struct {
		name string
		x, n int64
		want bool
	}{
		{"exact whole percentage", 1, 20, true},                     // 5 %
		{"zero", 0, 500, true},                                      // 0 %
		{"lower edge of 0 included", 1, 2000, true},                 // 0.05 %
		{"upper edge of 1 included", 21, 2000, true},                // 1.05 %: a float test says 0.050000000000000044 > 0.05
		{"lower edge of 2 included", 39, 2000, true},                // 1.95 %
		{"just outside", 22, 2000, false},                           // 1.10 %
		{"just outside, large n", 10501, 1_000_000, false},          // 1.0501 %
		{"edge, large n", 10500, 1_000_000, true},                   // 1.0500 %
		{"one voter in three thousand", 1, 3000, true},              // 0.0333 %
		{"two voters in three thousand", 2, 3000, false},            // 0.0667 %
		{"half a point is not whole", 1, 200, false},                // 0.5 %
		{"99 % counts", 99, 100, true},                              // 99 %
		{"99.03 % is above 99 % and excluded", 9903, 10000, false},  // near 99 but above it
		{"98.97 % counts", 9897, 10000, true},                       // near 99, below it
		{"100 % is excluded", 250, 250, false},                      // everyone voted
		{"above 100 % is excluded", 251, 250, false},                // more voters than registered
		{"no registered voters", 0, 0, false},                       // undefined
		{"an ordinary station", 1234, 2345, false},                  // 52.62 %
		{"50 % exactly", 1000, 2000, true},                          // 50 %
		{"49.95 % edge", 999, 2000, true},                           // 49.95 %
		{"49.9473 % just outside", 949, 1900, false},                // 49.947 %
		{"a huge station", 333_333_333_333, 999_999_999_999, false}, // 33.33 %
		{"a huge whole percentage", 250_000_000_000, 999_999_999_999, true},
	}
	for _, tt := range tests {
		if got := integerHit(tt.x, tt.n, DefaultIntegerHalfWidth, DefaultIntegerMaxPercent); got != tt.want {
			t.Errorf("%s: integerHit(%d, %d) = %v, want %v", tt.name, tt.x, tt.n, got, tt.want)
		}
	}
}

// ratHit is the definition in exact rational arithmetic: some whole m with
// |100·x/n − m| ≤ w/100, and 100·x/n ≤ maxPct.
func ratHit(x, n, w, maxPct int64) bool {
	if n <= 0 {
		return false
	}
	v := big.NewRat(100*x, n)
	if v.Cmp(big.NewRat(maxPct, 1)) > 0 {
		return false
	}
	tol := big.NewRat(w, 100)
	// The only candidates are the whole numbers just below and above.
	floor := new(big.Int).Quo(big.NewInt(100*x), big.NewInt(n))
	for _, m := range []*big.Int{floor, new(big.Int).Add(floor, big.NewInt(1))} {
		d := new(big.Rat).Sub(v, new(big.Rat).SetInt(m))
		if d.Abs(d).Cmp(tol) <= 0 {
			return true
		}
	}
	return false
}

// TestIntegerHitExhaustive compares the integer test and the windows used
// for the probabilities with exact rationals, for every count of every
// station size up to 300 and a few window widths and caps.
func TestIntegerHitExhaustive(t *testing.T) {
	for _, w := range []int64{1, 5, 49} {
		for _, maxPct := range []int64{99, 100} {
			for n := int64(1); n <= 300; n++ {
				inWindow := make([]bool, n+1)
				for m := int64(0); m <= 100; m++ {
					lo, hi := window(m, n, w, maxPct)
					for k := lo; k <= hi; k++ {
						inWindow[k] = true
					}
				}
				for x := int64(0); x <= n; x++ {
					want := ratHit(x, n, w, maxPct)
					if got := integerHit(x, n, w, maxPct); got != want {
						t.Fatalf("w=%d max=%d: integerHit(%d, %d) = %v, want %v", w, maxPct, x, n, got, want)
					}
					if inWindow[x] != want {
						t.Fatalf("w=%d max=%d: window puts %d/%d in = %v, want %v", w, maxPct, x, n, inWindow[x], want)
					}
				}
			}
		}
	}
}

// bruteHitProbability sums the binomial probabilities over every count.
func bruteHitProbability(x, n, w, maxPct int64) float64 {
	if x == 0 || x == n {
		if integerHit(x, n, w, maxPct) {
			return 1
		}
		return 0
	}
	q := float64(x) / float64(n)
	ln, _ := math.Lgamma(float64(n) + 1)
	var p float64
	for k := int64(0); k <= n; k++ {
		if !integerHit(k, n, w, maxPct) {
			continue
		}
		lk, _ := math.Lgamma(float64(k) + 1)
		lnk, _ := math.Lgamma(float64(n-k) + 1)
		p += math.Exp(ln - lk - lnk + float64(k)*math.Log(q) + float64(n-k)*math.Log1p(-q))
	}
	return p
}

func TestHitProbability(t *testing.T) {
	lf := newLogFactorials(5000)
	for _, c := range []struct{ x, n int64 }{
		{1, 100}, {50, 100}, {99, 100}, {100, 100}, {0, 100}, {37, 120}, {800, 1000},
		{1234, 2345}, {2990, 3000}, {4321, 5000}, {1, 5000}, {4999, 5000},
	} {
		got := hitProbability(c.x, c.n, 5, 99, lf)
		want := bruteHitProbability(c.x, c.n, 5, 99)
		if math.Abs(got-want) > 1e-12 {
			t.Errorf("hitProbability(%d, %d) = %.15f, want %.15f", c.x, c.n, got, want)
		}
	}
	// A station of 100 voters: every count is a whole percentage, except
	// 100 % (excluded), so the probability is 1 − q^n.
	got := hitProbability(60, 100, 5, 99, lf)
	if want := 1 - math.Pow(0.6, 100); math.Abs(got-want) > 1e-12 {
		t.Errorf("n=100: %v, want %v", got, want)
	}
}

// TestNullIsBinomial checks the shortcut against the slow definition: redraw
// every voter of every station (binomial draws) 2,000 times and count the
// stations with a whole percentage; the mean must match Σ p_i.
func TestNullIsBinomial(t *testing.T) {
	in := Input{Choices: []Choice{{ID: "A"}, {ID: "B"}}, TurnoutDefinition: "t", ShareBase: "b"}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 60 {
		reg := int64(100 + rng.IntN(400))
		voters := reg/3 + int64(rng.IntN(int(reg/2)))
		a := int64(rng.IntN(int(voters)))
		in.Stations = append(in.Stations, Station{ID: string(rune('a'+i%26)) + string(rune('a'+i/26)), Region: "r",
			Registered: reg, Voters: voters, Base: voters, Votes: []int64{a, voters - a}})
	}
	// Make A the leader whatever the draws.
	for i := range in.Stations {
		s := &in.Stations[i]
		if s.Votes[0] < s.Votes[1] {
			s.Votes[0], s.Votes[1] = s.Votes[1], s.Votes[0]
		}
	}
	// Both rules: the published one tests only stations with both values at
	// most 99 % and counts every whole redraw; the per-value variant tests
	// every station and caps each value (data and redraws) at 99 %.
	for _, rule := range []IntegerRule{IntegerRulePublished, IntegerRulePerValue} {
		t.Run(rule.String(), func(t *testing.T) {
			o := Options{Replicates: 20000, Seed: 7, IntegerRule: rule}
			rep, err := Analyze(context.Background(), in, o)
			if err != nil {
				t.Fatal(err)
			}
			o, _ = o.withDefaults()
			maxPct := int64(100)
			if rule == IntegerRulePerValue {
				maxPct = 99
			}
			const reps = 2000
			var sum, sumSq float64
			for range reps {
				hits := 0
				for _, s := range in.Stations {
					if !eligibleStation(&s, 0, o) {
						continue
					}
					var vt, vl int64
					qt := float64(s.Voters) / float64(s.Registered)
					for range s.Registered {
						if rng.Float64() < qt {
							vt++
						}
					}
					ql := float64(s.Votes[0]) / float64(s.Base)
					for range s.Base {
						if rng.Float64() < ql {
							vl++
						}
					}
					if integerHit(vt, s.Registered, 5, maxPct) || integerHit(vl, s.Base, 5, maxPct) {
						hits++
					}
				}
				sum += float64(hits)
				sumSq += float64(hits * hits)
			}
			mean := sum / reps
			sd := math.Sqrt(sumSq/reps - mean*mean)
			it := rep.Integer
			// The mean of 2,000 binomial replicates is within 4 standard errors.
			if se := it.SD / math.Sqrt(reps); math.Abs(mean-it.Expected) > 4*se {
				t.Errorf("binomial redraws: mean %.3f, analytic expected %.3f (se %.3f)", mean, it.Expected, se)
			}
			if math.Abs(sd-it.SD) > 0.1*it.SD {
				t.Errorf("binomial redraws: SD %.3f, analytic %.3f", sd, it.SD)
			}
			if se := it.SD / math.Sqrt(float64(it.Replicates)); math.Abs(it.MonteCarloMean-it.Expected) > 4*se {
				t.Errorf("Monte Carlo mean %.3f, analytic %.3f", it.MonteCarloMean, it.Expected)
			}
		})
	}
}

func TestHistBin(t *testing.T) {
	for _, c := range []struct {
		x, n int64
		want int
	}{
		{0, 100, 0}, {50, 100, 500}, {1, 3, 333}, {2, 3, 666}, {999, 1000, 999}, {1000, 1000, 999},
		{1, 1000, 1}, {9999, 10000, 999}, {101, 100, -1}, {1, 0, -1}, {-1, 5, -1},
	} {
		if got := histBin(c.x, c.n); got != c.want {
			t.Errorf("histBin(%d, %d) = %d, want %d", c.x, c.n, got, c.want)
		}
	}
}
