// Package definition reads an election definition file (YAML, or JSON which
// is a subset of YAML): the election, its contests with choices and protocol
// forms (inline or by name from the shipped library), its unit hierarchy
// (nested or flat) and an optional CSV import mapping.
package definition

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/mandate-project/mandate/services/tally/form"
)

// File is a parsed definition file.
type File struct {
	Election form.Election
	// CSV is the import mapping, nil when the file has none.
	CSV *CSVMapping
}

// CSVMapping says how the rows of a per-station CSV file become units and
// protocols of one contest.
type CSVMapping struct {
	Contest string
	// Root is the existing unit the first level hangs under (default: the
	// election's root).
	Root string
	// Delimiter is the field separator (default ',').
	Delimiter rune
	// CreateUnits: build the hierarchy from the Levels and Station columns.
	// Without it the station column must hold existing station IDs.
	CreateUnits bool
	Levels      []LevelMapping
	Station     StationMapping
	// Lines maps every form line ID to its column.
	Lines map[string]string
	// Votes maps every choice ID to its column.
	Votes map[string]string
	// KeyPrefix starts the idempotency key of each row: prefix/contest/station.
	KeyPrefix string
}

// IDRule derives a unit ID from a CSV value.
type IDRule string

const (
	// IDSlug: prefix + the value lowercased, other characters as '-'.
	IDSlug IDRule = "slug"
	// IDHash: prefix + 10 hex digits of SHA-256(parent ID, value); stable
	// whatever the order of the file, and fit for non-Latin names.
	IDHash IDRule = "hash"
	// IDLeadingNumber: prefix + the number the value starts with.
	IDLeadingNumber IDRule = "leading-number"
	// IDVerbatim: the value itself.
	IDVerbatim IDRule = "verbatim"
)

// LevelMapping is one level of the hierarchy above the stations.
type LevelMapping struct {
	Level      string
	Column     string
	NameColumn string // default Column
	ID         IDRule
	Prefix     string
}

// StationMapping says which columns identify and name a station.
type StationMapping struct {
	Column           string
	NameColumn       string // default Column
	NamePrefix       string
	ID               IDRule
	Prefix           string
	RegisteredColumn string // optional: the unit's Registered
}

// ---- file schema ----

type fileDoc struct {
	ID          string       `yaml:"id"`
	DisplayName string       `yaml:"display_name"`
	Date        string       `yaml:"date"`
	Contests    []contestDoc `yaml:"contests"`
	Units       []unitDoc    `yaml:"units"`
	Import      *importDoc   `yaml:"import"`
	// SingleMemberDistricts and Chambers: see docs/chambers.md.
	SingleMemberDistricts []smdDoc     `yaml:"single_member_districts"`
	Chambers              []chamberDoc `yaml:"chambers"`
}

type smdDoc struct {
	ID              string        `yaml:"id"`
	DisplayName     string        `yaml:"display_name"`
	Form            yaml.Node     `yaml:"form"`
	ThresholdBase   string        `yaml:"threshold_base"`
	MajorityPercent int           `yaml:"majority_percent"`
	MajorityBase    string        `yaml:"majority_base"`
	RunoffRule      string        `yaml:"runoff_rule"`
	Districts       []districtDoc `yaml:"districts"`
}

type districtDoc struct {
	Unit       string      `yaml:"unit"`
	Name       string      `yaml:"name"`
	Candidates []choiceDoc `yaml:"candidates"`
}

type chamberDoc struct {
	ID          string    `yaml:"id"`
	DisplayName string    `yaml:"display_name"`
	Seats       int       `yaml:"seats"`
	Tiers       []tierDoc `yaml:"tiers"`
}

type tierDoc struct {
	ID                    string            `yaml:"id"`
	DisplayName           string            `yaml:"display_name"`
	Kind                  string            `yaml:"kind"`
	Seats                 int               `yaml:"seats"`
	Contest               string            `yaml:"contest"`
	Preset                string            `yaml:"preset"`
	Districts             []tierDistrictDoc `yaml:"districts"`
	SingleMemberDistricts string            `yaml:"single_member_districts"`
	ReservedFor           string            `yaml:"reserved_for"`
	Link                  string            `yaml:"link"`
	LinkedTier            string            `yaml:"linked_tier"`
}

type tierDistrictDoc struct {
	Unit  string `yaml:"unit"`
	Seats int    `yaml:"seats"`
}

type contestDoc struct {
	ID              string    `yaml:"id"`
	DisplayName     string    `yaml:"display_name"`
	Kind            string    `yaml:"kind"`
	Form            yaml.Node `yaml:"form"`
	ThresholdBase   string    `yaml:"threshold_base"`
	MajorityPercent int       `yaml:"majority_percent"`
	MajorityBase    string    `yaml:"majority_base"`
	RunoffRule      string    `yaml:"runoff_rule"`
	// SeatPreset names the contest's legal seat rule, a seats preset id
	// (kz-mazhilis-2009) or its resource name (presets/kz-mazhilis-2009).
	SeatPreset string      `yaml:"seat_preset"`
	Choices    []choiceDoc `yaml:"choices"`
}

type choiceDoc struct {
	ID          string `yaml:"id"`
	Name        string `yaml:"name"`
	ShortName   string `yaml:"short_name"`
	BallotOrder int    `yaml:"ballot_order"`
	Color       string `yaml:"color"`
	Party       string `yaml:"party"`
}

type formDoc struct {
	Name      string        `yaml:"name"`
	Lines     []lineDoc     `yaml:"lines"`
	Relations []relationDoc `yaml:"relations"`
	// Turnout names the lines the law's turnout counts: ballots-issued or
	// ballots-cast (over the registered line).
	Turnout string `yaml:"turnout"`
	// RegisteredWithinUnit: a protocol's registered voters may not exceed
	// its station's registered voters (form.Form.RegisteredWithinUnit).
	RegisteredWithinUnit bool `yaml:"registered_within_unit"`
}

type lineDoc struct {
	ID     string   `yaml:"id"`
	Number string   `yaml:"number"`
	Name   string   `yaml:"name"`
	Roles  []string `yaml:"roles"`
}

type relationDoc struct {
	Code       string `yaml:"code"`
	Message    string `yaml:"message"`
	Severity   string `yaml:"severity"`
	Expression string `yaml:"expression"`
}

type unitDoc struct {
	ID         string    `yaml:"id"`
	Parent     string    `yaml:"parent"`
	Name       string    `yaml:"name"`
	Level      string    `yaml:"level"`
	Registered int64     `yaml:"registered"`
	Children   []unitDoc `yaml:"children"`
}

type importDoc struct {
	CSV *csvDoc `yaml:"csv"`
}

type csvDoc struct {
	Contest           string            `yaml:"contest"`
	Root              string            `yaml:"root"`
	Delimiter         string            `yaml:"delimiter"`
	CreateUnits       bool              `yaml:"create_units"`
	Levels            []levelDoc        `yaml:"levels"`
	Station           stationDoc        `yaml:"station"`
	Lines             map[string]string `yaml:"lines"`
	Votes             map[string]string `yaml:"votes"`
	VotesColumnPrefix string            `yaml:"votes_column_prefix"`
	KeyPrefix         string            `yaml:"key_prefix"`
}

type levelDoc struct {
	Level      string `yaml:"level"`
	Column     string `yaml:"column"`
	NameColumn string `yaml:"name_column"`
	ID         string `yaml:"id"`
	Prefix     string `yaml:"prefix"`
}

type stationDoc struct {
	Column           string `yaml:"column"`
	NameColumn       string `yaml:"name_column"`
	NamePrefix       string `yaml:"name_prefix"`
	ID               string `yaml:"id"`
	Prefix           string `yaml:"prefix"`
	RegisteredColumn string `yaml:"registered_column"`
}

//go:embed forms/*.yaml
var formFS embed.FS

// FormNames lists the shipped forms.
func FormNames() []string {
	entries, _ := formFS.ReadDir("forms")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	return out
}

// Form returns a shipped form by name, e.g. "ru-duma-2016-party-list" or
// "kz-mazhilis-party-list".
func Form(name string) (form.Form, error) {
	if strings.ContainsAny(name, "/\\.") {
		return form.Form{}, fmt.Errorf("form %q: invalid name", name)
	}
	data, err := formFS.ReadFile(path.Join("forms", name+".yaml"))
	if err != nil {
		return form.Form{}, fmt.Errorf("form %q is not in the library (have %s)", name, strings.Join(FormNames(), ", "))
	}
	var fd formDoc
	if err := decodeStrict(data, &fd); err != nil {
		return form.Form{}, fmt.Errorf("form %q: %w", name, err)
	}
	return fd.form()
}

func decodeStrict(data []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return errors.New("empty document")
		}
		return err
	}
	return nil
}

// Load reads a definition file (.yaml, .yml or .json).
func Load(name string) (*File, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	f, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return f, nil
}

// Parse reads a definition from YAML or JSON. The election is validated with
// form.ValidateElection: field errors carry the path in the file.
func Parse(data []byte) (*File, error) {
	var doc fileDoc
	if err := decodeStrict(data, &doc); err != nil {
		return nil, err
	}
	e := form.Election{ID: doc.ID, DisplayName: doc.DisplayName, Date: doc.Date}
	for i, cd := range doc.Contests {
		c, err := cd.contest()
		if err != nil {
			return nil, fmt.Errorf("contests[%d]: %w", i, err)
		}
		e.Contests = append(e.Contests, c)
	}
	var flatten func(parent string, us []unitDoc, path string) error
	flatten = func(parent string, us []unitDoc, p string) error {
		for i, ud := range us {
			up := fmt.Sprintf("%s[%d]", p, i)
			if ud.Parent != "" && parent != "" && ud.Parent != parent {
				return fmt.Errorf("%s: parent %q contradicts the nesting under %q", up, ud.Parent, parent)
			}
			par := ud.Parent
			if parent != "" {
				par = parent
			}
			e.Units = append(e.Units, form.Unit{ID: ud.ID, Parent: par, Name: ud.Name, Level: ud.Level, Registered: ud.Registered})
			if err := flatten(ud.ID, ud.Children, up+".children"); err != nil {
				return err
			}
		}
		return nil
	}
	if err := flatten("", doc.Units, "units"); err != nil {
		return nil, err
	}
	for i, sd := range doc.SingleMemberDistricts {
		s, err := sd.set()
		if err != nil {
			return nil, fmt.Errorf("single_member_districts[%d]: %w", i, err)
		}
		e.SingleMemberDistricts = append(e.SingleMemberDistricts, s)
	}
	for i, cd := range doc.Chambers {
		c, err := cd.chamber()
		if err != nil {
			return nil, fmt.Errorf("chambers[%d]: %w", i, err)
		}
		e.Chambers = append(e.Chambers, c)
	}
	if err := form.ValidateElection(e); err != nil {
		return nil, err
	}
	f := &File{Election: e}
	if doc.Import != nil && doc.Import.CSV != nil {
		m, err := doc.Import.CSV.mapping(e)
		if err != nil {
			return nil, fmt.Errorf("import.csv: %w", err)
		}
		f.CSV = m
	}
	return f, nil
}

func (cd contestDoc) contest() (form.Contest, error) {
	c := form.Contest{ID: cd.ID, DisplayName: cd.DisplayName, MajorityPercent: cd.MajorityPercent}
	if cd.SeatPreset != "" {
		c.SeatPreset = "presets/" + strings.TrimPrefix(cd.SeatPreset, "presets/")
	}
	switch cd.Kind {
	case "party-list", "PARTY_LIST":
		c.Kind = form.PartyList
	case "single-winner", "SINGLE_WINNER":
		c.Kind = form.SingleWinner
	default:
		return c, fmt.Errorf("kind %q: want party-list or single-winner", cd.Kind)
	}
	var err error
	if c.ThresholdBase, c.MajorityBase, c.Runoff, c.Form, err = rules(cd.ThresholdBase, cd.MajorityBase, cd.RunoffRule, cd.Form); err != nil {
		return c, err
	}
	c.Choices = choices(cd.Choices)
	return c, nil
}

// rules reads what a contest and a set of single-member districts share:
// the share base, the majority base, the runoff rule and the form.
func rules(shareBase, majorityBase, runoff string, fn yaml.Node) (sb, mb form.Role, rr form.RunoffRule, f form.Form, err error) {
	if sb, err = parseRole(shareBase); err != nil {
		return sb, mb, rr, f, fmt.Errorf("threshold_base: %w", err)
	}
	if majorityBase != "" {
		if mb, err = parseRole(majorityBase); err != nil {
			return sb, mb, rr, f, fmt.Errorf("majority_base: %w", err)
		}
	}
	switch strings.ReplaceAll(strings.ToLower(runoff), "_", "-") {
	case "":
	case "two-leaders":
		rr = form.RunoffTwoLeaders
	case "ties-advance":
		rr = form.RunoffTiesAdvance
	case "none", "first-past-the-post":
		rr = form.RunoffNone
	default:
		return sb, mb, rr, f, fmt.Errorf("runoff_rule %q: want two-leaders, ties-advance or none", runoff)
	}
	if fn.Kind == yaml.AliasNode && fn.Alias != nil {
		// A form written once and referred to (*form), as a set of
		// single-member districts often shares the list contest's form.
		fn = *fn.Alias
	}
	switch fn.Kind {
	case yaml.ScalarNode:
		if f, err = Form(fn.Value); err != nil {
			return sb, mb, rr, f, err
		}
	case yaml.MappingNode:
		var fd formDoc
		if err := fn.Decode(&fd); err != nil {
			return sb, mb, rr, f, fmt.Errorf("form: %w", err)
		}
		if f, err = fd.form(); err != nil {
			return sb, mb, rr, f, fmt.Errorf("form: %w", err)
		}
	default:
		return sb, mb, rr, f, errors.New("form: give a library form name or an inline form")
	}
	return sb, mb, rr, f, nil
}

// choices reads choices or candidates; the ballot order defaults to the
// position in the list.
func choices(cds []choiceDoc) []form.Choice {
	var out []form.Choice
	for i, ch := range cds {
		order := ch.BallotOrder
		if order == 0 {
			order = i + 1
		}
		out = append(out, form.Choice{ID: ch.ID, Name: ch.Name, ShortName: ch.ShortName, BallotOrder: order, Color: ch.Color, Party: ch.Party})
	}
	return out
}

func (sd smdDoc) set() (form.SingleMemberDistricts, error) {
	s := form.SingleMemberDistricts{ID: sd.ID, DisplayName: sd.DisplayName, MajorityPercent: sd.MajorityPercent}
	var err error
	if s.ThresholdBase, s.MajorityBase, s.Runoff, s.Form, err = rules(sd.ThresholdBase, sd.MajorityBase, sd.RunoffRule, sd.Form); err != nil {
		return s, err
	}
	for _, d := range sd.Districts {
		s.Districts = append(s.Districts, form.SingleMemberDistrict{Unit: d.Unit, DisplayName: d.Name, Candidates: choices(d.Candidates)})
	}
	return s, nil
}

func (cd chamberDoc) chamber() (form.Chamber, error) {
	c := form.Chamber{ID: cd.ID, DisplayName: cd.DisplayName, Seats: cd.Seats}
	for i, td := range cd.Tiers {
		t := form.Tier{ID: td.ID, DisplayName: td.DisplayName, Seats: td.Seats, Contest: td.Contest, Preset: td.Preset,
			SingleMemberDistricts: td.SingleMemberDistricts, ReservedFor: td.ReservedFor, LinkedTier: td.LinkedTier}
		switch strings.ReplaceAll(strings.ToLower(td.Kind), "_", "-") {
		case "list":
			t.Kind = form.TierList
		case "single-member":
			t.Kind = form.TierSingleMember
		case "reserved":
			t.Kind = form.TierReserved
		default:
			return c, fmt.Errorf("tiers[%d].kind %q: want list, single-member or reserved", i, td.Kind)
		}
		switch strings.ToLower(td.Link) {
		case "", "parallel":
			t.Link = form.TierParallel
			if td.Link == "" {
				t.Link = form.TierLinkUnspecified
			}
		case "compensatory":
			t.Link = form.TierCompensatory
		case "leveling":
			t.Link = form.TierLeveling
		default:
			return c, fmt.Errorf("tiers[%d].link %q: want parallel, compensatory or leveling", i, td.Link)
		}
		for _, d := range td.Districts {
			t.Districts = append(t.Districts, form.TierDistrict{Unit: d.Unit, Seats: d.Seats})
		}
		c.Tiers = append(c.Tiers, t)
	}
	return c, nil
}

func (fd formDoc) form() (form.Form, error) {
	f := form.Form{Name: fd.Name}
	for i, ld := range fd.Lines {
		l := form.Line{ID: ld.ID, Number: ld.Number, Name: ld.Name}
		for _, r := range ld.Roles {
			role, err := parseRole(r)
			if err != nil {
				return f, fmt.Errorf("lines[%d].roles: %w", i, err)
			}
			l.Roles = append(l.Roles, role)
		}
		f.Lines = append(f.Lines, l)
	}
	for i, rd := range fd.Relations {
		r := form.Relation{Code: rd.Code, Message: rd.Message, Expression: rd.Expression}
		switch strings.ToLower(rd.Severity) {
		case "error":
			r.Severity = form.SeverityError
		case "warning":
			r.Severity = form.SeverityWarning
		default:
			return f, fmt.Errorf("relations[%d].severity %q: want error or warning", i, rd.Severity)
		}
		f.Relations = append(f.Relations, r)
	}
	f.RegisteredWithinUnit = fd.RegisteredWithinUnit
	switch strings.ReplaceAll(strings.ToLower(fd.Turnout), "_", "-") {
	case "":
	case "ballots-issued":
		f.Turnout = form.RoleBallotsIssued
	case "ballots-cast":
		f.Turnout = form.RoleBallotsCast
	default:
		return f, fmt.Errorf("turnout %q: want ballots-issued or ballots-cast", fd.Turnout)
	}
	return f, nil
}

func parseRole(s string) (form.Role, error) {
	switch strings.ReplaceAll(strings.ToLower(s), "_", "-") {
	case "registered":
		return form.RoleRegistered, nil
	case "ballots-issued":
		return form.RoleBallotsIssued, nil
	case "ballots-cast":
		return form.RoleBallotsCast, nil
	case "invalid":
		return form.RoleInvalid, nil
	case "valid":
		return form.RoleValid, nil
	}
	return 0, fmt.Errorf("unknown role %q (registered, ballots-issued, ballots-cast, invalid, valid)", s)
}

func (d *csvDoc) mapping(e form.Election) (*CSVMapping, error) {
	var contest *form.Contest
	for i := range e.Contests {
		if e.Contests[i].ID == d.Contest {
			contest = &e.Contests[i]
		}
	}
	if contest == nil {
		return nil, fmt.Errorf("contest %q is not defined", d.Contest)
	}
	m := &CSVMapping{Contest: d.Contest, Root: d.Root, Delimiter: ',', CreateUnits: d.CreateUnits,
		Lines: map[string]string{}, Votes: map[string]string{}, KeyPrefix: d.KeyPrefix}
	if m.KeyPrefix == "" {
		m.KeyPrefix = "csv"
	}
	if d.Delimiter != "" {
		r := []rune(d.Delimiter)
		if len(r) != 1 {
			return nil, fmt.Errorf("delimiter %q: want one character", d.Delimiter)
		}
		m.Delimiter = r[0]
	}
	if m.Root == "" {
		for _, u := range e.Units {
			if u.Parent == "" {
				m.Root = u.ID
			}
		}
	}
	if m.CreateUnits && !slices.ContainsFunc(e.Units, func(u form.Unit) bool { return u.ID == m.Root }) {
		return nil, fmt.Errorf("root unit %q is not defined", m.Root)
	}
	rule := func(s string, def IDRule) (IDRule, error) {
		if s == "" {
			return def, nil
		}
		r := IDRule(s)
		switch r {
		case IDSlug, IDHash, IDLeadingNumber, IDVerbatim:
			return r, nil
		}
		return "", fmt.Errorf("id rule %q: want slug, hash, leading-number or verbatim", s)
	}
	for i, ld := range d.Levels {
		if ld.Level == "" || ld.Column == "" {
			return nil, fmt.Errorf("levels[%d]: level and column are required", i)
		}
		r, err := rule(ld.ID, IDHash)
		if err != nil {
			return nil, fmt.Errorf("levels[%d]: %w", i, err)
		}
		lm := LevelMapping{Level: ld.Level, Column: ld.Column, NameColumn: ld.NameColumn, ID: r, Prefix: ld.Prefix}
		if lm.NameColumn == "" {
			lm.NameColumn = lm.Column
		}
		m.Levels = append(m.Levels, lm)
	}
	if d.Station.Column == "" {
		return nil, errors.New("station.column is required")
	}
	r, err := rule(d.Station.ID, IDVerbatim)
	if err != nil {
		return nil, fmt.Errorf("station: %w", err)
	}
	m.Station = StationMapping{Column: d.Station.Column, NameColumn: d.Station.NameColumn, NamePrefix: d.Station.NamePrefix,
		ID: r, Prefix: d.Station.Prefix, RegisteredColumn: d.Station.RegisteredColumn}
	if m.Station.NameColumn == "" {
		m.Station.NameColumn = m.Station.Column
	}
	for _, l := range contest.Form.Lines {
		col := d.Lines[l.ID]
		if col == "" {
			col = l.ID
		}
		m.Lines[l.ID] = col
	}
	for id := range d.Lines {
		if _, ok := m.Lines[id]; !ok || !slices.ContainsFunc(contest.Form.Lines, func(l form.Line) bool { return l.ID == id }) {
			return nil, fmt.Errorf("lines: %q is not a line of the form", id)
		}
	}
	for _, c := range contest.Choices {
		col := d.Votes[c.ID]
		if col == "" {
			col = d.VotesColumnPrefix + c.ID
		}
		m.Votes[c.ID] = col
	}
	for id := range d.Votes {
		if !slices.ContainsFunc(contest.Choices, func(c form.Choice) bool { return c.ID == id }) {
			return nil, fmt.Errorf("votes: %q is not a choice of contest %s", id, contest.ID)
		}
	}
	return m, nil
}
