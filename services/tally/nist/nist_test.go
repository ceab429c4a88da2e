package nist_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/mandate-project/mandate/services/tally/definition"
	"github.com/mandate-project/mandate/services/tally/form"
	"github.com/mandate-project/mandate/services/tally/nist"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const schemaFile = "testdata/NIST_V2_election_results_reporting.json"

// schema compiles the vendored NIST schema once. Formats (date, date-time,
// uri) are asserted too, not only annotated.
var schema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	f, err := os.Open(schemaFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	c.AssertFormat()
	const url = "https://mandate.invalid/nist/NIST_V2_election_results_reporting.json"
	if err := c.AddResource(url, doc); err != nil {
		return nil, err
	}
	return c.Compile(url)
})

// validate checks a document against the NIST schema.
func validate(t *testing.T, doc []byte) error {
	t.Helper()
	sch, err := schema()
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("report is not JSON: %v", err)
	}
	return sch.Validate(v)
}

// checkRefs enforces what the schema states but a validator ignores: its
// custom "refTypes" keyword. Every "@id" is unique, and every property that
// the schema marks with refTypes names an object of one of those types.
func checkRefs(t *testing.T, doc []byte) {
	t.Helper()
	var raw struct {
		Definitions map[string]struct {
			Properties map[string]struct {
				RefTypes []string `json:"refTypes"`
				Items    struct {
					RefTypes []string `json:"refTypes"`
				} `json:"items"`
			} `json:"properties"`
		} `json:"definitions"`
	}
	sdata, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(sdata, &raw); err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{} // @id → @type
	var collect func(any)
	collect = func(x any) {
		switch x := x.(type) {
		case map[string]any:
			if id, ok := x["@id"].(string); ok {
				if prev, dup := ids[id]; dup {
					t.Errorf("@id %q used twice (%s, %v)", id, prev, x["@type"])
				}
				ids[id] = x["@type"].(string)
			}
			for _, y := range x {
				collect(y)
			}
		case []any:
			for _, y := range x {
				collect(y)
			}
		}
	}
	collect(v)
	refs := 0
	var check func(any)
	check = func(x any) {
		switch x := x.(type) {
		case map[string]any:
			typ, _ := x["@type"].(string)
			def, ok := raw.Definitions[typ]
			if !ok {
				t.Errorf("object without a known @type: %v", x)
				return
			}
			for k, y := range x {
				p := def.Properties[k]
				allowed := p.RefTypes
				var targets []any
				if s, ok := y.(string); ok && allowed != nil {
					targets = []any{s}
				}
				if a, ok := y.([]any); ok && p.Items.RefTypes != nil {
					allowed, targets = p.Items.RefTypes, a
				}
				for _, target := range targets {
					refs++
					got, ok := ids[target.(string)]
					if !ok {
						t.Errorf("%s.%s: %q names no object", typ, k, target)
					} else if !contains(allowed, got) {
						t.Errorf("%s.%s: %q is a %s, want one of %v", typ, k, target, got, allowed)
					}
				}
				check(y)
			}
		case []any:
			for _, y := range x {
				check(y)
			}
		}
	}
	check(v)
	if refs == 0 {
		t.Error("no reference checked")
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// The subset of a report the tests read back.
type doc struct {
	Type          string `json:"@type"`
	Format        string
	Status        string
	GeneratedDate string
	Issuer        string
	IssuerAbbrev  string `json:"IssuerAbbreviation"`
	Election      []struct {
		ElectionScopeID string `json:"ElectionScopeId"`
		BallotCounts    []struct {
			GpUnitID        string `json:"GpUnitId"`
			BallotsCast     int64
			BallotsRejected int64
		}
		Candidate []struct {
			ID         string `json:"@id"`
			BallotName text
		}
		Contest []struct {
			Type             string `json:"@type"`
			ID               string `json:"@id"`
			VotesAllowed     *int
			NumberElected    *int
			VoteVariation    string
			SubUnitsReported *int
			TotalSubUnits    *int
			CountStatus      []struct{ Status, Type string }
			ContestSelection []struct {
				Type         string   `json:"@type"`
				ID           string   `json:"@id"`
				PartyIDs     []string `json:"PartyIds"`
				CandidateIDs []string `json:"CandidateIds"`
				VoteCounts   []struct {
					GpUnitID string `json:"GpUnitId"`
					Count    int64
					Type     string
				}
			}
		}
	}
	GpUnit []struct {
		ID                 string `json:"@id"`
		Type               string
		OtherType          string
		Name               text
		ComposingGpUnitIDs []string `json:"ComposingGpUnitIds"`
		VotersRegistered   int64
		SubUnitsReported   *int
		TotalSubUnits      *int
		CountStatus        []struct{ Status, Type string }
		ExternalIdentifier []struct{ Type, OtherType, Value string }
	}
	Party []struct {
		ID           string `json:"@id"`
		Name         text
		Abbreviation *text
		Color        string
	}
}

type text struct {
	Text []struct{ Content, Language string }
}

func decode(t *testing.T, b []byte) doc {
	t.Helper()
	var d doc
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// votesAt returns the count of a selection at a unit, and whether there is one.
func (d doc) votesAt(sel, unit string) (int64, bool) {
	for _, c := range d.Election[0].Contest {
		for _, s := range c.ContestSelection {
			if s.ID != sel {
				continue
			}
			for _, vc := range s.VoteCounts {
				if vc.GpUnitID == unit {
					return vc.Count, true
				}
			}
		}
	}
	return 0, false
}

func ip(n int) *int { return &n }

var generated = time.Date(2012, 1, 17, 12, 0, 0, 0, time.FixedZone("ALMT", 6*60*60))

// small is a hand-checkable election: a nation of two regions and four
// stations (two of them in a district), a party-list contest and a mayor.
// Station s4 has not reported. The list and the mayor had separate ballots,
// so their ballots cast agree at s2 and s3 only.
func small() nist.Election {
	list := func(a, b, c, cast, inv int64, rep, tot int, st string) nist.UnitResult {
		return nist.UnitResult{Contest: "list", Votes: map[string]int64{"A": a, "B": b, "C": c},
			BallotsCast: cast, Invalid: inv, Valid: a + b + c, StationsReporting: rep, StationsTotal: tot, Status: st}
	}
	mayor := func(x, y, cast, inv int64, rep, tot int, st string) nist.UnitResult {
		return nist.UnitResult{Contest: "mayor", Votes: map[string]int64{"X": x, "Y": y},
			BallotsCast: cast, Invalid: inv, Valid: x + y, StationsReporting: rep, StationsTotal: tot, Status: st}
	}
	const done, part = "unofficial-complete", "unofficial-partial"
	return nist.Election{
		ID: "demo", Name: "Demo election", Date: "2024-03-10",
		Issuer: "Demo Election Commission", Country: "xx", GeneratedAt: generated,
		Contests: []nist.Contest{
			{ID: "list", Name: "Party lists", Kind: "party-list", Seats: 10, Choices: []nist.Choice{
				{ID: "A", Name: "Alpha", Color: "#FF0000"},
				{ID: "B", Name: "Beta", ShortName: "BT", Color: "00aa00"},
				{ID: "C", Name: "Gamma"},
			}},
			{ID: "mayor", Name: "Mayor", Kind: "single-winner", Choices: []nist.Choice{
				{ID: "X", Name: "Xenia X"}, {ID: "Y", Name: "Yuri Y"},
			}},
		},
		Units: []nist.Unit{
			// Children before parents: the order of the hierarchy is rebuilt.
			{ID: "s1", Name: "Station 1", Parent: "n1", Level: "station", Registered: 1000, Results: []nist.UnitResult{
				list(300, 200, 100, 610, 10, 1, 1, done), mayor(350, 250, 605, 5, 1, 1, done)}},
			{ID: "kz", Name: "Nation", Level: "nation", Results: []nist.UnitResult{
				list(800, 350, 200, 1370, 20, 3, 4, part), mayor(670, 680, 1365, 15, 3, 4, part)}},
			{ID: "north", Name: "North", Parent: "kz", Level: "region", Results: []nist.UnitResult{
				list(400, 300, 150, 865, 15, 2, 2, done), mayor(470, 380, 860, 10, 2, 2, done)}},
			{ID: "n1", Name: "North district 1", Parent: "north", Level: "district", Results: []nist.UnitResult{
				list(400, 300, 150, 865, 15, 2, 2, done), mayor(470, 380, 860, 10, 2, 2, done)}},
			{ID: "s2", Name: "Station 2", Parent: "n1", Level: "station", Registered: 1000, Results: []nist.UnitResult{
				list(100, 100, 50, 255, 5, 1, 1, done), mayor(120, 130, 255, 5, 1, 1, done)}},
			{ID: "south", Name: "South", Parent: "kz", Level: "region", Results: []nist.UnitResult{
				list(400, 50, 50, 505, 5, 1, 2, part), mayor(200, 300, 505, 5, 1, 2, part)}},
			{ID: "s3", Name: "Station 3", Parent: "south", Level: "station", Registered: 1000, Results: []nist.UnitResult{
				list(400, 50, 50, 505, 5, 1, 1, done), mayor(200, 300, 505, 5, 1, 1, done)}},
			{ID: "s4", Name: "Station 4", Parent: "south", Level: "station", Registered: 1000},
		},
	}
}

func TestSmallReport(t *testing.T) {
	in := small()
	b, err := nist.Report(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := validate(t, b); err != nil {
		t.Fatalf("report does not validate:\n%v\n%s", err, b)
	}
	checkRefs(t, b)
	if !reflect.DeepEqual(in, small()) {
		t.Error("Report changed its input")
	}
	again, _ := nist.Report(small())
	if !bytes.Equal(b, again) {
		t.Error("two reports of the same input differ")
	}

	d := decode(t, b)
	if d.Type != "ElectionResults.ElectionReport" || d.Format != "precinct-level" || d.Status != "unofficial-partial" {
		t.Errorf("report: %s %s %s", d.Type, d.Format, d.Status)
	}
	if d.GeneratedDate != "2012-01-17T12:00:00+06:00" || d.IssuerAbbrev != "XX" {
		t.Errorf("generated %q, abbreviation %q", d.GeneratedDate, d.IssuerAbbrev)
	}

	// Units: root first, each before its children, children in input order.
	type unitWant struct {
		id, typ, other string
		children       []string
		voters         int64
		reported, tot  *int
		status         string
	}
	wantUnits := []unitWant{
		{"ru.kz", "country", "", []string{"ru.north", "ru.south"}, 4000, ip(3), ip(4), "in-process"},
		{"ru.north", "other", "region", []string{"ru.n1"}, 2000, ip(2), ip(2), "completed"},
		{"ru.n1", "other", "district", []string{"ru.s1", "ru.s2"}, 2000, ip(2), ip(2), "completed"},
		{"ru.s1", "precinct", "", nil, 1000, nil, nil, "completed"},
		{"ru.s2", "precinct", "", nil, 1000, nil, nil, "completed"},
		{"ru.south", "other", "region", []string{"ru.s3", "ru.s4"}, 2000, ip(1), ip(2), "in-process"},
		{"ru.s3", "precinct", "", nil, 1000, nil, nil, "completed"},
		{"ru.s4", "precinct", "", nil, 1000, nil, nil, ""},
	}
	if len(d.GpUnit) != len(wantUnits) {
		t.Fatalf("%d units, want %d", len(d.GpUnit), len(wantUnits))
	}
	for i, w := range wantUnits {
		u := d.GpUnit[i]
		status := ""
		if len(u.CountStatus) == 1 && u.CountStatus[0].Type == "total" {
			status = u.CountStatus[0].Status
		}
		if u.ID != w.id || u.Type != w.typ || u.OtherType != w.other || !reflect.DeepEqual(u.ComposingGpUnitIDs, w.children) ||
			u.VotersRegistered != w.voters || !reflect.DeepEqual(u.SubUnitsReported, w.reported) ||
			!reflect.DeepEqual(u.TotalSubUnits, w.tot) || status != w.status {
			t.Errorf("unit %d = %+v, want %+v", i, u, w)
		}
	}
	root := d.GpUnit[0]
	if n := len(root.ExternalIdentifier); n != 2 || root.ExternalIdentifier[1].Type != "ocd-id" ||
		root.ExternalIdentifier[1].Value != "ocd-division/country:xx" || root.ExternalIdentifier[0].Value != "kz" {
		t.Errorf("root identifiers %+v", root.ExternalIdentifier)
	}
	if l := root.Name.Text[0]; l.Content != "Nation" || l.Language != "en" {
		t.Errorf("root name %+v", l)
	}

	el := d.Election[0]
	if el.ElectionScopeID != "ru.kz" {
		t.Errorf("scope %q", el.ElectionScopeID)
	}
	// Ballots are counted per election in the format: only where the two
	// contests agree.
	var bc []string
	for _, c := range el.BallotCounts {
		bc = append(bc, fmt.Sprintf("%s %d/%d", c.GpUnitID, c.BallotsCast, c.BallotsRejected))
	}
	if want := []string{"ru.s2 255/5", "ru.south 505/5", "ru.s3 505/5"}; !reflect.DeepEqual(bc, want) {
		t.Errorf("ballot counts %v, want %v", bc, want)
	}

	if len(el.Contest) != 2 {
		t.Fatalf("%d contests", len(el.Contest))
	}
	list, mayor := el.Contest[0], el.Contest[1]
	if list.Type != "ElectionResults.PartyContest" || list.ID != "contest.list" || list.VoteVariation != "proportional" ||
		list.VotesAllowed != nil || list.NumberElected != nil || *list.SubUnitsReported != 3 || *list.TotalSubUnits != 4 ||
		list.CountStatus[0].Status != "in-process" {
		t.Errorf("list contest %+v", list)
	}
	if mayor.Type != "ElectionResults.CandidateContest" || *mayor.VotesAllowed != 1 || *mayor.NumberElected != 1 {
		t.Errorf("mayor contest %+v", mayor)
	}
	if s := list.ContestSelection[1]; s.Type != "ElectionResults.PartySelection" || s.ID != "sel.list.B" ||
		!reflect.DeepEqual(s.PartyIDs, []string{"party.B"}) {
		t.Errorf("list selection %+v", s)
	}
	if s := mayor.ContestSelection[0]; s.Type != "ElectionResults.CandidateSelection" ||
		!reflect.DeepEqual(s.CandidateIDs, []string{"cand.mayor.X"}) {
		t.Errorf("mayor selection %+v", s)
	}
	var units []string
	for _, vc := range list.ContestSelection[0].VoteCounts {
		units = append(units, fmt.Sprintf("%s=%d", vc.GpUnitID, vc.Count))
		if vc.Type != "total" {
			t.Errorf("vote count type %q", vc.Type)
		}
	}
	if want := "ru.kz=800 ru.north=400 ru.n1=400 ru.s1=300 ru.s2=100 ru.south=400 ru.s3=400"; strings.Join(units, " ") != want {
		t.Errorf("votes of A: %s, want %s", strings.Join(units, " "), want)
	}
	if v, _ := d.votesAt("sel.mayor.Y", "ru.kz"); v != 680 {
		t.Errorf("Y at the root: %d", v)
	}
	if len(el.Candidate) != 2 || el.Candidate[1].ID != "cand.mayor.Y" || el.Candidate[1].BallotName.Text[0].Content != "Yuri Y" {
		t.Errorf("candidates %+v", el.Candidate)
	}

	if len(d.Party) != 3 {
		t.Fatalf("parties %+v", d.Party)
	}
	if p := d.Party[0]; p.ID != "party.A" || p.Color != "ff0000" || p.Abbreviation != nil {
		t.Errorf("party A %+v", p)
	}
	if p := d.Party[1]; p.Color != "00aa00" || p.Abbreviation == nil || p.Abbreviation.Text[0].Content != "BT" {
		t.Errorf("party B %+v", p)
	}
	if p := d.Party[2]; p.Color != "" || p.Name.Text[0].Content != "Gamma" {
		t.Errorf("party C %+v", p)
	}
}

// summary is a summary-only report's election: results at the root
// alone, no stations in the hierarchy, and the status given.
func summary() nist.Election {
	return nist.Election{
		ID: "s", Name: "Summary", Date: "2020-01-01", Status: "certified", Issuer: "Commission",
		GeneratedAt: time.Date(2020, 1, 5, 9, 30, 15, 999, time.UTC),
		Contests:    []nist.Contest{{ID: "c", Name: "C", Kind: "single-winner", Seats: 3, Choices: []nist.Choice{{ID: "a", Name: "A"}}}},
		Units: []nist.Unit{
			{ID: "r", Name: "Root", Level: "state", Results: []nist.UnitResult{{Contest: "c", Votes: map[string]int64{"a": 0}, Status: "certified"}}},
			{ID: "c1", Name: "County 1", Parent: "r", Level: "county"},
		},
	}
}

// A summary-only report (summary).
func TestSummaryReport(t *testing.T) {
	e := summary()
	b, err := nist.Report(e)
	if err != nil {
		t.Fatal(err)
	}
	if err := validate(t, b); err != nil {
		t.Fatalf("report does not validate:\n%v\n%s", err, b)
	}
	checkRefs(t, b)
	d := decode(t, b)
	if d.Format != "summary-contest" || d.Status != "certified" || d.IssuerAbbrev != "Commission" || d.GeneratedDate != "2020-01-05T09:30:15Z" {
		t.Errorf("report %s %s %q %s", d.Format, d.Status, d.IssuerAbbrev, d.GeneratedDate)
	}
	if u := d.GpUnit; u[0].Type != "state" || u[1].Type != "county" || len(u[0].ExternalIdentifier) != 1 ||
		u[0].CountStatus[0].Status != "completed" || u[0].TotalSubUnits != nil {
		t.Errorf("units %+v", u)
	}
	c := d.Election[0].Contest[0]
	if *c.NumberElected != 3 || c.TotalSubUnits != nil || c.CountStatus[0].Status != "completed" {
		t.Errorf("contest %+v", c)
	}
	if v, ok := d.votesAt("sel.c.a", "ru.r"); !ok || v != 0 {
		t.Errorf("a zero count must be written: %d %v", v, ok)
	}
}

func TestReportRejects(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(*nist.Election)
		field string
	}{
		{"no id", func(e *nist.Election) { e.ID = "" }, "election id"},
		{"bad date", func(e *nist.Election) { e.Date = "10.03.2024" }, "date"},
		{"no clock", func(e *nist.Election) { e.GeneratedAt = time.Time{} }, "generated-at"},
		{"no issuer", func(e *nist.Election) { e.Issuer = "" }, "issuer"},
		{"bad country", func(e *nist.Election) { e.Country = "kaz" }, "country"},
		{"bad status", func(e *nist.Election) { e.Status = "final" }, "status"},
		{"no contests", func(e *nist.Election) { e.Contests = nil }, "contest"},
		{"bad kind", func(e *nist.Election) { e.Contests[0].Kind = "ranked" }, "contests[0].kind"},
		{"dotted contest", func(e *nist.Election) { e.Contests[1].ID = "may.or" }, "contests[1].id"},
		{"twice contest", func(e *nist.Election) { e.Contests[1].ID = "list" }, "contests[1].id"},
		{"twice choice", func(e *nist.Election) { e.Contests[0].Choices[2].ID = "A" }, "contests[0].choices[2].id"},
		{"bad color", func(e *nist.Election) { e.Contests[0].Choices[0].Color = "red" }, "contests[0].choices[0].color"},
		{"no units", func(e *nist.Election) { e.Units = nil }, "units"},
		{"two roots", func(e *nist.Election) { e.Units[2].Parent = "" }, "root"},
		{"no root", func(e *nist.Election) { e.Units[1].Parent = "s1" }, "root"},
		{"cycle", func(e *nist.Election) { e.Units[2].Parent = "n1" }, "cycle"},
		{"unknown parent", func(e *nist.Election) { e.Units[0].Parent = "nowhere" }, "units[0].parent"},
		{"twice unit", func(e *nist.Election) { e.Units[4].ID = "s1" }, "units[4].id"},
		{"bad unit id", func(e *nist.Election) { e.Units[4].ID = "s 2" }, "units[4].id"},
		{"no level", func(e *nist.Election) { e.Units[4].Level = "" }, "units[4].level"},
		{"unknown contest", func(e *nist.Election) { e.Units[0].Results[1].Contest = "senate" }, "units[0].results[1].contest"},
		{"twice result", func(e *nist.Election) { e.Units[0].Results[1] = e.Units[0].Results[0] }, "units[0].results[1]"},
		{"unknown choice", func(e *nist.Election) { e.Units[0].Results[1].Votes = map[string]int64{"A": 1} }, "units[0].results[1].votes"},
		{"negative votes", func(e *nist.Election) { e.Units[0].Results[0].Votes = map[string]int64{"A": -1} }, "units[0].results[0].votes"},
		{"too many reporting", func(e *nist.Election) { e.Units[1].Results[0].StationsReporting = 5 }, "units[1].results[0]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := small()
			tc.edit(&e)
			_, err := nist.Report(e)
			if !errors.Is(err, nist.ErrInvalid) || !strings.Contains(err.Error(), tc.field) {
				t.Errorf("error %v, want ErrInvalid naming %q", err, tc.field)
			}
		})
	}
}

// The validator is live: documents that break the schema are refused.
func TestSchemaRejectsBrokenReports(t *testing.T) {
	b, err := nist.Report(small())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		edit func(m map[string]any)
		want string // in the validator's message
	}{
		{"report without @type", func(m map[string]any) { delete(m, "@type") }, "missing property '@type'"},
		{"vote count without @type", func(m map[string]any) {
			vc := dig(m, "Election", 0, "Contest", 0, "ContestSelection", 0, "VoteCounts", 0).(map[string]any)
			delete(vc, "@type")
		}, "missing property '@type'"},
		{"unit without @id", func(m map[string]any) { delete(dig(m, "GpUnit", 1).(map[string]any), "@id") }, "missing property '@id'"},
		{"unknown status", func(m map[string]any) { m["Status"] = "final" }, "value must be one of"},
		{"upper-case colour", func(m map[string]any) { dig(m, "Party", 0).(map[string]any)["Color"] = "FF0000" }, "does not match pattern"},
		{"unit type", func(m map[string]any) { dig(m, "GpUnit", 1).(map[string]any)["Type"] = "region" }, "value must be one of"},
		{"extra property", func(m map[string]any) { dig(m, "Election", 0).(map[string]any)["@id"] = "e" }, "additional properties '@id'"},
		{"no time zone", func(m map[string]any) { m["GeneratedDate"] = "2012-01-17T12:00:00" }, "GeneratedDate"},
		{"fractional seconds", func(m map[string]any) { m["GeneratedDate"] = "2012-01-17T12:00:00.5+06:00" }, "does not match pattern"},
		{"count as a string", func(m map[string]any) {
			dig(m, "Election", 0, "Contest", 0, "ContestSelection", 0, "VoteCounts", 0).(map[string]any)["Count"] = "800"
		}, "want number"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var m map[string]any
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			tc.edit(m)
			broken, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			err = validate(t, broken)
			if err == nil {
				t.Fatal("the schema accepted a broken report")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("the schema refused it for another reason than %q:\n%v", tc.want, err)
			}
		})
	}
}

// dig walks a decoded JSON value by keys and indexes.
func dig(v any, path ...any) any {
	for _, p := range path {
		switch p := p.(type) {
		case string:
			v = v.(map[string]any)[p]
		case int:
			v = v.([]any)[p]
		}
	}
	return v
}

// kz2012 is the shipped demo: the definition read with the tally's own
// loader, the synthetic protocols of protocols.csv summed up the hierarchy.
func kz2012(t *testing.T) nist.Election {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "examples", "kz-2012")
	f, err := definition.Load(filepath.Join(dir, "election.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	te := f.Election
	e := nist.Election{
		ID: te.ID, Name: te.DisplayName, Date: te.Date, Status: "unofficial-complete",
		Issuer: "Mandate demo (synthetic stations)", Country: "kz", GeneratedAt: generated,
	}
	for _, c := range te.Contests {
		nc := nist.Contest{ID: c.ID, Name: c.DisplayName, Kind: "party-list"}
		if c.Kind == form.SingleWinner {
			nc.Kind = "single-winner"
		}
		for _, ch := range c.Choices {
			nc.Choices = append(nc.Choices, nist.Choice{ID: ch.ID, Name: ch.Name, ShortName: ch.ShortName, Color: ch.Color})
		}
		e.Contests = append(e.Contests, nc)
	}
	if len(e.Contests) != 1 {
		t.Fatalf("the demo has %d contests, want 1", len(e.Contests))
	}
	contest := e.Contests[0]

	parent := map[string]string{}
	totals := map[string]*nist.UnitResult{}
	for _, u := range te.Units {
		parent[u.ID] = u.Parent
		totals[u.ID] = &nist.UnitResult{Contest: contest.ID, Votes: map[string]int64{}, Status: e.Status}
	}
	// Every station is counted once in StationsTotal up its ancestors.
	for _, u := range te.Units {
		if u.IsStation() {
			for id := u.ID; id != ""; id = parent[id] {
				totals[id].StationsTotal++
			}
		}
	}

	csvFile, err := os.Open(filepath.Join(dir, "protocols.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer csvFile.Close()
	r := csv.NewReader(csvFile)
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		num := func(name string) int64 {
			i, ok := col[name]
			if !ok {
				t.Fatalf("protocols.csv has no column %q", name)
			}
			n, err := strconv.ParseInt(row[i], 10, 64)
			if err != nil {
				t.Fatalf("protocols.csv %s: %v", name, err)
			}
			return n
		}
		station := row[col["station_id"]]
		if totals[station] == nil {
			t.Fatalf("protocols.csv: unknown station %q", station)
		}
		for id := station; id != ""; id = parent[id] {
			tot := totals[id]
			tot.BallotsCast += num("ballots_cast")
			tot.Invalid += num("invalid")
			tot.Valid += num("valid")
			tot.StationsReporting++
			for _, ch := range contest.Choices {
				tot.Votes[ch.ID] += num(ch.ID)
			}
		}
	}
	for _, u := range te.Units {
		e.Units = append(e.Units, nist.Unit{
			ID: u.ID, Name: u.Name, Parent: u.Parent, Level: u.Level, Registered: u.Registered,
			Results: []nist.UnitResult{*totals[u.ID]},
		})
	}
	return e
}

func TestKZ2012(t *testing.T) {
	b, err := nist.Report(kz2012(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := validate(t, b); err != nil {
		t.Fatalf("report does not validate:\n%v", err)
	}
	checkRefs(t, b)

	d := decode(t, b)
	if d.Format != "precinct-level" || d.Status != "unofficial-complete" || d.IssuerAbbrev != "KZ" {
		t.Errorf("report %s %s %s", d.Format, d.Status, d.IssuerAbbrev)
	}
	if len(d.GpUnit) != 1+16+48 {
		t.Errorf("%d units, want 65", len(d.GpUnit))
	}
	nation := d.GpUnit[0]
	if nation.ID != "ru.kz" || nation.Type != "country" || nation.VotersRegistered != 9_303_216 ||
		*nation.SubUnitsReported != 48 || *nation.TotalSubUnits != 48 || nation.CountStatus[0].Status != "completed" {
		t.Errorf("nation %+v", nation)
	}
	// The official national totals, at the nation's GpUnit.
	for _, w := range []struct {
		party string
		votes int64
	}{
		{"nur-otan", 5_621_436}, {"ak-zhol", 518_405}, {"cppk", 498_788}, {"osdp", 116_534},
		{"auyl", 82_623}, {"patriots", 57_732}, {"adilet", 45_702},
	} {
		if v, ok := d.votesAt("sel.mazhilis."+w.party, "ru.kz"); !ok || v != w.votes {
			t.Errorf("%s at ru.kz: %d (%v), want %d", w.party, v, ok, w.votes)
		}
	}
	if bc := d.Election[0].BallotCounts[0]; bc.GpUnitID != "ru.kz" || bc.BallotsCast != 7_019_277 || bc.BallotsRejected != 78_057 {
		t.Errorf("national ballot counts %+v", bc)
	}
	if p := d.Party[2]; p.ID != "party.cppk" || p.Color != "c8102e" || p.Abbreviation.Text[0].Content != "CPPK" {
		t.Errorf("party %+v", p)
	}

	golden := filepath.Join("testdata", "kz2012.json")
	if *update {
		if err := os.WriteFile(golden, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./nist -run TestKZ2012 -update)", err)
	}
	if !bytes.Equal(b, want) {
		t.Errorf("report differs from %s (run with -update and review the diff)", golden)
	}
}

// The vendored schema is the file NIST publishes, unchanged.
func TestVendoredSchema(t *testing.T) {
	b, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != 58116 {
		t.Errorf("schema is %d bytes, the published file 58116", len(b))
	}
	var s struct {
		Schema      string `json:"$schema"`
		Ref         string `json:"$ref"`
		Definitions map[string]json.RawMessage
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	if s.Schema != "http://json-schema.org/draft-04/schema#" || s.Ref != "#/definitions/ElectionResults.ElectionReport" || len(s.Definitions) != 59 {
		t.Errorf("schema head %q %q, %d definitions", s.Schema, s.Ref, len(s.Definitions))
	}
}
