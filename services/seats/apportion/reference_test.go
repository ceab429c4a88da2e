package apportion_test

import (
	"math/big"
	"sort"
	"testing"

	"github.com/mandate-project/mandate/services/seats/apportion"
)

// refCmp compares two quotients, nil being infinite.
func refCmp(a, b *big.Rat) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	return a.Cmp(b)
}

// refDivisor returns v/d(s) (squared for Huntington-Hill), nil = infinite.
func refDivisor(m apportion.Method, fd *big.Rat, v int64, s int) *big.Rat {
	V := big.NewRat(v, 1)
	S := int64(s)
	var d *big.Rat
	switch m {
	case apportion.DHondt:
		d = big.NewRat(S+1, 1)
	case apportion.SainteLague:
		d = big.NewRat(2*S+1, 2)
	case apportion.ModifiedSainteLague:
		if s == 0 {
			d = new(big.Rat).Set(fd)
		} else {
			d = big.NewRat(2*S+1, 1)
		}
	case apportion.Adams:
		d = big.NewRat(S, 1)
	case apportion.Dean:
		d = big.NewRat(2*S*(S+1), 2*S+1)
	case apportion.HuntingtonHill:
		if s == 0 {
			return nil
		}
		return new(big.Rat).SetFrac(big.NewInt(v*v), big.NewInt(S*(S+1)))
	case apportion.ImperialiDivisor:
		d = big.NewRat(S+2, 1)
	case apportion.Danish:
		d = big.NewRat(3*S+1, 1)
	}
	if d.Sign() == 0 {
		return nil
	}
	return V.Quo(V, d)
}

// reference allocates seat by seat, exactly (big.Rat), with explicit caps,
// minimums and overhang, and returns each party's decided seats (a seat
// in an exact tie is not decided). Participation is taken from the engine's
// result (the thresholds are not what this reference checks).
func reference(ps []apportion.Party, r apportion.Rule, part []bool) []int {
	S := r.Seats
	for i, p := range ps {
		if !part[i] && r.Overhang {
			S -= int(p.DistrictWins)
		}
	}
	capOf := func(i int) int {
		if ps[i].Votes == 0 {
			return r.MinSeatsPerParty
		}
		if r.MaxSeatsPerParty > 0 {
			return r.MaxSeatsPerParty
		}
		return S
	}
	seats := make([]int, len(ps))
	F := S
	for i := range ps {
		if part[i] {
			seats[i] = r.MinSeatsPerParty
			F -= r.MinSeatsPerParty
		}
	}
	if r.Method.IsDivisor() {
		// Seat by seat: the highest quotient among parties below their cap;
		// equal best quotients that cannot all be seated are a tie.
		for F > 0 {
			var best []int
			var bv *big.Rat
			for i := range ps {
				if !part[i] || seats[i] >= capOf(i) {
					continue
				}
				q := refDivisor(r.Method, r.FirstDivisor, ps[i].Votes, seats[i])
				if c := refCmp(q, bv); len(best) == 0 || c > 0 {
					best, bv = []int{i}, q
				} else if c == 0 {
					best = append(best, i)
				}
			}
			if len(best) == 0 {
				break
			}
			if len(best) > F {
				break // the rest are tied: undecided
			}
			for _, i := range best {
				seats[i]++
			}
			F -= len(best)
		}
	} else {
		seats = refQuota(ps, r, part, seats, F, capOf)
	}
	if r.Overhang {
		for i, p := range ps {
			if int(p.DistrictWins) > seats[i] {
				seats[i] = int(p.DistrictWins)
			}
		}
	}
	return seats
}

func refQuota(ps []apportion.Party, r apportion.Rule, part []bool, seats []int, F int, capOf func(int) int) []int {
	fixed := make([]bool, len(ps))
	for {
		var V int64
		Fr := F
		var act []int
		for i := range ps {
			if !part[i] {
				continue
			}
			if fixed[i] {
				Fr -= seats[i] - r.MinSeatsPerParty
				continue
			}
			act = append(act, i)
			V += ps[i].Votes
		}
		if V == 0 || Fr <= 0 {
			return seats
		}
		var q *big.Rat
		switch r.Method {
		case apportion.Hare:
			q = big.NewRat(V, int64(Fr))
		case apportion.Droop:
			q = big.NewRat(V/int64(Fr+1)+1, 1)
		case apportion.HagenbachBischoff:
			q = big.NewRat(V, int64(Fr+1))
		case apportion.ImperialiQuota:
			q = big.NewRat(V, int64(Fr+2))
		}
		// A real cap is below the seats this round distributes: a party
		// whose whole quotas pass all of them is the overflow rule's case
		// (fixing it at its cap gave out more seats than the house had).
		realCap := func(i int) bool { return r.MaxSeatsPerParty > 0 && capOf(i)-r.MinSeatsPerParty < Fr }
		whole := map[int]int{}
		rem := map[int]*big.Rat{}
		over := false
		for _, i := range act {
			x := new(big.Rat).Quo(big.NewRat(ps[i].Votes, 1), q)
			w := new(big.Int).Quo(x.Num(), x.Denom())
			whole[i] = int(w.Int64())
			rem[i] = new(big.Rat).Sub(x, new(big.Rat).SetInt(w))
			if realCap(i) && r.MinSeatsPerParty+whole[i] > capOf(i) {
				over = true // whole quotas above a cap: fix it, recompute the quota
			}
		}
		if over {
			for _, i := range act {
				if ps[i].Votes > 0 && realCap(i) && r.MinSeatsPerParty+whole[i] > capOf(i) {
					fixed[i], seats[i] = true, capOf(i)
				}
			}
			continue
		}
		k := Fr
		for _, i := range act {
			seats[i] += whole[i]
			k -= whole[i]
		}
		// One seat at a time: largest remainder among parties with votes
		// below their cap; a full pass gives everyone one (tiny quotas).
		for k > 0 {
			var cand []int
			for _, i := range act {
				if ps[i].Votes > 0 && seats[i] < capOf(i) {
					cand = append(cand, i)
				}
			}
			if len(cand) == 0 {
				break
			}
			if k >= len(cand) {
				for _, i := range cand {
					seats[i]++
				}
				k -= len(cand)
				continue
			}
			sort.SliceStable(cand, func(a, b int) bool { return rem[cand[a]].Cmp(rem[cand[b]]) > 0 })
			for _, i := range cand[:k] {
				seats[i]++
			}
			if rem[cand[k-1]].Cmp(rem[cand[k]]) == 0 {
				for _, i := range cand[:k] {
					if rem[i].Cmp(rem[cand[k]]) == 0 {
						seats[i]--
					}
				}
			}
			k = 0
		}
		// Overflow: take back one at a time from the smallest remainders.
		for k < 0 {
			var cand []int
			for _, i := range act {
				if seats[i] > r.MinSeatsPerParty {
					cand = append(cand, i)
				}
			}
			x := -k
			if x >= len(cand) {
				for _, i := range cand {
					seats[i]--
				}
				k += len(cand)
				continue
			}
			sort.SliceStable(cand, func(a, b int) bool { return rem[cand[a]].Cmp(rem[cand[b]]) < 0 })
			for _, i := range cand[:x] {
				seats[i]--
			}
			if rem[cand[x-1]].Cmp(rem[cand[x]]) == 0 {
				for _, i := range cand[x:] {
					if rem[i].Cmp(rem[cand[x-1]]) == 0 {
						seats[i]--
					}
				}
			}
			k = 0
		}
		return seats
	}
}

// randomRuleCase draws a small election exercising caps, minimums,
// overhang, thresholds and the runner-up rule.
func randomRuleCase(seed uint64, m apportion.Method) ([]apportion.Party, apportion.Rule) {
	rng := newRand(seed)
	n := 1 + rng.IntN(5)
	ps := make([]apportion.Party, n)
	for i := range ps {
		ps[i] = apportion.Party{ID: string(rune('A' + i)), Votes: int64(rng.IntN(60))}
		if rng.IntN(6) == 0 {
			ps[i].Votes = 0
		}
	}
	ps[0].Votes++
	r := apportion.Rule{Method: m, Seats: 1 + rng.IntN(12)}
	if m == apportion.ModifiedSainteLague {
		r.FirstDivisor = ratOf(7, 5)
	}
	switch rng.IntN(4) {
	case 0:
		r.MaxSeatsPerParty = 1 + rng.IntN(r.Seats)
	case 1:
		r.MinSeatsPerParty = rng.IntN(3)
	case 2:
		r.Overhang = true
		for i := range ps {
			ps[i].DistrictWins = int64(rng.IntN(3))
		}
	}
	if rng.IntN(3) == 0 {
		r.Threshold = &apportion.Threshold{Percent: ratOf(int64(5+rng.IntN(20)), 1)}
		r.RunnerUpGuaranteed = rng.IntN(2) == 0
		if r.Overhang && rng.IntN(2) == 0 {
			r.Threshold.OrDistrictWinsAtLeast = 1
		}
	}
	return ps, r
}

// TestDifferentialReference compares the engine with the seat-by-seat
// reference on random capped, minimum and overhang cases, every method.
func TestDifferentialReference(t *testing.T) {
	checked := 0
	for _, m := range allMethods() {
		for seed := uint64(0); seed < 400; seed++ {
			ps, r := randomRuleCase(seed, m)
			r.NoMargins = true
			res, err := apportion.Apportion(ps, r)
			if err != nil {
				continue
			}
			part := make([]bool, len(ps))
			for i, p := range res.Parties {
				part[i] = p.Participates
			}
			want := reference(ps, r, part)
			for i, p := range res.Parties {
				if p.Seats != want[i] {
					t.Fatalf("%s seed %d %+v %+v: party %s engine %d, reference %d (engine %v)", m, seed, ps, r, p.ID, p.Seats, want[i], seatsOf(res))
				}
			}
			checked++
		}
	}
	if checked < 3000 {
		t.Fatalf("only %d valid cases", checked)
	}
}
