package districts

import (
	"context"
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/mandate-project/mandate/services/seats/apportion"
)

// leveling runs the Norwegian model: district seats in every district, the
// national distribution with non-qualifying lists' district seats taken off
// and over-represented lists removed until none is left, then placement of
// the leveling seats by the quotient rule.
func leveling(ctx context.Context, c *Chamber, seats []int, res *Result) error {
	r, lv := c.Rule, c.Rule.Leveling
	nd, nl := len(c.Districts), len(c.Lists)
	dseats := make([]int, nd)
	totalLev := 0
	for i, d := range c.Districts {
		dseats[i] = seats[i] - d.LevelingSeats
		totalLev += d.LevelingSeats
	}
	// 1. District seats.
	ds := make([]int, nl) // district seats per list
	for i, d := range c.Districts {
		if err := ctx.Err(); err != nil {
			return err
		}
		var parties []apportion.Party
		var idx []int
		for j, l := range c.Lists {
			if v := cellInt(l, i); v > 0 {
				parties = append(parties, apportion.Party{ID: l.ID, Name: l.Name, Votes: v, BallotOrder: l.BallotOrder})
				idx = append(idx, j)
			}
		}
		field := fmt.Sprintf("districts[%d]", i)
		pr, err := apportion.Apportion(parties, apportion.Rule{Method: r.Method, FirstDivisor: r.FirstDivisor, Seats: dseats[i], Ties: r.Ties, Seed: DistrictSeed(r.Seed, i), NoMargins: true})
		if err != nil {
			return prefixed(err, field)
		}
		res.Districts[i].Stage = pr
		res.Undecided += pr.Undecided
		for k, p := range pr.Parties {
			j := idx[k]
			res.Lists[j].DistrictSeats[i] = p.Seats
			res.Lists[j].DistrictQualification[i] = p.Qualification
			ds[j] += p.Seats
			if p.TiedForLast {
				res.Lists[j].TiedForLast = true
			}
		}
		res.Stages = append(res.Stages, singlePoolStage("district "+d.ID, pr))
	}
	// 2. National threshold.
	total := new(big.Rat)
	for j := range nl {
		total.Add(total, res.Lists[j].Votes)
	}
	N := lv.NationalSeats
	if N == 0 {
		N = res.Seats
	}
	active := make([]bool, nl)
	var failed []string
	for j := range nl {
		if lv.ThresholdPercent == nil || atLeastPercent(res.Lists[j].Votes, lv.ThresholdPercent, total) {
			res.Lists[j].Qualification = apportion.Passed
			active[j] = true
		} else {
			res.Lists[j].Qualification = apportion.Failed
			N -= ds[j]
			if ds[j] > 0 {
				failed = append(failed, fmt.Sprintf("%s %d", c.Lists[j].ID, ds[j]))
			}
		}
	}
	pct := "0"
	if lv.ThresholdPercent != nil {
		pct = lv.ThresholdPercent.FloatString(2)
	}
	res.Notes = append(res.Notes, fmt.Sprintf("leveling threshold: %s%% of %s votes nationwide", pct, total.FloatString(0)))
	if len(failed) > 0 {
		res.Notes = append(res.Notes, "district seats of lists below the threshold taken off the national seats: "+strings.Join(failed, ", "))
	}
	// 3. National rounds.
	nat := make([]int, nl)
	for round := 1; ; round++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		var parties []apportion.Party
		var idx []int
		for j, l := range c.Lists {
			if active[j] {
				parties = append(parties, apportion.Party{ID: l.ID, Name: l.Name, Votes: res.Lists[j].Votes.Num().Int64(), BallotOrder: l.BallotOrder})
				idx = append(idx, j)
			}
		}
		if len(parties) == 0 || N <= 0 {
			return invalid("rule.leveling", "NO_NATIONAL_DISTRIBUTION", "no list is left for the national distribution")
		}
		pr, err := apportion.Apportion(parties, apportion.Rule{Method: lv.NationalMethod, FirstDivisor: lv.NationalFirstDivisor, Seats: N, Ties: r.Ties, Seed: r.Seed, NoMargins: true})
		if err != nil {
			return prefixed(err, "rule.leveling")
		}
		st := singlePoolStage(fmt.Sprintf("national round %d", round), pr)
		var over []string
		for k, p := range pr.Parties {
			j := idx[k]
			nat[j] = p.Seats
			if ds[j] > p.Seats {
				over = append(over, c.Lists[j].ID)
				active[j] = false
				res.Lists[j].ExcludedOverrepped = true
				N -= ds[j]
			}
		}
		if len(over) > 0 {
			st.Notes = append(st.Notes, fmt.Sprintf("more district seats than the national number: %s removed with their district seats; the national step is repeated", strings.Join(over, ", ")))
			res.Stages = append(res.Stages, st)
			continue
		}
		res.Stages = append(res.Stages, st)
		if pr.Undecided > 0 {
			return invalid("rule.tie_rule", "UNDECIDED_TIE", "an exact tie in the national distribution leaves %d seat(s) undecided; give a tie rule", pr.Undecided)
		}
		break
	}
	levTotal := 0
	for j := range nl {
		res.Lists[j].NationalSeats = nat[j]
		if active[j] {
			res.Lists[j].LevelingSeats = nat[j] - ds[j]
			levTotal += res.Lists[j].LevelingSeats
		} else {
			res.Lists[j].NationalSeats = ds[j]
		}
	}
	if levTotal != totalLev {
		return invalid("rule.leveling.national_seats", "LEVELING_SEATS_MISMATCH", "the national distribution yields %d leveling seats but the districts hold %d", levTotal, totalLev)
	}
	// 4. Placement.
	return place(c, dseats, res)
}

// placeQ is one placement quotient votes / D / A = votes * seats_d / (D * V_d).
type placeQ struct {
	j, i int
	q    *big.Rat
}

func place(c *Chamber, dseats []int, res *Result) error {
	lv := c.Rule.Leveling
	nd, nl := len(c.Districts), len(c.Lists)
	var qs []placeQ
	for j, l := range c.Lists {
		if res.Lists[j].LevelingSeats == 0 {
			continue
		}
		for i := range nd {
			v := cell(l, i)
			if v == nil || c.Districts[i].LevelingSeats == 0 {
				continue
			}
			s := res.Lists[j].DistrictSeats[i]
			D := new(big.Rat).Set(lv.ZeroSeatDivisor)
			if s > 0 {
				D.SetInt64(int64(2*s + 1))
			}
			// A = V_d / seats_d; q = v / D / A.
			q := new(big.Rat).Mul(v, new(big.Rat).SetInt64(int64(dseats[i])))
			q.Quo(q, D)
			q.Quo(q, res.Districts[i].Votes)
			qs = append(qs, placeQ{j, i, q})
		}
	}
	sort.SliceStable(qs, func(a, b int) bool { return qs[a].q.Cmp(qs[b].q) > 0 })
	leftL := make([]int, nl)
	for j := range nl {
		leftL[j] = res.Lists[j].LevelingSeats
		res.Lists[j].DistrictLeveling = make([]int, nd)
	}
	leftD := make([]int, nd)
	for i, d := range c.Districts {
		leftD[i] = d.LevelingSeats
	}
	st := Stage{Name: "leveling placement", Seats: 0}
	eligible := func(p placeQ) bool { return leftL[p.j] > 0 && leftD[p.i] > 0 }
	var lastTaken *big.Rat
	for k, p := range qs {
		if !eligible(p) {
			continue
		}
		// An equal quotient of another eligible cell right behind is a tie
		// that the order of the input settled.
		for m := k + 1; m < len(qs) && qs[m].q.Cmp(p.q) == 0; m++ {
			if eligible(qs[m]) {
				st.Tie = true
				st.Notes = append(st.Notes, fmt.Sprintf("exact tie of placement quotients: %s in %s and %s in %s; placed in list order", c.Lists[p.j].ID, c.Districts[p.i].ID, c.Lists[qs[m].j].ID, c.Districts[qs[m].i].ID))
			}
		}
		leftL[p.j]--
		leftD[p.i]--
		res.Lists[p.j].DistrictLeveling[p.i]++
		res.Lists[p.j].DistrictSeats[p.i]++
		res.Districts[p.i].LevelingSeats++
		st.Seats++
		lastTaken = p.q
		st.Notes = append(st.Notes, fmt.Sprintf("leveling seat %d: %s in %s, quotient %s", st.Seats, c.Lists[p.j].ID, c.Districts[p.i].ID, p.q.FloatString(6)))
	}
	st.LastWin = lastTaken
	for j := range nl {
		if leftL[j] != 0 {
			return invalid("rule.leveling", "LEVELING_NOT_PLACED", "list %s keeps %d leveling seat(s) that no district with a free leveling seat can take (it has no votes there)", c.Lists[j].ID, leftL[j])
		}
	}
	res.Stages = append(res.Stages, st)
	res.Notes = append(res.Notes, fmt.Sprintf("%d leveling seats placed by the quotient rule (divisor %s for a list without a district seat, else 2s+1), one district at a time", st.Seats, lv.ZeroSeatDivisor.RatString()))
	return nil
}
