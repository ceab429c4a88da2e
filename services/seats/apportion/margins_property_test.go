package apportion_test

import (
	"testing"

	"github.com/mandate-project/mandate/services/seats/apportion"
)

// marginOracle re-runs an election with one party's votes changed and
// returns its decided seats (ties undecided), -1 when no distribution is
// possible. An explicit threshold base moves with the votes.
func marginOracle(ps []apportion.Party, r apportion.Rule) func(i int, v int64) int {
	r.NoMargins, r.Steps, r.Ties = true, false, apportion.TieUndecided
	return func(i int, v int64) int {
		q := append([]apportion.Party(nil), ps...)
		q[i].Votes = v
		rr := r
		if th := r.Threshold; th != nil && th.Base > 0 {
			t := *th
			t.Base += v - ps[i].Votes
			rr.Threshold = &t
		}
		res, err := apportion.Apportion(q, rr)
		if err != nil {
			return -1
		}
		return res.Parties[i].Seats
	}
}

// checkMargins verifies every party's margins by brute force: adding
// VotesToGain votes gains a seat and no smaller addition does; every loss up
// to VotesToLose keeps all decided seats and one vote more does not. None
// means no addition up to noneBound gains (gain), or no loss down to zero
// votes costs a seat (lose).
func checkMargins(t *testing.T, name string, ps []apportion.Party, r apportion.Rule, noneBound int64) {
	t.Helper()
	res, err := apportion.Apportion(ps, r)
	if err != nil {
		return
	}
	seatsAt := marginOracle(ps, r)
	for i, p := range res.Parties {
		s := seatsAt(i, p.Votes)
		if p.GainStatus == apportion.MarginNotComputed || p.LoseStatus == apportion.MarginNotComputed {
			if r.Method.IsDivisor() || r.MaxSeatsPerParty == 0 {
				t.Fatalf("%s: %s margins not computed (%v)", name, p.ID, res.Notes)
			}
			continue
		}
		switch p.GainStatus {
		case apportion.MarginComputed:
			g := p.VotesToGain
			if g < 1 || seatsAt(i, p.Votes+g) <= s {
				t.Fatalf("%s: %s VotesToGain %d does not gain (seats %d)", name, p.ID, g, s)
			}
			for x := int64(1); x < g && x <= 5*noneBound; x++ {
				if seatsAt(i, p.Votes+x) > s {
					t.Fatalf("%s: %s VotesToGain %d but %d already gains", name, p.ID, g, x)
				}
			}
		case apportion.MarginNone:
			for x := int64(1); x <= noneBound; x++ {
				if seatsAt(i, p.Votes+x) > s {
					t.Fatalf("%s: %s VotesToGain none but %d gains", name, p.ID, x)
				}
			}
		}
		switch p.LoseStatus {
		case apportion.MarginComputed:
			l := p.VotesToLose
			for x := int64(1); x <= l; x++ {
				if seatsAt(i, p.Votes-x) < s {
					t.Fatalf("%s: %s VotesToLose %d but losing %d costs a seat", name, p.ID, l, x)
				}
			}
			if l+1 > p.Votes || seatsAt(i, p.Votes-l-1) >= s {
				t.Fatalf("%s: %s VotesToLose %d but losing %d keeps all %d seats", name, p.ID, l, l+1, s)
			}
		case apportion.MarginNone:
			for x := int64(1); x <= p.Votes; x++ {
				if seatsAt(i, p.Votes-x) < s {
					t.Fatalf("%s: %s VotesToLose none but losing %d costs a seat", name, p.ID, x)
				}
			}
		}
	}
}

// TestMarginsPropertyAllRules checks margins by brute force on small random
// cases for every method with caps, minimums, overhang, thresholds (moving
// explicit bases too), the runner-up rule and tie rules.
func TestMarginsPropertyAllRules(t *testing.T) {
	seeds := uint64(50)
	if testing.Short() {
		seeds = 30
	}
	for _, m := range allMethods() {
		for seed := uint64(0); seed < seeds; seed++ {
			ps, r := randomRuleCase(seed+1000, m)
			r.Ties = apportion.TieRule(seed % 4)
			if r.Threshold != nil && seed%2 == 0 {
				var tot int64
				for _, p := range ps {
					tot += p.Votes
				}
				r.Threshold.Base = tot + int64(seed%7)
			}
			checkMargins(t, m.String()+"/"+itoa(seed), ps, r, 300)
		}
	}
}

func itoa(n uint64) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
