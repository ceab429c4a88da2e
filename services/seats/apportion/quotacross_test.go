package apportion

import (
	"context"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"
)

// bruteSeats re-runs the whole distribution with party i at w votes (an
// explicit threshold base moving with it) and returns its decided seats,
// -1 when the case has no distribution: the margin definition, by force.
func bruteSeats(ps []Party, r Rule, i int, w int64) int {
	q := append([]Party(nil), ps...)
	q[i].Votes = w
	r.NoMargins, r.Steps, r.Ties = true, false, TieUndecided
	if th := r.Threshold; th != nil && th.Base > 0 {
		t := *th
		t.Base += w - ps[i].Votes
		r.Threshold = &t
	}
	res, err := Apportion(q, r)
	if err != nil {
		return -1
	}
	return res.Parties[i].Seats
}

// randomQuotaCase draws a small uncapped quota-method case: few votes and
// seats (so quotas are tiny, negative items and exact ties are common),
// minimum seats, overhang with district wins, a percent and/or vote
// threshold (sometimes with an explicit base above the votes), the
// runner-up rule.
func randomQuotaCase(rng *rand.Rand, m Method) ([]Party, Rule) {
	n := 1 + rng.IntN(6)
	ps := make([]Party, n)
	for i := range ps {
		ps[i] = Party{ID: fmt.Sprint(i), Votes: int64(rng.IntN(80))}
		if rng.IntN(5) == 0 {
			ps[i].Votes = int64(rng.IntN(4))
		}
	}
	ps[rng.IntN(n)].Votes++
	r := Rule{Method: m, Seats: 1 + rng.IntN(15)}
	if rng.IntN(3) == 0 {
		r.MinSeatsPerParty = 1 + rng.IntN(2)
	}
	if rng.IntN(4) == 0 {
		r.Overhang = true
		for i := range ps {
			ps[i].DistrictWins = int64(rng.IntN(3))
		}
	}
	if rng.IntN(2) == 0 {
		th := &Threshold{}
		if rng.IntN(3) > 0 {
			th.Percent = big.NewRat(int64(3+rng.IntN(30)), int64(1+rng.IntN(2)))
		}
		if th.Percent == nil || rng.IntN(3) == 0 {
			th.Votes = int64(1 + rng.IntN(40))
		}
		if rng.IntN(3) == 0 {
			var tot int64
			for _, p := range ps {
				tot += p.Votes
			}
			th.Base = tot + int64(rng.IntN(30))
		}
		if r.Overhang && rng.IntN(2) == 0 {
			th.OrDistrictWinsAtLeast = 1
		}
		r.Threshold = th
		r.RunnerUpGuaranteed = rng.IntN(2) == 0
	}
	if rng.IntN(4) == 0 {
		ps[rng.IntN(n)].Exempt = true
	}
	return ps, r
}

// TestQuotaCrossBruteForce checks the quota margins found by selection
// (quotacross.go) against brute force on random small cases for Hare,
// Droop, Hagenbach-Bischoff and Imperiali quota: VotesToGain is the first
// added vote count that gains a seat, VotesToLose one less than the first
// loss that costs one, and "none" means no such count up to the bound. It
// also checks that the solver answered every segment itself (a decline
// would let the slower probe search hide a fault), and then checks that
// probing search, its fallback, the same way.
func TestQuotaCrossBruteForce(t *testing.T) {
	cases := 400
	if testing.Short() {
		cases = 60 // make test runs it under -race
	}
	for _, noCross := range []bool{false, true} {
		quotaCrossBruteForce(t, cases, noCross)
	}
}

// quotaCrossBruteForce is TestQuotaCrossBruteForce with the solver (or,
// with noCross, the probing search it falls back to).
func quotaCrossBruteForce(t *testing.T, cases int, noCross bool) {
	rng := rand.New(rand.NewPCG(16, 16))
	for _, m := range []Method{Hare, Droop, HagenbachBischoff, ImperialiQuota} {
		checked, crossed := 0, 0
		for k := 0; k < cases; k++ {
			ps, r := randomQuotaCase(rng, m)
			if len(Validate(ps, r)) > 0 {
				continue
			}
			o, err := solve(context.Background(), ps, r, 0)
			if err != nil {
				continue
			}
			res := &Result{Parties: make([]PartyResult, len(ps))}
			st, err := computeMarginsWith(context.Background(), ps, r, o, res, noCross)
			if err != nil {
				t.Fatal(err)
			}
			if st.declined > 0 {
				t.Fatalf("%s case %d %+v %+v: the solver declined %d segment(s)", m, k, ps, r, st.declined)
			}
			crossed += st.crossed
			var tot int64
			for _, p := range ps {
				tot += p.Votes
			}
			bound := 3*tot + 200
			for i, p := range ps {
				name := fmt.Sprintf("%s case %d party %d %+v %+v (probing only: %v)", m, k, i, ps, r, noCross)
				s := bruteSeats(ps, r, i, p.Votes)
				pr := res.Parties[i]
				want := int64(-1)
				for x := int64(1); x <= bound; x++ {
					if bruteSeats(ps, r, i, p.Votes+x) > s {
						want = x
						break
					}
				}
				switch {
				case pr.GainStatus == MarginComputed && pr.VotesToGain <= bound:
					if pr.VotesToGain != want {
						t.Fatalf("%s: VotesToGain %d, brute force %d", name, pr.VotesToGain, want)
					}
				case pr.GainStatus == MarginComputed:
					if want >= 0 {
						t.Fatalf("%s: VotesToGain %d, brute force %d", name, pr.VotesToGain, want)
					}
				case pr.GainStatus == MarginNone:
					if want >= 0 {
						t.Fatalf("%s: VotesToGain none, brute force %d", name, want)
					}
				default:
					t.Fatalf("%s: gain %v", name, pr.GainStatus)
				}
				lose := int64(-1) // a party without seats has none to lose
				for x := int64(1); x <= p.Votes && s > 0; x++ {
					if bruteSeats(ps, r, i, p.Votes-x) < s {
						lose = x - 1
						break
					}
				}
				got := int64(-1)
				if pr.LoseStatus == MarginComputed {
					got = pr.VotesToLose
				} else if pr.LoseStatus != MarginNone {
					t.Fatalf("%s: lose %v", name, pr.LoseStatus)
				}
				if got != lose {
					t.Fatalf("%s: VotesToLose %d (%v), brute force %d", name, got, pr.LoseStatus, lose)
				}
			}
			checked++
		}
		if checked < cases/2 || (!noCross && crossed < checked) {
			t.Errorf("%s: only %d of %d cases checked, %d segments solved", m, checked, cases, crossed)
		}
	}
}

// TestQuotaCrossMatchesProbing: on larger random cases (hundreds of
// parties, thousands of seats, where brute force is too slow) the selection
// gives the same margins as the probing search it replaces.
func TestQuotaCrossMatchesProbing(t *testing.T) {
	rng := rand.New(rand.NewPCG(61, 61))
	for _, m := range []Method{Hare, Droop, HagenbachBischoff, ImperialiQuota} {
		for k := 0; k < 6; k++ {
			n := 20 + rng.IntN(200)
			ps := make([]Party, n)
			for i := range ps {
				ps[i] = Party{ID: fmt.Sprint(i), Votes: int64(1 + rng.IntN(5000))}
				if rng.IntN(10) == 0 {
					ps[i].Votes *= 300
				}
			}
			r := Rule{Method: m, Seats: 1 + rng.IntN(3000)}
			if k%2 == 1 {
				r.Threshold = &Threshold{Percent: big.NewRat(int64(1+rng.IntN(5)), 2)}
				r.RunnerUpGuaranteed = k%3 == 0
			}
			if k == 4 {
				r.MinSeatsPerParty = 1
				r.Seats += n
			}
			o, err := solve(context.Background(), ps, r, 0)
			if err != nil {
				t.Fatal(err)
			}
			fast := &Result{Parties: make([]PartyResult, n)}
			slow := &Result{Parties: make([]PartyResult, n)}
			st, err := computeMarginsWith(context.Background(), ps, r, o, fast, false)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := computeMarginsWith(context.Background(), ps, r, o, slow, true); err != nil {
				t.Fatal(err)
			}
			if st.declined > 0 {
				t.Errorf("%s case %d: %d segment(s) declined", m, k, st.declined)
			}
			for i := range ps {
				f, s := fast.Parties[i], slow.Parties[i]
				if f.VotesToGain != s.VotesToGain || f.GainStatus != s.GainStatus || f.VotesToLose != s.VotesToLose || f.LoseStatus != s.LoseStatus {
					t.Fatalf("%s case %d party %d: selection gain %d %v lose %d %v, probing gain %d %v lose %d %v",
						m, k, i, f.VotesToGain, f.GainStatus, f.VotesToLose, f.LoseStatus, s.VotesToGain, s.GainStatus, s.VotesToLose, s.LoseStatus)
				}
			}
		}
	}
}

// TestQuickselect checks the selection against a sort, ties included.
func TestQuickselect(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	for n := 1; n < 60; n++ {
		for rep := 0; rep < 20; rep++ {
			xs := make([]int64, n)
			for i := range xs {
				xs[i] = int64(rng.IntN(1 + n/(1+rep%4)))
			}
			sorted := append([]int64(nil), xs...)
			slices.Sort(sorted)
			for k := range n {
				if got := quickselect(append([]int64(nil), xs...), k); got != sorted[k] {
					t.Fatalf("%v k=%d: %d, want %d", xs, k, got, sorted[k])
				}
			}
		}
	}
}

// TestMulDivFloor checks the 128-bit floor(a*b/c) against math/big, signs
// and the 2^62 limit included.
func TestMulDivFloor(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	lim := big.NewInt(crossLimit)
	for k := 0; k < 20000; k++ {
		a := rng.Int64N(1<<(1+rng.IntN(62))) * int64(1-2*rng.IntN(2))
		b := rng.Int64N(1<<(1+rng.IntN(62))) * int64(1-2*rng.IntN(2))
		c := 1 + rng.Int64N(1<<(1+rng.IntN(62)))
		p := new(big.Int).Mul(big.NewInt(a), big.NewInt(b))
		want := new(big.Int).Div(p, big.NewInt(c)) // Euclidean = floor for c > 0
		if want.Cmp(lim) > 0 {
			want.Set(lim)
		}
		if want.Cmp(new(big.Int).Neg(lim)) < 0 {
			want.Neg(lim)
		}
		if got := mulDivFloor(a, b, c); got != want.Int64() {
			t.Fatalf("mulDivFloor(%d, %d, %d) = %d, want %s", a, b, c, got, want)
		}
	}
}

// TestQuotaCrossHugeVotes: with votes near the 2^60 limit the linear
// quotas' products could leave 62 bits, so the solver declines and the
// probing search answers (Droop's stay small and it answers itself); the
// margins are still computed, and each is a crossing: the seats change at
// it and not one vote before.
func TestQuotaCrossHugeVotes(t *testing.T) {
	ps := []Party{{ID: "a", Votes: 1 << 58}, {ID: "b", Votes: 3 << 56}, {ID: "c", Votes: 1<<57 + 12345}, {ID: "d", Votes: 987654321}}
	for _, m := range []Method{Hare, Droop, HagenbachBischoff, ImperialiQuota} {
		r := Rule{Method: m, Seats: 13}
		o, err := solve(context.Background(), ps, r, 0)
		if err != nil {
			t.Fatal(err)
		}
		res := &Result{Parties: make([]PartyResult, len(ps))}
		st, err := computeMarginsWith(context.Background(), ps, r, o, res, false)
		if err != nil {
			t.Fatal(err)
		}
		if m != Droop && st.declined == 0 {
			t.Errorf("%s: the solver did not decline (%+v)", m, st)
		}
		for i, p := range res.Parties {
			s := bruteSeats(ps, r, i, ps[i].Votes)
			if p.GainStatus != MarginComputed {
				t.Fatalf("%s %s: gain %v", m, p.ID, p.GainStatus)
			}
			if g := p.VotesToGain; bruteSeats(ps, r, i, ps[i].Votes+g) <= s || bruteSeats(ps, r, i, ps[i].Votes+g-1) > s {
				t.Errorf("%s %s: VotesToGain %d is not a crossing", m, p.ID, g)
			}
			if p.LoseStatus == MarginComputed {
				l := p.VotesToLose
				if bruteSeats(ps, r, i, ps[i].Votes-l) < s || bruteSeats(ps, r, i, ps[i].Votes-l-1) >= s {
					t.Errorf("%s %s: VotesToLose %d is not a crossing", m, p.ID, l)
				}
			}
		}
	}
}
