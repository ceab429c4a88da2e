package forensics

import (
	"context"
	"math"
	"math/rand/v2"
	"sync"
	"sync/atomic"
)

// The integer-percentage test of Kobak, Shpilkin and Pshenichnikov
// ("Integer percentages as electoral falsification fingerprints", Ann. Appl.
// Stat. 10(1), 2016): people who write a result instead of counting it are
// drawn to round numbers, so forged protocols show whole percentages of
// turnout or of the leader's share more often than chance allows.
//
// Whole or not is decided in integers (integerHit) so that no rounding of a
// float can move a station across the window's edge.
//
// The null model. Each eligible station's turnout numerator is redrawn as
// Binomial(registered, voters/registered) and the leader's votes as
// Binomial(base, leader/base), independently. The statistic counts the
// stations where either redrawn percentage is whole; what a replicate
// contributes for station i is therefore one Bernoulli variable whose
// probability
//
//	p_i = 1 − (1 − P[turnout whole]) · (1 − P[share whole])
//
// is computed exactly from the binomial probabilities of the few counts that
// land in a window (hitProbability). Hence:
//
//   - the expected count is Σ p_i and its standard deviation
//     √(Σ p_i (1 − p_i)), exactly, without simulation (the counts of
//     different stations are independent);
//   - a Monte-Carlo replicate draws one Bernoulli(p_i) per station, which has
//     exactly the law of drawing the two binomials and testing them, at a
//     fraction of the cost (no binomial sampler, no approximation of one).
//
// The replicates give the distribution of the count under the null (its
// extremes and the p-value of the observed count), per region as well, and
// check the analytic figures. Replicate r draws from PCG(seed, r), so the
// result does not depend on how replicates are shared among goroutines.

// integerHit reports whether the percentage 100·x/n lies within w hundredths
// of a percentage point of a whole number and is not above maxPct %.
//
// For a whole number m and n > 0, multiplying by 100·n:
//
//	|100·x/n − m| ≤ w/100   ⇔   |10000·x − 100·m·n| ≤ w·n
//
// Since w < 50 (the window is narrower than half a point), only the nearest
// whole number m = ⌊(200·x + n) / (2·n)⌋ can qualify; "above maxPct %" is
// 100·x > maxPct·n. Every quantity is an exact int64 for counts below
// MaxCount, and the window's edges are included.
func integerHit(x, n, w, maxPct int64) bool {
	if n <= 0 || x < 0 || 100*x > maxPct*n {
		return false
	}
	m := (200*x + n) / (2 * n)
	d := 10000*x - 100*m*n
	if d < 0 {
		d = -d
	}
	return d <= w*n
}

// window returns the counts k in [0, n] with 100·k/n within w hundredths of
// a point of m and not above maxPct %: lo..hi, empty when lo > hi.
func window(m, n, w, maxPct int64) (lo, hi int64) {
	// 100·m·n − w·n ≤ 10000·k ≤ 100·m·n + w·n
	lo = ceilDiv(100*m*n-w*n, 10000)
	hi = floorDiv(100*m*n+w*n, 10000)
	// 100·k ≤ maxPct·n
	hi = min(hi, floorDiv(maxPct*n, 100), n)
	return max(lo, 0), hi
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func ceilDiv(a, b int64) int64 { return -floorDiv(-a, b) }

// logFactorials caches ln k! for k up to a bound.
type logFactorials []float64

const maxLogFactorialTable = 1 << 20

func newLogFactorials(n int64) logFactorials {
	n = min(n, maxLogFactorialTable)
	t := make(logFactorials, n+1)
	for k := range t {
		t[k], _ = math.Lgamma(float64(k) + 1)
	}
	return t
}

func (t logFactorials) at(k int64) float64 {
	if k < int64(len(t)) {
		return t[k]
	}
	v, _ := math.Lgamma(float64(k) + 1)
	return v
}

// tailSigmas: the binomial mass further than this many standard deviations
// from the mean (below 1e-30) is left out of hitProbability.
const tailSigmas = 12

// hitProbability is P[integerHit(K, n, w, maxPct)] for K ~ Binomial(n, x/n):
// the sum of the binomial probabilities of the counts in the windows of the
// whole numbers near the mean.
func hitProbability(x, n, w, maxPct int64, lf logFactorials) float64 {
	if n <= 0 || x < 0 || x > n {
		return 0
	}
	if x == 0 || x == n {
		// The redraw repeats the observation.
		if integerHit(x, n, w, maxPct) {
			return 1
		}
		return 0
	}
	q := float64(x) / float64(n)
	mean := float64(n) * q
	sd := math.Sqrt(mean * (1 - q))
	kLo := max(int64(math.Floor(mean-tailSigmas*sd))-1, 0)
	kHi := min(int64(math.Ceil(mean+tailSigmas*sd))+1, n)
	mLo := floorDiv(100*kLo, n)
	mHi := min(ceilDiv(100*kHi, n), maxPct)
	lq, lr := math.Log(q), math.Log1p(-q)
	lfn := lf.at(n)
	var p float64
	for m := mLo; m <= mHi; m++ {
		lo, hi := window(m, n, w, maxPct)
		lo, hi = max(lo, kLo), min(hi, kHi)
		for k := lo; k <= hi; k++ {
			p += math.Exp(lfn - lf.at(k) - lf.at(n-k) + float64(k)*lq + float64(n-k)*lr)
		}
	}
	return min(p, 1)
}

// IntegerTest is the result of the integer-percentage test.
type IntegerTest struct {
	// Eligible counts the stations the test considers (see IntegerRule).
	Eligible int
	// Observed counts the eligible stations whose turnout or leader share is
	// whole; ObservedTurnout and ObservedShare count each alone.
	Observed        int
	ObservedTurnout int
	ObservedShare   int
	// Expected is the count expected under the binomial null, Σ p_i, and SD
	// its standard deviation √(Σ p_i(1−p_i)); both exact (see above).
	Expected        float64
	ExpectedTurnout float64
	ExpectedShare   float64
	SD              float64
	// Excess = Observed − Expected; Z = Excess / SD.
	Excess float64
	Z      float64
	// Monte-Carlo replicates of the null with Options.Seed: their mean,
	// standard deviation and range, and the p-value of the observed count,
	// (1 + replicates at or above it) / (1 + replicates).
	Replicates     int
	MonteCarloMean float64
	MonteCarloSD   float64
	MonteCarloMin  int
	MonteCarloMax  int
	PValue         float64
	// Regions: the same per region, sorted by region ID.
	Regions []IntegerRegion
	// TurnoutHistogram and ShareHistogram count the eligible stations by
	// turnout and by leader share in HistogramBins bins of 0.1 percentage
	// point (bin k holds [k/10 %, (k+1)/10 %); 100 % falls in the last), the
	// picture in which whole percentages stand out as spikes. Stations with
	// more voters than the base are left out.
	TurnoutHistogram []int
	ShareHistogram   []int
}

// HistogramBins is the number of 0.1-point bins of the integer histograms.
const HistogramBins = 1000

// histBin is the 0.1-point bin of x out of n, in integers; -1 when x/n is
// not a share.
func histBin(x, n int64) int {
	if n <= 0 || x < 0 || x > n {
		return -1
	}
	return int(min(int64(HistogramBins-1), int64(HistogramBins)*x/n))
}

// IntegerRegion is the integer test restricted to one region.
type IntegerRegion struct {
	Region         string
	Eligible       int
	Observed       int
	Expected       float64
	SD             float64
	Excess         float64
	MonteCarloMean float64
	MonteCarloSD   float64
	PValue         float64
}

// eligibleStation reports whether the integer test considers station s.
// Both rules need MinRegistered registered voters; the published one also
// needs ballots cast and turnout and leader share each at most
// IntegerMaxPercent, compared in integers (100·x ≤ max·n).
func eligibleStation(s *Station, leader int, o Options) bool {
	if s.Registered < o.MinRegistered {
		return false
	}
	if o.IntegerRule == IntegerRulePerValue {
		return true
	}
	if s.Base <= 0 || 100*s.Voters > o.IntegerMaxPercent*s.Registered {
		return false
	}
	return leader < 0 || 100*s.Votes[leader] <= o.IntegerMaxPercent*s.Base
}

// stationChunk is how many stations one goroutine takes at a time when
// computing probabilities.
const stationChunk = 1024

func integerTest(ctx context.Context, in Input, leader int, regions []Region, regionIdx []int, o Options) (IntegerTest, error) {
	t := IntegerTest{Replicates: o.Replicates, TurnoutHistogram: make([]int, HistogramBins), ShareHistogram: make([]int, HistogramBins)}
	w := o.IntegerHalfWidth
	// maxPct caps what counts as whole, in the data and in the redraws: only
	// the per-value variant caps; the published rule filters stations
	// instead (eligibleStation) and counts every whole redraw.
	maxPct := int64(100)
	if o.IntegerRule == IntegerRulePerValue {
		maxPct = o.IntegerMaxPercent
	}
	var eligible []int
	var maxN int64
	for i, s := range in.Stations {
		if eligibleStation(&s, leader, o) {
			eligible = append(eligible, i)
			maxN = max(maxN, s.Registered, s.Base)
		}
	}
	t.Eligible = len(eligible)
	lf := newLogFactorials(maxN)
	pt := make([]float64, len(eligible))
	ps := make([]float64, len(eligible))
	parallelChunks(len(eligible), o.Workers, func(from, to int) {
		for j := from; j < to; j++ {
			s := &in.Stations[eligible[j]]
			pt[j] = hitProbability(s.Voters, s.Registered, w, maxPct, lf)
			if leader >= 0 {
				ps[j] = hitProbability(s.Votes[leader], s.Base, w, maxPct, lf)
			}
		}
	})
	nr := len(regions)
	rg := make([]IntegerRegion, nr)
	for i, r := range regions {
		rg[i].Region = r.ID
	}
	p := make([]float64, len(eligible))
	regVar := make([]float64, nr)
	var variance float64
	for j, i := range eligible {
		s := &in.Stations[i]
		ht := integerHit(s.Voters, s.Registered, w, maxPct)
		hs := leader >= 0 && integerHit(s.Votes[leader], s.Base, w, maxPct)
		if b := histBin(s.Voters, s.Registered); b >= 0 {
			t.TurnoutHistogram[b]++
		}
		if leader >= 0 {
			if b := histBin(s.Votes[leader], s.Base); b >= 0 {
				t.ShareHistogram[b]++
			}
		}
		r := &rg[regionIdx[i]]
		r.Eligible++
		if ht {
			t.ObservedTurnout++
		}
		if hs {
			t.ObservedShare++
		}
		if ht || hs {
			t.Observed++
			r.Observed++
		}
		p[j] = 1 - (1-pt[j])*(1-ps[j])
		t.ExpectedTurnout += pt[j]
		t.ExpectedShare += ps[j]
		t.Expected += p[j]
		r.Expected += p[j]
		v := p[j] * (1 - p[j])
		variance += v
		regVar[regionIdx[i]] += v
	}
	t.SD = math.Sqrt(variance)
	t.Excess = float64(t.Observed) - t.Expected
	if t.SD > 0 {
		t.Z = t.Excess / t.SD
	}
	for i := range rg {
		rg[i].SD = math.Sqrt(regVar[i])
		rg[i].Excess = float64(rg[i].Observed) - rg[i].Expected
	}

	mc, err := monteCarlo(ctx, p, eligible, regionIdx, rg, o)
	if err != nil {
		return IntegerTest{}, err
	}
	t.MonteCarloMean, t.MonteCarloSD = meanSD(mc.sum, mc.sumSq, o.Replicates)
	t.MonteCarloMin, t.MonteCarloMax = mc.min, mc.max
	t.PValue = float64(1+mc.atLeast) / float64(1+o.Replicates)
	for i := range rg {
		rg[i].MonteCarloMean, rg[i].MonteCarloSD = meanSD(mc.regSum[i], mc.regSumSq[i], o.Replicates)
		rg[i].PValue = float64(1+mc.regAtLeast[i]) / float64(1+o.Replicates)
	}
	t.Regions = rg
	return t, nil
}

// mcResult holds integer sums over replicates, so that adding up the
// workers' parts in any order gives the same result.
type mcResult struct {
	sum, sumSq, atLeast int64
	min, max            int
	regSum, regSumSq    []int64
	regAtLeast          []int64
}

func (m *mcResult) add(o *mcResult) {
	m.sum += o.sum
	m.sumSq += o.sumSq
	m.atLeast += o.atLeast
	m.min, m.max = min(m.min, o.min), max(m.max, o.max)
	for i := range m.regSum {
		m.regSum[i] += o.regSum[i]
		m.regSumSq[i] += o.regSumSq[i]
		m.regAtLeast[i] += o.regAtLeast[i]
	}
}

func newMCResult(regions int) *mcResult {
	return &mcResult{min: math.MaxInt, max: math.MinInt, regSum: make([]int64, regions),
		regSumSq: make([]int64, regions), regAtLeast: make([]int64, regions)}
}

// monteCarlo draws o.Replicates replicates of the null: in each, station j
// hits with probability p[j].
func monteCarlo(ctx context.Context, p []float64, eligible, regionIdx []int, rg []IntegerRegion, o Options) (*mcResult, error) {
	nr := len(rg)
	// Stations certain to hit (or never) add a constant; the others are
	// drawn by comparing a uniform 64-bit integer with p·2^64 (for p < 1 that
	// is at most 2^64 − 2^11, exactly representable, so it converts safely).
	sure := make([]int, nr)
	var thr []uint64
	var reg []int32
	for j, pj := range p {
		r := regionIdx[eligible[j]]
		switch {
		case pj >= 1:
			sure[r]++
		case pj > 0:
			thr = append(thr, uint64(math.Ldexp(pj, 64)))
			reg = append(reg, int32(r))
		}
	}
	observed := 0
	for _, r := range rg {
		observed += r.Observed
	}

	res := newMCResult(nr)
	var next atomic.Int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	var ctxErr atomic.Value
	for range min(o.Workers, o.Replicates) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			part := newMCResult(nr)
			counts := make([]int64, nr)
			for {
				r := next.Add(1) - 1
				if r >= int64(o.Replicates) {
					break
				}
				if r%32 == 0 && ctx.Err() != nil {
					ctxErr.Store(ctx.Err())
					break
				}
				rng := rand.New(rand.NewPCG(o.Seed, uint64(r)))
				for i := range counts {
					counts[i] = int64(sure[i])
				}
				for k, th := range thr {
					if rng.Uint64() < th {
						counts[reg[k]]++
					}
				}
				n := int64(0)
				for i, c := range counts {
					n += c
					part.regSum[i] += c
					part.regSumSq[i] += c * c
					if c >= int64(rg[i].Observed) {
						part.regAtLeast[i]++
					}
				}
				part.sum += n
				part.sumSq += n * n
				if n >= int64(observed) {
					part.atLeast++
				}
				part.min, part.max = min(part.min, int(n)), max(part.max, int(n))
			}
			mu.Lock()
			res.add(part)
			mu.Unlock()
		}()
	}
	wg.Wait()
	if err, ok := ctxErr.Load().(error); ok {
		return nil, err
	}
	return res, nil
}

// meanSD of n values from their integer sum and sum of squares.
func meanSD(sum, sumSq int64, n int) (float64, float64) {
	if n == 0 {
		return 0, 0
	}
	mean := float64(sum) / float64(n)
	if n == 1 {
		return mean, 0
	}
	// Sample variance from exact integer sums: (Σx² − (Σx)²/n) / (n−1).
	v := (float64(sumSq) - float64(sum)*float64(sum)/float64(n)) / float64(n-1)
	return mean, math.Sqrt(max(v, 0))
}

// parallelChunks runs fn over [0, n) in chunks on up to workers goroutines.
func parallelChunks(n, workers int, fn func(from, to int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(workers, (n+stationChunk-1)/stationChunk)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				from := int(next.Add(stationChunk) - stationChunk)
				if from >= n {
					return
				}
				fn(from, min(from+stationChunk, n))
			}
		}()
	}
	wg.Wait()
}
