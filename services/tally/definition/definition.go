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
}

type contestDoc struct {
	ID              string      `yaml:"id"`
	DisplayName     string      `yaml:"display_name"`
	Kind            string      `yaml:"kind"`
	Form            yaml.Node   `yaml:"form"`
	ThresholdBase   string      `yaml:"threshold_base"`
	MajorityPercent int         `yaml:"majority_percent"`
	MajorityBase    string      `yaml:"majority_base"`
	RunoffRule      string      `yaml:"runoff_rule"`
	Choices         []choiceDoc `yaml:"choices"`
}

type choiceDoc struct {
	ID          string `yaml:"id"`
	Name        string `yaml:"name"`
	ShortName   string `yaml:"short_name"`
	BallotOrder int    `yaml:"ballot_order"`
	Color       string `yaml:"color"`
}

type formDoc struct {
	Name      string        `yaml:"name"`
	Lines     []lineDoc     `yaml:"lines"`
	Relations []relationDoc `yaml:"relations"`
	// Turnout names the lines the law's turnout counts: ballots-issued or
	// ballots-cast (over the registered line).
	Turnout string `yaml:"turnout"`
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
	switch cd.Kind {
	case "party-list", "PARTY_LIST":
		c.Kind = form.PartyList
	case "single-winner", "SINGLE_WINNER":
		c.Kind = form.SingleWinner
	default:
		return c, fmt.Errorf("kind %q: want party-list or single-winner", cd.Kind)
	}
	var err error
	if c.ThresholdBase, err = parseRole(cd.ThresholdBase); err != nil {
		return c, fmt.Errorf("threshold_base: %w", err)
	}
	if cd.MajorityBase != "" {
		if c.MajorityBase, err = parseRole(cd.MajorityBase); err != nil {
			return c, fmt.Errorf("majority_base: %w", err)
		}
	}
	switch strings.ReplaceAll(strings.ToLower(cd.RunoffRule), "_", "-") {
	case "":
	case "two-leaders":
		c.Runoff = form.RunoffTwoLeaders
	case "ties-advance":
		c.Runoff = form.RunoffTiesAdvance
	case "none", "first-past-the-post":
		c.Runoff = form.RunoffNone
	default:
		return c, fmt.Errorf("runoff_rule %q: want two-leaders, ties-advance or none", cd.RunoffRule)
	}
	switch cd.Form.Kind {
	case yaml.ScalarNode:
		if c.Form, err = Form(cd.Form.Value); err != nil {
			return c, err
		}
	case yaml.MappingNode:
		var fd formDoc
		if err := cd.Form.Decode(&fd); err != nil {
			return c, fmt.Errorf("form: %w", err)
		}
		if c.Form, err = fd.form(); err != nil {
			return c, fmt.Errorf("form: %w", err)
		}
	default:
		return c, errors.New("form: give a library form name or an inline form")
	}
	for i, ch := range cd.Choices {
		order := ch.BallotOrder
		if order == 0 {
			order = i + 1
		}
		c.Choices = append(c.Choices, form.Choice{ID: ch.ID, Name: ch.Name, ShortName: ch.ShortName, BallotOrder: order, Color: ch.Color})
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
