package seatsapi_test

import (
	"context"
	"strings"
	"testing"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	"github.com/mandate-project/mandate/services/platform/grpctest"
	"github.com/mandate-project/mandate/services/seats/internal/seatsapi"
)

// client starts the real server on an in-memory listener and returns a real
// gRPC client for it.
func client(t testing.TB) seatsv1.SeatsServiceClient {
	t.Helper()
	conn := grpctest.Conn(t, func(srv *grpc.Server) { seatsv1.RegisterSeatsServiceServer(srv, seatsapi.New()) })
	return seatsv1.NewSeatsServiceClient(conn)
}

func kz2012() []*seatsv1.Party {
	return []*seatsv1.Party{
		{Id: "nur-otan", Votes: 5621436}, {Id: "ak-zhol", Votes: 518405},
		{Id: "cppk", Votes: 498788}, {Id: "osdp", Votes: 116534},
		{Id: "auyl", Votes: 82623}, {Id: "patriots", Votes: 57732},
		{Id: "adilet", Votes: 45702},
	}
}

func TestApportionKazakhstan2012(t *testing.T) {
	c := client(t)
	explicit := &seatsv1.Rule{
		Method: seatsv1.Method_METHOD_HARE, Seats: 98, ReservedSeats: 9,
		Threshold: &seatsv1.Threshold{Percent: "7", Base: 6941220}, RunnerUpGuaranteed: true,
	}
	for name, req := range map[string]*seatsv1.ApportionRequest{
		"preset": {Parties: kz2012(), Preset: "presets/kz-mazhilis-2009"},
		"rule":   {Parties: kz2012(), Rule: explicit},
	} {
		t.Run(name, func(t *testing.T) {
			resp, err := c.Apportion(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			a := resp.GetAllocation()
			want := []int32{83, 8, 7, 0, 0, 0, 0}
			for i, p := range a.GetParties() {
				if p.GetSeats() != want[i] {
					t.Errorf("%s: %d seats, want %d", p.GetId(), p.GetSeats(), want[i])
				}
			}
			if a.GetHouseSize() != 107 || a.GetQuota().GetNumerator() != "6638629" || a.GetQuota().GetDenominator() != "98" {
				t.Errorf("house %d quota %v", a.GetHouseSize(), a.GetQuota())
			}
			if q := a.GetParties()[3].GetQualification(); q != seatsv1.Qualification_QUALIFICATION_FAILED {
				t.Errorf("OSDP qualification %v", q)
			}
		})
	}
}

func TestApportionInvalid(t *testing.T) {
	c := client(t)
	hare := func(seats int32) *seatsv1.Rule {
		return &seatsv1.Rule{Method: seatsv1.Method_METHOD_HARE, Seats: seats}
	}
	tests := []struct {
		name   string
		req    *seatsv1.ApportionRequest
		field  string
		reason string
	}{
		{"no rule", &seatsv1.ApportionRequest{Parties: kz2012()}, "rule", "RULE_REQUIRED"},
		{"rule and preset", &seatsv1.ApportionRequest{Parties: kz2012(), Rule: hare(5), Preset: "presets/us-house"}, "rule", "RULE_AND_PRESET"},
		{"unknown preset", &seatsv1.ApportionRequest{Parties: kz2012(), Preset: "presets/atlantis"}, "preset", "UNKNOWN_PRESET"},
		{"method unspecified", &seatsv1.ApportionRequest{Parties: kz2012(), Rule: &seatsv1.Rule{Seats: 5}}, "rule.method", "METHOD_UNSPECIFIED"},
		{"unknown method", &seatsv1.ApportionRequest{Parties: kz2012(), Rule: &seatsv1.Rule{Method: 99, Seats: 5}}, "rule.method", "UNKNOWN_METHOD"},
		{"zero seats", &seatsv1.ApportionRequest{Parties: kz2012(), Rule: hare(0)}, "rule.seats", "SEATS_NOT_POSITIVE"},
		{"negative seats", &seatsv1.ApportionRequest{Parties: kz2012(), Rule: hare(-3)}, "rule.seats", "SEATS_NOT_POSITIVE"},
		{"negative votes", &seatsv1.ApportionRequest{Parties: []*seatsv1.Party{{Id: "a", Votes: 5}, {Id: "b", Votes: -1}}, Rule: hare(5)}, "parties[1].votes", "NEGATIVE_VOTES"},
		{"duplicate id", &seatsv1.ApportionRequest{Parties: []*seatsv1.Party{{Id: "a", Votes: 5}, {Id: "a", Votes: 1}}, Rule: hare(5)}, "parties[1].id", "DUPLICATE_PARTY_ID"},
		{"threshold over 100", &seatsv1.ApportionRequest{Parties: kz2012(), Rule: &seatsv1.Rule{Method: seatsv1.Method_METHOD_HARE, Seats: 5, Threshold: &seatsv1.Threshold{Percent: "101"}}}, "rule.threshold.percent", "THRESHOLD_OVER_100"},
		{"bad percent", &seatsv1.ApportionRequest{Parties: kz2012(), Rule: &seatsv1.Rule{Method: seatsv1.Method_METHOD_HARE, Seats: 5, Threshold: &seatsv1.Threshold{Percent: "7e3"}}}, "rule.threshold.percent", "BAD_DECIMAL"},
		{"base without preset", &seatsv1.ApportionRequest{Parties: kz2012(), Rule: hare(5), ThresholdBase: 10}, "threshold_base", "BASE_WITHOUT_PRESET"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Apportion(context.Background(), tt.req)
			checkInvalid(t, err, tt.field, tt.reason)
		})
	}
}

// checkInvalid asserts INVALID_ARGUMENT with the field among the BadRequest
// violations and exactly one ErrorInfo.
func checkInvalid(t *testing.T, err error, field, reason string) {
	t.Helper()
	st := status.Convert(err)
	if st.Code() != codes.InvalidArgument {
		t.Fatalf("code %v (%v), want INVALID_ARGUMENT", st.Code(), err)
	}
	infos, found := 0, false
	for _, d := range st.Details() {
		switch d := d.(type) {
		case *errdetails.ErrorInfo:
			infos++
		case *errdetails.BadRequest:
			for _, v := range d.GetFieldViolations() {
				if v.GetField() == field && v.GetReason() == reason {
					found = true
				}
			}
		}
	}
	if infos != 1 || !found {
		t.Fatalf("details %v: want one ErrorInfo and violation %s/%s", st.Details(), field, reason)
	}
}

func TestPresets(t *testing.T) {
	c := client(t)
	list, err := c.ListPresets(context.Background(), &seatsv1.ListPresetsRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list.GetPresets()) < 9 {
		t.Fatalf("%d presets", len(list.GetPresets()))
	}
	for _, p := range list.GetPresets() {
		got, err := c.GetPreset(context.Background(), &seatsv1.GetPresetRequest{Name: p.GetName()})
		if err != nil || !proto.Equal(got, p) {
			t.Errorf("GetPreset(%s) = %v, %v", p.GetName(), got, err)
		}
		if len(p.GetCitations()) == 0 || (p.GetRule().GetSeats() <= 0 && p.GetChamberRule() == nil) {
			t.Errorf("%s lacks citations or seats", p.GetName())
		}
	}
	_, err = c.GetPreset(context.Background(), &seatsv1.GetPresetRequest{Name: "presets/atlantis"})
	if status.Code(err) != codes.NotFound {
		t.Errorf("unknown preset: %v", err)
	}
	// A misspelt preset names the one meant and where the list is.
	_, err = c.GetPreset(context.Background(), &seatsv1.GetPresetRequest{Name: "presets/kz-mazilis-2009"})
	if msg := status.Convert(err).Message(); status.Code(err) != codes.NotFound ||
		!strings.Contains(msg, "did you mean presets/kz-mazhilis-2009?") || !strings.Contains(msg, "/v1/presets") {
		t.Errorf("misspelt preset: %v", err)
	}
	_, err = c.Apportion(context.Background(), &seatsv1.ApportionRequest{Parties: kz2012(), Preset: "presets/us-hose"})
	if !strings.Contains(status.Convert(err).Message(), "did you mean presets/us-house?") {
		t.Errorf("misspelt preset in a rule: %v", err)
	}
	_, err = c.GetPreset(context.Background(), &seatsv1.GetPresetRequest{Name: "atlantis"})
	checkInvalid(t, err, "name", "BAD_NAME")
}

// Every preset must run on plausible input: a preset that the engine rejects
// is a broken preset.
func TestPresetsApportion(t *testing.T) {
	c := client(t)
	list, err := c.ListPresets(context.Background(), &seatsv1.ListPresetsRequest{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list.GetPresets() {
		if p.GetChamberRule() != nil {
			continue // TestChamberPresets
		}
		parties := []*seatsv1.Party{{Id: "a", Votes: 600000, DistrictWins: 2}, {Id: "b", Votes: 300000, DistrictWins: 1}, {Id: "c", Votes: 100000}}
		resp, err := c.Apportion(context.Background(), &seatsv1.ApportionRequest{Parties: parties, Preset: p.GetName()})
		if err != nil {
			t.Errorf("%s: %v", p.GetName(), err)
			continue
		}
		sum := int32(0)
		for _, r := range resp.GetAllocation().GetParties() {
			sum += r.GetSeats()
		}
		if sum+resp.GetAllocation().GetUndecidedSeats() != resp.GetAllocation().GetSeats() {
			t.Errorf("%s: seats sum %d, allocation says %d", p.GetName(), sum, resp.GetAllocation().GetSeats())
		}
	}
}

// FuzzApportionRequest feeds arbitrary requests through the real server: it
// must answer OK or INVALID_ARGUMENT, never panic or fail internally.
func FuzzApportionRequest(f *testing.F) {
	seed, _ := proto.Marshal(&seatsv1.ApportionRequest{Parties: kz2012(), Preset: "presets/kz-mazhilis-2009"})
	f.Add(seed)
	seed, _ = proto.Marshal(&seatsv1.ApportionRequest{Parties: kz2012()[:3], Rule: &seatsv1.Rule{Method: seatsv1.Method_METHOD_HUNTINGTON_HILL, Seats: 7, MinSeatsPerParty: 1}})
	f.Add(seed)
	srv := seatsapi.New()
	f.Fuzz(func(t *testing.T, data []byte) {
		req := &seatsv1.ApportionRequest{}
		if proto.Unmarshal(data, req) != nil {
			return
		}
		if r := req.GetRule(); r != nil && r.GetSeats() > 5000 {
			r.Seats = 5000 // keep each run fast; size limits have their own tests
		}
		_, err := srv.Apportion(context.Background(), req)
		if c := status.Code(err); c != codes.OK && c != codes.InvalidArgument {
			t.Fatalf("code %v: %v", c, err)
		}
	})
}
