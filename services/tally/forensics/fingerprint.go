package forensics

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Fingerprint is the two-dimensional histogram of stations by turnout and
// leader share, the "election fingerprint" of Klimek, Yegorov, Hanel and
// Thurner ("Statistical detection of systematic election irregularities",
// PNAS 109(41), 2012). Fair elections tend to form one compact cluster;
// ballot stuffing and invented results smear stations towards (100 %, 100 %).
type Fingerprint struct {
	// Bins per axis; bin b of an axis holds percentages in [100·b/Bins,
	// 100·(b+1)/Bins), the last bin also holds 100 % (and turnout above 100 %).
	Bins int
	// Counts holds Bins×Bins station counts, row-major by turnout bin:
	// Counts[t*Bins+s] is turnout bin t, leader-share bin s.
	Counts []int64
	// MaxCount is the largest cell.
	MaxCount int64
	// Stations counted: those with registered voters and a non-zero share
	// base. Excluded: the others.
	Stations int
	Excluded int
	// TurnoutAbove100 counts stations with more voters than registered (put
	// in the last turnout bin).
	TurnoutAbove100 int
	// Correlation is Pearson's r between turnout and leader share over the
	// stations counted; 0 when undefined.
	Correlation float64
	// LeaderVotes is the leader's votes over the stations counted and
	// LeaderVotesHighTurnout those from stations with turnout strictly above
	// Options.HighTurnoutPercent; HighTurnoutStations counts those stations.
	LeaderVotes            int64
	LeaderVotesHighTurnout int64
	HighTurnoutStations    int
}

// HighTurnoutShare is LeaderVotesHighTurnout / LeaderVotes (0 when no votes);
// for display, the exact fraction is in the fields.
func (f Fingerprint) HighTurnoutShare() float64 {
	if f.LeaderVotes == 0 {
		return 0
	}
	return float64(f.LeaderVotesHighTurnout) / float64(f.LeaderVotes)
}

// bin of the fraction x/n among bins equal bins; x/n ≥ 1 is the last bin.
func bin(x, n int64, bins int) int {
	b := x * int64(bins) / n
	return int(min(b, int64(bins-1)))
}

func fingerprint(in Input, leader int, o Options) Fingerprint {
	f := Fingerprint{Bins: o.Bins, Counts: make([]int64, o.Bins*o.Bins)}
	var st, ss, stt, sss, sts float64
	for _, s := range in.Stations {
		if s.Registered <= 0 || s.Base <= 0 || leader < 0 {
			f.Excluded++
			continue
		}
		l := s.Votes[leader]
		f.Stations++
		if s.Voters > s.Registered {
			f.TurnoutAbove100++
		}
		c := &f.Counts[bin(s.Voters, s.Registered, o.Bins)*o.Bins+bin(l, s.Base, o.Bins)]
		*c++
		f.MaxCount = max(f.MaxCount, *c)
		t, sh := float64(s.Voters)/float64(s.Registered), float64(l)/float64(s.Base)
		st += t
		ss += sh
		stt += t * t
		sss += sh * sh
		sts += t * sh
		f.LeaderVotes += l
		// Turnout strictly above h %: 100·voters > h·registered.
		if 100*s.Voters > o.HighTurnoutPercent*s.Registered {
			f.HighTurnoutStations++
			f.LeaderVotesHighTurnout += l
		}
	}
	if n := float64(f.Stations); n > 1 {
		cov := sts - st*ss/n
		vt, vs := stt-st*st/n, sss-ss*ss/n
		if vt > 0 && vs > 0 {
			f.Correlation = cov / math.Sqrt(vt*vs)
		}
	}
	return f
}

// Extreme lists the stations where turnout and leader share are both at or
// above Options.ExtremePercent.
type Extreme struct {
	Percent int64
	// Count is the number of such stations; Stations lists up to
	// Options.MaxExtreme of them, the most leader votes first.
	Count    int
	Stations []ExtremeStation
}

// ExtremeStation is one station of the Extreme list.
type ExtremeStation struct {
	ID          string
	Region      string
	Registered  int64
	Voters      int64
	Base        int64
	LeaderVotes int64
}

func extremeStations(in Input, leader int, o Options) Extreme {
	e := Extreme{Percent: o.ExtremePercent}
	if leader < 0 {
		return e
	}
	atLeast := func(x, n int64) bool { return n > 0 && 100*x >= o.ExtremePercent*n }
	var all []ExtremeStation
	for _, s := range in.Stations {
		l := s.Votes[leader]
		if atLeast(s.Voters, s.Registered) && atLeast(l, s.Base) {
			all = append(all, ExtremeStation{ID: s.ID, Region: s.Region, Registered: s.Registered,
				Voters: s.Voters, Base: s.Base, LeaderVotes: l})
		}
	}
	slices.SortFunc(all, func(a, b ExtremeStation) int {
		return cmp.Or(cmp.Compare(b.LeaderVotes, a.LeaderVotes), strings.Compare(a.ID, b.ID))
	})
	e.Count = len(all)
	e.Stations = all[:min(len(all), o.MaxExtreme)]
	return e
}

// Relations counts the control-relation violations of the protocols.
type Relations struct {
	// ProtocolsWithWarnings and ProtocolsWithErrors count protocols with at
	// least one violation of that severity.
	ProtocolsWithWarnings int
	ProtocolsWithErrors   int
	// Codes: one entry per relation code met, sorted by code.
	Codes []RelationCount
	// Regions: per region, the protocols with warnings and with errors,
	// sorted by region ID (every region, even without violations).
	Regions []RegionRelations
}

// RelationCount is how many protocols break one relation, in all and per
// region (regions without any omitted, sorted by region ID).
type RelationCount struct {
	Code      string
	Severity  Severity
	Protocols int
	Regions   []RegionCount
}

// RegionCount is a count in one region.
type RegionCount struct {
	Region string
	Count  int
}

// RegionRelations is the violation summary of one region.
type RegionRelations struct {
	Region                string
	Stations              int
	ProtocolsWithWarnings int
	ProtocolsWithErrors   int
}

func countRelations(in Input, regions []Region, regionIdx []int) Relations {
	var r Relations
	r.Regions = make([]RegionRelations, len(regions))
	for i, g := range regions {
		r.Regions[i].Region = g.ID
	}
	type key struct {
		code string
		sev  Severity
	}
	perCode := map[key][]int{}
	for i, s := range in.Stations {
		g := &r.Regions[regionIdx[i]]
		g.Stations++
		var warn, errs bool
		seen := map[key]bool{}
		for _, v := range s.Violations {
			k := key{v.Code, v.Severity}
			if seen[k] {
				continue
			}
			seen[k] = true
			switch v.Severity {
			case SeverityError:
				errs = true
			case SeverityWarning:
				warn = true
			}
			c := perCode[k]
			if c == nil {
				c = make([]int, len(regions))
				perCode[k] = c
			}
			c[regionIdx[i]]++
		}
		if warn {
			r.ProtocolsWithWarnings++
			g.ProtocolsWithWarnings++
		}
		if errs {
			r.ProtocolsWithErrors++
			g.ProtocolsWithErrors++
		}
	}
	for k, counts := range perCode {
		rc := RelationCount{Code: k.code, Severity: k.sev}
		for i, c := range counts {
			if c > 0 {
				rc.Protocols += c
				rc.Regions = append(rc.Regions, RegionCount{Region: regions[i].ID, Count: c})
			}
		}
		r.Codes = append(r.Codes, rc)
	}
	slices.SortFunc(r.Codes, func(a, b RelationCount) int {
		return cmp.Or(strings.Compare(a.Code, b.Code), cmp.Compare(a.Severity, b.Severity))
	})
	return r
}
