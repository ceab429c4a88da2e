package tally

import (
	"errors"
	"reflect"
	"testing"

	"github.com/mandate-project/mandate/services/tally/form"
)

func singleWinner(percent int, base Role, rule RunoffRule) Contest {
	return Contest{
		ID: "president", DisplayName: "President", Kind: SingleWinner, ThresholdBase: RoleValid,
		MajorityPercent: percent, MajorityBase: base, Runoff: rule,
		Form: Form{Lines: []Line{
			{ID: "registered", Number: "1", Name: "R", Roles: []Role{RoleRegistered}},
			{ID: "cast", Number: "2", Name: "C", Roles: []Role{RoleBallotsCast}},
			{ID: "valid", Number: "3", Name: "V", Roles: []Role{RoleValid}},
		}},
		Choices: []Choice{{ID: "A", Name: "A", BallotOrder: 1}, {ID: "B", Name: "B", BallotOrder: 2},
			{ID: "C", Name: "C", BallotOrder: 3}, {ID: "D", Name: "D", BallotOrder: 4}},
	}
}

func TestMajorityRuleValidation(t *testing.T) {
	list := singleWinner(0, RoleUnspecified, RunoffUnspecified)
	list.Kind = PartyList
	listRunoff := list
	listRunoff.Runoff = RunoffTwoLeaders
	for _, tc := range []struct {
		name          string
		c             Contest
		field, reason string
	}{
		{"majority of valid votes", singleWinner(50, RoleValid, RunoffUnspecified), "", ""},
		{"majority of ballots cast, ties advance", singleWinner(50, RoleBallotsCast, RunoffTiesAdvance), "", ""},
		{"first past the post", singleWinner(0, RoleUnspecified, RunoffNone), "", ""},
		{"party list", list, "", ""},
		{"no base", singleWinner(50, RoleUnspecified, RunoffTwoLeaders), "majority_base", "REQUIRED"},
		{"base of registered", singleWinner(50, RoleRegistered, RunoffTwoLeaders), "majority_base", "INVALID_ROLE"},
		{"base without a line", singleWinner(50, RoleBallotsIssued, RunoffTwoLeaders), "majority_base", "NO_LINE_FOR_ROLE"},
		{"percent 0 with a runoff", singleWinner(0, RoleValid, RunoffTwoLeaders), "majority_percent", "OUT_OF_RANGE"},
		{"percent 100", singleWinner(100, RoleValid, RunoffTwoLeaders), "majority_percent", "OUT_OF_RANGE"},
		{"percent under plurality", singleWinner(50, RoleValid, RunoffNone), "majority_percent", "NOT_APPLICABLE"},
		{"unknown rule", singleWinner(50, RoleValid, RunoffRule(9)), "runoff_rule", "INVALID_RULE"},
		{"runoff on a list", listRunoff, "runoff_rule", "NOT_APPLICABLE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := form.CompileContest(tc.c)
			if tc.field == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != tc.field || fe.Reason != tc.reason {
				t.Fatalf("got %v, want %s %s", err, tc.field, tc.reason)
			}
		})
	}
}

func TestLeaderRunoffRules(t *testing.T) {
	for _, tc := range []struct {
		name      string
		c         Contest
		votes     [4]int64 // A B C D
		base      int64
		want      Leader
		wantLeads []string
	}{
		{"outright majority", singleWinner(50, RoleValid, RunoffUnspecified), [4]int64{51, 30, 19, 0}, 100,
			Leader{Votes: 51, Majority: true, WinsOutright: true}, []string{"A"}},
		{"exactly half is no majority", singleWinner(50, RoleValid, RunoffTwoLeaders), [4]int64{50, 30, 20, 0}, 100,
			Leader{Votes: 50, RunoffNeeded: true, RunoffChoices: []string{"A", "B"}}, []string{"A"}},
		{"majority of a larger base fails", singleWinner(50, RoleBallotsCast, RunoffTwoLeaders), [4]int64{51, 30, 19, 0}, 103,
			Leader{Votes: 51, RunoffNeeded: true, RunoffChoices: []string{"A", "B"}}, []string{"A"}},
		{"runoff pairing most votes first", singleWinner(50, RoleValid, RunoffTwoLeaders), [4]int64{10, 40, 30, 20}, 100,
			Leader{Votes: 40, RunoffNeeded: true, RunoffChoices: []string{"B", "C"}}, []string{"B"}},
		{"tie for second undecided", singleWinner(50, RoleValid, RunoffTwoLeaders), [4]int64{40, 25, 25, 10}, 100,
			Leader{Votes: 40, RunoffNeeded: true, RunoffChoices: []string{"A", "B", "C"}, RunoffUndecided: true}, []string{"A"}},
		{"tie for second advances", singleWinner(50, RoleValid, RunoffTiesAdvance), [4]int64{40, 25, 25, 10}, 100,
			Leader{Votes: 40, RunoffNeeded: true, RunoffChoices: []string{"A", "B", "C"}}, []string{"A"}},
		{"tie for the lead", singleWinner(50, RoleValid, RunoffTwoLeaders), [4]int64{40, 40, 20, 0}, 100,
			Leader{Votes: 40, RunoffNeeded: true, RunoffChoices: []string{"A", "B"}}, []string{"A", "B"}},
		{"plurality wins", singleWinner(0, RoleUnspecified, RunoffNone), [4]int64{20, 35, 30, 15}, 100,
			Leader{Votes: 35, WinsOutright: true}, []string{"B"}},
		{"plurality tie", singleWinner(0, RoleUnspecified, RunoffNone), [4]int64{35, 35, 30, 0}, 100,
			Leader{Votes: 35, RunoffNeeded: true}, []string{"A", "B"}},
		{"nothing counted", singleWinner(50, RoleValid, RunoffTwoLeaders), [4]int64{}, 0,
			Leader{RunoffNeeded: true}, []string{"A", "B", "C", "D"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cc, err := form.CompileContest(tc.c)
			if err != nil {
				t.Fatal(err)
			}
			var choices []ChoiceTotal
			for i, ch := range tc.c.Choices {
				choices = append(choices, ChoiceTotal{Choice: ch.ID, BallotOrder: ch.BallotOrder, Votes: tc.votes[i]})
			}
			got := leaderOf(cc, choices, tc.base)
			want := tc.want
			want.Choices = tc.wantLeads
			want.Share = Fraction{want.Votes, tc.base}
			want.MajorityPercent = tc.c.MajorityPercent
			want.MajorityBase = tc.c.MajorityBase
			if want.MajorityBase == RoleUnspecified {
				want.MajorityBase = RoleValid
			}
			want.Rule = tc.c.Runoff
			if want.Rule == RunoffUnspecified {
				want.Rule = RunoffTwoLeaders
			}
			if !reflect.DeepEqual(*got, want) {
				t.Fatalf("got  %+v\nwant %+v", *got, want)
			}
		})
	}
}
