// Package forensics computes statistical indicators of election anomalies
// from polling-station protocols: control-relation violations, the turnout ×
// leader-share "election fingerprint" (Klimek, Yegorov, Hanel and Thurner,
// PNAS 2012), the integer-percentage test (Kobak, Shpilkin and Pshenichnikov,
// Ann. Appl. Stat. 2016), last- and second-digit tests, and a list of the
// most extreme stations.
//
// These are indicators for observers and researchers, never verdicts: honest
// elections can show each of them (small or closed stations, a popular local
// candidate, a uniform community) and forged ones can avoid them. Every Report
// carries a Disclaimer that says so, with the definitions used.
//
// The package is plain Go with the standard library only; it knows nothing of
// the tally service or the wire. Callers give it one Station record per
// polling station and get one Report back. See docs/forensics.md.
package forensics

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
)

// MaxCount bounds every count of the input. The integer-percentage test
// multiplies counts by 10,000 in int64 arithmetic; below 10^12 nothing can
// overflow (10^12 · 10^4 = 10^16 < 9.2·10^18).
const MaxCount = 1_000_000_000_000

// Severity of a control-relation violation.
type Severity int

const (
	SeverityUnspecified Severity = iota
	// SeverityError: arithmetic that cannot be true (the protocol is rejected
	// by the tally, so stored protocols never carry one).
	SeverityError
	// SeverityWarning: possible but unusual; the protocol is accepted and flagged.
	SeverityWarning
)

func (s Severity) String() string {
	switch s {
	case SeverityError:
		return "ERROR"
	case SeverityWarning:
		return "WARNING"
	}
	return "SEVERITY_UNSPECIFIED"
}

// Violation is one broken control relation of a protocol.
type Violation struct {
	Code     string
	Severity Severity
}

// Choice is a party or candidate of the contest.
type Choice struct {
	ID   string
	Name string
}

// Region is a group of stations reported separately (in a national report,
// a region). Stations name theirs by ID.
type Region struct {
	ID   string
	Name string
}

// Station is the protocol of one polling station, reduced to what the
// indicators need.
type Station struct {
	ID string
	// Region is the ID of the group the station is counted in.
	Region string
	// Registered is the number of voters on the list.
	Registered int64
	// Voters is the turnout numerator: ballots issued or ballots cast (found in
	// the boxes), as Input.TurnoutDefinition says.
	Voters int64
	// Base is the denominator of every share: valid votes or ballots cast, as
	// Input.ShareBase says.
	Base int64
	// Votes holds the votes of every choice, in the order of Input.Choices.
	Votes []int64
	// Violations are the control relations the protocol breaks.
	Violations []Violation
}

// Input is what a report is computed from.
type Input struct {
	// Choices of the contest; the leader is the one with the most votes over
	// all the stations (the first in this order on a tie).
	Choices []Choice
	// Regions names the groups; stations may name groups missing here.
	Regions  []Region
	Stations []Station
	// TurnoutDefinition names the turnout numerator and denominator, e.g.
	// "ballots issued / registered voters". It is stated in the Report.
	TurnoutDefinition string
	// ShareBase names the denominator of the leader's share, e.g.
	// "ballots_cast" (valid + invalid). It is stated in the Report.
	ShareBase string
}

// Options tune a report. The zero value of each field means its default.
type Options struct {
	// Bins is the number of bins per axis of the fingerprint (default 100,
	// i.e. one percentage point; 10 to 1000).
	Bins int
	// Replicates of the Monte-Carlo null of the integer test (default 1000,
	// at most 100,000).
	Replicates int
	// Seed of the Monte-Carlo null; the same seed gives the same report
	// whatever the number of processors. Zero is a seed like any other.
	Seed uint64
	// MinRegistered: the integer test considers stations with at least this
	// many registered voters (default 100, as Kobak et al.).
	MinRegistered int64
	// IntegerHalfWidth is the half-width of the window around a whole
	// percentage, in hundredths of a percentage point (default 5: ±0.05 pp;
	// 1 to 49).
	IntegerHalfWidth int64
	// IntegerRule picks which stations and values the integer test counts:
	// the zero value is the published rule of Kobak et al.; the other is a
	// named variant (see IntegerRule).
	IntegerRule IntegerRule
	// IntegerMaxPercent (default 99): under IntegerRulePublished a station
	// is tested only when its turnout and its leader share are both at most
	// this percentage; under IntegerRulePerValue a value above it is never
	// counted as whole, in the data or in a redraw.
	IntegerMaxPercent int64
	// HighTurnoutPercent: the fingerprint reports the share of the leader's
	// votes from stations with turnout strictly above it (default 80).
	HighTurnoutPercent int64
	// ExtremePercent: stations with turnout and leader share both at or above
	// it are listed as extreme (default 95).
	ExtremePercent int64
	// MaxExtreme is the most extreme stations listed (default 100); the
	// count covers all of them.
	MaxExtreme int
	// MinLastDigitVotes: the last-digit test uses vote counts of at least
	// this (default 100: below it the last digit is not close to uniform).
	MinLastDigitVotes int64
	// MinSecondDigitVotes: the second-digit test uses vote counts of at
	// least this (default 10, the smallest with a second digit).
	MinSecondDigitVotes int64
	// Workers bounds the goroutines (default GOMAXPROCS). Results do not
	// depend on it.
	Workers int
}

// IntegerRule is the inclusion rule of the integer-percentage test.
type IntegerRule int

const (
	// IntegerRulePublished is the rule of Kobak, Shpilkin and Pshenichnikov
	// (Ann. Appl. Stat. 10(1), 2016): a station is tested only when ballots
	// were cast, at least MinRegistered voters are registered, and turnout
	// and leader share are both at most IntegerMaxPercent (99 %); it counts
	// when either value is whole, and the binomial redraws are counted the
	// same way with no cap (a redraw at 100 % is whole). The default.
	IntegerRulePublished IntegerRule = iota
	// IntegerRulePerValue is Mandate's earlier variant, kept for comparison:
	// every station with at least MinRegistered voters is tested, each value
	// on its own is left out (and its redraws capped) when above
	// IntegerMaxPercent, so a station with 100 % turnout still has its share
	// tested. Never the default.
	IntegerRulePerValue
)

// String names the rule as reports and docs do.
func (r IntegerRule) String() string {
	switch r {
	case IntegerRulePublished:
		return "published (Kobak, Shpilkin and Pshenichnikov 2016)"
	case IntegerRulePerValue:
		return "per-value variant"
	}
	return fmt.Sprintf("IntegerRule(%d)", int(r))
}

// Defaults of Options.
const (
	DefaultBins                = 100
	DefaultReplicates          = 1000
	DefaultMinRegistered       = 100
	DefaultIntegerHalfWidth    = 5
	DefaultIntegerMaxPercent   = 99
	DefaultHighTurnoutPercent  = 80
	DefaultExtremePercent      = 95
	DefaultMaxExtreme          = 100
	DefaultMinLastDigitVotes   = 100
	DefaultMinSecondDigitVotes = 10
	// MaxReplicates bounds Options.Replicates.
	MaxReplicates = 100_000
)

// OptionError is an option out of its range. Field is the Options field in
// snake_case ("replicates", "bins"...).
type OptionError struct {
	Field   string
	Message string
}

func (e *OptionError) Error() string { return e.Field + ": " + e.Message }

// InputError is a station record that cannot be analysed.
type InputError struct {
	Station string
	Message string
}

func (e *InputError) Error() string { return fmt.Sprintf("station %q: %s", e.Station, e.Message) }

// withDefaults fills zero fields and checks ranges.
func (o Options) withDefaults() (Options, error) {
	def := func(v *int64, d int64) {
		if *v == 0 {
			*v = d
		}
	}
	if o.Bins == 0 {
		o.Bins = DefaultBins
	}
	if o.Replicates == 0 {
		o.Replicates = DefaultReplicates
	}
	if o.MaxExtreme == 0 {
		o.MaxExtreme = DefaultMaxExtreme
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	def(&o.MinRegistered, DefaultMinRegistered)
	def(&o.IntegerHalfWidth, DefaultIntegerHalfWidth)
	def(&o.IntegerMaxPercent, DefaultIntegerMaxPercent)
	def(&o.HighTurnoutPercent, DefaultHighTurnoutPercent)
	def(&o.ExtremePercent, DefaultExtremePercent)
	def(&o.MinLastDigitVotes, DefaultMinLastDigitVotes)
	def(&o.MinSecondDigitVotes, DefaultMinSecondDigitVotes)
	bad := func(field, format string, args ...any) (Options, error) {
		return Options{}, &OptionError{Field: field, Message: fmt.Sprintf(format, args...)}
	}
	switch {
	case o.Bins < 10 || o.Bins > 1000:
		return bad("bins", "must be between 10 and 1000, got %d", o.Bins)
	case o.Replicates < 1 || o.Replicates > MaxReplicates:
		return bad("replicates", "must be between 1 and %d, got %d", MaxReplicates, o.Replicates)
	case o.MinRegistered < 1:
		return bad("min_registered", "must be positive, got %d", o.MinRegistered)
	case o.IntegerHalfWidth < 1 || o.IntegerHalfWidth > 49:
		return bad("integer_half_width", "must be between 1 and 49 hundredths of a point, got %d", o.IntegerHalfWidth)
	case o.IntegerRule != IntegerRulePublished && o.IntegerRule != IntegerRulePerValue:
		return bad("integer_rule", "unknown rule %d", int(o.IntegerRule))
	case o.IntegerMaxPercent < 1 || o.IntegerMaxPercent > 100:
		return bad("integer_max_percent", "must be between 1 and 100, got %d", o.IntegerMaxPercent)
	case o.HighTurnoutPercent < 1 || o.HighTurnoutPercent > 99:
		return bad("high_turnout_percent", "must be between 1 and 99, got %d", o.HighTurnoutPercent)
	case o.ExtremePercent < 1 || o.ExtremePercent > 100:
		return bad("extreme_percent", "must be between 1 and 100, got %d", o.ExtremePercent)
	case o.MaxExtreme < 0:
		return bad("max_extreme", "must not be negative, got %d", o.MaxExtreme)
	case o.MinLastDigitVotes < 10:
		return bad("min_last_digit_votes", "must be at least 10, got %d", o.MinLastDigitVotes)
	case o.MinSecondDigitVotes < 10:
		return bad("min_second_digit_votes", "must be at least 10, got %d", o.MinSecondDigitVotes)
	}
	return o, nil
}

// Report is the result of Analyze.
type Report struct {
	// Disclaimer says what the indicators are and are not, and the
	// definitions used, in words.
	Disclaimer string
	// Options are the options used, defaults filled in.
	Options Options
	// TurnoutDefinition and ShareBase are the Input's, stated again.
	TurnoutDefinition string
	ShareBase         string
	// Stations is the number of station records analysed.
	Stations int
	Leader   Leader
	// Regions names every region met, sorted by ID.
	Regions     []Region
	Relations   Relations
	Fingerprint Fingerprint
	Integer     IntegerTest
	// DigitTests: last digit and second digit (2BL), for all choices and for
	// the leader. All are weak signals (see DigitTest.Label).
	DigitTests []DigitTest
	Extreme    Extreme
}

// Leader is the choice with the most votes over the stations analysed.
type Leader struct {
	Index int // into Input.Choices; -1 when there are no choices
	ID    string
	Name  string
	Votes int64
	// Base is the sum of the stations' share bases: the leader's share is
	// Votes/Base.
	Base int64
}

// Analyze computes the report. It fails with *OptionError for options out
// of range, *InputError for an impossible record (negative or huge counts,
// votes not matching the choices, a duplicate station), or ctx's error.
func Analyze(ctx context.Context, in Input, opts Options) (Report, error) {
	o, err := opts.withDefaults()
	if err != nil {
		return Report{}, err
	}
	if err := validate(in); err != nil {
		return Report{}, err
	}
	r := Report{
		Options: o, TurnoutDefinition: in.TurnoutDefinition, ShareBase: in.ShareBase,
		Stations: len(in.Stations),
	}
	r.Leader = leaderOf(in)
	regions, regionIdx := indexRegions(in)
	r.Regions = regions
	r.Relations = countRelations(in, regions, regionIdx)
	r.Fingerprint = fingerprint(in, r.Leader.Index, o)
	r.Integer, err = integerTest(ctx, in, r.Leader.Index, regions, regionIdx, o)
	if err != nil {
		return Report{}, err
	}
	r.DigitTests = digitTests(in, r.Leader, o)
	r.Extreme = extremeStations(in, r.Leader.Index, o)
	r.Disclaimer = disclaimer(r)
	return r, nil
}

func validate(in Input) error {
	if len(in.Choices) == 0 {
		return errors.New("forensics: the contest has no choices")
	}
	seen := make(map[string]bool, len(in.Stations))
	for _, s := range in.Stations {
		bad := func(format string, args ...any) error {
			return &InputError{Station: s.ID, Message: fmt.Sprintf(format, args...)}
		}
		if seen[s.ID] {
			return bad("given twice")
		}
		seen[s.ID] = true
		if len(s.Votes) != len(in.Choices) {
			return bad("%d vote counts for %d choices", len(s.Votes), len(in.Choices))
		}
		for _, v := range [...]int64{s.Registered, s.Voters, s.Base} {
			if v < 0 || v >= MaxCount {
				return bad("count %d outside 0..10^12", v)
			}
		}
		for _, v := range s.Votes {
			if v < 0 || v >= MaxCount {
				return bad("vote count %d outside 0..10^12", v)
			}
		}
	}
	return nil
}

func leaderOf(in Input) Leader {
	totals := make([]int64, len(in.Choices))
	var base int64
	for _, s := range in.Stations {
		for i, v := range s.Votes {
			totals[i] += v
		}
		base += s.Base
	}
	l := Leader{Index: -1, Base: base}
	for i, v := range totals {
		if l.Index < 0 || v > l.Votes {
			l.Index, l.Votes = i, v
		}
	}
	if l.Index >= 0 {
		l.ID, l.Name = in.Choices[l.Index].ID, in.Choices[l.Index].Name
	}
	return l
}

// indexRegions returns the regions met (named from Input.Regions when
// possible) sorted by ID, and each station's index into them.
func indexRegions(in Input) ([]Region, []int) {
	names := make(map[string]string, len(in.Regions))
	for _, r := range in.Regions {
		names[r.ID] = r.Name
	}
	ids := make(map[string]bool)
	for _, s := range in.Stations {
		ids[s.Region] = true
	}
	regions := make([]Region, 0, len(ids))
	for id := range ids {
		regions = append(regions, Region{ID: id, Name: names[id]})
	}
	slices.SortFunc(regions, func(a, b Region) int { return strings.Compare(a.ID, b.ID) })
	pos := make(map[string]int, len(regions))
	for i, r := range regions {
		pos[r.ID] = i
	}
	idx := make([]int, len(in.Stations))
	for i, s := range in.Stations {
		idx[i] = pos[s.Region]
	}
	return regions, idx
}

// disclaimer states what the report is and the definitions it used.
func disclaimer(r Report) string {
	o := r.Options
	var b strings.Builder
	b.WriteString("Statistical indicators for observers and researchers, not evidence of fraud and never a verdict: ")
	b.WriteString("honest elections can show each of them (small, closed or homogeneous stations, rounding by a tired commission) ")
	b.WriteString("and manipulated ones can avoid them. Read them as reasons to look at particular protocols, not as conclusions. ")
	fmt.Fprintf(&b, "Definitions: turnout = %s; leader = %s, the choice with the most votes over the %d stations; ",
		orUnstated(r.TurnoutDefinition), orUnstated(r.Leader.ID), r.Stations)
	fmt.Fprintf(&b, "leader share = leader votes / %s. ", orUnstated(r.ShareBase))
	if o.IntegerRule == IntegerRulePerValue {
		fmt.Fprintf(&b, "Integer test (per-value variant, not the published rule): stations with at least %d registered voters whose turnout or leader share lies within ±%s percentage points "+
			"of a whole percentage (each value above %d %% excluded, in the data and in the redraws), against a binomial null in which each station's counts are redrawn "+
			"with its own observed proportions (%d Monte-Carlo replicates, seed %d). ",
			o.MinRegistered, hundredths(o.IntegerHalfWidth), o.IntegerMaxPercent, o.Replicates, o.Seed)
	} else {
		fmt.Fprintf(&b, "Integer test (rule of Kobak, Shpilkin and Pshenichnikov 2016): stations with ballots cast, at least %d registered voters, "+
			"and turnout and leader share both at most %d %%, counted when either lies within ±%s percentage points of a whole percentage, "+
			"against a binomial null in which each station's counts are redrawn with its own observed proportions (%d Monte-Carlo replicates, seed %d). ",
			o.MinRegistered, o.IntegerMaxPercent, hundredths(o.IntegerHalfWidth), o.Replicates, o.Seed)
	}
	b.WriteString("Digit tests are weak signals. Control-relation errors reject a protocol, so stored protocols carry warnings only.")
	return b.String()
}

func orUnstated(s string) string {
	if s == "" {
		return "(unstated)"
	}
	return s
}

// hundredths formats n/100 with two decimals: 5 -> "0.05".
func hundredths(n int64) string { return fmt.Sprintf("%d.%02d", n/100, n%100) }
