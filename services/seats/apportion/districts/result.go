package districts

import (
	"math/big"

	"github.com/mandate-project/mandate/services/seats/apportion"
)

// Result is the explained outcome of Apportion.
type Result struct {
	Family Family
	Seats  int // house size

	Districts []DistrictResult // input order
	Lists     []ListResult     // input order

	// Stages lists every distribution in order: district apportionment,
	// per-district stages, upper, lower, national rounds, placement.
	Stages []Stage

	// Biproportional: Unique is false when another matrix satisfies the
	// same rule (an exact tie); Alternatives then lists seat transfers that
	// lead to another valid matrix. Iterations of alternating scaling.
	Unique       bool
	Alternatives []Transfer
	Iterations   int

	// Undecided seats under apportion.TieUndecided (district stages).
	Undecided int

	Notes []string
}

// DistrictResult is the outcome in one district.
type DistrictResult struct {
	ID, Name      string
	Seats         int // incl. leveling seats
	LevelingSeats int // leveling seats placed here
	// Divisor (Biproportional): the district divisor of the lower
	// apportionment.
	Divisor *big.Rat
	// Votes: the sum of all lists' votes here.
	Votes *big.Rat
	// Stage is the single-pool result of this district (Independent,
	// Leveling district seats); nil for Biproportional.
	Stage *apportion.Result
}

// ListResult is the outcome for one list.
type ListResult struct {
	ID, Name string
	Votes    *big.Rat // total over the districts (as given)
	// Qualification nationally (threshold, quorum, leveling threshold).
	Qualification apportion.Qualification
	// DistrictQualification per district (Independent: district threshold).
	DistrictQualification []apportion.Qualification
	Seats                 int   // total, leveling included
	DistrictSeats         []int // per district, leveling included
	// LevelingSeats total and per district (Leveling).
	LevelingSeats      int
	DistrictLeveling   []int
	NationalSeats      int      // Leveling: the national number; Biproportional: upper seats
	UpperWeight        *big.Rat // Biproportional: the weighted total of the upper apportionment
	Divisor            *big.Rat // Biproportional: the party divisor
	TiedForLast        bool
	ExcludedOverrepped bool // Leveling: removed as over-represented
}

// Stage is one distribution step with its closest call.
type Stage struct {
	Name     string // e.g. "district 28", "upper", "lower", "national round 2", "placement"
	Method   apportion.Method
	Seats    int
	Divisor  *big.Rat // a divisor that yields the stage's result (divisor stages)
	LastWin  *big.Rat // lowest winning quotient
	FirstOut *big.Rat // highest quotient that did not win
	// ClosestCall is (LastWin - FirstOut) / LastWin, the relative gap
	// between the last winning and first losing quotient; 0 = exact tie;
	// nil when undefined.
	ClosestCall *big.Rat
	Tie         bool
	Notes       []string
}

// Transfer is a cycle of seat moves that keeps both margins: +1 in the Add
// cells and -1 in the Remove cells ([list, district] index pairs).
type Transfer struct {
	Add, Remove [][2]int
}
