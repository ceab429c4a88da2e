package tally

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// How replicas converge.
//
// Several Services (tallyd processes) may share one store. Each keeps the
// totals in memory, so each must apply every change any of them accepted,
// exactly once. The store gives every accepted change of an election the
// next results version and makes the versions visible in that order (see
// Store), so a Service applies changes strictly in results-version order:
// es.resultsVersion is the last version applied, and every version up to it,
// and none after it, is in memory. A change reaches a Service in one of
// three ways:
//
//   - its own write (land): applied at once when it follows the last applied
//     version, which is the rule while only this process writes; otherwise it
//     waits in followState.pending for the versions before it;
//   - a read of the store (catchUp) of the versions after the last applied
//     one, when a gap is not filled by another write of this process landing
//     (another replica wrote them);
//   - the poll (Sync), every ServiceOptions.Follow, which also brings the
//     elections and units other processes defined.

// DefaultFollow is how often a Service polls the store for what other
// processes changed, when ServiceOptions.Follow is zero.
const DefaultFollow = time.Second

// landWait bounds how long a write whose versions follow a gap waits for
// the other writes of this process answered with it to land, before reading
// the gap from the store. They land microseconds apart.
const landWait = 5 * time.Millisecond

// followPage is how many changes one catch-up read asks for.
const followPage = 5000

// followState is an election's bookkeeping for applying changes in order.
type followState struct {
	// fetch serializes catch-up reads, so that concurrent writers who find
	// the same gap read it from the store once.
	fetch sync.Mutex

	// The fields below are guarded by electionState.mu.

	// pending holds changes of this process that follow a gap, by version.
	pending map[int64]entry
	// landed is closed and replaced whenever a write lands or changes are
	// applied, to wake writers waiting for a gap to close.
	landed chan struct{}

	// landing counts writes of this process the store has answered that
	// have not landed yet: they land within microseconds and may fill a
	// gap without a read of the store. Not guarded: a write counted late
	// only costs a read.
	landing atomic.Int64
	// writing counts writes of this process sent and not landed: while
	// there are some, the poll leaves catching up to their landing, which
	// reads whatever other processes wrote before them.
	writing atomic.Int64
}

// entry is one results version: a protocol version, or a change that is
// not one (a phase change or units added) when change is set.
type entry struct {
	proto  ProtocolVersion
	change *Change
	// station is proto's station when the entry's writer knew it (nil:
	// not known, looked up).
	station *node
}

func (e entry) logIndex() int64 {
	if e.change != nil {
		return e.change.LogIndex
	}
	return e.proto.LogIndex
}

func (e entry) version() int64 {
	if e.change != nil {
		return e.change.ResultsVersion
	}
	return e.proto.ResultsVersion
}

// applyNext applies e when it is the version after the last applied one and
// reports whether it did. Units added are in memory before their version
// (AddUnits, ensureStations): their version only moves the results version.
// Caller holds es.mu.
func (es *electionState) applyNext(e entry) bool {
	if e.version() != es.resultsVersion+1 {
		return false
	}
	switch {
	case e.change != nil && e.change.Kind == ChangePhase:
		if cc := es.contestByID[e.change.Contest]; cc != nil {
			es.phases[cc.Index] = e.change.Phase
		}
	case e.change == nil:
		if cc := es.contestByID[e.proto.Contest]; cc != nil {
			es.applyAt(cc, e.proto, e.station)
		}
	}
	es.resultsVersion = e.version()
	if i := e.logIndex(); i > 0 {
		es.resultsLogSize = i + 1
	}
	return true
}

// drain applies the pending changes that now follow the last applied
// version and reports whether it applied any. Caller holds es.mu.
func (es *electionState) drain() bool {
	changed := false
	for len(es.follow.pending) > 0 {
		e, ok := es.follow.pending[es.resultsVersion+1]
		if !ok {
			break
		}
		delete(es.follow.pending, e.version())
		changed = es.applyNext(e) || changed
	}
	return changed
}

// wake tells watchers about applied changes and waiting writers that
// something landed. Caller holds es.mu.
func (es *electionState) wake(changed bool) {
	if changed {
		es.publish()
		es.signal()
	}
	close(es.follow.landed)
	es.follow.landed = make(chan struct{})
}

// answered announces a write of this process the store has answered; land
// must follow.
func (es *electionState) answered() { es.follow.landing.Add(1) }

// land applies a write of this process the store has answered (announced
// with answered): own are its new changes, upTo the highest results
// version its caller must see (replays included). It returns once memory
// includes upTo, so a client reads its own writes; when the store cannot be
// read it returns earlier and the poll repairs memory later.
func (s *Service) land(ctx context.Context, es *electionState, own []entry, upTo int64) {
	es.mu.Lock()
	es.follow.landing.Add(-1)
	changed := false
	for _, e := range own {
		if es.applyNext(e) {
			changed = true
			continue
		}
		if e.version() > es.resultsVersion {
			if es.follow.pending == nil {
				es.follow.pending = map[int64]entry{}
			}
			es.follow.pending[e.version()] = e
		}
	}
	changed = es.drain() || changed
	es.wake(changed)
	// A gap before upTo: writes of this process answered by the same group
	// commit (which answers its callers in any order) fill it as they land;
	// otherwise another replica wrote it. Let the writes just answered run
	// first, so they can count themselves.
	if es.resultsVersion < upTo && es.follow.landing.Load() == 0 {
		es.mu.Unlock()
		runtime.Gosched()
		es.mu.Lock()
	}
	var timer *time.Timer
	for es.resultsVersion < upTo && es.follow.landing.Load() > 0 {
		if timer == nil {
			timer = time.NewTimer(landWait)
			defer timer.Stop()
		}
		wait := es.follow.landed
		es.mu.Unlock()
		expired := false
		select {
		case <-wait:
		case <-timer.C:
			expired = true
		case <-ctx.Done():
			expired = true
		}
		es.mu.Lock()
		if expired {
			break
		}
	}
	behind := es.resultsVersion < upTo
	es.mu.Unlock()
	if behind {
		s.followed(s.catchUp(ctx, es, upTo))
	}
}

// catchUp reads every change after the last applied version up to upTo from
// the store and applies them in order.
func (s *Service) catchUp(ctx context.Context, es *electionState, upTo int64) error {
	es.follow.fetch.Lock()
	defer es.follow.fetch.Unlock()
	for {
		es.mu.RLock()
		from := es.resultsVersion
		es.mu.RUnlock()
		if from >= upTo {
			return nil
		}
		log, err := s.readLog(ctx, es.def.ID, from, upTo)
		if err != nil {
			return err
		}
		if err := s.ensureStations(ctx, es, log); err != nil {
			return err
		}
		es.mu.Lock()
		changed := false
		for _, e := range log {
			// A write of this process may have landed meanwhile: the
			// versions it applied are skipped, the ones it parked replaced.
			delete(es.follow.pending, e.version())
			changed = es.applyNext(e) || changed
		}
		changed = es.drain() || changed
		es.wake(changed)
		es.mu.Unlock()
	}
}

// readLog reads the changes after `after` up to upTo (or a page of them) and
// checks that they are exactly the versions after `after`, in order.
func (s *Service) readLog(ctx context.Context, election string, after, upTo int64) ([]entry, error) {
	protos, err := s.store.ProtocolsAfter(ctx, election, after, upTo, followPage)
	if err != nil {
		return nil, err
	}
	hi := upTo
	if len(protos) == followPage {
		hi = protos[len(protos)-1].ResultsVersion
	}
	var others []Change
	if int64(len(protos)) < hi-after {
		// Some versions in the range are phase changes or units added:
		// rare, one more read.
		chs, err := s.store.Changes(ctx, election, after, int(hi-after))
		if err != nil {
			return nil, err
		}
		for _, c := range chs {
			if (c.Kind == ChangePhase || c.Kind == ChangeUnits) && c.ResultsVersion <= hi {
				others = append(others, c)
			}
		}
	}
	log := make([]entry, 0, hi-after)
	i, j := 0, 0
	for v := after + 1; v <= hi; v++ {
		switch {
		case i < len(protos) && protos[i].ResultsVersion == v:
			log = append(log, entry{proto: protos[i]})
			i++
		case j < len(others) && others[j].ResultsVersion == v:
			log = append(log, entry{change: &others[j]})
			j++
		default:
			return nil, fmt.Errorf("tally: the store has no change %d of election %s, though it reported %d", v, election, upTo)
		}
	}
	return log, nil
}

// ensureStations loads the units another process added when the log names
// stations memory lacks (the store commits units before their protocols)
// or holds units added: those must be in memory before their version is
// applied.
func (s *Service) ensureStations(ctx context.Context, es *electionState, log []entry) error {
	missing := func() (station string, units bool) {
		es.mu.RLock()
		defer es.mu.RUnlock()
		for _, e := range log {
			switch {
			case e.change == nil && es.node(e.proto.Station) == nil:
				return e.proto.Station, false
			case e.change != nil && e.change.Kind == ChangeUnits:
				units = true
			}
		}
		return "", units
	}
	if st, units := missing(); st == "" && !units {
		return nil
	}
	es.unitsMu.Lock()
	err := s.refreshUnits(ctx, es)
	es.unitsMu.Unlock()
	if err != nil {
		return err
	}
	if st, _ := missing(); st != "" {
		return fmt.Errorf("tally: the store has a protocol of election %s for station %q but not the unit", es.def.ID, st)
	}
	return nil
}

// refreshUnits adds to memory the units other processes stored. Caller
// holds es.unitsMu.
func (s *Service) refreshUnits(ctx context.Context, es *electionState) error {
	units, err := s.store.Units(ctx, es.def.ID)
	if err != nil {
		return err
	}
	es.mu.RLock()
	var fresh []Unit
	for _, u := range units {
		if es.node(u.ID) == nil {
			fresh = append(fresh, u)
		}
	}
	es.mu.RUnlock()
	if len(fresh) > 0 {
		es.mu.Lock()
		es.addUnits(fresh)
		es.mu.Unlock()
	}
	return nil
}

// syncUnits loads the units other processes added when the store has
// more than memory. The count is compared again under unitsMu, after an
// AddUnits of this process has put its units in memory too.
func (s *Service) syncUnits(ctx context.Context, es *electionState, stored int) error {
	es.mu.RLock()
	behind := stored > es.unitCount()
	es.mu.RUnlock()
	if !behind {
		return nil
	}
	es.unitsMu.Lock()
	defer es.unitsMu.Unlock()
	es.mu.RLock()
	behind = stored > es.unitCount()
	es.mu.RUnlock()
	if !behind {
		return nil
	}
	return s.refreshUnits(ctx, es)
}

// unitsBehind reports whether the store holds units memory lacks: a
// request naming an unknown unit may come right after another replica
// added it.
func (s *Service) unitsBehind(ctx context.Context, es *electionState) (bool, error) {
	se, err := s.store.GetElection(ctx, es.def.ID)
	if err != nil {
		return false, err
	}
	es.mu.RLock()
	defer es.mu.RUnlock()
	return se.UnitCount > es.unitCount(), nil
}

// Sync applies what other processes sharing the store changed: elections
// they defined, units they added and changes they accepted. The poll calls
// it every ServiceOptions.Follow; tests call it to converge at once.
func (s *Service) Sync(ctx context.Context) error {
	heads, err := s.store.ElectionHeads(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, se := range heads {
		s.mu.RLock()
		es := s.elections[se.ID]
		s.mu.RUnlock()
		if es == nil {
			if _, err := s.adopt(ctx, se.ID); err != nil {
				errs = append(errs, err)
			}
			continue
		}
		if err := s.syncUnits(ctx, es, se.UnitCount); err != nil {
			errs = append(errs, err)
			continue
		}
		es.mu.RLock()
		behind := se.ResultsVersion > es.resultsVersion
		es.mu.RUnlock()
		if behind && es.follow.writing.Load() == 0 {
			if err := s.catchUp(ctx, es, se.ResultsVersion); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// adopt loads an election another process defined.
func (s *Service) adopt(ctx context.Context, id string) (*electionState, error) {
	s.loadMu.Lock()
	defer s.loadMu.Unlock()
	s.mu.RLock()
	es := s.elections[id]
	s.mu.RUnlock()
	if es != nil {
		return es, nil
	}
	se, err := s.store.GetElection(ctx, id)
	if err != nil {
		return nil, err
	}
	es, err = s.load(ctx, se)
	if err != nil {
		return nil, fmt.Errorf("load election %s: %w", id, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if cur := s.elections[id]; cur != nil {
		return cur, nil // DefineElection loaded it meanwhile
	}
	s.elections[id] = es
	return es, nil
}

// adoptTimeout bounds loading an election on a request's behalf.
const adoptTimeout = time.Minute

// poll runs Sync every interval until ctx ends.
func (s *Service) poll(ctx context.Context, every time.Duration) {
	defer close(s.polled)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if err := s.Sync(ctx); ctx.Err() == nil {
			s.followed(err)
		}
	}
}

// followed logs the first failure to follow the store and the recovery,
// not every failed attempt.
func (s *Service) followed(err error) {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return
	}
	s.followMu.Lock()
	defer s.followMu.Unlock()
	switch {
	case err != nil && !s.followFailing:
		s.log.Warn("tally: cannot read the store's changes; totals lag until it answers", "err", err)
	case err == nil && s.followFailing:
		s.log.Info("tally: reading the store's changes again")
	}
	s.followFailing = err != nil
}

// Close stops the poll and the publishing of checkpoints and waits for
// them. The Service stays usable; it then sees other processes' changes
// only when its own writes follow them.
func (s *Service) Close() {
	s.closeOnce.Do(func() {
		if s.stopPoll != nil {
			s.stopPoll()
			<-s.polled
		}
		if s.ledger != nil {
			s.ledger.close()
		}
	})
}
