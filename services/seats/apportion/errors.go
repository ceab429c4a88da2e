package apportion

import (
	"fmt"
	"math/big"
	"strings"
)

// FieldError is one problem with the input, addressed by a field path (for
// example "rule.seats" or "parties[3].votes") so a service adapter can map it
// onto its own request fields, with a stable UPPER_SNAKE Reason code and a
// human-readable Message.
type FieldError struct {
	Field   string
	Reason  string
	Message string
}

// Error implements error.
func (e *FieldError) Error() string { return e.Field + ": " + e.Message + " (" + e.Reason + ")" }

// ValidationError is returned by Apportion when Validate finds problems; it
// holds all of them. Use errors.As to get at it.
type ValidationError struct {
	Errors []*FieldError
}

// Error implements error.
func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Errors))
	for i, f := range e.Errors {
		parts[i] = f.Error()
	}
	return "apportion: invalid input: " + strings.Join(parts, "; ")
}

// Unwrap exposes the individual field errors to errors.Is / errors.As.
func (e *ValidationError) Unwrap() []error {
	out := make([]error, len(e.Errors))
	for i, f := range e.Errors {
		out[i] = f
	}
	return out
}

var maxFirstDivisorPart = big.NewInt(1 << 31)

// Validate returns every problem with the input (nil when there is none).
// Besides field checks it also checks the consequences of the rule that can
// make a distribution impossible: nobody qualifies, minimum seats exceeding
// the seats, caps too small, no votes to distribute.
func Validate(parties []Party, rule Rule) []*FieldError {
	var errs []*FieldError
	add := func(field, reason, format string, args ...any) {
		errs = append(errs, &FieldError{Field: field, Reason: reason, Message: fmt.Sprintf(format, args...)})
	}
	if len(parties) == 0 {
		add("parties", "NO_PARTIES", "at least one party is required")
	}
	if len(parties) > MaxParties {
		add("parties", "TOO_MANY_PARTIES", "%d parties, at most %d are supported", len(parties), MaxParties)
		return errs
	}
	ids := make(map[string]int, len(parties))
	orders := map[int]int{}
	var total int64
	overflow := false
	for i, p := range parties {
		f := fmt.Sprintf("parties[%d]", i)
		if p.ID == "" {
			add(f+".id", "ID_REQUIRED", "party id is required")
		} else if j, dup := ids[p.ID]; dup {
			add(f+".id", "DUPLICATE_PARTY_ID", "id %q already used by parties[%d]", p.ID, j)
		} else {
			ids[p.ID] = i
		}
		if p.Votes < 0 {
			add(f+".votes", "NEGATIVE_VOTES", "votes must be >= 0, got %d", p.Votes)
		} else if !overflow {
			total += p.Votes
			if total > MaxTotalVotes || total < 0 {
				overflow = true
				add("parties", "TOTAL_VOTES_TOO_LARGE", "the sum of votes exceeds %d", MaxTotalVotes)
			}
		}
		if p.DistrictWins < 0 {
			add(f+".district_wins", "NEGATIVE_DISTRICT_WINS", "district wins must be >= 0, got %d", p.DistrictWins)
		}
		if p.BallotOrder < 0 {
			add(f+".ballot_order", "NEGATIVE_BALLOT_ORDER", "ballot order must be >= 0, got %d", p.BallotOrder)
		} else if p.BallotOrder > 0 {
			if j, dup := orders[p.BallotOrder]; dup {
				add(f+".ballot_order", "DUPLICATE_BALLOT_ORDER", "ballot order %d already used by parties[%d]", p.BallotOrder, j)
			} else {
				orders[p.BallotOrder] = i
			}
		}
	}
	switch {
	case rule.Method == MethodUnspecified:
		add("rule.method", "METHOD_UNSPECIFIED", "the method is required")
	case rule.Method < 0 || rule.Method >= methodEnd:
		add("rule.method", "METHOD_UNKNOWN", "unknown method %d", int(rule.Method))
	}
	if rule.Seats <= 0 {
		add("rule.seats", "SEATS_NOT_POSITIVE", "seats must be > 0, got %d", rule.Seats)
	} else if rule.Seats > MaxSeats {
		add("rule.seats", "TOO_MANY_SEATS", "%d seats, at most %d are supported", rule.Seats, MaxSeats)
	}
	if rule.Reserved < 0 {
		add("rule.reserved", "NEGATIVE_RESERVED", "reserved seats must be >= 0, got %d", rule.Reserved)
	} else if rule.Reserved > MaxSeats {
		add("rule.reserved", "TOO_MANY_SEATS", "%d reserved seats, at most %d are supported", rule.Reserved, MaxSeats)
	}
	if rule.Method == ModifiedSainteLague {
		fd := rule.FirstDivisor
		switch {
		case fd == nil:
			add("rule.first_divisor", "FIRST_DIVISOR_REQUIRED", "modified_sainte_lague needs a first divisor (e.g. 1.4)")
		case fd.Sign() <= 0:
			add("rule.first_divisor", "FIRST_DIVISOR_NOT_POSITIVE", "first divisor must be > 0, got %s", fd.RatString())
		case fd.Num().CmpAbs(maxFirstDivisorPart) >= 0 || fd.Denom().Cmp(maxFirstDivisorPart) >= 0:
			add("rule.first_divisor", "FIRST_DIVISOR_TOO_PRECISE", "numerator and denominator of the first divisor must be < 2^31, got %s", fd.RatString())
		}
	} else if rule.FirstDivisor != nil {
		add("rule.first_divisor", "FIRST_DIVISOR_NOT_APPLICABLE", "a first divisor is only used by modified_sainte_lague")
	}
	if th := rule.Threshold; th != nil {
		if th.Percent == nil && th.Votes == 0 && th.OrDistrictWinsAtLeast == 0 {
			add("rule.threshold", "THRESHOLD_EMPTY", "a threshold needs percent, votes or or_district_wins_at_least")
		}
		if th.Percent != nil {
			if th.Percent.Sign() < 0 {
				add("rule.threshold.percent", "THRESHOLD_NEGATIVE", "percent must be >= 0, got %s", th.Percent.RatString())
			} else if th.Percent.Cmp(big.NewRat(100, 1)) > 0 {
				add("rule.threshold.percent", "THRESHOLD_OVER_100", "percent must be <= 100, got %s", th.Percent.RatString())
			}
		}
		if th.Base < 0 {
			add("rule.threshold.base", "NEGATIVE_BASE", "base must be >= 0, got %d", th.Base)
		} else if th.Base > MaxTotalVotes {
			add("rule.threshold.base", "BASE_TOO_LARGE", "base must be <= %d", MaxTotalVotes)
		} else if th.Base > 0 && !overflow && th.Base < total {
			add("rule.threshold.base", "BASE_BELOW_TOTAL_VOTES", "base %d is smaller than the sum of the parties' votes %d", th.Base, total)
		}
		if th.Votes < 0 {
			add("rule.threshold.votes", "NEGATIVE_THRESHOLD_VOTES", "votes must be >= 0, got %d", th.Votes)
		}
		if th.OrDistrictWinsAtLeast < 0 {
			add("rule.threshold.or_district_wins_at_least", "NEGATIVE_DISTRICT_WINS", "must be >= 0, got %d", th.OrDistrictWinsAtLeast)
		}
	}
	if rule.MinSeatsPerParty < 0 {
		add("rule.min_seats_per_party", "NEGATIVE_MIN_SEATS", "must be >= 0, got %d", rule.MinSeatsPerParty)
	}
	if rule.MaxSeatsPerParty < 0 {
		add("rule.max_seats_per_party", "NEGATIVE_MAX_SEATS", "must be >= 0, got %d", rule.MaxSeatsPerParty)
	} else if rule.MaxSeatsPerParty > 0 && rule.MaxSeatsPerParty < rule.MinSeatsPerParty {
		add("rule.max_seats_per_party", "MAX_BELOW_MIN", "max seats %d is below min seats %d", rule.MaxSeatsPerParty, rule.MinSeatsPerParty)
	}
	if rule.Ties < 0 || rule.Ties >= tieEnd {
		add("rule.ties", "TIE_RULE_UNKNOWN", "unknown tie rule %d", int(rule.Ties))
	}
	if len(errs) > 0 {
		return errs
	}
	// Consequences of the rule.
	var sumDW int64
	for _, p := range parties {
		sumDW += p.DistrictWins
		if sumDW > MaxSeats {
			add("parties", "TOO_MANY_DISTRICT_WINS", "district wins add up to more than %d", MaxSeats)
			return errs
		}
	}
	qual := qualify(parties, rule, baseFor(parties, rule.Threshold, 0))
	S := rule.Seats
	nPart, capacity, anyVotes := 0, 0, false
	for i, p := range parties {
		if !qual[i].Participates() {
			if rule.Overhang {
				S -= int(p.DistrictWins)
			}
			continue
		}
		nPart++
		if p.Votes > 0 {
			anyVotes = true
			if rule.MaxSeatsPerParty > 0 {
				capacity += rule.MaxSeatsPerParty
			} else {
				capacity = S + 1 // unlimited
			}
		} else {
			capacity += rule.MinSeatsPerParty
		}
	}
	if nPart == 0 {
		add("rule.threshold", "NO_PARTY_QUALIFIES", "no party qualifies for the distribution")
		return errs
	}
	if S <= 0 {
		add("rule.seats", "DISTRICT_WINS_EXCEED_SEATS", "district wins of non-qualifying parties leave %d seats to distribute", S)
		return errs
	}
	if rule.MinSeatsPerParty*nPart > S {
		add("rule.min_seats_per_party", "MIN_SEATS_EXCEED_SEATS", "%d parties x %d minimum seats exceed the %d seats", nPart, rule.MinSeatsPerParty, S)
	} else if rule.MinSeatsPerParty*nPart < S {
		if !anyVotes {
			add("parties", "NO_VOTES", "the participating parties have no votes to distribute %d seats by", S)
		} else if capacity < S {
			add("rule.max_seats_per_party", "CAPACITY_TOO_SMALL", "caps allow only %d of the %d seats", capacity, S)
		}
	}
	return errs
}
