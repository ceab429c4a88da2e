package apportion_test

import (
	"testing"

	"github.com/mandate-project/mandate/services/seats/apportion"
)

// Both setups tie A and B for the last seat; A has more votes, B is first
// on the ballot.
func tieSetups() map[string]struct {
	parties []apportion.Party
	rule    apportion.Rule
} {
	ps := []apportion.Party{
		{ID: "A", Votes: 200, BallotOrder: 2},
		{ID: "B", Votes: 100, BallotOrder: 1},
	}
	qs := []apportion.Party{
		{ID: "A", Votes: 15, BallotOrder: 2},
		{ID: "B", Votes: 5, BallotOrder: 1},
	}
	return map[string]struct {
		parties []apportion.Party
		rule    apportion.Rule
	}{
		// D'Hondt: A 200, 100; B 100 -> seat 2 tied at 100.
		"dhondt": {ps, apportion.Rule{Method: apportion.DHondt, Seats: 2}},
		// Hare: quota 10, A 1 whole + 5/10, B 0 + 5/10 -> 1 seat tied.
		"hare": {qs, apportion.Rule{Method: apportion.Hare, Seats: 2}},
	}
}

func TestTieRules(t *testing.T) {
	for name, s := range tieSetups() {
		t.Run(name, func(t *testing.T) {
			want := map[apportion.TieRule][2]int{
				apportion.TieUndecided:   {1, 0},
				apportion.TieMoreVotes:   {2, 0},
				apportion.TieBallotOrder: {1, 1},
			}
			for tr, w := range want {
				r := s.rule
				r.Ties = tr
				res, err := apportion.Apportion(s.parties, r)
				if err != nil {
					t.Fatal(err)
				}
				if got := [2]int{res.Parties[0].Seats, res.Parties[1].Seats}; got != w {
					t.Errorf("%s: seats %v want %v", tr, got, w)
				}
				if len(res.Ties) != 1 || res.Ties[0].Seats != 1 || len(res.Ties[0].Parties) != 2 {
					t.Fatalf("%s: ties %+v", tr, res.Ties)
				}
				if !res.Parties[0].TiedForLast || !res.Parties[1].TiedForLast {
					t.Errorf("%s: both parties must be marked TiedForLast", tr)
				}
				wantUndecided := 0
				if tr == apportion.TieUndecided {
					wantUndecided = 1
					if len(res.Ties[0].ResolvedTo) != 0 {
						t.Errorf("undecided tie resolved to %v", res.Ties[0].ResolvedTo)
					}
				}
				if res.Undecided != wantUndecided {
					t.Errorf("%s: undecided %d", tr, res.Undecided)
				}
			}
			// Lot: reproducible for a seed, and both outcomes occur over seeds.
			seen := map[int]bool{}
			for seed := uint64(0); seed < 32; seed++ {
				r := s.rule
				r.Ties, r.Seed = apportion.TieLot, seed
				a, _ := apportion.Apportion(s.parties, r)
				b, _ := apportion.Apportion(s.parties, r)
				if a.Seed != seed || a.Undecided != 0 || a.Parties[1].Seats != b.Parties[1].Seats {
					t.Fatalf("seed %d: not reproducible", seed)
				}
				if a.Ties[0].ResolvedTo[0] != b.Ties[0].ResolvedTo[0] {
					t.Fatalf("seed %d: different winners", seed)
				}
				seen[a.Ties[0].ResolvedTo[0]] = true
			}
			if !seen[0] || !seen[1] {
				t.Errorf("lot never picked one of the parties over 32 seeds: %v", seen)
			}
		})
	}
}

// A three-way tie for two seats is reported as one complete set.
func TestTieCompleteSet(t *testing.T) {
	ps := []apportion.Party{{ID: "A", Votes: 300}, {ID: "B", Votes: 100}, {ID: "C", Votes: 100}, {ID: "D", Votes: 100}}
	// D'Hondt 4 seats: A 300,150,100; B,C,D 100 -> A gets 2, then 2 seats among A(100),B,C,D.
	res, err := apportion.Apportion(ps, apportion.Rule{Method: apportion.DHondt, Seats: 4})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Ties) != 1 || len(res.Ties[0].Parties) != 4 || res.Ties[0].Seats != 2 || res.Undecided != 2 {
		t.Fatalf("ties %+v undecided %d", res.Ties, res.Undecided)
	}
	if res.Parties[0].Seats != 2 || res.Parties[1].Seats != 0 {
		t.Errorf("seats %v", seatsOf(res))
	}
	// Adams with more parties than seats: all tied at an infinite quotient.
	res, err = apportion.Apportion(ps, apportion.Rule{Method: apportion.Adams, Seats: 2})
	if err != nil {
		t.Fatal(err)
	}
	if res.Undecided != 2 || len(res.Ties[0].Parties) != 4 {
		t.Fatalf("adams: ties %+v undecided %d", res.Ties, res.Undecided)
	}
	// A party exactly at the threshold passes: no tie there.
	th := &apportion.Threshold{Percent: ratOf(25, 1)}
	res, err = apportion.Apportion([]apportion.Party{{ID: "A", Votes: 75}, {ID: "B", Votes: 25}}, apportion.Rule{Method: apportion.Hare, Seats: 4, Threshold: th})
	if err != nil {
		t.Fatal(err)
	}
	if res.Parties[1].Qualification != apportion.Passed || res.Parties[1].Seats != 1 || len(res.Ties) != 0 {
		t.Errorf("threshold edge: %+v", res.Parties[1])
	}
}
