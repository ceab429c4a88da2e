package sqlitestore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// errClosed is returned for work submitted after Close.
var errClosed = errors.New("sqlitestore: store is closed")

// job is one unit of work for the writer: a batch of protocols (merged with
// other callers' batches into one transaction) or a function run in a
// transaction of its own.
type job struct {
	ctx   context.Context
	items []tally.ProtocolVersion
	fn    func(w *writer) error
	res   []tally.AppendResult
	err   error
	done  chan struct{}
}

// writer owns the single write connection and its prepared statements.
type writer struct {
	s    *Store
	conn *sql.Conn
	mu   sync.RWMutex // guards closed against senders
	buf  []byte

	insProtocol, byKey, curVersion, electionVersion, setElectionVersion, contestPhase *sql.Stmt
	insUnit, getUnit                                                                  *sql.Stmt
}

func newWriter(ctx context.Context, s *Store) (*writer, error) {
	conn, err := s.wdb.Conn(ctx)
	if err != nil {
		return nil, err
	}
	w := &writer{s: s, conn: conn}
	prep := []struct {
		dst **sql.Stmt
		sql string
	}{
		{&w.insProtocol, `INSERT INTO protocols (` + protocolColumns + `)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`},
		{&w.byKey, `SELECT ` + protocolColumns + ` FROM protocols WHERE election = ? AND idempotency_key = ?`},
		{&w.curVersion, `SELECT coalesce(max(version), 0) FROM protocols WHERE election = ? AND contest = ? AND station = ?`},
		{&w.electionVersion, `SELECT results_version FROM elections WHERE id = ?`},
		{&w.setElectionVersion, `UPDATE elections SET results_version = ? WHERE id = ?`},
		{&w.contestPhase, `SELECT phase FROM contests WHERE election = ? AND id = ?`},
		{&w.insUnit, `INSERT INTO units (election, id, parent, name, level, registered)
			VALUES (?, ?, nullif(?, ''), ?, ?, ?) ON CONFLICT DO NOTHING`},
		{&w.getUnit, `SELECT coalesce(parent, ''), name, level, registered FROM units WHERE election = ? AND id = ?`},
	}
	for _, p := range prep {
		st, err := conn.PrepareContext(ctx, p.sql)
		if err != nil {
			conn.Close()
			return nil, fmt.Errorf("sqlitestore: prepare: %w", err)
		}
		*p.dst = st
	}
	s.w = w
	return w, nil
}

// enqueue hands a job to the writer and waits until it is committed (or failed).
func (s *Store) enqueue(ctx context.Context, j *job) error {
	j.ctx = ctx
	j.done = make(chan struct{})
	w := s.w
	w.mu.RLock()
	select {
	case <-s.quit:
		w.mu.RUnlock()
		return errClosed
	default:
	}
	select {
	case s.jobs <- j:
	case <-ctx.Done():
		w.mu.RUnlock()
		return ctx.Err()
	}
	w.mu.RUnlock()
	// Wait for the outcome even if ctx ends now: the job may already be in a
	// transaction, and the caller must not be told "failed" for a commit.
	<-j.done
	return j.err
}

func (w *writer) run() {
	defer close(w.s.done)
	defer w.conn.Close()
	for {
		select {
		case j := <-w.s.jobs:
			w.handle(j)
		case <-w.s.quit:
			// Senders check quit under mu.RLock; once the write lock is ours no
			// sender is in flight, so the queue can be finished. Keep draining
			// while waiting: a sender may be blocked on a full queue.
			locked := make(chan struct{})
			go func() { w.mu.Lock(); close(locked) }()
			for {
				select {
				case j := <-w.s.jobs:
					w.handle(j)
					continue
				case <-locked:
				}
				break
			}
			for {
				select {
				case j := <-w.s.jobs:
					w.handle(j)
				default:
					w.mu.Unlock()
					return
				}
			}
		}
	}
}

// handle runs a function job alone, or merges a protocol job with every
// protocol job already waiting (up to MaxBatch items) into one transaction.
func (w *writer) handle(first *job) {
	if first.fn != nil {
		first.err = w.inTx(first.fn)
		close(first.done)
		return
	}
	batch := []*job{first}
	n := len(first.items)
	var next *job
collect:
	for n < w.s.opts.MaxBatch {
		select {
		case j := <-w.s.jobs:
			if j.fn != nil {
				next = j
				break collect
			}
			batch = append(batch, j)
			n += len(j.items)
		default:
			break collect
		}
	}
	w.commitProtocols(batch)
	if next != nil {
		w.handle(next)
	}
}

func (w *writer) begin() error {
	_, err := w.conn.ExecContext(context.Background(), "BEGIN IMMEDIATE")
	return err
}

func (w *writer) commit() error {
	_, err := w.conn.ExecContext(context.Background(), "COMMIT")
	if err != nil {
		w.rollback()
	}
	return err
}

func (w *writer) rollback() {
	_, _ = w.conn.ExecContext(context.Background(), "ROLLBACK")
}

func (w *writer) inTx(fn func(w *writer) error) error {
	if err := w.begin(); err != nil {
		return err
	}
	if err := fn(w); err != nil {
		w.rollback()
		return err
	}
	return w.commit()
}

// batchState caches, for one transaction, the results-version counters and
// contest phases it read, and the counters it moved.
type batchState struct {
	w        *writer
	versions map[string]int64
	dirty    map[string]bool
	phases   map[[2]string]tally.Phase
}

func (b *batchState) version(election string) (int64, error) {
	if v, ok := b.versions[election]; ok {
		return v, nil
	}
	var v int64
	err := b.w.electionVersion.QueryRow(election).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, &tally.NotFoundError{Kind: "election", Name: election}
	}
	if err != nil {
		return 0, err
	}
	b.versions[election] = v
	return v, nil
}

func (b *batchState) phase(election, contest string) (tally.Phase, error) {
	k := [2]string{election, contest}
	if p, ok := b.phases[k]; ok {
		return p, nil
	}
	var p int
	err := b.w.contestPhase.QueryRow(election, contest).Scan(&p)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, &tally.NotFoundError{Kind: "contest", Name: election + "/" + contest}
	}
	if err != nil {
		return 0, err
	}
	b.phases[k] = tally.Phase(p)
	return tally.Phase(p), nil
}

func (b *batchState) flush() error {
	for e := range b.dirty {
		if _, err := b.w.setElectionVersion.Exec(b.versions[e], e); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) commitProtocols(jobs []*job) {
	fail := func(err error) {
		for _, j := range jobs {
			j.err = err
			j.res = nil
			close(j.done)
		}
	}
	began := time.Now()
	if err := w.begin(); err != nil {
		fail(fmt.Errorf("sqlitestore: begin: %w", err))
		return
	}
	b := &batchState{w: w, versions: map[string]int64{}, dirty: map[string]bool{}, phases: map[[2]string]tally.Phase{}}
	for _, j := range jobs {
		j.res = make([]tally.AppendResult, len(j.items))
		for i := range j.items {
			j.res[i] = w.appendOne(b, j.items[i])
		}
	}
	if err := b.flush(); err != nil {
		w.rollback()
		fail(fmt.Errorf("sqlitestore: results version: %w", err))
		return
	}
	if err := w.commit(); err != nil {
		fail(fmt.Errorf("sqlitestore: commit: %w", err))
		return
	}
	if f := w.s.opts.OnCommit; f != nil {
		n := 0
		for _, j := range jobs {
			n += len(j.items)
		}
		f(n, time.Since(began))
	}
	for _, j := range jobs {
		close(j.done)
	}
}

// appendOne decides one protocol inside the batch transaction. The common
// case (an original in an open contest) is one INSERT; everything else is
// looked up only when that INSERT hits a constraint.
func (w *writer) appendOne(b *batchState, v tally.ProtocolVersion) tally.AppendResult {
	subject := v.Election + "/" + v.Contest + "/" + v.Station
	phase, err := b.phase(v.Election, v.Contest)
	if err != nil {
		return tally.AppendResult{Err: err}
	}
	rv, err := b.version(v.Election)
	if err != nil {
		return tally.AppendResult{Err: err}
	}
	phaseErr := tally.CheckPhaseAccepts(phase, v.Kind)
	if v.Version == 1 && phaseErr == nil {
		ok, err := w.insert(v, rv+1)
		if err != nil {
			return tally.AppendResult{Err: err}
		}
		if ok {
			return b.accepted(v, rv+1)
		}
	}
	prev, err := scanProtocol(w.byKey.QueryRow(v.Election, v.IdempotencyKey))
	switch {
	case err == nil:
		if prev.ContentHash == v.ContentHash {
			return tally.AppendResult{Stored: prev, Replayed: true}
		}
		return tally.AppendResult{Err: tally.NewStateError(tally.ErrConflict, subject,
			"idempotency key %q was already used for other content (%s/%s version %d)",
			v.IdempotencyKey, prev.Contest, prev.Station, prev.Version)}
	case !errors.Is(err, sql.ErrNoRows):
		return tally.AppendResult{Err: err}
	}
	if phaseErr != nil {
		phaseErr.Subject = v.Election + "/" + v.Contest
		return tally.AppendResult{Err: phaseErr}
	}
	var cur int
	if err := w.curVersion.QueryRow(v.Election, v.Contest, v.Station).Scan(&cur); err != nil {
		return tally.AppendResult{Err: err}
	}
	if v.Version == 1 && cur > 0 {
		e := tally.NewStateError(tally.ErrAlreadyExists, subject,
			"the station has a protocol (version %d); submit a correction replacing it", cur)
		e.Current = cur
		return tally.AppendResult{Err: e}
	}
	if v.Version > 1 && cur != v.Version-1 {
		e := tally.NewStateError(tally.ErrStaleVersion, subject,
			"replaces version %d but the current version is %d", v.Version-1, cur)
		e.Current = cur
		return tally.AppendResult{Err: e}
	}
	ok, err := w.insert(v, rv+1)
	if err != nil {
		return tally.AppendResult{Err: err}
	}
	if !ok {
		return tally.AppendResult{Err: fmt.Errorf("sqlitestore: %s: unexpected unique conflict", subject)}
	}
	return b.accepted(v, rv+1)
}

func (b *batchState) accepted(v tally.ProtocolVersion, rv int64) tally.AppendResult {
	b.versions[v.Election] = rv
	b.dirty[v.Election] = true
	v.ResultsVersion = rv
	return tally.AppendResult{Stored: v}
}

// insert reports false when a unique constraint already holds the row.
func (w *writer) insert(v tally.ProtocolVersion, rv int64) (bool, error) {
	w.buf = appendCounts(w.buf[:0], v.Lines)
	lines := string(w.buf)
	w.buf = appendCounts(w.buf[:0], v.Votes)
	votes := string(w.buf)
	warnings := ""
	if len(v.Warnings) > 0 {
		b, err := json.Marshal(v.Warnings)
		if err != nil {
			return false, err
		}
		warnings = string(b)
	}
	res, err := w.insProtocol.Exec(v.Election, v.Contest, v.Station, v.Version, rv, int(v.Kind),
		v.IdempotencyKey, v.ContentHash, lines, votes, warnings, v.Reason, v.Submitter,
		v.SubmittedAt.UnixNano())
	if err != nil {
		return false, fmt.Errorf("sqlitestore: insert protocol: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// AppendProtocols implements tally.Store with group commit.
func (s *Store) AppendProtocols(ctx context.Context, batch []tally.ProtocolVersion) ([]tally.AppendResult, error) {
	if len(batch) == 0 {
		return nil, nil
	}
	j := &job{items: batch}
	if err := s.enqueue(ctx, j); err != nil {
		return nil, err
	}
	return j.res, nil
}

// CreateElection implements tally.Store.
func (s *Store) CreateElection(ctx context.Context, e tally.Election) error {
	units := e.Units
	e.Units = nil
	def, err := json.Marshal(e)
	if err != nil {
		return err
	}
	return s.enqueue(ctx, &job{fn: func(w *writer) error {
		res, err := w.conn.ExecContext(ctx, `INSERT INTO elections (id, definition, results_version, created_at)
			VALUES (?, ?, 0, ?) ON CONFLICT DO NOTHING`, e.ID, string(def), time.Now().UnixNano())
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return tally.NewStateError(tally.ErrAlreadyExists, e.ID, "an election with this ID exists")
		}
		for _, c := range e.Contests {
			if _, err := w.conn.ExecContext(ctx, `INSERT INTO contests (election, id, phase) VALUES (?, ?, ?)`,
				e.ID, c.ID, int(tally.PhaseCounting)); err != nil {
				return err
			}
		}
		return w.addUnits(ctx, e.ID, units)
	}})
}

// AddUnits implements tally.Store.
func (s *Store) AddUnits(ctx context.Context, election string, units []tally.Unit) error {
	return s.enqueue(ctx, &job{fn: func(w *writer) error {
		var one int
		err := w.conn.QueryRowContext(ctx, `SELECT 1 FROM elections WHERE id = ?`, election).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return &tally.NotFoundError{Kind: "election", Name: election}
		}
		if err != nil {
			return err
		}
		return w.addUnits(ctx, election, units)
	}})
}

func (w *writer) addUnits(ctx context.Context, election string, units []tally.Unit) error {
	added := 0
	for _, u := range units {
		res, err := w.insUnit.ExecContext(ctx, election, u.ID, u.Parent, u.Name, u.Level, u.Registered)
		if err != nil {
			return fmt.Errorf("sqlitestore: insert unit %s: %w", u.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 1 {
			added++
			continue
		}
		var got tally.Unit
		got.ID = u.ID
		if err := w.getUnit.QueryRowContext(ctx, election, u.ID).Scan(&got.Parent, &got.Name, &got.Level, &got.Registered); err != nil {
			return err
		}
		if got != u {
			return tally.NewStateError(tally.ErrAlreadyExists, election+"/"+u.ID, "the unit exists with other content")
		}
	}
	if added == 0 {
		return nil
	}
	_, err := w.conn.ExecContext(ctx, `UPDATE elections SET unit_count = unit_count + ? WHERE id = ?`, added, election)
	return err
}

// SetPhase implements tally.Store.
func (s *Store) SetPhase(ctx context.Context, election, contest string, to tally.Phase, reason string, at time.Time) (tally.Change, error) {
	var ch tally.Change
	err := s.enqueue(ctx, &job{fn: func(w *writer) error {
		b := &batchState{w: w, versions: map[string]int64{}, dirty: map[string]bool{}, phases: map[[2]string]tally.Phase{}}
		rv, err := b.version(election)
		if err != nil {
			return err
		}
		from, err := b.phase(election, contest)
		if err != nil {
			return err
		}
		if err := tally.CheckPhaseTransition(from, to); err != nil {
			var se *tally.StateError
			if errors.As(err, &se) {
				se.Subject = election + "/" + contest
			}
			return err
		}
		rv++
		if _, err := w.conn.ExecContext(ctx, `UPDATE contests SET phase = ? WHERE election = ? AND id = ?`,
			int(to), election, contest); err != nil {
			return err
		}
		if _, err := w.conn.ExecContext(ctx, `INSERT INTO phase_changes (election, results_version, contest, phase, reason, at)
			VALUES (?, ?, ?, ?, ?, ?)`, election, rv, contest, int(to), reason, at.UnixNano()); err != nil {
			return err
		}
		if _, err := w.setElectionVersion.ExecContext(ctx, rv, election); err != nil {
			return err
		}
		ch = tally.Change{ResultsVersion: rv, Election: election, Contest: contest, Kind: tally.ChangePhase,
			Phase: to, Reason: reason, At: at.UTC()}
		return nil
	}})
	return ch, err
}
