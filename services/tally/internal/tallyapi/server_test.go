package tallyapi_test

import (
	"context"
	"log/slog"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/grpctest"
	"github.com/mandate-project/mandate/services/tally/internal/sqlitestore"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/internal/tallyapi"
	"github.com/mandate-project/mandate/services/tally/tallyclient"
)

// examples returns the repository's examples folder.
func examples(t testing.TB) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "..", "examples")
}

// start runs the real adapter over a real SQLite store on an in-memory
// listener and returns a real client.
func start(t testing.TB) tallyv1.TallyServiceClient {
	t.Helper()
	_, c := startWith(t, time.Now)
	return c
}

// startWith is start on the given clock, also returning the adapter, for
// calling its handlers without the transport.
func startWith(t testing.TB, now func() time.Time) (*tallyapi.Server, tallyv1.TallyServiceClient) {
	t.Helper()
	ctx := context.Background()
	store, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "tally.db"), sqlitestore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	svc, err := tally.NewServiceWith(ctx, store, tally.ServiceOptions{Now: now, LogKey: testLogKey})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(svc.Close)
	api := tallyapi.New(svc, slog.Default())
	conn := grpctest.ConnWith(t, api.ServerOptions(), func(srv *grpc.Server) {
		tallyv1.RegisterTallyServiceServer(srv, api)
	})
	return api, tallyv1.NewTallyServiceClient(conn)
}

// loadDemo defines the KZ 2012 demo and imports its protocols through the
// gRPC API, as `mandatectl demo load` does.
func loadDemo(t *testing.T, c tallyv1.TallyServiceClient) {
	t.Helper()
	loadDemoAs(t, c, context.Background())
}

// loadDemoAs is loadDemo with the caller's context (its credentials).
func loadDemoAs(t *testing.T, c tallyv1.TallyServiceClient, ctx context.Context) {
	t.Helper()
	def := filepath.Join(examples(t), "kz-2012", "election.yaml")
	if _, err := tallyclient.Define(ctx, c, def); err != nil {
		t.Fatal(err)
	}
	rep, err := tallyclient.ImportCSV(ctx, c, def, filepath.Join(examples(t), "kz-2012", "protocols.csv"), nil)
	if err != nil || rep.Rejected != 0 || rep.Accepted+rep.Replayed != 48 {
		t.Fatalf("import: %+v %v", rep, err)
	}
}

func TestDemoTotalsMatchOfficial(t *testing.T) {
	c := start(t)
	loadDemo(t, c)
	loadDemo(t, c) // a second load changes nothing
	tot, err := c.GetTotals(context.Background(), &tallyv1.GetTotalsRequest{Name: "elections/kz-2012/contests/mazhilis/totals/kz"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int64{"nur-otan": 5621436, "ak-zhol": 518405, "cppk": 498788, "osdp": 116534, "auyl": 82623, "patriots": 57732, "adilet": 45702}
	for _, ch := range tot.GetChoices() {
		if ch.GetVotes() != want[ch.GetChoice()] {
			t.Errorf("%s: %d votes, want %d", ch.GetChoice(), ch.GetVotes(), want[ch.GetChoice()])
		}
	}
	if tot.GetValid() != 6941220 || tot.GetStationsReporting() != 48 || tot.GetStationsTotal() != 48 ||
		tot.GetStatus() != tallyv1.ResultStatus_RESULT_STATUS_UNOFFICIAL_COMPLETE || tot.GetResultsVersion() != demoVersion {
		t.Errorf("totals: %v", tot)
	}
	if got := tot.GetChoices()[0].GetShare().GetPercent(); got != "80.99" {
		t.Errorf("Nur Otan share %s %%, want 80.99", got)
	}
}

func TestSubmitErrors(t *testing.T) {
	c := start(t)
	loadDemo(t, c)
	ctx := context.Background()
	p, err := c.GetProtocol(ctx, &tallyv1.GetProtocolRequest{Name: "elections/kz-2012/contests/mazhilis/protocols/astana-1"})
	if err != nil {
		t.Fatal(err)
	}
	cur := p.GetCurrent()
	req := func(mod func(r *tallyv1.SubmitProtocolRequest)) *tallyv1.SubmitProtocolRequest {
		r := &tallyv1.SubmitProtocolRequest{
			Parent: "elections/kz-2012/contests/mazhilis", Station: "elections/kz-2012/units/astana-1",
			Lines: map[string]int64{}, Votes: map[string]int64{}, RequestId: "test-1",
			Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_ORIGINAL,
		}
		for k, v := range cur.GetLines() {
			r.Lines[k] = v
		}
		for k, v := range cur.GetVotes() {
			r.Votes[k] = v
		}
		mod(r)
		return r
	}
	tests := []struct {
		name string
		req  *tallyv1.SubmitProtocolRequest
		code codes.Code
		// field is the BadRequest field expected for INVALID_ARGUMENT.
		field string
	}{
		{"bad parent", req(func(r *tallyv1.SubmitProtocolRequest) { r.Parent = "kz-2012/mazhilis" }), codes.InvalidArgument, "parent"},
		{"no request id", req(func(r *tallyv1.SubmitProtocolRequest) { r.RequestId = "" }), codes.InvalidArgument, "request_id"},
		// The documented limit, in characters: 128 pass validation (and meet
		// the stored original), 129 do not.
		{"request id at the limit", req(func(r *tallyv1.SubmitProtocolRequest) { r.RequestId = strings.Repeat("é", 128) }), codes.AlreadyExists, ""},
		{"request id too long", req(func(r *tallyv1.SubmitProtocolRequest) { r.RequestId = strings.Repeat("a", 129) }), codes.InvalidArgument, "request_id"},
		{"unknown station", req(func(r *tallyv1.SubmitProtocolRequest) { r.Station = "elections/kz-2012/units/nowhere-9" }), codes.NotFound, ""},
		// The kind is required: never guessed from replaces_version.
		{"no kind", req(func(r *tallyv1.SubmitProtocolRequest) { r.Kind = tallyv1.SubmissionKind_SUBMISSION_KIND_UNSPECIFIED }), codes.InvalidArgument, "kind"},
		{"no kind for a correction", req(func(r *tallyv1.SubmitProtocolRequest) {
			r.ReplacesVersion, r.Reason, r.Kind = 1, "typo", tallyv1.SubmissionKind_SUBMISSION_KIND_UNSPECIFIED
		}), codes.InvalidArgument, "kind"},
		{"unknown kind", req(func(r *tallyv1.SubmitProtocolRequest) { r.Kind = 99 }), codes.InvalidArgument, "kind"},
		{"second original", req(func(r *tallyv1.SubmitProtocolRequest) {}), codes.AlreadyExists, ""},
		{"stale correction", req(func(r *tallyv1.SubmitProtocolRequest) {
			r.ReplacesVersion, r.Reason, r.Kind = 7, "typo", tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION
		}), codes.Aborted, ""},
		{"broken relation", req(func(r *tallyv1.SubmitProtocolRequest) {
			r.ReplacesVersion, r.Reason, r.Kind = 1, "typo", tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION
			r.Votes["nur-otan"]++
		}), codes.InvalidArgument, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.SubmitProtocol(ctx, tt.req)
			st := status.Convert(err)
			if st.Code() != tt.code {
				t.Fatalf("code %v (%v), want %v", st.Code(), err, tt.code)
			}
			infos := 0
			var fields []string
			for _, d := range st.Details() {
				switch d := d.(type) {
				case *errdetails.ErrorInfo:
					infos++
				case *errdetails.BadRequest:
					for _, v := range d.GetFieldViolations() {
						fields = append(fields, v.GetField())
					}
				}
			}
			if infos != 1 {
				t.Errorf("%d ErrorInfo details, want 1: %v", infos, st.Details())
			}
			if nf, ok := infoOf(st).(*errdetails.ResourceInfo); st.Code() == codes.NotFound && (!ok || nf.GetResourceType() != "tally.mandate.dev/ReportingUnit") {
				t.Errorf("NOT_FOUND ResourceInfo %v, want the declared type tally.mandate.dev/ReportingUnit", nf)
			}
			if tt.field != "" && (len(fields) == 0 || fields[0] != tt.field) {
				t.Errorf("fields %v, want %s", fields, tt.field)
			}
		})
	}
	// Nothing above changed the totals.
	tot, err := c.GetTotals(ctx, &tallyv1.GetTotalsRequest{Name: "elections/kz-2012/contests/mazhilis/totals/kz"})
	if err != nil || tot.GetResultsVersion() != demoVersion {
		t.Fatalf("results version %d after rejected requests, want %d (%v)", tot.GetResultsVersion(), demoVersion, err)
	}

	// A correction supersedes: totals move by exactly the difference.
	fix := req(func(r *tallyv1.SubmitProtocolRequest) {
		r.RequestId, r.ReplacesVersion, r.Reason, r.Kind = "fix-1", 1, "transcription error", tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION
		r.Votes["nur-otan"] -= 10
		r.Votes["ak-zhol"] += 10
	})
	resp, err := c.SubmitProtocol(ctx, fix)
	if err != nil {
		t.Fatal(err)
	}
	if resp.GetProtocol().GetCurrent().GetVersion() != 2 {
		t.Fatalf("version %d", resp.GetProtocol().GetCurrent().GetVersion())
	}
	again, err := c.SubmitProtocol(ctx, fix) // a retry is answered, not counted
	if err != nil || again.GetResultsVersion() != resp.GetResultsVersion() {
		t.Fatalf("replay: %v %v", again, err)
	}
	tot, err = c.GetTotals(ctx, &tallyv1.GetTotalsRequest{Name: "elections/kz-2012/contests/mazhilis/totals/kz"})
	if err != nil {
		t.Fatal(err)
	}
	if tot.GetChoices()[0].GetVotes() != 5621426 || tot.GetChoices()[1].GetVotes() != 518415 || tot.GetResultsVersion() != demoVersion+1 {
		t.Errorf("after correction: %v %v v%d", tot.GetChoices()[0].GetVotes(), tot.GetChoices()[1].GetVotes(), tot.GetResultsVersion())
	}
	full, err := c.GetProtocol(ctx, &tallyv1.GetProtocolRequest{Name: "elections/kz-2012/contests/mazhilis/protocols/astana-1"})
	if err != nil || len(full.GetVersions()) != 2 || !full.GetVersions()[0].GetSuperseded() {
		t.Fatalf("versions: %v %v", full, err)
	}
}

// infoOf returns the ResourceInfo detail of st, nil without one.
func infoOf(st *status.Status) any {
	for _, d := range st.Details() {
		if ri, ok := d.(*errdetails.ResourceInfo); ok {
			return ri
		}
	}
	return nil
}
