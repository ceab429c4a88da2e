package sqlitestore

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/tlog"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/mandate-project/mandate/services/tally/internal/countcodec"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// job is one unit of work for the writer: a batch of protocols (merged with
// other callers' batches into one transaction) or a function run in a
// transaction of its own.
type job struct {
	items []tally.ProtocolVersion
	// cols are the items' stored columns, encoded by the caller so that the
	// writer, which every commit waits for, does not.
	cols []columns
	fn   func(w *writer) error
	// outsideTx runs fn between transactions, not in one of its own.
	outsideTx bool
	res       []tally.AppendResult
	err       error
}

// writer owns the single write connection and its prepared statements.
type writer struct {
	s    *Store
	conn *sql.Conn

	insProtocol, byKey, curVersion, electionVersion, setElectionVersion, contestPhase *sql.Stmt
	insUnit, insUnits, getUnit                                                        *sql.Stmt
	logSize, leafHashes, insLeaves                                                    *sql.Stmt

	// fresh are the leaves the open transaction stored, for the store's
	// hash cache once it commits.
	fresh []tally.LeafHashes

	// arena is the last batch's leaf arena (batchState.arena), kept to be
	// reused by the next: a megabyte a batch was most of the store's
	// garbage during an import.
	arena []byte
	// packed holds the compact stored leaves of the chunk being inserted
	// (flushLeaves), reused likewise.
	packed []byte
	// insMany are the prepared INSERTs of n protocols (insertProtocols);
	// run and args are insertRun's, kept to be reused by the next batch.
	insMany map[int]*sql.Stmt
	run     []pending
	args    []any
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
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`},
		{&w.byKey, `SELECT ` + protocolColumns + ` FROM protocols WHERE election = ? AND idempotency_key = ?`},
		{&w.curVersion, `SELECT coalesce(max(version), 0) FROM protocols WHERE election = ? AND contest = ? AND station = ?`},
		{&w.electionVersion, `SELECT results_version FROM elections WHERE id = ?`},
		{&w.setElectionVersion, `UPDATE elections SET results_version = ? WHERE id = ?`},
		{&w.contestPhase, `SELECT phase FROM contests WHERE election = ? AND id = ?`},
		{&w.insUnit, `INSERT INTO units (election, id, parent, name, level, registered)
			VALUES (?, ?, nullif(?, ''), ?, ?, ?) ON CONFLICT DO NOTHING`},
		{&w.insUnits, insertUnits(unitChunk)},
		{&w.getUnit, `SELECT coalesce(parent, ''), name, level, registered FROM units WHERE election = ? AND id = ?`},
		{&w.logSize, `SELECT coalesce(max(idx) + 1, 0) FROM log_entries WHERE election = ?`},
		{&w.leafHashes, `SELECT hashes FROM log_entries WHERE election = ? AND idx = ?`},
		{&w.insLeaves, insertLeaves(leafChunk)},
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
	if err := s.q.Do(ctx, j); err != nil {
		return err
	}
	return j.err
}

// handle runs a function job alone, or the protocol jobs of a batch in one
// transaction.
func (w *writer) handle(batch []*job) {
	if first := batch[0]; first.fn != nil {
		if first.outsideTx {
			first.err = first.fn(w)
		} else {
			first.err = w.inTx(first.fn)
		}
		return
	}
	w.commitProtocols(batch)
}

func (w *writer) begin() error {
	w.forget()
	_, err := w.conn.ExecContext(context.Background(), "BEGIN IMMEDIATE")
	return err
}

func (w *writer) commit() error {
	_, err := w.conn.ExecContext(context.Background(), "COMMIT")
	if err != nil {
		w.rollback()
		return err
	}
	// Only now are the leaves' hashes the log's for good: a rolled-back
	// index is written again with another leaf.
	w.s.hashes.AddAll(w.fresh)
	w.forget()
	w.s.ckpt.wrote(logPages(w.conn))
	return nil
}

// forget drops the leaves of the transaction that ended (the cache keeps
// its own references to their hashes).
func (w *writer) forget() {
	clear(w.fresh)
	w.fresh = w.fresh[:0]
}

func (w *writer) rollback() {
	w.forget()
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
// contest phases it read, the counters it moved, and the right edge of
// each log it appended to.
type batchState struct {
	w        *writer
	versions map[string]int64
	dirty    map[string]bool
	phases   map[[2]string]tally.Phase
	logs     map[string]*tallylog.Edge
	// leaves are appended in memory and inserted together by flushLeaves;
	// their bytes and hashes are in arena (one allocation per batch, not
	// two per leaf).
	leaves []leafRow
	arena  []byte
	// packer chooses each leaf's stored form (leafform.go).
	packer leafPacker
	// fatal fails the whole transaction: a leaf that could not be stored
	// leaves the edge ahead of the table.
	fatal error
}

type leafRow struct {
	election string
	idx      int64
	// leaf and hashes are arena[start:mid] and arena[mid:end].
	start, mid, end int
}

// leafChunk is how many leaves one INSERT stores: one statement per leaf
// costs more than the row.
const leafChunk = 64

// flushLeaves inserts the leaves appended so far.
func (b *batchState) flushLeaves() error {
	if b.fatal != nil {
		return b.fatal
	}
	for chunk := range slices.Chunk(b.leaves, leafChunk) {
		st := b.w.insLeaves
		if len(chunk) < leafChunk {
			var err error
			if st, err = b.w.conn.PrepareContext(context.Background(), insertLeaves(len(chunk))); err != nil {
				return err
			}
			defer st.Close()
		}
		// The compact forms go to one buffer sized for the chunk up front,
		// so the slices bound below never move.
		need := 0
		for _, r := range chunk {
			need += r.mid - r.start + binary.MaxVarintLen64 + 1
		}
		if cap(b.w.packed) < need {
			b.w.packed = make([]byte, 0, need)
		}
		packed := b.w.packed[:0]
		args := make([]any, 0, 4*len(chunk))
		for _, r := range chunk {
			stored := b.arena[r.start:r.mid]
			if c := b.packer.pack(packed, r.election, r.idx, stored); c != nil {
				stored, packed = c[len(packed):], c
			}
			args = append(args, r.election, r.idx, stored, b.arena[r.mid:r.end])
		}
		if _, err := st.Exec(args...); err != nil {
			b.fatal = fmt.Errorf("sqlitestore: append to the log: %w", err)
			return b.fatal
		}
	}
	// The arena is reused for the batch's next leaves: the hashes are
	// copied, all in one allocation.
	n := 0
	for _, r := range b.leaves {
		n += r.end - r.mid
	}
	hashes := make([]byte, 0, n)
	for _, r := range b.leaves {
		at := len(hashes)
		hashes = append(hashes, b.arena[r.mid:r.end]...)
		b.w.fresh = append(b.w.fresh, tally.LeafHashes{Election: r.election, Leaf: r.idx, Hashes: hashes[at:len(hashes):len(hashes)]})
	}
	b.leaves, b.arena = b.leaves[:0], b.arena[:0]
	b.w.arena = b.arena
	return nil
}

func insertLeaves(n int) string {
	return `INSERT INTO log_entries (election, idx, leaf, hashes) VALUES ` +
		strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?), ", n), ", ")
}

func newBatch(w *writer) *batchState {
	return &batchState{w: w, versions: map[string]int64{}, dirty: map[string]bool{},
		phases: map[[2]string]tally.Phase{}, logs: map[string]*tallylog.Edge{}}
}

// edge returns the right edge of an election's log, read at first use.
func (b *batchState) edge(election string) (*tallylog.Edge, error) {
	if e, ok := b.logs[election]; ok {
		return e, nil
	}
	var size int64
	if err := b.w.logSize.QueryRow(election).Scan(&size); err != nil {
		return nil, err
	}
	e, err := tallylog.NewEdge(size, func(level int, index int64) (tlog.Hash, error) {
		// A leaf the cache holds is committed, so it is what the query
		// would read; the others (not cached, or appended earlier in this
		// transaction) are read.
		leaf := tallylog.NodeLeaf(level, index)
		blob, ok := b.w.s.hashes.Lookup(election, leaf)
		if !ok {
			if err := b.w.leafHashes.QueryRow(election, leaf).Scan(&blob); err != nil {
				return tlog.Hash{}, fmt.Errorf("sqlitestore: log %s: hashes of leaf %d: %w", election, leaf, err)
			}
		}
		h, ok := tally.HashAt(blob, level)
		if !ok {
			return tlog.Hash{}, fmt.Errorf("sqlitestore: log %s: leaf %d lacks its level-%d hash", election, leaf, level)
		}
		return h, nil
	})
	if err != nil {
		return nil, err
	}
	b.logs[election] = e
	return e, nil
}

// nextLeaf is the index the next leaf of the election's log gets.
func (b *batchState) nextLeaf(election string) (int64, error) {
	e, err := b.edge(election)
	if err != nil {
		return 0, err
	}
	return e.Size(), nil
}

// appendLeaf appends a leaf to an election's log with the hashes it
// completes and returns its index. A failure is fatal to the transaction.
func (b *batchState) appendLeaf(election string, tail []byte) (int64, error) {
	if len(tail) == 0 {
		b.fatal = errors.New("sqlitestore: a change without its log entry")
		return 0, b.fatal
	}
	e, err := b.edge(election)
	if err != nil {
		b.fatal = err
		return 0, err
	}
	idx := e.Size()
	if b.arena == nil {
		b.arena = b.w.arena[:0]
		if cap(b.arena) == 0 {
			b.arena = make([]byte, 0, 1<<20)
		}
	}
	r := leafRow{election: election, idx: idx, start: len(b.arena)}
	b.arena = tallylog.AppendLeaf(b.arena, idx, tail)
	r.mid = len(b.arena)
	for _, h := range e.Append(b.arena[r.start:r.mid]) {
		b.arena = append(b.arena, h[:]...)
	}
	r.end = len(b.arena)
	b.leaves = append(b.leaves, r)
	return idx, nil
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
		}
	}
	began := time.Now()
	if err := w.begin(); err != nil {
		fail(fmt.Errorf("sqlitestore: begin: %w", err))
		return
	}
	b := newBatch(w)
	size := 0
	for _, j := range jobs {
		for _, v := range j.items {
			size += len(v.Leaf) + 20 + 2*tlog.HashSize
		}
	}
	if cap(w.arena) < size {
		w.arena = make([]byte, 0, size)
	}
	b.arena = w.arena[:0]
	run := w.run[:0]
	for _, j := range jobs {
		j.res = make([]tally.AppendResult, len(j.items))
		for i := range j.items {
			if v := j.items[i]; w.fresh1(b, v) {
				if len(run) > 0 && run[0].j.items[run[0].i].Election != v.Election {
					// A run counts on one election's results version
					// and log.
					w.insertRun(b, run)
					run = run[:0]
				}
				run = append(run, pending{j, i})
				if len(run) == protocolChunk {
					w.insertRun(b, run)
					run = run[:0]
				}
				continue
			}
			// The items before this one are decided first: its decision
			// may read what they stored.
			w.insertRun(b, run)
			run = run[:0]
			j.res[i] = w.appendOne(b, j.items[i], j.cols[i])
		}
	}
	w.insertRun(b, run)
	clear(run[:cap(run)])
	w.run = run[:0]
	if err := b.flushLeaves(); err != nil {
		w.rollback()
		fail(err)
		return
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
}

// appendOne decides one protocol inside the batch transaction. The common
// case (an original in an open contest) is one INSERT; everything else is
// looked up only when that INSERT hits a constraint.
func (w *writer) appendOne(b *batchState, v tally.ProtocolVersion, c columns) tally.AppendResult {
	phase, err := b.phase(v.Election, v.Contest)
	if err != nil {
		return tally.AppendResult{Err: err}
	}
	rv, err := b.version(v.Election)
	if err != nil {
		return tally.AppendResult{Err: err}
	}
	phaseErr := tally.CheckPhaseAccepts(phase, v.Kind)
	leaf, err := b.nextLeaf(v.Election)
	if err != nil {
		return tally.AppendResult{Err: err}
	}
	if v.Version == 1 && phaseErr == nil {
		ok, err := w.insert(v, c, rv+1, leaf)
		if err != nil {
			return tally.AppendResult{Err: err}
		}
		if ok {
			return b.accepted(v, rv+1)
		}
	}
	prior := tally.Prior{Phase: phase}
	prev, err := w.s.scanProtocol(context.Background(), w.byKey.QueryRow(v.Election, v.IdempotencyKey))
	switch {
	case err == nil:
		prior.ByKey = &prev
	case !errors.Is(err, sql.ErrNoRows):
		return tally.AppendResult{Err: err}
	}
	if prior.ByKey == nil && phaseErr == nil {
		if err := w.curVersion.QueryRow(v.Election, v.Contest, v.Station).Scan(&prior.Current); err != nil {
			return tally.AppendResult{Err: err}
		}
	}
	if res, accept := tally.DecideAppend(v, prior); !accept {
		return res
	}
	ok, err := w.insert(v, c, rv+1, leaf)
	if err != nil {
		return tally.AppendResult{Err: err}
	}
	if !ok {
		return tally.AppendResult{Err: fmt.Errorf("sqlitestore: %s/%s/%s: unexpected unique conflict", v.Election, v.Contest, v.Station)}
	}
	return b.accepted(v, rv+1)
}

// protocolChunk is how many protocols one INSERT stores, for the same
// reason as leafChunk: the statement, not the row, was most of the cost.
const protocolChunk = 64

// pending is an item of a batch waiting in a run for insertRun.
type pending struct {
	j *job
	i int
}

// fresh1 reports whether a protocol is, as far as the batch knows without
// a query, an original in an open contest, which the first try of
// appendOne would store with one INSERT: the kind insertRun stores many
// at a time.
func (w *writer) fresh1(b *batchState, v tally.ProtocolVersion) bool {
	if v.Version != 1 {
		return false
	}
	phase, err := b.phase(v.Election, v.Contest)
	if err != nil || tally.CheckPhaseAccepts(phase, v.Kind) != nil {
		return false
	}
	if _, err := b.version(v.Election); err != nil {
		return false
	}
	_, err = b.edge(v.Election)
	return err == nil
}

// insertRun stores a run of fresh protocols (see fresh1) with one
// INSERT, giving them the results versions and leaves that deciding them
// one by one would. The statement has no ON CONFLICT clause: if any of
// them hits a constraint (a replay, a station already reported, a unit
// that does not exist) SQLite undoes the whole statement, and the run is
// decided again one protocol at a time by appendOne, which tells each
// case apart exactly as it does for a single submission.
func (w *writer) insertRun(b *batchState, run []pending) {
	if len(run) == 0 {
		return
	}
	if len(run) > 1 && w.insertMany(b, run) {
		return
	}
	for _, p := range run {
		p.j.res[p.i] = w.appendOne(b, p.j.items[p.i], p.j.cols[p.i])
	}
}

// insertMany inserts a run in one statement and, if every row went in,
// appends their leaves in order; false when the statement failed and
// nothing was stored.
func (w *writer) insertMany(b *batchState, run []pending) bool {
	election := run[0].j.items[run[0].i].Election
	rv := b.versions[election]
	leaf := b.logs[election].Size()
	args := w.args[:0]
	for k, p := range run {
		v, c := p.j.items[p.i], p.j.cols[p.i]
		args = append(args, v.Election, v.Contest, v.Station, v.Version, rv+1+int64(k), int(v.Kind),
			v.IdempotencyKey, v.ContentHash, c.lines, c.votes, c.warnings, v.Reason, v.Submitter,
			v.SubmittedAt.UnixNano(), leaf+int64(k))
	}
	st, err := w.insertProtocols(len(run))
	ok := err == nil
	if ok {
		n, ok2 := execCount(st.Exec(args...))
		ok = ok2 && n == int64(len(run))
	}
	clear(args)
	w.args = args[:0]
	if !ok {
		return false
	}
	for k, p := range run {
		p.j.res[p.i] = b.accepted(p.j.items[p.i], rv+1+int64(k))
	}
	return true
}

// insertProtocols is the prepared INSERT of n protocols, kept for reuse:
// a batch ends with a shorter run, of a length the next batches often
// share.
func (w *writer) insertProtocols(n int) (*sql.Stmt, error) {
	if st := w.insMany[n]; st != nil {
		return st, nil
	}
	st, err := w.conn.PrepareContext(context.Background(), `INSERT INTO protocols (`+protocolColumns+`) VALUES `+
		strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), ", n), ", "))
	if err != nil {
		return nil, err
	}
	if w.insMany == nil {
		w.insMany = map[int]*sql.Stmt{}
	}
	w.insMany[n] = st
	return st, nil
}

// accepted appends the leaf of a version just inserted (at the index the
// insert was given) and moves the results version.
func (b *batchState) accepted(v tally.ProtocolVersion, rv int64) tally.AppendResult {
	idx, err := b.appendLeaf(v.Election, v.Leaf)
	if err != nil {
		return tally.AppendResult{Err: err}
	}
	b.versions[v.Election] = rv
	b.dirty[v.Election] = true
	v.ResultsVersion, v.LogIndex, v.Leaf = rv, idx, nil
	return tally.AppendResult{Stored: v}
}

// insert reports false when a unique constraint already holds the row.
func (w *writer) insert(v tally.ProtocolVersion, c columns, rv, leaf int64) (bool, error) {
	res, err := w.insProtocol.Exec(v.Election, v.Contest, v.Station, v.Version, rv, int(v.Kind),
		v.IdempotencyKey, v.ContentHash, c.lines, c.votes, c.warnings, v.Reason, v.Submitter,
		v.SubmittedAt.UnixNano(), leaf)
	if se := (*sqlite.Error)(nil); errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY {
		// Its election and contest are known (the batch read their
		// phase): the station is not one of the election's units, which
		// the Service refuses before the store.
		return false, &tally.NotFoundError{Kind: "unit", Name: v.Election + "/" + v.Station}
	}
	if err != nil {
		return false, fmt.Errorf("sqlitestore: insert protocol: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// columns are a protocol version's counts (countcodec) and its warnings
// as JSON (empty for none).
type columns struct {
	lines, votes []byte
	warnings     string
}

func encodeColumns(v tally.ProtocolVersion, codec countcodec.Election) (columns, error) {
	var c columns
	var err error
	if c.lines, c.votes, err = codec.Contest(v.Contest).Encode(v.Vals, v.Lines, v.Votes); err != nil {
		return c, err
	}
	if len(v.Warnings) > 0 {
		b, err := json.Marshal(v.Warnings)
		if err != nil {
			return c, err
		}
		c.warnings = string(b)
	}
	return c, nil
}

// AppendProtocols implements tally.Store with group commit.
func (s *Store) AppendProtocols(ctx context.Context, batch []tally.ProtocolVersion) ([]tally.AppendResult, error) {
	if len(batch) == 0 {
		return nil, nil
	}
	j := &job{items: batch, cols: make([]columns, len(batch))}
	for i, v := range batch {
		codec, err := s.codec(ctx, v.Election)
		if err != nil {
			return nil, err
		}
		if j.cols[i], err = encodeColumns(v, codec); err != nil {
			return nil, err
		}
	}
	if err := s.enqueue(ctx, j); err != nil {
		return nil, err
	}
	return j.res, nil
}

// CreateElection implements tally.Store.
func (s *Store) CreateElection(ctx context.Context, e tally.Election, leaf []byte) error {
	def, units, err := tally.StoredDefinition(e)
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
		if _, err := w.addUnits(ctx, e.ID, units); err != nil {
			return err
		}
		b := newBatch(w)
		if _, err := b.appendLeaf(e.ID, leaf); err != nil {
			return err
		}
		return b.flushLeaves()
	}})
}

// AddUnits implements tally.Store.
func (s *Store) AddUnits(ctx context.Context, election string, units []tally.Unit, at time.Time, leaf []byte) (tally.Change, error) {
	var ch tally.Change
	err := s.enqueue(ctx, &job{fn: func(w *writer) error {
		b := newBatch(w)
		rv, err := b.version(election)
		if err != nil {
			return err
		}
		added, err := w.addUnits(ctx, election, units)
		if err != nil || added == 0 {
			return err
		}
		rv++
		idx, err := b.appendLeaf(election, leaf)
		if err != nil {
			return err
		}
		if err := b.flushLeaves(); err != nil {
			return err
		}
		if _, err := w.conn.ExecContext(ctx, `INSERT INTO unit_changes (election, results_version, units, at, log_index)
			VALUES (?, ?, ?, ?, ?)`, election, rv, added, at.UnixNano(), idx); err != nil {
			return err
		}
		if _, err := w.setElectionVersion.ExecContext(ctx, rv, election); err != nil {
			return err
		}
		ch = tally.Change{ResultsVersion: rv, Election: election, Kind: tally.ChangeUnits, Units: added,
			At: at.UTC(), LogIndex: idx}
		return nil
	}})
	if err != nil {
		return tally.Change{}, err
	}
	return ch, nil
}

// electionExists returns ErrNotFound for an unknown election.
func (w *writer) electionExists(ctx context.Context, election string) error {
	var one int
	err := w.conn.QueryRowContext(ctx, `SELECT 1 FROM elections WHERE id = ?`, election).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return &tally.NotFoundError{Kind: "election", Name: election}
	}
	return err
}

// unitChunk is how many units one INSERT stores: a definition brings
// about one unit per station, and one statement per unit costs more than
// the row (the same reason as leafChunk).
const unitChunk = 64

func insertUnits(n int) string {
	return `INSERT INTO units (election, id, parent, name, level, registered) VALUES ` +
		strings.TrimSuffix(strings.Repeat("(?, ?, nullif(?, ''), ?, ?, ?), ", n), ", ") + ` ON CONFLICT DO NOTHING`
}

// addUnits inserts the units that are new and returns how many there were.
// Whole chunks go in one statement; a chunk that fails, or in which some
// unit already existed, is decided again unit by unit, which names the
// unit that failed and checks that every existing one is the same.
func (w *writer) addUnits(ctx context.Context, election string, units []tally.Unit) (int, error) {
	added := 0
	args := make([]any, 0, 6*unitChunk)
	for chunk := range slices.Chunk(units, unitChunk) {
		if len(chunk) == unitChunk {
			args = args[:0]
			for _, u := range chunk {
				args = append(args, election, u.ID, u.Parent, u.Name, u.Level, u.Registered)
			}
			// A failed statement changes nothing (SQLite undoes it whole),
			// so the chunk can then go again one unit at a time.
			if n, ok := execCount(w.insUnits.ExecContext(ctx, args...)); ok {
				if n < int64(len(chunk)) {
					// Some existed: those inserted now are the same as
					// themselves, the others must be too.
					if err := w.sameUnits(ctx, election, chunk); err != nil {
						return 0, err
					}
				}
				added += int(n)
				continue
			}
		}
		n, err := w.addUnitsOneByOne(ctx, election, chunk)
		if err != nil {
			return 0, err
		}
		added += n
	}
	if added == 0 {
		return 0, nil
	}
	_, err := w.conn.ExecContext(ctx, `UPDATE elections SET unit_count = unit_count + ? WHERE id = ?`, added, election)
	return added, err
}

// execCount is the rows a statement changed, and whether it succeeded.
func execCount(res sql.Result, err error) (int64, bool) {
	if err != nil {
		return 0, false
	}
	n, err := res.RowsAffected()
	return n, err == nil
}

// addUnitsOneByOne inserts units one statement each and returns how many
// were new; an existing unit must be the same.
func (w *writer) addUnitsOneByOne(ctx context.Context, election string, units []tally.Unit) (int, error) {
	added := 0
	for _, u := range units {
		res, err := w.insUnit.ExecContext(ctx, election, u.ID, u.Parent, u.Name, u.Level, u.Registered)
		if err != nil {
			return 0, fmt.Errorf("sqlitestore: insert unit %s: %w", u.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 1 {
			added++
			continue
		}
		if err := w.sameUnits(ctx, election, []tally.Unit{u}); err != nil {
			return 0, err
		}
	}
	return added, nil
}

// sameUnits checks that the stored units of these IDs are these units.
func (w *writer) sameUnits(ctx context.Context, election string, units []tally.Unit) error {
	for _, u := range units {
		var got tally.Unit
		got.ID = u.ID
		if err := w.getUnit.QueryRowContext(ctx, election, u.ID).Scan(&got.Parent, &got.Name, &got.Level, &got.Registered); err != nil {
			return err
		}
		if got != u {
			return tally.NewStateError(tally.ErrAlreadyExists, election+"/"+u.ID, "the unit exists with other content")
		}
	}
	return nil
}

// SetPhase implements tally.Store.
func (s *Store) SetPhase(ctx context.Context, election, contest string, to tally.Phase, reason string, at time.Time, leaf []byte) (tally.Change, error) {
	var ch tally.Change
	err := s.enqueue(ctx, &job{fn: func(w *writer) error {
		b := newBatch(w)
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
		idx, err := b.appendLeaf(election, leaf)
		if err != nil {
			return err
		}
		if err := b.flushLeaves(); err != nil {
			return err
		}
		if _, err := w.conn.ExecContext(ctx, `UPDATE contests SET phase = ? WHERE election = ? AND id = ?`,
			int(to), election, contest); err != nil {
			return err
		}
		if _, err := w.conn.ExecContext(ctx, `INSERT INTO phase_changes (election, results_version, contest, phase, reason, at, log_index)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, election, rv, contest, int(to), reason, at.UnixNano(), idx); err != nil {
			return err
		}
		if _, err := w.setElectionVersion.ExecContext(ctx, rv, election); err != nil {
			return err
		}
		ch = tally.Change{ResultsVersion: rv, Election: election, Contest: contest, Kind: tally.ChangePhase,
			Phase: to, Reason: reason, At: at.UTC(), LogIndex: idx}
		return nil
	}})
	return ch, err
}

// AppendRefusals implements tally.Store.
func (s *Store) AppendRefusals(ctx context.Context, election string, refusals []tally.Refusal) ([]tally.LogRef, error) {
	var refs []tally.LogRef
	err := s.enqueue(ctx, &job{fn: func(w *writer) error {
		if err := w.electionExists(ctx, election); err != nil {
			return err
		}
		refs = make([]tally.LogRef, len(refusals))
		seen := make(map[[32]byte]tally.LogRef, len(refusals))
		b := newBatch(w)
		for i, r := range refusals {
			if ref, ok := seen[r.Key]; ok {
				refs[i] = ref
				continue
			}
			var ref tally.LogRef
			var h []byte
			err := w.conn.QueryRowContext(ctx, `SELECT log_index, leaf_hash FROM refusals WHERE election = ? AND key = ?`,
				election, r.Key[:]).Scan(&ref.Index, &h)
			switch {
			case err == nil:
				copy(ref.Hash[:], h)
			case errors.Is(err, sql.ErrNoRows):
				if ref.Index, err = b.appendLeaf(election, r.Tail); err != nil {
					return err
				}
				ref.Hash = tallylog.LeafHash(ref.Index, r.Tail)
				if _, err := w.conn.ExecContext(ctx, `INSERT INTO refusals (election, key, log_index, leaf_hash) VALUES (?, ?, ?, ?)`,
					election, r.Key[:], ref.Index, ref.Hash[:]); err != nil {
					return err
				}
			default:
				return err
			}
			seen[r.Key], refs[i] = ref, ref
		}
		return b.flushLeaves()
	}})
	return refs, err
}

// AppendLog implements tally.Store.
func (s *Store) AppendLog(ctx context.Context, election string, leaves [][]byte) (int64, error) {
	var first int64
	err := s.enqueue(ctx, &job{fn: func(w *writer) error {
		if err := w.electionExists(ctx, election); err != nil {
			return err
		}
		b := newBatch(w)
		for i, leaf := range leaves {
			idx, err := b.appendLeaf(election, leaf)
			if err != nil {
				return err
			}
			if i == 0 {
				first = idx
			}
		}
		return b.flushLeaves()
	}})
	return first, err
}
