package tallyapi_test

import (
	"context"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/auth"
	"github.com/mandate-project/mandate/services/platform/grpctest"
	"github.com/mandate-project/mandate/services/tally/internal/sqlitestore"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/internal/tallyapi"
)

// startWithAuth is start behind the access-control interceptors, with the
// KZ demo loaded (as an administrator) and a signer for test tokens.
func startWithAuth(t *testing.T, publicReads bool) (tallyv1.TallyServiceClient, auth.Signer) {
	t.Helper()
	ctx := context.Background()
	store, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "tally.db"), sqlitestore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	svc, err := tally.NewService(ctx, store, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	priv, _, err := auth.NewEd25519()
	if err != nil {
		t.Fatal(err)
	}
	signer, verifier, err := auth.ParseKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	api := tallyapi.New(svc, slog.Default())
	a := auth.New(auth.Config{Keys: []auth.Verifier{verifier}, Rules: tallyapi.AccessRules(), PublicReads: publicReads, InScope: tallyapi.InScope(svc, api)})
	conn := grpctest.ConnWith(t, append(api.ServerOptions(), grpc.ChainUnaryInterceptor(a.Unary()), grpc.ChainStreamInterceptor(a.Stream())),
		func(srv *grpc.Server) { tallyv1.RegisterTallyServiceServer(srv, api) })
	c := tallyv1.NewTallyServiceClient(conn)
	admin := token(t, signer, auth.Claims{Subject: "cec", Role: auth.Admin})
	loadDemoAs(t, c, metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+admin))
	return c, signer
}

func token(t *testing.T, s auth.Signer, c auth.Claims) string {
	t.Helper()
	c.Expires = time.Now().Add(time.Hour).Unix()
	tok, err := auth.Issue(s, c, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// denied is the outcome of a call refused by access control.
func denied(err error) codes.Code {
	switch c := status.Code(err); c {
	case codes.Unauthenticated, codes.PermissionDenied:
		return c
	}
	return codes.OK // the handler ran (its own answer may be any code)
}

// TestAccessMatrix calls every TallyService method as every kind of caller,
// in and out of scope, and checks access control's answer.
func TestAccessMatrix(t *testing.T) {
	c, signer := startWithAuth(t, true)
	ctx := context.Background()
	fix := correction(t, c, "astana-1", "m-1", 1)         // astana-1 is in region astana
	outFix := correction(t, c, "almaty-city-1", "m-2", 1) // not in astana

	type call func(ctx context.Context) error
	unary := func(f func(ctx context.Context) error) call { return f }
	calls := map[string]struct {
		method string
		access auth.Access
		call   call
		// inScope: false when the call targets a unit outside the
		// commission's scope.
		inScope bool
	}{
		"CreateElection": {tallyv1.TallyService_CreateElection_FullMethodName, auth.Administer, unary(func(ctx context.Context) error {
			_, err := c.CreateElection(ctx, &tallyv1.CreateElectionRequest{ElectionId: "kz-2012"})
			return err
		}), true},
		"BatchCreateReportingUnits": {tallyv1.TallyService_BatchCreateReportingUnits_FullMethodName, auth.Administer, func(ctx context.Context) error {
			_, err := c.BatchCreateReportingUnits(ctx, &tallyv1.BatchCreateReportingUnitsRequest{Parent: "elections/kz-2012"})
			return err
		}, true},
		"SetContestPhase": {tallyv1.TallyService_SetContestPhase_FullMethodName, auth.Administer, func(ctx context.Context) error {
			_, err := c.SetContestPhase(ctx, &tallyv1.SetContestPhaseRequest{Name: contest})
			return err
		}, true},
		"SubmitProtocol": {tallyv1.TallyService_SubmitProtocol_FullMethodName, auth.Submit, func(ctx context.Context) error {
			_, err := c.SubmitProtocol(ctx, proto.Clone(fix).(*tallyv1.SubmitProtocolRequest))
			return err
		}, true},
		"SubmitProtocol out of scope": {tallyv1.TallyService_SubmitProtocol_FullMethodName, auth.Submit, func(ctx context.Context) error {
			_, err := c.SubmitProtocol(ctx, proto.Clone(outFix).(*tallyv1.SubmitProtocolRequest))
			return err
		}, false},
		"ImportProtocols": {tallyv1.TallyService_ImportProtocols_FullMethodName, auth.Submit, func(ctx context.Context) error {
			return importOne(ctx, c, fix)
		}, true},
		"ImportProtocols out of scope": {tallyv1.TallyService_ImportProtocols_FullMethodName, auth.Submit, func(ctx context.Context) error {
			return importOne(ctx, c, outFix)
		}, false},
		"GetElection": {tallyv1.TallyService_GetElection_FullMethodName, auth.Read, func(ctx context.Context) error {
			_, err := c.GetElection(ctx, &tallyv1.GetElectionRequest{Name: "elections/kz-2012"})
			return err
		}, true},
		"ListElections": {tallyv1.TallyService_ListElections_FullMethodName, auth.Read, func(ctx context.Context) error {
			_, err := c.ListElections(ctx, &tallyv1.ListElectionsRequest{})
			return err
		}, true},
		"GetContest": {tallyv1.TallyService_GetContest_FullMethodName, auth.Read, func(ctx context.Context) error {
			_, err := c.GetContest(ctx, &tallyv1.GetContestRequest{Name: contest})
			return err
		}, true},
		"GetReportingUnit": {tallyv1.TallyService_GetReportingUnit_FullMethodName, auth.Read, func(ctx context.Context) error {
			_, err := c.GetReportingUnit(ctx, &tallyv1.GetReportingUnitRequest{Name: "elections/kz-2012/units/astana"})
			return err
		}, true},
		"ListReportingUnits": {tallyv1.TallyService_ListReportingUnits_FullMethodName, auth.Read, func(ctx context.Context) error {
			_, err := c.ListReportingUnits(ctx, &tallyv1.ListReportingUnitsRequest{Parent: "elections/kz-2012"})
			return err
		}, true},
		"GetProtocol": {tallyv1.TallyService_GetProtocol_FullMethodName, auth.Read, func(ctx context.Context) error {
			_, err := c.GetProtocol(ctx, &tallyv1.GetProtocolRequest{Name: contest + "/protocols/astana-1"})
			return err
		}, true},
		"ListProtocols": {tallyv1.TallyService_ListProtocols_FullMethodName, auth.Read, func(ctx context.Context) error {
			_, err := c.ListProtocols(ctx, &tallyv1.ListProtocolsRequest{Parent: contest})
			return err
		}, true},
		"GetTotals": {tallyv1.TallyService_GetTotals_FullMethodName, auth.Read, func(ctx context.Context) error {
			_, err := c.GetTotals(ctx, &tallyv1.GetTotalsRequest{Name: national})
			return err
		}, true},
		"ListChanges": {tallyv1.TallyService_ListChanges_FullMethodName, auth.Read, func(ctx context.Context) error {
			_, err := c.ListChanges(ctx, &tallyv1.ListChangesRequest{Name: national})
			return err
		}, true},
		"GetCheckpoint": {tallyv1.TallyService_GetCheckpoint_FullMethodName, auth.Read, func(ctx context.Context) error {
			_, err := c.GetCheckpoint(ctx, &tallyv1.GetCheckpointRequest{Name: "elections/kz-2012/checkpoints/current"})
			return err
		}, true},
		"GetInclusionProof": {tallyv1.TallyService_GetInclusionProof_FullMethodName, auth.Read, func(ctx context.Context) error {
			_, err := c.GetInclusionProof(ctx, &tallyv1.GetInclusionProofRequest{Name: "elections/kz-2012/log", LeafIndex: 1})
			return err
		}, true},
		"GetConsistencyProof": {tallyv1.TallyService_GetConsistencyProof_FullMethodName, auth.Read, func(ctx context.Context) error {
			_, err := c.GetConsistencyProof(ctx, &tallyv1.GetConsistencyProofRequest{Name: "elections/kz-2012/log", FirstTreeSize: 1})
			return err
		}, true},
		"ListLogEntries": {tallyv1.TallyService_ListLogEntries_FullMethodName, auth.Read, func(ctx context.Context) error {
			_, err := c.ListLogEntries(ctx, &tallyv1.ListLogEntriesRequest{Parent: "elections/kz-2012/log", PageSize: 2})
			return err
		}, true},
		"ExportElection": {tallyv1.TallyService_ExportElection_FullMethodName, auth.Read, func(ctx context.Context) error {
			s, err := c.ExportElection(ctx, &tallyv1.ExportElectionRequest{Name: "elections/kz-2012"})
			if err != nil {
				return err
			}
			_, err = s.Recv()
			return err
		}, true},
		"GetForensicsReport": {tallyv1.TallyService_GetForensicsReport_FullMethodName, auth.Read, func(ctx context.Context) error {
			_, err := c.GetForensicsReport(ctx, &tallyv1.GetForensicsReportRequest{Name: contest + "/forensicsReports/kz", Replicates: 10})
			return err
		}, true},
		"WatchTotals": {tallyv1.TallyService_WatchTotals_FullMethodName, auth.Read, func(ctx context.Context) error {
			s, err := c.WatchTotals(ctx, &tallyv1.WatchTotalsRequest{Name: national})
			if err != nil {
				return err
			}
			_, err = s.Recv()
			return err
		}, true},
	}

	// Every method of the service is in the matrix and has a rule.
	rules := tallyapi.AccessRules()
	covered := map[string]bool{}
	for _, cl := range calls {
		covered[cl.method] = true
		if rules[cl.method].Access != cl.access {
			t.Errorf("%s: rule %v, matrix expects %v", cl.method, rules[cl.method].Access, cl.access)
		}
	}
	for _, m := range tallyv1.TallyService_ServiceDesc.Methods {
		if name := "/" + tallyv1.TallyService_ServiceDesc.ServiceName + "/" + m.MethodName; !covered[name] {
			t.Errorf("%s is not in the access matrix", name)
		}
	}
	for _, m := range tallyv1.TallyService_ServiceDesc.Streams {
		if name := "/" + tallyv1.TallyService_ServiceDesc.ServiceName + "/" + m.StreamName; !covered[name] {
			t.Errorf("%s is not in the access matrix", name)
		}
	}
	if len(rules) != len(tallyv1.TallyService_ServiceDesc.Methods)+len(tallyv1.TallyService_ServiceDesc.Streams) {
		t.Errorf("%d rules for %d methods", len(rules), len(tallyv1.TallyService_ServiceDesc.Methods)+len(tallyv1.TallyService_ServiceDesc.Streams))
	}

	callers := []struct {
		name  string
		token string
		// want returns the expected access-control answer.
		want func(a auth.Access, inScope bool) codes.Code
	}{
		{"anonymous", "", func(a auth.Access, _ bool) codes.Code {
			if a == auth.Read {
				return codes.OK
			}
			return codes.Unauthenticated
		}},
		{"forged", "mandate1.e30.AAAA", func(auth.Access, bool) codes.Code { return codes.Unauthenticated }},
		{"reader", token(t, signer, auth.Claims{Subject: "press", Role: auth.Reader}), func(a auth.Access, _ bool) codes.Code {
			if a == auth.Read {
				return codes.OK
			}
			return codes.PermissionDenied
		}},
		{"commission astana", token(t, signer, auth.Claims{Subject: "tec-astana", Role: auth.Commission, Units: []string{"astana"}}), func(a auth.Access, in bool) codes.Code {
			if a == auth.Read || (a == auth.Submit && in) {
				return codes.OK
			}
			return codes.PermissionDenied
		}},
		{"commission of one station", token(t, signer, auth.Claims{Subject: "uik", Role: auth.Commission, Units: []string{"astana-1"}}), func(a auth.Access, in bool) codes.Code {
			if a == auth.Read || (a == auth.Submit && in) {
				return codes.OK
			}
			return codes.PermissionDenied
		}},
		{"admin", token(t, signer, auth.Claims{Subject: "cec", Role: auth.Admin}), func(auth.Access, bool) codes.Code { return codes.OK }},
		{"admin of another election", token(t, signer, auth.Claims{Subject: "cec", Role: auth.Admin, Election: "ru-duma-2016"}), func(auth.Access, bool) codes.Code {
			return codes.PermissionDenied
		}},
	}
	for _, who := range callers {
		for name, cl := range calls {
			t.Run(who.name+"/"+name, func(t *testing.T) {
				cctx := ctx
				if who.token != "" {
					cctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+who.token)
				}
				want := who.want(cl.access, cl.inScope)
				if who.name == "admin of another election" && name == "ListElections" {
					want = codes.OK // names no election
				}
				if got := denied(cl.call(cctx)); got != want {
					t.Errorf("access %v, want %v", got, want)
				}
			})
		}
	}

	// Private reads: the same reads need a token.
	priv, _ := startWithAuth(t, false)
	if _, err := priv.GetTotals(ctx, &tallyv1.GetTotalsRequest{Name: national}); status.Code(err) != codes.Unauthenticated {
		t.Errorf("anonymous read with private reads: %v", err)
	}
}

func importOne(ctx context.Context, c tallyv1.TallyServiceClient, req *tallyv1.SubmitProtocolRequest) error {
	s, err := c.ImportProtocols(ctx)
	if err != nil {
		return err
	}
	// A refused stream may already be closed when Send runs (io.EOF); the
	// status comes with CloseAndRecv either way.
	_ = s.Send(&tallyv1.ImportProtocolsRequest{Protocol: req})
	_, err = s.CloseAndRecv()
	return err
}

// TestSubmitterRecorded: the protocol records which credential sent it.
func TestSubmitterRecorded(t *testing.T) {
	c, signer := startWithAuth(t, true)
	ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization",
		"Bearer "+token(t, signer, auth.Claims{Subject: "tec-astana", Role: auth.Commission, Units: []string{"astana"}}))
	resp, err := c.SubmitProtocol(ctx, correction(t, c, "astana-2", "s-1", 3))
	if err != nil {
		t.Fatal(err)
	}
	if got := resp.GetProtocol().GetCurrent().GetSubmitter(); got != "commission:tec-astana" {
		t.Errorf("submitter %q", got)
	}
}
