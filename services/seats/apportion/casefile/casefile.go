// Package casefile reads the apportionment conformance-corpus JSON schema
// (see shared/corpus/README.md) into apportion.Party values and an
// apportion.Rule, and exposes the expected official seats. It is used by the
// apportion tests and by command-line tools. Standard library only.
package casefile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"os"
	"strconv"
	"strings"

	"github.com/mandate-project/mandate/services/seats/apportion"
)

// Decimal is a number written either as a JSON string ("1.4", "5") or a
// JSON number; it is kept exact as a big.Rat.
type Decimal struct{ Rat *big.Rat }

// UnmarshalJSON accepts "1.4", 1.4, "7/5" and integers, exactly, by the
// same rule as the API (apportion.ParseDecimal: no exponents).
func (d *Decimal) UnmarshalJSON(b []byte) error {
	s := strings.TrimSpace(string(b))
	if s == "null" {
		d.Rat = nil
		return nil
	}
	if strings.HasPrefix(s, `"`) {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
	}
	r, err := apportion.ParseDecimal(s)
	if err != nil {
		return err
	}
	d.Rat = r
	return nil
}

// Threshold mirrors the corpus "threshold" object. Unknown fields (like
// "note") are ignored.
type Threshold struct {
	Percent               *Decimal `json:"percent"`
	OfTotal               int64    `json:"of_total"`
	Votes                 int64    `json:"votes"`
	OrDistrictWinsAtLeast int64    `json:"or_district_wins_at_least"`
	Note                  string   `json:"note"`
}

// Party mirrors one entry of "parties".
type Party struct {
	ID            string `json:"id"` // optional; the corpus identifies parties by name
	Name          string `json:"name"`
	Votes         int64  `json:"votes"`
	DistrictWins  int64  `json:"district_wins"`
	Exempt        bool   `json:"exempt"`
	BallotOrder   int    `json:"ballot_order"`
	OfficialSeats *int   `json:"official_seats"`
}

// Case is one corpus file.
type Case struct {
	ID                 string     `json:"id"`
	Title              string     `json:"title"`
	Seats              int        `json:"seats"`
	Reserved           int        `json:"reserved"`
	Method             string     `json:"method"`
	FirstDivisor       *Decimal   `json:"first_divisor"`
	Threshold          *Threshold `json:"threshold"`
	RunnerUpGuaranteed bool       `json:"runner_up_guaranteed"`
	MinSeatsPerParty   int        `json:"min_seats_per_party"`
	MaxSeatsPerParty   int        `json:"max_seats_per_party"`
	Overhang           bool       `json:"overhang"`
	Ties               string     `json:"ties"`
	Seed               uint64     `json:"seed"`
	SkipMargins        bool       `json:"skip_margins"`   // as ApportionRequest.skip_margins
	IncludeAwards      bool       `json:"include_awards"` // as ApportionRequest.include_awards
	Parties            []Party    `json:"parties"`
	RulesText          string     `json:"rules_text"`
	Notes              string     `json:"notes"`
	SourceURLs         []string   `json:"source_urls"`
}

// Parse decodes one case file. Unknown fields are tolerated; numbers must be
// integers where the schema says int; nothing may follow the JSON object;
// party ids (the explicit "id", else the name) must be unique.
func Parse(data []byte) (*Case, error) {
	var c Case
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("casefile: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("casefile: text after the JSON object at offset %d", dec.InputOffset())
	}
	if len(c.Parties) == 0 {
		return nil, fmt.Errorf("casefile: %s: no parties", c.ID)
	}
	seen := map[string]int{}
	for i, p := range c.Parties {
		id, field := p.ID, "id"
		if id == "" {
			id, field = p.Name, "name"
		}
		if id == "" {
			continue
		}
		if j, dup := seen[id]; dup {
			return nil, fmt.Errorf("casefile: parties[%d].%s: %q is already used by parties[%d]", i, field, id, j)
		}
		seen[id] = i
	}
	return &c, nil
}

// Load reads and parses a case file.
func Load(path string) (*Case, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// ApportionParties converts the parties. IDs are the explicit "id" when
// given, else the name (Parse refused repeats), else "party<n>".
func (c *Case) ApportionParties() []apportion.Party {
	out := make([]apportion.Party, len(c.Parties))
	for i, p := range c.Parties {
		id := p.ID
		if id == "" {
			id = p.Name
		}
		if id == "" {
			id = "party" + strconv.Itoa(i+1)
		}
		out[i] = apportion.Party{
			ID: id, Name: p.Name, Votes: p.Votes, DistrictWins: p.DistrictWins,
			Exempt: p.Exempt, BallotOrder: p.BallotOrder,
		}
	}
	return out
}

// Rule converts the case's rule fields. Errors concern the method or tie
// rule names; everything else is checked by apportion.Validate.
func (c *Case) Rule() (apportion.Rule, error) {
	m, err := apportion.ParseMethod(c.Method)
	if err != nil {
		return apportion.Rule{}, fmt.Errorf("casefile: %s: %w", c.ID, err)
	}
	t, err := apportion.ParseTieRule(c.Ties)
	if err != nil {
		return apportion.Rule{}, fmt.Errorf("casefile: %s: %w", c.ID, err)
	}
	r := apportion.Rule{
		Method: m, Seats: c.Seats, Reserved: c.Reserved,
		RunnerUpGuaranteed: c.RunnerUpGuaranteed, MinSeatsPerParty: c.MinSeatsPerParty,
		MaxSeatsPerParty: c.MaxSeatsPerParty, Overhang: c.Overhang, Ties: t, Seed: c.Seed,
		NoMargins: c.SkipMargins, Steps: c.IncludeAwards,
	}
	if c.FirstDivisor != nil && c.FirstDivisor.Rat != nil {
		r.FirstDivisor = new(big.Rat).Set(c.FirstDivisor.Rat)
	}
	if th := c.Threshold; th != nil {
		r.Threshold = &apportion.Threshold{
			Base: th.OfTotal, Votes: th.Votes, OrDistrictWinsAtLeast: th.OrDistrictWinsAtLeast,
		}
		if th.Percent != nil && th.Percent.Rat != nil {
			r.Threshold.Percent = new(big.Rat).Set(th.Percent.Rat)
		}
	}
	return r, nil
}

// Expected returns the official seats per party in input order; ok is false
// when any party lacks "official_seats".
func (c *Case) Expected() (seats []int, ok bool) {
	seats = make([]int, len(c.Parties))
	for i, p := range c.Parties {
		if p.OfficialSeats == nil {
			return nil, false
		}
		seats[i] = *p.OfficialSeats
	}
	return seats, true
}
