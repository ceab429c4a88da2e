package livecount

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// ChamberNotFoundError is a chamber the election does not define.
type ChamberNotFoundError struct{ Election, Chamber string }

func (e *ChamberNotFoundError) Error() string {
	return fmt.Sprintf("election %s defines no chamber %q", e.Election, e.Chamber)
}

// Resolver gives a list tier's rule from its preset; its error is
// reported as the tier's (a *ComposeError names the field).
type Resolver func(t TierDef) (TierRule, error)

// ComposeChamber composes a chamber the election defines from the current
// totals of every tier, all read at one results version.
func (s *Service) ComposeChamber(ctx context.Context, election, chamber string, resolve Resolver) (*Composition, error) {
	def, ch, rules, err := s.chamber(ctx, election, chamber, resolve)
	if err != nil {
		return nil, err
	}
	return s.compose(ctx, def, ch, rules)
}

func (s *Service) chamber(ctx context.Context, election, chamber string, resolve Resolver) (Definition, ChamberDef, []TierRule, error) {
	def, err := s.src.Definition(ctx, election)
	if err != nil {
		return Definition{}, ChamberDef{}, nil, err
	}
	i := slices.IndexFunc(def.Chambers, func(c ChamberDef) bool { return c.ID == chamber })
	if i < 0 {
		return Definition{}, ChamberDef{}, nil, &ChamberNotFoundError{Election: election, Chamber: chamber}
	}
	ch := def.Chambers[i]
	rules := make([]TierRule, len(ch.Tiers))
	for ti, t := range ch.Tiers {
		if t.Kind != TierList {
			continue
		}
		r, err := resolve(t)
		if err != nil {
			if ce, ok := err.(*ComposeError); ok {
				return Definition{}, ChamberDef{}, nil, &ComposeError{Field: fmt.Sprintf("tiers[%d].%s", ti, ce.Field), Detail: ce.Detail}
			}
			return Definition{}, ChamberDef{}, nil, err
		}
		rules[ti] = r
	}
	return def, ch, rules, nil
}

// compose reads every tier's totals at one results version (re-reading
// while protocols arrive, like a district contest) and composes.
func (s *Service) compose(ctx context.Context, def Definition, ch ChamberDef, rules []TierRule) (*Composition, error) {
	root, err := s.src.Root(ctx, def.Election)
	if err != nil {
		return nil, err
	}
	for range snapshotTries {
		counts := make([]TierCount, len(ch.Tiers))
		var version int64 = -1
		same := true
		read := func(contest, unit string) (Totals, error) {
			t, err := s.src.Totals(ctx, Ref{Election: def.Election, Contest: contest, Unit: unit})
			if err == nil {
				if version >= 0 && t.Version != version {
					same = false
				}
				version = t.Version
			}
			return t, err
		}
		for i, t := range ch.Tiers {
			switch t.Kind {
			case TierList:
				if counts[i].Root, err = read(t.Contest, root); err != nil {
					return nil, err
				}
				for di, d := range t.Districts {
					x, err := read(t.Contest, d.Unit)
					if err != nil {
						return nil, &DistrictError{Index: di, Unit: d.Unit, Err: err}
					}
					counts[i].Districts = append(counts[i].Districts, x)
				}
			case TierSingleMember:
				for di, c := range t.SingleMember {
					x, err := read(c, def.Contests[c].District)
					if err != nil {
						return nil, &DistrictError{Index: di, Unit: def.Contests[c].District, Err: err}
					}
					counts[i].Seats = append(counts[i].Seats, x)
				}
			}
			if !same {
				break
			}
		}
		if same {
			return Compose(ctx, ch, def, rules, counts, s.now())
		}
	}
	return nil, &UnavailableError{Addr: "tally", Cause: "the count moved during every read of the chamber's totals"}
}

// WatchChamber sends the chamber's composition after every change of the
// count, at most once per interval, when its results version or its seats
// differ from the last one sent. It polls the election's results version
// (the totals of the chamber's first contest at the root) once per
// interval rather than holding one tally stream per contest: a chamber
// with single-member districts has hundreds of contests.
func (s *Service) WatchChamber(ctx context.Context, election, chamber string, resolve Resolver, sinceVersion int64, send func(*Composition) error) error {
	def, ch, rules, err := s.chamber(ctx, election, chamber, resolve)
	if err != nil {
		return err
	}
	probe, ok := firstContest(def, ch)
	var last *Composition
	seen := int64(-1)
	ticker := time.NewTicker(s.interval)
	defer ticker.Stop()
	for {
		version := seen + 1
		if ok {
			root, err := s.src.Root(ctx, election)
			if err != nil {
				return err
			}
			t, err := s.src.Totals(ctx, Ref{Election: election, Contest: probe, Unit: root})
			if err != nil {
				return err
			}
			version = t.Version
		}
		if version != seen {
			c, err := s.compose(ctx, def, ch, rules)
			if err != nil {
				return err
			}
			seen = c.Version
			first := last == nil && (sinceVersion == 0 || c.Version > sinceVersion)
			if first || last != nil && (c.Version != last.Version || !sameComposition(last, c)) {
				if err := send(c); err != nil {
					return err
				}
				last = c
			}
		}
		if !ok {
			// A chamber of reserved seats only never changes.
			<-ctx.Done()
			return ctx.Err()
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ticker.C:
		}
	}
}

// firstContest is a contest the chamber reads: the election's results
// version moves with every protocol, so any one of them tells a change.
func firstContest(def Definition, ch ChamberDef) (string, bool) {
	for _, t := range ch.Tiers {
		switch {
		case t.Kind == TierList:
			return t.Contest, true
		case t.Kind == TierSingleMember && len(t.SingleMember) > 0:
			return t.SingleMember[0], true
		}
	}
	return "", false
}

// sameComposition reports whether two compositions give every party the
// same seats in every tier and district.
func sameComposition(a, b *Composition) bool {
	if a.Undecided != b.Undecided || a.TotalSeats != b.TotalSeats || len(a.Tiers) != len(b.Tiers) {
		return false
	}
	eqParties := func(x, y []PartySeats) bool {
		return slices.EqualFunc(x, y, func(p, q PartySeats) bool { return p.ID == q.ID && p.Seats == q.Seats && p.Overhang == q.Overhang })
	}
	for i := range a.Tiers {
		ta, tb := a.Tiers[i], b.Tiers[i]
		if !eqParties(ta.Parties, tb.Parties) || len(ta.Districts) != len(tb.Districts) {
			return false
		}
		for j := range ta.Districts {
			da, db := ta.Districts[j], tb.Districts[j]
			if da.Leader != db.Leader || da.Decided != db.Decided || da.RunoffRequired != db.RunoffRequired || !mapsEqual(da.PartySeats, db.PartySeats) {
				return false
			}
		}
	}
	return true
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
