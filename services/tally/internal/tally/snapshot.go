package tally

import (
	"context"
	"io"
	"slices"

	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// Snapshot is an election as its public export shows it: the definition,
// the units, the phases and the published totals of every unit at one
// results version, with the size of the log whose leaves hold exactly the
// changes up to that version (and possibly refusals after them).
type Snapshot struct {
	Election       Election // without units
	Units          []Unit   // by ID
	Phases         map[string]Phase
	ResultsVersion int64
	LogSize        int64
	// Totals holds, per contest in definition order, every unit that is not
	// a station, in ID order (a station's totals are its current protocol).
	Totals []UnitTotals
	// Corrected is the current version of every station's protocol that
	// has more than one, by contest and station ID: any other version is
	// current when it is a version 1.
	Corrected map[[2]string]int
}

// UnitTotals is what the tally publishes for a contest in a unit: the sums
// over the reporting stations under it.
type UnitTotals struct {
	Contest           string
	Unit              string
	Status            Status
	StationsReporting int
	StationsTotal     int
	// Lines and Votes are the sums by line and choice ID.
	Lines map[string]int64
	Votes map[string]int64
}

// Snapshot returns the election's totals of every unit and contest read at
// one instant from memory, the same numbers GetTotals serves.
func (s *Service) Snapshot(ctx context.Context, election string) (Snapshot, error) {
	es, err := s.election(election)
	if err != nil {
		return Snapshot{}, err
	}
	snap := Snapshot{Election: es.def, Phases: map[string]Phase{}}
	es.mu.RLock()
	snap.ResultsVersion, snap.LogSize = es.resultsVersion, es.resultsLogSize
	// The units by ID: the few above the stations sorted here, merged with
	// the stations, which the tree keeps sorted. Sorting a million units
	// again would hold the lock writers wait for about a second.
	inner := make([]*node, 0, len(es.nodes))
	for _, n := range es.nodes {
		inner = append(inner, n)
	}
	slices.SortFunc(inner, byUnitID)
	snap.Units = make([]Unit, 0, len(inner)+len(es.stations))
	for i, j := 0, 0; i < len(inner) || j < len(es.stations); {
		if j == len(es.stations) || (i < len(inner) && byUnitID(inner[i], es.stations[j]) < 0) {
			snap.Units = append(snap.Units, inner[i].unit)
			i++
		} else {
			snap.Units = append(snap.Units, es.stations[j].unit)
			j++
		}
	}
	snap.Corrected = map[[2]string]int{}
	for _, st := range es.stations {
		for ci, p := range st.protos {
			if p != nil && p.version > 1 {
				snap.Corrected[[2]string{es.contests[ci].ID, st.unit.ID}] = int(p.version)
			}
		}
	}
	for _, cc := range es.contests {
		phase := es.phases[cc.Index]
		snap.Phases[cc.ID] = phase
		for _, n := range inner {
			a := es.aggregate(n, cc)
			snap.Totals = append(snap.Totals, UnitTotals{
				Contest: cc.ID, Unit: n.unit.ID, Status: statusOf(phase, a.reporting, n.stationsUnder()),
				StationsReporting: a.reporting, StationsTotal: n.stationsUnder(),
				Lines: cc.LinesOf(a.vals), Votes: cc.VotesOf(a.vals),
			})
		}
	}
	es.mu.RUnlock()
	// Entries after the last change (refusals) belong to the snapshot when
	// the store has no later change.
	h, err := s.store.LogHead(ctx, election)
	if err != nil {
		return Snapshot{}, err
	}
	if h.ResultsVersion == snap.ResultsVersion {
		snap.LogSize = max(snap.LogSize, h.Size)
	}
	return snap, nil
}

// ScanLog calls fn with the leaves of an election's log below size, in order.
func (s *Service) ScanLog(ctx context.Context, election string, size int64, fn func(index int64, leaf []byte) error) error {
	if _, err := s.election(election); err != nil {
		return err
	}
	return s.store.ReadLeaves(ctx, election, 0, size, fn)
}

// ScanProtocolVersions calls fn with every protocol version of an election
// whose leaf is below logSize, in results-version order.
func (s *Service) ScanProtocolVersions(ctx context.Context, election string, logSize int64, fn func(ProtocolVersion) error) error {
	if _, err := s.election(election); err != nil {
		return err
	}
	return s.store.ScanProtocols(ctx, election, func(v ProtocolVersion) error {
		if v.LogIndex >= logSize {
			return nil
		}
		return fn(v)
	})
}

// Export writes the public export of an election (package tallylog: a ZIP
// archive of the signed checkpoint, the log, the protocols, the totals and
// their NIST rendering) as of now. Every file is of one instant: the log
// up to the snapshot's size, the protocols in it, and the totals of
// exactly those protocols.
//
// Exports run one at a time, the next waiting for the one before or its
// caller's deadline: an export holds every station's current counts and
// the NIST report's units in memory (about 1.5 KB a station at the peak),
// and the export is public, so a national election's exports at once
// would need that many times the memory tallyd has (issue 19).
func (s *Service) Export(ctx context.Context, election string, w io.Writer) error {
	select {
	case s.exports <- struct{}{}:
		defer func() { <-s.exports }()
	case <-ctx.Done():
		return ctx.Err()
	}
	snap, err := s.Snapshot(ctx, election)
	if err != nil {
		return err
	}
	if snap.LogSize == 0 {
		return NewStateError(ErrLogEmpty, election, "the election's log is empty (it was defined before the log existed)")
	}
	cp, err := s.ledger.checkpointAt(ctx, election, snap.LogSize)
	if err != nil {
		return err
	}
	x := &tallylog.Export{
		Election: *definitionEntry(snap.Election), Phases: map[string]string{},
		ResultsVersion: snap.ResultsVersion, LogSize: snap.LogSize, Issuer: s.ledger.signer.Name(),
	}
	// Names and levels of the units with totals: none is a station, and a
	// map of a million stations would be a hundred megabytes for nothing.
	names := map[string]Unit{}
	x.Units = make([]tallylog.Unit, 0, len(snap.Units))
	for _, u := range snap.Units {
		if !u.IsStation() {
			names[u.ID] = u
		}
		x.Units = append(x.Units, tallylog.Unit{ID: u.ID, Parent: u.Parent, Name: u.Name, Level: u.Level, Registered: u.Registered})
	}
	for c, p := range snap.Phases {
		x.Phases[c] = p.String()
	}
	for _, t := range snap.Totals {
		x.Totals = append(x.Totals, tallylog.UnitTotals{Contest: t.Contest, Unit: t.Unit, Name: names[t.Unit].Name,
			Level: names[t.Unit].Level, Status: t.Status.String(), StationsReporting: t.StationsReporting,
			StationsTotal: t.StationsTotal, Lines: t.Lines, Votes: t.Votes})
	}
	// The protocol versions are read from the store as each file is
	// written, not held: a national election's are gigabytes as maps.
	x.ScanProtocols = func(fn func(tallylog.ProtocolRow) error) error {
		return s.ScanProtocolVersions(ctx, election, snap.LogSize, func(v ProtocolVersion) error {
			r := tallylog.ProtocolRow{LeafIndex: v.LogIndex, ResultsVersion: v.ResultsVersion, Contest: v.Contest,
				Station: v.Station, Version: v.Version, Kind: v.Kind.String(), AcceptedAt: v.SubmittedAt,
				Submitter: v.Submitter, RequestID: v.IdempotencyKey, Reason: v.Reason, Lines: v.Lines, Votes: v.Votes}
			for _, w := range v.Warnings {
				r.Warnings = append(r.Warnings, w.Code)
			}
			cur, ok := snap.Corrected[[2]string{v.Contest, v.Station}]
			r.Current = v.Version == cur || (!ok && v.Version == 1)
			return fn(r)
		})
	}
	err = s.store.ReadLeaves(ctx, election, snap.LogSize-1, snap.LogSize, func(_ int64, leaf []byte) error {
		e, _, err := tallylog.ParseEnvelope(leaf)
		x.GeneratedAt = e.Time
		return err
	})
	if err != nil {
		return err
	}
	return tallylog.WriteArchive(w, x, cp.Note, s.ledger.vkey, func(fn func([]byte) error) error {
		return s.store.ReadLeaves(ctx, election, 0, snap.LogSize, func(_ int64, leaf []byte) error { return fn(leaf) })
	})
}
