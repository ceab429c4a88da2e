package apportion

import "math/bits"

// quotaProbe answers "does party i hold at least t seats above its minimum
// for certain with v' votes" for an uncapped quota method in O(P), without
// re-running the distribution, inside one segment of constant
// participation. It is the items rule of quotaAlloc: party i's t-th item
// v' - (t-1)*quota is certain when at most F-t of the others' items
// v_j - u*quota are at or above it (F the seats above the minimums).
type quotaProbe struct {
	m      Method
	others []int64 // votes of the other participants with votes
	rest   uint64  // all other participants' votes
	F      int64
}

func newQuotaProbe(o *outcome, j int) *quotaProbe {
	qp := &quotaProbe{m: o.rule.Method, F: int64(o.S)}
	for k, v := range o.votes {
		qp.F -= int64(o.lo[k])
		if k == j {
			continue
		}
		qp.rest += uint64(v)
		if v > 0 {
			qp.others = append(qp.others, v)
		}
	}
	return qp
}

// valid reports whether a distribution exists with v' votes for party i:
// not when no participant has votes, unless every seat is a minimum.
func (qp *quotaProbe) valid(v int64) bool { return v > 0 || qp.rest > 0 || qp.F <= 0 }

// holds reports whether party i with v votes holds at least t free seats
// for certain.
func (qp *quotaProbe) holds(v int64, t int64) bool {
	if t <= 0 {
		return true
	}
	if v <= 0 || qp.F <= 0 || t > qp.F {
		return false
	}
	qn, qd := quotaOf(qp.m, qp.rest+uint64(v), int(qp.F))
	// Compare v_j*qd - u*qn >= v*qd - (t-1)*qn, i.e. count the u with
	// u*qn <= v_j*qd + (t-1)*qn - v*qd, in 128 bits.
	bh, bl := bits.Mul64(uint64(v), qd)
	th, tl := bits.Mul64(uint64(t-1), qn)
	limit := uint64(qp.F - t)
	var count uint64
	for _, vj := range qp.others {
		ah, al := bits.Mul64(uint64(vj), qd)
		var c uint64
		al, c = bits.Add64(al, tl, 0)
		ah, _ = bits.Add64(ah, th, c)
		if ah < bh || (ah == bh && al < bl) {
			continue // its first item is below i's t-th
		}
		var b uint64
		al, b = bits.Sub64(al, bl, 0)
		ah, _ = bits.Sub64(ah, bh, b)
		if ah >= qn {
			return false // more items than there are seats
		}
		n, _ := bits.Div64(ah, al, qn)
		count += n + 1
		if count > limit {
			return false
		}
	}
	return true
}
