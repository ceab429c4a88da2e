package importer_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mandate-project/mandate/services/platform/testsupport"
	"github.com/mandate-project/mandate/services/tally/definition"
	"github.com/mandate-project/mandate/services/tally/importer"
)

var updateES = flag.Bool("update-es", false, "regenerate examples/es-2023 from ../shared/corpus-districts")

// esCorpus is the part of the corpus file es_congreso_2023_07.json the
// example is made from: the Ministry of the Interior's official province
// totals and votes per candidacy and province.
type esCorpus struct {
	Districts []struct {
		ID        string `json:"id"`
		Name      string `json:"name"`
		Seats     int    `json:"seats"`
		Blank     int64  `json:"blank_votes"`
		Null      int64  `json:"null_votes"`
		ValidBase int64  `json:"threshold_base_votes"`
	} `json:"districts"`
	Parties []struct {
		ID            string           `json:"id"`
		Name          string           `json:"name"`
		FullName      string           `json:"full_name"`
		Votes         map[string]int64 `json:"votes"`
		OfficialSeats map[string]int   `json:"official_seats"`
	} `json:"parties"`
}

func esCorpusPath(t *testing.T) string {
	return filepath.Join(testsupport.RepoRoot(t), "..", "shared", "corpus-districts", "es_congreso_2023_07.json")
}

// esFiles renders the example: the definition (nation > 52 provinces > one
// reporting unit per province carrying the province's official totals),
// the protocols, the AllocateContest request body with the 52 districts and
// their seats, and the official seats per province and candidacy.
func esFiles(c esCorpus) map[string][]byte {
	out := map[string][]byte{}
	var y strings.Builder
	y.WriteString(`# yaml-language-server: $schema=../../services/tally/definition/schema/definition.schema.json
# Spain, election of the Congreso de los Diputados of 23 July 2023: one
# party-list contest whose 350 seats are apportioned in the 52 provinces
# (D'Hondt in each, 3 % of the province's valid votes, blank ones included).
#
# GENERATED from ../shared/corpus-districts/es_congreso_2023_07.json (the
# Ministry of the Interior's official result files) by
#   cd services/tally && go test ./importer -run TestES2023Example -update-es
# PROVINCE-LEVEL RETURNS: each province has ONE reporting unit that carries the
# province's official totals (blank, null and candidacy votes); the polling
# stations are not reproduced. Registered voters are not in the source: the
# registered line is 0, so turnout is not shown. Choice IDs are the ministry's
# candidacy codes prefixed with "c"; a candidacy stands in some provinces only.
id: es-2023
display_name: "Congreso de los Diputados 2023 (Spain)"
date: "2023-07-23"
contests:
  - id: congreso
    display_name: "Congreso: candidacies by province"
    kind: party-list
    threshold_base: valid
    form:
      name: es-congreso-province-return
      lines:
        - {id: registered, number: "1", name: "Registered voters (not in the source: 0)", roles: [registered]}
        - {id: ballots_cast, number: "2", name: "Votes cast", roles: [ballots-cast]}
        - {id: null_votes, number: "3", name: "Null votes", roles: [invalid]}
        - {id: valid, number: "4", name: "Valid votes (candidacies and blank)", roles: [valid]}
        - {id: blank_votes, number: "5", name: "Blank votes"}
      relations:
        - {code: ES_CAST_BALANCE, message: "Votes cast differ from null + valid", severity: error, expression: "ballots_cast = null_votes + valid"}
        - {code: ES_VALID_BALANCE, message: "Valid votes differ from blank + candidacy votes", severity: error, expression: "valid = blank_votes + sum(choices)"}
    choices:
`)
	for i, p := range c.Parties {
		fmt.Fprintf(&y, "      - {id: c%s, name: %q, short_name: %q, ballot_order: %d}\n", p.ID, p.FullName, p.Name, i+1)
	}
	y.WriteString("units:\n  - id: es\n    name: Spain\n    level: nation\n    children:\n")
	for _, d := range c.Districts {
		fmt.Fprintf(&y, "      - id: es-%s\n        name: %q\n        level: province\n        children:\n", d.ID, d.Name)
		fmt.Fprintf(&y, "          - {id: es-%s-return, name: %q, level: station}\n", d.ID, d.Name+": province-level official return")
	}
	// The chamber: one list tier of 350 seats in the 52 provinces, by the
	// seats service's Spanish preset (docs/chambers.md).
	y.WriteString("chambers:\n  - id: congreso\n    display_name: \"Congreso de los Diputados\"\n    seats: 350\n    tiers:\n")
	y.WriteString("      - id: provinces\n        display_name: \"52 provinces (D'Hondt in each)\"\n        kind: list\n        seats: 350\n        contest: congreso\n        preset: presets/es-congreso\n        districts:\n")
	for _, d := range c.Districts {
		fmt.Fprintf(&y, "          - {unit: es-%s, seats: %d}\n", d.ID, d.Seats)
	}
	y.WriteString("import:\n  csv:\n    contest: congreso\n    station: {column: station_id, id: verbatim}\n    key_prefix: es-2023-province-return\n")
	out["election.yaml"] = []byte(y.String())

	var csv bytes.Buffer
	csv.WriteString("station_id,registered,ballots_cast,null_votes,valid,blank_votes")
	for _, p := range c.Parties {
		csv.WriteString(",c" + p.ID)
	}
	csv.WriteString("\n")
	for _, d := range c.Districts {
		fmt.Fprintf(&csv, "es-%s-return,0,%d,%d,%d,%d", d.ID, d.ValidBase+d.Null, d.Null, d.ValidBase, d.Blank)
		for _, p := range c.Parties {
			fmt.Fprintf(&csv, ",%d", p.Votes[d.ID])
		}
		csv.WriteString("\n")
	}
	out["protocols.csv"] = csv.Bytes()

	type district struct {
		Unit  string `json:"unit"`
		Seats int    `json:"seats"`
	}
	req := struct {
		Preset    string     `json:"preset"`
		Districts []district `json:"districts"`
	}{Preset: "presets/es-congreso"}
	for _, d := range c.Districts {
		req.Districts = append(req.Districts, district{"elections/es-2023/units/es-" + d.ID, d.Seats})
	}
	b, _ := json.MarshalIndent(req, "", "  ")
	out["allocate.json"] = append(b, '\n')

	var seats bytes.Buffer
	seats.WriteString("unit,choice,seats\n")
	for _, d := range c.Districts {
		for _, p := range c.Parties {
			if n := p.OfficialSeats[d.ID]; n > 0 {
				fmt.Fprintf(&seats, "es-%s,c%s,%d\n", d.ID, p.ID, n)
			}
		}
	}
	out["official-seats.csv"] = seats.Bytes()
	return out
}

// TestES2023Example holds examples/es-2023 equal to what the corpus file
// gives (when the corpus is present) and loads it: every province's return
// is accepted and the national sums are the corpus's.
func TestES2023Example(t *testing.T) {
	dir := filepath.Join(testsupport.RepoRoot(t), "examples", "es-2023")
	var c esCorpus
	if raw, err := os.ReadFile(esCorpusPath(t)); err == nil {
		if err := json.Unmarshal(raw, &c); err != nil {
			t.Fatal(err)
		}
		for name, want := range esFiles(c) {
			p := filepath.Join(dir, name)
			if *updateES {
				if err := os.WriteFile(p, want, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if got, err := os.ReadFile(p); err != nil || !bytes.Equal(got, want) {
				t.Fatalf("%s is stale (%v): regenerate with -update-es", p, err)
			}
		}
	} else if *updateES {
		t.Fatal(err)
	}

	ctx := context.Background()
	def, err := definition.Load(filepath.Join(dir, "election.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	svc, st := newService(t, t.TempDir())
	defer st.Close()
	if _, err := svc.DefineElection(ctx, def.Election); err != nil {
		t.Fatal(err)
	}
	f, err := importer.Open(filepath.Join(dir, "protocols.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := importer.Run(ctx, f, def.Election, def.CSV, serviceSink{svc}, importer.Options{})
	if err != nil || rep.Rows != 52 || rep.Accepted != 52 {
		t.Fatalf("report %+v, %v", rep, err)
	}
	tt, err := svc.Totals(ctx, "es-2023", "congreso", "")
	if err != nil {
		t.Fatal(err)
	}
	if tt.StationsReporting != 52 || tt.StationsTotal != 52 || tt.ProtocolsWithWarnings != 0 {
		t.Fatalf("totals %+v", tt)
	}
	var valid, null int64
	for _, d := range c.Districts {
		valid, null = valid+d.ValidBase, null+d.Null
	}
	if len(c.Districts) > 0 && (tt.Valid != valid || tt.Invalid != null) {
		t.Errorf("valid %d invalid %d, want the ministry's %d and %d", tt.Valid, tt.Invalid, valid, null)
	}
}
