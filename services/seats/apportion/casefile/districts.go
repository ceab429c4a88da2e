package casefile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"sort"

	"strings"

	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/apportion/districts"
)

// DistrictCase is one file of the multi-district corpus
// (shared/corpus-districts/README.md): the chamber and the official seats.
type DistrictCase struct {
	ID      string
	Title   string
	Chamber districts.Chamber
	// Official[j][i]: list j's official seats in district i (-1 = not given).
	Official [][]int
	// OfficialLeveling[j][i]: official leveling seats (Leveling), nil otherwise.
	OfficialLeveling [][]int
	RulesText, Notes string
}

// IsDistrictCase reports whether a case file uses the multi-district schema
// (it has a "family").
func IsDistrictCase(data []byte) bool {
	var probe struct {
		Family *string `json:"family"`
	}
	return json.Unmarshal(data, &probe) == nil && probe.Family != nil
}

type dcDistrict struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	Seats         int    `json:"seats"`
	LevelingSeats int    `json:"leveling_seats"`
	Population    int64  `json:"population"`
	AreaKm2       int64  `json:"area_km2"`
	ThresholdBase int64  `json:"threshold_base_votes"`
}

type dcParty struct {
	ID               string                     `json:"id"`
	Name             string                     `json:"name"`
	Votes            map[string]json.RawMessage `json:"votes"`
	OfficialSeats    map[string]int             `json:"official_seats"`
	OfficialLeveling map[string]int             `json:"official_leveling_seats"`
	ListNumber       int                        `json:"list_number"`
	Exempt           bool                       `json:"exempt"`
}

type dcMethod struct {
	Method       string   `json:"method"`
	FirstDivisor *Decimal `json:"first_divisor"`
}

type dcThreshold struct {
	Percent  *Decimal `json:"percent"`
	Base     any      `json:"base"`
	BaseVote int64    `json:"base_votes"`
	Exempt   []string `json:"exempt"`
}

type dcRule struct {
	// independent
	Method            *dcMethod    `json:"method"`
	DistrictThreshold *dcThreshold `json:"district_threshold"`
	NationalThreshold *dcThreshold `json:"national_threshold"`
	TieBreak          string       `json:"tie_break"`
	Seed              uint64       `json:"seed"`
	// biproportional
	VotesKind      string `json:"votes_kind"`
	Weighting      string `json:"weighting"`
	WeightRounding string `json:"weight_rounding"`
	Quorum         *struct {
		AnyDistrictPercent *Decimal `json:"any_district_percent"`
		TotalPercent       *Decimal `json:"total_percent"`
		Combine            string   `json:"combine"`
	} `json:"quorum"`
	Upper                    *dcMethod `json:"upper"`
	Lower                    *dcMethod `json:"lower"`
	DistrictWinnerMinOneSeat bool      `json:"district_winner_min_one_seat"`
	DistrictWinnerTie        string    `json:"district_winner_tie"`
	// leveling
	DistrictSeats *dcMethod `json:"district_seats"`
	Leveling      *struct {
		Threshold      *dcThreshold `json:"threshold"`
		NationalSeats  int          `json:"national_seats"`
		NationalMethod *dcMethod    `json:"national_method"`
		Allocation     *struct {
			ZeroSeatDivisor *Decimal `json:"zero_seat_divisor"`
		} `json:"allocation_to_districts"`
	} `json:"leveling"`
}

type dcFile struct {
	ID                    string       `json:"id"`
	Title                 string       `json:"title"`
	Family                string       `json:"family"`
	Seats                 int          `json:"seats"`
	Districts             []dcDistrict `json:"districts"`
	Parties               []dcParty    `json:"parties"`
	Rule                  dcRule       `json:"rule"`
	DistrictApportionment *struct {
		TotalSeats int      `json:"total_seats"`
		Method     string   `json:"method"`
		AreaFactor *Decimal `json:"area_factor"`
	} `json:"district_apportionment"`
	RulesText string `json:"rules_text"`
	Notes     string `json:"notes"`
}

// ParseDistricts decodes a multi-district case. Problems of the file's own
// shape (unknown district ids, votes that are not numbers, unknown names)
// are returned as *apportion.ValidationError with paths into the file
// (parties[3].votes.Zug, the key as written); the rest is checked by districts.Validate.
func ParseDistricts(data []byte) (*DistrictCase, error) {
	var f dcFile
	if err := json.NewDecoder(bytes.NewReader(data)).Decode(&f); err != nil {
		return nil, fmt.Errorf("casefile: %w", err)
	}
	var errs []*apportion.FieldError
	bad := func(field, reason, format string, args ...any) {
		errs = append(errs, &apportion.FieldError{Field: field, Reason: reason, Message: fmt.Sprintf(format, args...)})
	}
	dc := &DistrictCase{ID: f.ID, Title: f.Title, RulesText: f.RulesText, Notes: f.Notes}
	fam, err := districts.ParseFamily(f.Family)
	if err != nil {
		bad("family", "FAMILY_UNKNOWN", "family must be independent, biproportional or leveling, got %q", f.Family)
	}
	ch := &dc.Chamber
	dIdx := map[string]int{}
	for i, d := range f.Districts {
		if _, dup := dIdx[d.ID]; !dup {
			dIdx[d.ID] = i
		}
		ch.Districts = append(ch.Districts, districts.District{
			ID: d.ID, Name: d.Name, Seats: d.Seats, LevelingSeats: d.LevelingSeats,
			ThresholdBase: d.ThresholdBase, Population: d.Population, AreaKm2: d.AreaKm2,
		})
	}
	ch.Seats = f.Seats
	for j, p := range f.Parties {
		l := districts.List{ID: p.ID, Name: p.Name, Votes: make([]*big.Rat, len(f.Districts)), BallotOrder: p.ListNumber, Exempt: p.Exempt}
		if l.ID == "" {
			l.ID = p.Name
		}
		for _, k := range sortedKeys(p.Votes) {
			field := fmt.Sprintf("parties[%d].votes.%s", j, k)
			i, ok := dIdx[k]
			if !ok {
				bad(field, "UNKNOWN_DISTRICT", "no district %q", k)
				continue
			}
			v, ok := voteValue(p.Votes[k])
			switch {
			case !ok:
				bad(field, "BAD_VOTES", "votes must be a number or a decimal string, got %s", string(p.Votes[k]))
			case v.Sign() < 0:
				bad(field, "NEGATIVE_VOTES", "votes must be >= 0, got %s", v.RatString())
			default:
				l.Votes[i] = v
			}
		}
		off := make([]int, len(f.Districts))
		for i := range off {
			off[i] = 0
		}
		for k, s := range p.OfficialSeats {
			if i, ok := dIdx[k]; ok {
				off[i] = s
			} else {
				bad(fmt.Sprintf("parties[%d].official_seats.%s", j, k), "UNKNOWN_DISTRICT", "no district %q", k)
			}
		}
		dc.Official = append(dc.Official, off)
		if fam == districts.Leveling {
			lev := make([]int, len(f.Districts))
			for k, s := range p.OfficialLeveling {
				if i, ok := dIdx[k]; ok {
					lev[i] = s
				} else {
					bad(fmt.Sprintf("parties[%d].official_leveling_seats.%s", j, k), "UNKNOWN_DISTRICT", "no district %q", k)
				}
			}
			dc.OfficialLeveling = append(dc.OfficialLeveling, lev)
		}
		ch.Lists = append(ch.Lists, l)
	}
	rule, rerrs := f.rule(fam, ch)
	errs = append(errs, rerrs...)
	ch.Rule = rule
	if len(errs) > 0 {
		return nil, &apportion.ValidationError{Errors: errs}
	}
	return dc, nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// voteValue reads a JSON integer or a decimal string exactly.
func voteValue(raw json.RawMessage) (*big.Rat, bool) {
	s := strings.TrimSpace(string(raw))
	if strings.HasPrefix(s, `"`) {
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, false
		}
		s = strings.TrimSpace(s)
	}
	if s == "" || strings.ContainsAny(s, "eE/") || len(s) > 40 {
		return nil, false
	}
	r, ok := new(big.Rat).SetString(s)
	return r, ok
}

func ratOf(d *Decimal) *big.Rat {
	if d == nil || d.Rat == nil {
		return nil
	}
	return new(big.Rat).Set(d.Rat)
}

func methodOf(m *dcMethod, field string, bad func(field, reason, format string, args ...any)) (apportion.Method, *big.Rat) {
	if m == nil {
		bad(field, "METHOD_REQUIRED", "a method is required")
		return apportion.MethodUnspecified, nil
	}
	pm, err := apportion.ParseMethod(m.Method)
	if err != nil {
		bad(field+".method", "METHOD_UNKNOWN", "unknown method %q", m.Method)
	}
	return pm, ratOf(m.FirstDivisor)
}

func (f *dcFile) rule(fam districts.Family, ch *districts.Chamber) (districts.Rule, []*apportion.FieldError) {
	var errs []*apportion.FieldError
	bad := func(field, reason, format string, args ...any) {
		errs = append(errs, &apportion.FieldError{Field: field, Reason: reason, Message: fmt.Sprintf(format, args...)})
	}
	r := districts.Rule{Family: fam, Seed: f.Rule.Seed}
	fr := f.Rule
	switch fam {
	case districts.Independent:
		r.Method, r.FirstDivisor = methodOf(fr.Method, "rule.method", bad)
		if t := fr.DistrictThreshold; t != nil {
			r.DistrictThreshold = ratOf(t.Percent)
		}
		if t := fr.NationalThreshold; t != nil {
			r.NationalThreshold = &districts.NationalThreshold{Percent: ratOf(t.Percent), Base: t.BaseVote}
			ex := map[string]bool{}
			for _, id := range t.Exempt {
				ex[id] = true
			}
			for j := range ch.Lists {
				if ex[ch.Lists[j].ID] {
					ch.Lists[j].Exempt = true
				}
			}
		}
		ties, err := tieOf(fr.TieBreak)
		if err != nil {
			bad("rule.tie_break", "TIE_RULE_UNKNOWN", "%v", err)
		}
		r.Ties = ties
	case districts.Biproportional:
		b := &districts.BiproportionalRule{DistrictWinnerMinOneSeat: fr.DistrictWinnerMinOneSeat}
		b.UpperMethod, b.UpperFirstDivisor = methodOf(fr.Upper, "rule.upper", bad)
		lm, _ := methodOf(fr.Lower, "rule.lower", bad)
		b.LowerMethod = lm
		switch fr.Weighting {
		case "divide_by_district_seats", "":
			b.Weighting = districts.WeightBySeats
			if fr.VotesKind == "voter_numbers" && fr.Weighting == "" {
				b.Weighting = districts.WeightNone
			}
		case "none":
			b.Weighting = districts.WeightNone
		default:
			bad("rule.weighting", "WEIGHTING_UNKNOWN", "weighting must be divide_by_district_seats or none, got %q", fr.Weighting)
		}
		switch fr.WeightRounding {
		case "", "none":
		case "nearest_integer_half_up":
			b.RoundWeights = true
		default:
			bad("rule.weight_rounding", "WEIGHT_ROUNDING_UNKNOWN", "weight_rounding must be none or nearest_integer_half_up, got %q", fr.WeightRounding)
		}
		if q := fr.Quorum; q != nil {
			b.Quorum = &districts.Quorum{AnyDistrictPercent: ratOf(q.AnyDistrictPercent), TotalPercent: ratOf(q.TotalPercent)}
			switch q.Combine {
			case "", "or":
			case "and":
				b.Quorum.All = true
			default:
				bad("rule.quorum.combine", "QUORUM_COMBINE_UNKNOWN", "combine must be or or and, got %q", q.Combine)
			}
		}
		b.WinnerTieException = fr.DistrictWinnerTie != ""
		r.Biproportional = b
	case districts.Leveling:
		r.Method, r.FirstDivisor = methodOf(fr.DistrictSeats, "rule.district_seats", bad)
		l := &districts.LevelingRule{ZeroSeatDivisor: big.NewRat(1, 1)}
		if lv := fr.Leveling; lv != nil {
			if lv.Threshold != nil {
				l.ThresholdPercent = ratOf(lv.Threshold.Percent)
			}
			l.NationalSeats = lv.NationalSeats
			l.NationalMethod, l.NationalFirstDivisor = methodOf(lv.NationalMethod, "rule.leveling.national_method", bad)
			if a := lv.Allocation; a != nil && a.ZeroSeatDivisor != nil {
				l.ZeroSeatDivisor = ratOf(a.ZeroSeatDivisor)
			}
		} else {
			bad("rule.leveling", "RULE_REQUIRED", "the leveling rule is required")
		}
		r.Leveling = l
	}
	if da := f.DistrictApportionment; da != nil {
		m, err := apportion.ParseMethod(da.Method)
		if err != nil {
			bad("district_apportionment.method", "METHOD_UNKNOWN", "unknown method %q", da.Method)
		}
		r.DistrictApportionment = &districts.DistrictApportionment{Seats: da.TotalSeats, Method: m, AreaFactor: ratOf(da.AreaFactor)}
	}
	return r, errs
}

// tieOf reads the corpus tie names (more_votes, ballot_order, lot,
// undecided).
func tieOf(s string) (apportion.TieRule, error) {
	return apportion.ParseTieRule(s)
}

// LoadDistricts reads and parses a multi-district case file.
func LoadDistricts(path string) (*DistrictCase, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c, err := ParseDistricts(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// ListIndex returns the list's index by id, -1 if absent.
func (c *DistrictCase) ListIndex(id string) int {
	for j, l := range c.Chamber.Lists {
		if l.ID == id {
			return j
		}
	}
	return -1
}
