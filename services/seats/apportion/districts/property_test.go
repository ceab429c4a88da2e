package districts_test

import (
	"context"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/apportion/districts"
)

var families = []districts.Family{districts.Independent, districts.Biproportional, districts.Leveling}

// checkMargins: every district holds exactly its seats, and the lists'
// totals add up to the house.
func checkMargins(t *testing.T, c *districts.Chamber, res *districts.Result) {
	t.Helper()
	house := 0
	for i, d := range res.Districts {
		sum := 0
		for _, l := range res.Lists {
			sum += l.DistrictSeats[i]
			if l.DistrictSeats[i] < 0 {
				t.Fatalf("negative seats")
			}
		}
		if sum+0 != d.Seats-undecidedIn(res, i) {
			t.Errorf("%s: district %s holds %d of %d seats", c.Rule.Family, d.ID, sum, d.Seats)
		}
		house += d.Seats
	}
	total := 0
	for _, l := range res.Lists {
		total += l.Seats
	}
	if house != res.Seats || total != res.Seats-res.Undecided {
		t.Errorf("%s: house %d, result %d, lists %d (undecided %d)", c.Rule.Family, house, res.Seats, total, res.Undecided)
	}
}

func undecidedIn(res *districts.Result, i int) int {
	if st := res.Districts[i].Stage; st != nil {
		return st.Undecided
	}
	return 0
}

func TestPropertyHouseAndDistrictSizes(t *testing.T) {
	for seed := uint64(1); seed <= 30; seed++ {
		for _, fam := range families {
			rng := rand.New(rand.NewPCG(seed, 3))
			c := synthetic(seed, 2+rng.IntN(8), 2+rng.IntN(10), 10+rng.IntN(60), fam)
			res, err := districts.Apportion(context.Background(), c)
			if err != nil {
				t.Fatalf("seed %d %s: %v", seed, fam, err)
			}
			checkMargins(t, c, res)
			if fam == districts.Biproportional {
				for _, l := range res.Lists {
					if l.Seats != l.NationalSeats {
						t.Errorf("seed %d: list %s has %d seats, upper %d", seed, l.ID, l.Seats, l.NationalSeats)
					}
				}
			}
			if fam == districts.Leveling {
				lev := 0
				for _, d := range res.Districts {
					lev += d.LevelingSeats
					if d.LevelingSeats != 1 {
						t.Errorf("seed %d: district %s got %d leveling seats", seed, d.ID, d.LevelingSeats)
					}
				}
				for _, l := range res.Lists {
					if l.Qualification == apportion.Passed && !l.ExcludedOverrepped && l.Seats != l.NationalSeats {
						t.Errorf("seed %d: %s has %d seats, national number %d", seed, l.ID, l.Seats, l.NationalSeats)
					}
				}
			}
		}
	}
}

// Raising a quorum never lets a list in that failed the lower one.
func TestPropertyQuorumMonotone(t *testing.T) {
	for seed := uint64(1); seed <= 20; seed++ {
		c := synthetic(seed, 6, 12, 60, districts.Biproportional)
		prev := map[string]bool{}
		for p := int64(0); p <= 30; p += 2 {
			c.Rule.Biproportional.Quorum = &districts.Quorum{AnyDistrictPercent: big.NewRat(p, 1), TotalPercent: big.NewRat(p, 2)}
			res, err := districts.Apportion(context.Background(), c)
			if err != nil {
				break // nobody left
			}
			for _, l := range res.Lists {
				in := l.Qualification == apportion.Passed
				if in && p > 0 && !prev[l.ID] {
					t.Errorf("seed %d: %s qualifies at %d%% but not below", seed, l.ID, p)
				}
				prev[l.ID] = in
			}
		}
	}
}

// Listing the lists and districts in another order gives the same seats.
func TestPropertyPermutationInvariance(t *testing.T) {
	for seed := uint64(1); seed <= 15; seed++ {
		for _, fam := range families {
			c := synthetic(seed, 7, 9, 50, fam)
			res, err := districts.Apportion(context.Background(), c)
			if err != nil {
				t.Fatal(err)
			}
			if !res.Unique {
				continue
			}
			rng := rand.New(rand.NewPCG(seed, 11))
			lp, dp := rng.Perm(len(c.Lists)), rng.Perm(len(c.Districts))
			pc := &districts.Chamber{Rule: c.Rule}
			for _, i := range dp {
				pc.Districts = append(pc.Districts, c.Districts[i])
			}
			for _, j := range lp {
				l := c.Lists[j]
				nl := districts.List{ID: l.ID, Name: l.Name, Votes: make([]*big.Rat, len(dp))}
				for k, i := range dp {
					nl.Votes[k] = l.Votes[i]
				}
				pc.Lists = append(pc.Lists, nl)
			}
			pres, err := districts.Apportion(context.Background(), pc)
			if err != nil {
				t.Fatal(err)
			}
			for k, j := range lp {
				for m, i := range dp {
					if a, b := res.Lists[j].DistrictSeats[i], pres.Lists[k].DistrictSeats[m]; a != b {
						t.Errorf("seed %d %s: %s in %s: %d vs %d after permutation", seed, fam, c.Lists[j].ID, c.Districts[i].ID, a, b)
					}
				}
			}
		}
	}
}

func rats(vs ...int64) []*big.Rat {
	out := make([]*big.Rat, len(vs))
	for i, v := range vs {
		out[i] = big.NewRat(v, 1)
	}
	return out
}

// A symmetric matrix has two valid biproportional apportionments: the
// engine says so and names the transfer instead of picking silently.
func TestBiproportionalNonUniqueReported(t *testing.T) {
	c := &districts.Chamber{
		Districts: []districts.District{{ID: "n", Seats: 1}, {ID: "s", Seats: 1}},
		Lists:     []districts.List{{ID: "a", Votes: rats(100, 100)}, {ID: "b", Votes: rats(100, 100)}},
		Rule: districts.Rule{Family: districts.Biproportional, Biproportional: &districts.BiproportionalRule{
			UpperMethod: apportion.SainteLague, LowerMethod: apportion.SainteLague}},
	}
	res, err := districts.Apportion(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	if res.Unique || len(res.Alternatives) != 1 || len(res.Alternatives[0].Add) != 2 {
		t.Fatalf("unique %v alternatives %v", res.Unique, res.Alternatives)
	}
	checkMargins(t, c, res)
}

// The district winner keeps a seat even where standard rounding would
// give it none; with the tie exception a tie for first suspends it.
func TestBiproportionalDistrictWinner(t *testing.T) {
	mk := func(winner, exception bool, small int64) *districts.Chamber {
		return &districts.Chamber{
			Districts: []districts.District{{ID: "big", Seats: 10}, {ID: "small", Seats: 1}},
			Lists: []districts.List{
				{ID: "a", Votes: rats(9000, small)},
				{ID: "b", Votes: rats(1000, 100)},
			},
			Rule: districts.Rule{Family: districts.Biproportional, Biproportional: &districts.BiproportionalRule{
				UpperMethod: apportion.SainteLague, LowerMethod: apportion.SainteLague,
				DistrictWinnerMinOneSeat: winner, WinnerTieException: exception}},
		}
	}
	res, err := districts.Apportion(context.Background(), mk(false, false, 90))
	if err != nil {
		t.Fatal(err)
	}
	if res.Lists[1].DistrictSeats[1] != 1 && res.Lists[0].DistrictSeats[1] != 1 {
		t.Fatalf("small district empty")
	}
	res, err = districts.Apportion(context.Background(), mk(true, false, 101))
	if err != nil {
		t.Fatal(err)
	}
	if res.Lists[0].DistrictSeats[1] != 1 {
		t.Errorf("winner a got %d seats in the small district", res.Lists[0].DistrictSeats[1])
	}
	checkMargins(t, mk(true, false, 101), res)
}

func TestIndependentTieUndecided(t *testing.T) {
	c := &districts.Chamber{
		Districts: []districts.District{{ID: "x", Seats: 1}, {ID: "y", Seats: 3}},
		Lists:     []districts.List{{ID: "a", Votes: rats(500, 300)}, {ID: "b", Votes: rats(500, 50)}},
		Rule:      districts.Rule{Family: districts.Independent, Method: apportion.DHondt},
	}
	res, err := districts.Apportion(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	if res.Undecided != 1 || !res.Lists[0].TiedForLast || !res.Lists[1].TiedForLast {
		t.Errorf("undecided %d", res.Undecided)
	}
	c.Rule.Ties = apportion.TieBallotOrder
	c.Lists[1].BallotOrder, c.Lists[0].BallotOrder = 1, 2
	res, err = districts.Apportion(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	if res.Undecided != 0 || res.Lists[1].DistrictSeats[0] != 1 {
		t.Errorf("ballot order: undecided %d, b has %d", res.Undecided, res.Lists[1].DistrictSeats[0])
	}
}

// A national threshold removes a list from every district unless exempt.
func TestIndependentNationalThreshold(t *testing.T) {
	c := &districts.Chamber{
		Districts: []districts.District{{ID: "x", Seats: 3}, {ID: "y", Seats: 3}},
		Lists: []districts.List{
			{ID: "a", Votes: rats(5000, 5000)}, {ID: "b", Votes: rats(4000, 4000)},
			{ID: "m", Votes: rats(0, 3000)}, // 3,000 of 21,000 = 14.3 %: below 15 %
		},
		Rule: districts.Rule{Family: districts.Independent, Method: apportion.SainteLague,
			NationalThreshold: &districts.NationalThreshold{Percent: big.NewRat(15, 1)}},
	}
	res, err := districts.Apportion(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	if res.Lists[2].Seats != 0 || res.Lists[2].Qualification != apportion.Failed {
		t.Errorf("m: %d seats, %s", res.Lists[2].Seats, res.Lists[2].Qualification)
	}
	c.Lists[2].Exempt = true
	res, err = districts.Apportion(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	if res.Lists[2].Seats != 1 || res.Lists[2].Qualification != apportion.Exempt {
		t.Errorf("exempt m: %d seats, %s", res.Lists[2].Seats, res.Lists[2].Qualification)
	}
}

// Seats to districts by population plus area factor.
func TestDistrictApportionment(t *testing.T) {
	c := synthetic(5, 4, 5, 20, districts.Independent)
	pops := []int64{100000, 50000, 30000, 20000}
	for i := range c.Districts {
		c.Districts[i].Population = pops[i]
		c.Districts[i].AreaKm2 = 10000 * int64(i)
		c.Districts[i].Seats = 0
	}
	c.Rule.DistrictApportionment = &districts.DistrictApportionment{Seats: 20, Method: apportion.SainteLague, AreaFactor: big.NewRat(9, 5)}
	res, err := districts.Apportion(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	// Weights 100000, 68000, 66000, 74000: Sainte-Laguë with divisor 15200
	// gives 6.58, 4.47, 4.34, 4.87 -> 7, 4, 4, 5.
	for i, want := range []int{7, 4, 4, 5} {
		if got := res.Districts[i].Seats; got != want {
			t.Errorf("district %d: %d seats, want %d", i, got, want)
		}
	}
	checkMargins(t, c, res)
}

// A parallel chamber in one request: three single-member districts (one
// seat, the plurality winner) next to a national list tier with its own
// 5 % threshold and method.
func TestParallelChamber(t *testing.T) {
	c := &districts.Chamber{
		Districts: []districts.District{{ID: "smd1", Seats: 1}, {ID: "smd2", Seats: 1}, {ID: "smd3", Seats: 1},
			{ID: "list", Seats: 10, Override: &districts.DistrictRule{Method: apportion.Hare, ThresholdPercent: big.NewRat(5, 1)}}},
		Lists: []districts.List{
			{ID: "a", Votes: rats(500, 300, 200, 4500)},
			{ID: "b", Votes: rats(400, 450, 100, 3500)},
			{ID: "c", Votes: rats(100, 250, 700, 1600)},
			{ID: "d", Votes: rats(0, 0, 0, 400)},
		},
		Rule: districts.Rule{Family: districts.Independent, Method: apportion.DHondt, Ties: apportion.TieMoreVotes},
	}
	res, err := districts.Apportion(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	// SMDs: a, b, c; list tier (d has 400/10,000 = 4 % < 5 %): Hare on
	// 9,600 votes, quotas 4.69, 3.65, 1.67: remainders .69 (a) and .67 (c)
	// win the last two seats -> 5, 3, 2.
	want := [][]int{{1, 0, 0, 5}, {0, 1, 0, 3}, {0, 0, 1, 2}, {0, 0, 0, 0}}
	for j, row := range want {
		for i, w := range row {
			if got := res.Lists[j].DistrictSeats[i]; got != w {
				t.Errorf("%s in %s: %d, want %d", c.Lists[j].ID, c.Districts[i].ID, got, w)
			}
		}
	}
	if q := res.Lists[3].DistrictQualification[3]; q != apportion.Failed {
		t.Errorf("d in the list tier: %s", q)
	}
}

// A list with more district seats than its national number is removed with
// them and the national step is repeated; leveling seats then go to the
// others, one per district.
func TestLevelingOverrepresentedRemoved(t *testing.T) {
	c := &districts.Chamber{
		Districts: []districts.District{{ID: "A", Seats: 5, LevelingSeats: 1}, {ID: "B", Seats: 5, LevelingSeats: 1}},
		Lists: []districts.List{
			{ID: "r", Votes: rats(4000, 0)},
			{ID: "x", Votes: rats(3000, 31000)},
			{ID: "y", Votes: rats(3000, 30000)},
		},
		Rule: districts.Rule{Family: districts.Leveling, Method: apportion.ModifiedSainteLague, FirstDivisor: big.NewRat(7, 5),
			Leveling: &districts.LevelingRule{ThresholdPercent: big.NewRat(4, 1), NationalMethod: apportion.ModifiedSainteLague,
				NationalFirstDivisor: big.NewRat(7, 5), ZeroSeatDivisor: big.NewRat(1, 1)}},
	}
	res, err := districts.Apportion(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	r, x, y := res.Lists[0], res.Lists[1], res.Lists[2]
	if !r.ExcludedOverrepped || r.Seats != 2 || r.LevelingSeats != 0 {
		t.Errorf("r: excluded %v, %d seats, %d leveling", r.ExcludedOverrepped, r.Seats, r.LevelingSeats)
	}
	// National round 2: 8 seats for x and y, 4 each; leveling: x in B
	// (31000/5 / 15250 = 0.4066), then y in A (3000/3 / 2500 = 0.4).
	if x.Seats != 4 || y.Seats != 4 || x.DistrictLeveling[1] != 1 || y.DistrictLeveling[0] != 1 {
		t.Errorf("x %d seats (leveling %v), y %d seats (leveling %v)", x.Seats, x.DistrictLeveling, y.Seats, y.DistrictLeveling)
	}
	rounds := 0
	for _, s := range res.Stages {
		if len(s.Name) > 8 && s.Name[:8] == "national" {
			rounds++
		}
	}
	if rounds != 2 {
		t.Errorf("%d national rounds, want 2", rounds)
	}
}

// Equal quotients in the seats-to-districts apportionment go to the larger
// distribution figure (Norway), not to the district listed first.
func TestDistrictApportionmentTie(t *testing.T) {
	c := synthetic(3, 3, 3, 6, districts.Independent)
	// Sainte-Laguë, 5 seats on 300, 500, 150: quotients 1000 (500), 600
	// (300), 333 (500), 300 (150), then 200 for both 500/2.5 and 300/1.5:
	// the fifth seat goes to the larger figure, 500.
	for i, p := range []int64{300, 500, 150} {
		c.Districts[i].Population, c.Districts[i].Seats = p, 0
	}
	c.Rule.DistrictApportionment = &districts.DistrictApportionment{Seats: 5, Method: apportion.SainteLague}
	res, err := districts.Apportion(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []int{1, 3, 1} {
		if got := res.Districts[i].Seats; got != want {
			t.Errorf("district %d: %d seats, want %d", i, got, want)
		}
	}
	// Equal figures straddling the boundary are left to the law's lot.
	for i, p := range []int64{300, 300, 150} {
		c.Districts[i].Population = p
	}
	c.Rule.DistrictApportionment.Seats = 4
	if _, err := districts.Apportion(context.Background(), c); err == nil {
		t.Errorf("a tie between equal figures was settled silently")
	}
}
