// Package nist writes election results as a NIST SP 1500-100 Version 2
// "ElectionReport" JSON document (the Election Results Reporting common data
// format, https://doi.org/10.6028/NIST.SP.1500-100r2).
//
// The package is plain Go with the standard library only: callers copy the
// election, its unit hierarchy and the running totals into the structs below
// and Report returns the document. The mapping, and what the format cannot
// say, is described on Report; testdata/ holds the official JSON schema the
// tests validate every report against.
package nist

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"
)

// VendorApplicationID names the generating application in every report.
const VendorApplicationID = "Mandate"

// Language is the language tag of every text in a report. The format wants
// one on each name; Mandate keeps a single display name per object, written in
// English in the shipped definitions.
const Language = "en"

// Election is everything a report says: the election, its contests, the unit
// hierarchy and, on each unit, the totals of each contest.
type Election struct {
	ID, Name string
	Date     string // YYYY-MM-DD
	// Status is the status of the results as a whole: unofficial-partial,
	// unofficial-complete, certified, recount or correction. Empty derives
	// unofficial-complete or unofficial-partial from the stations reporting
	// at the root.
	Status   string
	Contests []Contest
	Units    []Unit
	// GeneratedAt is written as the report's GeneratedDate, to the second, in
	// its own time zone. It is required: the report does not read the clock.
	GeneratedAt time.Time
	// Issuer names the body that publishes the results; required.
	Issuer string
	// Country is the ISO 3166-1 alpha-2 code of the country, e.g. "kz", or "".
	// It becomes the IssuerAbbreviation (upper case) and an OCD-ID of the
	// root unit; without it the abbreviation is the Issuer itself.
	Country string
}

// Contest is one contest of the election.
type Contest struct {
	ID, Name string
	Kind     string // "party-list" | "single-winner"
	// Seats is the number elected in a single-winner contest (0 means 1). The
	// format has no place for the seats of a party-list contest.
	Seats   int
	Choices []Choice // in ballot order
}

// Choice is a party list or a candidate.
type Choice struct {
	ID, Name  string
	ShortName string // optional
	Color     string // "#rrggbb", "rrggbb" or ""
}

// Unit is one unit of the hierarchy: exactly one has no Parent (the root, the
// scope of the election).
type Unit struct {
	ID, Name, Parent string
	// Level is the unit's place in the hierarchy: nation, region, district,
	// station or any other word (see Report for the mapping).
	Level string
	// Registered voters; 0 means unknown, and a unit with children then gets
	// the sum over them.
	Registered int64
	Results    []UnitResult
}

// UnitResult is the total of one contest over one unit.
type UnitResult struct {
	Contest string
	// Votes by choice ID; a choice missing from the map is not reported.
	Votes map[string]int64
	// BallotsCast counts the ballots found in the boxes, Invalid those of
	// them that are not valid. Valid has no place in the format (it is the
	// sum of the votes) and is only checked to be non-negative.
	BallotsCast, Invalid, Valid int64
	// StationsReporting of StationsTotal under the unit (1 of 1 for a
	// station that reported).
	StationsReporting, StationsTotal int
	Status                           string // the status of this total, as Election.Status
}

const (
	kindPartyList    = "party-list"
	kindSingleWinner = "single-winner"
	levelStation     = "station"
)

// ErrInvalid is wrapped by every error Report returns for input it cannot
// turn into a valid report.
var ErrInvalid = errors.New("nist: invalid input")

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// Report returns e as an indented NIST SP 1500-100 V2 ElectionReport. The
// same input gives the same bytes: units, contests and choices keep the order
// they are given in (units are written root first, each before its children).
//
// The mapping:
//   - ElectionReport: Format is precinct-level when some station has
//     results, summary-contest otherwise; Status is e.Status (the five
//     Mandate statuses are NIST ResultsStatus values); SequenceStart and
//     SequenceEnd are 1 (every report is whole); VendorApplicationId is
//     "Mandate".
//   - Election: Type general, StartDate = EndDate = e.Date, ElectionScopeId
//     the root unit. BallotCounts (Type total) give per unit the ballots cast
//     and, as BallotsRejected, the invalid ballots: in the format ballots are
//     counted for the election, not per contest, so a unit gets them only
//     when all its contests agree (always, with one contest).
//   - A party-list contest is a PartyContest (VoteVariation proportional)
//     whose PartySelections point at one Party per list; a single-winner
//     contest is a CandidateContest (VotesAllowed 1, NumberElected Seats)
//     whose CandidateSelections point at one Candidate each. Every selection
//     has one VoteCounts (Type total) per unit with a result. The contest's
//     ElectionDistrictId is the root; its SubUnitsReported, TotalSubUnits
//     and CountStatus come from the root's result.
//   - GpUnit: one ReportingUnit per unit, with ComposingGpUnitIds for the
//     children. Level nation or country → country; station, precinct →
//     precinct (a polling station has its own territory and voter list);
//     levels that are NIST ReportingUnitType values (state, county, city,
//     municipality, ward, polling-place...) keep their name; any other level
//     (region, district...) → other, with the level as OtherType.
//     VotersRegistered is Registered; units with children get TotalSubUnits
//     and SubUnitsReported (stations) when their contests agree.
//   - CountStatus (Type total): completed when every station reported,
//     in-process when some did, not-processed when none did.
//   - Every "@id" is a prefix, a dot and Mandate's ID ("ru.kz",
//     "party.nur-otan", "contest.mazhilis", "sel.mazhilis.nur-otan",
//     "cand.mayor.smith"), so it is a valid XML NCName and unique across
//     classes; each object also carries Mandate's ID as an ExternalIdentifier.
//
// Errors wrap ErrInvalid and name the offending field.
func Report(e Election) ([]byte, error) {
	var buf bytes.Buffer
	if err := WriteReport(&buf, e); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// node is a unit of the checked hierarchy.
type node struct {
	Unit
	children []*node
	results  []*UnitResult // by contest index; nil: none (one slice, not a map, per unit of a million)
	stations int           // stations at or under the unit
	voters   int64         // Registered, or the sum over the children
}

// result is the unit's result of contest i, nil when it has none.
func (n *node) result(i int) *UnitResult {
	if n.results == nil {
		return nil
	}
	return n.results[i]
}

// isStation: the unit is a polling station, where protocols come from.
func (n *node) isStation() bool {
	return n.Level == levelStation || n.Level == "precinct" || n.Level == "polling-place"
}

func build(e Election) (*report, error) {
	if e.ID == "" {
		return nil, invalid("election id is required")
	}
	if e.Name == "" {
		return nil, invalid("election name is required")
	}
	if _, err := time.Parse(time.DateOnly, e.Date); err != nil {
		return nil, invalid("election date %q must be YYYY-MM-DD", e.Date)
	}
	if e.GeneratedAt.IsZero() {
		return nil, invalid("generated-at time is required")
	}
	if e.Issuer == "" {
		return nil, invalid("issuer is required")
	}
	abbrev := e.Issuer
	if e.Country != "" {
		if !isCountryCode(e.Country) {
			return nil, invalid("country %q must be an ISO 3166-1 alpha-2 code", e.Country)
		}
		abbrev = strings.ToUpper(e.Country)
	}
	if e.Status != "" && !isStatus(e.Status) {
		return nil, invalid("status %q is not one of %s", e.Status, strings.Join(statuses, ", "))
	}

	contests, err := checkContests(e.Contests)
	if err != nil {
		return nil, err
	}
	order, err := checkUnits(e.Units, contests)
	if err != nil {
		return nil, err
	}
	root := order[0]

	rep := &electionReport{
		AtType:              typeElectionReport,
		Format:              "summary-contest",
		GeneratedDate:       e.GeneratedAt.Format("2006-01-02T15:04:05Z07:00"),
		Issuer:              e.Issuer,
		IssuerAbbreviation:  abbrev,
		SequenceEnd:         1,
		SequenceStart:       1,
		Status:              e.Status,
		VendorApplicationID: VendorApplicationID,
	}
	el := election{
		AtType:             typeElection,
		ElectionScopeID:    unitID(root.ID),
		EndDate:            e.Date,
		ExternalIdentifier: []externalIdentifier{mandateID(e.ID)},
		Name:               text(e.Name),
		StartDate:          e.Date,
		Type:               "general",
		Contest:            []contest{},
	}

	// The arrays with an element per unit are made as they are written
	// (WriteReport), a unit at a time, in the order of the hierarchy.
	out := &report{rep: rep}
	for _, n := range order {
		if n.isStation() && n.results != nil {
			rep.Format = "precinct-level"
		}
	}
	out.gpUnit = lazy[reportingUnit]{n: len(order), next: func() func() reportingUnit {
		i := 0
		return func() reportingUnit {
			n := order[i]
			i++
			return reportingUnitOf(n, resultsInOrder(n, contests), n == root, e.Country)
		}
	}}
	ballotsOf := func(n *node) (ballotCounts, bool) {
		rs := resultsInOrder(n, contests)
		if len(rs) == 0 {
			return ballotCounts{}, false
		}
		cast, ok := agree(rs, func(r *UnitResult) int64 { return r.BallotsCast })
		if !ok {
			return ballotCounts{}, false
		}
		inv, ok := agree(rs, func(r *UnitResult) int64 { return r.Invalid })
		return ballotCounts{AtType: typeBallotCounts, BallotsCast: cast, BallotsRejected: inv,
			GpUnitID: unitID(n.ID), Type: "total"}, ok
	}
	out.ballots = filtered(order, ballotsOf)

	seenParty := map[string]bool{}
	for i, c := range contests {
		ct := contest{
			AtType:             typePartyContest,
			AtID:               contestID(c.ID),
			ContestSelection:   []selection{},
			ElectionDistrictID: unitID(root.ID),
			ExternalIdentifier: []externalIdentifier{mandateID(c.ID)},
			Name:               c.Name,
			SequenceOrder:      i + 1,
		}
		if c.Kind == kindPartyList {
			ct.VoteVariation = "proportional"
		} else {
			ct.AtType = typeCandidateContest
			elected := max(c.Seats, 1)
			ct.NumberElected = &elected
			one := 1
			ct.VotesAllowed = &one
		}
		if r := root.result(i); r != nil {
			if r.StationsTotal > 0 {
				ct.SubUnitsReported = ptr(r.StationsReporting)
				ct.TotalSubUnits = ptr(r.StationsTotal)
			}
			ct.CountStatus = []countStatus{countStatusOf(r.StationsReporting, r.StationsTotal, r.Status)}
		}
		for j, ch := range c.Choices {
			sel := selection{AtID: selectionID(c.ID, ch.ID), SequenceOrder: j + 1}
			if c.Kind == kindPartyList {
				sel.AtType = typePartySelection
				sel.PartyIDs = []string{partyID(ch.ID)}
				if !seenParty[ch.ID] {
					seenParty[ch.ID] = true
					rep.Party = append(rep.Party, partyOf(ch))
				}
			} else {
				sel.AtType = typeCandidateSelection
				sel.CandidateIDs = []string{candidateID(c.ID, ch.ID)}
				el.Candidate = append(el.Candidate, candidate{
					AtType: typeCandidate, AtID: candidateID(c.ID, ch.ID),
					BallotName: text(ch.Name), ExternalIdentifier: []externalIdentifier{mandateID(ch.ID)},
				})
			}
			out.votes = append(out.votes, filtered(order, func(n *node) (voteCounts, bool) {
				r := n.result(i)
				if r == nil {
					return voteCounts{}, false
				}
				v, ok := r.Votes[ch.ID]
				return voteCounts{AtType: typeVoteCounts, Count: v, GpUnitID: unitID(n.ID), Type: "total"}, ok
			}))
			ct.ContestSelection = append(ct.ContestSelection, sel)
		}
		el.Contest = append(el.Contest, ct)
	}
	rep.Election = []election{el}
	out.el = &rep.Election[0]

	if rep.Status == "" {
		rep.Status = "unofficial-complete"
		for i := range contests {
			r := root.result(i)
			if r == nil || r.StationsTotal == 0 || r.StationsReporting < r.StationsTotal {
				rep.Status = "unofficial-partial"
			}
		}
	}
	return out, nil
}

func reportingUnitOf(n *node, rs []*UnitResult, isRoot bool, country string) reportingUnit {
	ru := reportingUnit{
		AtType:             typeReportingUnit,
		AtID:               unitID(n.ID),
		ExternalIdentifier: []externalIdentifier{mandateID(n.ID)},
		Name:               text(n.Name),
		VotersRegistered:   n.voters,
	}
	ru.Type, ru.OtherType = unitType(n.Level)
	if isRoot && country != "" && ru.Type == "country" {
		ru.ExternalIdentifier = append(ru.ExternalIdentifier, externalIdentifier{
			AtType: typeExternalIdentifier, Type: "ocd-id",
			Value: "ocd-division/country:" + strings.ToLower(country),
		})
	}
	for _, c := range n.children {
		ru.ComposingGpUnitIDs = append(ru.ComposingGpUnitIDs, unitID(c.ID))
	}
	if len(rs) == 0 {
		if len(n.children) > 0 && n.stations > 0 {
			ru.TotalSubUnits = ptr(n.stations)
		}
		return ru
	}
	reporting, okR := agree(rs, func(r *UnitResult) int { return r.StationsReporting })
	total, okT := agree(rs, func(r *UnitResult) int { return r.StationsTotal })
	status, okS := agree(rs, func(r *UnitResult) string { return r.Status })
	if !okS {
		status = ""
	}
	if okR && okT {
		if len(n.children) > 0 && total > 0 {
			ru.SubUnitsReported = ptr(reporting)
			ru.TotalSubUnits = ptr(total)
		}
		ru.CountStatus = []countStatus{countStatusOf(reporting, total, status)}
	} else if len(n.children) > 0 && n.stations > 0 {
		ru.TotalSubUnits = ptr(n.stations)
	}
	return ru
}

// countStatusOf says how far the count of a unit has come: from the stations
// reporting when the total is known, else from the result status.
func countStatusOf(reporting, total int, status string) countStatus {
	s := "unknown"
	switch {
	case total > 0 && reporting == 0:
		s = "not-processed"
	case total > 0 && reporting < total:
		s = "in-process"
	case total > 0:
		s = "completed"
	case status == "unofficial-partial" || status == "recount":
		s = "in-process"
	case status == "unofficial-complete" || status == "certified" || status == "correction":
		s = "completed"
	}
	return countStatus{AtType: typeCountStatus, Status: s, Type: "total"}
}

// unitType maps a Mandate level to a NIST ReportingUnitType (and OtherType).
func unitType(level string) (string, string) {
	switch level {
	case "nation", "country":
		return "country", ""
	case levelStation, "precinct":
		return "precinct", ""
	case "other":
		return "other", "other"
	}
	for _, t := range reportingUnitTypes {
		if t == level {
			return t, ""
		}
	}
	return "other", level
}

// reportingUnitTypes are the NIST ReportingUnitType values a level can carry
// by name.
var reportingUnitTypes = []string{
	"ballot-batch", "ballot-style-area", "borough", "city", "city-council",
	"combined-precinct", "congressional", "country", "county", "county-council",
	"drop-box", "judicial", "municipality", "polling-place", "precinct", "school",
	"special", "split-precinct", "state", "state-house", "state-senate", "town",
	"township", "utility", "village", "vote-center", "ward", "water",
}

// statuses are the Mandate result statuses; each is also a NIST ResultsStatus.
var statuses = []string{"unofficial-partial", "unofficial-complete", "certified", "recount", "correction"}

func isStatus(s string) bool {
	for _, v := range statuses {
		if v == s {
			return true
		}
	}
	return false
}

func partyOf(ch Choice) party {
	p := party{
		AtType:             typeParty,
		AtID:               partyID(ch.ID),
		Color:              ch.Color,
		ExternalIdentifier: []externalIdentifier{mandateID(ch.ID)},
		Name:               text(ch.Name),
	}
	if ch.ShortName != "" {
		a := text(ch.ShortName)
		p.Abbreviation = &a
	}
	return p
}

// checkContests validates the contests and returns them with colours in the
// format's spelling (six lower-case hex digits, no '#').
func checkContests(cs []Contest) ([]Contest, error) {
	if len(cs) == 0 {
		return nil, invalid("an election needs at least one contest")
	}
	out := make([]Contest, len(cs))
	seen := map[string]bool{}
	for i, c := range cs {
		p := fmt.Sprintf("contests[%d]", i)
		if !isIDPart(c.ID) {
			return nil, invalid("%s.id %q must be 1 or more of [A-Za-z0-9_-]", p, c.ID)
		}
		if seen[c.ID] {
			return nil, invalid("%s.id %q given twice", p, c.ID)
		}
		seen[c.ID] = true
		if c.Name == "" {
			return nil, invalid("%s.name is required", p)
		}
		if c.Kind != kindPartyList && c.Kind != kindSingleWinner {
			return nil, invalid("%s.kind %q must be %s or %s", p, c.Kind, kindPartyList, kindSingleWinner)
		}
		if c.Seats < 0 {
			return nil, invalid("%s.seats must not be negative", p)
		}
		if len(c.Choices) == 0 {
			return nil, invalid("%s.choices: a contest needs at least one choice", p)
		}
		c.Choices = append([]Choice(nil), c.Choices...)
		choices := map[string]bool{}
		for j := range c.Choices {
			ch := &c.Choices[j]
			q := fmt.Sprintf("%s.choices[%d]", p, j)
			if !isIDPart(ch.ID) {
				return nil, invalid("%s.id %q must be 1 or more of [A-Za-z0-9_-]", q, ch.ID)
			}
			if choices[ch.ID] {
				return nil, invalid("%s.id %q given twice", q, ch.ID)
			}
			choices[ch.ID] = true
			if ch.Name == "" {
				return nil, invalid("%s.name is required", q)
			}
			color, ok := htmlColor(ch.Color)
			if !ok {
				return nil, invalid("%s.color %q must be #rrggbb", q, ch.Color)
			}
			ch.Color = color
		}
		out[i] = c
	}
	return out, nil
}

// checkUnits validates the hierarchy and the results on it, and returns the
// units root first, each before its children, children in the given order.
func checkUnits(us []Unit, contests []Contest) ([]*node, error) {
	if len(us) == 0 {
		return nil, invalid("units: the election needs at least its root unit")
	}
	choices := make(map[string]map[string]bool, len(contests))
	contestIndex := make(map[string]int, len(contests))
	for i, c := range contests {
		contestIndex[c.ID] = i
		m := make(map[string]bool, len(c.Choices))
		for _, ch := range c.Choices {
			m[ch.ID] = true
		}
		choices[c.ID] = m
	}
	byID := make(map[string]*node, len(us))
	nodes := make([]*node, len(us))
	var root *node
	for i, u := range us {
		p := fmt.Sprintf("units[%d]", i)
		if !isUnitID(u.ID) {
			return nil, invalid("%s.id %q must be 1 or more of [A-Za-z0-9._-]", p, u.ID)
		}
		if byID[u.ID] != nil {
			return nil, invalid("%s.id %q given twice", p, u.ID)
		}
		if u.Name == "" {
			return nil, invalid("%s.name is required", p)
		}
		if u.Level == "" {
			return nil, invalid("%s.level is required", p)
		}
		if u.Registered < 0 {
			return nil, invalid("%s.registered must not be negative", p)
		}
		n := &node{Unit: u}
		for j := range u.Results {
			r := &u.Results[j]
			q := fmt.Sprintf("%s.results[%d]", p, j)
			cv, ok := choices[r.Contest]
			if !ok {
				return nil, invalid("%s.contest %q is not a contest of the election", q, r.Contest)
			}
			ci := contestIndex[r.Contest]
			if n.results == nil {
				n.results = make([]*UnitResult, len(contests))
			}
			if n.results[ci] != nil {
				return nil, invalid("%s: a second result of contest %q", q, r.Contest)
			}
			if r.BallotsCast < 0 || r.Invalid < 0 || r.Valid < 0 || r.StationsReporting < 0 || r.StationsTotal < 0 {
				return nil, invalid("%s: counts must not be negative", q)
			}
			if r.StationsReporting > r.StationsTotal && r.StationsTotal > 0 {
				return nil, invalid("%s: %d stations reporting of %d", q, r.StationsReporting, r.StationsTotal)
			}
			if r.Status != "" && !isStatus(r.Status) {
				return nil, invalid("%s.status %q is not one of %s", q, r.Status, strings.Join(statuses, ", "))
			}
			for ch, v := range r.Votes {
				if !cv[ch] {
					return nil, invalid("%s.votes: %q is not a choice of contest %q", q, ch, r.Contest)
				}
				if v < 0 {
					return nil, invalid("%s.votes[%q] must not be negative", q, ch)
				}
			}
			n.results[ci] = r
		}
		byID[u.ID] = n
		nodes[i] = n
		if u.Parent == "" {
			if root != nil {
				return nil, invalid("%s: a second root (%q and %q have no parent)", p, root.ID, u.ID)
			}
			root = n
		}
	}
	if root == nil {
		return nil, invalid("units: no root (every unit has a parent)")
	}
	for i, n := range nodes {
		if n.Parent == "" {
			continue
		}
		parent := byID[n.Parent]
		if parent == nil {
			return nil, invalid("units[%d].parent %q does not exist", i, n.Parent)
		}
		parent.children = append(parent.children, n)
	}
	order := make([]*node, 0, len(nodes))
	var walk func(n *node)
	walk = func(n *node) {
		order = append(order, n)
		for _, c := range n.children {
			walk(c)
			n.stations += c.stations
			n.voters += c.voters
		}
		if len(n.children) == 0 && n.isStation() {
			n.stations = 1
		}
		if n.Registered > 0 {
			n.voters = n.Registered
		}
	}
	walk(root)
	if len(order) != len(nodes) {
		// Units that hang under each other in a loop never meet the root.
		for i, n := range nodes {
			if !reached(n, root, byID) {
				return nil, invalid("units[%d] %q is not under the root (a cycle of parents)", i, n.ID)
			}
		}
	}
	return order, nil
}

// reached reports whether following parents from n arrives at root.
func reached(n, root *node, byID map[string]*node) bool {
	for steps := 0; n != nil && steps <= len(byID); steps++ {
		if n == root {
			return true
		}
		n = byID[n.Parent]
	}
	return false
}

// resultsInOrder returns the unit's results in contest order.
func resultsInOrder(n *node, contests []Contest) []*UnitResult {
	var rs []*UnitResult
	for i := range contests {
		if r := n.result(i); r != nil {
			rs = append(rs, r)
		}
	}
	return rs
}

// agree returns the value f takes on every result, and false when two
// results differ.
func agree[T comparable](rs []*UnitResult, f func(*UnitResult) T) (T, bool) {
	var v T
	for i, r := range rs {
		if i == 0 {
			v = f(r)
		} else if f(r) != v {
			var zero T
			return zero, false
		}
	}
	return v, len(rs) > 0
}

func ptr[T any](v T) *T { return &v }

func unitID(id string) string             { return "ru." + id }
func partyID(choice string) string        { return "party." + choice }
func contestID(id string) string          { return "contest." + id }
func selectionID(c, choice string) string { return "sel." + c + "." + choice }
func candidateID(c, choice string) string { return "cand." + c + "." + choice }

// isIDPart: contest and choice IDs are joined with '.' in compound "@id"
// values, so they must not contain one.
func isIDPart(s string) bool { return isUnitID(s) && !strings.Contains(s, ".") }

func isUnitID(s string) bool { return s != "" && isNCNameTail(s) }

// isNCNameTail reports whether s may follow a letter in an XML NCName, in the
// ASCII subset Mandate's IDs use.
func isNCNameTail(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func isCountryCode(s string) bool {
	return len(s) == 2 && strings.Trim(strings.ToLower(s), "abcdefghijklmnopqrstuvwxyz") == ""
}

// htmlColor turns "#1F6FB2" or "1f6fb2" into "1f6fb2": the schema's
// HtmlColorString pattern is [0-9a-f]{6}, lower case only.
func htmlColor(s string) (string, bool) {
	if s == "" {
		return "", true
	}
	s = strings.ToLower(strings.TrimPrefix(s, "#"))
	if len(s) != 6 || strings.Trim(s, "0123456789abcdef") != "" {
		return "", false
	}
	return s, true
}
