package livecount

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/apportion/districts"
)

// District is one district of a district contest: a reporting unit of the
// election whose totals are the district's votes.
type District struct {
	Unit          string // unit id
	Seats         int
	LevelingSeats int
	Population    int64
	AreaKm2       int64
}

// DistrictAllocation is the seats of a district contest from the totals of
// one results version.
type DistrictAllocation struct {
	// Root is the contest's totals of the whole election; Districts the
	// totals of each district, in request order, all of Root's version.
	Root      Totals
	Districts []Totals
	Rule      districts.Rule
	// Result is nil when the count cannot be turned into seats yet;
	// Pending then says why.
	Result     *districts.Result
	Pending    *CountError
	Projection bool
	Note       string
	Generated  time.Time
}

// DistrictError is a district whose unit the tally could not give totals
// for (Err is the tally's answer, e.g. the unit does not exist).
type DistrictError struct {
	Index int
	Unit  string
	Err   error
}

func (e *DistrictError) Error() string {
	return fmt.Sprintf("district %d (unit %s): %v", e.Index, e.Unit, e.Err)
}

func (e *DistrictError) Unwrap() error { return e.Err }

// snapshotTries bounds the re-reads when protocols arrive while the
// districts' totals are read, so that they would mix results versions.
const snapshotTries = 8

// snapshot reads the root's and every district's totals at one results
// version: a version is election-wide, so equal versions mean the same
// count. A count that keeps moving faster than the reads is retried, then
// reported as unavailable rather than mixed.
func (s *Service) snapshot(ctx context.Context, root Ref, ds []District) (Totals, []Totals, error) {
	for range snapshotTries {
		rt, err := s.src.Totals(ctx, root)
		if err != nil {
			return Totals{}, nil, err
		}
		out := make([]Totals, len(ds))
		same := true
		for i, d := range ds {
			ref := root
			ref.Unit = d.Unit
			t, err := s.src.Totals(ctx, ref)
			if err != nil {
				return Totals{}, nil, &DistrictError{Index: i, Unit: d.Unit, Err: err}
			}
			out[i] = t
			same = same && t.Version == rt.Version
		}
		if same {
			return rt, out, nil
		}
	}
	return Totals{}, nil, &UnavailableError{Addr: "tally", Cause: "the count moved during every read of the districts' totals"}
}

// CheckDistricts finds the faults of a district contest that do not depend
// on the count: no districts, a unit named twice.
func CheckDistricts(ds []District) error {
	if len(ds) == 0 {
		return &apportion.ValidationError{Errors: []*apportion.FieldError{{Field: "districts", Reason: "REQUIRED", Message: "a district contest needs districts"}}}
	}
	seen := map[string]int{}
	for i, d := range ds {
		if j, dup := seen[d.Unit]; dup {
			return &apportion.ValidationError{Errors: []*apportion.FieldError{{Field: fmt.Sprintf("districts[%d].unit", i),
				Reason: "DUPLICATE_DISTRICT", Message: fmt.Sprintf("unit %s is already district %d", d.Unit, j)}}}
		}
		seen[d.Unit] = i
	}
	return nil
}

// AllocateDistricts apportions a district contest's seats from the current
// totals of its districts. A count that cannot be allocated yet is a
// *CountError; a fault of the rule or of the districts an
// *apportion.ValidationError (field paths of districts.Chamber); a district
// the tally has no totals for a *DistrictError.
func (s *Service) AllocateDistricts(ctx context.Context, contest Ref, ds []District, rule districts.Rule) (*DistrictAllocation, error) {
	a, err := s.allocateDistricts(ctx, contest, ds, rule)
	if err != nil {
		return nil, err
	}
	if a.Pending != nil {
		return nil, a.Pending
	}
	return a, nil
}

func (s *Service) allocateDistricts(ctx context.Context, contest Ref, ds []District, rule districts.Rule) (*DistrictAllocation, error) {
	if err := CheckDistricts(ds); err != nil {
		return nil, err
	}
	root, err := s.resolve(ctx, Ref{Election: contest.Election, Contest: contest.Contest})
	if err != nil {
		return nil, err
	}
	rt, dts, err := s.snapshot(ctx, root, ds)
	if err != nil {
		return nil, err
	}
	return AllocateDistricts(ctx, rt, dts, ds, rule, s.now())
}

// AllocateDistricts turns the districts' totals into seats: every district's
// lists are the contest's choices with their votes there, its threshold
// base the contest's share base there.
func AllocateDistricts(ctx context.Context, root Totals, dts []Totals, ds []District, rule districts.Rule, now time.Time) (*DistrictAllocation, error) {
	a := &DistrictAllocation{Root: root, Districts: dts, Rule: rule, Generated: now}
	a.Projection, a.Note = describe(root)
	c := &districts.Chamber{Rule: rule.Clone()}
	for i, d := range ds {
		c.Districts = append(c.Districts, districts.District{ID: d.Unit, Name: dts[i].UnitName, Seats: d.Seats,
			LevelingSeats: d.LevelingSeats, ThresholdBase: dts[i].ShareBase, Population: d.Population, AreaKm2: d.AreaKm2})
	}
	var sum int64
	for li, ch := range root.Choices {
		l := districts.List{ID: ch.ID, Name: ch.Name, BallotOrder: li + 1, Votes: make([]*big.Rat, len(ds))}
		for i, t := range dts {
			idx := slices.IndexFunc(t.Choices, func(x Choice) bool { return x.ID == ch.ID })
			if idx >= 0 {
				l.Votes[i] = new(big.Rat).SetInt64(t.Choices[idx].Votes)
				sum += t.Choices[idx].Votes
			}
		}
		c.Lists = append(c.Lists, l)
	}
	if sum == 0 {
		a.Pending = &CountError{Totals: root.Ref.Name(), Reason: ReasonNoVotes,
			Detail: fmt.Sprintf("no votes counted in the districts yet (%d of %d stations reporting)", root.StationsReporting, root.StationsTotal)}
		a.Note = "No votes counted yet: " + a.Note
		return a, nil
	}
	res, err := districts.Apportion(ctx, c)
	var ve *apportion.ValidationError
	if errors.As(err, &ve) && root.StationsReporting < root.StationsTotal {
		// On a partial count a district may have no votes yet, which the
		// engine refuses: a state of the count, not of the request.
		fe := ve.Errors[0]
		a.Pending = &CountError{Totals: root.Ref.Name(), Reason: fe.Reason, Detail: fe.Message}
		a.Note = "No allocation on this count (" + fe.Message + "): " + a.Note
		return a, nil
	}
	if err != nil {
		return nil, err
	}
	a.Result = res
	return a, nil
}

// WatchDistricts is Watch for a district contest: it follows the contest's
// root totals (every protocol changes the election's results version) and,
// after each change, reads all districts at one version and sends the
// allocation when its version or its seats differ from the last one sent.
func (s *Service) WatchDistricts(ctx context.Context, contest Ref, ds []District, rule districts.Rule, sinceVersion int64, send func(*DistrictAllocation) error) error {
	first, err := s.allocateDistricts(ctx, contest, ds, rule)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	changed := make(chan struct{}, 1)
	poke := func() {
		select {
		case changed <- struct{}{}:
		default:
		}
	}
	var last *DistrictAllocation
	if sinceVersion == 0 || first.Root.Version > sinceVersion {
		if err := send(first); err != nil {
			return err
		}
		last = first
	}
	srcDone := make(chan error, 1)
	go func() {
		srcDone <- s.src.Watch(ctx, first.Root.Ref, max(sinceVersion, first.Root.Version), func(Totals) error { poke(); return nil })
	}()
	sentAt := time.Now()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err := <-srcDone:
			return err
		case <-changed:
		}
		if wait := s.interval - time.Since(sentAt); wait > 0 {
			timer := time.NewTimer(wait)
			select {
			case <-ctx.Done():
				timer.Stop()
				return ctx.Err()
			case <-timer.C:
			}
			select {
			case <-changed:
			default:
			}
		}
		a, err := s.allocateDistricts(ctx, contest, ds, rule)
		if err != nil {
			return err
		}
		if last != nil && last.Root.Version == a.Root.Version && sameDistrictSeats(last, a) {
			continue
		}
		if err := send(a); err != nil {
			return err
		}
		last, sentAt = a, time.Now()
	}
}

// sameDistrictSeats reports whether two allocations give every list the same
// seats in every district (or fail for the same reason).
func sameDistrictSeats(a, b *DistrictAllocation) bool {
	if a.Result == nil || b.Result == nil {
		return a.Result == nil && b.Result == nil && a.Pending.Reason == b.Pending.Reason
	}
	if len(a.Result.Lists) != len(b.Result.Lists) || a.Result.Undecided != b.Result.Undecided {
		return false
	}
	for i, l := range a.Result.Lists {
		if !slices.Equal(l.DistrictSeats, b.Result.Lists[i].DistrictSeats) {
			return false
		}
	}
	return true
}
