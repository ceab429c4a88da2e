package form

import (
	"errors"
	"testing"
)

// TestTurnout: a form's one turnout is the numerator it declares; unset, it
// is ballots issued when a line plays that role (the laws shipped count
// voters who took part that way) and ballots cast otherwise. A declared
// numerator must be issued or cast and played by a line, or the contest is
// refused at the field that declares it.
func TestTurnout(t *testing.T) {
	lines := func(withIssued bool) []Line {
		ls := []Line{
			{ID: "registered", Number: "1", Roles: []Role{RoleRegistered}},
			{ID: "cast", Number: "3", Roles: []Role{RoleBallotsCast}},
			{ID: "valid", Number: "4", Roles: []Role{RoleValid}},
		}
		if withIssued {
			ls = append(ls, Line{ID: "issued", Number: "2", Roles: []Role{RoleBallotsIssued}})
		}
		return ls
	}
	for _, tc := range []struct {
		name     string
		issued   bool
		declared Role
		want     Role
		reason   string // "" when the contest compiles
	}{
		{"unset with an issued line", true, RoleUnspecified, RoleBallotsIssued, ""},
		{"unset without one", false, RoleUnspecified, RoleBallotsCast, ""},
		{"cast declared beside an issued line", true, RoleBallotsCast, RoleBallotsCast, ""},
		{"issued declared", true, RoleBallotsIssued, RoleBallotsIssued, ""},
		{"issued declared without its line", false, RoleBallotsIssued, RoleBallotsIssued, "NO_LINE_FOR_ROLE"},
		{"valid is no turnout", true, RoleValid, RoleValid, "INVALID_ROLE"},
		{"registered is no turnout", true, RoleRegistered, RoleRegistered, "INVALID_ROLE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Contest{ID: "c", DisplayName: "C", Kind: PartyList, ThresholdBase: RoleValid,
				Choices: []Choice{{ID: "a", Name: "A", BallotOrder: 1}},
				Form:    Form{Lines: lines(tc.issued), Turnout: tc.declared}}
			if got := c.Form.TurnoutRole(); got != tc.want {
				t.Errorf("TurnoutRole = %v, want %v", got, tc.want)
			}
			_, err := CompileContest(c)
			var fe *FieldError
			switch {
			case tc.reason == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.reason != "" && (!errors.As(err, &fe) || fe.Reason != tc.reason || fe.Field != "form.turnout_numerator"):
				t.Errorf("error %v, want %s at form.turnout_numerator", err, tc.reason)
			}
		})
	}
	if w := TurnoutWords(RoleBallotsIssued); w != "ballots issued / registered voters" {
		t.Errorf("words %q", w)
	}
}

// TestSeatPreset: a party-list contest may name its legal seat rule as a
// preset resource name; the tally keeps the name (the seats service knows
// the presets) but refuses one that is no name, or a rule on a contest that
// elects one candidate.
func TestSeatPreset(t *testing.T) {
	for _, tc := range []struct {
		name   string
		kind   ContestKind
		preset string
		reason string // "" when the contest compiles
	}{
		{"none", PartyList, "", ""},
		{"a preset", PartyList, "presets/kz-mazhilis-2009", ""},
		{"a bare id", PartyList, "kz-mazhilis-2009", "INVALID_RESOURCE_NAME"},
		{"not a slug", PartyList, "presets/KZ 2009", "INVALID_RESOURCE_NAME"},
		{"another collection", PartyList, "rules/kz-mazhilis-2009", "INVALID_RESOURCE_NAME"},
		{"on a single-winner contest", SingleWinner, "presets/kz-mazhilis-2009", "NOT_APPLICABLE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Contest{ID: "c", DisplayName: "C", Kind: tc.kind, ThresholdBase: RoleValid, SeatPreset: tc.preset,
				Choices: []Choice{{ID: "a", Name: "A", BallotOrder: 1}},
				Form: Form{Lines: []Line{{ID: "registered", Number: "1", Roles: []Role{RoleRegistered}},
					{ID: "cast", Number: "2", Roles: []Role{RoleBallotsCast}}, {ID: "valid", Number: "3", Roles: []Role{RoleValid}}}}}
			if tc.kind == SingleWinner {
				c.MajorityPercent, c.MajorityBase = 50, RoleValid
			}
			_, err := CompileContest(c)
			var fe *FieldError
			switch {
			case tc.reason == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.reason != "" && (!errors.As(err, &fe) || fe.Reason != tc.reason || fe.Field != "seat_preset"):
				t.Errorf("error %v, want %s at seat_preset", err, tc.reason)
			}
		})
	}
}
