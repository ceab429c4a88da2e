package definition

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/mandate-project/mandate/services/tally/definition/schema"
)

// TestSchemaAcceptsExamples: every definition shipped in examples/ passes the
// schema and Parse.
func TestSchemaAcceptsExamples(t *testing.T) {
	files, err := filepath.Glob("../../../examples/*/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example definitions found (%v)", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if probs := Check(data); len(probs) > 0 {
			t.Errorf("%s: %v", f, probs)
		}
		if !strings.Contains(string(data), "# yaml-language-server: $schema=") {
			t.Errorf("%s: no yaml-language-server $schema line for editors", f)
		}
	}
}

const validDefinition = `id: t
display_name: T
date: "2024-01-01"
contests:
  - id: c
    display_name: C
    kind: party-list
    threshold_base: valid
    form:
      lines:
        - {id: registered, number: "1", roles: [registered]}
        - {id: cast, number: "2", roles: [ballots-cast]}
        - {id: valid, number: "3", roles: [valid]}
      relations:
        - {code: VALID_EQ_VOTES, severity: error, expression: valid = sum(choices)}
    choices:
      - {id: a, name: A}
      - {id: b, name: B}
units:
  - id: root
    name: Root
    level: nation
    children:
      - {id: s1, name: S1, level: station, registered: 10}
`

// TestCheckRejectsBrokenDefinitions: each broken file gets a problem naming
// the field, at the line and column of the offending text.
func TestCheckRejectsBrokenDefinitions(t *testing.T) {
	if probs := Check([]byte(validDefinition)); len(probs) != 0 {
		t.Fatalf("valid definition: %v", probs)
	}
	tests := []struct {
		name, old, new string
		want           string // Problem.String() must contain it
	}{
		{"unknown top field", "date: \"2024-01-01\"", "date: \"2024-01-01\"\nvenue: x", "4:1: venue: unknown field"},
		{"bad election id", "id: t\n", "id: T!\n", "1:5: id:"},
		{"missing date", "date: \"2024-01-01\"\n", "", "1:1: date: required field is missing"},
		{"bad date", `"2024-01-01"`, `"1 Jan 2024"`, "3:7: date:"},
		{"bad kind", "kind: party-list", "kind: proportional", "7:11: contests[0].kind:"},
		{"unknown form field", "      lines:", "      colour: red\n      lines:", "10:7: contests[0].form.colour: unknown field"},
		{"bad line id", "id: cast", "id: Cast", "12:16: contests[0].form.lines[1].id: 'Cast' does not match"},
		{"bad role", "roles: [valid]", "roles: [votes]", "13:44: contests[0].form.lines[2].roles[0]:"},
		{"bad severity", "severity: error", "severity: fatal", "15:44: contests[0].form.relations[0].severity:"},
		{"bad relation code", "code: VALID_EQ_VOTES", "code: valid-eq", "15:18: contests[0].form.relations[0].code:"},
		{"unknown identifier in expression", "valid = sum(choices)", "valid = sum(choices) + spoiled", "15:63: contests[0].form.relations[0].expression: \"spoiled\" is neither a line nor a choice"},
		{"expression grammar", "valid = sum(choices)", "valid =< sum(choices)", "15:63: contests[0].form.relations[0].expression: at 7: expected a line or choice identifier"},
		{"bad colour", "{id: b, name: B}", "{id: b, name: B, color: blue}", "18:33: contests[0].choices[1].color:"},
		{"choice without name", "{id: b, name: B}", "{id: b}", "18:9: contests[0].choices[1].name: required field is missing"},
		{"majority on party list", "threshold_base: valid", "threshold_base: valid\n    majority_percent: 50", "9:23: contests[0].majority_percent:"},
		{"registered on a region", "level: nation", "level: nation\n    registered: 5", "22:12: units[0].level: value must be 'station'"},
		{"duplicate unit", "{id: s1, name: S1, level: station, registered: 10}", "{id: s1, name: S1, level: station}\n      - {id: s1, name: S2, level: station}", "25:14: units[2].id: unit \"s1\" given twice"},
		{"missing role", "roles: [valid]", "roles: []", "contests[0].form.lines: no line plays the role VALID"},
		{"bad turnout", "      relations:", "      turnout: voters\n      relations:", "14:16: contests[0].form.turnout:"},
		{"turnout without its line", "      relations:", "      turnout: ballots-issued\n      relations:", "14:16: contests[0].form.turnout: turnout numerator BALLOTS_ISSUED: no line of the form plays that role"},
		{"bad seat preset", "threshold_base: valid", "threshold_base: valid\n    seat_preset: KZ 2009", "9:18: contests[0].seat_preset:"},
		{"yaml syntax", "choices:", "choices: [", "line"},
		{"csv without station", "units:", "import:\n  csv: {contest: c}\nunits:", "20:8: import.csv.station: required field is missing"},
		{"csv unknown contest", "units:", "import:\n  csv: {contest: x, station: {column: s}}\nunits:", "import.csv: contest \"x\" is not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(validDefinition, tt.old, tt.new, 1)
			if src == validDefinition {
				t.Fatalf("replacement %q did not apply", tt.old)
			}
			probs := Check([]byte(src))
			var got []string
			for _, p := range probs {
				got = append(got, p.String())
			}
			if !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, tt.want) }) {
				t.Errorf("problems %q\nwant one containing %q", got, tt.want)
			}
		})
	}
}

// TestSchemaMatchesParser: the schema's properties are exactly the fields the
// parser reads (both reject unknown fields), so a field added to one and not
// the other fails here.
func TestSchemaMatchesParser(t *testing.T) {
	var doc struct {
		Properties map[string]any `json:"properties"`
		Defs       map[string]struct {
			Properties map[string]any `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(schema.JSON, &doc); err != nil {
		t.Fatal(err)
	}
	csv := doc.Defs["csv"].Properties
	sub := func(m map[string]any, key string) map[string]any {
		props, _ := m[key].(map[string]any)["properties"].(map[string]any)
		if props == nil {
			props, _ = m[key].(map[string]any)["items"].(map[string]any)["properties"].(map[string]any)
		}
		return props
	}
	for _, tt := range []struct {
		typ   any
		props map[string]any
	}{
		{fileDoc{}, doc.Properties},
		{contestDoc{}, doc.Defs["contest"].Properties},
		{choiceDoc{}, doc.Defs["choice"].Properties},
		{formDoc{}, doc.Defs["form"].Properties},
		{lineDoc{}, doc.Defs["line"].Properties},
		{relationDoc{}, doc.Defs["relation"].Properties},
		{unitDoc{}, doc.Defs["unit"].Properties},
		{importDoc{}, doc.Defs["import"].Properties},
		{csvDoc{}, csv},
		{levelDoc{}, sub(csv, "levels")},
		{stationDoc{}, sub(csv, "station")},
		{smdDoc{}, doc.Defs["singleMemberDistricts"].Properties},
		{districtDoc{}, sub(doc.Defs["singleMemberDistricts"].Properties, "districts")},
		{chamberDoc{}, doc.Defs["chamber"].Properties},
		{tierDoc{}, doc.Defs["tier"].Properties},
		{tierDistrictDoc{}, sub(doc.Defs["tier"].Properties, "districts")},
	} {
		rt := reflect.TypeOf(tt.typ)
		var fields, props []string
		for i := range rt.NumField() {
			fields = append(fields, strings.Split(rt.Field(i).Tag.Get("yaml"), ",")[0])
		}
		for k := range tt.props {
			props = append(props, k)
		}
		slices.Sort(fields)
		slices.Sort(props)
		if !slices.Equal(fields, props) {
			t.Errorf("%s: parser reads %v, schema has %v", rt.Name(), fields, props)
		}
	}
}

// chamberDefinition is validDefinition with a district, a set of
// single-member districts and a chamber of 2 list seats and 1 district.
const chamberDefinition = `id: t
display_name: T
date: "2024-01-01"
contests:
  - id: c
    display_name: C
    kind: party-list
    threshold_base: valid
    form: &form
      lines:
        - {id: registered, number: "1", roles: [registered]}
        - {id: cast, number: "2", roles: [ballots-cast]}
        - {id: valid, number: "3", roles: [valid]}
    choices:
      - {id: a, name: A}
      - {id: b, name: B}
single_member_districts:
  - id: seat
    form: *form
    threshold_base: valid
    runoff_rule: none
    districts:
      - unit: d1
        candidates:
          - {id: x, name: X, party: a}
          - {id: y, name: Y}
chambers:
  - id: house
    seats: 3
    tiers:
      - {id: list, kind: list, seats: 2, contest: c, preset: presets/kz-mazhilis-2009}
      - {id: seats, kind: single-member, seats: 1, single_member_districts: seat}
units:
  - id: root
    name: Root
    level: nation
    children:
      - id: d1
        name: D1
        level: district
        children:
          - {id: s1, name: S1, level: station, registered: 10}
`

// A chamber and single-member districts in a file: parsed into the
// election, and a chamber whose tiers do not add up is placed at its line.
func TestChamberDefinition(t *testing.T) {
	f, err := Parse([]byte(chamberDefinition))
	if err != nil {
		t.Fatal(err)
	}
	e := f.Election
	if len(e.Chambers) != 1 || len(e.Chambers[0].Tiers) != 2 || e.SingleMemberDistricts[0].Districts[0].Candidates[0].Party != "a" {
		t.Fatalf("parsed %+v", e)
	}
	if probs := Check([]byte(chamberDefinition)); len(probs) > 0 {
		t.Fatalf("valid chamber: %v", probs)
	}
	bad := strings.Replace(chamberDefinition, "seats: 3", "seats: 4", 1)
	probs := Check([]byte(bad))
	if len(probs) != 1 || probs[0].Path != "chambers[0].seats" || probs[0].Line != 29 {
		t.Errorf("tiers not adding up: %v", probs)
	}
	bad = strings.Replace(chamberDefinition, "unit: d1", "unit: atlantis", 1)
	if probs := Check([]byte(bad)); len(probs) != 1 || probs[0].Path != "single_member_districts[0].districts[0].unit" || probs[0].Line != 23 {
		t.Errorf("unknown district unit: %v", probs)
	}
}
