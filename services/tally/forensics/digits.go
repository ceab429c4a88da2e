package forensics

import (
	"math"
)

// WeakSignal labels every digit test. Digit tests are weak evidence either
// way: honest counts fail them (few choices, small or similar stations, a
// count range narrower than a digit's cycle) and forged counts can pass them.
// See Mebane, "Election forensics: vote counts and Benford's law" (2006), and
// Deckert, Myagkov and Ordeshook, "Benford's law and the detection of
// election fraud", Political Analysis 19(3), 2011, for the debate.
const WeakSignal = "weak signal"

// DigitKind says which digit a test looks at.
type DigitKind int

const (
	DigitKindUnspecified DigitKind = iota
	// LastDigit: the units digit of counts of at least
	// Options.MinLastDigitVotes, against the uniform distribution.
	LastDigit
	// SecondDigit: the second digit from the left of counts of at least
	// Options.MinSecondDigitVotes, against Benford's law for second digits
	// (the "2BL" test).
	SecondDigit
)

func (k DigitKind) String() string {
	switch k {
	case LastDigit:
		return "LAST_DIGIT"
	case SecondDigit:
		return "SECOND_DIGIT"
	}
	return "DIGIT_KIND_UNSPECIFIED"
}

// DigitTest is a chi-square goodness-of-fit test of one digit of vote counts.
type DigitTest struct {
	Kind DigitKind
	// Choice is the choice ID whose counts are tested, or "" for the counts
	// of every choice.
	Choice string
	// MinVotes: counts below it are left out.
	MinVotes int64
	// N is the number of counts tested.
	N int64
	// Observed[d] counts the digit d; Expected[d] is its probability under
	// the reference distribution.
	Observed [10]int64
	Expected [10]float64
	// ChiSquare = Σ (O − N·E)² / (N·E) with DegreesOfFreedom 9, and PValue
	// its upper tail probability; PValue is 1 when N is 0.
	ChiSquare        float64
	DegreesOfFreedom int
	PValue           float64
	// Label is always WeakSignal.
	Label string
}

// uniformDigits is the reference of the last digit.
func uniformDigits() [10]float64 {
	var e [10]float64
	for d := range e {
		e[d] = 0.1
	}
	return e
}

// BenfordSecondDigit returns the probabilities of the second significant
// digit under Benford's law: P(d) = Σ_{k=1..9} log10(1 + 1/(10k + d)).
func BenfordSecondDigit() [10]float64 {
	var e [10]float64
	for d := range e {
		for k := 1; k <= 9; k++ {
			e[d] += math.Log10(1 + 1/float64(10*k+d))
		}
	}
	return e
}

// secondDigit of v ≥ 10.
func secondDigit(v int64) int {
	for v >= 100 {
		v /= 10
	}
	return int(v % 10)
}

func digitTests(in Input, leader Leader, o Options) []DigitTest {
	choices := []string{""}
	if leader.Index >= 0 {
		choices = append(choices, leader.ID)
	}
	var out []DigitTest
	for _, kind := range []DigitKind{LastDigit, SecondDigit} {
		for _, choice := range choices {
			t := DigitTest{Kind: kind, Choice: choice, DegreesOfFreedom: 9, Label: WeakSignal}
			switch kind {
			case LastDigit:
				t.MinVotes, t.Expected = o.MinLastDigitVotes, uniformDigits()
			case SecondDigit:
				t.MinVotes, t.Expected = o.MinSecondDigitVotes, BenfordSecondDigit()
			}
			tally := func(v int64) {
				if v < t.MinVotes {
					return
				}
				t.N++
				if kind == LastDigit {
					t.Observed[v%10]++
				} else {
					t.Observed[secondDigit(v)]++
				}
			}
			for _, s := range in.Stations {
				if choice == "" {
					for _, v := range s.Votes {
						tally(v)
					}
				} else {
					tally(s.Votes[leader.Index])
				}
			}
			t.ChiSquare, t.PValue = chiSquare(t.Observed, t.Expected, t.N)
			out = append(out, t)
		}
	}
	return out
}

// chiSquare returns Pearson's statistic of observed counts against
// probabilities and its p-value with len−1 = 9 degrees of freedom.
func chiSquare(obs [10]int64, p [10]float64, n int64) (float64, float64) {
	if n == 0 {
		return 0, 1
	}
	var x float64
	for d, o := range obs {
		e := float64(n) * p[d]
		x += (float64(o) - e) * (float64(o) - e) / e
	}
	return x, ChiSquareSurvival(x, 9)
}

// ChiSquareSurvival is P[X ≥ x] for X chi-square with k degrees of freedom:
// the regularized upper incomplete gamma function Q(k/2, x/2).
func ChiSquareSurvival(x float64, k int) float64 {
	if x <= 0 {
		return 1
	}
	return gammaQ(float64(k)/2, x/2)
}

// gammaQ is the regularized upper incomplete gamma function
// Q(a, x) = Γ(a, x) / Γ(a) for a > 0, x ≥ 0.
//
// Below x = a + 1 it sums the power series of the lower function,
//
//	P(a, x) = x^a e^−x / Γ(a+1) · Σ_{n≥0} x^n / ((a+1)(a+2)…(a+n)),
//
// whose terms shrink quickly there, and returns 1 − P. Above, it evaluates
// the continued fraction
//
//	Γ(a, x) = x^a e^−x / (x + 1 − a − 1·(1−a) / (x + 3 − a − 2·(2−a) / (x + 5 − a − …)))
//
// from the top down with the modified Lentz method, which converges quickly
// for x > a + 1 (Abramowitz and Stegun 6.5.31; Lentz, Applied Optics 15(3),
// 1976).
func gammaQ(a, x float64) float64 {
	const eps = 1e-15
	const tiny = 1e-300
	if x <= 0 {
		return 1
	}
	lga, _ := math.Lgamma(a)
	// log of x^a e^−x / Γ(a)
	logPrefix := a*math.Log(x) - x - lga
	if x < a+1 {
		term := 1 / a
		sum := term
		for n := 1; n < 10000; n++ {
			term *= x / (a + float64(n))
			sum += term
			if math.Abs(term) < math.Abs(sum)*eps {
				break
			}
		}
		// x^a e^−x / Γ(a+1) = prefix / a, and sum started at 1/a.
		return max(0, 1-sum*math.Exp(logPrefix))
	}
	// Continued fraction b0 + a1/(b1 + a2/(b2 + …)) with b_n = x + 2n + 1 − a
	// and a_n = −n(n − a); f = 1/(that).
	b := x + 1 - a
	c := 1 / tiny
	d := 1 / b
	f := d
	for n := 1; n < 10000; n++ {
		an := -float64(n) * (float64(n) - a)
		b += 2
		d = an*d + b
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = b + an/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		delta := d * c
		f *= delta
		if math.Abs(delta-1) < eps {
			break
		}
	}
	return min(1, math.Exp(logPrefix)*f)
}
