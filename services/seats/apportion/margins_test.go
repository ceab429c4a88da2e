package apportion_test

import (
	"path/filepath"
	"testing"

	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/apportion/casefile"
)

func loadCase(t testing.TB, id string) ([]apportion.Party, apportion.Rule) {
	t.Helper()
	c, err := casefile.Load(filepath.Join("testdata", "corpus", id+".json"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Rule()
	if err != nil {
		t.Fatal(err)
	}
	return c.ApportionParties(), r
}

func partyByID(t testing.TB, res *apportion.Result, id string) (int, apportion.PartyResult) {
	t.Helper()
	for i, p := range res.Parties {
		if p.ID == id {
			return i, p
		}
	}
	t.Fatalf("no party %q", id)
	return -1, apportion.PartyResult{}
}

func TestMarginUSHouse2020NewYork(t *testing.T) {
	ps, r := loadCase(t, "us_house_2020")
	res, err := apportion.Apportion(ps, r)
	if err != nil {
		t.Fatal(err)
	}
	i, ny := partyByID(t, res, "New York")
	if ny.Seats != 26 || ny.VotesToGain != 89 {
		t.Fatalf("New York: seats %d, VotesToGain %d; want 26 and 89", ny.Seats, ny.VotesToGain)
	}
	// 88 more residents: still 26; 89: 27 and someone (Minnesota) loses one.
	for _, c := range []struct {
		add  int64
		want int
	}{{88, 26}, {89, 27}} {
		q := append([]apportion.Party(nil), ps...)
		q[i].Votes += c.add
		r2 := r
		r2.NoMargins = true
		res2, err := apportion.Apportion(q, r2)
		if err != nil {
			t.Fatal(err)
		}
		if got := res2.Parties[i].Seats; got != c.want {
			t.Errorf("New York +%d: %d seats, want %d", c.add, got, c.want)
		}
	}
}

func TestMarginNetherlands2023D66(t *testing.T) {
	ps, r := loadCase(t, "nl_tk_2023")
	res, err := apportion.Apportion(ps, r)
	if err != nil {
		t.Fatal(err)
	}
	i, d66 := partyByID(t, res, "D66")
	if d66.Seats != 9 || d66.VotesToGain != 159 {
		t.Fatalf("D66: seats %d, VotesToGain %d; want 9 and 159", d66.Seats, d66.VotesToGain)
	}
	// SP keeps its 5th seat losing 78 votes; 79 fewer is an exact tie.
	_, sp := partyByID(t, res, "SP")
	if sp.VotesToLose != 78 {
		t.Errorf("SP VotesToLose %d, want 78", sp.VotesToLose)
	}
	// 158 more votes: exact tie D66 vs SP for the 150th seat.
	q := append([]apportion.Party(nil), ps...)
	q[i].Votes += 158
	res2, err := apportion.Apportion(q, r)
	if err != nil {
		t.Fatal(err)
	}
	if len(res2.Ties) != 1 || res2.Undecided != 1 {
		t.Fatalf("158 more: ties %+v undecided %d, want one tie for one seat", res2.Ties, res2.Undecided)
	}
	_, sp2 := partyByID(t, res2, "SP")
	if !res2.Parties[i].TiedForLast || !sp2.TiedForLast || len(res2.Ties[0].Parties) != 2 {
		t.Errorf("tie set %+v, want exactly D66 and SP", res2.Ties[0])
	}
	if res2.Parties[i].Seats != 9 || sp2.Seats != 4 {
		t.Errorf("undecided tie: D66 %d SP %d, want 9 and 4", res2.Parties[i].Seats, sp2.Seats)
	}
	// Under the lot rule the seat goes to one of the two, reproducibly.
	r.Ties, r.Seed = apportion.TieLot, 2023
	a, _ := apportion.Apportion(q, r)
	b, _ := apportion.Apportion(q, r)
	if a.Undecided != 0 || len(a.Ties[0].ResolvedTo) != 1 || a.Ties[0].ResolvedTo[0] != b.Ties[0].ResolvedTo[0] {
		t.Errorf("lot draw not reproducible: %+v vs %+v", a.Ties, b.Ties)
	}
}

// TestMarginsBruteForce checks margins against a scan over every vote
// change on small random elections, for every method.
func TestMarginsBruteForce(t *testing.T) {
	rng := newRand(7)
	methods := allMethods()
	for iter := 0; iter < 60; iter++ {
		m := methods[iter%len(methods)]
		n := 2 + rng.IntN(4)
		ps := make([]apportion.Party, n)
		for i := range ps {
			ps[i] = apportion.Party{ID: string(rune('A' + i)), Votes: int64(rng.IntN(300))}
		}
		ps[0].Votes += 50
		r := apportion.Rule{Method: m, Seats: 1 + rng.IntN(7)}
		if m == apportion.ModifiedSainteLague {
			r.FirstDivisor = ratOf(7, 5)
		}
		if iter%3 == 0 {
			r.Threshold = &apportion.Threshold{Percent: ratOf(10, 1)}
		}
		res, err := apportion.Apportion(ps, r)
		if err != nil {
			continue
		}
		noM := r
		noM.NoMargins = true
		noM.Ties = apportion.TieUndecided
		seatsAt := func(i int, v int64) int {
			q := append([]apportion.Party(nil), ps...)
			q[i].Votes = v
			rr, err := apportion.Apportion(q, noM)
			if err != nil {
				return -1
			}
			return rr.Parties[i].Seats
		}
		for i, p := range res.Parties {
			s := p.Seats
			// brute force gain up to 4000 votes
			want := int64(-1)
			for x := int64(1); x <= 4000; x++ {
				if seatsAt(i, p.Votes+x) > s {
					want = x
					break
				}
			}
			if want >= 0 && p.VotesToGain != want {
				t.Errorf("iter %d %s %v: %s VotesToGain %d, brute force %d", iter, m, ps, p.ID, p.VotesToGain, want)
			}
			if s > 0 {
				wantL := p.Votes
				for x := int64(1); x <= p.Votes; x++ {
					if seatsAt(i, p.Votes-x) < s {
						wantL = x - 1
						break
					}
				}
				if p.VotesToLose != wantL {
					t.Errorf("iter %d %s %v: %s VotesToLose %d, brute force %d", iter, m, ps, p.ID, p.VotesToLose, wantL)
				}
			}
		}
	}
}
