package tallyapi_test

import (
	"context"
	"strings"
	"testing"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
)

func TestForensicsReportDemo(t *testing.T) {
	c := start(t)
	loadDemo(t, c)
	ctx := context.Background()
	req := &tallyv1.GetForensicsReportRequest{Name: "elections/kz-2012/contests/mazhilis/forensicsReports/kz", Replicates: 200, Seed: 7}
	rep, err := c.GetForensicsReport(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if rep.GetName() != req.GetName() || rep.GetUnit() != "elections/kz-2012/units/kz" || rep.GetUnitDisplayName() != "Kazakhstan" ||
		rep.GetStations() != 48 || len(rep.GetRegions()) != 16 || rep.GetResultsVersion() != demoVersion || rep.GetGenerateTime() == nil {
		t.Errorf("report header: %v %v %v %d stations %d regions v%d", rep.GetName(), rep.GetUnit(), rep.GetUnitDisplayName(),
			rep.GetStations(), len(rep.GetRegions()), rep.GetResultsVersion())
	}
	for _, s := range []string{"not evidence of fraud", "ballots cast (found in the ballot boxes) / registered voters", "leader votes / valid", "200 Monte-Carlo replicates, seed 7"} {
		if !strings.Contains(rep.GetDisclaimer(), s) {
			t.Errorf("disclaimer lacks %q: %s", s, rep.GetDisclaimer())
		}
	}
	d := rep.GetDefinitions()
	if d.GetTurnout() != "ballots cast (found in the ballot boxes) / registered voters" || d.GetShareBase() != "valid" || d.GetReplicates() != 200 || d.GetSeed() != 7 ||
		d.GetIntegerWindowHundredths() != 5 || d.GetIntegerMaxPercent() != 99 || d.GetMinRegisteredVoters() != 100 || d.GetFingerprintBins() != 100 ||
		d.GetIntegerRule() != tallyv1.IntegerRule_INTEGER_RULE_PUBLISHED {
		t.Errorf("definitions %v", d)
	}
	if l := rep.GetLeader(); l.GetChoice() != "nur-otan" || l.GetVotes() != 5621436 || l.GetShare().GetPercent() != "80.99" {
		t.Errorf("leader %v", l)
	}
	fp := rep.GetFingerprint()
	var sum int64
	for _, n := range fp.GetCounts() {
		sum += n
	}
	if fp.GetBins() != 100 || len(fp.GetCounts()) != 100*100 || sum != 48 || fp.GetStations() != 48 ||
		!strings.HasPrefix(fp.GetSvg(), "<svg") || !strings.Contains(fp.GetSvg(), "leader share %") ||
		fp.GetLeaderVotesHighTurnout().GetDenominator() != 5621436 {
		t.Errorf("fingerprint: bins %d, %d cells, %d stations counted, svg %.40q", fp.GetBins(), len(fp.GetCounts()), sum, fp.GetSvg())
	}
	it := rep.GetIntegerPercentTest()
	if it.GetEligibleStations() != 48 || len(it.GetRegions()) != 16 || it.GetRegions()[0].GetUnit() != "elections/kz-2012/units/akmola" {
		t.Errorf("integer test %v", it)
	}
	if len(rep.GetDigitTests()) != 4 {
		t.Fatalf("%d digit tests", len(rep.GetDigitTests()))
	}
	for _, dt := range rep.GetDigitTests() {
		if dt.GetLabel() != "weak signal" || len(dt.GetObserved()) != 10 || len(dt.GetExpectedProbabilities()) != 10 || dt.GetDegreesOfFreedom() != 9 {
			t.Errorf("digit test %v", dt)
		}
	}
	if rv := rep.GetRelationViolations(); rv.GetProtocolsWithErrors() != 0 || len(rv.GetRegions()) != 16 {
		t.Errorf("relations %v", rv)
	}

	// The same request again gives the same report, up to its time.
	again, err := c.GetForensicsReport(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	again.GenerateTime = rep.GenerateTime
	if !proto.Equal(rep, again) {
		t.Errorf("the same seed gave another report")
	}

	// The per-value variant is there when asked for by name, and says so.
	variant, err := c.GetForensicsReport(ctx, &tallyv1.GetForensicsReportRequest{Name: req.GetName(), Replicates: 10,
		IntegerRule: tallyv1.IntegerRule_INTEGER_RULE_PER_VALUE})
	if err != nil {
		t.Fatal(err)
	}
	if variant.GetDefinitions().GetIntegerRule() != tallyv1.IntegerRule_INTEGER_RULE_PER_VALUE ||
		!strings.Contains(variant.GetDisclaimer(), "per-value variant, not the published rule") {
		t.Errorf("variant report: rule %v, disclaimer %s", variant.GetDefinitions().GetIntegerRule(), variant.GetDisclaimer())
	}

	// One region: its three stations, grouped by station.
	reg, err := c.GetForensicsReport(ctx, &tallyv1.GetForensicsReportRequest{Name: "elections/kz-2012/contests/mazhilis/forensicsReports/astana", Replicates: 10})
	if err != nil {
		t.Fatal(err)
	}
	if reg.GetStations() != 3 || len(reg.GetRegions()) != 3 || reg.GetRegions()[0].GetUnit() != "elections/kz-2012/units/astana-1" {
		t.Errorf("region report: %d stations, regions %v", reg.GetStations(), reg.GetRegions())
	}
}

func TestForensicsReportErrors(t *testing.T) {
	c := start(t)
	loadDemo(t, c)
	ctx := context.Background()
	for _, tt := range []struct {
		name  string
		req   *tallyv1.GetForensicsReportRequest
		code  codes.Code
		field string
	}{
		{"bad name", &tallyv1.GetForensicsReportRequest{Name: "elections/kz-2012/contests/mazhilis/totals/kz"}, codes.InvalidArgument, "name"},
		{"negative replicates", &tallyv1.GetForensicsReportRequest{Name: "elections/kz-2012/contests/mazhilis/forensicsReports/kz", Replicates: -1}, codes.InvalidArgument, "replicates"},
		{"too many replicates", &tallyv1.GetForensicsReportRequest{Name: "elections/kz-2012/contests/mazhilis/forensicsReports/kz", Replicates: 100001}, codes.InvalidArgument, "replicates"},
		{"unknown integer rule", &tallyv1.GetForensicsReportRequest{Name: "elections/kz-2012/contests/mazhilis/forensicsReports/kz", IntegerRule: 9}, codes.InvalidArgument, "integer_rule"},
		{"unknown unit", &tallyv1.GetForensicsReportRequest{Name: "elections/kz-2012/contests/mazhilis/forensicsReports/atlantis"}, codes.NotFound, ""},
		{"unknown contest", &tallyv1.GetForensicsReportRequest{Name: "elections/kz-2012/contests/senate/forensicsReports/kz"}, codes.NotFound, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.GetForensicsReport(ctx, tt.req)
			st := status.Convert(err)
			if st.Code() != tt.code {
				t.Fatalf("code %v (%v), want %v", st.Code(), err, tt.code)
			}
			if tt.field == "" {
				return
			}
			var fields []string
			for _, d := range st.Details() {
				if br, ok := d.(*errdetails.BadRequest); ok {
					for _, v := range br.GetFieldViolations() {
						fields = append(fields, v.GetField())
					}
				}
			}
			if len(fields) == 0 || fields[0] != tt.field {
				t.Errorf("fields %v, want %s", fields, tt.field)
			}
		})
	}
}
