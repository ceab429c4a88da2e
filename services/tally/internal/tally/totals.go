package tally

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/mandate-project/mandate/services/tally/form"
)

// Fraction is an exact ratio; Den 0 means undefined (nothing counted yet).
type Fraction struct {
	Num int64
	Den int64
}

// Float is for display only; results stay exact in Num/Den.
func (f Fraction) Float() float64 {
	if f.Den == 0 {
		return 0
	}
	return float64(f.Num) / float64(f.Den)
}

// ChoiceTotal is the votes of one choice under a unit.
type ChoiceTotal struct {
	Choice      string
	Name        string
	BallotOrder int
	Votes       int64
	// Share is Votes over the contest's ThresholdBase quantity.
	Share Fraction
}

// LineTotal is the sum of one form line over the reporting stations.
type LineTotal struct {
	Line   string
	Number string
	Name   string
	Value  int64
}

// Turnout is a turnout with its definition spelled out, because laws define
// it differently (Russia counts ballots issued, others ballots found in the
// boxes); the contest's form says which (form.Form.TurnoutRole).
type Turnout struct {
	// Numerator is the role counted: RoleBallotsIssued or RoleBallotsCast,
	// over the registered line of the reporting stations' protocols.
	Numerator Role
	// Definition is the same in words (form.TurnoutWords).
	Definition string
	Fraction
}

// Leader is the outcome of a single-winner contest so far.
type Leader struct {
	// Choices holds the leader, or every choice tied for the lead.
	Choices []string
	Votes   int64
	// Share is Votes over MajorityBase.
	Share           Fraction
	MajorityPercent int
	MajorityBase    Role
	Rule            RunoffRule
	// Majority: Votes is strictly more than MajorityPercent % of MajorityBase
	// (never under RunoffNone, which has no majority rule).
	Majority bool
	// WinsOutright: one leader wins without a second round on this count:
	// a majority, or the plurality lead under RunoffNone. Final only when
	// the status is complete.
	WinsOutright bool
	// RunoffNeeded: a second round on this count (no majority, or a tie
	// for the lead under RunoffNone, where the law's tie rule decides).
	RunoffNeeded bool
	// RunoffChoices are the candidates of the second round under the rule,
	// most votes first, ballot order among equals.
	RunoffChoices []string
	// RunoffUndecided: under RunoffTwoLeaders, candidates tie for a runoff
	// place, so the count alone cannot name the pairing; RunoffChoices then
	// holds every tied candidate.
	RunoffUndecided bool
}

// Totals is the result of a contest under a unit, served from memory.
type Totals struct {
	Election string
	Contest  string
	Unit     string
	UnitName string
	Level    string
	Phase    Phase
	// Status of this unit's result: the phase once certified, in correction or
	// in recount; otherwise partial until every station under the unit reported.
	Status Status

	Choices []ChoiceTotal // ballot order
	Lines   []LineTotal   // form order

	// Registered sums the registered line(s) of the reporting stations' protocols.
	Registered int64
	// RegisteredReportingStations and RegisteredAllStations sum the units'
	// Registered (known before the count) over reporting and all stations.
	RegisteredReportingStations int64
	RegisteredAllStations       int64
	BallotsIssued               int64
	BallotsCast                 int64
	Invalid                     int64
	Valid                       int64
	// ShareBase is the contest's ThresholdBase and ShareBaseVotes its value:
	// the denominator of every choice share.
	ShareBase      Role
	ShareBaseVotes int64
	// Turnout is the form's one turnout (form.Form.TurnoutRole / registered).
	Turnout Turnout

	StationsReporting int
	StationsTotal     int
	// ReportedRegistered is RegisteredReportingStations / RegisteredAllStations:
	// the share of registered voters whose stations have reported.
	ReportedRegistered Fraction
	// ProtocolsWithWarnings counts current protocols carrying warnings;
	// ProtocolsCorrected those at version 2 or later.
	ProtocolsWithWarnings int
	ProtocolsCorrected    int

	Leader *Leader // single-winner contests only

	// ResultsVersion is the election's results version these totals include.
	ResultsVersion int64
	// LogSize is the size of the election's log right after the change at
	// ResultsVersion: its first LogSize leaves hold exactly the changes these
	// totals include (0 when the log has none of them).
	LogSize     int64
	GeneratedAt time.Time
}

// Totals returns the result of a contest under a unit ("" for the root).
// A unit that is not a station is read from the published view, without a
// lock (view.go); a station from its protocol under the read lock.
func (s *Service) Totals(ctx context.Context, election, contest, unit string) (Totals, error) {
	es, err := s.election(election)
	if err != nil {
		return Totals{}, err
	}
	cc, err := es.contest(contest)
	if err != nil {
		return Totals{}, err
	}
	if v := es.published(); v != nil {
		if uv := v.lookup(unit); uv != nil {
			return s.totalsOf(election, cc, uv.unit, uv.nStations, uv.regAll, uv.aggs[cc.Index],
				v.phases[cc.Index], v.resultsVersion, v.logSize), nil
		}
	}
	es.mu.RLock()
	n, err := es.unit(unit)
	if err != nil {
		es.mu.RUnlock()
		return Totals{}, err
	}
	a := es.aggregate(n, cc)
	phase := es.phases[cc.Index]
	nStations, regAll, u := n.stationsUnder(), n.registeredUnder(), n.unit
	version, logSize := es.resultsVersion, es.resultsLogSize
	es.mu.RUnlock()
	return s.totalsOf(election, cc, u, nStations, regAll, a, phase, version, logSize), nil
}

// TotalsVersion says which published state Totals would read for a unit
// that is not a station ("" for the root): its results version and log
// size, read from the view without a lock and without building the totals.
// ok is false when Totals would not read the view (a station, an unknown
// name). A caller that keeps what Totals returned may reuse it while the
// version and log size it names are these.
func (s *Service) TotalsVersion(election, contest, unit string) (version, logSize int64, ok bool) {
	es, err := s.election(election)
	if err != nil {
		return 0, 0, false
	}
	if _, err := es.contest(contest); err != nil {
		return 0, 0, false
	}
	v := es.published()
	if v == nil || v.lookup(unit) == nil {
		return 0, 0, false
	}
	return v.resultsVersion, v.logSize, true
}

// Now is the service's clock, which stamps Totals.GeneratedAt.
func (s *Service) Now() time.Time { return s.now() }

// totalsOf builds the totals of a contest under a unit from its aggregate,
// whose vals it only reads.
func (s *Service) totalsOf(election string, cc *form.Compiled, u Unit, nStations int, regAll int64, a agg, phase Phase, version, logSize int64) Totals {
	t := Totals{
		Election: election, Contest: cc.ID, Unit: u.ID, UnitName: u.Name, Level: u.Level,
		Phase: phase, Status: statusOf(phase, a.reporting, nStations),
		Registered:                  cc.Role(a.vals, RoleRegistered),
		RegisteredReportingStations: a.regReporting,
		RegisteredAllStations:       regAll,
		BallotsIssued:               cc.Role(a.vals, RoleBallotsIssued),
		BallotsCast:                 cc.Role(a.vals, RoleBallotsCast),
		Invalid:                     cc.Role(a.vals, RoleInvalid),
		Valid:                       cc.Role(a.vals, RoleValid),
		ShareBase:                   cc.ThresholdBase,
		StationsReporting:           a.reporting,
		StationsTotal:               nStations,
		ReportedRegistered:          Fraction{a.regReporting, regAll},
		ProtocolsWithWarnings:       a.warned,
		ProtocolsCorrected:          a.corrected,
		ResultsVersion:              version,
		LogSize:                     logSize,
		GeneratedAt:                 s.now().UTC(),
	}
	t.ShareBaseVotes = cc.Role(a.vals, cc.ThresholdBase)
	tr := cc.Form.TurnoutRole()
	t.Turnout = Turnout{tr, form.TurnoutWords(tr), Fraction{cc.Role(a.vals, tr), t.Registered}}
	for i, l := range cc.Form.Lines {
		t.Lines = append(t.Lines, LineTotal{Line: l.ID, Number: l.Number, Name: l.Name, Value: a.vals[i]})
	}
	for i, ch := range cc.Choices {
		v := a.vals[cc.NLines+i]
		t.Choices = append(t.Choices, ChoiceTotal{Choice: ch.ID, Name: ch.Name, BallotOrder: ch.BallotOrder,
			Votes: v, Share: Fraction{v, t.ShareBaseVotes}})
	}
	if cc.Kind == SingleWinner {
		t.Leader = leaderOf(cc, t.Choices, cc.Role(a.vals, majorityBase(cc.Contest)))
	}
	return t
}

// majorityBase is the quantity a single-winner contest's leader share is
// taken of: its majority base, or under plurality without one its share base.
func majorityBase(c Contest) Role {
	if c.MajorityBase == RoleUnspecified {
		return c.ThresholdBase
	}
	return c.MajorityBase
}

func leaderOf(cc *form.Compiled, choices []ChoiceTotal, base int64) *Leader {
	rule := cc.Runoff
	if rule == RunoffUnspecified {
		rule = RunoffTwoLeaders
	}
	l := &Leader{MajorityPercent: cc.MajorityPercent, MajorityBase: majorityBase(cc.Contest), Rule: rule}
	// Most votes first, ballot order among equals (choices come in ballot
	// order and the sort is stable).
	ranked := slices.Clone(choices)
	slices.SortStableFunc(ranked, func(a, b ChoiceTotal) int { return cmp.Compare(b.Votes, a.Votes) })
	for _, c := range ranked {
		if len(l.Choices) > 0 && c.Votes < l.Votes {
			break
		}
		l.Votes = c.Votes
		l.Choices = append(l.Choices, c.Choice)
	}
	l.Share = Fraction{l.Votes, base}
	unique := len(l.Choices) == 1 && l.Votes > 0
	if rule == RunoffNone {
		l.WinsOutright = unique
		// A tie for the lead under plurality is settled by the law's tie
		// rule (often a lot or a new vote), not by the count.
		l.RunoffNeeded = len(l.Choices) > 1 && l.Votes > 0
		return l
	}
	// Strictly more than p % of the base: 100*votes > p*base (no overflow for
	// counts below 9e16).
	l.Majority = unique && base > 0 && 100*l.Votes > int64(cc.MajorityPercent)*base
	l.WinsOutright = l.Majority
	l.RunoffNeeded = !l.Majority
	if !l.RunoffNeeded || l.Votes == 0 {
		return l
	}
	// The runoff takes two places; every candidate with as many votes as
	// the one in the second place is tied for it.
	second := ranked[min(1, len(ranked)-1)].Votes
	for _, c := range ranked {
		if c.Votes < second {
			break
		}
		l.RunoffChoices = append(l.RunoffChoices, c.Choice)
	}
	l.RunoffUndecided = rule == RunoffTwoLeaders && len(l.RunoffChoices) > 2
	return l
}

func statusOf(p Phase, reporting, total int) Status {
	switch p {
	case PhaseCertified:
		return Certified
	case PhaseRecount:
		return InRecount
	case PhaseCorrection:
		return InCorrection
	}
	if total > 0 && reporting >= total {
		return UnofficialComplete
	}
	return UnofficialPartial
}

// ContestStatus is the state of a contest as a whole.
type ContestStatus struct {
	Election          string
	Contest           string
	Phase             Phase
	Status            Status
	StationsReporting int
	StationsTotal     int
	ResultsVersion    int64
}

// GetContestStatus returns the phase and completeness of a contest.
func (s *Service) GetContestStatus(ctx context.Context, election, contest string) (ContestStatus, error) {
	es, err := s.election(election)
	if err != nil {
		return ContestStatus{}, err
	}
	cc, err := es.contest(contest)
	if err != nil {
		return ContestStatus{}, err
	}
	if v := es.published(); v != nil {
		return v.status(es.def.ID, cc), nil
	}
	es.mu.RLock()
	defer es.mu.RUnlock()
	return es.status(cc), nil
}

// status is a contest's state in a published view.
func (v *totalsView) status(election string, cc *form.Compiled) ContestStatus {
	cs := ContestStatus{Election: election, Contest: cc.ID, Phase: v.phases[cc.Index], ResultsVersion: v.resultsVersion}
	if v.root != nil {
		cs.StationsTotal = v.root.nStations
		cs.StationsReporting = v.root.aggs[cc.Index].reporting
	}
	cs.Status = statusOf(cs.Phase, cs.StationsReporting, cs.StationsTotal)
	return cs
}

func (es *electionState) status(cc *form.Compiled) ContestStatus {
	cs := ContestStatus{Election: es.def.ID, Contest: cc.ID, Phase: es.phases[cc.Index], ResultsVersion: es.resultsVersion}
	if es.root != nil {
		cs.StationsTotal = es.root.stationsUnder()
		cs.StationsReporting = es.aggregate(es.root, cc).reporting
	}
	cs.Status = statusOf(cs.Phase, cs.StationsReporting, cs.StationsTotal)
	return cs
}

// SetPhase moves a contest to PhaseCertified (submissions are then refused),
// PhaseRecount or PhaseCorrection (submissions accepted again). Moving to the
// current phase fails with ErrFailedPrecondition.
func (s *Service) SetPhase(ctx context.Context, election, contest string, to Phase, reason string) (ContestStatus, error) {
	es, err := s.election(election)
	if err != nil {
		return ContestStatus{}, err
	}
	cc, err := es.contest(contest)
	if err != nil {
		return ContestStatus{}, err
	}
	if err := CheckPhaseTransition(PhaseUnspecified, to); err != nil {
		return ContestStatus{}, err
	}
	at := s.now().UTC()
	tail, err := phaseTail(election, contest, to, reason, originOf(ctx), at)
	if err != nil {
		return ContestStatus{}, err
	}
	es.follow.writing.Add(1)
	defer es.follow.writing.Add(-1)
	ch, err := s.store.SetPhase(ctx, election, contest, to, reason, at, tail)
	if err != nil {
		return ContestStatus{}, err
	}
	es.answered()
	s.land(ctx, es, []entry{{change: &ch}}, ch.ResultsVersion)
	es.mu.RLock()
	defer es.mu.RUnlock()
	return es.status(cc), nil
}
