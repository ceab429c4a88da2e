package definition_test

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/mandate-project/mandate/services/tally/definition"
	"github.com/mandate-project/mandate/services/tally/form"
)

func contestWith(t testing.TB, formName string, choices ...string) form.Contest {
	t.Helper()
	f, err := definition.Form(formName)
	if err != nil {
		t.Fatal(err)
	}
	c := form.Contest{ID: "c", DisplayName: "C", Kind: form.PartyList, Form: f, ThresholdBase: form.RoleValid}
	for i, id := range choices {
		c.Choices = append(c.Choices, form.Choice{ID: id, Name: id, BallotOrder: i + 1})
	}
	return c
}

// A real row of the RU 2016 file (station RU2016-R01-U1).
func ruProtocol() form.Submission {
	return form.Submission{
		Lines: map[string]int64{"registered": 2584, "ballots_received": 2328, "ballots_issued_early": 0,
			"ballots_issued_in_station": 2067, "ballots_issued_outside": 50, "ballots_cancelled": 211,
			"ballots_in_mobile_boxes": 50, "ballots_in_stationary_boxes": 2067, "invalid": 11, "valid": 2106,
			"absentee_cert_received": 30, "absentee_cert_issued_at_station": 4, "absentee_cert_voters": 3,
			"absentee_cert_cancelled": 26, "absentee_cert_issued_by_tec": 3, "absentee_cert_lost": 0,
			"ballots_lost": 0, "ballots_unaccounted": 0},
		Votes: map[string]int64{"RODINA": 0, "KPKR": 0, "RPPS": 0, "ER": 1796, "ZELENYE": 0, "GP": 0, "LDPR": 157,
			"PARNAS": 0, "ROST": 0, "GS": 0, "YABLOKO": 0, "KPRF": 97, "PR": 0, "SR": 56},
	}
}

var ruParties = []string{"RODINA", "KPKR", "RPPS", "ER", "ZELENYE", "GP", "LDPR", "PARNAS", "ROST", "GS", "YABLOKO", "KPRF", "PR", "SR"}

func kzProtocol() form.Submission {
	return form.Submission{
		Lines: map[string]int64{"registered": 1000, "ballots_received": 1000, "ballots_issued": 800,
			"ballots_cancelled": 200, "ballots_cast": 800, "invalid": 10, "valid": 790},
		Votes: map[string]int64{"nur-otan": 600, "ak-zhol": 100, "cppk": 90},
	}
}

func TestShippedFormRelations(t *testing.T) {
	ru := contestWith(t, "ru-duma-2016-party-list", ruParties...)
	kz := contestWith(t, "kz-mazhilis-party-list", "nur-otan", "ak-zhol", "cppk")
	tests := []struct {
		name     string
		contest  form.Contest
		base     func() form.Submission
		mutate   func(s *form.Submission)
		code     string
		severity form.Severity
	}{
		{"ru issued above registered", ru, ruProtocol, func(s *form.Submission) { s.Lines["registered"] = 2116 }, "RU_REGISTERED_GE_ISSUED", form.SeverityError},
		{"ru received balance", ru, ruProtocol, func(s *form.Submission) { s.Lines["ballots_received"]++ }, "RU_BALLOTS_RECEIVED_BALANCE", form.SeverityError},
		{"ru boxes balance", ru, ruProtocol, func(s *form.Submission) { s.Lines["invalid"]++ }, "RU_BALLOTS_IN_BOXES_BALANCE", form.SeverityError},
		{"ru valid vs votes", ru, ruProtocol, func(s *form.Submission) { s.Votes["SR"]++ }, "RU_VALID_EQ_VOTES", form.SeverityError},
		{"ru absentee balance", ru, ruProtocol, func(s *form.Submission) { s.Lines["absentee_cert_lost"] = 1 }, "RU_ABSENTEE_CERT_BALANCE", form.SeverityError},
		{"ru boxes above issued", ru, ruProtocol, func(s *form.Submission) {
			s.Lines["ballots_in_stationary_boxes"] += 10
			s.Lines["valid"] += 10
			s.Votes["ER"] += 10
		}, "RU_BALLOTS_IN_BOXES_GT_ISSUED", form.SeverityWarning},
		{"ru mobile above outside", ru, ruProtocol, func(s *form.Submission) {
			s.Lines["ballots_in_mobile_boxes"] += 5
			s.Lines["ballots_in_stationary_boxes"] -= 5
		}, "RU_MOBILE_BOXES_GT_ISSUED_OUTSIDE", form.SeverityWarning},
		{"ru negative", ru, ruProtocol, func(s *form.Submission) { s.Votes["PR"] = -1; s.Votes["SR"] = 57 }, "NEGATIVE_COUNT", form.SeverityError},
		{"kz issued above registered", kz, kzProtocol, func(s *form.Submission) { s.Lines["registered"] = 799 }, "KZ_REGISTERED_GE_ISSUED", form.SeverityError},
		{"kz received balance", kz, kzProtocol, func(s *form.Submission) { s.Lines["ballots_cancelled"] = 199 }, "KZ_BALLOTS_RECEIVED_BALANCE", form.SeverityError},
		{"kz cast balance", kz, kzProtocol, func(s *form.Submission) { s.Lines["invalid"] = 11 }, "KZ_BALLOTS_CAST_BALANCE", form.SeverityError},
		{"kz valid vs votes", kz, kzProtocol, func(s *form.Submission) { s.Votes["cppk"] = 91 }, "KZ_VALID_EQ_VOTES", form.SeverityError},
		{"kz cast above issued", kz, kzProtocol, func(s *form.Submission) {
			s.Lines["ballots_cast"] = 805
			s.Lines["valid"] = 795
			s.Votes["nur-otan"] = 605
		}, "KZ_BALLOTS_CAST_GT_ISSUED", form.SeverityWarning},
		{"kz invalid above 5 %", kz, kzProtocol, func(s *form.Submission) {
			s.Lines["invalid"] = 41
			s.Lines["valid"] = 759
			s.Votes["nur-otan"] = 569
		}, "KZ_INVALID_ABOVE_5_PERCENT", form.SeverityWarning},
	}
	for _, c := range []form.Contest{ru, kz} {
		base := ruProtocol()
		if c.Form.Name == "kz-mazhilis-party-list" {
			base = kzProtocol()
		}
		if w, err := form.ValidateProtocol(c, base); err != nil || len(w) != 0 {
			t.Fatalf("%s: clean protocol: %v %v", c.Form.Name, w, err)
		}
	}
	covered := map[string]bool{}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.base()
			s.Lines, s.Votes = maps.Clone(s.Lines), maps.Clone(s.Votes)
			tc.mutate(&s)
			w, err := form.ValidateProtocol(tc.contest, s)
			if tc.severity == form.SeverityWarning {
				if err != nil || len(w) != 1 || w[0].Code != tc.code {
					t.Fatalf("got warnings %v, err %v; want exactly %s", w, err, tc.code)
				}
				return
			}
			var ve *form.ValidationError
			if !errors.As(err, &ve) || len(ve.Violations) != 1 || ve.Violations[0].Code != tc.code {
				t.Fatalf("got %v, want only %s", err, tc.code)
			}
		})
		covered[tc.code] = true
	}
	for _, c := range []form.Contest{ru, kz} {
		for _, r := range c.Form.Relations {
			if !covered[r.Code] {
				t.Errorf("relation %s of %s has no test", r.Code, c.Form.Name)
			}
		}
	}
}

func TestParse(t *testing.T) {
	yamlDoc := `
id: town-2025
display_name: Town 2025
date: "2025-05-04"
contests:
  - id: mayor
    display_name: Mayor
    kind: single-winner
    threshold_base: valid
    majority_percent: 50
    majority_base: valid
    form:
      lines:
        - {id: registered, number: "1", name: Registered, roles: [registered]}
        - {id: cast, number: "2", name: Cast, roles: [ballots-cast, ballots-issued]}
        - {id: valid, number: "3", name: Valid, roles: [valid]}
      relations:
        - {code: SUM, message: sum, severity: error, expression: "valid = sum(choices)"}
        - {code: CAST, message: cast, severity: warning, expression: "cast >= valid"}
    choices:
      - {id: ann, name: Ann}
      - {id: bob, name: Bob}
units:
  - {id: town, name: Town, level: municipality}
  - {id: p1, parent: town, name: Precinct 1, level: station, registered: 100}
`
	f, err := definition.Parse([]byte(yamlDoc))
	if err != nil {
		t.Fatal(err)
	}
	c := f.Election.Contests[0]
	if c.Kind != form.SingleWinner || c.Choices[1].BallotOrder != 2 || len(c.Form.Lines[1].Roles) != 2 ||
		len(f.Election.Units) != 2 || f.Election.Units[1].Parent != "town" || f.CSV != nil {
		t.Errorf("parsed %+v", f.Election)
	}
	jsonDoc := `{"id": "j-1", "display_name": "J", "date": "2025-01-01",
	  "contests": [{"id": "list", "display_name": "List", "kind": "party-list", "threshold_base": "valid",
	    "form": "kz-mazhilis-party-list", "choices": [{"id": "a", "name": "A"}]}],
	  "units": [{"id": "n", "name": "N", "level": "nation",
	    "children": [{"id": "s", "name": "S", "level": "station", "registered": 5}]}],
	  "import": {"csv": {"contest": "list", "station": {"column": "station"}, "votes": {"a": "votes_a"}}}}`
	f, err = definition.Parse([]byte(jsonDoc))
	if err != nil {
		t.Fatal(err)
	}
	if f.Election.Units[1].Parent != "n" || f.CSV == nil || f.CSV.Votes["a"] != "votes_a" || f.CSV.Lines["ballots_cast"] != "ballots_cast" ||
		f.CSV.Root != "n" || f.CSV.Station.ID != definition.IDVerbatim {
		t.Errorf("parsed JSON %+v %+v", f.Election, f.CSV)
	}

	ties, err := definition.Parse([]byte(strings.Replace(yamlDoc, "majority_base: valid", "majority_base: ballots-cast\n    runoff_rule: ties-advance", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if c := ties.Election.Contests[0]; c.Runoff != form.RunoffTiesAdvance || c.MajorityBase != form.RoleBallotsCast || c.MajorityPercent != 50 {
		t.Errorf("single-winner rule %+v", c)
	}

	bad := []struct{ doc, want string }{
		{strings.Replace(yamlDoc, "cast >= valid", "cast >= vaild", 1), "contests[0].form.relations[1].expression"},
		{strings.Replace(yamlDoc, "kind: single-winner", "kind: ranked", 1), "kind"},
		{strings.Replace(yamlDoc, "majority_base: valid", "majority_base: registered", 1), "contests[0].majority_base"},
		{strings.Replace(yamlDoc, "majority_base: valid", "majority_base: valid\n    runoff_rule: coin", 1), "runoff_rule"},
		{strings.Replace(yamlDoc, "majority_base: valid", "majority_base: valid\n    runoff_rule: none", 1), "contests[0].majority_percent"},
		{strings.Replace(yamlDoc, "date:", "dat:", 1), "field dat not found"},
		{strings.Replace(yamlDoc, "parent: town", "parent: city", 1), "UNKNOWN_PARENT"},
		{strings.Replace(jsonDoc, "kz-mazhilis-party-list", "xx-form", 1), "not in the library"},
		{strings.Replace(jsonDoc, `"votes_a"}`, `"votes_a", "b": "x"}`, 1), "not a choice"},
	}
	for _, b := range bad {
		if _, err := definition.Parse([]byte(b.doc)); err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("error %v, want it to mention %q", err, b.want)
		}
	}
	if names := definition.FormNames(); !slices.Contains(names, "ru-duma-2016-party-list") || !slices.Contains(names, "kz-mazhilis-party-list") {
		t.Errorf("forms %v", names)
	}
}

// The party-list examples name the law that elected them (a bare preset id
// in the file, its resource name in the definition); the presidential one
// elects no chamber.
func TestExamplesLoad(t *testing.T) {
	for p, preset := range map[string]string{
		"../../../examples/ru-duma-2016/election.yaml": "presets/ru-duma-2016",
		"../../../examples/kz-2012/election.yaml":      "presets/kz-mazhilis-2009",
		"../../../examples/kz-2011/election.yaml":      "",
	} {
		f, err := definition.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		if f.CSV == nil {
			t.Errorf("%s: no CSV mapping", p)
		}
		if got := f.Election.Contests[0].SeatPreset; got != preset {
			t.Errorf("%s: seat preset %q, want %q", p, got, preset)
		}
	}
}

// TestShippedFormsDeclareTurnout: every library form states its law's
// turnout rather than leaving it to the default (Russia's CEC counts
// ballots issued, Kazakhstan's the voters who took part, line 5).
func TestShippedFormsDeclareTurnout(t *testing.T) {
	want := map[string]form.Role{
		"ru-duma-2016-party-list": form.RoleBallotsIssued,
		"kz-mazhilis-party-list":  form.RoleBallotsCast,
		"kz-president":            form.RoleBallotsCast,
	}
	for _, name := range definition.FormNames() {
		f, err := definition.Form(name)
		if err != nil {
			t.Fatal(err)
		}
		if w, ok := want[name]; !ok || f.Turnout != w {
			t.Errorf("%s: turnout %v, want %v (add new forms here)", name, f.Turnout, w)
		}
	}
}
