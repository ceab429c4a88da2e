package tallyapi

import (
	"context"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/auth"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// AccessRules is who may call each TallyService method: results are reads,
// protocols are submissions (a commission within its scope), definitions and
// phases are administration. The access test fails when a method of the
// service, or a kind of message one of them takes, has no row in its matrix.
func AccessRules() map[string]auth.Rule {
	// Targets are read from the descriptors: every name in the request, at
	// any depth (each row of an import), is checked.
	read := auth.Rule{Access: auth.Read, Targets: auth.ResourceTargets}
	submit := auth.Rule{Access: auth.Submit, Targets: auth.ResourceTargets}
	admin := auth.Rule{Access: auth.Administer, Targets: auth.ResourceTargets}
	return map[string]auth.Rule{
		tallyv1.TallyService_CreateElection_FullMethodName:            admin,
		tallyv1.TallyService_BatchCreateReportingUnits_FullMethodName: admin,
		tallyv1.TallyService_SetContestPhase_FullMethodName:           admin,
		tallyv1.TallyService_SubmitProtocol_FullMethodName:            submit,
		tallyv1.TallyService_ImportProtocols_FullMethodName:           submit,
		tallyv1.TallyService_GetElection_FullMethodName:               read,
		tallyv1.TallyService_ListElections_FullMethodName:             read,
		tallyv1.TallyService_GetContest_FullMethodName:                read,
		tallyv1.TallyService_GetReportingUnit_FullMethodName:          read,
		tallyv1.TallyService_ListReportingUnits_FullMethodName:        read,
		tallyv1.TallyService_GetProtocol_FullMethodName:               read,
		tallyv1.TallyService_ListProtocols_FullMethodName:             read,
		tallyv1.TallyService_GetTotals_FullMethodName:                 read,
		tallyv1.TallyService_ListChanges_FullMethodName:               read,
		tallyv1.TallyService_WatchTotals_FullMethodName:               read,
		tallyv1.TallyService_GetForensicsReport_FullMethodName:        read,
		tallyv1.TallyService_GetCheckpoint_FullMethodName:             read,
		tallyv1.TallyService_GetInclusionProof_FullMethodName:         read,
		tallyv1.TallyService_GetConsistencyProof_FullMethodName:       read,
		tallyv1.TallyService_ListLogEntries_FullMethodName:            read,
		tallyv1.TallyService_ExportElection_FullMethodName:            read,
	}
}

// InScope is the auth.ScopeFunc of the tally: the station lies in or under
// one of the credential's units.
func InScope(svc *tally.Service, s *Server) auth.ScopeFunc {
	return func(ctx context.Context, election, unit string, scope []string) (bool, error) {
		in, err := svc.UnitWithin(ctx, election, unit, scope)
		if err != nil {
			return false, s.status(ctx, err)
		}
		return in, nil
	}
}

// submitter records who submitted a protocol: the credential's role and
// subject ("commission:uik-1234"); empty on a server without access control.
func submitter(ctx context.Context) string {
	if _, ok := auth.ClaimsFrom(ctx); !ok {
		return ""
	}
	return auth.Subject(ctx)
}
