package form

import (
	"errors"
	"testing"
)

// TestRegisteredAboveUnit: the check of Form.RegisteredWithinUnit sums the
// lines of RoleRegistered and names the first; it is off without the switch
// or without the unit's count. (Every form has a registered line:
// CompileContest requires one.)
func TestRegisteredAboveUnit(t *testing.T) {
	c := Contest{ID: "c", DisplayName: "C", Kind: PartyList, ThresholdBase: RoleValid,
		Choices: []Choice{{ID: "a", Name: "A", BallotOrder: 1}},
		Form: Form{RegisteredWithinUnit: true, Lines: []Line{
			{ID: "registered_main", Number: "1", Name: "Main list", Roles: []Role{RoleRegistered}},
			{ID: "registered_extra", Number: "1a", Name: "Extra list", Roles: []Role{RoleRegistered}},
			{ID: "cast", Number: "2", Name: "Cast", Roles: []Role{RoleBallotsCast}},
			{ID: "invalid", Number: "3", Name: "Invalid", Roles: []Role{RoleInvalid}},
			{ID: "valid", Number: "4", Name: "Valid", Roles: []Role{RoleValid}},
		}}}
	cc, err := CompileContest(c)
	if err != nil {
		t.Fatal(err)
	}
	s := Submission{Station: "s1", Lines: map[string]int64{"registered_main": 600, "registered_extra": 401, "valid": 0}}
	var fe *FieldError
	for _, tc := range []struct {
		name string
		unit int64
		off  bool
		want bool
	}{
		{"the sum above the unit", 1000, false, true},
		{"the sum at the unit", 1001, false, false},
		{"unit count unknown", 0, false, false},
		{"switch off", 1000, true, false},
	} {
		cc := *cc
		cc.Form.RegisteredWithinUnit = !tc.off
		err := cc.RegisteredAboveUnit(s, cc.ValsOf(s.Lines, s.Votes), tc.unit)
		if got := errors.As(err, &fe) && fe.Reason == "REGISTERED_ABOVE_UNIT" && fe.Field == "lines.registered_main"; got != tc.want || (err != nil) != tc.want {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}
