package e2e

import (
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/testsupport"
)

// TestPresidentialContest defines the 2011 presidential demo with the real
// mandatectl (which used to fail: the contract had no majority base), imports
// its protocols, and reads the leader and the majority over gRPC and JSON; a
// single-winner contest defined over JSON with `majorityBase` and
// `runoffRule` is accepted, and one whose majority base its form has no line
// for is HTTP 400 naming the field.
func TestPresidentialContest(t *testing.T) {
	s := start(t)
	dir := filepath.Join(testsupport.RepoRoot(t), "examples", "kz-2011")
	if out, code := mandatectl(t, "define", "--server", s.TallyAddr, "--token", s.Admin, "--definition", filepath.Join(dir, "election.yaml")); code != 0 {
		t.Fatalf("mandatectl define exit %d: %s", code, out)
	}
	if out, code := mandatectl(t, "import", "csv", "--server", s.TallyAddr, "--token", s.Admin, "--quiet",
		"--definition", filepath.Join(dir, "election.yaml"), "--file", filepath.Join(dir, "protocols.csv")); code != 0 {
		t.Fatalf("mandatectl import exit %d: %s", code, out)
	}

	tot, err := s.Tally.GetTotals(context.Background(), &tallyv1.GetTotalsRequest{Name: "elections/kz-2011/contests/president/totals/kz"})
	if err != nil {
		t.Fatal(err)
	}
	l := tot.GetLeader()
	if l.GetChoice() != "nazarbayev" || !l.GetHasMajority() || !l.GetWinsOutright() || l.GetRunoffRequired() ||
		l.GetShare().GetPercent() != "95.26" || tot.GetTurnout().GetPercent() != "89.98" {
		t.Fatalf("gRPC leader %v turnout %v", l, tot.GetTurnout())
	}

	code, body := s.do(t, http.MethodGet, "/v1/elections/kz-2011/contests/president/totals/kz", "", "")
	var js struct {
		Leader struct {
			Choice          string `json:"choice"`
			HasMajority     bool   `json:"hasMajority"`
			WinsOutright    bool   `json:"winsOutright"`
			MajorityPercent int    `json:"majorityPercent"`
			MajorityBase    string `json:"majorityBase"`
			RunoffRule      string `json:"runoffRule"`
		} `json:"leader"`
	}
	if code != http.StatusOK || json.Unmarshal(body, &js) != nil {
		t.Fatalf("JSON totals %d %s", code, body)
	}
	if js.Leader.Choice != "nazarbayev" || !js.Leader.HasMajority || !js.Leader.WinsOutright || js.Leader.MajorityPercent != 50 ||
		js.Leader.MajorityBase != "LINE_ROLE_BALLOTS_CAST" || js.Leader.RunoffRule != "RUNOFF_RULE_TWO_LEADERS" {
		t.Fatalf("JSON leader %+v from %s", js.Leader, body)
	}

	define := func(base string) (int, []byte) {
		return s.do(t, http.MethodPost, "/v1/elections?electionId=mayor-2026", s.Admin, `{
		  "displayName": "Mayor 2026", "electionDate": "2026-05-03",
		  "contests": [{"name": "elections/mayor-2026/contests/mayor", "displayName": "Mayor",
		    "kind": "CONTEST_KIND_SINGLE_WINNER", "shareBase": "LINE_ROLE_VALID",
		    "majorityPercent": 50, "majorityBase": "`+base+`", "runoffRule": "RUNOFF_RULE_TWO_LEADERS",
		    "choices": [{"id": "X", "displayName": "X", "ballotOrder": 1}, {"id": "Y", "displayName": "Y", "ballotOrder": 2}],
		    "form": {"lines": [
		      {"id": "registered", "number": "1", "displayName": "Registered", "roles": ["LINE_ROLE_REGISTERED"]},
		      {"id": "cast", "number": "2", "displayName": "Cast", "roles": ["LINE_ROLE_BALLOTS_CAST"]},
		      {"id": "valid", "number": "3", "displayName": "Valid", "roles": ["LINE_ROLE_VALID"]}]}}]}`)
	}
	if code, body := define("LINE_ROLE_BALLOTS_ISSUED"); code != http.StatusBadRequest || !strings.Contains(string(body), "election.contests[0].majority_base") {
		t.Fatalf("define with a base the form cannot count: %d %s", code, body)
	}
	if _, err := s.Tally.GetElection(context.Background(), &tallyv1.GetElectionRequest{Name: "elections/mayor-2026"}); status.Code(err) != codes.NotFound {
		t.Fatalf("rejected definition was written: %v", err)
	}
	if code, body := define("LINE_ROLE_VALID"); code != http.StatusOK {
		t.Fatalf("define over JSON: %d %s", code, body)
	}
	e, err := s.Tally.GetElection(context.Background(), &tallyv1.GetElectionRequest{Name: "elections/mayor-2026"})
	if err != nil || e.GetContests()[0].GetMajorityBase() != tallyv1.LineRole_LINE_ROLE_VALID ||
		e.GetContests()[0].GetRunoffRule() != tallyv1.RunoffRule_RUNOFF_RULE_TWO_LEADERS {
		t.Fatalf("defined over JSON: %v %v", e, err)
	}
}
