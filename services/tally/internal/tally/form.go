package tally

import "github.com/mandate-project/mandate/services/tally/form"

// The definition of an election and the checks of a protocol against its
// form live in package form (pure, public: definition files, importers and
// clients use them too). The service speaks of them by these names.
type (
	Election        = form.Election
	Contest         = form.Contest
	ContestKind     = form.ContestKind
	Choice          = form.Choice
	Form            = form.Form
	Line            = form.Line
	Role            = form.Role
	Relation        = form.Relation
	Severity        = form.Severity
	Unit            = form.Unit
	ProtocolKind    = form.ProtocolKind
	Submission      = form.Submission
	FieldError      = form.FieldError
	Violation       = form.Violation
	ValidationError = form.ValidationError
	RunoffRule      = form.RunoffRule
	Chamber         = form.Chamber
	Tier            = form.Tier
	TierDistrict    = form.TierDistrict

	SingleMemberDistricts = form.SingleMemberDistricts
	SingleMemberDistrict  = form.SingleMemberDistrict
)

const (
	LevelStation            = form.LevelStation
	ContestKindUnspecified  = form.ContestKindUnspecified
	PartyList               = form.PartyList
	SingleWinner            = form.SingleWinner
	RoleUnspecified         = form.RoleUnspecified
	RoleRegistered          = form.RoleRegistered
	RoleBallotsIssued       = form.RoleBallotsIssued
	RoleBallotsCast         = form.RoleBallotsCast
	RoleInvalid             = form.RoleInvalid
	RoleValid               = form.RoleValid
	SeverityUnspecified     = form.SeverityUnspecified
	SeverityError           = form.SeverityError
	SeverityWarning         = form.SeverityWarning
	ProtocolKindUnspecified = form.ProtocolKindUnspecified
	Original                = form.Original
	Correction              = form.Correction
	Recount                 = form.Recount
	MaxReason               = form.MaxReason
	RunoffUnspecified       = form.RunoffUnspecified
	RunoffTwoLeaders        = form.RunoffTwoLeaders
	RunoffTiesAdvance       = form.RunoffTiesAdvance
	RunoffNone              = form.RunoffNone
	TierList                = form.TierList
	TierSingleMember        = form.TierSingleMember
	TierReserved            = form.TierReserved
)

// ContentHash is form.ContentHash.
func ContentHash(s Submission) string { return form.ContentHash(s) }

func fieldErr(field, reason, format string, args ...any) *FieldError {
	return form.NewFieldError(field, reason, format, args...)
}

// ValidateElection is form.ValidateElection.
func ValidateElection(e Election) error { return form.ValidateElection(e) }

// IsValidUnitID is form.IsValidUnitID.
func IsValidUnitID(s string) bool { return form.IsValidUnitID(s) }
