package e2e

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"google.golang.org/protobuf/encoding/protojson"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	"github.com/mandate-project/mandate/services/seats/apportion/casefile"
	"github.com/mandate-project/mandate/services/seats/apportionpb"
)

// Every cell of every shared district case through the gateway's JSON
// (POST /v1/seats:apportion with a chamber), and bad chambers as HTTP 400
// naming the field.
func TestChamberJSON(t *testing.T) {
	wd, _ := os.Getwd()
	files, _ := filepath.Glob(filepath.Join(wd, "..", "..", "..", "shared", "corpus-districts", "*.json"))
	if len(files) == 0 {
		t.Skip("shared district corpus not present")
	}
	s := start(t)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			dc, err := casefile.LoadDistricts(f)
			if err != nil {
				t.Fatal(err)
			}
			body, err := protojson.Marshal(&seatsv1.ApportionRequest{Chamber: apportionpb.ChamberToProto(&dc.Chamber)})
			if err != nil {
				t.Fatal(err)
			}
			code, out := s.do(t, http.MethodPost, "/v1/seats:apportion", "", string(body))
			if code != http.StatusOK {
				t.Fatalf("HTTP %d: %s", code, out)
			}
			var resp seatsv1.ApportionResponse
			if err := protojson.Unmarshal(out, &resp); err != nil {
				t.Fatal(err)
			}
			for j, l := range resp.GetChamberAllocation().GetLists() {
				for i, d := range dc.Chamber.Districts {
					if got, want := l.GetDistrictSeats()[d.ID], int32(dc.Official[j][i]); got != want {
						t.Errorf("%s in %s: %d seats, official %d", l.GetId(), d.ID, got, want)
					}
					if dc.OfficialLeveling != nil {
						if got, want := l.GetDistrictLevelingSeats()[d.ID], int32(dc.OfficialLeveling[j][i]); got != want {
							t.Errorf("%s in %s: %d leveling seats, official %d", l.GetId(), d.ID, got, want)
						}
					}
				}
			}
		})
	}
	bad := []struct{ name, body, field string }{
		{"unknown district", `{"chamber": {"rule": {"family": "CHAMBER_FAMILY_INDEPENDENT", "method": "METHOD_DHONDT"}, "districts": [{"id": "a", "seats": 2}], "lists": [{"id": "x", "votes": {"a": "5", "b": "3"}}]}}`, `chamber.lists[0].votes.b`},
		{"non-numeric votes", `{"chamber": {"rule": {"family": "CHAMBER_FAMILY_INDEPENDENT", "method": "METHOD_DHONDT"}, "districts": [{"id": "a", "seats": 2}], "lists": [{"id": "x", "votes": {"a": "five"}}]}}`, `chamber.lists[0].votes.a`},
		{"district without seats", `{"chamber": {"rule": {"family": "CHAMBER_FAMILY_INDEPENDENT", "method": "METHOD_DHONDT"}, "districts": [{"id": "a"}], "lists": [{"id": "x", "votes": {"a": "5"}}]}}`, "chamber.districts[0].seats"},
		{"quorum above 100", `{"chamber": {"rule": {"family": "CHAMBER_FAMILY_BIPROPORTIONAL", "biproportional": {"upperMethod": "METHOD_SAINTE_LAGUE", "quorum": {"anyDistrictPercent": "120"}}}, "districts": [{"id": "a", "seats": 2}], "lists": [{"id": "x", "votes": {"a": "5"}}]}}`, "chamber.rule.biproportional.quorum.any_district_percent"},
	}
	for _, tc := range bad {
		t.Run("json/"+tc.name, func(t *testing.T) {
			code, out := s.do(t, http.MethodPost, "/v1/seats:apportion", "", tc.body)
			var st struct {
				Details []struct {
					FieldViolations []struct{ Field string }
				}
			}
			if err := json.Unmarshal(out, &st); err != nil {
				t.Fatal(err)
			}
			var fields []string
			for _, d := range st.Details {
				for _, v := range d.FieldViolations {
					fields = append(fields, v.Field)
				}
			}
			if code != http.StatusBadRequest || len(fields) == 0 || !strings.HasPrefix(fields[0], tc.field) {
				t.Errorf("HTTP %d fields %v, want 400 naming %s: %s", code, fields, tc.field, out)
			}
		})
	}
}
