package districts

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/mandate-project/mandate/services/seats/apportion"
)

// Limits on the input. They bound the work of one call.
const (
	MaxDistricts = 10_000
	MaxLists     = 10_000
	MaxCells     = 1_000_000 // districts x lists
	// MaxIterations bounds alternating scaling in the lower apportionment.
	MaxIterations = 10_000
)

// Family selects the rule family.
type Family int

const (
	// FamilyUnspecified is the zero value; Validate rejects it.
	FamilyUnspecified Family = iota
	// Independent: each district distributes its seats on its own.
	Independent
	// Biproportional: upper apportionment of party totals, lower
	// apportionment of the list x district matrix.
	Biproportional
	// Leveling: district seats plus national compensatory seats (Norway).
	Leveling

	familyEnd
)

var familyNames = [...]string{"unspecified", "independent", "biproportional", "leveling"}

func (f Family) String() string {
	if f >= 0 && f < familyEnd {
		return familyNames[f]
	}
	return fmt.Sprintf("family(%d)", int(f))
}

// ParseFamily is the inverse of Family.String.
func ParseFamily(s string) (Family, error) {
	n := strings.ToLower(strings.TrimSpace(s))
	for i, name := range familyNames {
		if i > 0 && name == n {
			return Family(i), nil
		}
	}
	return FamilyUnspecified, fmt.Errorf("districts: unknown family %q", s)
}

// District is one electoral district.
type District struct {
	ID, Name string
	// Seats of the district, leveling seats included. With a
	// DistrictApportionment rule the seats are computed and this value, when
	// > 0, is only compared with the computed one (a note reports a
	// difference).
	Seats int
	// LevelingSeats (Leveling): how many of Seats are leveling seats; it is
	// also the most leveling seats the district receives.
	LevelingSeats int
	// ThresholdBase is what a district threshold percentage is taken of
	// (Spain: valid votes incl. blank ballots); 0 = the sum of the lists'
	// votes in the district. It must not be below that sum.
	ThresholdBase int64
	// Population and AreaKm2 feed Rule.DistrictApportionment.
	Population int64
	AreaKm2    int64
	// Override (Independent only), nil = the chamber's rule. This is how a
	// parallel chamber puts single-member districts and a national list tier
	// with its own threshold into one request.
	Override *DistrictRule
}

// DistrictRule overrides the chamber's per-district rule in one district.
type DistrictRule struct {
	Method       apportion.Method
	FirstDivisor *big.Rat
	// ThresholdPercent of the district's base, nil = no district threshold.
	ThresholdPercent *big.Rat
	Ties             apportion.TieRule
}

// List is one party list (or list group) with its votes per district.
type List struct {
	ID, Name string
	// Votes per district, in the order of Chamber.Districts; nil or a
	// missing entry means 0 (the list did not stand there). Votes are
	// integers except biproportional voter numbers, which may be decimals.
	Votes []*big.Rat
	// Exempt lists pass the national threshold regardless (minorities).
	Exempt bool
	// BallotOrder for ballot-order tie rules; 0 = not numbered.
	BallotOrder int
}

// Chamber is one request: the districts, the lists and the rule.
type Chamber struct {
	// Seats is the house size when the caller states it (0 = not stated);
	// it must equal the districts' seats (or the district apportionment's).
	Seats     int
	Districts []District
	Lists     []List
	Rule      Rule
}

// Rule is the law of the chamber.
type Rule struct {
	Family Family

	// Method (Independent: in every district; Leveling: the district seats)
	// and its FirstDivisor (modified Sainte-Laguë only).
	Method       apportion.Method
	FirstDivisor *big.Rat

	// DistrictThreshold (Independent): percent of the district's base; a
	// list takes part in a district when votes*100 >= percent*base.
	DistrictThreshold *big.Rat
	// NationalThreshold (Independent), nil = none: a list that fails it
	// takes part in no district, unless Exempt.
	NationalThreshold *NationalThreshold

	// Ties settles exact ties in every single distribution (district
	// stages, national stages, leveling placement); Seed feeds TieLot:
	// district i draws with DistrictSeed(Seed, i), so districts do not share
	// one sequence of draws, national stages with Seed itself.
	Ties apportion.TieRule
	Seed uint64

	Biproportional *BiproportionalRule
	Leveling       *LevelingRule

	// DistrictApportionment, nil = district seats are given.
	DistrictApportionment *DistrictApportionment
}

// NationalThreshold is a nationwide entry barrier.
type NationalThreshold struct {
	Percent *big.Rat
	// Base: what Percent is taken of; 0 = the sum of all lists' votes.
	Base int64
}

// Weighting says how the upper apportionment weights a list's votes.
type Weighting int

const (
	// WeightBySeats divides each cell by the district's seats: every voter
	// has as many votes as the district has seats (Zurich, Zug, ...).
	WeightBySeats Weighting = iota
	// WeightNone takes the votes as given (voter numbers, Aargau).
	WeightNone
)

// BiproportionalRule is the double proportional method.
type BiproportionalRule struct {
	// UpperMethod is any divisor method (usually Sainte-Laguë).
	UpperMethod       apportion.Method
	UpperFirstDivisor *big.Rat
	// LowerMethod is the rounding of the lower apportionment: SainteLague
	// (standard rounding, the legal one), DHondt (downward) or Adams
	// (upward).
	LowerMethod apportion.Method
	Weighting   Weighting
	// RoundWeights rounds each weighted cell to the nearest integer (half
	// up) before summing.
	RoundWeights bool
	// Quorum, nil = every list takes part.
	Quorum *Quorum
	// DistrictWinnerMinOneSeat: the list with the most votes in a district
	// (among lists with seats) gets at least one seat there.
	DistrictWinnerMinOneSeat bool
	// WinnerTieException: the winner condition is not applied in a district
	// where more lists tie for the most votes than the district has seats
	// (Graubünden). Without it, every tied winner gets the guarantee when
	// there are enough seats, and none when there are not.
	WinnerTieException bool
}

// Quorum is the entry barrier of biproportional systems; the branches that
// are set are combined with OR and compared inclusively.
type Quorum struct {
	// AnyDistrictPercent: >= p % of all list votes in at least one district.
	AnyDistrictPercent *big.Rat
	// TotalPercent: >= q % of all list votes summed over the districts.
	TotalPercent *big.Rat
	// All combines the branches with AND instead of OR.
	All bool
}

// LevelingRule is the Norwegian compensatory rule.
type LevelingRule struct {
	// ThresholdPercent of all lists' votes nationwide (inclusive).
	ThresholdPercent *big.Rat
	// NationalSeats of the national distribution; 0 = the house size.
	NationalSeats int
	// NationalMethod and its first divisor (Norway: modified Sainte-Laguë 1.4).
	NationalMethod       apportion.Method
	NationalFirstDivisor *big.Rat
	// ZeroSeatDivisor of the placement quotient for a list without a district
	// seat in the district (Norway: 1); later divisors are 2s+1.
	ZeroSeatDivisor *big.Rat
}

// DistrictApportionment gives the seats to the districts by a divisor method
// on population + AreaFactor * area.
type DistrictApportionment struct {
	Seats        int
	Method       apportion.Method
	FirstDivisor *big.Rat
	AreaFactor   *big.Rat // nil = 0
}

func cloneRat(r *big.Rat) *big.Rat {
	if r == nil {
		return nil
	}
	return new(big.Rat).Set(r)
}

// Clone returns a deep copy, so a preset's rule can be handed out and
// changed without touching the preset.
func (r Rule) Clone() Rule {
	out := r
	out.FirstDivisor = cloneRat(r.FirstDivisor)
	out.DistrictThreshold = cloneRat(r.DistrictThreshold)
	if nt := r.NationalThreshold; nt != nil {
		out.NationalThreshold = &NationalThreshold{Percent: cloneRat(nt.Percent), Base: nt.Base}
	}
	if b := r.Biproportional; b != nil {
		bb := *b
		bb.UpperFirstDivisor = cloneRat(b.UpperFirstDivisor)
		if q := b.Quorum; q != nil {
			bb.Quorum = &Quorum{AnyDistrictPercent: cloneRat(q.AnyDistrictPercent), TotalPercent: cloneRat(q.TotalPercent), All: q.All}
		}
		out.Biproportional = &bb
	}
	if l := r.Leveling; l != nil {
		ll := *l
		ll.ThresholdPercent = cloneRat(l.ThresholdPercent)
		ll.NationalFirstDivisor = cloneRat(l.NationalFirstDivisor)
		ll.ZeroSeatDivisor = cloneRat(l.ZeroSeatDivisor)
		out.Leveling = &ll
	}
	if da := r.DistrictApportionment; da != nil {
		dd := *da
		dd.FirstDivisor = cloneRat(da.FirstDivisor)
		dd.AreaFactor = cloneRat(da.AreaFactor)
		out.DistrictApportionment = &dd
	}
	return out
}

// DistrictSeed is the lot seed of district i (0-based) for a chamber seed:
// seed + (i+1) * 0x9E3779B97F4A7C15 (mod 2^64), published so that anyone
// can repeat a district's draw.
func DistrictSeed(seed uint64, i int) uint64 { return seed + uint64(i+1)*0x9E3779B97F4A7C15 }
