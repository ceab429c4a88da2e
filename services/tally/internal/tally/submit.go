package tally

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// ImportResult is the outcome of one submission of a batch.
type ImportResult struct {
	Receipt Receipt
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
// Concurrent calls share one store transaction (group commit).
func (s *Service) Submit(ctx context.Context, sub Submission) (Receipt, error) {
	res, err := s.Import(ctx, []Submission{sub})
	if err != nil {
		return Receipt{}, err
	}
	return res[0].Receipt, res[0].Err
}

// Import submits a batch (e.g. thousands of rows of a file) in one store
// transaction and returns one result per submission, in order. A rejected
// row does not affect the others. The error is for failures of the whole
// batch, when nothing was stored.
func (s *Service) Import(ctx context.Context, subs []Submission) ([]ImportResult, error) {
	results := make([]ImportResult, len(subs))
	batch := make([]ProtocolVersion, 0, len(subs))
	idx := make([]int, 0, len(subs))
	now := s.now().UTC()
	var states []*electionState
	var ccs []*compiledContest
	for i, sub := range subs {
		pv, es, cc, err := s.prepare(sub, now)
		if err != nil {
			results[i].Err = err
			continue
		}
		batch = append(batch, pv)
		idx = append(idx, i)
		states = append(states, es)
		ccs = append(ccs, cc)
	}
	if len(batch) == 0 {
		return results, nil
	}
	stored, err := s.store.AppendProtocols(ctx, batch)
	if err != nil {
		return nil, err
	}
	if len(stored) != len(batch) {
		return nil, fmt.Errorf("store returned %d results for %d protocols", len(stored), len(batch))
	}
	// Apply the accepted versions to memory, one lock per election run.
	for j := 0; j < len(batch); {
		es := states[j]
		es.mu.Lock()
		changed := false
		for ; j < len(batch) && states[j] == es; j++ {
			r := stored[j]
			i := idx[j]
			if r.Err != nil {
				results[i].Err = r.Err
				continue
			}
			results[i].Receipt = receiptOf(r.Stored, r.Replayed)
			if !r.Replayed {
				es.apply(ccs[j], r.Stored)
				changed = true
			}
		}
		if changed {
			es.signal()
		}
		es.mu.Unlock()
	}
	return results, nil
}

func receiptOf(v ProtocolVersion, replayed bool) Receipt {
	return Receipt{
		Election: v.Election, Contest: v.Contest, Station: v.Station, Version: v.Version,
		Kind: v.Kind, ResultsVersion: v.ResultsVersion, ContentHash: v.ContentHash,
		SubmittedAt: v.SubmittedAt, Warnings: slices.Clone(v.Warnings), Replayed: replayed,
	}
}

// prepare checks a submission against the definition and builds the version to store.
func (s *Service) prepare(sub Submission, now time.Time) (ProtocolVersion, *electionState, *compiledContest, error) {
	if err := checkShape(sub); err != nil {
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
	st := es.nodes[sub.Station]
	es.mu.RUnlock()
	if st == nil {
		return ProtocolVersion{}, nil, nil, notFound("unit", sub.Election, sub.Station)
	}
	if !st.unit.IsStation() {
		return ProtocolVersion{}, nil, nil, fieldErr("station", "NOT_A_STATION", "unit %q is a %s, not a station", sub.Station, st.unit.Level)
	}
	_, warnings, err := cc.check(sub)
	if err != nil {
		return ProtocolVersion{}, nil, nil, err
	}
	return ProtocolVersion{
		Election: sub.Election, Contest: sub.Contest, Station: sub.Station,
		Version: sub.Replaces + 1, Kind: sub.Kind, Lines: sub.Lines, Votes: sub.Votes,
		IdempotencyKey: sub.IdempotencyKey, Reason: sub.Reason, Submitter: sub.Submitter,
		Warnings: warnings, SubmittedAt: now, ContentHash: ContentHash(sub),
	}, es, cc, nil
}
