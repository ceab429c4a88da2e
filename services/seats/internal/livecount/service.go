package livecount

import (
	"context"
	"time"

	"github.com/mandate-project/mandate/services/seats/apportion"
)

// DefaultInterval is the least time between two allocations of a watch:
// at most four a second, whatever the rate of protocols.
const DefaultInterval = 250 * time.Millisecond

// Options tune a Service; zero values take the defaults.
type Options struct {
	// Now stamps allocations (default time.Now).
	Now func() time.Time
	// Interval is the least time between two allocations of a watch
	// (default DefaultInterval). Totals that arrive faster are coalesced:
	// only the latest is allocated.
	Interval time.Duration
}

// Service allocates contests' seats from the totals of a Source.
type Service struct {
	src      Source
	now      func() time.Time
	interval time.Duration
}

// New returns a Service reading totals from src.
func New(src Source, opts Options) *Service {
	s := &Service{src: src, now: opts.Now, interval: opts.Interval}
	if s.now == nil {
		s.now = time.Now
	}
	if s.interval <= 0 {
		s.interval = DefaultInterval
	}
	return s
}

// SeatPreset returns the preset a contest names as its legal seat rule
// (its definition's seat_preset), "" when it names none, and whether the
// election defines the contest at all.
func (s *Service) SeatPreset(ctx context.Context, election, contest string) (preset string, found bool, err error) {
	def, err := s.src.Definition(ctx, election)
	if err != nil {
		return "", false, err
	}
	c, found := def.Contests[contest]
	return c.SeatPreset, found, nil
}

// resolve fills in the root unit when ref names none.
func (s *Service) resolve(ctx context.Context, ref Ref) (Ref, error) {
	if ref.Unit != "" {
		return ref, nil
	}
	root, err := s.src.Root(ctx, ref.Election)
	if err != nil {
		return Ref{}, err
	}
	ref.Unit = root
	return ref, nil
}

// Allocate allocates the seats of the current totals. A count that cannot
// be allocated yet is a *CountError; a fault of the rule an
// *apportion.ValidationError; the Source's errors are returned as they are.
func (s *Service) Allocate(ctx context.Context, ref Ref, rule apportion.Rule) (*Allocation, error) {
	if err := CheckRule(rule); err != nil {
		return nil, err
	}
	ref, err := s.resolve(ctx, ref)
	if err != nil {
		return nil, err
	}
	t, err := s.src.Totals(ctx, ref)
	if err != nil {
		return nil, err
	}
	a, err := Allocate(t, rule, s.now())
	if err != nil {
		return nil, err
	}
	if a.Pending != nil {
		return nil, a.Pending
	}
	return a, nil
}

// Watch calls send with the allocation of the current totals, then with a
// new one whenever the totals change, until ctx ends, send fails or the
// Source gives up. With sinceVersion > 0 the first allocation comes only
// once the totals are past that version (a client resuming). Totals that
// arrive within the interval of the previous allocation are coalesced (the
// latest wins), and an allocation is sent only when its results version or
// its seats differ from the previous one. Errors before the first
// allocation (rule, unknown contest, tally unreachable) are returned before
// anything is sent. An allocation whose count cannot be allocated yet is
// sent too, without a Result.
func (s *Service) Watch(ctx context.Context, ref Ref, rule apportion.Rule, sinceVersion int64, send func(*Allocation) error) error {
	if err := CheckRule(rule); err != nil {
		return err
	}
	ref, err := s.resolve(ctx, ref)
	if err != nil {
		return err
	}
	first, err := s.src.Totals(ctx, ref)
	if err != nil {
		return err
	}
	if _, err := Allocate(first, rule, s.now()); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// latest holds the newest totals not yet allocated. Only the Source's
	// goroutine (and this one, before it starts) puts, so after emptying
	// the slot the put never blocks.
	latest := make(chan Totals, 1)
	put := func(t Totals) {
		select {
		case <-latest:
		default:
		}
		latest <- t
	}
	if sinceVersion == 0 || first.Version > sinceVersion {
		put(first)
	}
	srcDone := make(chan error, 1)
	go func() {
		srcDone <- s.src.Watch(ctx, ref, max(sinceVersion, first.Version), func(t Totals) error { put(t); return nil })
	}()

	var last *Allocation
	var sentAt time.Time
	for {
		var t Totals
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err := <-srcDone:
			// The Source has ended: allocate what it left, then stop.
			select {
			case t = <-latest:
				if _, serr := s.emit(t, rule, &last, send); serr != nil {
					return serr
				}
			default:
			}
			return err
		case t = <-latest:
		}
		if wait := s.interval - time.Since(sentAt); !sentAt.IsZero() && wait > 0 {
			timer := time.NewTimer(wait)
			select {
			case <-ctx.Done():
				timer.Stop()
				return ctx.Err()
			case <-timer.C:
			}
			select {
			case newer := <-latest:
				t = newer
			default:
			}
		}
		sent, err := s.emit(t, rule, &last, send)
		if err != nil {
			return err
		}
		if sent {
			sentAt = time.Now()
		}
	}
}

// emit allocates t and sends it unless it repeats *last.
func (s *Service) emit(t Totals, rule apportion.Rule, last **Allocation, send func(*Allocation) error) (bool, error) {
	a, err := Allocate(t, rule, s.now())
	if err != nil {
		return false, err
	}
	if *last != nil && (*last).Totals.Version == a.Totals.Version && sameSeats(*last, a) {
		return false, nil
	}
	if err := send(a); err != nil {
		return false, err
	}
	*last = a
	return true, nil
}

// sameSeats reports whether two allocations give every party the same seats
// (or fail for the same reason).
func sameSeats(a, b *Allocation) bool {
	if a.Result == nil || b.Result == nil {
		return a.Result == nil && b.Result == nil && a.Pending.Reason == b.Pending.Reason
	}
	if len(a.Result.Parties) != len(b.Result.Parties) || a.Result.Undecided != b.Result.Undecided {
		return false
	}
	for i, p := range a.Result.Parties {
		q := b.Result.Parties[i]
		if p.ID != q.ID || p.Seats != q.Seats {
			return false
		}
	}
	return true
}
