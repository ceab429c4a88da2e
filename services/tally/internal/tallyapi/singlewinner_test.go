package tallyapi_test

import (
	"context"
	"path/filepath"
	"testing"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/tallyclient"
)

// TestPresidentialDemo loads the 2011 presidential demo over gRPC (as
// `mandatectl demo load` does): the contest keeps its majority rule, and the
// totals name the leader, the outright majority of the ballots cast and no
// runoff.
func TestPresidentialDemo(t *testing.T) {
	c := start(t)
	ctx := context.Background()
	def := filepath.Join(examples(t), "kz-2011", "election.yaml")
	if _, err := tallyclient.Define(ctx, c, def); err != nil {
		t.Fatal(err)
	}
	rep, err := tallyclient.ImportCSV(ctx, c, def, filepath.Join(examples(t), "kz-2011", "protocols.csv"), nil)
	if err != nil || rep.Accepted != 48 {
		t.Fatalf("import %+v %v", rep, err)
	}
	e, err := c.GetElection(ctx, &tallyv1.GetElectionRequest{Name: "elections/kz-2011"})
	if err != nil {
		t.Fatal(err)
	}
	pc := e.GetContests()[0]
	if pc.GetKind() != tallyv1.ContestKind_CONTEST_KIND_SINGLE_WINNER || pc.GetMajorityPercent() != 50 ||
		pc.GetMajorityBase() != tallyv1.LineRole_LINE_ROLE_BALLOTS_CAST || pc.GetRunoffRule() != tallyv1.RunoffRule_RUNOFF_RULE_TWO_LEADERS {
		t.Fatalf("contest %v", pc)
	}
	tot, err := c.GetTotals(ctx, &tallyv1.GetTotalsRequest{Name: "elections/kz-2011/contests/president/totals/kz"})
	if err != nil {
		t.Fatal(err)
	}
	want := &tallyv1.LeaderStatus{
		Choice: "nazarbayev", HasMajority: true, WinsOutright: true,
		Share:           &tallyv1.Ratio{Numerator: 7_850_958, Denominator: 8_241_240, Percent: "95.26", Definition: "leader votes / BALLOTS_CAST"},
		MajorityPercent: 50, MajorityBase: tallyv1.LineRole_LINE_ROLE_BALLOTS_CAST, RunoffRule: tallyv1.RunoffRule_RUNOFF_RULE_TWO_LEADERS,
	}
	if !proto.Equal(tot.GetLeader(), want) {
		t.Fatalf("leader %v\nwant   %v", tot.GetLeader(), want)
	}
}

// TestSingleWinnerDefinitionErrors: a majority rule the form cannot count, or
// one that does not fit the contest, is INVALID_ARGUMENT with the field path
// and defines nothing.
func TestSingleWinnerDefinitionErrors(t *testing.T) {
	c := start(t)
	ctx := context.Background()
	contest := func(mod func(*tallyv1.Contest)) *tallyv1.Election {
		ct := &tallyv1.Contest{
			Name: "elections/mayor-2026/contests/mayor", DisplayName: "Mayor", Kind: tallyv1.ContestKind_CONTEST_KIND_SINGLE_WINNER,
			ShareBase: tallyv1.LineRole_LINE_ROLE_VALID, MajorityPercent: 50, MajorityBase: tallyv1.LineRole_LINE_ROLE_VALID,
			Choices: []*tallyv1.Choice{{Id: "X", DisplayName: "X", BallotOrder: 1}, {Id: "Y", DisplayName: "Y", BallotOrder: 2}},
			Form: &tallyv1.ProtocolForm{Lines: []*tallyv1.ProtocolLine{
				{Id: "registered", Number: "1", DisplayName: "Registered", Roles: []tallyv1.LineRole{tallyv1.LineRole_LINE_ROLE_REGISTERED}},
				{Id: "cast", Number: "2", DisplayName: "Cast", Roles: []tallyv1.LineRole{tallyv1.LineRole_LINE_ROLE_BALLOTS_CAST}},
				{Id: "valid", Number: "3", DisplayName: "Valid", Roles: []tallyv1.LineRole{tallyv1.LineRole_LINE_ROLE_VALID}},
			}},
		}
		mod(ct)
		return &tallyv1.Election{DisplayName: "Mayor 2026", ElectionDate: "2026-05-03", Contests: []*tallyv1.Contest{ct}}
	}
	for _, tc := range []struct {
		name, field string
		mod         func(*tallyv1.Contest)
	}{
		{"base without a line", "election.contests[0].majority_base", func(ct *tallyv1.Contest) {
			ct.MajorityBase = tallyv1.LineRole_LINE_ROLE_BALLOTS_ISSUED
		}},
		{"no base", "election.contests[0].majority_base", func(ct *tallyv1.Contest) { ct.MajorityBase = 0 }},
		{"percent with plurality", "election.contests[0].majority_percent", func(ct *tallyv1.Contest) {
			ct.RunoffRule = tallyv1.RunoffRule_RUNOFF_RULE_NONE
		}},
		{"runoff on a list", "election.contests[0].runoff_rule", func(ct *tallyv1.Contest) {
			ct.Kind, ct.MajorityPercent, ct.MajorityBase = tallyv1.ContestKind_CONTEST_KIND_PARTY_LIST, 0, 0
			ct.RunoffRule = tallyv1.RunoffRule_RUNOFF_RULE_TWO_LEADERS
		}},
		{"unknown rule", "election.contests[0].runoff_rule", func(ct *tallyv1.Contest) { ct.RunoffRule = 42 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.CreateElection(ctx, &tallyv1.CreateElectionRequest{ElectionId: "mayor-2026", Election: contest(tc.mod)})
			st := status.Convert(err)
			if st.Code() != codes.InvalidArgument {
				t.Fatalf("code %v (%v), want INVALID_ARGUMENT", st.Code(), err)
			}
			var fields []string
			for _, d := range st.Details() {
				if br, ok := d.(*errdetails.BadRequest); ok {
					for _, v := range br.GetFieldViolations() {
						fields = append(fields, v.GetField())
					}
				}
			}
			if len(fields) != 1 || fields[0] != tc.field {
				t.Fatalf("fields %v, want %s (%v)", fields, tc.field, err)
			}
			if _, err := c.GetElection(ctx, &tallyv1.GetElectionRequest{Name: "elections/mayor-2026"}); status.Code(err) != codes.NotFound {
				t.Fatalf("election written after a rejected definition: %v", err)
			}
		})
	}
	// Plurality (first past the post) with no majority share is accepted.
	_, err := c.CreateElection(ctx, &tallyv1.CreateElectionRequest{ElectionId: "mayor-2026", Election: contest(func(ct *tallyv1.Contest) {
		ct.RunoffRule, ct.MajorityPercent, ct.MajorityBase = tallyv1.RunoffRule_RUNOFF_RULE_NONE, 0, 0
	})})
	if err != nil {
		t.Fatal(err)
	}
}
