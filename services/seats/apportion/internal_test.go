package apportion

import (
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"
)

// apportionStepwise is the seat-by-seat reference for a divisor method, kept
// for tests and benchmarks: the same inputs as jump, O(S log P).
func apportionStepwise(d divSpec, votes []int64, lo, hi []int, S int) []int {
	return d.stepwise(votes, lo, hi, S)
}

// normalize removes the seats contested by a boundary tie, so allocations
// that differ only in how a tie was broken compare equal.
func normalize(d divSpec, votes []int64, lo, hi, alloc []int) []int {
	out := slices.Clone(alloc)
	b := d.boundary(votes, lo, hi, out)
	for _, j := range b.tied {
		if out[j] > lo[j] && cmpKey(d.key(votes[j], out[j]-1), b.U) == 0 {
			out[j]--
		}
	}
	return out
}

func divSpecs() []divSpec {
	var out []divSpec
	for m := DHondt; m <= Danish; m++ {
		d := divSpec{m: m}
		if m == ModifiedSainteLague {
			d.fn, d.fd = 7, 5
		}
		out = append(out, d)
	}
	return out
}

// TestJumpEqualsStepwise: the jump-and-step allocation equals the
// seat-by-seat one (up to how exact ties are broken) for every divisor
// method on random inputs, including small votes (many ties), huge votes,
// minimum seats and caps.
func TestJumpEqualsStepwise(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, d := range divSpecs() {
		for iter := 0; iter < 300; iter++ {
			n := 1 + rng.IntN(30)
			votes := make([]int64, n)
			scale := []int64{10, 1000, 1_000_000, 1 << 40, 1 << 58}[rng.IntN(5)]
			for i := range votes {
				votes[i] = rng.Int64N(scale)
				if rng.IntN(10) == 0 {
					votes[i] = 0
				}
			}
			votes[0]++
			S := 1 + rng.IntN(400)
			minS, maxS := 0, 0
			if rng.IntN(4) == 0 {
				minS = rng.IntN(2)
			}
			if rng.IntN(4) == 0 {
				maxS = minS + 1 + rng.IntN(S)
			}
			lo, hi := make([]int, n), make([]int, n)
			capTotal := 0
			for i := range n {
				lo[i] = minS
				hi[i] = S
				if maxS > 0 {
					hi[i] = maxS
				}
				if votes[i] == 0 {
					hi[i] = lo[i]
				}
				capTotal += hi[i]
			}
			if minS*n > S || capTotal < S {
				continue
			}
			a := d.jump(votes, lo, hi, S)
			b := apportionStepwise(d, votes, lo, hi, S)
			if sum(a) != S || sum(b) != S {
				t.Fatalf("%v: sums %d %d want %d", d.m, sum(a), sum(b), S)
			}
			na, nb := normalize(d, votes, lo, hi, a), normalize(d, votes, lo, hi, b)
			if !slices.Equal(na, nb) {
				t.Fatalf("%v votes %v S %d lo %d hi %v:\n jump     %v\n stepwise %v", d.m, votes, S, minS, maxS, a, b)
			}
		}
	}
}

func sum(a []int) int {
	s := 0
	for _, x := range a {
		s += x
	}
	return s
}

func TestMul3AgainstBig(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 10000 {
		a, b, c := rng.Uint64(), rng.Uint64(), rng.Uint64()
		if rng.IntN(2) == 0 {
			a >>= rng.IntN(64)
		}
		got := mul3(a, b, c)
		want := new(big.Int).Mul(bigU(a), bigU(b))
		want.Mul(want, bigU(c))
		g := new(big.Int).SetUint64(got[2])
		g.Lsh(g, 64).Or(g, bigU(got[1]))
		g.Lsh(g, 64).Or(g, bigU(got[0]))
		if g.Cmp(want) != 0 {
			t.Fatalf("mul3(%d,%d,%d) = %v want %v", a, b, c, g, want)
		}
	}
}

// TestHuntingtonHillKeyExact: priorities that floats cannot tell apart are
// still ordered exactly.
func TestHuntingtonHillKeyExact(t *testing.T) {
	d := divSpec{m: HuntingtonHill}
	// v/sqrt(s(s+1)) with v = 2^40+1 vs 2^40 at the same s.
	a, b := d.key(1<<40+1, 1000), d.key(1<<40, 1000)
	if cmpKey(a, b) <= 0 || cmpKey(b, a) >= 0 || cmpKey(a, a) != 0 {
		t.Fatal("exact ordering failed")
	}
	if !d.key(5, 0).inf() || cmpKey(d.key(5, 0), d.key(1<<62, 0)) != 0 {
		t.Fatal("zero divisor must be +inf and all infinities equal")
	}
}
