package tallyapi

import (
	"math"
	"math/big"
	"testing"
)

// TestPercent checks the 128-bit percent against the big-int rule it
// replaced, at the edges (rounding, padding, overflow of num*10000, the
// big-int fallbacks).
func TestPercent(t *testing.T) {
	want := func(num, den int64) string {
		n := new(big.Int).Mul(big.NewInt(num), big.NewInt(20000))
		n.Add(n, big.NewInt(den))
		n.Quo(n, new(big.Int).Mul(big.NewInt(den), big.NewInt(2)))
		s := n.String()
		for len(s) < 3 {
			s = "0" + s
		}
		return s[:len(s)-2] + "." + s[len(s)-2:]
	}
	cases := [][2]int64{
		{0, 1}, {1, 3}, {2, 3}, {1, 20000}, {1, 19999}, {1, 20001}, {5621436, 6941220}, {6941220, 6941220},
		{1, 1}, {7, 1}, {1, 100000}, {999, 100000}, {math.MaxInt64, math.MaxInt64}, {math.MaxInt64, 1},
		{math.MaxInt64, 10000}, {math.MaxInt64 / 3, math.MaxInt64 - 1}, {1 << 62, 3}, {-1, 3}, {-5, 7}, {math.MinInt64, 1},
	}
	for num := int64(0); num < 300; num++ {
		for _, den := range []int64{1, 2, 3, 7, 199, 200, 201, 10000, 20000, 1 << 40} {
			cases = append(cases, [2]int64{num, den})
		}
	}
	for _, c := range cases {
		if got, w := percent(c[0], c[1]), want(c[0], c[1]); got != w {
			t.Errorf("percent(%d, %d) = %q, want %q", c[0], c[1], got, w)
		}
	}
	if got := percent(5621436, 6941220); got != "80.99" {
		t.Errorf("KZ 2012 Nur Otan share %q, want 80.99", got)
	}
}
