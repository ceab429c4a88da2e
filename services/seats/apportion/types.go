package apportion

import (
	"fmt"
	"math/big"
)

// Limits on input size. They keep every exact product inside the 192-bit
// arithmetic used for comparisons and bound the work a single call can cause.
const (
	// MaxParties is the largest number of parties Apportion accepts.
	MaxParties = 100_000
	// MaxSeats is the largest number of seats (Rule.Seats) Apportion accepts.
	MaxSeats = 10_000_000
	// MaxTotalVotes bounds the sum of all votes (and the threshold base) so
	// that margin searches can add votes without overflowing int64.
	MaxTotalVotes int64 = 1 << 60
	// MaxSteps is how many divisor-method awards are kept in Result.Steps.
	MaxSteps = 10_000
	// MarginMaxParties: above this many parties margins are not computed
	// (their status is MarginNotComputed and a note says so).
	MarginMaxParties = 1_000
)

// Party is one list (or, for population apportionment, one state).
type Party struct {
	ID           string // unique, required; used in error messages and by callers
	Name         string // display name, free text
	Votes        int64  // votes (or population), >= 0
	DistrictWins int64  // single-member district seats won: threshold alternative route and overhang
	Exempt       bool   // national-minority party: the threshold does not apply
	BallotOrder  int    // ballot position for TieBallotOrder; 0 = not numbered (input order)
}

// Threshold is a legal entry barrier. A party passes the vote route when it
// meets every configured vote criterion (Percent and Votes, when both are
// set); it qualifies when it passes the vote route OR wins at least
// OrDistrictWinsAtLeast districts (when that is set), or is Exempt.
type Threshold struct {
	// Percent, when not nil: passes when votes*100 >= Percent*Base, exactly
	// and inclusively (4.9999% fails 5%, 5% passes).
	Percent *big.Rat
	// Base is the legal base of Percent; 0 = the sum of all parties' votes.
	// An explicit base may include votes not in the party list (invalid
	// ballots, "against all") and so must be >= the sum of the votes.
	Base int64
	// Votes, when > 0: passes when votes >= Votes (absolute form, e.g. one
	// Dutch kiesdeler).
	Votes int64
	// OrDistrictWinsAtLeast, when > 0: also qualifies with at least this many
	// district wins (Germany 3, New Zealand 1).
	OrDistrictWinsAtLeast int64
}

// Rule is everything the law says about one distribution.
type Rule struct {
	Method Method
	// Seats to distribute here (before overhang growth), excluding Reserved.
	Seats int
	// Reserved seats of the house not distributed here (e.g. 9 of the 107
	// Mazhilis seats); only reported in Result.HouseSize.
	Reserved int
	// FirstDivisor is required by ModifiedSainteLague (e.g. big.NewRat(7,5))
	// and rejected for every other method. Numerator and denominator must fit
	// in 31 bits.
	FirstDivisor *big.Rat
	// Threshold, nil = every party takes part.
	Threshold *Threshold
	// RunnerUpGuaranteed (Kazakhstan since 2009): if exactly one party
	// qualifies through the threshold (Passed or DistrictWins), the failed
	// party with the most votes takes part too (all of them if tied).
	RunnerUpGuaranteed bool
	// MinSeatsPerParty seats are given first to every participating party.
	MinSeatsPerParty int
	// MaxSeatsPerParty caps a party's proportional seats; 0 = no cap.
	MaxSeatsPerParty int
	// Overhang enables the mixed-member rule: district wins of parties that do
	// not take part come off Seats first; participating parties keep all
	// district wins even above their entitlement and the house grows.
	Overhang bool
	// Ties says how exact ties for the last seat(s) are settled.
	Ties TieRule
	// Seed feeds the TieLot draw and is echoed in the Result.
	Seed uint64
	// NoMargins skips VotesToGain/VotesToLose (their status is then
	// MarginNotComputed); useful for bulk runs where only the seats matter.
	NoMargins bool
	// Steps asks for Result.Steps, the award order of divisor methods; they
	// are built only when asked (up to MaxSteps of them).
	Steps bool
}

// Result is the exact outcome of Apportion.
type Result struct {
	Method    Method
	Seats     int // seats distributed here, including overhang growth
	HouseSize int // Seats + Reserved
	Reserved  int
	Overhang  int // seats added by overhang

	Parties []PartyResult // same order as the input

	// Steps lists divisor-method awards in order (seats given by
	// MinSeatsPerParty are not steps; Step.Seat still counts them). Only the
	// first MaxSteps are kept; StepsTruncated says so.
	Steps          []Step
	StepsTruncated bool

	// DivisorMin and DivisorMax (divisor methods): every divisor D with
	// DivisorMin < D <= DivisorMax yields this allocation when each party gets
	// as many seats as it has quotients votes/d(s) >= D. They are expressed on
	// the method's own quotient scale (e.g. votes/(s+1/2) for Sainte-Laguë,
	// votes/(2s+1) for modified Sainte-Laguë); for Huntington-Hill both are
	// squared (D²) because the true bounds are irrational. nil = unbounded
	// (no seat beyond the minimum was awarded / no party could take more). On
	// an exact tie DivisorMin == DivisorMax.
	DivisorMin, DivisorMax *big.Rat

	// Quota (quota methods): the quota of the final round.
	Quota *big.Rat

	Ties      []Tie // the complete set of parties tied for the last seat(s); empty when none
	Undecided int   // seats left unallocated under TieUndecided
	TieRule   TieRule
	Seed      uint64

	// Descriptive indices over all parties given (floats are allowed here
	// only; they never decide a seat). Percent points for Gallagher and
	// Loosemore-Hanby.
	Gallagher, LoosemoreHanby, ENPVotes, ENPSeats float64

	Notes []string // human-readable explanation lines
}

// PartyResult is the outcome for one party.
type PartyResult struct {
	ID, Name      string
	Votes         int64
	Qualification Qualification
	Participates  bool     // took part in the proportional distribution
	Share         *big.Rat // votes / base (threshold base, else the sum of all votes); nil if the base is 0
	Seats         int      // total seats, including district seats when Overhang
	Proportional  int      // seats from the proportional distribution alone
	Whole         int      // quota methods: whole quotas
	Remainder     *big.Rat // quota methods: votes/quota - Whole (nil for non-participants)
	DistrictWins  int64
	OverhangSeats int
	TiedForLast   bool
	// VotesToGain (valid when GainStatus is MarginComputed): the fewest
	// additional votes that give the party more seats than it holds for
	// certain now, every other party's votes fixed; an exact tie is not a
	// win. One vote fewer does not.
	VotesToGain int64
	// VotesToLose (valid when LoseStatus is MarginComputed): the largest
	// number of votes the party can lose while every loss up to it leaves it
	// all the seats it holds for certain now; losing one vote more costs a
	// seat or puts one in an exact tie (or leaves no valid distribution).
	VotesToLose int64
	// GainStatus and LoseStatus say whether the margins were computed, do not
	// exist (MarginNone) or were not computed (Result.Notes says why).
	GainStatus, LoseStatus MarginStatus
}

// MarginStatus says what VotesToGain or VotesToLose holds.
type MarginStatus int

const (
	// MarginNotComputed: not asked for (Rule.NoMargins), too many parties, or
	// no exact method for the rule; Result.Notes says which.
	MarginNotComputed MarginStatus = iota
	// MarginComputed: the value is exact.
	MarginComputed
	// MarginNone: no number of added votes gains a seat (gain), or no loss
	// costs one (lose: the party holds no seat it could lose by votes).
	MarginNone
)

var marginStatusNames = [...]string{"not_computed", "computed", "none"}

// String returns the snake_case name of the status.
func (m MarginStatus) String() string {
	if m >= 0 && int(m) < len(marginStatusNames) {
		return marginStatusNames[m]
	}
	return fmt.Sprintf("margin_status(%d)", int(m))
}

// Step is one divisor-method award.
type Step struct {
	Seat     int      // 1-based seat number in order of award (minimum seats counted first)
	Party    int      // index into Result.Parties
	Quotient *big.Rat // winning quotient (squared for Huntington-Hill); nil = infinite (d(s)=0)
}

// Tie is one set of parties exactly tied for the last seat(s).
type Tie struct {
	Parties    []int // indices into Result.Parties, ascending
	Seats      int   // seats awarded among these parties, at most one each
	ResolvedTo []int // winners (indices) under the tie rule; empty when undecided
}
