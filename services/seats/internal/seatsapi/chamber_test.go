package seatsapi_test

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	"github.com/mandate-project/mandate/services/platform/testsupport"
	"github.com/mandate-project/mandate/services/seats/apportion/casefile"
	"github.com/mandate-project/mandate/services/seats/apportionpb"
	"github.com/mandate-project/mandate/services/seats/internal/seatsapi"
)

// districtCases returns every file of ../shared/corpus-districts beside the
// repository.
func districtCases(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(testsupport.SharedData(t, "corpus-districts"), "*.json"))
	if len(files) == 0 {
		testsupport.Skip(t, testsupport.Data, "shared district corpus has no cases")
	}
	return files
}

// Every cell of every shared district case through the Apportion RPC.
func TestApportionChamberCorpus(t *testing.T) {
	c := client(t)
	for _, f := range districtCases(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			dc, err := casefile.LoadDistricts(f)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := c.Apportion(context.Background(), &seatsv1.ApportionRequest{Chamber: apportionpb.ChamberToProto(&dc.Chamber)})
			if err != nil {
				t.Fatal(err)
			}
			a := resp.GetChamberAllocation()
			if !a.GetUnique() || a.GetUndecidedSeats() != 0 {
				t.Errorf("unique %v, undecided %d", a.GetUnique(), a.GetUndecidedSeats())
			}
			for j, l := range a.GetLists() {
				total := int32(0)
				for i, d := range dc.Chamber.Districts {
					got, want := l.GetDistrictSeats()[d.ID], int32(dc.Official[j][i])
					if got != want {
						t.Errorf("%s in %s: %d seats, official %d", l.GetId(), d.ID, got, want)
					}
					total += want
					if dc.OfficialLeveling != nil {
						if got, want := l.GetDistrictLevelingSeats()[d.ID], int32(dc.OfficialLeveling[j][i]); got != want {
							t.Errorf("%s in %s: %d leveling seats, official %d", l.GetId(), d.ID, got, want)
						}
					}
				}
				if l.GetSeats() != total {
					t.Errorf("%s: %d seats, official %d", l.GetId(), l.GetSeats(), total)
				}
			}
		})
	}
}

// smallChamber is a plausible chamber of three districts for each family.
func smallChamber(rule *seatsv1.ChamberRule) *seatsv1.Chamber {
	ch := &seatsv1.Chamber{Rule: rule}
	leveling := rule.GetFamily() == seatsv1.ChamberFamily_CHAMBER_FAMILY_LEVELING
	for i, s := range []int32{7, 5, 4} {
		d := &seatsv1.ChamberDistrict{Id: "d" + strconv.Itoa(i), Seats: s, ThresholdBase: 0, Population: int64(s) * 100000, AreaKm2: 1000}
		if leveling {
			d.Seats++
			d.LevelingSeats = 1
		}
		ch.Districts = append(ch.Districts, d)
	}
	votes := [][]string{{"5000", "4000", "3000"}, {"3000", "2500", "2600"}, {"1500", "1200", "900"}, {"600", "500", "700"}}
	for j, vs := range votes {
		l := &seatsv1.ChamberList{Id: "l" + strconv.Itoa(j), Votes: map[string]string{}}
		for i, v := range vs {
			l.Votes["d"+strconv.Itoa(i)] = v
		}
		ch.Lists = append(ch.Lists, l)
	}
	return ch
}

// Every chamber preset runs on a plausible chamber and is echoed.
func TestChamberPresets(t *testing.T) {
	c := client(t)
	list, err := c.ListPresets(context.Background(), &seatsv1.ListPresetsRequest{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range list.GetPresets() {
		if p.GetChamberRule() == nil {
			continue
		}
		n++
		if len(p.GetCitations()) == 0 || p.GetRule() != nil {
			t.Errorf("%s: citations %d, single-pool rule %v", p.GetName(), len(p.GetCitations()), p.GetRule())
		}
		ch := smallChamber(p.GetChamberRule())
		ch.Rule = nil
		if da := p.GetChamberRule().GetDistrictApportionment(); da != nil {
			// Population drives the seats: keep the house small.
			continue
		}
		resp, err := c.Apportion(context.Background(), &seatsv1.ApportionRequest{Chamber: ch, Preset: p.GetName()})
		if err != nil {
			t.Errorf("%s: %v", p.GetName(), err)
			continue
		}
		sum := int32(0)
		for _, l := range resp.GetChamberAllocation().GetLists() {
			sum += l.GetSeats()
		}
		if sum != resp.GetChamberAllocation().GetSeats() || resp.GetChamberRule().GetFamily() != p.GetChamberRule().GetFamily() {
			t.Errorf("%s: seats %d of %d, rule %v", p.GetName(), sum, resp.GetChamberAllocation().GetSeats(), resp.GetChamberRule())
		}
	}
	if n < 5 {
		t.Errorf("%d chamber presets, want at least 5", n)
	}
}

func TestApportionChamberInvalid(t *testing.T) {
	c := client(t)
	indep := &seatsv1.ChamberRule{Family: seatsv1.ChamberFamily_CHAMBER_FAMILY_INDEPENDENT, Method: seatsv1.Method_METHOD_DHONDT}
	bip := &seatsv1.ChamberRule{Family: seatsv1.ChamberFamily_CHAMBER_FAMILY_BIPROPORTIONAL, Biproportional: &seatsv1.BiproportionalRule{
		UpperMethod: seatsv1.Method_METHOD_SAINTE_LAGUE, Quorum: &seatsv1.Quorum{TotalPercent: "101"}}}
	mod := func(rule *seatsv1.ChamberRule, f func(*seatsv1.Chamber)) *seatsv1.Chamber {
		ch := smallChamber(rule)
		f(ch)
		return ch
	}
	tests := []struct {
		name          string
		ch            *seatsv1.Chamber
		field, reason string
	}{
		{"unknown district", mod(indep, func(ch *seatsv1.Chamber) { ch.Lists[1].Votes["atlantis"] = "5" }), `chamber.lists[1].votes.atlantis`, "UNKNOWN_DISTRICT"},
		{"negative votes", mod(indep, func(ch *seatsv1.Chamber) { ch.Lists[2].Votes["d1"] = "-5" }), `chamber.lists[2].votes.d1`, "NEGATIVE_VOTES"},
		{"non-numeric votes", mod(indep, func(ch *seatsv1.Chamber) { ch.Lists[0].Votes["d0"] = "many" }), `chamber.lists[0].votes.d0`, "BAD_VOTES"},
		{"fractional votes", mod(indep, func(ch *seatsv1.Chamber) { ch.Lists[0].Votes["d2"] = "1.5" }), `chamber.lists[0].votes.d2`, "VOTES_NOT_INTEGER"},
		{"seats do not add up", mod(indep, func(ch *seatsv1.Chamber) { ch.Seats = 17 }), "chamber.seats", "SEATS_MISMATCH"},
		{"district without seats", mod(indep, func(ch *seatsv1.Chamber) { ch.Districts[2].Seats = 0 }), "chamber.districts[2].seats", "DISTRICT_WITHOUT_SEATS"},
		{"quorum above 100", smallChamber(bip), "chamber.rule.biproportional.quorum.total_percent", "PERCENT_OVER_100"},
		{"no rule", mod(indep, func(ch *seatsv1.Chamber) { ch.Rule = nil }), "chamber.rule", "RULE_REQUIRED"},
		{"no family", mod(&seatsv1.ChamberRule{}, func(*seatsv1.Chamber) {}), "chamber.rule.family", "FAMILY_UNSPECIFIED"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.Apportion(context.Background(), &seatsv1.ApportionRequest{Chamber: tc.ch})
			checkInvalid(t, err, tc.field, tc.reason)
		})
	}
	_, err := c.Apportion(context.Background(), &seatsv1.ApportionRequest{Chamber: smallChamber(indep), Parties: kz2012()})
	checkInvalid(t, err, "parties", "PARTIES_WITH_CHAMBER")
	_, err = c.Apportion(context.Background(), &seatsv1.ApportionRequest{Parties: kz2012(), Preset: "presets/es-congreso"})
	checkInvalid(t, err, "preset", "CHAMBER_PRESET")
}

// FuzzApportionChamberRequest feeds arbitrary chamber requests through the
// real server: OK or INVALID_ARGUMENT, never a panic or INTERNAL.
func FuzzApportionChamberRequest(f *testing.F) {
	for _, fam := range []seatsv1.ChamberFamily{1, 2, 3} {
		rule := &seatsv1.ChamberRule{Family: fam, Method: seatsv1.Method_METHOD_DHONDT, DistrictThresholdPercent: "3",
			Biproportional: &seatsv1.BiproportionalRule{UpperMethod: seatsv1.Method_METHOD_SAINTE_LAGUE, Quorum: &seatsv1.Quorum{TotalPercent: "3"}},
			Leveling:       &seatsv1.LevelingRule{ThresholdPercent: "4", NationalMethod: seatsv1.Method_METHOD_SAINTE_LAGUE}}
		switch fam {
		case seatsv1.ChamberFamily_CHAMBER_FAMILY_INDEPENDENT:
			rule.Biproportional, rule.Leveling = nil, nil
		case seatsv1.ChamberFamily_CHAMBER_FAMILY_BIPROPORTIONAL:
			rule.Method, rule.DistrictThresholdPercent, rule.Leveling = 0, "", nil
		default:
			rule.DistrictThresholdPercent, rule.Biproportional = "", nil
		}
		seed, _ := proto.Marshal(&seatsv1.ApportionRequest{Chamber: smallChamber(rule)})
		f.Add(seed)
	}
	seed, _ := proto.Marshal(&seatsv1.ApportionRequest{Chamber: smallChamber(nil), Preset: "presets/ch-zg-kantonsrat"})
	f.Add(seed)
	srv := seatsapi.New()
	f.Fuzz(func(t *testing.T, data []byte) {
		req := &seatsv1.ApportionRequest{}
		if proto.Unmarshal(data, req) != nil || req.GetChamber() == nil {
			return
		}
		// Keep each run fast; size limits have their own tests.
		if len(req.GetChamber().GetDistricts())*len(req.GetChamber().GetLists()) > 400 {
			return
		}
		for _, d := range req.GetChamber().GetDistricts() {
			d.Seats %= 200
		}
		if da := req.GetChamber().GetRule().GetDistrictApportionment(); da != nil {
			da.Seats %= 500
		}
		_, err := srv.Apportion(context.Background(), req)
		if c := status.Code(err); c != codes.OK && c != codes.InvalidArgument {
			t.Fatalf("code %v: %v", c, err)
		}
	})
}
