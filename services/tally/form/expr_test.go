package form

import (
	"errors"
	"math"
	"testing"
)

func testContest(t *testing.T) *Compiled {
	t.Helper()
	cc, err := CompileContest(Contest{
		ID: "c", DisplayName: "C", Kind: PartyList, ThresholdBase: RoleValid,
		Form: Form{Lines: []Line{
			{ID: "registered", Number: "1", Name: "R", Roles: []Role{RoleRegistered}},
			{ID: "cast", Number: "2", Name: "C", Roles: []Role{RoleBallotsCast}},
			{ID: "valid", Number: "3", Name: "V", Roles: []Role{RoleValid}},
		}},
		Choices: []Choice{{ID: "nur-otan", Name: "N", BallotOrder: 1}, {ID: "ER", Name: "E", BallotOrder: 2}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return cc
}

func TestParseRelation(t *testing.T) {
	cc := testContest(t)
	// values: registered, cast, valid, nur-otan, ER
	vals := []int64{100, 90, 80, 50, 30}
	tests := []struct {
		expr string
		ok   bool
	}{
		{"valid = sum(choices)", true},
		{"valid == nur-otan + ER", true},
		{"registered >= cast", true},
		{"registered > cast + 10", false},
		{"registered >= cast + 10", true},
		{"-cast + registered = 10", true},
		{"2 * valid - 3 * ER = 70", true},
		{"100 * ER <= 5 * valid", false},
		{"cast < valid", false},
		{"nur-otan - ER = 20", true},
		{"valid <= 80", true},
	}
	for _, tc := range tests {
		l, r, op, ids, err := parseRelation(tc.expr, cc)
		if err != nil {
			t.Errorf("%q: %v", tc.expr, err)
			continue
		}
		rel := compiledRelation{left: l, right: r, op: op, ids: ids}
		if ok, _, _ := rel.Holds(vals); ok != tc.ok {
			t.Errorf("%q holds = %v, want %v", tc.expr, ok, tc.ok)
		}
	}
	bad := []struct{ expr, reason string }{
		{"valid = sum(lines)", "INVALID_EXPRESSION"},
		{"valid = nur-otan-ER", "UNKNOWN_IDENTIFIER"},
		{"valid", "INVALID_EXPRESSION"},
		{"valid = = cast", "INVALID_EXPRESSION"},
		{"valid = cast cast", "INVALID_EXPRESSION"},
		{"3 = 3", "INVALID_EXPRESSION"},
		{"valid = 2cast", "INVALID_EXPRESSION"},
		{"valid = cast / 2", "INVALID_EXPRESSION"},
		{"valid => cast", "INVALID_EXPRESSION"},
		{"blank >= 0", "UNKNOWN_IDENTIFIER"},
	}
	for _, b := range bad {
		_, _, _, _, err := parseRelation(b.expr, cc)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Reason != b.reason || fe.Field != "expression" {
			t.Errorf("%q: got %v, want %s", b.expr, err, b.reason)
		}
	}
}

func TestRelationOverflow(t *testing.T) {
	cc := testContest(t)
	l, r, op, ids, err := parseRelation("1000 * registered >= 1000 * cast", cc)
	if err != nil {
		t.Fatal(err)
	}
	rel := compiledRelation{left: l, right: r, op: op, ids: ids}
	ok, left, _ := rel.Holds([]int64{math.MaxInt64 / 10, 1, 0, 0, 0})
	if !ok || left != math.MaxInt64 {
		t.Errorf("overflowing left side: ok %v left %d", ok, left)
	}
	ok, _, _ = rel.Holds([]int64{1, math.MaxInt64 / 10, 0, 0, 0})
	if ok {
		t.Error("overflowing right side must compare exactly")
	}
}

func TestValidateElectionFields(t *testing.T) {
	base := func() Election {
		return Election{ID: "e-1", DisplayName: "E", Date: "2024-01-01", Contests: []Contest{testContest(t).Contest},
			Units: []Unit{{ID: "root", Name: "R", Level: "nation"}, {ID: "s", Parent: "root", Name: "S", Level: LevelStation}}}
	}
	tests := []struct {
		mutate func(e *Election)
		field  string
	}{
		{func(e *Election) { e.ID = "E_1" }, "id"},
		{func(e *Election) { e.Date = "2024-13-01" }, "date"},
		{func(e *Election) { e.Contests[0].Choices[0].Color = "red" }, "contests[0].choices[0].color"},
		{func(e *Election) { e.Contests[0].Choices[1].ID = "valid" }, "contests[0].choices[1].id"},
		{func(e *Election) { e.Contests[0].Choices[1].BallotOrder = 1 }, "contests[0].choices[1].ballot_order"},
		{func(e *Election) { e.Contests[0].Form.Lines[0].Roles = nil }, "contests[0].form.lines"},
		{func(e *Election) { e.Contests[0].ThresholdBase = RoleRegistered }, "contests[0].threshold_base"},
		{func(e *Election) {
			e.Contests[0].Form.Relations = []Relation{{Code: "NEGATIVE_COUNT", Severity: SeverityError, Expression: "valid >= 0"}}
		}, "contests[0].form.relations[0].code"},
		{func(e *Election) { e.Units = append(e.Units, Unit{ID: "r2", Name: "R2", Level: "nation"}) }, "units"},
		{func(e *Election) { e.Units[0].Parent = "s" }, "units"},
		{func(e *Election) { e.Units = append(e.Units, Unit{ID: "x", Parent: "s", Name: "X", Level: "room"}) }, "units[2].parent"},
		{func(e *Election) { e.Units[0].Registered = 5 }, "units[0].registered"},
		{func(e *Election) { e.Units[1].Registered = MaxCount + 1 }, "units[1].registered"},
	}
	if err := ValidateElection(base()); err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		e := base()
		e.Contests = []Contest{testContest(t).Contest}
		tc.mutate(&e)
		var fe *FieldError
		if err := ValidateElection(e); !errors.As(err, &fe) || fe.Field != tc.field {
			t.Errorf("want field %s, got %v", tc.field, err)
		}
	}
}

// TestCountBound: a count above MaxCount is refused naming its field; at
// the bound it is accepted; and MaxCount*MaxUnits, the largest total an
// election can reach, fits an int64.
func TestCountBound(t *testing.T) {
	cc := testContest(t)
	sub := func(registered, votes int64) Submission {
		return Submission{Lines: map[string]int64{"registered": registered, "cast": votes, "valid": votes},
			Votes: map[string]int64{"nur-otan": votes, "ER": 0}}
	}
	if _, _, err := cc.Check(sub(MaxCount, MaxCount)); err != nil {
		t.Fatalf("at the bound: %v", err)
	}
	for _, tc := range []struct {
		s     Submission
		field string
	}{
		{sub(math.MaxInt64, 1), "lines.registered"},
		{sub(MaxCount+1, 1), "lines.registered"},
		{sub(MaxCount+1, MaxCount+1), "lines.registered"},
	} {
		var fe *FieldError
		if _, _, err := cc.Check(tc.s); !errors.As(err, &fe) || fe.Field != tc.field || fe.Reason != "OUT_OF_RANGE" {
			t.Errorf("Check = %v, want OUT_OF_RANGE on %s", err, tc.field)
		}
	}
	s := sub(1, 1)
	s.Votes["ER"] = 1 << 62
	var fe *FieldError
	if _, _, err := cc.Check(s); !errors.As(err, &fe) || fe.Field != "votes.ER" {
		t.Errorf("Check = %v, want OUT_OF_RANGE on votes.ER", err)
	}
	if MaxCount > math.MaxInt64/MaxUnits {
		t.Errorf("MaxCount*MaxUnits overflows int64")
	}
}
