package form

import (
	"errors"
	"testing"
)

// chamberElection is a small valid election with a list contest, a set of
// two single-member districts and a chamber of 3 list seats, those 2
// districts and 1 reserved seat, over a hierarchy given with it.
func chamberElection() Election {
	f := Form{Lines: []Line{
		{ID: "registered", Number: "1", Name: "R", Roles: []Role{RoleRegistered}},
		{ID: "cast", Number: "2", Name: "C", Roles: []Role{RoleBallotsCast}},
		{ID: "valid", Number: "3", Name: "V", Roles: []Role{RoleValid}},
	}}
	return Election{
		ID: "e", DisplayName: "E", Date: "2024-01-01",
		Contests: []Contest{{ID: "list", DisplayName: "List", Kind: PartyList, Form: f, ThresholdBase: RoleValid,
			Choices: []Choice{{ID: "A", Name: "A", BallotOrder: 1}, {ID: "B", Name: "B", BallotOrder: 2}}}},
		Units: []Unit{{ID: "n", Name: "N", Level: "nation"}, {ID: "d1", Parent: "n", Name: "D1", Level: "district"},
			{ID: "d2", Parent: "n", Name: "D2", Level: "district"}, {ID: "s1", Parent: "d1", Name: "S1", Level: LevelStation}},
		SingleMemberDistricts: []SingleMemberDistricts{{ID: "smd", Form: f, ThresholdBase: RoleValid, Runoff: RunoffNone,
			Districts: []SingleMemberDistrict{
				{Unit: "d1", Candidates: []Choice{{ID: "x", Name: "X", Party: "A"}, {ID: "y", Name: "Y"}}},
				{Unit: "d2", Candidates: []Choice{{ID: "x", Name: "X2", Party: "B"}}},
			}}},
		Chambers: []Chamber{{ID: "house", Seats: 6, Tiers: []Tier{
			{ID: "list", Kind: TierList, Seats: 3, Contest: "list", Preset: "presets/p"},
			{ID: "smd", Kind: TierSingleMember, Seats: 2, SingleMemberDistricts: "smd"},
			{ID: "crown", Kind: TierReserved, Seats: 1, ReservedFor: "the Crown"},
		}}},
	}
}

// Every fault of a chamber or of single-member districts is refused with
// the path of the field as the definition writes it.
func TestChamberValidation(t *testing.T) {
	for _, tc := range []struct {
		name          string
		edit          func(e *Election)
		field, reason string
	}{
		{"valid", func(*Election) {}, "", ""},
		{"tiers do not add up", func(e *Election) { e.Chambers[0].Seats = 7 }, "chambers[0].seats", "TIERS_DO_NOT_ADD_UP"},
		{"districts do not add up", func(e *Election) {
			e.Chambers[0].Tiers[0].Districts = []TierDistrict{{Unit: "d1", Seats: 1}, {Unit: "d2", Seats: 1}}
		}, "chambers[0].tiers[0].seats", "TIERS_DO_NOT_ADD_UP"},
		{"single-member seats", func(e *Election) { e.Chambers[0].Tiers[1].Seats = 3; e.Chambers[0].Seats = 7 }, "chambers[0].tiers[1].seats", "TIERS_DO_NOT_ADD_UP"},
		{"district unit not in hierarchy", func(e *Election) { e.SingleMemberDistricts[0].Districts[1].Unit = "d9" },
			"single_member_districts[0].districts[1].unit", "UNIT_NOT_IN_HIERARCHY"},
		{"list district not in hierarchy", func(e *Election) {
			e.Chambers[0].Tiers[0].Districts = []TierDistrict{{Unit: "d1", Seats: 2}, {Unit: "atlantis", Seats: 1}}
		}, "chambers[0].tiers[0].districts[1].unit", "UNIT_NOT_IN_HIERARCHY"},
		{"district is a station", func(e *Election) { e.SingleMemberDistricts[0].Districts[1].Unit = "s1" },
			"single_member_districts[0].districts[1].unit", "NOT_A_STATION"},
		{"district twice", func(e *Election) { e.SingleMemberDistricts[0].Districts[1].Unit = "d1" },
			"single_member_districts[0].districts[1].unit", "DUPLICATE_DISTRICT"},
		{"candidate fault", func(e *Election) { e.SingleMemberDistricts[0].Districts[1].Candidates[0].Color = "red" },
			"single_member_districts[0].districts[1].candidates[0].color", "INVALID_COLOR"},
		{"bad party id", func(e *Election) { e.SingleMemberDistricts[0].Districts[0].Candidates[0].Party = "9x" },
			"single_member_districts[0].districts[0].candidates[0].party", "INVALID_ID"},
		{"unknown contest", func(e *Election) { e.Chambers[0].Tiers[0].Contest = "elections/e/contests/nope" }, "chambers[0].tiers[0].contest", "UNKNOWN_IDENTIFIER"},
		{"list tier on a single-winner contest", func(e *Election) { e.Chambers[0].Tiers[0].Contest = "smd-d1" }, "chambers[0].tiers[0].contest", "INVALID_KIND"},
		{"no preset", func(e *Election) { e.Chambers[0].Tiers[0].Preset = "" }, "chambers[0].tiers[0].preset", "REQUIRED"},
		{"the contest's preset", func(e *Election) { e.Chambers[0].Tiers[0].Preset = ""; e.Contests[0].SeatPreset = "presets/p" }, "", ""},
		{"bad preset name", func(e *Election) { e.Chambers[0].Tiers[0].Preset = "p" }, "chambers[0].tiers[0].preset", "BAD_NAME"},
		{"unknown set", func(e *Election) { e.Chambers[0].Tiers[1].SingleMemberDistricts = "x" }, "chambers[0].tiers[1].single_member_districts", "UNKNOWN_IDENTIFIER"},
		{"reserved without source", func(e *Election) { e.Chambers[0].Tiers[2].ReservedFor = "" }, "chambers[0].tiers[2].reserved_for", "REQUIRED"},
		{"contest on a reserved tier", func(e *Election) { e.Chambers[0].Tiers[2].Contest = "list" }, "chambers[0].tiers[2].contest", "NOT_APPLICABLE"},
		{"no kind", func(e *Election) { e.Chambers[0].Tiers[2].Kind = TierKindUnspecified }, "chambers[0].tiers[2].kind", "INVALID_KIND"},
		{"compensating a later tier", func(e *Election) {
			e.Chambers[0].Tiers[0].Link, e.Chambers[0].Tiers[0].LinkedTier = TierCompensatory, "smd"
		}, "chambers[0].tiers[0].linked_tier", "UNKNOWN_IDENTIFIER"},
		{"compensating a reserved tier", func(e *Election) {
			e.Chambers[0].Tiers = []Tier{e.Chambers[0].Tiers[2], e.Chambers[0].Tiers[1], e.Chambers[0].Tiers[0]}
			e.Chambers[0].Tiers[2].Link, e.Chambers[0].Tiers[2].LinkedTier = TierLeveling, "crown"
		}, "chambers[0].tiers[2].linked_tier", "NOT_APPLICABLE"},
		{"parallel with a link", func(e *Election) { e.Chambers[0].Tiers[0].LinkedTier = "smd" }, "chambers[0].tiers[0].linked_tier", "NOT_APPLICABLE"},
		{"tier twice", func(e *Election) { e.Chambers[0].Tiers[2].ID = "list" }, "chambers[0].tiers[2].id", "DUPLICATE_ID"},
		{"district on a plain contest", func(e *Election) { e.Contests[0].District = "d1" }, "contests[0].district", "NOT_APPLICABLE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := chamberElection()
			tc.edit(&e)
			err := ValidateElection(e)
			var fe *FieldError
			switch {
			case tc.field == "" && err != nil:
				t.Fatalf("unexpected %v", err)
			case tc.field != "" && (!errors.As(err, &fe) || fe.Field != tc.field || fe.Reason != tc.reason):
				t.Fatalf("got %v, want %s %s", err, tc.field, tc.reason)
			}
		})
	}
}

// Expand is idempotent: a definition read back (its contests expanded) and
// sent again expands to itself.
func TestExpandIdempotent(t *testing.T) {
	x := Expand(chamberElection())
	if len(x.Contests) != 3 || x.Contests[1].ID != "smd-d1" || x.Contests[2].District != "d2" {
		t.Fatalf("expanded %+v", x.Contests)
	}
	if y := Expand(x); !sameElection(x, y) {
		t.Errorf("Expand(Expand(e)) = %+v", y.Contests)
	}
	if err := ValidateElection(x); err != nil {
		t.Errorf("the expanded definition: %v", err)
	}
}

func sameElection(a, b Election) bool {
	if len(a.Contests) != len(b.Contests) {
		return false
	}
	for i := range a.Contests {
		if !sameContest(a.Contests[i], b.Contests[i]) {
			return false
		}
	}
	return true
}
