package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/testsupport"
	"github.com/mandate-project/mandate/services/tally/tallyclient"
)

const (
	contest  = "elections/kz-2012/contests/mazhilis"
	national = contest + "/totals/kz"
)

// loadDemo defines the KZ 2012 demo and imports its protocols as admin.
func loadDemo(t *testing.T, s *system) {
	t.Helper()
	ctx := As(context.Background(), s.Admin)
	def := filepath.Join(testsupport.RepoRoot(t), "examples", "kz-2012", "election.yaml")
	if _, err := tallyclient.Define(ctx, s.Tally, def); err != nil {
		t.Fatal(err)
	}
	rep, err := tallyclient.ImportCSV(ctx, s.Tally, def, filepath.Join(testsupport.RepoRoot(t), "examples", "kz-2012", "protocols.csv"), nil)
	if err != nil || rep.Rejected != 0 {
		t.Fatalf("import: %+v %v", rep, err)
	}
}

// fields returns the BadRequest field paths and the ErrorInfo reasons of a
// status.
func fields(st *status.Status) (fields, reasons []string) {
	for _, d := range st.Details() {
		switch d := d.(type) {
		case *errdetails.BadRequest:
			for _, v := range d.GetFieldViolations() {
				fields = append(fields, v.GetField())
			}
		case *errdetails.ErrorInfo:
			reasons = append(reasons, d.GetReason())
		}
	}
	return fields, reasons
}

// TestMalformedRequests sends every kind of malformed request the API can
// receive, over gRPC and over JSON, and checks each gets INVALID_ARGUMENT /
// HTTP 400 naming the field, with one ErrorInfo, and that nothing changed.
func TestMalformedRequests(t *testing.T) {
	s := start(t)
	loadDemo(t, s)
	ctx := As(context.Background(), s.Admin)
	before, err := s.Tally.GetTotals(ctx, &tallyv1.GetTotalsRequest{Name: national})
	if err != nil {
		t.Fatal(err)
	}
	unitsBefore, err := s.Tally.ListReportingUnits(ctx, &tallyv1.ListReportingUnitsRequest{Parent: "elections/kz-2012", PageSize: 1000})
	if err != nil {
		t.Fatal(err)
	}

	// A valid correction of astana-1, to be broken one way at a time.
	p, err := s.Tally.GetProtocol(ctx, &tallyv1.GetProtocolRequest{Name: contest + "/protocols/astana-1"})
	if err != nil {
		t.Fatal(err)
	}
	valid := &tallyv1.SubmitProtocolRequest{
		Parent: contest, Station: "elections/kz-2012/units/astana-1", Lines: p.GetCurrent().GetLines(), Votes: p.GetCurrent().GetVotes(),
		RequestId: "malformed-1", ReplacesVersion: 1, Reason: "test",
		Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION,
	}
	submit := func(mod func(r *tallyv1.SubmitProtocolRequest)) func(context.Context) error {
		r := proto.Clone(valid).(*tallyv1.SubmitProtocolRequest)
		r.Lines, r.Votes = map[string]int64{}, map[string]int64{}
		for k, v := range valid.GetLines() {
			r.Lines[k] = v
		}
		for k, v := range valid.GetVotes() {
			r.Votes[k] = v
		}
		mod(r)
		return func(ctx context.Context) error { _, err := s.Tally.SubmitProtocol(ctx, r); return err }
	}
	long := strings.Repeat("x", 10_000)
	grpcCases := []struct {
		name  string
		call  func(context.Context) error
		field string
	}{
		{"missing station", submit(func(r *tallyv1.SubmitProtocolRequest) { r.Station = "" }), "station"},
		{"missing request id", submit(func(r *tallyv1.SubmitProtocolRequest) { r.RequestId = "" }), "request_id"},
		{"invalid parent name", submit(func(r *tallyv1.SubmitProtocolRequest) { r.Parent = "kz-2012/mazhilis" }), "parent"},
		{"invalid station name", submit(func(r *tallyv1.SubmitProtocolRequest) { r.Station = "units/astana-1" }), "station"},
		{"negative count", submit(func(r *tallyv1.SubmitProtocolRequest) { r.Votes["adilet"] = -1 }), "votes.adilet"},
		{"unknown line", submit(func(r *tallyv1.SubmitProtocolRequest) { r.Lines["bogus"] = 1 }), "lines.bogus"},
		{"unknown choice", submit(func(r *tallyv1.SubmitProtocolRequest) { r.Votes["bogus"] = 1 }), "votes.bogus"},
		{"missing line", submit(func(r *tallyv1.SubmitProtocolRequest) { delete(r.Lines, "invalid") }), "lines.invalid"},
		{"unknown enum value", submit(func(r *tallyv1.SubmitProtocolRequest) { r.Kind = 7 }), "kind"},
		{"negative replaces version", submit(func(r *tallyv1.SubmitProtocolRequest) { r.ReplacesVersion = -1 }), "replaces_version"},
		{"oversize request id", submit(func(r *tallyv1.SubmitProtocolRequest) { r.RequestId = long }), "request_id"},
		{"oversize reason", submit(func(r *tallyv1.SubmitProtocolRequest) { r.Reason = long }), "reason"},
		{"broken relation", submit(func(r *tallyv1.SubmitProtocolRequest) { r.Votes["adilet"]++ }), "lines.valid"},
		{"invalid totals name", func(ctx context.Context) error {
			_, err := s.Tally.GetTotals(ctx, &tallyv1.GetTotalsRequest{Name: "kz-2012/totals"})
			return err
		}, "name"},
		{"negative page size", func(ctx context.Context) error {
			_, err := s.Tally.ListProtocols(ctx, &tallyv1.ListProtocolsRequest{Parent: contest, PageSize: -1})
			return err
		}, "page_size"},
		{"forged page token", func(ctx context.Context) error {
			_, err := s.Tally.ListProtocols(ctx, &tallyv1.ListProtocolsRequest{Parent: contest, PageToken: "not-a-token"})
			return err
		}, "page_token"},
		{"negative since version", func(ctx context.Context) error {
			_, err := s.Tally.ListChanges(ctx, &tallyv1.ListChangesRequest{Name: national, SinceVersion: -1})
			return err
		}, "since_version"},
		{"unspecified phase", func(ctx context.Context) error {
			_, err := s.Tally.SetContestPhase(ctx, &tallyv1.SetContestPhaseRequest{Name: contest})
			return err
		}, "phase"},
		{"invalid election id", func(ctx context.Context) error {
			_, err := s.Tally.CreateElection(ctx, &tallyv1.CreateElectionRequest{ElectionId: "Bad ID!", Election: &tallyv1.Election{DisplayName: "x"}})
			return err
		}, "election_id"},
		{"missing election", func(ctx context.Context) error {
			_, err := s.Tally.CreateElection(ctx, &tallyv1.CreateElectionRequest{ElectionId: "new-2030"})
			return err
		}, "election"},
		{"unit without a name", func(ctx context.Context) error {
			_, err := s.Tally.BatchCreateReportingUnits(ctx, &tallyv1.BatchCreateReportingUnitsRequest{Parent: "elections/kz-2012",
				Units: []*tallyv1.ReportingUnit{{DisplayName: "nameless", ParentUnit: "elections/kz-2012/units/kz"}}})
			return err
		}, "units[0].name"},
		{"forensics replicates out of range", func(ctx context.Context) error {
			_, err := s.Tally.GetForensicsReport(ctx, &tallyv1.GetForensicsReportRequest{Name: contest + "/forensicsReports/kz", Replicates: -5})
			return err
		}, "replicates"},
		{"zero seats", func(ctx context.Context) error {
			_, err := s.Seats.Apportion(ctx, &seatsv1.ApportionRequest{Rule: &seatsv1.Rule{Method: seatsv1.Method_METHOD_HARE}, Parties: []*seatsv1.Party{{Id: "a", Votes: 1}}})
			return err
		}, "rule.seats"},
		{"negative votes", func(ctx context.Context) error {
			_, err := s.Seats.Apportion(ctx, &seatsv1.ApportionRequest{Rule: &seatsv1.Rule{Method: seatsv1.Method_METHOD_HARE, Seats: 3}, Parties: []*seatsv1.Party{{Id: "a", Votes: -1}}})
			return err
		}, "parties[0].votes"},
		{"unknown method", func(ctx context.Context) error {
			_, err := s.Seats.Apportion(ctx, &seatsv1.ApportionRequest{Rule: &seatsv1.Rule{Method: 99, Seats: 3}, Parties: []*seatsv1.Party{{Id: "a", Votes: 1}}})
			return err
		}, "rule.method"},
		{"unknown preset", func(ctx context.Context) error {
			_, err := s.Seats.Apportion(ctx, &seatsv1.ApportionRequest{Preset: "presets/atlantis", Parties: []*seatsv1.Party{{Id: "a", Votes: 1}}})
			return err
		}, "preset"},
	}
	for _, tt := range grpcCases {
		t.Run("grpc/"+tt.name, func(t *testing.T) {
			st := status.Convert(tt.call(ctx))
			got, reasons := fields(st)
			if st.Code() != codes.InvalidArgument || len(got) == 0 || !strings.HasPrefix(got[0], tt.field) || len(reasons) != 1 {
				t.Errorf("%v %q fields %v reasons %v; want INVALID_ARGUMENT on %s with one reason", st.Code(), st.Message(), got, reasons, tt.field)
			}
		})
	}

	// JSON: what only JSON can get wrong, and the same field paths.
	submitPath := "/v1/" + contest + "/protocols:submit"
	// negative is the valid correction in JSON with one vote count below zero.
	negVotes := map[string]string{}
	for k, v := range valid.GetVotes() {
		negVotes[k] = fmt.Sprint(v)
	}
	negVotes["adilet"] = "-3"
	negative, err := json.Marshal(map[string]any{"station": valid.GetStation(), "requestId": "json-1", "replacesVersion": 1,
		"reason": "t", "kind": "SUBMISSION_KIND_CORRECTION", "lines": valid.GetLines(), "votes": negVotes})
	if err != nil {
		t.Fatal(err)
	}
	jsonCases := []struct {
		name, method, path, body, field string
	}{
		{"wrong type", http.MethodPost, submitPath, `{"station": "elections/kz-2012/units/astana-1", "requestId": "j", "lines": {"valid": "many"}}`, "lines.valid"},
		{"number too large", http.MethodPost, submitPath, `{"station": "elections/kz-2012/units/astana-1", "requestId": "j", "votes": {"adilet": 1e30}}`, "votes.adilet"},
		{"unknown enum name", http.MethodPost, submitPath, `{"station": "elections/kz-2012/units/astana-1", "requestId": "j", "kind": "SUBMISSION_KIND_GUESS"}`, "kind"},
		{"unknown field", http.MethodPost, submitPath, `{"station": "elections/kz-2012/units/astana-1", "requestId": "j", "votse": {}}`, "votse"},
		{"object for a list", http.MethodPost, "/v1/seats:apportion", `{"preset": "presets/kz-mazhilis-2009", "parties": {"id": "a"}}`, "parties"},
		{"string for a number in a list", http.MethodPost, "/v1/seats:apportion", `{"preset": "presets/kz-mazhilis-2009", "parties": [{"id": "a", "votes": "1"}, {"id": "b", "votes": "lots"}]}`, "parties[1].votes"},
		{"missing request id", http.MethodPost, submitPath, `{"station": "elections/kz-2012/units/astana-1"}`, "request_id"},
		{"negative count", http.MethodPost, submitPath, string(negative), "votes.adilet"},
		{"invalid name in the URL", http.MethodGet, "/v1/elections/kz-2012/contests/mazhilis/totals/" + strings.Repeat("z", 300), "", "name"},
		{"bad query parameter", http.MethodGet, "/v1/" + contest + "/protocols?pageSize=many", "", "page_size"},
		{"zero seats", http.MethodPost, "/v1/seats:apportion", `{"rule": {"method": "METHOD_HARE", "seats": 0}, "parties": [{"id": "a", "votes": "1"}]}`, "rule.seats"},
	}
	for _, tt := range jsonCases {
		t.Run("json/"+tt.name, func(t *testing.T) {
			code, body := s.do(t, tt.method, tt.path, s.Admin, tt.body)
			var st struct {
				Code    int
				Message string
				Details []struct {
					Type            string `json:"@type"`
					Reason          string
					FieldViolations []struct{ Field string }
				}
			}
			if err := json.Unmarshal(body, &st); err != nil {
				t.Fatalf("%d %s: %v", code, body, err)
			}
			var fields []string
			reasons := 0
			for _, d := range st.Details {
				if strings.HasSuffix(d.Type, "ErrorInfo") {
					reasons++
				}
				for _, v := range d.FieldViolations {
					fields = append(fields, v.Field)
				}
			}
			if code != http.StatusBadRequest || st.Code != int(codes.InvalidArgument) || len(fields) == 0 || !strings.HasPrefix(fields[0], tt.field) || reasons != 1 {
				t.Errorf("HTTP %d %s; want 400 on %s with one ErrorInfo", code, body, tt.field)
			}
		})
	}

	// Nothing above was written.
	after, err := s.Tally.GetTotals(ctx, &tallyv1.GetTotalsRequest{Name: national})
	if err != nil {
		t.Fatal(err)
	}
	if after.GetResultsVersion() != before.GetResultsVersion() {
		t.Errorf("results version moved from %d to %d", before.GetResultsVersion(), after.GetResultsVersion())
	}
	list, err := s.Tally.ListElections(ctx, &tallyv1.ListElectionsRequest{})
	if err != nil || len(list.GetElections()) != 1 {
		t.Errorf("elections after the malformed requests: %d (%v)", len(list.GetElections()), err)
	}
	units, err := s.Tally.ListReportingUnits(ctx, &tallyv1.ListReportingUnitsRequest{Parent: "elections/kz-2012", PageSize: 1000})
	if err != nil || len(units.GetReportingUnits()) != len(unitsBefore.GetReportingUnits()) {
		t.Errorf("units after the malformed requests: %d (%v)", len(units.GetReportingUnits()), err)
	}
}
