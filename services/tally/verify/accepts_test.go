package verify

import (
	"strings"
	"testing"

	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// TestAcceptsRegisteredWithinUnit: the verifier replays the form's rule that
// a station's registered voters may not exceed its unit's (issue 14 item 2),
// so a log showing such a protocol as accepted is a mismatch — but only when
// the contest's form says so and the unit's registered count is known.
func TestAcceptsRegisteredWithinUnit(t *testing.T) {
	contest := func(within bool) tallylog.Contest {
		return tallylog.Contest{
			ID: "c", Kind: "PARTY_LIST",
			Choices: []tallylog.Choice{{ID: "a"}},
			Lines: []tallylog.Line{
				{ID: "reg", Roles: []string{"REGISTERED"}},
				{ID: "valid", Roles: []string{"VALID"}},
			},
			RegisteredWithinUnit: within,
		}
	}
	for _, tc := range []struct {
		name       string
		within     bool
		unitReg    int64
		registered int64
		refused    bool
	}{
		{"at the unit's count", true, 1000, 1000, false},
		{"below the unit's count", true, 1000, 999, false},
		{"above the unit's count", true, 1000, 1001, true},
		{"above, form without the rule", false, 1000, 1001, false},
		{"unit's count unknown", true, 0, 5000, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := &state{
				contests: map[string]tallylog.Contest{"c": contest(tc.within)},
				units:    map[string]tallylog.Unit{"s1": {ID: "s1", Level: tallylog.LevelStation, Registered: tc.unitReg}},
				phases:   map[string]string{},
				vers:     map[[2]string]int{},
			}
			e := tallylog.Entry{
				Contest: "c", Station: "s1", Version: 1, ProtocolKind: "ORIGINAL",
				Lines: map[string]int64{"reg": tc.registered, "valid": 10},
				Votes: map[string]int64{"a": 10},
			}
			why := st.accepts(e)
			if tc.refused != (why != "") {
				t.Fatalf("accepts = %q, want refused %v", why, tc.refused)
			}
			if tc.refused && !strings.Contains(why, "above its unit's") {
				t.Errorf("reason %q does not say the count is above the unit's", why)
			}
		})
	}
}
