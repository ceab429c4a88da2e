package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/apportion/casefile"
	"github.com/mandate-project/mandate/services/seats/apportionpb"
)

// explicitRule holds the flags that give a legal rule without a preset:
// either a file with the rule fields of a case file (docs/case-files.md),
// or the fields one by one.
type explicitRule struct {
	file, method, firstDivisor, threshold, ties *string
	seats, reserved, minSeats, maxSeats         *int
	thresholdBase, thresholdVotes               *int64
	runnerUp                                    *bool
	seed                                        *uint64
}

func ruleFlags(fs *flag.FlagSet) *explicitRule {
	return &explicitRule{
		file:           fs.String("rule", "", "legal rule as JSON with the rule fields of a case file (method, seats, threshold, ...; see docs/case-files.md)"),
		method:         fs.String("method", "", "explicit rule: method (dhondt, sainte_lague, modified_sainte_lague, hare, droop, ...)"),
		seats:          fs.Int("seats", 0, "explicit rule: seats to distribute"),
		reserved:       fs.Int("reserved", 0, "explicit rule: seats of the house not distributed here"),
		firstDivisor:   fs.String("first-divisor", "", "explicit rule: first divisor of modified_sainte_lague, e.g. 1.4"),
		threshold:      fs.String("threshold", "", "explicit rule: threshold percentage, exact decimal, e.g. 7 or 5.5"),
		thresholdBase:  fs.Int64("threshold-base", 0, "explicit rule: base of the threshold percentage; 0 = the contest's legal base"),
		thresholdVotes: fs.Int64("threshold-votes", 0, "explicit rule: absolute threshold in votes"),
		runnerUp:       fs.Bool("runner-up", false, "explicit rule: if one party qualifies, the strongest failed party takes part too"),
		minSeats:       fs.Int("min-seats", 0, "explicit rule: seats given first to every participating party"),
		maxSeats:       fs.Int("max-seats", 0, "explicit rule: cap on a party's seats; 0 = none"),
		ties:           fs.String("ties", "", "explicit rule: more_votes, ballot_order, lot or undecided"),
		seed:           fs.Uint64("seed", 0, "explicit rule: seed of a lot"),
	}
}

// rule returns the explicit rule given, or nil when none was (a preset
// then names the rule).
func (e *explicitRule) rule() (*seatsv1.Rule, error) {
	var c casefile.Case
	switch {
	case *e.file != "" && *e.method != "":
		return nil, fmt.Errorf("%w: give --rule FILE or --method, not both", errUsage)
	case *e.file != "":
		data, err := os.ReadFile(*e.file)
		if err != nil {
			return nil, err
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		var rf struct {
			Method             string              `json:"method"`
			Seats              int                 `json:"seats"`
			Reserved           int                 `json:"reserved"`
			FirstDivisor       *casefile.Decimal   `json:"first_divisor"`
			Threshold          *casefile.Threshold `json:"threshold"`
			RunnerUpGuaranteed bool                `json:"runner_up_guaranteed"`
			MinSeatsPerParty   int                 `json:"min_seats_per_party"`
			MaxSeatsPerParty   int                 `json:"max_seats_per_party"`
			Overhang           bool                `json:"overhang"`
			Ties               string              `json:"ties"`
			Seed               uint64              `json:"seed"`
			RulesText          string              `json:"rules_text"`
			SourceURLs         []string            `json:"source_urls"`
		}
		if err := dec.Decode(&rf); err != nil {
			return nil, fmt.Errorf("--rule %s: %w", *e.file, err)
		}
		c = casefile.Case{ID: *e.file, Method: rf.Method, Seats: rf.Seats, Reserved: rf.Reserved, FirstDivisor: rf.FirstDivisor,
			Threshold: rf.Threshold, RunnerUpGuaranteed: rf.RunnerUpGuaranteed, MinSeatsPerParty: rf.MinSeatsPerParty,
			MaxSeatsPerParty: rf.MaxSeatsPerParty, Overhang: rf.Overhang, Ties: rf.Ties, Seed: rf.Seed}
	case *e.method != "":
		c = casefile.Case{ID: "--method", Method: *e.method, Seats: *e.seats, Reserved: *e.reserved, RunnerUpGuaranteed: *e.runnerUp,
			MinSeatsPerParty: *e.minSeats, MaxSeatsPerParty: *e.maxSeats, Ties: *e.ties, Seed: *e.seed}
		if *e.firstDivisor != "" {
			d, err := apportion.ParseDecimal(*e.firstDivisor)
			if err != nil {
				return nil, fmt.Errorf("%w: --first-divisor: %v", errUsage, err)
			}
			c.FirstDivisor = &casefile.Decimal{Rat: d}
		}
		if *e.threshold != "" || *e.thresholdVotes != 0 {
			c.Threshold = &casefile.Threshold{OfTotal: *e.thresholdBase, Votes: *e.thresholdVotes}
			if *e.threshold != "" {
				p, err := apportion.ParseDecimal(*e.threshold)
				if err != nil {
					return nil, fmt.Errorf("%w: --threshold: %v", errUsage, err)
				}
				c.Threshold.Percent = &casefile.Decimal{Rat: p}
			}
		}
	default:
		return nil, nil
	}
	r, err := c.Rule()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	// The seats server validates the rule and names the field that is wrong.
	return apportionpb.RuleToProto(r), nil
}
