package districts

import (
	"context"
	"fmt"
	"math/big"
	"sort"

	"github.com/mandate-project/mandate/services/seats/apportion"
)

// Apportion distributes the chamber's seats exactly under its rule. Invalid
// input is a *apportion.ValidationError holding every problem with its field
// path; a cancelled ctx returns ctx.Err().
func Apportion(ctx context.Context, c *Chamber) (*Result, error) {
	if errs := Validate(c); len(errs) > 0 {
		return nil, &apportion.ValidationError{Errors: errs}
	}
	seats, notes, err := districtSeats(c)
	if err != nil {
		return nil, err
	}
	res := &Result{Family: c.Rule.Family, Unique: true, Notes: notes.notes}
	if notes.stage != nil {
		res.Stages = append(res.Stages, *notes.stage)
	}
	nd := len(c.Districts)
	for i, d := range c.Districts {
		dr := DistrictResult{ID: d.ID, Name: d.Name, Seats: seats[i]}
		var sum ratSum
		for _, l := range c.Lists {
			if v := cell(l, i); v != nil {
				sum.add(v)
			}
		}
		dr.Votes = sum.rat()
		res.Districts = append(res.Districts, dr)
		res.Seats += seats[i]
	}
	for _, l := range c.Lists {
		lr := ListResult{ID: l.ID, Name: l.Name,
			DistrictQualification: make([]apportion.Qualification, nd), DistrictSeats: make([]int, nd)}
		var sum ratSum
		for i := range nd {
			if v := cell(l, i); v != nil {
				sum.add(v)
			}
		}
		lr.Votes = sum.rat()
		res.Lists = append(res.Lists, lr)
	}
	switch c.Rule.Family {
	case Independent:
		err = independent(ctx, c, seats, res)
	case Biproportional:
		err = biproportional(ctx, c, seats, res)
	case Leveling:
		err = leveling(ctx, c, seats, res)
	}
	if err != nil {
		return nil, err
	}
	for j := range res.Lists {
		lr := &res.Lists[j]
		lr.Seats = 0
		for _, s := range lr.DistrictSeats {
			lr.Seats += s
		}
	}
	return res, nil
}

// cell returns list l's votes in district i, nil when it has none there.
func cell(l List, i int) *big.Rat {
	if i < len(l.Votes) && l.Votes[i] != nil && l.Votes[i].Sign() > 0 {
		return l.Votes[i]
	}
	return nil
}

// cellInt returns the votes as int64 (validated integral for the families
// that call it).
func cellInt(l List, i int) int64 {
	if v := cell(l, i); v != nil {
		return v.Num().Int64()
	}
	return 0
}

type seatNotes struct {
	notes []string
	stage *Stage
}

func invalid(field, reason, format string, args ...any) error {
	return &apportion.ValidationError{Errors: []*apportion.FieldError{{Field: field, Reason: reason, Message: fmt.Sprintf(format, args...)}}}
}

// districtSeats returns the seats of every district: as given, or by the
// district apportionment on population + area factor * area.
func districtSeats(c *Chamber) ([]int, seatNotes, error) {
	out := make([]int, len(c.Districts))
	da := c.Rule.DistrictApportionment
	if da == nil {
		for i, d := range c.Districts {
			out[i] = d.Seats
		}
		return out, seatNotes{}, nil
	}
	f := newDivisorFn(da.Method, da.FirstDivisor)
	n := len(c.Districts)
	wn, wd := make([]*big.Int, n), make([]*big.Int, n)
	lo, hi := make([]int, n), make([]int, n)
	for i, d := range c.Districts {
		w := new(big.Rat).SetInt64(d.Population)
		if da.AreaFactor != nil {
			w.Add(w, new(big.Rat).Mul(da.AreaFactor, new(big.Rat).SetInt64(d.AreaKm2)))
		}
		wn[i], wd[i] = new(big.Int).Set(w.Num()), new(big.Int).Set(w.Denom())
		hi[i] = -1
	}
	r := allocRat(f, wn, wd, lo, hi, da.Seats)
	var sn seatNotes
	st := stageOf("district apportionment", da.Method, da.Seats, r)
	sn.stage = &st
	factor := "0"
	if da.AreaFactor != nil {
		factor = da.AreaFactor.RatString()
	}
	sn.notes = append(sn.notes, fmt.Sprintf("district apportionment: %d seats to %d districts by %s on population + %s x area", da.Seats, n, da.Method, factor))
	if len(r.tied) > 0 {
		// Equal quotients: the district with the larger distribution figure
		// wins (Norway's rule); equal figures too are left to the lot.
		if !settleByWeight(f, wn, wd, &r) {
			return nil, sn, invalid("rule.district_apportionment", "DISTRICT_APPORTIONMENT_TIE", "the last seat(s) are tied between %d districts with equal distribution figures; the law's lot must settle it first", len(r.tied))
		}
		sn.notes = append(sn.notes, "district apportionment: equal quotients settled in favour of the larger distribution figure")
	}
	for i, d := range c.Districts {
		out[i] = r.seats[i]
		if out[i] <= 0 {
			return nil, sn, invalid(fmt.Sprintf("districts[%d]", i), "DISTRICT_WITHOUT_SEATS", "district %q receives no seat from the district apportionment", d.ID)
		}
		if d.LevelingSeats >= out[i] {
			return nil, sn, invalid(fmt.Sprintf("districts[%d].leveling_seats", i), "NO_DISTRICT_SEATS_LEFT", "%d leveling seats leave no district seat of %d", d.LevelingSeats, out[i])
		}
		if d.Seats > 0 && d.Seats != out[i] {
			sn.notes = append(sn.notes, fmt.Sprintf("district %s: %d seats computed, %d given", d.ID, out[i], d.Seats))
		}
	}
	return out, sn, nil
}

// stageOf builds the explanation of one rational divisor distribution.
func stageOf(name string, m apportion.Method, seats int, r ratAlloc) Stage {
	st := Stage{Name: name, Method: m, Seats: seats, Tie: len(r.tied) > 0}
	if r.hasLastWin {
		st.LastWin = r.lastWin.rat()
	}
	if r.hasFirstLose {
		st.FirstOut = r.firstLose.rat()
	}
	st.ClosestCall = r.closestCall()
	st.Divisor = chooseDivisor(r)
	if m == apportion.HuntingtonHill {
		st.Notes = append(st.Notes, "Huntington-Hill quotients and divisor are squared (the exact values are irrational)")
	}
	return st
}

// chooseDivisor returns the simplest rational strictly between the first
// losing and the last winning quotient (the tied value on a tie).
func chooseDivisor(r ratAlloc) *big.Rat {
	var lo, hi *big.Rat
	if r.hasFirstLose {
		lo = r.firstLose.rat()
	}
	if r.hasLastWin {
		hi = r.lastWin.rat() // nil when infinite
	}
	switch {
	case lo == nil && hi == nil:
		return big.NewRat(1, 1)
	case hi == nil:
		return new(big.Rat).SetInt(new(big.Int).Add(new(big.Int).Quo(lo.Num(), lo.Denom()), big.NewInt(1)))
	case lo == nil:
		return simplestBetween(new(big.Rat), hi)
	case lo.Cmp(hi) >= 0:
		return lo
	}
	return simplestBetween(lo, hi)
}

// settleByWeight gives the contested seats of a tie to the tied items with
// the larger weights; false when equal weights straddle the boundary.
func settleByWeight(f divisorFn, wn, wd []*big.Int, r *ratAlloc) bool {
	tied := append([]int(nil), r.tied...)
	for _, i := range tied {
		if r.seats[i] > 0 && cmpFrac(f.prio(wn[i], wd[i], r.seats[i]-1), r.lastWin) == 0 {
			r.seats[i]--
		}
	}
	w := func(i int) *big.Rat { return new(big.Rat).SetFrac(wn[i], wd[i]) }
	sort.SliceStable(tied, func(a, b int) bool { return w(tied[a]).Cmp(w(tied[b])) > 0 })
	if r.contested < len(tied) && w(tied[r.contested-1]).Cmp(w(tied[r.contested])) == 0 {
		return false
	}
	for _, i := range tied[:r.contested] {
		r.seats[i]++
	}
	return true
}
