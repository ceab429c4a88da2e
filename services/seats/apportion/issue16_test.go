package apportion_test

import (
	"strings"
	"testing"

	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/apportion/casefile"
)

// caseOf parses a case file as mandatectl apportion --case does.
func caseOf(t *testing.T, js string) ([]apportion.Party, apportion.Rule) {
	t.Helper()
	c, err := casefile.Parse([]byte(js))
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Rule()
	if err != nil {
		t.Fatal(err)
	}
	return c.ApportionParties(), r
}

// Issue 16, items 1 and 2: caps in quota methods never make a capped party
// tied for a remainder seat or put it over its cap; a party without votes
// never gets a seat.
func TestIssue16Seats(t *testing.T) {
	for name, tc := range map[string]struct {
		js   string
		want []int
	}{
		"hare cap, no false tie": {`{"id":"hare_cap_2p","seats":14,"method":"hare","max_seats_per_party":8,"parties":[{"name":"A","votes":539},{"name":"B","votes":833}]}`, []int{6, 8}},
		"hare cap, more votes":   {`{"seats":14,"method":"hare","max_seats_per_party":8,"ties":"more_votes","parties":[{"name":"A","votes":539},{"name":"B","votes":833}]}`, []int{6, 8}},
		"hagenbach-bischoff cap": {`{"seats":14,"method":"hagenbach_bischoff","max_seats_per_party":5,"ties":"more_votes","parties":[{"name":"A","votes":240},{"name":"B","votes":180},{"name":"C","votes":120}]}`, []int{5, 5, 4}},
		"imperiali quota cap":    {`{"seats":11,"method":"imperiali_quota","max_seats_per_party":4,"ties":"ballot_order","parties":[{"name":"A","votes":2532},{"name":"B","votes":2343},{"name":"C","votes":48},{"name":"D","votes":1538}]}`, []int{4, 4, 0, 3}},
		"droop zero votes":       {`{"seats":10,"method":"droop","parties":[{"name":"A","votes":5},{"name":"B","votes":0}]}`, []int{10, 0}},
		"droop cap zero votes":   {`{"seats":6,"method":"droop","max_seats_per_party":3,"parties":[{"name":"A","votes":0},{"name":"B","votes":10},{"name":"C","votes":1}]}`, []int{0, 3, 3}},
	} {
		t.Run(name, func(t *testing.T) {
			ps, r := caseOf(t, tc.js)
			res, err := apportion.Apportion(ps, r)
			if err != nil {
				t.Fatal(err)
			}
			if got := seatsOf(res); !equalInts(got, tc.want) || res.Undecided != 0 || len(res.Ties) != 0 {
				t.Errorf("seats %v undecided %d ties %v, want %v and no tie", got, res.Undecided, res.Ties, tc.want)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Issue 16, items 3 and 4: Droop with minimum seats and overhang margins
// are exact (checked by brute force).
func TestIssue16Margins(t *testing.T) {
	for name, tc := range map[string]struct {
		js         string
		party      int
		gain, lose int64 // -1: not checked
	}{
		"droop min, lose": {`{"seats":5,"method":"droop","min_seats_per_party":1,"parties":[{"name":"A","votes":68},{"name":"B","votes":13}]}`, 0, -1, 24},
		"droop min, gain": {`{"seats":5,"method":"droop","min_seats_per_party":1,"parties":[{"name":"A","votes":45},{"name":"B","votes":37}]}`, 0, -1, -1},
		"overhang, gain":  {`{"seats":2,"method":"dhondt","overhang":true,"threshold":{"percent":"20"},"parties":[{"name":"A","votes":17,"district_wins":1},{"name":"B","votes":21,"district_wins":2},{"name":"C","votes":26}]}`, 0, 36, -1},
	} {
		t.Run(name, func(t *testing.T) {
			ps, r := caseOf(t, tc.js)
			checkMargins(t, name, ps, r, 2000)
			res, _ := apportion.Apportion(ps, r)
			p := res.Parties[tc.party]
			if tc.gain >= 0 && (p.GainStatus != apportion.MarginComputed || p.VotesToGain != tc.gain) {
				t.Errorf("gain %v %d, want %d", p.GainStatus, p.VotesToGain, tc.gain)
			}
			if tc.lose >= 0 && (p.LoseStatus != apportion.MarginComputed || p.VotesToLose != tc.lose) {
				t.Errorf("lose %v %d, want %d", p.LoseStatus, p.VotesToLose, tc.lose)
			}
		})
	}
}

// Issue 16, item 5: with seat caps a quota method's margins are not
// computed, and the answer says why (never a number that is wrong).
func TestIssue16CappedQuotaMarginsSayWhy(t *testing.T) {
	ps, r := caseOf(t, `{"seats":7,"method":"hagenbach_bischoff","max_seats_per_party":3,"parties":[{"name":"A","votes":7},{"name":"B","votes":5},{"name":"C","votes":3}]}`)
	res, err := apportion.Apportion(ps, r)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Parties {
		if p.GainStatus != apportion.MarginNotComputed || p.LoseStatus != apportion.MarginNotComputed {
			t.Errorf("%s: %v %v", p.ID, p.GainStatus, p.LoseStatus)
		}
	}
	if !strings.Contains(strings.Join(res.Notes, "\n"), "margins not computed: with seat caps") {
		t.Errorf("notes %v", res.Notes)
	}
}

// Issue 16, item 6: Droop margins are computed for a Netherlands-2023-like
// 10-seat case (all 20 were -1 before), each a first crossing.
func TestIssue16DroopNetherlands10Seats(t *testing.T) {
	ps, r := loadCase(t, "nl_tk_2023")
	r.Method, r.Seats, r.Threshold, r.FirstDivisor = apportion.Droop, 10, nil, nil
	res, err := apportion.Apportion(ps, r)
	if err != nil {
		t.Fatal(err)
	}
	at := marginOracle(ps, r)
	for i, p := range res.Parties {
		s := at(i, p.Votes)
		if p.GainStatus != apportion.MarginComputed {
			t.Fatalf("%s gain %v", p.ID, p.GainStatus)
		}
		if g := p.VotesToGain; at(i, p.Votes+g) <= s || at(i, p.Votes+g-1) > s {
			t.Errorf("%s: gain %d is not a crossing", p.ID, g)
		}
		switch p.LoseStatus {
		case apportion.MarginComputed:
			if l := p.VotesToLose; at(i, p.Votes-l) < s || at(i, p.Votes-l-1) >= s {
				t.Errorf("%s: lose %d is not a crossing", p.ID, l)
			}
		case apportion.MarginNone:
			if s != 0 {
				t.Errorf("%s: %d seats, lose none", p.ID, s)
			}
		default:
			t.Errorf("%s lose not computed", p.ID)
		}
	}
}
