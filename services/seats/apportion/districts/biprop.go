package districts

import (
	"context"
	"fmt"
	"math/big"
	"sort"

	"github.com/mandate-project/mandate/services/seats/apportion"
)

// biproportional runs the quorum, the upper apportionment and the lower
// apportionment (alternating scaling in exact rationals), then certifies
// the matrix and checks it for uniqueness.
func biproportional(ctx context.Context, c *Chamber, seats []int, res *Result) error {
	b := c.Rule.Biproportional
	nd, nl := len(c.Districts), len(c.Lists)

	// Quorum.
	grand := new(big.Rat)
	for _, d := range res.Districts {
		grand.Add(grand, d.Votes)
	}
	for j, l := range c.Lists {
		q := apportion.NoThreshold
		if qu := b.Quorum; qu != nil {
			anyD, total := false, false
			if qu.AnyDistrictPercent != nil {
				for i := range nd {
					if v := cell(l, i); v != nil && atLeastPercent(v, qu.AnyDistrictPercent, res.Districts[i].Votes) {
						anyD = true
						break
					}
				}
			}
			if qu.TotalPercent != nil {
				total = atLeastPercent(res.Lists[j].Votes, qu.TotalPercent, grand)
			}
			pass := anyD || total
			if qu.All {
				pass = (qu.AnyDistrictPercent == nil || anyD) && (qu.TotalPercent == nil || total)
			}
			q = apportion.Failed
			if pass {
				q = apportion.Passed
			}
		}
		res.Lists[j].Qualification = q
		for i := range nd {
			res.Lists[j].DistrictQualification[i] = q
		}
	}
	if qu := b.Quorum; qu != nil {
		res.Notes = append(res.Notes, "quorum: "+quorumText(qu))
	}

	// Upper apportionment.
	S := res.Seats
	var part []int
	wn, wd := []*big.Int{}, []*big.Int{}
	for j, l := range c.Lists {
		// Sum the cells per district size first (integers, mostly), then
		// divide once per size: the same exact total with far fewer
		// rational additions.
		bySize := map[int]*ratSum{}
		var plain ratSum
		for i := range nd {
			v := cell(l, i)
			if v == nil {
				continue
			}
			switch {
			case b.RoundWeights:
				x := v
				if b.Weighting == WeightBySeats {
					x = new(big.Rat).Quo(v, new(big.Rat).SetInt64(int64(seats[i])))
				}
				plain.add(roundHalfUp(x))
			case b.Weighting == WeightBySeats:
				if bySize[seats[i]] == nil {
					bySize[seats[i]] = &ratSum{}
				}
				bySize[seats[i]].add(v)
			default:
				plain.add(v)
			}
		}
		w := plain.rat()
		for s, sum := range bySize {
			w.Add(w, new(big.Rat).Quo(sum.rat(), new(big.Rat).SetInt64(int64(s))))
		}
		res.Lists[j].UpperWeight = w
		if res.Lists[j].Qualification.Participates() && w.Sign() > 0 {
			part = append(part, j)
			wn = append(wn, new(big.Int).Set(w.Num()))
			wd = append(wd, new(big.Int).Set(w.Denom()))
		}
	}
	if len(part) == 0 {
		return invalid("rule.biproportional.quorum", "NO_PARTY_QUALIFIES", "no list passes the quorum")
	}
	lo, hi := make([]int, len(part)), make([]int, len(part))
	for k := range hi {
		hi[k] = -1
	}
	up := allocRat(newDivisorFn(b.UpperMethod, b.UpperFirstDivisor), wn, wd, lo, hi, S)
	ust := stageOf("upper", b.UpperMethod, S, up)
	if len(up.tied) > 0 {
		res.Unique = false
		ids := make([]string, len(up.tied))
		for k, t := range up.tied {
			ids[k] = c.Lists[part[t]].ID
			res.Lists[part[t]].TiedForLast = true
		}
		ust.Notes = append(ust.Notes, fmt.Sprintf("exact tie in the upper apportionment: %d seat(s) among %v; shown in list order, the law's tie rule (lot) must settle it", up.contested, ids))
	}
	res.Stages = append(res.Stages, ust)
	P := make([]int, nl)
	for k, j := range part {
		P[j] = up.seats[k]
		res.Lists[j].NationalSeats = up.seats[k]
	}
	res.Notes = append(res.Notes, fmt.Sprintf("upper apportionment: %d seats among %d of %d lists by %s on %s", S, len(part), nl, b.UpperMethod, weightText(b)))

	// Lower apportionment.
	lw, err := lower(ctx, c, seats, P, res)
	if err != nil {
		return err
	}
	for j := range nl {
		copy(res.Lists[j].DistrictSeats, lw.x[j])
		if lw.b[j] != nil {
			res.Lists[j].Divisor = lw.b[j]
		}
	}
	for i := range nd {
		res.Districts[i].Divisor = lw.a[i]
	}
	res.Iterations = lw.iterations
	return nil
}

func weightText(b *BiproportionalRule) string {
	s := "the votes as given"
	if b.Weighting == WeightBySeats {
		s = "votes divided by the district's seats"
	}
	if b.RoundWeights {
		s += ", each rounded to a whole number"
	}
	return s
}

func quorumText(q *Quorum) string {
	var parts []string
	if q.AnyDistrictPercent != nil {
		parts = append(parts, q.AnyDistrictPercent.FloatString(2)+"% in at least one district")
	}
	if q.TotalPercent != nil {
		parts = append(parts, q.TotalPercent.FloatString(2)+"% of all votes")
	}
	join := " or "
	if q.All {
		join = " and "
	}
	s := parts[0]
	for _, p := range parts[1:] {
		s += join + p
	}
	return s + " (inclusive)"
}

// roundHalfUp rounds a non-negative rational to the nearest integer, halves up.
func roundHalfUp(x *big.Rat) *big.Rat {
	n := new(big.Int).Mul(x.Num(), big.NewInt(2))
	n.Add(n, x.Denom())
	d := new(big.Int).Mul(x.Denom(), big.NewInt(2))
	return new(big.Rat).SetInt(n.Quo(n, d))
}

type lowerOut struct {
	x          [][]int    // [list][district]
	a          []*big.Rat // district divisors
	b          []*big.Rat // list divisors (nil for lists without seats)
	iterations int
}

// lowerCell is one list x district cell with votes, of a list with seats.
type lowerCell struct {
	j, i int
	v    *big.Rat
	lo   int // 1 for a district winner's guaranteed seat
}

// lower finds district divisors a and list divisors b such that
// x = round(v / (a b)) meets the district seats and the upper seats, by
// alternating scaling: each district step and each list step is an exact
// divisor apportionment whose divisor is the simplest rational strictly
// between the last winning and the first losing quotient.
func lower(ctx context.Context, c *Chamber, seats, P []int, res *Result) (*lowerOut, error) {
	b := c.Rule.Biproportional
	nd, nl := len(c.Districts), len(c.Lists)
	f := newDivisorFn(b.LowerMethod, nil)
	m0 := b.LowerMethod
	byD := make([][]lowerCell, nd)
	type ref struct{ i, k int }
	refs := make([][]ref, nl)
	for i := range nd {
		// The district winner's guarantee.
		var winners []int
		var best *big.Rat
		if b.DistrictWinnerMinOneSeat {
			for j, l := range c.Lists {
				v := cell(l, i)
				if v == nil || P[j] == 0 {
					continue
				}
				switch {
				case best == nil || v.Cmp(best) > 0:
					best, winners = v, []int{j}
				case v.Cmp(best) == 0:
					winners = append(winners, j)
				}
			}
			if len(winners) > 1 && (b.WinnerTieException || len(winners) > seats[i]) {
				res.Notes = append(res.Notes, fmt.Sprintf("district %s: %d lists tie for the most votes, more than can each be guaranteed a seat; the winner condition is not applied there", c.Districts[i].ID, len(winners)))
				winners = nil
			}
		}
		for j, l := range c.Lists {
			v := cell(l, i)
			if v == nil || P[j] == 0 {
				continue
			}
			lc := lowerCell{j: j, i: i, v: v}
			for _, w := range winners {
				if w == j {
					lc.lo = 1
				}
			}
			refs[j] = append(refs[j], ref{i, len(byD[i])})
			byD[i] = append(byD[i], lc)
		}
	}
	if err := feasible(c, seats, P, byD); err != nil {
		return nil, err
	}
	out := &lowerOut{x: make([][]int, nl), a: make([]*big.Rat, nd), b: make([]*big.Rat, nl)}
	for j := range nl {
		out.x[j] = make([]int, nd)
	}
	x := make([][]int, nd) // per district, per cell
	for i := range nd {
		x[i] = make([]int, len(byD[i]))
	}
	// Start: list divisors = votes per upper seat, so v/b is the list's
	// seat share in the district.
	bd := make([]*big.Rat, nl)
	for j := range nl {
		if P[j] == 0 {
			continue
		}
		s := new(big.Rat)
		for _, r := range refs[j] {
			s.Add(s, byD[r.i][r.k].v)
		}
		bd[j] = s.Quo(s, new(big.Rat).SetInt64(int64(P[j])))
	}
	ad := make([]*big.Rat, nd)
	sawTie := false
	districtStep := func() {
		for i := range nd {
			cs := byD[i]
			wn, wd := make([]*big.Int, len(cs)), make([]*big.Int, len(cs))
			lo, hi := make([]int, len(cs)), make([]int, len(cs))
			for k, lc := range cs {
				w := new(big.Rat).Quo(lc.v, bd[lc.j])
				wn[k], wd[k] = w.Num(), w.Denom()
				lo[k], hi[k] = lc.lo, -1
			}
			r := allocRat(f, wn, wd, lo, hi, seats[i])
			copy(x[i], r.seats)
			ad[i] = chooseDivisor(r)
			sawTie = sawTie || len(r.tied) > 0
		}
	}
	listStep := func() {
		for j := range nl {
			if P[j] == 0 {
				continue
			}
			rs := refs[j]
			wn, wd := make([]*big.Int, len(rs)), make([]*big.Int, len(rs))
			lo, hi := make([]int, len(rs)), make([]int, len(rs))
			for k, r := range rs {
				lc := byD[r.i][r.k]
				w := new(big.Rat).Quo(lc.v, ad[r.i])
				wn[k], wd[k] = w.Num(), w.Denom()
				lo[k], hi[k] = lc.lo, -1
			}
			r := allocRat(f, wn, wd, lo, hi, P[j])
			for k, rr := range rs {
				x[rr.i][rr.k] = r.seats[k]
			}
			sawTie = sawTie || len(r.tied) > 0
			// b multiplies the district divisors: v/(a b) = (v/a)/b.
			bd[j] = chooseDivisor(r)
		}
	}
	colsOK := func() bool {
		for j := range nl {
			s := 0
			for _, r := range refs[j] {
				s += x[r.i][r.k]
			}
			if s != P[j] {
				return false
			}
		}
		return true
	}
	rowsOK := func() bool {
		for i := range nd {
			s := 0
			for _, v := range x[i] {
				s += v
			}
			if s != seats[i] {
				return false
			}
		}
		return true
	}
	it := 0
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		it++
		districtStep()
		if colsOK() {
			break
		}
		listStep()
		if rowsOK() {
			break
		}
		if it >= scalingRounds {
			// Alternating scaling cycles on ties and can crawl near them:
			// finish with tie-and-transfer from this state, where every
			// list already has its seats.
			tt, err := tieAndTransfer(ctx, m0, byD, ad, bd, seats, x)
			if err != nil {
				return nil, err
			}
			res.Notes = append(res.Notes, fmt.Sprintf("alternating scaling did not settle in %d rounds; finished by tie-and-transfer (%d transfer(s))", scalingRounds, tt))
			sawTie = true
			break
		}
	}
	out.iterations = it
	// Normalise so that the list divisors are the ones that go with the
	// final district divisors: recompute b from a (exact check below).
	// After a settled tie the divisors already fit the matrix.
	for j := range nl {
		if P[j] == 0 || sawTie {
			continue
		}
		rs := refs[j]
		wn, wd := make([]*big.Int, len(rs)), make([]*big.Int, len(rs))
		lo, hi := make([]int, len(rs)), make([]int, len(rs))
		for k, r := range rs {
			lc := byD[r.i][r.k]
			w := new(big.Rat).Quo(lc.v, ad[r.i])
			wn[k], wd[k] = w.Num(), w.Denom()
			lo[k], hi[k] = lc.lo, -1
		}
		r := allocRat(f, wn, wd, lo, hi, P[j])
		for k, rr := range rs {
			if r.seats[k] != x[rr.i][rr.k] {
				// The district step's tie was settled differently; keep the
				// list step's rounding, which meets the same divisors.
				x[rr.i][rr.k] = r.seats[k]
			}
		}
		bd[j] = chooseDivisor(r)
	}
	for i := range nd {
		for k, lc := range byD[i] {
			out.x[lc.j][i] = x[i][k]
		}
		out.a[i] = ad[i]
	}
	for j := range nl {
		out.b[j] = bd[j]
	}
	if err := certify(c, seats, P, byD, out, f, res); err != nil {
		return nil, err
	}
	return out, nil
}

// signpost returns s(k), the value of v/(a b) at which a cell moves from
// k-1 to k seats: k-1/2 for standard rounding, k for downward and k-1 for
// upward rounding. s(k) for k <= lo is 0 (a guaranteed seat).
func signpost(m apportion.Method, k, lo int) *big.Rat {
	if k <= lo {
		return new(big.Rat)
	}
	switch m {
	case apportion.DHondt:
		return big.NewRat(int64(k), 1)
	case apportion.Adams:
		return big.NewRat(int64(k-1), 1)
	}
	return big.NewRat(int64(2*k-1), 2)
}

// certify checks that every cell rounds to its seats under the reported
// divisors and that both margins hold, then looks for a cycle of cells that
// sit exactly on a signpost: such a cycle is another valid matrix (a tie).
// It also reports the lower stage's closest call.
func certify(c *Chamber, seats, P []int, byD [][]lowerCell, out *lowerOut, f divisorFn, res *Result) error {
	m := c.Rule.Biproportional.LowerMethod
	nd, nl := len(c.Districts), len(c.Lists)
	// Graph nodes: districts 0..nd-1, lists nd..nd+nl-1. Edge d->l: the
	// cell can take one more seat (quotient on its next signpost); l->d:
	// it can give one up (quotient on its own signpost).
	adj := make([][]int, nd+nl)
	rowSum := make([]int, nd)
	colSum := make([]int, nl)
	var closest *big.Rat
	closestD := -1
	for i := range nd {
		var lastWin, firstOut *big.Rat
		for _, lc := range byD[i] {
			xv := out.x[lc.j][i]
			rowSum[i] += xv
			colSum[lc.j] += xv
			q := new(big.Rat).Quo(lc.v, new(big.Rat).Mul(out.a[i], out.b[lc.j]))
			up := signpost(m, xv+1, lc.lo)
			cmpUp := q.Cmp(up)
			var cmpDown int
			if xv > 0 {
				cmpDown = q.Cmp(signpost(m, xv, lc.lo))
			} else {
				cmpDown = 1
			}
			if cmpUp > 0 || cmpDown < 0 {
				return fmt.Errorf("districts: internal error: cell (%s, %s) does not round to %d under the divisors", c.Lists[lc.j].ID, c.Districts[i].ID, xv)
			}
			if cmpUp == 0 {
				adj[i] = append(adj[i], nd+lc.j)
			}
			if xv > lc.lo && cmpDown == 0 {
				adj[nd+lc.j] = append(adj[nd+lc.j], i)
			}
			// District-level quotients with the list divisors fixed:
			// (v/b)/s(x) won, (v/b)/s(x+1) lost.
			w := new(big.Rat).Quo(lc.v, out.b[lc.j])
			if xv > lc.lo {
				qw := new(big.Rat).Quo(w, signpost(m, xv, lc.lo))
				if lastWin == nil || qw.Cmp(lastWin) < 0 {
					lastWin = qw
				}
			}
			if up.Sign() > 0 {
				ql := new(big.Rat).Quo(w, up)
				if firstOut == nil || ql.Cmp(firstOut) > 0 {
					firstOut = ql
				}
			}
		}
		if lastWin != nil && firstOut != nil && lastWin.Sign() > 0 {
			g := new(big.Rat).Sub(lastWin, firstOut)
			g.Quo(g, lastWin)
			if closest == nil || g.Cmp(closest) < 0 {
				closest, closestD = g, i
			}
		}
	}
	for i := range nd {
		if rowSum[i] != seats[i] {
			return fmt.Errorf("districts: internal error: district %s has %d of %d seats", c.Districts[i].ID, rowSum[i], seats[i])
		}
	}
	for j := range nl {
		if colSum[j] != P[j] {
			return fmt.Errorf("districts: internal error: list %s has %d of %d seats", c.Lists[j].ID, colSum[j], P[j])
		}
	}
	st := Stage{Name: "lower", Method: m, Seats: res.Seats, ClosestCall: closest}
	if closestD >= 0 {
		st.Notes = append(st.Notes, fmt.Sprintf("closest call in district %s with the list divisors fixed", c.Districts[closestD].ID))
	}
	for _, cyc := range cycles(adj, nd) {
		res.Unique = false
		st.Tie = true
		t := Transfer{}
		for k := 0; k < len(cyc); k += 2 {
			d, l := cyc[k], cyc[k+1]-nd
			dn := cyc[(k+2)%len(cyc)]
			t.Add = append(t.Add, [2]int{l, d})
			t.Remove = append(t.Remove, [2]int{l, dn})
			res.Lists[l].TiedForLast = true
		}
		res.Alternatives = append(res.Alternatives, t)
		st.Notes = append(st.Notes, "exact tie: "+transferText(c, t)+" gives another matrix under the same rule; the law's tie rule (lot) must settle it")
	}
	if res.Unique {
		st.Notes = append(st.Notes, "the matrix is the unique biproportional apportionment: no cycle of cells sits on its signposts")
	}
	res.Stages = append(res.Stages, st)
	res.Notes = append(res.Notes, fmt.Sprintf("lower apportionment: %s rounding, %d alternating-scaling iteration(s)", lowerRounding(m), out.iterations))
	return nil
}

func lowerRounding(m apportion.Method) string {
	switch m {
	case apportion.DHondt:
		return "downward"
	case apportion.Adams:
		return "upward"
	}
	return "standard"
}

func transferText(c *Chamber, t Transfer) string {
	s := ""
	for k := range t.Add {
		if k > 0 {
			s += ", "
		}
		a, r := t.Add[k], t.Remove[k]
		s += fmt.Sprintf("+1 %s in %s, -1 %s in %s", c.Lists[a[0]].ID, c.Districts[a[1]].ID, c.Lists[r[0]].ID, c.Districts[r[1]].ID)
	}
	return s
}

// cycles returns one directed cycle per strongly connected component with
// more than one node (Tarjan), as node lists starting at a district.
func cycles(adj [][]int, nd int) [][]int {
	n := len(adj)
	index := make([]int, n)
	low := make([]int, n)
	on := make([]bool, n)
	comp := make([]int, n)
	for i := range index {
		index[i] = -1
		comp[i] = -1
	}
	var stack []int
	next, nc := 0, 0
	var strong func(v int)
	strong = func(v int) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		on[v] = true
		for _, w := range adj[v] {
			if index[w] < 0 {
				strong(w)
				low[v] = min(low[v], low[w])
			} else if on[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] == index[v] {
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				on[w] = false
				comp[w] = nc
				if w == v {
					break
				}
			}
			nc++
		}
	}
	for v := range n {
		if index[v] < 0 && len(adj[v]) > 0 {
			strong(v)
		}
	}
	size := make([]int, nc)
	for v := range n {
		if comp[v] >= 0 {
			size[comp[v]]++
		}
	}
	var out [][]int
	done := make([]bool, nc)
	for v := range nd {
		cv := comp[v]
		if cv < 0 || size[cv] < 2 || done[cv] {
			continue
		}
		done[cv] = true
		// Walk inside the component until a node repeats.
		pos := map[int]int{}
		var path []int
		u := v
		for {
			if p, seen := pos[u]; seen {
				cyc := path[p:]
				// Rotate to start at a district node.
				for k, w := range cyc {
					if w < nd {
						cyc = append(append([]int{}, cyc[k:]...), cyc[:k]...)
						break
					}
				}
				out = append(out, cyc)
				break
			}
			pos[u] = len(path)
			path = append(path, u)
			for _, w := range adj[u] {
				if comp[w] == cv {
					u = w
					break
				}
			}
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	return out
}

// feasible checks by a maximum flow that some matrix with the district and
// list margins exists on the cells with votes; otherwise no divisors can
// give one and alternating scaling would never settle.
func feasible(c *Chamber, seats, P []int, byD [][]lowerCell) error {
	nd, nl := len(c.Districts), len(c.Lists)
	S := 0
	for _, p := range P {
		S += p
	}
	g := newFlow(nd + nl + 2)
	src, snk := nd+nl, nd+nl+1
	for j := range nl {
		if P[j] > 0 {
			g.edge(src, nd+j, P[j])
		}
	}
	for i := range nd {
		g.edge(i, snk, seats[i])
		for _, lc := range byD[i] {
			g.edge(nd+lc.j, i, seats[i])
		}
	}
	if got := g.maxflow(src, snk); got < S {
		return invalid("lists", "NO_BIPROPORTIONAL_SOLUTION", "no seat matrix meets both margins: only %d of %d seats can be placed in districts where the lists have votes", got, S)
	}
	return nil
}

// scalingRounds bounds alternating scaling before tie-and-transfer takes
// over.
var scalingRounds = 60

// tieAndTransfer completes the lower apportionment from divisors a, b and a
// matrix x in which every list has its seats and every cell rounds to its
// seats (cells on a signpost may take either neighbour). While a district
// holds too many seats, it moves one seat along a path of tied cells to a
// district with too few (lists keep their seats); when no path exists, it
// scales the divisors of the reachable districts up and of the reachable
// lists down by the least factor that creates a new tie (the
// tie-and-transfer method of Balinski and Demange, exact in rationals). It
// returns the number of transfers.
func tieAndTransfer(ctx context.Context, m apportion.Method, byD [][]lowerCell, a, b []*big.Rat, seats []int, x [][]int) (int, error) {
	nd, nl := len(byD), len(b)
	type cref struct{ i, k int }
	byL := make([][]cref, nl)
	for i := range nd {
		for k, lc := range byD[i] {
			byL[lc.j] = append(byL[lc.j], cref{i, k})
		}
	}
	q := func(i, k int) *big.Rat {
		lc := byD[i][k]
		return new(big.Rat).Quo(lc.v, new(big.Rat).Mul(a[i], b[lc.j]))
	}
	canDec := func(i, k int) bool {
		lc := byD[i][k]
		return x[i][k] > lc.lo && q(i, k).Cmp(signpost(m, x[i][k], lc.lo)) == 0
	}
	canInc := func(i, k int) bool {
		lc := byD[i][k]
		return q(i, k).Cmp(signpost(m, x[i][k]+1, lc.lo)) == 0
	}
	row := func(i int) int {
		s := 0
		for _, v := range x[i] {
			s += v
		}
		return s
	}
	transfers := 0
	for guard := 0; ; guard++ {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		if guard > 4*(nd+nl)*(1+len(seats))*64 {
			return 0, invalid("rule.biproportional", "NO_CONVERGENCE", "the lower apportionment did not settle")
		}
		i0 := -1
		for i := range nd {
			if row(i) > seats[i] {
				i0 = i
				break
			}
		}
		if i0 < 0 {
			return transfers, nil
		}
		// Label districts and lists reachable by tied cells.
		labD, labL := make([]bool, nd), make([]bool, nl)
		fromD := make([]cref, nd) // cell by which a district was reached
		fromL := make([]cref, nl)
		labD[i0] = true
		queue := []int{i0}
		target := -1
		for len(queue) > 0 && target < 0 {
			i := queue[0]
			queue = queue[1:]
			for k, lc := range byD[i] {
				if labL[lc.j] || !canDec(i, k) {
					continue
				}
				labL[lc.j] = true
				fromL[lc.j] = cref{i, k}
				for _, c := range byL[lc.j] {
					if labD[c.i] || !canInc(c.i, c.k) {
						continue
					}
					labD[c.i] = true
					fromD[c.i] = c
					if row(c.i) < seats[c.i] {
						target = c.i
						break
					}
					queue = append(queue, c.i)
				}
				if target >= 0 {
					break
				}
			}
		}
		if target >= 0 {
			for i := target; i != i0; {
				c := fromD[i]
				x[c.i][c.k]++
				j := byD[c.i][c.k].j
				d := fromL[j]
				x[d.i][d.k]--
				i = d.i
			}
			transfers++
			continue
		}
		// Scale: labeled districts' divisors up, labeled lists' down.
		var lam *big.Rat
		consider := func(r *big.Rat) {
			if lam == nil || r.Cmp(lam) < 0 {
				lam = r
			}
		}
		for i := range nd {
			for k, lc := range byD[i] {
				switch {
				case labD[i] && !labL[lc.j]:
					if s := signpost(m, x[i][k], lc.lo); x[i][k] > lc.lo && s.Sign() > 0 {
						consider(new(big.Rat).Quo(q(i, k), s))
					}
				case !labD[i] && labL[lc.j]:
					consider(new(big.Rat).Quo(signpost(m, x[i][k]+1, lc.lo), q(i, k)))
				}
			}
		}
		if lam == nil || lam.Cmp(big.NewRat(1, 1)) <= 0 {
			return 0, invalid("lists", "NO_BIPROPORTIONAL_SOLUTION", "no seat matrix meets both margins under the rule")
		}
		for i := range nd {
			if labD[i] {
				a[i] = new(big.Rat).Mul(a[i], lam)
			}
		}
		for j := range nl {
			if labL[j] && b[j] != nil {
				b[j] = new(big.Rat).Quo(b[j], lam)
			}
		}
	}
}
