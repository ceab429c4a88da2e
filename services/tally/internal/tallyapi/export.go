package tallyapi

import (
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// ElectionToProto converts a definition for CreateElection (clients in this
// module that define elections from files use it).
func ElectionToProto(e tally.Election) *tallyv1.Election { return electionToWire(e, nil) }

// UnitToProto converts a unit for BatchCreateReportingUnits.
func UnitToProto(election string, u tally.Unit) *tallyv1.ReportingUnit {
	return unitToWire(election, u)
}

// SubmissionToProto converts a submission for SubmitProtocol or
// ImportProtocols.
func SubmissionToProto(s tally.Submission) *tallyv1.SubmitProtocolRequest {
	req := &tallyv1.SubmitProtocolRequest{
		Parent: contestName(s.Election, s.Contest), Station: unitName(s.Election, s.Station),
		Lines: s.Lines, Votes: s.Votes, RequestId: s.IdempotencyKey,
		ReplacesVersion: int32(s.Replaces), Reason: s.Reason,
	}
	req.Kind = KindToProto(s.Kind)
	return req
}

// KindToProto is the wire value of a submission kind (unspecified for the
// zero kind).
func KindToProto(k tally.ProtocolKind) tallyv1.SubmissionKind {
	for w, v := range protocolKindFromWire {
		if v == k && w != tallyv1.SubmissionKind_SUBMISSION_KIND_UNSPECIFIED {
			return w
		}
	}
	return tallyv1.SubmissionKind_SUBMISSION_KIND_UNSPECIFIED
}
