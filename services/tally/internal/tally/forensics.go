package tally

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/mandate-project/mandate/services/tally/forensics"
	"github.com/mandate-project/mandate/services/tally/form"
)

// Forensics reads the current protocols from memory; package forensics
// computes the indicators. Nothing here changes any state.

// ForensicsInput is the station records of a contest under a unit, with
// where they come from.
type ForensicsInput struct {
	Election string
	Contest  string
	Unit     Unit
	// ResultsVersion is the election's results version the records include.
	ResultsVersion int64
	Data           forensics.Input
}

// Forensics is a forensics report of a contest under a unit.
type Forensics struct {
	Election       string
	Contest        string
	Unit           Unit
	ResultsVersion int64
	GeneratedAt    time.Time
	Report         forensics.Report
}

// ForensicsInput gathers the current protocol of every station under a unit
// ("" for the root) that has reported in the contest, in station ID order.
//
//   - turnout is the form's own (form.Form.TurnoutRole over the registered
//     line(s)), the one the totals report: ballots issued for Russia, as
//     the CEC and Kobak et al. count it;
//   - the share base is the contest's threshold base (valid votes or ballots
//     cast), the base its law computes shares on;
//   - stations are grouped by the child of the unit they lie under (the
//     regions, for the nation); a station unit is its own group;
//   - violations are the warnings stored with each protocol: protocols
//     breaking an error-severity relation were rejected, so none is stored.
func (s *Service) ForensicsInput(ctx context.Context, election, contest, unit string) (ForensicsInput, error) {
	es, err := s.election(election)
	if err != nil {
		return ForensicsInput{}, err
	}
	cc, err := es.contest(contest)
	if err != nil {
		return ForensicsInput{}, err
	}
	turnoutRole := cc.Form.TurnoutRole()
	in := forensics.Input{TurnoutDefinition: form.TurnoutWords(turnoutRole), ShareBase: shareBaseName(cc.ThresholdBase)}
	for _, ch := range cc.Choices {
		in.Choices = append(in.Choices, forensics.Choice{ID: ch.ID, Name: ch.Name})
	}

	es.mu.RLock()
	defer es.mu.RUnlock()
	n, err := es.unit(unit)
	if err != nil {
		return ForensicsInput{}, err
	}
	for _, c := range n.kids() {
		in.Regions = append(in.Regions, forensics.Region{ID: c.unit.ID, Name: c.unit.Name})
	}
	if n.protos != nil {
		in.Regions = append(in.Regions, forensics.Region{ID: n.unit.ID, Name: n.unit.Name})
	}
	for _, st := range es.stations {
		p := st.protos[cc.Index]
		if p == nil {
			continue
		}
		group := groupUnder(st, n)
		if group == nil {
			continue
		}
		vals := p.vals(cc.Width())
		rec := forensics.Station{
			ID: st.unit.ID, Region: group.unit.ID,
			Registered: cc.Role(vals, RoleRegistered),
			Voters:     cc.Role(vals, turnoutRole),
			Base:       cc.Role(vals, cc.ThresholdBase),
			Votes:      vals[cc.NLines:],
		}
		for _, w := range p.warnings() {
			rec.Violations = append(rec.Violations, forensics.Violation{Code: w.Code, Severity: forensicsSeverity(w.Severity)})
		}
		in.Stations = append(in.Stations, rec)
	}
	return ForensicsInput{Election: election, Contest: contest, Unit: n.unit, ResultsVersion: es.resultsVersion, Data: in}, nil
}

// groupUnder returns the child of unit on the path from st up to it, st
// itself when st is the unit, nil when st is not under unit.
func groupUnder(st, unit *node) *node {
	if st == unit {
		return st
	}
	for a := st; a.parent != nil; a = a.parent {
		if a.parent == unit {
			return a
		}
	}
	return nil
}

func shareBaseName(r Role) string {
	if r == RoleValid {
		return "valid"
	}
	return "ballots_cast"
}

func forensicsSeverity(s Severity) forensics.Severity {
	switch s {
	case SeverityError:
		return forensics.SeverityError
	case SeverityWarning:
		return forensics.SeverityWarning
	}
	return forensics.SeverityUnspecified
}

// Forensics computes the forensics report of a contest under a unit ("" for
// the root) from the current protocols. Options out of range fail with a
// *FieldError naming the option (e.g. "replicates"). It takes about a second
// of CPU for 100,000 stations and 1,000 replicates, and stops when ctx ends.
func (s *Service) Forensics(ctx context.Context, election, contest, unit string, opts forensics.Options) (Forensics, error) {
	in, err := s.ForensicsInput(ctx, election, contest, unit)
	if err != nil {
		return Forensics{}, err
	}
	rep, err := forensics.Analyze(ctx, in.Data, opts)
	var oe *forensics.OptionError
	var ie *forensics.InputError
	switch {
	case errors.As(err, &oe):
		return Forensics{}, fieldErr(oe.Field, "OUT_OF_RANGE", "%s", oe.Message)
	case errors.As(err, &ie):
		// Stored protocols passed the form's checks; a count this large is a
		// limit of the forensics, not a client mistake.
		return Forensics{}, fmt.Errorf("forensics of %s/%s/%s: %w", election, contest, unit, err)
	case err != nil:
		return Forensics{}, err
	}
	return Forensics{Election: election, Contest: contest, Unit: in.Unit, ResultsVersion: in.ResultsVersion,
		GeneratedAt: s.now().UTC(), Report: rep}, nil
}
