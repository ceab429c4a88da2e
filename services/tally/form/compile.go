package form

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Compiled is a contest with its form compiled: value vectors hold the
// form's lines in order, then the choices in order.
type Compiled struct {
	Contest
	// Index is the contest's position in the election.
	Index     int
	lineIdx   map[string]int
	choiceIdx map[string]int // value index (NLines + i)
	NLines    int
	relations []compiledRelation
	roleIdx   map[Role][]int
	// LineOrder and ChoiceOrder are the line and choice IDs sorted, the
	// order the log writes a protocol's counts in.
	LineOrder, ChoiceOrder []string
	// lineOrderIdx and choiceOrderIdx are the value indexes of LineOrder
	// and ChoiceOrder.
	lineOrderIdx, choiceOrderIdx []int
	// RowColumns are the columns of an imported row in that order,
	// "lines.{id}" then "votes.{id}": a row sent with them is logged
	// without them (tallylog.BodyProtocolRow).
	RowColumns []string
}

func (c *Compiled) resolve(id string) (int, bool) {
	if i, ok := c.lineIdx[id]; ok {
		return i, true
	}
	i, ok := c.choiceIdx[id]
	return i, ok
}

// ChoiceIndexes are the positions of the choices in a value vector.
func (c *Compiled) ChoiceIndexes() []int {
	out := make([]int, len(c.Choices))
	for i := range c.Choices {
		out[i] = c.NLines + i
	}
	return out
}

// RegisteredAboveUnit checks a submission against its station's registered
// voters when the form binds them (Form.RegisteredWithinUnit): a FieldError
// REGISTERED_ABOVE_UNIT naming the first registered line when the lines of
// RoleRegistered sum to more than unitRegistered; nil when the form does
// not bind them or the unit's count is unknown (0).
func (c *Compiled) RegisteredAboveUnit(s Submission, vals []int64, unitRegistered int64) error {
	if !c.Form.RegisteredWithinUnit || unitRegistered <= 0 {
		return nil
	}
	var sum int64
	for _, i := range c.roleIdx[RoleRegistered] {
		sum += vals[i]
	}
	if sum <= unitRegistered {
		return nil
	}
	line := c.Form.Lines[c.roleIdx[RoleRegistered][0]].ID
	return NewFieldError("lines."+line, "REGISTERED_ABOVE_UNIT",
		"%d registered voters, above the %d of station %s's unit; the form allows no more", sum, unitRegistered, s.Station)
}

// HasRole reports whether a line of the form plays the role.
func (c *Compiled) HasRole(r Role) bool { return len(c.roleIdx[r]) > 0 }

// Width is the length of a value vector: the lines, then the choices.
func (c *Compiled) Width() int { return c.NLines + len(c.Choices) }

// Role returns the value of a role: the sum of the lines that play it.
func (c *Compiled) Role(vals []int64, r Role) int64 {
	var s int64
	for _, i := range c.roleIdx[r] {
		s += vals[i]
	}
	return s
}

func isSlug(s string, max int) bool {
	if len(s) == 0 || len(s) > max || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// IsValidUnitID: lowercase letters, digits, '-', '_' and '.', starting with a
// letter or digit, 1-63 characters.
func IsValidUnitID(s string) bool {
	if len(s) == 0 || len(s) > 63 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			continue
		}
		if i > 0 && (c == '-' || c == '_' || c == '.') {
			continue
		}
		return false
	}
	return true
}

func isChoiceID(s string) bool {
	if len(s) == 0 || len(s) > 63 || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return s[len(s)-1] != '-'
}

func isLineID(s string) bool {
	if len(s) == 0 || len(s) > 63 || !(s[0] >= 'a' && s[0] <= 'z') {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

func isUpperSnake(s string) bool {
	if len(s) == 0 || len(s) > 100 || !(s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

func isColor(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for i := 1; i < 7; i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// alwaysOnCodes are reserved for built-in checks.
var alwaysOnCodes = map[string]bool{"NEGATIVE_COUNT": true}

// ValidateElection checks a definition: identifiers, contests, forms (every
// relation is parsed) and the unit hierarchy. Errors are *FieldError with the
// path of the offending field, e.g. "contests[0].form.relations[1].expression".
//
// Single-member districts are checked as the contests Expand makes of them
// (a fault of one is reported at the set's field, e.g.
// "single_member_districts[0].districts[3].candidates[1].id"); the units
// that districts and chambers name must be among e.Units. The caller stores
// Expand(e).
func ValidateElection(e Election) error {
	if len(e.SingleMemberDistricts) > 0 || len(e.Chambers) > 0 {
		for i, c := range e.Contests {
			if c.District != "" && !slices.ContainsFunc(e.SingleMemberDistricts, func(s SingleMemberDistricts) bool {
				return slices.ContainsFunc(s.Districts, func(d SingleMemberDistrict) bool { return s.ContestID(d) == c.ID })
			}) {
				return NewFieldError(fmt.Sprintf("contests[%d].district", i), "NOT_APPLICABLE", "a contest gets a district from single_member_districts only")
			}
		}
	} else {
		for i, c := range e.Contests {
			if c.District != "" {
				return NewFieldError(fmt.Sprintf("contests[%d].district", i), "NOT_APPLICABLE", "a contest gets a district from single_member_districts only")
			}
		}
	}
	units := make(map[string]Unit, len(e.Units))
	for _, u := range e.Units {
		units[u.ID] = u
	}
	if err := checkSingleMemberDistricts(e, units); err != nil {
		return err
	}
	x := Expand(e)
	if _, err := CompileElection(x); err != nil {
		return expandedPath(e, x, err)
	}
	if err := ValidateUnits(e.Units, nil, true); err != nil {
		return err
	}
	return checkChambers(x, units)
}

// expandedPath rewrites the path of a fault in a contest that Expand made
// ("contests[k]...") to the set and district it came from.
func expandedPath(e, x Election, err error) error {
	var fe *FieldError
	if !errors.As(err, &fe) {
		return err
	}
	var k int
	var rest string
	if n, _ := fmt.Sscanf(fe.Field, "contests[%d]", &k); n != 1 || k < len(e.Contests) {
		return err
	}
	_, rest, _ = strings.Cut(fe.Field, "]")
	si, di := expandedFrom(e, len(e.Contests), k)
	if si < 0 || x.Contests[k].ID != e.SingleMemberDistricts[si].ContestID(e.SingleMemberDistricts[si].Districts[di]) {
		return err
	}
	p := fmt.Sprintf("single_member_districts[%d]", si)
	switch {
	case strings.HasPrefix(rest, ".choices"):
		rest = fmt.Sprintf(".districts[%d].candidates", di) + strings.TrimPrefix(rest, ".choices")
	case strings.HasPrefix(rest, ".id"):
		rest = fmt.Sprintf(".districts[%d].unit", di)
	}
	c := *fe
	c.Field = p + rest
	return &c
}

func CompileElection(e Election) ([]*Compiled, error) {
	if !isSlug(e.ID, 63) {
		return nil, NewFieldError("id", "INVALID_ID", "election ID %q must be 1-63 lowercase letters, digits and hyphens", e.ID)
	}
	if e.DisplayName == "" {
		return nil, NewFieldError("display_name", "REQUIRED", "display name is required")
	}
	if _, err := time.Parse(time.DateOnly, e.Date); err != nil {
		return nil, NewFieldError("date", "INVALID_DATE", "date %q must be YYYY-MM-DD", e.Date)
	}
	if len(e.Contests) == 0 {
		return nil, NewFieldError("contests", "REQUIRED", "an election needs at least one contest")
	}
	seen := map[string]bool{}
	out := make([]*Compiled, len(e.Contests))
	for i, c := range e.Contests {
		p := fmt.Sprintf("contests[%d]", i)
		if seen[c.ID] {
			return nil, NewFieldError(p+".id", "DUPLICATE_ID", "contest %q defined twice", c.ID)
		}
		seen[c.ID] = true
		cc, err := CompileContest(c)
		if err != nil {
			return nil, PrefixField(p, err)
		}
		cc.Index = i
		out[i] = cc
	}
	return out, nil
}

func CompileContest(c Contest) (*Compiled, error) {
	if !isSlug(c.ID, 63) {
		return nil, NewFieldError("id", "INVALID_ID", "contest ID %q must be 1-63 lowercase letters, digits and hyphens", c.ID)
	}
	if c.DisplayName == "" {
		return nil, NewFieldError("display_name", "REQUIRED", "display name is required")
	}
	if c.Kind != PartyList && c.Kind != SingleWinner {
		return nil, NewFieldError("kind", "INVALID_KIND", "contest kind must be PARTY_LIST or SINGLE_WINNER")
	}
	if len(c.Choices) == 0 {
		return nil, NewFieldError("choices", "REQUIRED", "a contest needs at least one choice")
	}
	if len(c.Form.Lines) == 0 {
		return nil, NewFieldError("form.lines", "REQUIRED", "a form needs lines")
	}
	cc := &Compiled{Contest: c, lineIdx: map[string]int{}, choiceIdx: map[string]int{}, roleIdx: map[Role][]int{}}
	for i, l := range c.Form.Lines {
		p := fmt.Sprintf("form.lines[%d]", i)
		if !isLineID(l.ID) {
			return nil, NewFieldError(p+".id", "INVALID_ID", "line ID %q must be snake_case", l.ID)
		}
		if _, dup := cc.lineIdx[l.ID]; dup {
			return nil, NewFieldError(p+".id", "DUPLICATE_ID", "line %q defined twice", l.ID)
		}
		if l.Number == "" {
			return nil, NewFieldError(p+".number", "REQUIRED", "line number is required")
		}
		cc.lineIdx[l.ID] = i
		for j, r := range l.Roles {
			if r <= RoleUnspecified || r > RoleValid {
				return nil, NewFieldError(fmt.Sprintf("%s.roles[%d]", p, j), "INVALID_ROLE", "unknown role %d", r)
			}
			cc.roleIdx[r] = append(cc.roleIdx[r], i)
		}
	}
	cc.NLines = len(c.Form.Lines)
	for _, l := range c.Form.Lines {
		cc.LineOrder = append(cc.LineOrder, l.ID)
	}
	for _, ch := range c.Choices {
		cc.ChoiceOrder = append(cc.ChoiceOrder, ch.ID)
	}
	slices.Sort(cc.LineOrder)
	slices.Sort(cc.ChoiceOrder)
	for _, id := range cc.LineOrder {
		cc.RowColumns = append(cc.RowColumns, "lines."+id)
	}
	for _, id := range cc.ChoiceOrder {
		cc.RowColumns = append(cc.RowColumns, "votes."+id)
	}
	for _, r := range []Role{RoleRegistered, RoleBallotsCast, RoleValid} {
		if len(cc.roleIdx[r]) == 0 {
			return nil, NewFieldError("form.lines", "MISSING_ROLE", "no line plays the role %v", r)
		}
	}
	switch c.Form.Turnout {
	case RoleUnspecified:
	case RoleBallotsIssued, RoleBallotsCast:
		if len(cc.roleIdx[c.Form.Turnout]) == 0 {
			return nil, NewFieldError("form.turnout_numerator", "NO_LINE_FOR_ROLE", "turnout numerator %v: no line of the form plays that role", c.Form.Turnout)
		}
	default:
		return nil, NewFieldError("form.turnout_numerator", "INVALID_ROLE", "turnout numerator must be BALLOTS_ISSUED or BALLOTS_CAST")
	}
	orders := map[int]bool{}
	for i, ch := range c.Choices {
		p := fmt.Sprintf("choices[%d]", i)
		if !isChoiceID(ch.ID) {
			return nil, NewFieldError(p+".id", "INVALID_ID", "choice ID %q must match [A-Za-z][A-Za-z0-9_-]*", ch.ID)
		}
		if _, dup := cc.choiceIdx[ch.ID]; dup {
			return nil, NewFieldError(p+".id", "DUPLICATE_ID", "choice %q defined twice", ch.ID)
		}
		if _, clash := cc.lineIdx[ch.ID]; clash || ch.ID == "sum" || ch.ID == "choices" {
			return nil, NewFieldError(p+".id", "AMBIGUOUS_ID", "choice ID %q is also a line ID or reserved", ch.ID)
		}
		if ch.Name == "" {
			return nil, NewFieldError(p+".name", "REQUIRED", "choice name is required")
		}
		if ch.BallotOrder <= 0 || orders[ch.BallotOrder] {
			return nil, NewFieldError(p+".ballot_order", "INVALID_BALLOT_ORDER", "ballot order must be positive and unique, got %d", ch.BallotOrder)
		}
		orders[ch.BallotOrder] = true
		if ch.Color != "" && !isColor(ch.Color) {
			return nil, NewFieldError(p+".color", "INVALID_COLOR", "color %q must be #rrggbb", ch.Color)
		}
		if ch.Party != "" && !isChoiceID(ch.Party) {
			return nil, NewFieldError(p+".party", "INVALID_ID", "party %q must match [A-Za-z][A-Za-z0-9_-]*", ch.Party)
		}
		cc.choiceIdx[ch.ID] = cc.NLines + i
	}
	for _, id := range cc.LineOrder {
		cc.lineOrderIdx = append(cc.lineOrderIdx, cc.lineIdx[id])
	}
	for _, id := range cc.ChoiceOrder {
		cc.choiceOrderIdx = append(cc.choiceOrderIdx, cc.choiceIdx[id])
	}
	if !slices.IsSortedFunc(c.Choices, func(a, b Choice) int { return a.BallotOrder - b.BallotOrder }) {
		return nil, NewFieldError("choices", "NOT_IN_BALLOT_ORDER", "choices must be listed in ballot order")
	}
	if c.ThresholdBase != RoleValid && c.ThresholdBase != RoleBallotsCast {
		return nil, NewFieldError("threshold_base", "INVALID_ROLE", "threshold base must be VALID or BALLOTS_CAST")
	}
	if err := checkMajorityRule(c, cc); err != nil {
		return nil, err
	}
	if c.SeatPreset != "" {
		id, ok := strings.CutPrefix(c.SeatPreset, "presets/")
		switch {
		case c.Kind != PartyList:
			return nil, NewFieldError("seat_preset", "NOT_APPLICABLE", "a seat rule applies to party-list contests only")
		case !ok || !isSlug(id, 63):
			return nil, NewFieldError("seat_preset", "INVALID_RESOURCE_NAME", "seat preset %q must be presets/{preset}, the preset a slug", c.SeatPreset)
		}
	}
	codes := map[string]bool{}
	for i, r := range c.Form.Relations {
		p := fmt.Sprintf("form.relations[%d]", i)
		if !isUpperSnake(r.Code) {
			return nil, NewFieldError(p+".code", "INVALID_CODE", "relation code %q must be UPPER_SNAKE", r.Code)
		}
		if codes[r.Code] || alwaysOnCodes[r.Code] {
			return nil, NewFieldError(p+".code", "DUPLICATE_CODE", "relation code %q used twice or reserved", r.Code)
		}
		codes[r.Code] = true
		if r.Severity != SeverityError && r.Severity != SeverityWarning {
			return nil, NewFieldError(p+".severity", "INVALID_SEVERITY", "severity must be ERROR or WARNING")
		}
		left, right, op, ids, err := parseRelation(r.Expression, cc)
		if err != nil {
			return nil, PrefixField(p, err)
		}
		cc.relations = append(cc.relations, compiledRelation{Relation: r, left: left, right: right, op: op, ids: ids})
	}
	return cc, nil
}

// UnitLookup answers whether a unit already exists (for AddUnits).
type UnitLookup func(id string) (Unit, bool)

// ValidateUnits checks a batch of units. With root true the batch must hold
// exactly one root; otherwise every parent must exist in the batch or in
// existing, and no unit may be added under a station.
func ValidateUnits(units []Unit, existing UnitLookup, root bool) error {
	if len(units) > MaxUnits {
		return NewFieldError("units", "OUT_OF_RANGE", "an election has at most %d units, not %d", MaxUnits, len(units))
	}
	byID := make(map[string]int, len(units))
	roots := 0
	for i, u := range units {
		p := fmt.Sprintf("units[%d]", i)
		if !IsValidUnitID(u.ID) {
			return NewFieldError(p+".id", "INVALID_ID", "unit ID %q must be 1-63 of [a-z0-9._-]", u.ID)
		}
		if _, dup := byID[u.ID]; dup {
			return NewFieldError(p+".id", "DUPLICATE_ID", "unit %q given twice", u.ID)
		}
		byID[u.ID] = i
		if u.Name == "" {
			return NewFieldError(p+".name", "REQUIRED", "unit name is required")
		}
		if u.Level == "" {
			return NewFieldError(p+".level", "REQUIRED", "unit level is required")
		}
		if hasControl(u.Name, false) {
			return NewFieldError(p+".name", "CONTROL_CHARACTER", "unit name must not hold NUL or another control character")
		}
		if hasControl(u.Level, false) {
			return NewFieldError(p+".level", "CONTROL_CHARACTER", "unit level must not hold NUL or another control character")
		}
		if u.Registered < 0 {
			return NewFieldError(p+".registered", "NEGATIVE_COUNT", "registered must not be negative")
		}
		if u.Registered > MaxCount {
			return NewFieldError(p+".registered", "OUT_OF_RANGE", "registered is %d, above the most a count may be (%d)", u.Registered, MaxCount)
		}
		if u.Registered != 0 && !u.IsStation() {
			return NewFieldError(p+".registered", "NOT_A_STATION", "only stations carry registered voters")
		}
		if u.Parent == "" {
			roots++
		}
	}
	if root && roots != 1 && len(units) > 0 {
		return NewFieldError("units", "ONE_ROOT", "the hierarchy needs exactly one root, found %d", roots)
	}
	if !root && roots > 0 {
		return NewFieldError("units", "ONE_ROOT", "the election already has its root")
	}
	for i, u := range units {
		if u.Parent == "" {
			continue
		}
		p := fmt.Sprintf("units[%d].parent", i)
		if j, ok := byID[u.Parent]; ok {
			if units[j].IsStation() {
				return NewFieldError(p, "PARENT_IS_STATION", "a station has no children")
			}
			continue
		}
		if existing != nil {
			if pu, ok := existing(u.Parent); ok {
				if pu.IsStation() {
					return NewFieldError(p, "PARENT_IS_STATION", "a station has no children")
				}
				continue
			}
		}
		return NewFieldError(p, "UNKNOWN_PARENT", "parent %q does not exist", u.Parent)
	}
	// Cycles: walk up from every unit inside the batch.
	state := make([]uint8, len(units)) // 0 new, 1 visiting, 2 done
	for i := range units {
		var path []int
		j := i
		for {
			if state[j] == 2 {
				break
			}
			if state[j] == 1 {
				return NewFieldError(fmt.Sprintf("units[%d].parent", j), "CYCLE", "unit %q is its own ancestor", units[j].ID)
			}
			state[j] = 1
			path = append(path, j)
			k, ok := byID[units[j].Parent]
			if !ok {
				break
			}
			j = k
		}
		for _, k := range path {
			state[k] = 2
		}
	}
	return nil
}

// SortParentsFirst orders units so that every parent precedes its children.
func SortParentsFirst(units []Unit) []Unit {
	byID := make(map[string]int, len(units))
	for i, u := range units {
		byID[u.ID] = i
	}
	out := make([]Unit, 0, len(units))
	done := make([]bool, len(units))
	var visit func(i int)
	visit = func(i int) {
		if done[i] {
			return
		}
		done[i] = true
		if j, ok := byID[units[i].Parent]; ok {
			visit(j)
		}
		out = append(out, units[i])
	}
	for i := range units {
		visit(i)
	}
	return out
}

// checkMajorityRule checks the single-winner rule of a contest: a majority
// share of a base the form counts, and a runoff rule; plurality contests have
// no majority share. Party-list contests carry none of it.
func checkMajorityRule(c Contest, cc *Compiled) error {
	if c.Kind != SingleWinner {
		if c.MajorityPercent != 0 || c.MajorityBase != RoleUnspecified {
			return NewFieldError("majority_percent", "NOT_APPLICABLE", "majority rules apply to single-winner contests only")
		}
		if c.Runoff != RunoffUnspecified {
			return NewFieldError("runoff_rule", "NOT_APPLICABLE", "runoff rules apply to single-winner contests only")
		}
		return nil
	}
	switch c.Runoff {
	case RunoffUnspecified, RunoffTwoLeaders, RunoffTiesAdvance:
		if c.MajorityPercent <= 0 || c.MajorityPercent >= 100 {
			return NewFieldError("majority_percent", "OUT_OF_RANGE", "majority percent must be in 1..99")
		}
	case RunoffNone:
		if c.MajorityPercent != 0 {
			return NewFieldError("majority_percent", "NOT_APPLICABLE", "a first-past-the-post contest (runoff rule NONE) has no majority percent")
		}
		if c.MajorityBase == RoleUnspecified {
			return nil
		}
	default:
		return NewFieldError("runoff_rule", "INVALID_RULE", "unknown runoff rule %d", c.Runoff)
	}
	switch c.MajorityBase {
	case RoleUnspecified:
		return NewFieldError("majority_base", "REQUIRED", "a single-winner contest with a majority rule needs a majority base (VALID, BALLOTS_CAST or BALLOTS_ISSUED)")
	case RoleValid, RoleBallotsCast, RoleBallotsIssued:
	default:
		return NewFieldError("majority_base", "INVALID_ROLE", "majority base must be VALID, BALLOTS_CAST or BALLOTS_ISSUED, got %v", c.MajorityBase)
	}
	if !cc.HasRole(c.MajorityBase) {
		return NewFieldError("majority_base", "NO_LINE_FOR_ROLE", "majority base %v: no line of the form plays that role", c.MajorityBase)
	}
	return nil
}
