package e2e

import (
	"bytes"
	"encoding/xml"
	"net/http"
	"net/url"
	"testing"
)

// TestHemicycle draws the demo's Mazhilis from the live count: one seat
// element per seat (98 elected, 9 reserved for the Assembly of People), in
// the contest's colours.
func TestHemicycle(t *testing.T) {
	s := start(t)
	loadDemo(t, s)
	q := url.Values{"preset": {"presets/kz-mazhilis-2009"}, "reserved_label": {"Assembly of People"}}
	code, body := s.do(t, http.MethodGet, "/charts/"+contest+"/hemicycle.svg?"+q.Encode(), "", "")
	if code != http.StatusOK {
		t.Fatalf("HTTP %d: %s", code, body)
	}
	var svg struct {
		Groups []struct {
			Class   string `xml:"class,attr"`
			Party   string `xml:"data-party,attr"`
			Fill    string `xml:"fill,attr"`
			Circles []struct {
				Class string `xml:"class,attr"`
			} `xml:"circle"`
		} `xml:"g"`
	}
	if err := xml.Unmarshal(body, &svg); err != nil {
		t.Fatalf("SVG does not parse: %v", err)
	}
	seats, fills := map[string]int{}, map[string]string{}
	for _, g := range svg.Groups {
		for _, c := range g.Circles {
			if c.Class == "seat" {
				seats[g.Party]++
			}
		}
		if g.Class == "party" {
			fills[g.Party] = g.Fill
		}
	}
	want := map[string]int{"nur-otan": 83, "ak-zhol": 8, "cppk": 7, "reserved": 9}
	if len(seats) != len(want) {
		t.Errorf("seats by party %v, want %v", seats, want)
	}
	for p, n := range want {
		if seats[p] != n {
			t.Errorf("%s: %d seats drawn, want %d", p, seats[p], n)
		}
	}
	// The colours of examples/kz-2012/election.yaml.
	for p, c := range map[string]string{"nur-otan": "#1f6fb2", "ak-zhol": "#f2b705", "cppk": "#c8102e"} {
		if fills[p] != c {
			t.Errorf("%s drawn in %q, want %s", p, fills[p], c)
		}
	}

	// The same law as an explicit rule instead of a preset (issue 17.4).
	q = url.Values{"rule.method": {"METHOD_HARE"}, "rule.seats": {"98"}, "rule.reserved_seats": {"9"},
		"rule.threshold.percent": {"7"}, "rule.runner_up_guaranteed": {"true"}}
	code, body = s.do(t, http.MethodGet, "/charts/"+contest+"/hemicycle.svg?"+q.Encode(), "", "")
	if code != http.StatusOK {
		t.Fatalf("explicit rule: HTTP %d: %s", code, body)
	}
	var ruled struct {
		Groups []struct {
			Party   string `xml:"data-party,attr"`
			Circles []struct {
				Class string `xml:"class,attr"`
			} `xml:"circle"`
		} `xml:"g"`
	}
	if err := xml.Unmarshal(body, &ruled); err != nil {
		t.Fatalf("explicit rule: SVG does not parse: %v", err)
	}
	got := map[string]int{}
	for _, g := range ruled.Groups {
		for _, c := range g.Circles {
			if c.Class == "seat" {
				got[g.Party]++
			}
		}
	}
	for p, n := range want {
		if got[p] != n {
			t.Errorf("explicit rule: %s: %d seats drawn, want %d", p, got[p], n)
		}
	}
	if code, body := s.do(t, http.MethodGet, "/charts/"+contest+"/hemicycle.svg?rule.method=METHOD_NOPE&rule.seats=98", "", ""); code != http.StatusBadRequest {
		t.Errorf("unknown method: %d %s", code, body)
	}

	// Neither preset nor rule: the contest's own legal rule (seat_preset
	// kz-mazhilis-2009 in examples/kz-2012), its reserved seats named by
	// that preset without a reserved_label.
	code, body = s.do(t, http.MethodGet, "/charts/"+contest+"/hemicycle.svg", "", "")
	if code != http.StatusOK {
		t.Fatalf("the contest's rule: HTTP %d: %s", code, body)
	}
	var own struct {
		Groups []struct {
			Party   string `xml:"data-party,attr"`
			Circles []struct {
				Class string `xml:"class,attr"`
			} `xml:"circle"`
		} `xml:"g"`
	}
	if err := xml.Unmarshal(body, &own); err != nil {
		t.Fatalf("the contest's rule: SVG does not parse: %v", err)
	}
	drawn := map[string]int{}
	for _, g := range own.Groups {
		for _, c := range g.Circles {
			if c.Class == "seat" {
				drawn[g.Party]++
			}
		}
	}
	for p, n := range want {
		if drawn[p] != n {
			t.Errorf("the contest's rule: %s: %d seats drawn, want %d", p, drawn[p], n)
		}
	}
	if !bytes.Contains(body, []byte("Assembly of People")) {
		t.Errorf("the contest's rule: reserved seats not named by its preset")
	}

	// Errors are google.rpc.Status JSON with the field.
	if code, body := s.do(t, http.MethodGet, "/charts/"+contest+"/hemicycle.svg?preset=presets/kz-mazhilis-2009&rule.method=METHOD_HARE&rule.seats=98", "", ""); code != http.StatusBadRequest ||
		!bytes.Contains(body, []byte("RULE_AND_PRESET")) {
		t.Errorf("preset and rule: %d %s", code, body)
	}
	if code, body := s.do(t, http.MethodGet, "/charts/elections/nowhere/contests/x/hemicycle.svg?preset=presets/kz-mazhilis-2009", "", ""); code != http.StatusNotFound {
		t.Errorf("unknown election: %d %s", code, body)
	}
	// An allocation given in full.
	code, body = s.do(t, http.MethodPost, "/charts/hemicycle.svg?color=a:%23ff0000", "",
		`{"rule": {"method": "METHOD_DHONDT", "seats": 10}, "parties": [{"id": "a", "votes": "600"}, {"id": "b", "votes": "400"}]}`)
	if code != http.StatusOK {
		t.Fatalf("POST chart: %d %s", code, body)
	}
}
