// Package livecount allocates a contest's seats from the live count: it reads
// a unit's totals from the tally through a Source it declares, puts the
// contest's legal share base under the rule's threshold, runs the engine of
// package apportion, and says how much of the count the seats stand on. It
// keeps no protocols and imports no gRPC; the tally client is a Source.
package livecount

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/mandate-project/mandate/services/seats/apportion"
)

// Source is the tally as this package needs it. tallysource.Client is the
// implementation over gRPC.
type Source interface {
	// Root returns the id of the root unit of an election's hierarchy.
	Root(ctx context.Context, election string) (string, error)
	// Totals returns the current totals of a contest in a unit.
	Totals(ctx context.Context, ref Ref) (Totals, error)
	// Definition returns what a chamber's composition needs of an
	// election's definition: its contests and chambers.
	Definition(ctx context.Context, election string) (Definition, error)
	// Watch calls fn, from one goroutine, with the unit's totals after each
	// change past sinceVersion, reconnecting as needed, until ctx ends, fn
	// fails, or the tally fails in a way a reconnect does not fix.
	Watch(ctx context.Context, ref Ref, sinceVersion int64, fn func(Totals) error) error
}

// Ref names the totals of a contest in a unit by ids.
type Ref struct {
	Election, Contest string
	// Unit is a unit id; empty is the root of the hierarchy.
	Unit string
}

// Name is the tally's resource name of the totals.
func (r Ref) Name() string {
	return "elections/" + r.Election + "/contests/" + r.Contest + "/totals/" + r.Unit
}

// Role is the protocol quantity a contest's shares are taken of.
type Role int

const (
	// RoleUnspecified: the tally did not say.
	RoleUnspecified Role = iota
	// RoleValid: valid votes.
	RoleValid
	// RoleBallotsCast: all ballots found in the boxes, invalid ones included.
	RoleBallotsCast
)

// Status is the phase of a contest's results.
type Status int

const (
	// StatusUnspecified: the tally did not say.
	StatusUnspecified Status = iota
	// StatusPartial: some stations have not reported.
	StatusPartial
	// StatusComplete: every station has reported; not certified.
	StatusComplete
	// StatusCertified: certified; submissions are closed.
	StatusCertified
	// StatusRecount: a recount is open after certification.
	StatusRecount
	// StatusCorrection: a correction phase is open after certification.
	StatusCorrection
)

// Choice is one list's votes.
type Choice struct {
	ID, Name string
	Votes    int64
}

// Ratio is an exact ratio with the tally's rounded percentage.
type Ratio struct {
	Numerator, Denominator int64
	Percent                string // two decimals; empty when the denominator is 0
	Definition             string
}

// Totals is what the allocation needs of a unit's totals.
type Totals struct {
	Ref      Ref
	UnitName string
	Choices  []Choice // in ballot order
	// ShareBase is the contest's legal base in this unit (the sum of
	// ShareBaseRole over the reporting stations).
	ShareBase           int64
	ShareBaseRole       Role
	Status              Status
	Version             int64 // the tally's results version
	StationsReporting   int64
	StationsTotal       int64
	RegisteredReporting Ratio
	Generated           time.Time
	// Checkpoint is the tally's signed checkpoint of the log whose entries
	// are exactly the changes these totals include; nil when the tally
	// sent none.
	Checkpoint *Checkpoint
	// Single-winner contests: the leading candidate, whether the leader
	// wins outright (the majority the contest asks for, or first past the
	// post) and whether a second round is needed, as the tally says.
	Leader                       string
	WinsOutright, RunoffRequired bool
}

// Checkpoint is a signed checkpoint of the tally's log: its size, root
// hash and the signed note itself.
type Checkpoint struct {
	Name     string
	TreeSize int64
	RootHash []byte
	Note     string
}

// Allocation is the seats of one set of totals.
type Allocation struct {
	Totals Totals
	// Rule is the rule applied, its threshold base set from the totals.
	Rule apportion.Rule
	// Result is nil when the count cannot be turned into seats yet;
	// Pending then says why.
	Result  *apportion.Result
	Pending *CountError
	// Projection: some stations have not reported and the results are not
	// certified, so the seats may change.
	Projection bool
	// Note says what the seats stand for, in words.
	Note      string
	Generated time.Time
}

// UnavailableError is what a Source returns when the tally cannot be
// reached, after its retries.
type UnavailableError struct {
	Addr  string // the tally's address
	Cause string
}

func (e *UnavailableError) Error() string { return "tally at " + e.Addr + " unreachable: " + e.Cause }

// CountError says why a count cannot be turned into seats yet: no votes
// are counted, or on the count so far the rule leaves nobody to share the
// seats. It is a state of the count, not a fault of the request.
type CountError struct {
	Totals string // resource name of the totals
	Reason string // stable UPPER_SNAKE code
	Detail string
}

func (e *CountError) Error() string { return e.Totals + ": " + e.Detail }

// Reasons of a CountError.
const (
	ReasonNoVotes = "NO_VOTES_COUNTED"
)

// CheckRule finds the faults of the rule itself, before any totals are
// read: the engine validates a rule together with the parties, so it is
// shown one party with as many votes as the engine accepts, which every
// threshold lets through. Whatever fails then is the rule's own fault.
func CheckRule(rule apportion.Rule) error {
	probe := []apportion.Party{{ID: "probe", Votes: apportion.MaxTotalVotes}}
	if errs := apportion.Validate(probe, rule); len(errs) > 0 {
		return &apportion.ValidationError{Errors: errs}
	}
	return nil
}

// Allocate turns totals into seats under rule. A threshold without a base
// takes the totals' share base, which the contest defines (valid votes, or
// ballots cast including invalid ones); rule is not modified. When the
// count cannot be allocated the Allocation has no Result and says why in
// Pending and Note; an error means the rule is at fault (see CheckRule) or
// the engine failed.
func Allocate(t Totals, rule apportion.Rule, now time.Time) (*Allocation, error) {
	asked := rule
	if rule.Threshold != nil {
		th := *rule.Threshold
		if th.Base == 0 {
			th.Base = t.ShareBase
		}
		rule.Threshold = &th
	}
	a := &Allocation{Totals: t, Rule: rule, Generated: now}
	a.Projection, a.Note = describe(t)
	parties := make([]apportion.Party, len(t.Choices))
	var sum int64
	for i, c := range t.Choices {
		parties[i] = apportion.Party{ID: c.ID, Name: c.Name, Votes: c.Votes, BallotOrder: i + 1}
		sum += c.Votes
	}
	if sum == 0 {
		a.Pending = &CountError{Totals: t.Ref.Name(), Reason: ReasonNoVotes,
			Detail: fmt.Sprintf("no votes counted yet (%d of %d stations reporting)", t.StationsReporting, t.StationsTotal)}
		a.Note = "No votes counted yet: " + a.Note
		return a, nil
	}
	res, err := apportion.Apportion(parties, rule)
	var ve *apportion.ValidationError
	switch {
	case errors.As(err, &ve):
		if CheckRule(asked) != nil {
			return nil, err
		}
		// The rule is sound, so the count so far is what cannot be
		// allocated (nobody passes the threshold, say).
		fe := ve.Errors[0]
		a.Pending = &CountError{Totals: t.Ref.Name(), Reason: fe.Reason, Detail: fe.Message}
		a.Note = "No allocation on this count (" + fe.Message + "): " + a.Note
		return a, nil
	case err != nil:
		return nil, err
	}
	a.Result = res
	return a, nil
}

// describe says whether the totals are a partial count and what they stand
// for.
func describe(t Totals) (projection bool, note string) {
	stations := fmt.Sprintf("%d of %d stations", t.StationsReporting, t.StationsTotal)
	if t.StationsTotal > 0 {
		stations += " (" + percent(t.StationsReporting, t.StationsTotal) + " %)"
	}
	registered := ""
	if p := t.RegisteredReporting.Percent; p != "" {
		registered = ", " + p + " % of registered voters"
	}
	partial := t.StationsReporting < t.StationsTotal
	switch t.Status {
	case StatusCertified:
		note = "Certified result"
		if partial {
			note += " (" + stations + " reported)"
		}
		return false, note + "."
	case StatusRecount, StatusCorrection:
		what := "recount"
		if t.Status == StatusCorrection {
			what = "correction"
		}
		return false, "Certified result with a " + what + " open: seats may change as corrected protocols arrive."
	}
	if partial || t.StationsTotal == 0 {
		return true, "Projection from " + stations + " reporting" + registered + ": seats may change as protocols arrive."
	}
	if t.StationsTotal == 1 {
		return false, "Complete count of the one station; not yet certified."
	}
	return false, "Complete count from all " + fmt.Sprint(t.StationsTotal) + " stations; not yet certified."
}

// percent is n/d in percent, rounded half up to two decimals, in integers.
func percent(n, d int64) string {
	hundredths := (n*20000/d + 1) / 2
	return fmt.Sprintf("%d.%02d", hundredths/100, hundredths%100)
}
