package forensics

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// small is five hand-checkable stations; the comments give turnout and the
// share of A, the leader (910 votes against 565 and 75).
func small() Input {
	return Input{
		Choices:           []Choice{{ID: "A", Name: "Alpha"}, {ID: "B", Name: "Beta"}, {ID: "C", Name: "Gamma"}},
		Regions:           []Region{{ID: "r1", Name: "North"}, {ID: "r2", Name: "South"}},
		TurnoutDefinition: "ballots_issued/registered",
		ShareBase:         "ballots_cast",
		Stations: []Station{
			// 50 %, 60 %: both whole.
			{ID: "s1", Region: "r1", Registered: 1000, Voters: 500, Base: 500, Votes: []int64{300, 150, 50}},
			// 95 %, 97.37 %: turnout whole; extreme.
			{ID: "s2", Region: "r1", Registered: 200, Voters: 190, Base: 190, Votes: []int64{185, 5, 0},
				Violations: []Violation{{"W1", SeverityWarning}}},
			// 85 %, 50 %: both whole; high turnout.
			{ID: "s3", Region: "r2", Registered: 1000, Voters: 850, Base: 840, Votes: []int64{420, 400, 20},
				Violations: []Violation{{"W1", SeverityWarning}, {"W2", SeverityWarning}, {"W2", SeverityWarning}}},
			// 40 %, 25 %: fewer than 100 registered, not in the integer test.
			{ID: "s4", Region: "r2", Registered: 50, Voters: 20, Base: 20, Votes: []int64{5, 10, 5},
				Violations: []Violation{{"E1", SeverityError}}},
			// Nothing known: left out of the fingerprint.
			{ID: "s5", Region: "r2", Votes: []int64{0, 0, 0}},
		},
	}
}

func TestSmallReport(t *testing.T) {
	rep, err := Analyze(context.Background(), small(), Options{Replicates: 200, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if l := rep.Leader; l.ID != "A" || l.Name != "Alpha" || l.Votes != 910 || l.Base != 1550 || l.Index != 0 {
		t.Errorf("leader %+v", l)
	}
	if rep.Stations != 5 || len(rep.Regions) != 2 || rep.Regions[1] != (Region{"r2", "South"}) {
		t.Errorf("stations %d regions %v", rep.Stations, rep.Regions)
	}

	rel := rep.Relations
	if rel.ProtocolsWithWarnings != 2 || rel.ProtocolsWithErrors != 1 {
		t.Errorf("relations %+v", rel)
	}
	wantCodes := []RelationCount{
		{Code: "E1", Severity: SeverityError, Protocols: 1, Regions: []RegionCount{{"r2", 1}}},
		{Code: "W1", Severity: SeverityWarning, Protocols: 2, Regions: []RegionCount{{"r1", 1}, {"r2", 1}}},
		{Code: "W2", Severity: SeverityWarning, Protocols: 1, Regions: []RegionCount{{"r2", 1}}},
	}
	if !reflect.DeepEqual(rel.Codes, wantCodes) {
		t.Errorf("codes %+v, want %+v", rel.Codes, wantCodes)
	}
	wantRegions := []RegionRelations{{"r1", 2, 1, 0}, {"r2", 3, 1, 1}}
	if !reflect.DeepEqual(rel.Regions, wantRegions) {
		t.Errorf("regions %+v", rel.Regions)
	}

	it := rep.Integer
	if it.Eligible != 3 || it.Observed != 3 || it.ObservedTurnout != 3 || it.ObservedShare != 2 {
		t.Errorf("integer %+v", it)
	}
	if len(it.Regions) != 2 || it.Regions[0].Eligible != 2 || it.Regions[0].Observed != 2 || it.Regions[1].Observed != 1 {
		t.Errorf("integer regions %+v", it.Regions)
	}
	if math.Abs(it.Regions[0].Expected+it.Regions[1].Expected-it.Expected) > 1e-12 ||
		math.Abs(it.Excess-(3-it.Expected)) > 1e-12 {
		t.Errorf("expected %v = %v + %v, excess %v", it.Expected, it.Regions[0].Expected, it.Regions[1].Expected, it.Excess)
	}

	fp := rep.Fingerprint
	if fp.Stations != 4 || fp.Excluded != 1 || fp.MaxCount != 1 || fp.TurnoutAbove100 != 0 {
		t.Errorf("fingerprint %+v", fp)
	}
	for _, c := range []struct{ t, s int }{{50, 60}, {95, 97}, {85, 50}, {40, 25}} {
		if fp.Counts[c.t*100+c.s] != 1 {
			t.Errorf("cell (%d, %d) = %d, want 1", c.t, c.s, fp.Counts[c.t*100+c.s])
		}
	}
	if fp.LeaderVotes != 910 || fp.LeaderVotesHighTurnout != 605 || fp.HighTurnoutStations != 2 {
		t.Errorf("high turnout: %d of %d at %d stations", fp.LeaderVotesHighTurnout, fp.LeaderVotes, fp.HighTurnoutStations)
	}
	ts := []float64{0.5, 0.95, 0.85, 0.4}
	ss := []float64{0.6, 185.0 / 190, 0.5, 0.25}
	if r := pearson(ts, ss); math.Abs(fp.Correlation-r) > 1e-12 {
		t.Errorf("correlation %v, want %v", fp.Correlation, r)
	}

	if e := rep.Extreme; e.Count != 1 || len(e.Stations) != 1 || e.Stations[0] != (ExtremeStation{"s2", "r1", 200, 190, 190, 185}) {
		t.Errorf("extreme %+v", e)
	}

	// Last digit of the counts ≥ 100: 300 150 185 420 400 (all), 300 185 420 (A).
	// Second digit of the counts ≥ 10: 300 150 50 185 420 400 20 10 (all), 300 185 420 (A).
	want := []struct {
		kind   DigitKind
		choice string
		n      int64
		obs    [10]int64
		chi2   float64
	}{
		{LastDigit, "", 5, [10]int64{0: 4, 5: 1}, 29},
		{LastDigit, "A", 3, [10]int64{0: 2, 5: 1}, -1},
		{SecondDigit, "", 8, [10]int64{0: 5, 2: 1, 5: 1, 8: 1}, -1},
		{SecondDigit, "A", 3, [10]int64{0: 1, 2: 1, 8: 1}, -1},
	}
	if len(rep.DigitTests) != len(want) {
		t.Fatalf("%d digit tests", len(rep.DigitTests))
	}
	for i, w := range want {
		d := rep.DigitTests[i]
		if d.Kind != w.kind || d.Choice != w.choice || d.N != w.n || d.Observed != w.obs || d.Label != WeakSignal || d.DegreesOfFreedom != 9 {
			t.Errorf("digit test %d: %+v", i, d)
		}
		if w.chi2 >= 0 && math.Abs(d.ChiSquare-w.chi2) > 1e-9 {
			t.Errorf("digit test %d: chi-square %v, want %v", i, d.ChiSquare, w.chi2)
		}
	}

	for _, s := range []string{"not evidence of fraud", "ballots_issued/registered", "leader share = leader votes / ballots_cast",
		"at least 100 registered voters", "±0.05 percentage points", "at most 99 %", "Kobak, Shpilkin and Pshenichnikov", "200 Monte-Carlo replicates, seed 1", "weak signals"} {
		if !strings.Contains(rep.Disclaimer, s) {
			t.Errorf("disclaimer lacks %q: %s", s, rep.Disclaimer)
		}
	}
}

func pearson(x, y []float64) float64 {
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(len(x))
	my /= float64(len(y))
	var sxy, sxx, syy float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
		syy += (y[i] - my) * (y[i] - my)
	}
	return sxy / math.Sqrt(sxx*syy)
}

func TestLeaderTieAndTruncation(t *testing.T) {
	in := Input{Choices: []Choice{{ID: "A"}, {ID: "B"}}}
	for i := range 5 {
		// b stations: 100 % turnout, all for B; a stations: 50 %, mostly B.
		in.Stations = append(in.Stations,
			Station{ID: "b" + strconv.Itoa(i), Region: "r", Registered: 100 + int64(i), Voters: 100 + int64(i), Base: 100 + int64(i), Votes: []int64{0, 100 + int64(i)}},
			Station{ID: "a" + strconv.Itoa(i), Region: "r", Registered: 1000, Voters: 500, Base: 500, Votes: []int64{100 + int64(i), 400 - int64(i)}})
	}
	rep, err := Analyze(context.Background(), in, Options{Replicates: 10, MaxExtreme: 2})
	if err != nil {
		t.Fatal(err)
	}
	// A has 510 votes, B 510 + 1,990: B leads.
	if rep.Leader.ID != "B" {
		t.Errorf("leader %s", rep.Leader.ID)
	}
	if e := rep.Extreme; e.Count != 5 || len(e.Stations) != 2 || e.Stations[0].ID != "b4" || e.Stations[1].ID != "b3" {
		t.Errorf("extreme %+v", e)
	}
	tie := Input{Choices: []Choice{{ID: "X"}, {ID: "Y"}}, Stations: []Station{{ID: "s", Registered: 10, Voters: 10, Base: 10, Votes: []int64{5, 5}}}}
	rep, err = Analyze(context.Background(), tie, Options{Replicates: 1})
	if err != nil || rep.Leader.ID != "X" {
		t.Errorf("tie: leader %q, %v (want the first in ballot order)", rep.Leader.ID, err)
	}
}

// random is a synthetic election of n stations over a few regions.
func random(n int, seed uint64) Input {
	rng := rand.New(rand.NewPCG(seed, 0))
	in := Input{Choices: []Choice{{ID: "A"}, {ID: "B"}, {ID: "C"}}, TurnoutDefinition: "t", ShareBase: "b"}
	for i := range n {
		reg := int64(50 + rng.IntN(3000))
		voters := int64(rng.IntN(int(reg) + 1))
		a := int64(rng.IntN(int(voters) + 1))
		b := int64(rng.IntN(int(voters-a) + 1))
		s := Station{ID: "s" + strconv.Itoa(i), Region: "r" + strconv.Itoa(i%7), Registered: reg, Voters: voters,
			Base: voters, Votes: []int64{a, b, voters - a - b}}
		if rng.IntN(10) == 0 {
			s.Violations = []Violation{{"W", SeverityWarning}}
		}
		in.Stations = append(in.Stations, s)
	}
	return in
}

func TestDeterminism(t *testing.T) {
	in := random(3000, 3)
	ctx := context.Background()
	one, err := Analyze(ctx, in, Options{Replicates: 300, Seed: 42, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	four, err := Analyze(ctx, in, Options{Replicates: 300, Seed: 42, Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	one.Options.Workers, four.Options.Workers = 0, 0
	if !reflect.DeepEqual(one, four) {
		t.Errorf("1 and 4 workers differ:\n%+v\n%+v", one.Integer, four.Integer)
	}
	other, err := Analyze(ctx, in, Options{Replicates: 300, Seed: 43, Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	if other.Integer.MonteCarloMean == one.Integer.MonteCarloMean {
		t.Errorf("seeds 42 and 43 gave the same replicates")
	}
	if other.Integer.Expected != one.Integer.Expected || other.Integer.Observed != one.Integer.Observed {
		t.Errorf("the analytic figures depend on the seed")
	}
	if !bytes.Equal(one.Fingerprint.SVG("x"), four.Fingerprint.SVG("x")) {
		t.Errorf("SVG differs")
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Analyze(ctx, random(100, 1), Options{Replicates: 1000}); !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
}

func TestOptionAndInputErrors(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		opts  Options
		field string
	}{
		{Options{Replicates: -1}, "replicates"},
		{Options{Replicates: MaxReplicates + 1}, "replicates"},
		{Options{Bins: 5}, "bins"},
		{Options{IntegerHalfWidth: 50}, "integer_half_width"},
		{Options{IntegerMaxPercent: 101}, "integer_max_percent"},
		{Options{MinRegistered: -1}, "min_registered"},
		{Options{HighTurnoutPercent: 100}, "high_turnout_percent"},
		{Options{MinLastDigitVotes: 9}, "min_last_digit_votes"},
	} {
		_, err := Analyze(ctx, small(), c.opts)
		var oe *OptionError
		if !errors.As(err, &oe) || oe.Field != c.field {
			t.Errorf("%+v: err %v, want an OptionError on %s", c.opts, err, c.field)
		}
	}
	for name, mod := range map[string]func(*Input){
		"short votes":   func(in *Input) { in.Stations[0].Votes = []int64{1} },
		"negative":      func(in *Input) { in.Stations[1].Voters = -1 },
		"huge":          func(in *Input) { in.Stations[1].Registered = MaxCount },
		"duplicate":     func(in *Input) { in.Stations[1].ID = "s1" },
		"no choices":    func(in *Input) { in.Choices = nil },
		"negative vote": func(in *Input) { in.Stations[2].Votes[1] = -5 },
	} {
		in := small()
		mod(&in)
		if _, err := Analyze(ctx, in, Options{Replicates: 1}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// chiSquareOdd is the closed form of the survival function for an odd
// number of degrees of freedom k = 2n+1:
// erfc(√(x/2)) + √(2x/π)·e^(−x/2)·Σ_{j=1..n} x^(j−1) / (1·3·…·(2j−1)).
func chiSquareOdd(x float64, k int) float64 {
	q := math.Erfc(math.Sqrt(x / 2))
	term, sum := 1.0, 0.0
	for j := 1; j <= (k-1)/2; j++ {
		if j > 1 {
			term *= x / float64(2*j-1)
		}
		sum += term
	}
	return q + math.Sqrt(2*x/math.Pi)*math.Exp(-x/2)*sum
}

func TestChiSquare(t *testing.T) {
	// The 5 % and 1 % critical values of 9 degrees of freedom.
	for x, want := range map[float64]float64{16.918977604620448: 0.05, 21.665994333461924: 0.01} {
		if got := ChiSquareSurvival(x, 9); math.Abs(got-want) > 1e-9 {
			t.Errorf("ChiSquareSurvival(%v, 9) = %.12f, want %v", x, got, want)
		}
	}
	for _, x := range []float64{0.01, 0.5, 2, 5.5, 6.5, 9, 12, 30, 60, 100} {
		for _, k := range []int{1, 3, 9} {
			got, want := ChiSquareSurvival(x, k), chiSquareOdd(x, k)
			if math.Abs(got-want) > 1e-12*max(want, 1e-300)+1e-15 && math.Abs(got-want)/want > 1e-10 {
				t.Errorf("ChiSquareSurvival(%v, %d) = %g, want %g", x, k, got, want)
			}
		}
		// Even degrees of freedom: 2 gives e^(−x/2), 4 gives e^(−x/2)(1 + x/2).
		if got, want := ChiSquareSurvival(x, 2), math.Exp(-x/2); math.Abs(got-want)/want > 1e-12 {
			t.Errorf("ChiSquareSurvival(%v, 2) = %g, want %g", x, got, want)
		}
		if got, want := ChiSquareSurvival(x, 4), math.Exp(-x/2)*(1+x/2); math.Abs(got-want)/want > 1e-12 {
			t.Errorf("ChiSquareSurvival(%v, 4) = %g, want %g", x, got, want)
		}
	}
	if ChiSquareSurvival(0, 9) != 1 {
		t.Errorf("ChiSquareSurvival(0, 9) != 1")
	}
}

func TestBenfordSecondDigit(t *testing.T) {
	p := BenfordSecondDigit()
	var sum float64
	for d := range p {
		sum += p[d]
		if d > 0 && p[d] >= p[d-1] {
			t.Errorf("P(%d) = %v not below P(%d) = %v", d, p[d], d-1, p[d-1])
		}
	}
	// Published values: 0.11968 for 0, 0.08500 for 9.
	if math.Abs(sum-1) > 1e-12 || math.Abs(p[0]-0.11968) > 5e-6 || math.Abs(p[9]-0.08500) > 5e-6 {
		t.Errorf("Benford second digit %v (sum %v)", p, sum)
	}
	for v, d := range map[int64]int{10: 0, 19: 9, 185: 8, 1234567: 2, 99: 9, 100: 0} {
		if got := secondDigit(v); got != d {
			t.Errorf("secondDigit(%d) = %d, want %d", v, got, d)
		}
	}
}

func TestFingerprintSVGGolden(t *testing.T) {
	f := Fingerprint{Bins: 10, Counts: make([]int64, 100), Stations: 1111}
	for t, c := range map[int]int64{5*10 + 6: 1000, 5*10 + 5: 100, 6*10 + 6: 10, 9*10 + 9: 1} {
		f.Counts[t] = c
		f.MaxCount = max(f.MaxCount, c)
	}
	got := f.SVG(`Test <fingerprint> & "friends"`)
	path := filepath.Join("testdata", "fingerprint.svg")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("SVG differs from %s (run with -update after checking it):\n%s", path, got)
	}
	for _, s := range []string{"turnout %", "leader share %", "Test &lt;fingerprint&gt; &amp; &quot;friends&quot;", "not evidence of fraud"} {
		if !bytes.Contains(got, []byte(s)) {
			t.Errorf("SVG lacks %q", s)
		}
	}
}

func TestHeatScale(t *testing.T) {
	if heatLevel(1, 1) != svgLevels || heatLevel(1000, 1000) != svgLevels || heatLevel(1, 1000) != 4 {
		t.Errorf("levels %d %d %d", heatLevel(1, 1), heatLevel(1000, 1000), heatLevel(1, 1000))
	}
	if heatColor(1) != "#fff7bc" || heatColor(svgLevels) != "#67000d" {
		t.Errorf("colours %s %s", heatColor(1), heatColor(svgLevels))
	}
}
