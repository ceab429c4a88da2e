package apportion_test

import (
	"errors"
	"fmt"
	"math/big"
	"testing"

	"github.com/mandate-project/mandate/services/seats/apportion"
)

func randomElection(seed uint64, m apportion.Method) ([]apportion.Party, apportion.Rule) {
	rng := newRand(seed)
	n := 1 + rng.IntN(12)
	ps := make([]apportion.Party, n)
	scale := []int{20, 1000, 1_000_000}[rng.IntN(3)]
	for i := range ps {
		ps[i] = apportion.Party{ID: fmt.Sprintf("p%d", i), Votes: int64(rng.IntN(scale))}
	}
	ps[0].Votes++
	r := apportion.Rule{Method: m, Seats: 1 + rng.IntN(60), NoMargins: true}
	if m == apportion.ModifiedSainteLague {
		r.FirstDivisor = big.NewRat(7, 5)
	}
	return ps, r
}

func seatsOf(res *apportion.Result) []int {
	out := make([]int, len(res.Parties))
	for i, p := range res.Parties {
		out[i] = p.Seats
	}
	return out
}

func TestPropertySeatsSum(t *testing.T) {
	for _, m := range allMethods() {
		for seed := uint64(0); seed < 200; seed++ {
			ps, r := randomElection(seed, m)
			r.Ties = apportion.TieRule(seed % 4)
			res, err := apportion.Apportion(ps, r)
			if err != nil {
				t.Fatalf("%s seed %d: %v", m, seed, err)
			}
			if got := sum(seatsOf(res)); got != res.Seats-res.Undecided {
				t.Fatalf("%s seed %d: seats sum %d, want %d-%d", m, seed, got, res.Seats, res.Undecided)
			}
			if r.Ties != apportion.TieUndecided && res.Undecided != 0 {
				t.Fatalf("%s seed %d: undecided under %s", m, seed, r.Ties)
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

// Divisor methods are house monotone: one more seat never takes a decided
// seat from anyone.
func TestPropertyHouseMonotone(t *testing.T) {
	for _, m := range allMethods() {
		if !m.IsDivisor() {
			continue
		}
		for seed := uint64(0); seed < 150; seed++ {
			ps, r := randomElection(seed, m)
			a, err := apportion.Apportion(ps, r)
			if err != nil {
				t.Fatal(err)
			}
			r.Seats++
			b, err := apportion.Apportion(ps, r)
			if err != nil {
				t.Fatal(err)
			}
			for i := range ps {
				if b.Parties[i].Seats < a.Parties[i].Seats {
					t.Fatalf("%s seed %d: party %d lost a seat when the house grew", m, seed, i)
				}
			}
		}
	}
}

// Divisor methods are population monotone: a party gaining votes never
// loses a seat and nobody else gains one.
func TestPropertyPopulationMonotone(t *testing.T) {
	for _, m := range allMethods() {
		if !m.IsDivisor() {
			continue
		}
		for seed := uint64(0); seed < 150; seed++ {
			ps, r := randomElection(seed, m)
			a, err := apportion.Apportion(ps, r)
			if err != nil {
				t.Fatal(err)
			}
			k := int(seed) % len(ps)
			ps[k].Votes += int64(seed%97) + 1
			b, err := apportion.Apportion(ps, r)
			if err != nil {
				t.Fatal(err)
			}
			for i := range ps {
				if i == k && b.Parties[i].Seats < a.Parties[i].Seats {
					t.Fatalf("%s seed %d: the gaining party lost a seat", m, seed)
				}
				if i != k && b.Parties[i].Seats > a.Parties[i].Seats {
					t.Fatalf("%s seed %d: party %d gained when another party gained votes", m, seed, i)
				}
			}
		}
	}
}

// Quota methods stay within quota: Hare gives floor or ceil of the exact
// share v*S/V; Droop, Hagenbach-Bischoff and Imperiali give Whole or
// Whole+1 of their own quota, except down to Whole-2 when the overflow rule took
// seats back.
func TestPropertyWithinQuota(t *testing.T) {
	for _, m := range allMethods() {
		if m.IsDivisor() {
			continue
		}
		for seed := uint64(0); seed < 300; seed++ {
			ps, r := randomElection(seed, m)
			r.Ties = apportion.TieBallotOrder
			res, err := apportion.Apportion(ps, r)
			if err != nil {
				t.Fatal(err)
			}
			var V int64
			for _, p := range ps {
				V += p.Votes
			}
			overflow := false
			for _, n := range res.Notes {
				if len(n) > 12 && n[:12] == "whole quotas" {
					overflow = true
				}
			}
			sumWhole := 0
			for _, p := range res.Parties {
				sumWhole += p.Whole
			}
			if sumWhole+len(ps) < r.Seats {
				continue // tiny Droop quota: more seats left than parties, extra full rounds (documented)
			}
			for i, p := range res.Parties {
				if m == apportion.Hare {
					share := big.NewRat(ps[i].Votes*int64(r.Seats), V)
					fl := new(big.Int).Quo(share.Num(), share.Denom()).Int64()
					ce := fl
					if !share.IsInt() {
						ce++
					}
					if int64(p.Seats) < fl || int64(p.Seats) > ce {
						t.Fatalf("hare seed %d: party %d has %d seats, quota share %s", seed, i, p.Seats, share.FloatString(3))
					}
					continue
				}
				lo := p.Whole
				if overflow {
					lo -= 2
				}
				if p.Seats < lo || p.Seats > p.Whole+1 {
					t.Fatalf("%s seed %d: party %d has %d seats, whole %d", m, seed, i, p.Seats, p.Whole)
				}
			}
		}
	}
}

// Permuting the input changes nothing (under every tie rule except ballot
// order with unnumbered parties and lot, which depend on input order).
func TestPropertyPermutation(t *testing.T) {
	for _, m := range allMethods() {
		for seed := uint64(0); seed < 100; seed++ {
			for _, tr := range []apportion.TieRule{apportion.TieUndecided, apportion.TieMoreVotes, apportion.TieBallotOrder} {
				ps, r := randomElection(seed, m)
				r.Ties = tr
				r.NoMargins = seed%5 != 0
				if tr == apportion.TieBallotOrder || tr == apportion.TieMoreVotes {
					for i := range ps {
						ps[i].BallotOrder = len(ps) - i
					}
				}
				a, err := apportion.Apportion(ps, r)
				if err != nil {
					t.Fatal(err)
				}
				rng := newRand(seed + 99)
				perm := rng.Perm(len(ps))
				qs := make([]apportion.Party, len(ps))
				for i, j := range perm {
					qs[i] = ps[j]
				}
				b, err := apportion.Apportion(qs, r)
				if err != nil {
					t.Fatal(err)
				}
				for i, j := range perm {
					pa, pb := a.Parties[j], b.Parties[i]
					if pa.Seats != pb.Seats || pa.TiedForLast != pb.TiedForLast || pa.VotesToGain != pb.VotesToGain || pa.VotesToLose != pb.VotesToLose {
						t.Fatalf("%s seed %d %s: permutation changed %s: %+v vs %+v", m, seed, tr, pa.ID, pa, pb)
					}
				}
				if a.Undecided != b.Undecided {
					t.Fatalf("%s seed %d: undecided changed", m, seed)
				}
			}
		}
	}
}

func TestValidateReportsAll(t *testing.T) {
	ps := []apportion.Party{{ID: "a", Votes: -1}, {ID: "a", Votes: 5}, {Votes: 3}}
	r := apportion.Rule{Seats: 0, Threshold: &apportion.Threshold{Percent: big.NewRat(101, 1)}}
	errs := apportion.Validate(ps, r)
	want := map[string]string{
		"parties[0].votes":       "NEGATIVE_VOTES",
		"parties[1].id":          "DUPLICATE_PARTY_ID",
		"parties[2].id":          "ID_REQUIRED",
		"rule.method":            "METHOD_UNSPECIFIED",
		"rule.seats":             "SEATS_NOT_POSITIVE",
		"rule.threshold.percent": "THRESHOLD_OVER_100",
	}
	got := map[string]string{}
	for _, e := range errs {
		got[e.Field] = e.Reason
	}
	for f, reason := range want {
		if got[f] != reason {
			t.Errorf("%s: got %q want %q (all: %v)", f, got[f], reason, got)
		}
	}
	_, err := apportion.Apportion(ps, r)
	var ve *apportion.ValidationError
	if !errors.As(err, &ve) || len(ve.Errors) != len(errs) {
		t.Fatalf("Apportion error %v is not a ValidationError with all problems", err)
	}
	var fe *apportion.FieldError
	if !errors.As(err, &fe) {
		t.Fatal("errors.As cannot reach a FieldError")
	}
	// Method-specific and consequence errors.
	cases := []struct {
		rule  apportion.Rule
		field string
		code  string
	}{
		{apportion.Rule{Method: apportion.ModifiedSainteLague, Seats: 3}, "rule.first_divisor", "FIRST_DIVISOR_REQUIRED"},
		{apportion.Rule{Method: apportion.DHondt, Seats: 3, Threshold: &apportion.Threshold{Votes: 1000}}, "rule.threshold", "NO_PARTY_QUALIFIES"},
		{apportion.Rule{Method: apportion.DHondt, Seats: 3, MinSeatsPerParty: 2}, "rule.min_seats_per_party", "MIN_SEATS_EXCEED_SEATS"},
		{apportion.Rule{Method: apportion.DHondt, Seats: 9, MaxSeatsPerParty: 2}, "rule.max_seats_per_party", "CAPACITY_TOO_SMALL"},
		{apportion.Rule{Method: apportion.Method(99), Seats: 3}, "rule.method", "METHOD_UNKNOWN"},
	}
	good := []apportion.Party{{ID: "x", Votes: 10}, {ID: "y", Votes: 7}}
	for _, c := range cases {
		errs := apportion.Validate(good, c.rule)
		if len(errs) != 1 || errs[0].Field != c.field || errs[0].Reason != c.code {
			t.Errorf("%+v: got %v, want %s %s", c.rule, errs, c.field, c.code)
		}
	}
	if errs := apportion.Validate(make([]apportion.Party, apportion.MaxParties+1), apportion.Rule{Method: apportion.DHondt, Seats: 1}); len(errs) == 0 || errs[0].Reason != "TOO_MANY_PARTIES" {
		t.Errorf("too many parties: %v", errs)
	}
}

func TestParseMethod(t *testing.T) {
	for _, c := range []struct {
		in   string
		want apportion.Method
	}{
		{"dhondt", apportion.DHondt}, {"Jefferson", apportion.DHondt}, {"D'Hondt", apportion.DHondt},
		{"sainte_lague", apportion.SainteLague}, {"webster", apportion.SainteLague},
		{"modified_sainte_lague", apportion.ModifiedSainteLague}, {"huntington-hill", apportion.HuntingtonHill},
		{"adams", apportion.Adams}, {"dean", apportion.Dean}, {"hare", apportion.Hare}, {"hamilton", apportion.Hare},
		{"droop", apportion.Droop}, {"hagenbach_bischoff", apportion.HagenbachBischoff},
		{"imperiali", apportion.ImperialiDivisor}, {"imperiali_quota", apportion.ImperialiQuota}, {"danish", apportion.Danish},
	} {
		got, err := apportion.ParseMethod(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseMethod(%q) = %v, %v", c.in, got, err)
		}
		if back, _ := apportion.ParseMethod(got.String()); back != got {
			t.Errorf("String round trip of %v failed", got)
		}
	}
	if _, err := apportion.ParseMethod("borda"); err == nil {
		t.Error("unknown method accepted")
	}
}
