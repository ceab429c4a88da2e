package tally

import (
	"context"
	"time"
)

// ChangeSet is what changed after a results version, and the version to ask
// from next time (like AP's nextrequest).
type ChangeSet struct {
	Changes []Change
	// Stations lists each changed station once, in order of first change.
	Stations       []string
	ResultsVersion int64
}

// changeFilter keeps changes of one contest ("" all) under one unit ("" all).
type changeFilter struct {
	es      *electionState
	contest string
	unit    *node
}

func (s *Service) filter(election, contest, unit string) (*electionState, changeFilter, error) {
	es, err := s.election(election)
	if err != nil {
		return nil, changeFilter{}, err
	}
	f := changeFilter{es: es, contest: contest}
	if contest != "" {
		if _, err := es.contest(contest); err != nil {
			return nil, f, err
		}
	}
	if unit != "" {
		es.mu.RLock()
		f.unit, err = es.unit(unit)
		es.mu.RUnlock()
		if err != nil {
			return nil, f, err
		}
	}
	return es, f, nil
}

// keep reports whether a watcher of the filter's contest and unit is told
// about c. Units added concern every contest and are told to every watcher
// of the election: the batch is not kept with the change, and a new unit
// anywhere is news to whoever shows the election (its stations count).
func (f changeFilter) keep(c Change) bool {
	if c.Kind == ChangeUnits {
		return true
	}
	if f.contest != "" && c.Contest != f.contest {
		return false
	}
	if f.unit == nil || c.Kind == ChangePhase {
		return true
	}
	f.es.mu.RLock()
	defer f.es.mu.RUnlock()
	st := f.es.node(c.Station)
	return st != nil && st.under(f.unit)
}

const changesPage = 5000

// ChangesSince returns the changes of a contest ("" for all) under a unit
// ("" for all) with a results version above since, read from the store.
func (s *Service) ChangesSince(ctx context.Context, election, contest, unit string, since int64) (ChangeSet, error) {
	if since < 0 {
		return ChangeSet{}, fieldErr("since", "OUT_OF_RANGE", "results version must not be negative")
	}
	_, f, err := s.filter(election, contest, unit)
	if err != nil {
		return ChangeSet{}, err
	}
	cs := ChangeSet{ResultsVersion: since}
	seen := map[string]bool{}
	for {
		batch, err := s.store.Changes(ctx, election, cs.ResultsVersion, changesPage)
		if err != nil {
			return ChangeSet{}, err
		}
		for _, c := range batch {
			cs.ResultsVersion = c.ResultsVersion
			if !f.keep(c) {
				continue
			}
			cs.Changes = append(cs.Changes, c)
			if c.Station != "" && !seen[c.Station] {
				seen[c.Station] = true
				cs.Stations = append(cs.Stations, c.Station)
			}
		}
		if len(batch) < changesPage {
			return cs, nil
		}
	}
}

// Pages of ListChanges: page size 0 asks for DefaultChangesPage, and
// larger sizes than MaxChangesPage are cut to it.
const (
	DefaultChangesPage = 1000
	MaxChangesPage     = 10000
)

// ChangesPage is ChangesSince cut to one page of size changes (see
// DefaultChangesPage): more reports that changes follow the page, and the
// set's ResultsVersion is where the next page starts (the last change's).
func (s *Service) ChangesPage(ctx context.Context, election, contest, unit string, since int64, size int) (cs ChangeSet, more bool, err error) {
	switch {
	case size < 0:
		return ChangeSet{}, false, fieldErr("page_size", "OUT_OF_RANGE", "page_size must not be negative")
	case size == 0:
		size = DefaultChangesPage
	case size > MaxChangesPage:
		size = MaxChangesPage
	}
	cs, err = s.ChangesSince(ctx, election, contest, unit, since)
	if err != nil || len(cs.Changes) <= size {
		return cs, false, err
	}
	cs.Changes = cs.Changes[:size]
	cs.ResultsVersion = cs.Changes[size-1].ResultsVersion
	seen := map[string]bool{}
	cs.Stations = cs.Stations[:0]
	for _, c := range cs.Changes {
		if c.Station != "" && !seen[c.Station] {
			seen[c.Station] = true
			cs.Stations = append(cs.Stations, c.Station)
		}
	}
	return cs, true, nil
}

// WatchPoll is how often Watch also polls the store, for changes written by
// other replicas sharing the database.
var WatchPoll = 2 * time.Second

// Watch calls fn with every change of a contest ("" all) under a unit (""
// all) after the results version from: first the stored ones, then live ones
// as they are accepted, in order, without gaps or duplicates. Changes come in
// batches (never empty): everything read at one wake-up, so a watcher that
// renders totals per call keeps up with any ingest rate. It returns when ctx
// ends (ctx.Err()) or fn fails (its error).
func (s *Service) Watch(ctx context.Context, election, contest, unit string, from int64, fn func([]Change) error) error {
	if from < 0 {
		return fieldErr("from_version", "OUT_OF_RANGE", "results version must not be negative")
	}
	es, f, err := s.filter(election, contest, unit)
	if err != nil {
		return err
	}
	last := from
	ticker := time.NewTicker(WatchPoll)
	defer ticker.Stop()
	for {
		// Take the signal channel before reading, so a change landing after
		// the read wakes us.
		es.mu.RLock()
		wake := es.notify
		es.mu.RUnlock()
		// Only changes the published totals count go out: the store has a
		// change before this process lands it (or learns it from another
		// replica), and a watcher given a change with totals that lack it
		// would wait for totals no later wake brings (its landing signals
		// again, and is read then).
		landed := int64(0)
		if v := es.published(); v != nil {
			landed = v.resultsVersion
		}
		batch, err := s.store.Changes(ctx, election, last, changesPage)
		if err != nil {
			return err
		}
		kept := batch[:0:0]
		for _, c := range batch {
			if c.ResultsVersion > landed {
				break
			}
			last = c.ResultsVersion
			if f.keep(c) {
				kept = append(kept, c)
			}
		}
		if len(kept) > 0 {
			if err := fn(kept); err != nil {
				return err
			}
		}
		if len(batch) == changesPage && last == batch[len(batch)-1].ResultsVersion {
			continue
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-wake:
		case <-ticker.C:
		}
	}
}
