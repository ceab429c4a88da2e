package e2e

import (
	"context"
	"encoding/json"
	"math"
	"net/http"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
)

// TestHostileInput is issue 14's items 2, 5 and 13 against the real
// daemons: a NUL or an escape sequence in a text field, counts of 2^63-1
// (a protocol line, a new unit's registered voters) and a correction of a
// station that has no protocol are refused over gRPC and through the
// gateway with the field and the reason, an import refuses only its bad
// row, and the national totals move by the good row alone.
func TestHostileInput(t *testing.T) {
	s := start(t)
	loadDemo(t, s)
	ctx := As(context.Background(), s.Admin)
	before, err := s.Tally.GetTotals(ctx, &tallyv1.GetTotalsRequest{Name: national})
	if err != nil {
		t.Fatal(err)
	}
	refused := func(t *testing.T, err error, code codes.Code, reason, field string) {
		t.Helper()
		st := status.Convert(err)
		fs, rs := fields(st)
		if st.Code() != code || len(rs) != 1 || rs[0] != reason || (field != "" && (len(fs) == 0 || fs[0] != field)) {
			t.Errorf("%v (fields %v, reasons %v); want %v %s on %q", err, fs, rs, code, reason, field)
		}
	}

	nulID := correctionOf(t, s.Tally, "astana-1", "hostile-\x00", 1)
	_, err = s.Tally.SubmitProtocol(ctx, nulID)
	refused(t, err, codes.InvalidArgument, "CONTROL_CHARACTER", "request_id")

	escape := correctionOf(t, s.Tally, "astana-1", "hostile-2", 1)
	escape.Reason = "\x1b[2J recounted"
	_, err = s.Tally.SubmitProtocol(ctx, escape)
	refused(t, err, codes.InvalidArgument, "CONTROL_CHARACTER", "reason")

	huge := correctionOf(t, s.Tally, "astana-1", "hostile-3", 1)
	if _, ok := huge.Lines["registered"]; !ok {
		t.Fatalf("the demo's form has no line registered: %v", huge.Lines)
	}
	huge.Lines["registered"] = math.MaxInt64
	_, err = s.Tally.SubmitProtocol(ctx, huge)
	refused(t, err, codes.InvalidArgument, "OUT_OF_RANGE", "lines.registered")

	_, err = s.Tally.BatchCreateReportingUnits(ctx, &tallyv1.BatchCreateReportingUnitsRequest{Parent: "elections/kz-2012",
		Units: []*tallyv1.ReportingUnit{{Name: "elections/kz-2012/units/astana-98", DisplayName: "Astana 98", Level: "station",
			ParentUnit: "elections/kz-2012/units/astana", RegisteredVoters: math.MaxInt64}}})
	refused(t, err, codes.InvalidArgument, "OUT_OF_RANGE", "units[0].registered_voters")

	// A station added now has no protocol: a correction of it cannot
	// succeed by retrying.
	if _, err := s.Tally.BatchCreateReportingUnits(ctx, &tallyv1.BatchCreateReportingUnitsRequest{Parent: "elections/kz-2012",
		Units: []*tallyv1.ReportingUnit{{Name: "elections/kz-2012/units/astana-99", DisplayName: "Astana 99", Level: "station",
			ParentUnit: "elections/kz-2012/units/astana", RegisteredVoters: 200000}}}); err != nil {
		t.Fatal(err)
	}
	nothing := correctionOf(t, s.Tally, "astana-1", "hostile-4", 1)
	nothing.Station = "elections/kz-2012/units/astana-99"
	_, err = s.Tally.SubmitProtocol(ctx, nothing)
	refused(t, err, codes.FailedPrecondition, "NOTHING_TO_CORRECT", "")

	// Through the gateway: a JSON \u0000 is the same refusal, HTTP 400.
	body, err := protojson.Marshal(nulID)
	if err != nil {
		t.Fatal(err)
	}
	code, resp := s.do(t, http.MethodPost, "/v1/"+contest+"/protocols:submit", s.Admin, string(body))
	var st struct {
		Details []struct {
			Reason   string
			Metadata map[string]string
		}
	}
	if err := json.Unmarshal(resp, &st); err != nil || code != http.StatusBadRequest || len(st.Details) == 0 || st.Details[0].Reason != "CONTROL_CHARACTER" {
		t.Errorf("gateway: HTTP %d %s; want 400 CONTROL_CHARACTER", code, resp)
	}

	// An import with one bad row stores the others.
	good := correctionOf(t, s.Tally, "almaty-city-1", "hostile-5", 10)
	bad := correctionOf(t, s.Tally, "astana-1", "hostile-6", 1)
	bad.Reason = "recounted\x00"
	stream, err := s.Tally.ImportProtocols(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := stream.Send(rowsOf(contest, good, bad)); err != nil {
		t.Fatal(err)
	}
	res, err := stream.CloseAndRecv()
	if err != nil || res.GetAccepted() != 1 || len(res.GetRejections()) != 1 || res.GetRejections()[0].GetIndex() != 1 ||
		res.GetRejections()[0].GetCode() != "INVALID_ARGUMENT" {
		t.Fatalf("import: %v, %v; want the first row accepted and the second refused", res, err)
	}

	after, err := s.Tally.GetTotals(ctx, &tallyv1.GetTotalsRequest{Name: national})
	if err != nil {
		t.Fatal(err)
	}
	if after.GetRegisteredVoters() != before.GetRegisteredVoters() || after.GetRegisteredVoters() <= 0 || after.GetValid() != before.GetValid() {
		t.Errorf("national totals moved: registered %d -> %d, valid %d -> %d", before.GetRegisteredVoters(), after.GetRegisteredVoters(),
			before.GetValid(), after.GetValid())
	}
	votes := func(tt *tallyv1.Totals, id string) int64 {
		for _, c := range tt.GetChoices() {
			if c.GetChoice() == id {
				return c.GetVotes()
			}
		}
		return 0
	}
	if votes(after, "nur-otan") != votes(before, "nur-otan")-10 {
		t.Errorf("nur-otan %d -> %d; only the good row's 10 votes should have moved", votes(before, "nur-otan"), votes(after, "nur-otan"))
	}
}
