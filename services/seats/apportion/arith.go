package apportion

import (
	"math/big"
	"math/bits"
)

// u192 is an unsigned 192-bit integer, least significant word first. Every
// seat decision compares two products of three 64-bit factors, which always
// fit; no floating point is involved.
type u192 [3]uint64

// mul3 returns a*b*c exactly.
func mul3(a, b, c uint64) u192 {
	h1, l1 := bits.Mul64(a, b)
	h2, l2 := bits.Mul64(l1, c)
	h3, l3 := bits.Mul64(h1, c)
	w1, carry := bits.Add64(h2, l3, 0)
	return u192{l2, w1, h3 + carry}
}

func cmp192(a, b u192) int {
	for i := 2; i >= 0; i-- {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// key is an exact priority x*y/q. q == 0 (with x, y > 0) means +infinity
// (a zero divisor). Parties without votes get key{0,1,1}.
type key struct{ x, y, q uint64 }

func (k key) inf() bool { return k.q == 0 && k.x != 0 && k.y != 0 }

// cmpKey compares two priorities exactly: -1, 0 or +1.
func cmpKey(a, b key) int {
	ai, bi := a.inf(), b.inf()
	switch {
	case ai && bi:
		return 0
	case ai:
		return 1
	case bi:
		return -1
	}
	return cmp192(mul3(a.x, a.y, b.q), mul3(b.x, b.y, a.q))
}

// rat returns the priority as a big.Rat, nil for +infinity.
func (k key) rat() *big.Rat {
	if k.inf() {
		return nil
	}
	n := new(big.Int).Mul(new(big.Int).SetUint64(k.x), new(big.Int).SetUint64(k.y))
	return new(big.Rat).SetFrac(n, new(big.Int).SetUint64(k.q))
}

func bigU(v uint64) *big.Int { return new(big.Int).SetUint64(v) }
func bigI(v int64) *big.Int  { return big.NewInt(v) }
