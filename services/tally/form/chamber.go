package form

import (
	"fmt"
	"strings"
)

// SingleMemberDistricts is a set of single-member districts sharing one
// protocol form and one majority rule (e.g. the Duma's 225 districts). Each
// district becomes a single-winner contest "{ID}-{unit}" counted only at the
// stations under its unit (see Expand).
type SingleMemberDistricts struct {
	ID              string                 `json:"id"`
	DisplayName     string                 `json:"display_name"`
	Form            Form                   `json:"form"`
	ThresholdBase   Role                   `json:"threshold_base"`
	MajorityPercent int                    `json:"majority_percent,omitempty"`
	MajorityBase    Role                   `json:"majority_base,omitempty"`
	Runoff          RunoffRule             `json:"runoff,omitempty"`
	Districts       []SingleMemberDistrict `json:"districts"`
}

// SingleMemberDistrict is one district of a set: a unit and its candidates.
type SingleMemberDistrict struct {
	Unit        string   `json:"unit"`
	DisplayName string   `json:"display_name,omitempty"`
	Candidates  []Choice `json:"candidates"`
}

// ContestID is the id of the contest of district d of set s.
func (s SingleMemberDistricts) ContestID(d SingleMemberDistrict) string { return s.ID + "-" + d.Unit }

// Chamber is a parliament (or one house) whose seats are composed of tiers.
// Its seats are the sum of its tiers' seats.
type Chamber struct {
	ID          string `json:"id"`
	DisplayName string `json:"display_name"`
	Seats       int    `json:"seats"`
	Tiers       []Tier `json:"tiers"`
}

// TierKind says how a tier's seats are filled.
type TierKind int

const (
	TierKindUnspecified TierKind = iota
	// TierList: party lists share the seats by a rule (a preset of the
	// seats service), nationally or in districts.
	TierList
	// TierSingleMember: one seat per district of a set of single-member
	// districts, to the winner's party.
	TierSingleMember
	// TierReserved: seats filled outside the count.
	TierReserved
)

var tierKindNames = []string{"TIER_KIND_UNSPECIFIED", "LIST", "SINGLE_MEMBER", "RESERVED"}

func (k TierKind) String() string { return enumName(tierKindNames, int(k)) }

// TierLink says how a tier relates to its linked tier.
type TierLink int

const (
	// TierLinkUnspecified is read as TierParallel.
	TierLinkUnspecified TierLink = iota
	// TierParallel: the tier is filled on its own.
	TierParallel
	// TierCompensatory: the list votes share this tier and the linked one
	// together; seats won in the linked tier beyond the share are kept
	// (overhang, the chamber grows).
	TierCompensatory
	// TierLeveling: as compensatory, but a party over its share is set
	// aside with its seats and the shares are computed again among the
	// others; the chamber keeps its size.
	TierLeveling
)

var tierLinkNames = []string{"TIER_LINK_UNSPECIFIED", "PARALLEL", "COMPENSATORY", "LEVELING"}

func (l TierLink) String() string { return enumName(tierLinkNames, int(l)) }

// Tier is one tier of a chamber. Which fields apply depends on Kind.
type Tier struct {
	ID          string   `json:"id"`
	DisplayName string   `json:"display_name,omitempty"`
	Kind        TierKind `json:"kind"`
	Seats       int      `json:"seats"`
	// List tier: the party-list contest and the seats service's preset
	// ("presets/{id}"; empty: the contest's SeatPreset); districts when the
	// tier is elected in districts.
	Contest   string         `json:"contest,omitempty"`
	Preset    string         `json:"preset,omitempty"`
	Districts []TierDistrict `json:"districts,omitempty"`
	// Single-member tier: the id of a set of SingleMemberDistricts.
	SingleMemberDistricts string `json:"single_member_districts,omitempty"`
	// Reserved tier: who fills the seats, in words.
	ReservedFor string   `json:"reserved_for,omitempty"`
	Link        TierLink `json:"link,omitempty"`
	LinkedTier  string   `json:"linked_tier,omitempty"`
}

// TierDistrict is a district of a list tier elected in districts.
type TierDistrict struct {
	Unit  string `json:"unit"`
	Seats int    `json:"seats"`
}

// MaxChamberSeats bounds a chamber's seats (and so each tier's): the
// largest chambers have about 3,000 members.
const MaxChamberSeats = 100_000

// Expand returns e with one single-winner contest per single-member
// district appended to its contests, in set and district order. A contest
// that is already there with exactly the expanded content (a definition
// read back with GetElection and sent again) is kept where it is, so
// Expand(Expand(e)) equals Expand(e). e is not modified.
func Expand(e Election) Election {
	if len(e.SingleMemberDistricts) == 0 {
		return e
	}
	out := e
	out.Contests = append([]Contest(nil), e.Contests...)
	have := map[string]int{}
	for i, c := range out.Contests {
		have[c.ID] = i
	}
	for _, s := range e.SingleMemberDistricts {
		for _, d := range s.Districts {
			c := s.contest(d)
			if i, ok := have[c.ID]; ok && sameContest(out.Contests[i], c) {
				continue
			}
			have[c.ID] = len(out.Contests)
			out.Contests = append(out.Contests, c)
		}
	}
	return out
}

// contest is the single-winner contest of district d.
func (s SingleMemberDistricts) contest(d SingleMemberDistrict) Contest {
	name := d.DisplayName
	if name == "" {
		name = d.Unit
	}
	title := name
	if s.DisplayName != "" {
		title = s.DisplayName + ": " + name
	}
	cands := make([]Choice, len(d.Candidates))
	for i, ch := range d.Candidates {
		if ch.BallotOrder == 0 {
			ch.BallotOrder = i + 1
		}
		cands[i] = ch
	}
	return Contest{
		ID: s.ContestID(d), DisplayName: title, Kind: SingleWinner, Choices: cands, Form: s.Form,
		ThresholdBase: s.ThresholdBase, MajorityPercent: s.MajorityPercent, MajorityBase: s.MajorityBase,
		Runoff: s.Runoff, District: d.Unit,
	}
}

func sameContest(a, b Contest) bool {
	return fmt.Sprintf("%#v", a) == fmt.Sprintf("%#v", b)
}

// expandedFrom maps the index of an expanded contest back to its set and
// district, for error paths: -1, -1 for a contest of the definition.
func expandedFrom(e Election, nDefined, i int) (set, district int) {
	if i < nDefined {
		return -1, -1
	}
	k := i - nDefined
	for si, s := range e.SingleMemberDistricts {
		if k < len(s.Districts) {
			return si, k
		}
		k -= len(s.Districts)
	}
	return -1, -1
}

// checkSingleMemberDistricts checks the sets against the definition's
// units: every district a non-station unit of them, named once in its set.
func checkSingleMemberDistricts(e Election, units map[string]Unit) error {
	ids := map[string]bool{}
	for si, s := range e.SingleMemberDistricts {
		p := fmt.Sprintf("single_member_districts[%d]", si)
		if !isSlug(s.ID, 40) {
			return NewFieldError(p+".id", "INVALID_ID", "set ID %q must be 1-40 lowercase letters, digits and hyphens", s.ID)
		}
		if ids[s.ID] {
			return NewFieldError(p+".id", "DUPLICATE_ID", "set %q defined twice", s.ID)
		}
		ids[s.ID] = true
		if len(s.Districts) == 0 {
			return NewFieldError(p+".districts", "REQUIRED", "a set of single-member districts needs districts")
		}
		seen := map[string]int{}
		for di, d := range s.Districts {
			dp := fmt.Sprintf("%s.districts[%d]", p, di)
			if d.Unit == "" {
				return NewFieldError(dp+".unit", "REQUIRED", "a district names its unit")
			}
			if j, dup := seen[d.Unit]; dup {
				return NewFieldError(dp+".unit", "DUPLICATE_DISTRICT", "unit %q is already district %d", d.Unit, j)
			}
			seen[d.Unit] = di
			if err := checkDistrictUnit(units, d.Unit); err != nil {
				return PrefixField(dp+".unit", err)
			}
			if len(d.Candidates) == 0 {
				return NewFieldError(dp+".candidates", "REQUIRED", "a district needs candidates")
			}
		}
	}
	return nil
}

// checkDistrictUnit checks that a district's unit is in the definition's
// hierarchy and is not a station.
//
// A definition over gRPC carries no units (they follow with
// BatchCreateReportingUnits), so there nothing can be checked here: the
// seats service refuses a district without totals when it composes, and
// the tally refuses every protocol of a district whose unit is missing.
func checkDistrictUnit(units map[string]Unit, id string) error {
	if !IsValidUnitID(id) {
		return NewFieldError("", "INVALID_ID", "unit ID %q is not a valid unit id", id)
	}
	if len(units) == 0 {
		return nil
	}
	u, ok := units[id]
	if !ok {
		return NewFieldError("", "UNIT_NOT_IN_HIERARCHY", "unit %q is not among the definition's units (a definition with districts carries the units they name)", id)
	}
	if u.IsStation() {
		return NewFieldError("", "NOT_A_STATION", "unit %q is a station; a district is a unit above stations", id)
	}
	return nil
}

// lastSegment is the id at the end of a resource name ("elections/e/contests/c"
// gives "c"); an id gives itself.
func lastSegment(s string) string {
	if i := strings.LastIndexByte(s, '/'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// checkChambers checks the chambers: ids, tiers that add up to the
// chamber's seats, each tier's fields against its kind, the contests, sets,
// units and linked tiers they name.
func checkChambers(e Election, units map[string]Unit) error {
	contests := map[string]Contest{}
	for _, c := range e.Contests {
		contests[c.ID] = c
	}
	sets := map[string]SingleMemberDistricts{}
	for _, s := range e.SingleMemberDistricts {
		sets[s.ID] = s
	}
	ids := map[string]bool{}
	for ci, ch := range e.Chambers {
		p := fmt.Sprintf("chambers[%d]", ci)
		if !isSlug(ch.ID, 63) {
			return NewFieldError(p+".name", "INVALID_ID", "chamber ID %q must be 1-63 lowercase letters, digits and hyphens", ch.ID)
		}
		if ids[ch.ID] {
			return NewFieldError(p+".name", "DUPLICATE_ID", "chamber %q defined twice", ch.ID)
		}
		ids[ch.ID] = true
		if ch.Seats <= 0 || ch.Seats > MaxChamberSeats {
			return NewFieldError(p+".seats", "OUT_OF_RANGE", "a chamber has 1..%d seats, not %d", MaxChamberSeats, ch.Seats)
		}
		if len(ch.Tiers) == 0 {
			return NewFieldError(p+".tiers", "REQUIRED", "a chamber needs at least one tier")
		}
		tiers := map[string]Tier{}
		sum := 0
		for ti, t := range ch.Tiers {
			tp := fmt.Sprintf("%s.tiers[%d]", p, ti)
			if err := checkTier(t, tiers, contests, sets, units); err != nil {
				return PrefixField(tp, err)
			}
			tiers[t.ID] = t
			sum += t.Seats
		}
		if sum != ch.Seats {
			return NewFieldError(p+".seats", "TIERS_DO_NOT_ADD_UP", "the tiers have %d seats, the chamber %d", sum, ch.Seats)
		}
	}
	return nil
}

func checkTier(t Tier, earlier map[string]Tier, contests map[string]Contest, sets map[string]SingleMemberDistricts, units map[string]Unit) error {
	if !isSlug(t.ID, 63) {
		return NewFieldError("id", "INVALID_ID", "tier ID %q must be 1-63 lowercase letters, digits and hyphens", t.ID)
	}
	if _, dup := earlier[t.ID]; dup {
		return NewFieldError("id", "DUPLICATE_ID", "tier %q defined twice", t.ID)
	}
	if t.Seats <= 0 || t.Seats > MaxChamberSeats {
		return NewFieldError("seats", "OUT_OF_RANGE", "a tier has 1..%d seats, not %d", MaxChamberSeats, t.Seats)
	}
	notFor := func(field string, set bool) error {
		if set {
			return NewFieldError(field, "NOT_APPLICABLE", "%s does not apply to a %v tier", field, t.Kind)
		}
		return nil
	}
	var errs []error
	switch t.Kind {
	case TierList:
		c, ok := contests[lastSegment(t.Contest)]
		switch {
		case t.Contest == "":
			return NewFieldError("contest", "REQUIRED", "a list tier names its party-list contest")
		case !ok:
			return NewFieldError("contest", "UNKNOWN_IDENTIFIER", "no contest %q in this election", t.Contest)
		case c.Kind != PartyList:
			return NewFieldError("contest", "INVALID_KIND", "contest %q is %v; a list tier needs a party-list contest", c.ID, c.Kind)
		}
		if t.Preset == "" && c.SeatPreset == "" {
			return NewFieldError("preset", "REQUIRED", "a list tier names the seats service's preset of its rule (presets/{id}), unless its contest names a seat_preset")
		}
		if id, ok := strings.CutPrefix(t.Preset, "presets/"); t.Preset != "" && (!ok || !isSlug(id, 63)) {
			return NewFieldError("preset", "BAD_NAME", "preset %q must be presets/{id}", t.Preset)
		}
		if len(t.Districts) > 0 {
			seen := map[string]int{}
			sum := 0
			for di, d := range t.Districts {
				dp := fmt.Sprintf("districts[%d]", di)
				if j, dup := seen[d.Unit]; dup {
					return NewFieldError(dp+".unit", "DUPLICATE_DISTRICT", "unit %q is already district %d", d.Unit, j)
				}
				seen[d.Unit] = di
				if err := checkDistrictUnit(units, d.Unit); err != nil {
					return PrefixField(dp+".unit", err)
				}
				if d.Seats <= 0 {
					return NewFieldError(dp+".seats", "OUT_OF_RANGE", "a district has at least one seat")
				}
				sum += d.Seats
			}
			if sum != t.Seats {
				return NewFieldError("seats", "TIERS_DO_NOT_ADD_UP", "the districts have %d seats, the tier %d", sum, t.Seats)
			}
		}
		errs = append(errs, notFor("single_member_districts", t.SingleMemberDistricts != ""), notFor("reserved_for", t.ReservedFor != ""))
	case TierSingleMember:
		s, ok := sets[t.SingleMemberDistricts]
		switch {
		case t.SingleMemberDistricts == "":
			return NewFieldError("single_member_districts", "REQUIRED", "a single-member tier names a set of single_member_districts")
		case !ok:
			return NewFieldError("single_member_districts", "UNKNOWN_IDENTIFIER", "no set of single-member districts %q", t.SingleMemberDistricts)
		case len(s.Districts) != t.Seats:
			return NewFieldError("seats", "TIERS_DO_NOT_ADD_UP", "set %q has %d districts, the tier %d seats", s.ID, len(s.Districts), t.Seats)
		}
		errs = append(errs, notFor("contest", t.Contest != ""), notFor("preset", t.Preset != ""), notFor("districts", len(t.Districts) > 0), notFor("reserved_for", t.ReservedFor != ""))
	case TierReserved:
		if t.ReservedFor == "" {
			return NewFieldError("reserved_for", "REQUIRED", "a reserved tier says who fills its seats")
		}
		errs = append(errs, notFor("contest", t.Contest != ""), notFor("preset", t.Preset != ""), notFor("districts", len(t.Districts) > 0), notFor("single_member_districts", t.SingleMemberDistricts != ""))
	default:
		return NewFieldError("kind", "INVALID_KIND", "tier kind must be LIST, SINGLE_MEMBER or RESERVED")
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	switch t.Link {
	case TierLinkUnspecified, TierParallel:
		if t.LinkedTier != "" {
			return NewFieldError("linked_tier", "NOT_APPLICABLE", "a parallel tier is linked to no other tier")
		}
	case TierCompensatory, TierLeveling:
		if t.Kind != TierList {
			return NewFieldError("link", "NOT_APPLICABLE", "only a list tier compensates another tier")
		}
		if t.LinkedTier == "" {
			return NewFieldError("linked_tier", "REQUIRED", "a %v tier names the tier it compensates", t.Link)
		}
		lt, ok := earlier[t.LinkedTier]
		if !ok {
			return NewFieldError("linked_tier", "UNKNOWN_IDENTIFIER", "no earlier tier %q in this chamber", t.LinkedTier)
		}
		if lt.Kind == TierReserved || lt.Link == TierCompensatory || lt.Link == TierLeveling {
			return NewFieldError("linked_tier", "NOT_APPLICABLE", "tier %q cannot be compensated: a tier compensates a single-member or parallel list tier", lt.ID)
		}
	default:
		return NewFieldError("link", "INVALID_KIND", "tier link must be PARALLEL, COMPENSATORY or LEVELING")
	}
	return nil
}
