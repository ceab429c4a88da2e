package apportion

import (
	"fmt"
	"math/big"
	"sort"
)

// maxMarginSegments bounds the exact search for one margin (intervals in
// which participation and the Droop quota are constant). When it is
// exceeded the margin is reported as -1 with a note.
const maxMarginSegments = 1 << 10

// prober re-runs the distribution with one party's votes changed. The rule
// is evaluated with TieUndecided semantics: a tie is never a win.
type prober struct {
	parties []Party
	rule    Rule
	total   int64
	base0   int64
}

// at returns party i's decided seats when its votes change by delta (the
// threshold base moves with it, see the package doc), and the outcome.
func (p *prober) at(i int, delta int64) (int, *outcome) {
	v := p.parties[i].Votes
	p.parties[i].Votes = v + delta
	o, err := solve(p.parties, p.rule, delta)
	p.parties[i].Votes = v
	if err != nil {
		return -1, nil
	}
	s := 0
	if p.rule.Overhang {
		s = int(p.parties[i].DistrictWins)
	}
	if j := sort.SearchInts(o.part, i); j < len(o.part) && o.part[j] == i && (o.alloc[j] > s || !p.rule.Overhang) {
		s = o.alloc[j]
	}
	return s, o
}

// computeMargins fills VotesToGain and VotesToLose for every party.
func computeMargins(parties []Party, rule Rule, o *outcome, res *Result) {
	pr := &prober{parties: append([]Party(nil), parties...), rule: rule}
	pr.rule.Ties = TieUndecided
	for _, q := range parties {
		pr.total += q.Votes
	}
	pr.base0 = o.base
	s0 := o.decidedTotals(parties)
	pj := map[int]int{}
	for j, i := range o.part {
		pj[i] = j
	}
	// Lowest awarded and highest next quotients, with runners-up, so the
	// closed form can exclude the party itself in O(1).
	var u1, u2, l1, l2 int = -1, -1, -1, -1
	if o.div != nil && len(o.tied) == 0 {
		d := o.div
		for j, v := range o.votes {
			if v <= 0 {
				continue
			}
			if o.alloc[j] > o.lo[j] {
				k := d.key(v, o.alloc[j]-1)
				if u1 < 0 || cmpKey(k, d.key(o.votes[u1], o.alloc[u1]-1)) < 0 {
					u1, u2 = j, u1
				} else if u2 < 0 || cmpKey(k, d.key(o.votes[u2], o.alloc[u2]-1)) < 0 {
					u2 = j
				}
			}
			if o.alloc[j] < o.hi[j] {
				k := d.key(v, o.alloc[j])
				if l1 < 0 || cmpKey(k, d.key(o.votes[l1], o.alloc[l1])) > 0 {
					l1, l2 = j, l1
				} else if l2 < 0 || cmpKey(k, d.key(o.votes[l2], o.alloc[l2])) > 0 {
					l2 = j
				}
			}
		}
	}
	bailed := 0
	for i := range parties {
		r := &res.Parties[i]
		s := s0[i]
		// Gain.
		gain := int64(-2)
		if rule.MaxSeatsPerParty > 0 && s >= rule.MaxSeatsPerParty {
			gain = -1
		} else if j, ok := pj[i]; ok && o.div != nil && len(o.tied) == 0 {
			other := u1
			if other == j {
				other = u2
			}
			if other >= 0 && o.alloc[j] < o.hi[j] {
				d := o.div
				need := d.minVotesAbove(o.alloc[j], d.key(o.votes[other], o.alloc[other]-1))
				if x := need - parties[i].Votes; need >= 0 && x >= 1 {
					if a, _ := pr.at(i, x); a > s {
						if b, _ := pr.at(i, x-1); b <= s {
							gain = x
						}
					}
				}
			}
		}
		if gain == -2 {
			gain = pr.gainSearch(i, s)
		}
		// Loss.
		loss := int64(-2)
		if s == 0 {
			loss = -1
		} else if j, ok := pj[i]; ok && o.div != nil && len(o.tied) == 0 && o.alloc[j] > o.lo[j] && o.alloc[j] == s {
			other := l1
			if other == j {
				other = l2
			}
			if other >= 0 {
				d := o.div
				keep := d.maxVotesAtMost(o.alloc[j]-1, d.key(o.votes[other], o.alloc[other]))
				if x := parties[i].Votes - keep; keep >= 0 && x >= 1 && x <= parties[i].Votes {
					if a, _ := pr.at(i, -x); a < s {
						if b, _ := pr.at(i, -(x - 1)); b >= s {
							loss = x - 1
						}
					}
				}
			}
		}
		if loss == -2 {
			loss = pr.lossSearch(i, s)
		}
		if gain == -3 || loss == -3 {
			bailed++
		}
		if gain < -1 {
			gain = -1
		}
		if loss < -1 {
			loss = -1
		}
		r.VotesToGain, r.VotesToLose = gain, loss
	}
	if bailed > 0 {
		res.Notes = append(res.Notes, fmt.Sprintf("margins of %d parties not computed: exact search bound exceeded", bailed))
	}
}

// gainSearch finds the fewest added votes giving party i more than s
// decided seats, exactly; -1 if impossible, -3 if the search bound was hit.
func (p *prober) gainSearch(i, s int) int64 {
	xmax := MaxTotalVotes - max(p.total, p.base0)
	if xmax < 1 {
		return -1
	}
	f := func(x int64) bool { a, _ := p.at(i, x); return a > s }
	hi := int64(-1)
	for x := int64(1); ; x *= 2 {
		if x >= xmax {
			if f(xmax) {
				hi = xmax
			}
			break
		}
		if f(x) {
			hi = x
			break
		}
	}
	if hi < 0 {
		return -1
	}
	return p.firstTrue(i, hi, 1, f)
}

// lossSearch returns the largest loss keeping party i at s decided seats.
func (p *prober) lossSearch(i, s int) int64 {
	v := p.parties[i].Votes
	f := func(x int64) bool { a, _ := p.at(i, -x); return a < s }
	hi := int64(-1)
	for x := int64(1); x <= v; x *= 2 {
		if f(x) {
			hi = x
			break
		}
		if x > v/2 {
			break
		}
	}
	if hi < 0 {
		if v == 0 || !f(v) {
			return v
		}
		hi = v
	}
	first := p.firstTrue(i, hi, -1, f)
	if first < 0 {
		return first
	}
	return first - 1
}

// firstTrue returns the least x in [1, hi] with f(x), given f(hi). f is
// monotone inside every interval where the set of participants and (for
// Droop) the quota stay constant, so each interval needs one probe at its
// end and a binary search in the first interval that succeeds.
func (p *prober) firstTrue(i int, hi int64, dir int64, f func(int64) bool) int64 {
	bps := p.breakpoints(i, dir, hi)
	bps = append(bps, hi+1)
	a := int64(1)
	segs := 0
	for _, nb := range bps {
		b := nb - 1
		if a > b {
			continue
		}
		// Droop: the quota changes every S+1 votes of the participants'
		// total; participation is constant inside [a, b].
		var vp, m int64
		droop := false
		if p.rule.Method == Droop {
			if _, o := p.at(i, dir*a); o != nil {
				if j := sort.SearchInts(o.part, i); j < len(o.part) && o.part[j] == i {
					for _, v := range o.votes {
						vp += v
					}
					m, droop = int64(o.S)+1, true
				}
			}
		}
		for a <= b {
			e := b
			if droop {
				cur := vp // participants' total at x = a
				var next int64
				if dir > 0 {
					next = a + (cur/m+1)*m - cur
				} else {
					next = a + cur - ((cur/m)*m - 1)
				}
				if next-1 < e {
					e = next - 1
				}
				vp += dir * (e + 1 - a)
			}
			segs++
			if segs > maxMarginSegments {
				return -3
			}
			if f(e) {
				lo, h := a, e
				for lo < h {
					mid := lo + (h-lo)/2
					if f(mid) {
						h = mid
					} else {
						lo = mid + 1
					}
				}
				return lo
			}
			a = e + 1
		}
	}
	return hi
}

// breakpoints returns the sorted x in [2, hi] around which the set of
// participants may change when party i's votes move by dir*x: threshold
// crossings of every party (the base moves with the votes) and, with the
// runner-up rule, vote-order crossings. Each crossing c contributes
// floor(c), floor(c)+1 and floor(c)+2, so no off-by-one can hide a change.
func (p *prober) breakpoints(i int, dir int64, hi int64) []int64 {
	var cs []*big.Rat
	v := p.parties[i].Votes
	D := big.NewRat(dir, 1)
	if th := p.rule.Threshold; th != nil {
		if th.Percent != nil && th.Percent.Sign() > 0 {
			num, den := th.Percent.Num(), th.Percent.Denom()
			hd := new(big.Int).Mul(big.NewInt(100), den)
			nb := new(big.Int).Mul(num, bigI(p.base0))
			for j, q := range p.parties {
				if j == i {
					c := new(big.Int).Sub(hd, num)
					if c.Sign() != 0 {
						t := new(big.Int).Sub(nb, new(big.Int).Mul(hd, bigI(v)))
						cs = append(cs, new(big.Rat).Mul(new(big.Rat).SetFrac(t, c), D))
					}
					continue
				}
				t := new(big.Int).Sub(new(big.Int).Mul(hd, bigI(q.Votes)), nb)
				cs = append(cs, new(big.Rat).Mul(new(big.Rat).SetFrac(t, num), D))
			}
		}
		if th.Votes > 0 {
			cs = append(cs, new(big.Rat).Mul(big.NewRat(th.Votes-v, 1), D))
		}
	}
	if p.rule.RunnerUpGuaranteed && p.rule.Threshold != nil {
		for j, q := range p.parties {
			if j != i {
				cs = append(cs, new(big.Rat).Mul(big.NewRat(q.Votes-v, 1), D))
			}
		}
	}
	var out []int64
	for _, c := range cs {
		if c.Sign() <= 0 {
			continue
		}
		fl := new(big.Int).Quo(c.Num(), c.Denom())
		if !fl.IsInt64() {
			continue
		}
		for k := int64(0); k <= 2; k++ {
			if x := fl.Int64() + k; x >= 2 && x <= hi {
				out = append(out, x)
			}
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a] < out[b] })
	uniq := out[:0]
	for k, x := range out {
		if k == 0 || x != out[k-1] {
			uniq = append(uniq, x)
		}
	}
	return uniq
}
