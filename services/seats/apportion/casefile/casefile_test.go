package casefile

import (
	"math/big"
	"strings"
	"testing"

	"github.com/mandate-project/mandate/services/seats/apportion"
)

func TestParseAllFields(t *testing.T) {
	c, err := Parse([]byte(`{
 "id": "x", "title": "t", "seats": 10, "method": "modified_sainte_lague", "first_divisor": "1.4",
 "threshold": {"percent": "4.5", "of_total": 1000, "votes": 7, "or_district_wins_at_least": 2, "note": "ignored"},
 "runner_up_guaranteed": true, "min_seats_per_party": 1, "overhang": true, "future_field": [1,2],
 "parties": [
  {"name": "A", "votes": 600, "district_wins": 3, "official_seats": 6},
  {"name": "B", "votes": 300, "exempt": true, "official_seats": 3},
  {"name": "C", "votes": 100, "official_seats": 1}
 ]}`))
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Rule()
	if err != nil {
		t.Fatal(err)
	}
	if r.Method != apportion.ModifiedSainteLague || r.FirstDivisor.Cmp(big.NewRat(7, 5)) != 0 || r.Seats != 10 ||
		!r.RunnerUpGuaranteed || r.MinSeatsPerParty != 1 || !r.Overhang {
		t.Errorf("rule %+v", r)
	}
	th := r.Threshold
	if th.Percent.Cmp(big.NewRat(9, 2)) != 0 || th.Base != 1000 || th.Votes != 7 || th.OrDistrictWinsAtLeast != 2 {
		t.Errorf("threshold %+v", th)
	}
	ps := c.ApportionParties()
	if ps[0].ID != "A" || ps[2].ID != "C" || ps[0].DistrictWins != 3 || !ps[1].Exempt {
		t.Errorf("parties %+v", ps)
	}
	if exp, ok := c.Expected(); !ok || exp[0] != 6 || exp[2] != 1 {
		t.Errorf("expected %v %v", exp, ok)
	}
	if _, err := apportion.Apportion(ps, r); err != nil {
		t.Errorf("apportion: %v", err)
	}
	if _, err := Parse([]byte(`{"id":"bad","seats":1,"method":"x","parties":[{"name":"a","votes":1.5}]}`)); err == nil {
		t.Error("fractional votes accepted")
	}
	c2, _ := Parse([]byte(`{"id":"m","seats":1,"method":"borda","parties":[{"name":"a","votes":1}]}`))
	if _, err := c2.Rule(); err == nil {
		t.Error("unknown method accepted")
	}
}

// A case file follows the API's rules: no text after the JSON, no exponents
// in decimals, unique party ids (named by field path).
func TestParseRefuses(t *testing.T) {
	for name, tc := range map[string]struct{ in, want string }{
		"trailing text":  {`{"seats":1,"method":"dhondt","parties":[{"name":"a","votes":1}]} x`, "text after the JSON"},
		"second object":  {`{"seats":1,"method":"dhondt","parties":[{"name":"a","votes":1}]}{}`, "text after the JSON"},
		"exponent":       {`{"seats":1,"method":"dhondt","threshold":{"percent":"1e1"},"parties":[{"name":"a","votes":1}]}`, "not a decimal"},
		"exponent num":   {`{"seats":1,"method":"modified_sainte_lague","first_divisor":14e-1,"parties":[{"name":"a","votes":1}]}`, "not a decimal"},
		"duplicate name": {`{"seats":1,"method":"dhondt","parties":[{"name":"A","votes":1},{"name":"B","votes":1},{"name":"A","votes":2}]}`, `parties[2].name: "A" is already used by parties[0]`},
		"duplicate id":   {`{"seats":1,"method":"dhondt","parties":[{"id":"x","name":"A","votes":1},{"id":"x","name":"B","votes":1}]}`, `parties[1].id: "x" is already used by parties[0]`},
	} {
		_, err := Parse([]byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error with %q", name, err, tc.want)
		}
	}
	if _, err := Parse([]byte("{\"seats\":1,\"method\":\"dhondt\",\"parties\":[{\"name\":\"a\",\"votes\":1}]}\n\n")); err != nil {
		t.Errorf("trailing white space refused: %v", err)
	}
}
