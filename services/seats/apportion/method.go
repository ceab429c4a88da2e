package apportion

import (
	"fmt"
	"strings"
)

// Method selects the apportionment rule. Divisor methods award seats one at a
// time to the highest quotient votes/d(s); quota methods hand out whole quotas
// and then the largest remainders.
type Method int

// The supported methods. MethodUnspecified is the zero value so that a Rule
// whose method was never set is rejected instead of silently using a default.
const (
	// MethodUnspecified is the zero value; Validate rejects it (METHOD_UNSPECIFIED).
	MethodUnspecified Method = iota
	// DHondt (= Jefferson): d(s) = s+1.
	DHondt
	// SainteLague (= Webster): d(s) = s+1/2 (compared exactly as 2s+1).
	SainteLague
	// ModifiedSainteLague: on the 1,3,5,... scale the first divisor is
	// Rule.FirstDivisor (e.g. 7/5) and later divisors are 3,5,7,...
	ModifiedSainteLague
	// Adams: d(s) = s; every party with votes gets one seat first.
	Adams
	// Dean: d(s) = s(s+1)/(s+1/2), the harmonic mean of s and s+1.
	Dean
	// HuntingtonHill: d(s) = sqrt(s(s+1)), compared exactly through squares.
	HuntingtonHill
	// ImperialiDivisor: d(s) = s+2 (divisors 2,3,4,...).
	ImperialiDivisor
	// Danish: d(s) = 3s+1 (divisors 1,4,7,10,...).
	Danish
	// Hare (= Hamilton): quota V/S, then largest remainders.
	Hare
	// Droop: integer quota floor(V/(S+1))+1, then largest remainders.
	Droop
	// HagenbachBischoff: exact quota V/(S+1), then largest remainders.
	HagenbachBischoff
	// ImperialiQuota: exact quota V/(S+2), then largest remainders.
	ImperialiQuota

	methodEnd // sentinel, not a method
)

var methodNames = [...]string{
	MethodUnspecified:   "unspecified",
	DHondt:              "dhondt",
	SainteLague:         "sainte_lague",
	ModifiedSainteLague: "modified_sainte_lague",
	Adams:               "adams",
	Dean:                "dean",
	HuntingtonHill:      "huntington_hill",
	ImperialiDivisor:    "imperiali",
	Danish:              "danish",
	Hare:                "hare",
	Droop:               "droop",
	HagenbachBischoff:   "hagenbach_bischoff",
	ImperialiQuota:      "imperiali_quota",
}

// methodAliases maps every accepted spelling (after normalisation to lower
// snake case) to its method, so corpus files and CLI users can use the names
// common in the literature.
var methodAliases = map[string]Method{
	"dhondt": DHondt, "d_hondt": DHondt, "jefferson": DHondt, "hagenbach_bischoff_divisor": DHondt,
	"sainte_lague": SainteLague, "saint_lague": SainteLague, "webster": SainteLague, "sainte_lague_schepers": SainteLague,
	"modified_sainte_lague": ModifiedSainteLague, "modified_saint_lague": ModifiedSainteLague,
	"adams": Adams, "smallest_divisors": Adams,
	"dean": Dean, "harmonic_mean": Dean,
	"huntington_hill": HuntingtonHill, "equal_proportions": HuntingtonHill,
	"imperiali": ImperialiDivisor, "imperiali_divisor": ImperialiDivisor,
	"danish": Danish,
	"hare":   Hare, "hamilton": Hare, "hare_niemeyer": Hare, "largest_remainder": Hare,
	"droop":              Droop,
	"hagenbach_bischoff": HagenbachBischoff, "hagenbach_bischoff_quota": HagenbachBischoff,
	"imperiali_quota": ImperialiQuota,
}

// ParseMethod turns a corpus or user spelling (case-insensitive; '-', ' ',
// '\” and '’' are treated like '_') into a Method. Unknown names are an error.
func ParseMethod(s string) (Method, error) {
	n := strings.ToLower(strings.TrimSpace(s))
	n = strings.NewReplacer("-", "_", " ", "_", "'", "", "’", "").Replace(n)
	if m, ok := methodAliases[n]; ok {
		return m, nil
	}
	return MethodUnspecified, fmt.Errorf("apportion: unknown method %q", s)
}

// String returns the canonical snake_case name (the one ParseMethod and the
// corpus use), or "method(N)" for values outside the enum.
func (m Method) String() string {
	if m >= 0 && m < methodEnd {
		return methodNames[m]
	}
	return fmt.Sprintf("method(%d)", int(m))
}

// IsDivisor reports whether m is a highest-averages (divisor) method.
func (m Method) IsDivisor() bool { return m >= DHondt && m <= Danish }

// IsQuota reports whether m is a largest-remainder (quota) method.
func (m Method) IsQuota() bool { return m >= Hare && m <= ImperialiQuota }

// TieRule says what happens when parties are exactly tied for the last
// seat(s). The zero value is TieUndecided on purpose: a rule that was never
// configured must not invent a winner, it reports the tie and leaves the
// contested seats unallocated for the competent authority.
type TieRule int

const (
	// TieUndecided (zero value) leaves tied seats unallocated: Result.Undecided
	// counts them and the tied parties are marked TiedForLast.
	TieUndecided TieRule = iota
	// TieMoreVotes gives the seat to the tied party with more votes; equal
	// votes fall back to TieBallotOrder.
	TieMoreVotes
	// TieBallotOrder gives the seat to the tied party listed first on the
	// ballot (Party.BallotOrder ascending; parties with BallotOrder 0 come
	// after numbered ones, in input order).
	TieBallotOrder
	// TieLot draws lots with a PCG generator seeded from Rule.Seed; the draw
	// is reproducible by anyone who knows the seed.
	TieLot

	tieEnd
)

var tieNames = [...]string{"undecided", "more_votes", "ballot_order", "lot"}

// String returns the snake_case name of the tie rule.
func (t TieRule) String() string {
	if t >= 0 && t < tieEnd {
		return tieNames[t]
	}
	return fmt.Sprintf("tie_rule(%d)", int(t))
}

// ParseTieRule is the inverse of TieRule.String ("" means TieUndecided).
func ParseTieRule(s string) (TieRule, error) {
	n := strings.ToLower(strings.TrimSpace(s))
	if n == "" {
		return TieUndecided, nil
	}
	for i, name := range tieNames {
		if name == n {
			return TieRule(i), nil
		}
	}
	return TieUndecided, fmt.Errorf("apportion: unknown tie rule %q", s)
}

// Qualification records why a party does or does not take part in the
// proportional distribution.
type Qualification int

const (
	// NoThreshold: the rule has no threshold, every party takes part.
	NoThreshold Qualification = iota
	// Passed: the party met the vote threshold.
	Passed
	// Failed: the party missed the threshold and takes no proportional seats.
	Failed
	// DistrictWins: the party missed the vote threshold but qualified through
	// Threshold.OrDistrictWinsAtLeast.
	DistrictWins
	// Exempt: a national-minority party to which the threshold does not apply.
	Exempt
	// RunnerUp: admitted by Rule.RunnerUpGuaranteed because only one party
	// passed the threshold.
	RunnerUp

	qualEnd
)

var qualNames = [...]string{"no_threshold", "passed", "failed", "district_wins", "exempt", "runner_up"}

// String returns the snake_case name of the qualification.
func (q Qualification) String() string {
	if q >= 0 && q < qualEnd {
		return qualNames[q]
	}
	return fmt.Sprintf("qualification(%d)", int(q))
}

// Participates reports whether a party with this qualification takes part in
// the proportional distribution.
func (q Qualification) Participates() bool { return q != Failed }
