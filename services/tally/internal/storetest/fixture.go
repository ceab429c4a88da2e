// Package storetest is the conformance suite for tally.Store backends: Run
// tests the Store contract directly and drives a tally.Service on top of it.
// Every backend's tests call Run with a factory of empty stores.
package storetest

import (
	"fmt"
	"sync"
	"time"

	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// Election is the suite's fixture: a party-list contest "list" (choices A, B,
// C) and a single-winner contest "mayor" (X, Y) over nation > 2 regions > 5
// stations.
func Election() tally.Election {
	form := tally.Form{
		Name: "test-form",
		Lines: []tally.Line{
			{ID: "registered", Number: "1", Name: "Registered", Roles: []tally.Role{tally.RoleRegistered}},
			{ID: "issued", Number: "2", Name: "Ballots issued", Roles: []tally.Role{tally.RoleBallotsIssued}},
			{ID: "cast", Number: "3", Name: "Ballots in boxes", Roles: []tally.Role{tally.RoleBallotsCast}},
			{ID: "invalid", Number: "4", Name: "Invalid", Roles: []tally.Role{tally.RoleInvalid}},
			{ID: "valid", Number: "5", Name: "Valid", Roles: []tally.Role{tally.RoleValid}},
		},
		Relations: []tally.Relation{
			{Code: "T_REGISTERED_GE_ISSUED", Message: "issued above registered", Severity: tally.SeverityError, Expression: "registered >= issued"},
			{Code: "T_CAST_BALANCE", Message: "cast != invalid + valid", Severity: tally.SeverityError, Expression: "cast = invalid + valid"},
			{Code: "T_VALID_EQ_VOTES", Message: "valid != votes", Severity: tally.SeverityError, Expression: "valid == sum(choices)"},
			{Code: "T_CAST_LE_ISSUED", Message: "more ballots in boxes than issued", Severity: tally.SeverityWarning, Expression: "cast <= issued"},
			{Code: "T_INVALID_HIGH", Message: "invalid above 5 %", Severity: tally.SeverityWarning, Expression: "100 * invalid <= 5 * cast"},
		},
	}
	return tally.Election{
		ID: "test-2024", DisplayName: "Test election", Date: "2024-03-17",
		Contests: []tally.Contest{
			{ID: "list", DisplayName: "Party list", Kind: tally.PartyList, Form: form, ThresholdBase: tally.RoleValid,
				Choices: []tally.Choice{
					{ID: "A", Name: "Party A", BallotOrder: 1, Color: "#ff0000"},
					{ID: "B", Name: "Party B", BallotOrder: 2},
					{ID: "C", Name: "Party C", BallotOrder: 3},
				}},
			{ID: "mayor", DisplayName: "Mayor", Kind: tally.SingleWinner, Form: form, ThresholdBase: tally.RoleValid,
				MajorityPercent: 50, MajorityBase: tally.RoleValid,
				Choices: []tally.Choice{
					{ID: "X", Name: "Candidate X", BallotOrder: 1},
					{ID: "Y", Name: "Candidate Y", BallotOrder: 2},
				}},
		},
		Units: []tally.Unit{
			{ID: "s3", Parent: "south", Name: "Station S3", Level: tally.LevelStation, Registered: 1200},
			{ID: "nation", Name: "Nation", Level: "nation"},
			{ID: "north", Parent: "nation", Name: "North", Level: "region"},
			{ID: "south", Parent: "nation", Name: "South", Level: "region"},
			{ID: "n1", Parent: "north", Name: "Station N1", Level: tally.LevelStation, Registered: 1000},
			{ID: "n2", Parent: "north", Name: "Station N2", Level: tally.LevelStation, Registered: 800},
			{ID: "s1", Parent: "south", Name: "Station S1", Level: tally.LevelStation, Registered: 500},
			{ID: "s2", Parent: "south", Name: "Station S2", Level: tally.LevelStation, Registered: 700},
		},
	}
}

// Registered is the fixture's registered voters per station.
var Registered = map[string]int64{"n1": 1000, "n2": 800, "s1": 500, "s2": 700, "s3": 1200}

// Sub builds a consistent submission of contest "list" (votes a, b, c) or
// "mayor" (votes a, b) for a station: valid = sum, cast = issued = valid + invalid.
func Sub(contest, station string, invalid int64, votes ...int64) tally.Submission {
	var valid int64
	v := map[string]int64{}
	ids := []string{"A", "B", "C"}
	if contest == "mayor" {
		ids = []string{"X", "Y"}
	}
	for i, id := range ids {
		v[id] = votes[i]
		valid += votes[i]
	}
	return tally.Submission{
		Election: "test-2024", Contest: contest, Station: station,
		Lines: map[string]int64{"registered": Registered[station], "issued": valid + invalid,
			"cast": valid + invalid, "invalid": invalid, "valid": valid},
		Votes:          v,
		IdempotencyKey: fmt.Sprintf("%s/%s/%v/%d", contest, station, votes, invalid),
		Kind:           tally.Original,
		Submitter:      "commission-" + station,
	}
}

// Correct turns s into a correction replacing version replaces.
func Correct(s tally.Submission, replaces int, reason string) tally.Submission {
	s.Kind = tally.Correction
	s.Replaces = replaces
	s.Reason = reason
	s.IdempotencyKey = fmt.Sprintf("%s/correction-%d", s.IdempotencyKey, replaces)
	return s
}

// Clock is a test clock that advances one second per reading.
type Clock struct {
	mu sync.Mutex
	T  time.Time
}

// NewClock starts a clock at a fixed instant.
func NewClock() *Clock { return &Clock{T: time.Date(2024, 3, 17, 20, 0, 0, 0, time.UTC)} }

// Now returns the clock's time and advances it by one second.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := c.T
	c.T = c.T.Add(time.Second)
	return t
}
