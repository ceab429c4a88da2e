package tally

import (
	"github.com/mandate-project/mandate/services/tally/form"

	"context"
	"fmt"
	"slices"
	"time"

	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// ImportResult is the outcome of one submission of a batch.
type ImportResult struct {
	Receipt Receipt
	// Version is the version Receipt names as the store holds it (what
	// GetProtocol reads as that version; Leaf not set): the one created,
	// or for a replay the one the key created first.
	Version ProtocolVersion
	Err     error
}

// Submit validates a protocol against its form and stores it durably before
// returning the receipt.
//
//   - broken error-severity relations: *ValidationError listing all of them,
//     nothing stored; warnings are stored and returned in the receipt;
//   - the same idempotency key with the same content returns the original
//     receipt (Replayed), with other content ErrConflict;
//   - a second original for a station: ErrAlreadyExists; a correction whose
//     Replaces is not the current version: ErrStaleVersion;
//   - a certified contest: ErrFailedPrecondition.
//
// Every accepted version is appended to the election's log with it
// (Receipt.Entry); every refusal of a submission to a known election is
// appended too, and its error is then a *LoggedError naming the leaf.
// Concurrent calls share one store transaction (group commit).
func (s *Service) Submit(ctx context.Context, sub Submission) (Receipt, error) {
	rc, _, err := s.SubmitVersion(ctx, sub)
	return rc, err
}

// SubmitVersion is Submit that also returns the version the receipt
// names, as stored: an answer that shows it needs no read of the store.
func (s *Service) SubmitVersion(ctx context.Context, sub Submission) (Receipt, ProtocolVersion, error) {
	res, err := s.Import(ctx, []Submission{sub})
	if err != nil {
		return Receipt{}, ProtocolVersion{}, err
	}
	return res[0].Receipt, res[0].Version, res[0].Err
}

// Import submits a batch (e.g. thousands of rows of a file) in one store
// transaction and returns one result per submission, in order. A rejected
// row does not affect the others. The error is for failures of the whole
// batch, when nothing was stored.
func (s *Service) Import(ctx context.Context, subs []Submission) ([]ImportResult, error) {
	return s.StoreImport(ctx, s.PrepareImport(ctx, subs))
}

// PreparedImport is a batch of submissions checked against their
// definitions and built into versions, not stored yet (PrepareImport).
type PreparedImport struct {
	subs    []Submission
	results []ImportResult
	batch   []ProtocolVersion
	idx     []int // index in subs of each version of batch
	states  []*electionState
	nodes   []*node // the station of each version of batch
	now     time.Time
}

// PrepareImport does the part of Import that depends on the submissions
// and the definitions only (validation, content hashes, log entries), so
// that a caller streaming batches can prepare the next one while the
// store commits the one before. StoreImport stores it.
func (s *Service) PrepareImport(ctx context.Context, subs []Submission) *PreparedImport {
	results := make([]ImportResult, len(subs))
	batch := make([]ProtocolVersion, 0, len(subs))
	idx := make([]int, 0, len(subs))
	now := s.now().UTC()
	var states []*electionState
	var nodes []*node
	for pass := 0; pass < 2; pass++ {
		clear(results)
		batch, idx, states, nodes = batch[:0], idx[:0], states[:0], nodes[:0]
		var unknown *electionState
		for i, sub := range subs {
			pv, es, st, err := s.prepare(sub, now)
			if err != nil {
				results[i].Err = err
				if es != nil && unknown == nil {
					unknown = es
				}
				continue
			}
			batch = append(batch, pv)
			idx = append(idx, i)
			states = append(states, es)
			nodes = append(nodes, st)
		}
		// A station may be unknown because another replica just added it:
		// then load the units and prepare the batch once more.
		if unknown == nil || pass > 0 || !s.stationsAdded(ctx, unknown) {
			break
		}
	}
	return &PreparedImport{subs: subs, results: results, batch: batch, idx: idx, states: states, nodes: nodes, now: now}
}

// StoreImport stores a prepared batch in one store transaction and returns
// one result per submission, in order, as Import does. Batches reach the
// store in the order of the calls: a caller that needs one batch after
// another (a correction after its original) waits for the first call to
// return before making the second.
func (s *Service) StoreImport(ctx context.Context, p *PreparedImport) ([]ImportResult, error) {
	subs, results, batch, idx, states, now := p.subs, p.results, p.batch, p.idx, p.states, p.now
	if len(batch) == 0 {
		if err := s.logRejections(ctx, subs, results, now); err != nil {
			return nil, err
		}
		return results, nil
	}
	// Elections in order of first appearance; usually one.
	var touched []*electionState
	for _, es := range states {
		if !slices.Contains(touched, es) {
			touched = append(touched, es)
			es.follow.writing.Add(1)
		}
	}
	defer func() {
		for _, es := range touched {
			es.follow.writing.Add(-1)
		}
	}()
	stored, err := s.store.AppendProtocols(ctx, batch)
	if err == nil && len(stored) != len(batch) {
		err = fmt.Errorf("store returned %d results for %d protocols", len(stored), len(batch))
	}
	if err != nil {
		return nil, err
	}
	for _, es := range touched {
		es.answered()
	}
	own := make([][]entry, len(touched))
	if len(touched) == 1 {
		// One election, the usual batch: its entries in one allocation.
		own[0] = make([]entry, 0, len(stored))
	}
	upTo := make([]int64, len(touched))
	var replays []int // indexes into batch of replays with a leaf
	for j, r := range stored {
		i := idx[j]
		if r.Err != nil {
			results[i].Err = r.Err
			continue
		}
		results[i].Receipt = receiptOf(r.Stored, r.Replayed)
		results[i].Version = r.Stored
		results[i].Version.Leaf = nil
		switch {
		case !r.Replayed:
			results[i].Receipt.Entry.Hash = tallylog.LeafHash(r.Stored.LogIndex, batch[j].Leaf)
		case r.Stored.LogIndex > 0:
			replays = append(replays, j)
		}
		k := slices.Index(touched, states[j])
		if !r.Replayed {
			own[k] = append(own[k], entry{proto: r.Stored, station: p.nodes[j]})
		}
		upTo[k] = max(upTo[k], r.Stored.ResultsVersion)
	}
	for k, es := range touched {
		s.land(ctx, es, own[k], upTo[k])
	}
	// A replay's receipt names the original leaf, whose hash is stored:
	// read once per election for the whole batch.
	byElection := map[string][]*Receipt{}
	for _, j := range replays {
		rc := &results[idx[j]].Receipt
		byElection[rc.Election] = append(byElection[rc.Election], rc)
	}
	for e, rcs := range byElection {
		indexes := make([]int64, len(rcs))
		for k, rc := range rcs {
			indexes[k] = rc.Entry.Index
		}
		hs, err := s.ledger.leafHashes(ctx, e, indexes)
		if err != nil {
			return nil, err
		}
		for k, rc := range rcs {
			rc.Entry.Hash = hs[k]
		}
	}
	if err := s.logRejections(ctx, subs, results, now); err != nil {
		return nil, err
	}
	return results, nil
}

// stationsAdded loads the units another replica added, when the store has
// more than memory, and reports whether it did.
func (s *Service) stationsAdded(ctx context.Context, es *electionState) bool {
	es.unitsMu.Lock()
	defer es.unitsMu.Unlock()
	if behind, err := s.unitsBehind(ctx, es); err != nil || !behind {
		return false
	}
	return s.refreshUnits(ctx, es) == nil
}

func receiptOf(v ProtocolVersion, replayed bool) Receipt {
	return Receipt{
		Election: v.Election, Contest: v.Contest, Station: v.Station, Version: v.Version,
		Kind: v.Kind, ResultsVersion: v.ResultsVersion, ContentHash: v.ContentHash,
		SubmittedAt: v.SubmittedAt, Warnings: slices.Clone(v.Warnings), Replayed: replayed,
		Entry: LogRef{Index: v.LogIndex},
	}
}

// prepare checks a submission against the definition and builds the version
// to store, returned with its station's node (so that applying it needs no
// second search of a million stations). The election state is returned
// with an unknown station's ErrNotFound, nil with every other error.
func (s *Service) prepare(sub Submission, now time.Time) (ProtocolVersion, *electionState, *node, error) {
	if err := form.CheckShape(sub); err != nil {
		return ProtocolVersion{}, nil, nil, err
	}
	es, err := s.election(sub.Election)
	if err != nil {
		return ProtocolVersion{}, nil, nil, err
	}
	cc, err := es.contest(sub.Contest)
	if err != nil {
		return ProtocolVersion{}, nil, nil, err
	}
	es.mu.RLock()
	st := es.node(sub.Station)
	es.mu.RUnlock()
	if st == nil {
		return ProtocolVersion{}, es, nil, notFound("unit", sub.Election, sub.Station)
	}
	if !st.unit.IsStation() {
		return ProtocolVersion{}, nil, nil, fieldErr("station", "NOT_A_STATION", "unit %q is a %s, not a station", sub.Station, st.unit.Level)
	}
	if d := cc.District; d != "" {
		es.mu.RLock()
		in := st.under(es.node(d))
		es.mu.RUnlock()
		if !in {
			return ProtocolVersion{}, nil, nil, fieldErr("station", "STATION_OUTSIDE_DISTRICT", "station %q is not in district %q of contest %q", sub.Station, d, sub.Contest)
		}
	}
	vals, warnings, err := cc.Check(sub)
	if err != nil {
		return ProtocolVersion{}, nil, nil, err
	}
	if err := cc.RegisteredAboveUnit(sub, vals, st.unit.Registered); err != nil {
		return ProtocolVersion{}, nil, nil, err
	}
	v := ProtocolVersion{
		Election: sub.Election, Contest: sub.Contest, Station: sub.Station,
		Version: sub.Replaces + 1, Kind: sub.Kind, Lines: sub.Lines, Votes: sub.Votes, Vals: vals,
		IdempotencyKey: sub.IdempotencyKey, Reason: sub.Reason, Submitter: sub.Submitter,
		Warnings: warnings, SubmittedAt: now, ContentHash: cc.ContentHashOf(sub, vals),
	}
	if v.Leaf, err = protocolTail(cc, sub, v); err != nil {
		return ProtocolVersion{}, nil, nil, err
	}
	return v, es, st, nil
}
