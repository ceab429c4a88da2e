package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/mandate-project/mandate/services/tally/internal/countcodec"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// txTimeout bounds one transaction of the writer, which runs for several
// callers and so on none of their contexts.
const txTimeout = time.Minute

// maxAttempts is how often a transaction runs when the database asks for a
// retry (serialization failure, deadlock).
const maxAttempts = 5

// job is one caller's AppendProtocols batch.
type job struct {
	items []tally.ProtocolVersion
	res   []tally.AppendResult
	err   error
}

// AppendProtocols implements tally.Store with group commit: the batches of
// concurrent callers are decided in one transaction.
func (s *Store) AppendProtocols(ctx context.Context, batch []tally.ProtocolVersion) ([]tally.AppendResult, error) {
	if len(batch) == 0 {
		return nil, nil
	}
	j := &job{items: batch}
	if err := s.q.Do(ctx, j); err != nil {
		return nil, err
	}
	return j.res, j.err
}

// commit decides the jobs in one transaction. When that fails, it tries each
// job alone, so one caller's broken batch fails that caller only.
func (s *Store) commit(jobs []*job) {
	var items []tally.ProtocolVersion
	for _, j := range jobs {
		items = append(items, j.items...)
	}
	ctx, cancel := context.WithTimeout(context.Background(), txTimeout)
	began := time.Now()
	res, err := s.appendItems(ctx, items)
	cancel()
	if err == nil && s.opts.OnCommit != nil {
		s.opts.OnCommit(len(items), time.Since(began))
	}
	if err != nil && len(jobs) > 1 {
		for _, j := range jobs {
			s.commit([]*job{j})
		}
		return
	}
	off := 0
	for _, j := range jobs {
		if err != nil {
			j.err = fmt.Errorf("pgstore: append: %w", err)
		} else {
			j.res = res[off : off+len(j.items)]
		}
		off += len(j.items)
	}
}

// inTx runs fn in a transaction, again when the database asks for a retry.
func (s *Store) inTx(ctx context.Context, fn func(pgx.Tx) error) error {
	for attempt := 1; ; attempt++ {
		err := pgx.BeginFunc(ctx, s.pool, fn)
		if err == nil || attempt == maxAttempts || !retryable(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(time.Duration(attempt) * 5 * time.Millisecond):
		}
	}
}

// retryable reports the errors after which a transaction may simply run
// again: serialization failures (how CockroachDB reports contention) and
// deadlocks.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

// insertProtocol stores a version unless a constraint forbids it: ON
// CONFLICT skips a used idempotency key or an existing version n, the WHERE
// a station that is not a unit of the election and a version n whose
// version n-1 does not exist (no foreign key checks either: decision 119).
// Its results version follows the election's counter (read under the
// lock) and the versions this transaction inserted before it. The phase
// guard ($14) holds when the contest is in the phase the batch was
// decided with.
const insertProtocol = `
INSERT INTO protocols (election, contest, station, version, results_version, kind, idempotency_key,
	content_hash, line_counts, vote_counts, warnings, reason, submitter, submitted_at, log_index)
SELECT $1, $2, $3, $4,
       greatest(e.results_version, (SELECT p.results_version FROM protocols p
                                     WHERE p.election = $1 ORDER BY p.results_version DESC LIMIT 1)) + 1,
       $5, $6, $7, $8, $9, $10, $11, $12, $13,
       (SELECT coalesce(max(l.idx) + 1, 0) FROM log_entries l WHERE l.election = $1)
  FROM elections e
 WHERE e.id = $1
   AND (SELECT phase FROM contests WHERE election = $1 AND id = $2) = $14
   AND EXISTS (SELECT FROM units WHERE election = $1 AND id = $3)
   AND ($4 = 1 OR EXISTS (SELECT FROM protocols
                           WHERE election = $1 AND contest = $2 AND station = $3 AND version = $4 - 1))
ON CONFLICT DO NOTHING
RETURNING results_version`

type contestKey struct{ election, contest string }

// appendItems decides a batch: one pipelined transaction whatever its size,
// then one read to explain the refused items. A contest whose phase changed
// since the writer last saw it has its items decided again.
func (s *Store) appendItems(ctx context.Context, items []tally.ProtocolVersion) ([]tally.AppendResult, error) {
	res := make([]tally.AppendResult, len(items))
	// The items' count columns, read before any transaction holds a
	// connection.
	for _, v := range items {
		if _, err := s.codec(ctx, v.Election); err != nil {
			return nil, err
		}
	}
	todo, err := s.replays(ctx, items, res)
	if err != nil || len(todo) == 0 {
		return res, err
	}
	bulk := true
	for attempt := 1; ; attempt++ {
		retry, err := s.appendOnce(ctx, items, todo, res, bulk)
		switch {
		case errors.Is(err, errBulkRefused) && bulk:
			bulk, attempt = false, attempt-1 // decide them one by one
		case err == nil && len(retry) == 0:
			return res, nil
		case attempt == maxAttempts && err == nil:
			return nil, errors.New("pgstore: contest phases keep changing under the batch")
		case attempt == maxAttempts || err != nil && !retryable(err):
			return nil, err
		case err != nil:
			time.Sleep(time.Duration(attempt) * 5 * time.Millisecond)
		default:
			todo = retry
		}
	}
}

// replays answers, before any lock, the items whose idempotency key is
// already stored: a replay, or a conflict when the content differs, which
// DecideAppend decides from that row alone (whatever the phase and the
// station's versions). Stored rows never change, so reading them outside
// the writers' transaction is safe. It reads every key of the batch in one
// query per election, and returns the items left to decide, in order.
//
// Why (issue 14 item 3): when two tallyd import the same file, the second
// one's batches are all replays. Decided under the election's lock, each
// was a bulk insert refused whole, then one insert and two lookups per
// item, holding the lock that the other importer's batches wait for; read
// here, a batch of replays costs one indexed query and takes no lock.
func (s *Store) replays(ctx context.Context, items []tally.ProtocolVersion, res []tally.AppendResult) ([]int, error) {
	keys := map[string][]string{}
	var order []string
	for _, v := range items {
		if keys[v.Election] == nil {
			order = append(order, v.Election)
		}
		keys[v.Election] = append(keys[v.Election], v.IdempotencyKey)
	}
	stored := map[[2]string]tally.ProtocolVersion{}
	for _, e := range order {
		rows, err := s.pool.Query(ctx, `SELECT `+protocolColumns+` FROM protocols WHERE election = $1 AND idempotency_key = ANY($2)`,
			e, keys[e])
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			v, err := s.scanProtocol(ctx, rows)
			if err != nil {
				rows.Close()
				return nil, err
			}
			stored[[2]string{v.Election, v.IdempotencyKey}] = v
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	todo := make([]int, 0, len(items))
	for i, v := range items {
		prev, ok := stored[[2]string{v.Election, v.IdempotencyKey}]
		if !ok {
			todo = append(todo, i)
			continue
		}
		res[i], _ = tally.DecideAppend(v, tally.Prior{ByKey: &prev})
	}
	return todo, nil
}

// appendOnce decides the items todo in one transaction and returns those to
// decide again. With bulk, a batch of distinct originals is inserted by one
// statement (see insertOriginals).
func (s *Store) appendOnce(ctx context.Context, items []tally.ProtocolVersion, todo []int, res []tally.AppendResult, bulk bool) ([]int, error) {
	var ids []string
	for _, i := range todo {
		if e := items[i].Election; !slices.Contains(ids, e) {
			ids = append(ids, e)
		}
	}
	slices.Sort(ids)
	if err := s.readPhases(ctx, ids); err != nil {
		return nil, err
	}
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Release() // destroyed if a failure left it in the transaction

	// The whole transaction is one pipeline, so the server holds the
	// election's lock only while it executes, never across a round trip.
	// The lock (elections in ID order, so batches cannot deadlock) makes
	// whoever holds it assign the next versions and commit before the next
	// holder reads the counter: an election's versions commit in order.
	b := &pgx.Batch{}
	b.Queue(`BEGIN`)
	b.Queue(`SELECT FROM elections WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE`, ids)
	// Read after the lock is granted: the phases and counters as they are.
	base := map[string]int64{}
	locked := map[contestKey]tally.Phase{}
	b.Queue(`SELECT c.election, c.id, c.phase, e.results_version
		FROM contests c JOIN elections e ON e.id = c.election WHERE c.election = ANY($1)`, ids).
		Query(func(rows pgx.Rows) error {
			for rows.Next() {
				var k contestKey
				var p int16
				var rv int64
				if err := rows.Scan(&k.election, &k.contest, &p, &rv); err != nil {
					return err
				}
				locked[k], base[k.election] = tally.Phase(p), rv
			}
			return rows.Err()
		})
	inserted := make([]int64, len(items))
	logIdx := make([]int64, len(items))
	assumed := make([]tally.Phase, len(items))
	encoded := make([]columns, len(items))
	var insert []int
	for _, i := range todo {
		v := items[i]
		res[i] = tally.AppendResult{}
		phase, ok := s.phases[contestKey{v.Election, v.Contest}]
		switch {
		case !s.known[v.Election]:
			res[i].Err = &tally.NotFoundError{Kind: "election", Name: v.Election}
			continue
		case !ok:
			res[i].Err = &tally.NotFoundError{Kind: "contest", Name: v.Election + "/" + v.Contest}
			continue
		}
		assumed[i] = phase
		if tally.CheckPhaseAccepts(phase, v.Kind) != nil {
			continue // a replay is still answered: looked up below
		}
		if len(v.Leaf) == 0 {
			res[i].Err = errors.New("pgstore: a protocol without its log entry")
			continue
		}
		var err error
		codec, err := s.codec(ctx, v.Election)
		if err != nil {
			return nil, err
		}
		if encoded[i], err = encode(v, codec); err != nil {
			return nil, err
		}
		insert = append(insert, i)
	}
	bulk = bulk && len(insert) == len(todo) && len(insert) >= bulkMin && distinctOriginals(items, insert)
	var made []bulkLeaves
	if bulk {
		// The lock first, with the logs' sizes: the leaves are made on the
		// edge of a log no one else can append to until COMMIT. One round
		// trip more under the lock; log_append took longer.
		sizes := make(map[string]int64, len(ids))
		for _, e := range ids {
			b.Queue(`SELECT coalesce(max(idx) + 1, 0) FROM log_entries WHERE election = $1`, e).
				QueryRow(func(row pgx.Row) error {
					var n int64
					err := row.Scan(&n)
					sizes[e] = n
					return err
				})
		}
		if err := conn.SendBatch(ctx, b).Close(); err != nil {
			_, _ = conn.Exec(ctx, `ROLLBACK`)
			return nil, err
		}
		b = &pgx.Batch{}
		if made, err = s.queueOriginals(ctx, conn, b, items, insert, encoded, assumed, logIdx, sizes); err != nil {
			_, _ = conn.Exec(ctx, `ROLLBACK`)
			return nil, err
		}
	} else {
		for _, i := range insert {
			v, c := items[i], encoded[i]
			b.Queue(insertProtocol, v.Election, v.Contest, v.Station, v.Version, int16(v.Kind),
				v.IdempotencyKey, v.ContentHash, c.lines, c.votes, c.warnings, v.Reason, v.Submitter,
				v.SubmittedAt.UnixNano(), int16(assumed[i])).
				QueryRow(func(row pgx.Row) error {
					err := row.Scan(&inserted[i])
					if errors.Is(err, pgx.ErrNoRows) {
						return nil
					}
					return err
				})
			// Its leaf, when the row is new: inserted by this transaction,
			// so above the counter, which moves only at the end.
			b.Queue(appendProtocolLeaf, v.Election, v.Leaf, v.IdempotencyKey).
				QueryRow(func(row pgx.Row) error {
					err := row.Scan(&logIdx[i])
					if errors.Is(err, pgx.ErrNoRows) {
						return nil
					}
					return err
				})
		}
	}
	if len(insert) > 0 {
		b.Queue(`UPDATE elections e SET results_version = greatest(e.results_version, (SELECT p.results_version
			FROM protocols p WHERE p.election = e.id ORDER BY p.results_version DESC LIMIT 1))
			WHERE e.id = ANY($1)`, ids)
	}
	b.Queue(`COMMIT`)
	if err := conn.SendBatch(ctx, b).Close(); err != nil {
		_, _ = conn.Exec(ctx, `ROLLBACK`)
		var pe *pgconn.PgError
		if errors.As(err, &pe) && bulk && (pe.Code == bulkRefusedCode || pe.Code == uniqueViolation && pe.TableName == "protocols") {
			return nil, errBulkRefused
		}
		return nil, err
	}
	s.kept(made)
	if bulk {
		// All inserted, each election's in order after its counter, their
		// leaves in the same order from the first one's (logIdx holds it).
		next := maps.Clone(base)
		firstLeaf := map[string]int64{}
		for _, i := range insert {
			e := items[i].Election
			if _, ok := firstLeaf[e]; !ok {
				firstLeaf[e] = logIdx[i]
			}
			logIdx[i] = firstLeaf[e] + next[e] - base[e]
			next[e]++
			inserted[i] = next[e]
		}
	}

	// Items of a contest whose phase was not the one assumed were refused
	// by the guard or by CheckPhaseAccepts: decide them again with the
	// phase now known.
	var retry []int
	maps.Copy(s.phases, locked)
	// An item sees the items before it: a refused one is explained by the
	// rows up to the results version it would have had. Those rows are
	// committed and never change, so they are read after the commit.
	cur := maps.Clone(base)
	// Both lookups use a unique index alone and filter in Go, so no plan
	// can turn them into a scan of the election.
	type lookup struct {
		before   int64
		prev     tally.ProtocolVersion
		found    bool
		versions [][2]int64 // version, results version
		unit     bool       // the station is a unit of the election
	}
	looked := map[int]*lookup{}
	b = &pgx.Batch{}
	for _, i := range todo {
		v := items[i]
		if res[i].Err != nil {
			continue
		}
		if locked[contestKey{v.Election, v.Contest}] != assumed[i] {
			retry = append(retry, i)
			continue
		}
		before := cur[v.Election]
		if inserted[i] != 0 {
			if inserted[i] != before+1 {
				return nil, fmt.Errorf("pgstore: %s: results version %d after %d: a writer did not lock the election",
					v.Election, inserted[i], before)
			}
			if logIdx[i] == 0 {
				return nil, fmt.Errorf("pgstore: %s: protocol stored without its log entry", v.Election)
			}
			cur[v.Election] = inserted[i]
			v.ResultsVersion, v.LogIndex, v.Leaf = inserted[i], logIdx[i], nil
			res[i].Stored = v
			continue
		}
		l := &lookup{before: before}
		looked[i] = l
		b.Queue(`SELECT `+protocolColumns+` FROM protocols WHERE election = $1 AND idempotency_key = $2`,
			v.Election, v.IdempotencyKey).
			QueryRow(func(row pgx.Row) error {
				var err error
				l.prev, err = s.scanProtocol(ctx, row)
				if errors.Is(err, pgx.ErrNoRows) {
					return nil
				}
				l.found = err == nil && l.prev.ResultsVersion <= before
				return err
			})
		b.Queue(`SELECT version, results_version FROM protocols WHERE election = $1 AND contest = $2 AND station = $3`,
			v.Election, v.Contest, v.Station).
			Query(func(rows pgx.Rows) error {
				for rows.Next() {
					var vr [2]int64
					if err := rows.Scan(&vr[0], &vr[1]); err != nil {
						return err
					}
					l.versions = append(l.versions, vr)
				}
				return rows.Err()
			})
		b.Queue(`SELECT EXISTS (SELECT FROM units WHERE election = $1 AND id = $2)`, v.Election, v.Station).
			QueryRow(func(row pgx.Row) error { return row.Scan(&l.unit) })
	}
	if b.Len() > 0 {
		if err := conn.SendBatch(ctx, b).Close(); err != nil {
			return nil, err
		}
	}
	for i, l := range looked {
		if !l.found && !l.unit {
			// The Service refuses such a station before the store.
			res[i].Err = &tally.NotFoundError{Kind: "unit", Name: items[i].Election + "/" + items[i].Station}
			continue
		}
		current := 0
		for _, vr := range l.versions {
			if vr[1] <= l.before {
				current = max(current, int(vr[0]))
			}
		}
		res[i] = explain(items[i], assumed[i], l.found, l.prev, current)
	}
	return retry, nil
}

// readPhases learns the contests and phases of the elections the writer
// has not seen yet. Later batches assume the phases they last saw, and
// check them under the lock.
func (s *Store) readPhases(ctx context.Context, ids []string) error {
	var unknown []string
	for _, id := range ids {
		if !s.known[id] {
			unknown = append(unknown, id)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	rows, err := s.pool.Query(ctx, `SELECT election, id, phase FROM contests WHERE election = ANY($1)`, unknown)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k contestKey
		var p int16
		if err := rows.Scan(&k.election, &k.contest, &p); err != nil {
			return err
		}
		s.phases[k] = tally.Phase(p)
		s.known[k.election] = true
	}
	return rows.Err()
}

// explain turns what was stored before a refused item into its outcome by
// the domain's rule; a refusal the rule would accept is a bug.
func explain(v tally.ProtocolVersion, phase tally.Phase, found bool, prev tally.ProtocolVersion, current int) tally.AppendResult {
	p := tally.Prior{Phase: phase, Current: current}
	if found {
		p.ByKey = &prev
	}
	if res, accept := tally.DecideAppend(v, p); !accept {
		return res
	}
	return tally.AppendResult{Err: fmt.Errorf("pgstore: %s/%s/%s: refused by a constraint without a reason", v.Election, v.Contest, v.Station)}
}

// columns are a version's counts (countcodec) and its warnings as JSON,
// nil (NULL) when there are none.
type columns struct{ lines, votes, warnings []byte }

func encode(v tally.ProtocolVersion, codec countcodec.Election) (c columns, err error) {
	if c.lines, c.votes, err = codec.Contest(v.Contest).Encode(v.Vals, v.Lines, v.Votes); err != nil {
		return c, err
	}
	if len(v.Warnings) > 0 {
		c.warnings, err = json.Marshal(v.Warnings)
	}
	return c, err
}

// bulkMin is the smallest batch inserted by one statement: below it, the
// statement per item costs as little.
const bulkMin = 32

// bulkRefusedCode is the SQLSTATE require_true raises (migration 0001).
const bulkRefusedCode = "MD001"

// uniqueViolation is PostgreSQL's SQLSTATE for a unique index refusing a row.
const uniqueViolation = "23505"

// errBulkRefused: a bulk insert did not store every row; nothing was
// stored, and the batch is decided again item by item.
var errBulkRefused = errors.New("pgstore: bulk insert refused in part")

// distinctOriginals reports whether the items are originals with distinct
// keys and stations: none of them can depend on another, so they may be
// inserted as a set.
func distinctOriginals(items []tally.ProtocolVersion, idx []int) bool {
	keys := make(map[[2]string]bool, len(idx))
	stations := make(map[[3]string]bool, len(idx))
	for _, i := range idx {
		v := items[i]
		k, st := [2]string{v.Election, v.IdempotencyKey}, [3]string{v.Election, v.Contest, v.Station}
		if v.Version != 1 || keys[k] || stations[st] {
			return false
		}
		keys[k], stations[st] = true, true
	}
	return true
}

// insertOriginals stores a set of distinct originals of one election with
// the results versions after its counter, in order, or none of them: when
// any row is refused the transaction aborts, since the versions after it
// would leave a gap. A used key or a station that has a protocol fails a
// unique index (no ON CONFLICT clause: PostgreSQL's speculative insertion
// looked every row up in the three unique indexes before inserting it, a
// fifth of the statement); a phase other than assumed or a station that
// is not a unit of the election (the join: no foreign key, decision 119)
// leaves the row out, and require_true sees the count short. $15 is the
// log's size, read under the lock: the rows' leaves follow it in order
// (queueOriginals).
const insertOriginals = `
WITH ins AS (
	INSERT INTO protocols (election, contest, station, version, results_version, kind, idempotency_key,
		content_hash, line_counts, vote_counts, warnings, reason, submitter, submitted_at, log_index)
	SELECT $1, u.contest, u.station, 1, e.results_version + u.n, u.kind, u.key,
	       u.hash, u.lines, u.votes, nullif(u.warnings, '')::jsonb, u.reason, u.submitter, u.at,
	       $15::bigint + u.n - 1
	  FROM elections e,
	       unnest($2::text[], $3::text[], $4::smallint[], $5::text[], $6::text[], $7::bytea[], $8::bytea[],
	              $9::text[], $10::text[], $11::text[], $12::bigint[], $13::smallint[])
	         WITH ORDINALITY AS u(contest, station, kind, key, hash, lines, votes, warnings, reason, submitter, at, phase, n)
	       JOIN units un ON un.election = $1 AND un.id = u.station
	 WHERE e.id = $1
	   AND (SELECT c.phase FROM contests c WHERE c.election = $1 AND c.id = u.contest) = u.phase
	RETURNING 1)
SELECT require_true((SELECT count(*) FROM ins) = $14, 'some originals were refused')`

// appendProtocolLeaf appends the leaf of a protocol version when its row
// was inserted just before by this transaction: its log index is the log's
// size (insertProtocol gave it that) and its results version is above the
// election's counter, which the transaction moves only at its end. A
// replay or a refused insert appends nothing.
const appendProtocolLeaf = `
SELECT log_append($1, ARRAY[$2::bytea])
 WHERE EXISTS (SELECT FROM protocols p
                WHERE p.election = $1 AND p.idempotency_key = $3
                  AND p.log_index = (SELECT coalesce(max(l.idx) + 1, 0) FROM log_entries l WHERE l.election = $1)
                  AND p.results_version > (SELECT e.results_version FROM elections e WHERE e.id = $1))`

// queueOriginals queues insertOriginals for each election of the items,
// then the insertion of their leaves, made on the log's edge (leaves.go)
// and returned to be kept once the transaction commits; the first item of
// each election gets the index of the election's first leaf in logIdx.
func (s *Store) queueOriginals(ctx context.Context, q querier, b *pgx.Batch, items []tally.ProtocolVersion, idx []int, encoded []columns,
	assumed []tally.Phase, logIdx []int64, sizes map[string]int64) ([]bulkLeaves, error) {
	var made []bulkLeaves
	byElection := map[string][]int{}
	var order []string
	for _, i := range idx {
		e := items[i].Election
		if byElection[e] == nil {
			order = append(order, e)
		}
		byElection[e] = append(byElection[e], i)
	}
	for _, e := range order {
		is := byElection[e]
		n := len(is)
		contests, stations, keys, hashes := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		lines, votes, warnings := make([][]byte, n), make([][]byte, n), make([]string, n)
		reasons, submitters := make([]string, n), make([]string, n)
		kinds, phases, ats := make([]int16, n), make([]int16, n), make([]int64, n)
		for k, i := range is {
			v, c := items[i], encoded[i]
			contests[k], stations[k], keys[k], hashes[k] = v.Contest, v.Station, v.IdempotencyKey, v.ContentHash
			lines[k], votes[k], warnings[k] = c.lines, c.votes, string(c.warnings)
			reasons[k], submitters[k] = v.Reason, v.Submitter
			kinds[k], phases[k], ats[k] = int16(v.Kind), int16(assumed[i]), v.SubmittedAt.UnixNano()
		}
		tails := make([][]byte, n)
		for k, i := range is {
			tails[k] = items[i].Leaf
		}
		size := sizes[e]
		at, err := s.edgeAt(ctx, q, e, size)
		if err != nil {
			return nil, err
		}
		bl := makeLeaves(e, size, at, tails)
		b.Queue(insertOriginals, e, contests, stations, kinds, keys, hashes, lines, votes, warnings,
			reasons, submitters, ats, phases, n, size)
		b.Queue(`INSERT INTO log_entries (election, idx, leaf, hashes)
			SELECT $1, $2 + x.i - 1, x.leaf, x.hashes FROM unnest($3::bytea[], $4::bytea[]) WITH ORDINALITY AS x(leaf, hashes, i)`,
			e, size, bl.leaves, bl.hashes)
		logIdx[is[0]] = size
		made = append(made, bl)
	}
	return made, nil
}

// SetPhase implements tally.Store.
func (s *Store) SetPhase(ctx context.Context, election, contest string, to tally.Phase, reason string, at time.Time, leaf []byte) (tally.Change, error) {
	var ch tally.Change
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var rv int64
		err := tx.QueryRow(ctx, `SELECT results_version FROM elections WHERE id = $1 FOR NO KEY UPDATE`, election).Scan(&rv)
		if err != nil {
			return notFound(err, "election", election)
		}
		var from int16
		err = tx.QueryRow(ctx, `SELECT phase FROM contests WHERE election = $1 AND id = $2`, election, contest).Scan(&from)
		if err != nil {
			return notFound(err, "contest", election+"/"+contest)
		}
		if err := tally.CheckPhaseTransition(tally.Phase(from), to); err != nil {
			var se *tally.StateError
			if errors.As(err, &se) {
				se.Subject = election + "/" + contest
			}
			return err
		}
		rv++
		if len(leaf) == 0 {
			return errors.New("pgstore: a phase change without its log entry")
		}
		var idx int64
		b := &pgx.Batch{}
		b.Queue(`SELECT log_append($1, ARRAY[$2::bytea])`, election, leaf).QueryRow(func(row pgx.Row) error { return row.Scan(&idx) })
		b.Queue(`UPDATE contests SET phase = $3 WHERE election = $1 AND id = $2`, election, contest, int16(to))
		b.Queue(`INSERT INTO phase_changes (election, results_version, contest, phase, reason, at, log_index)
			VALUES ($1, $2, $3, $4, $5, $6, (SELECT max(idx) FROM log_entries WHERE election = $1))`,
			election, rv, contest, int16(to), reason, at.UnixNano())
		b.Queue(`UPDATE elections SET results_version = $2 WHERE id = $1`, election, rv)
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return err
		}
		ch = tally.Change{ResultsVersion: rv, Election: election, Contest: contest, Kind: tally.ChangePhase,
			Phase: to, Reason: reason, At: at.UTC(), LogIndex: idx}
		return nil
	})
	return ch, err
}

// CreateElection implements tally.Store.
func (s *Store) CreateElection(ctx context.Context, e tally.Election, leaf []byte) error {
	def, units, err := tally.StoredDefinition(e)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO elections (id, definition) VALUES ($1, $2) ON CONFLICT DO NOTHING`, e.ID, def)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return tally.NewStateError(tally.ErrAlreadyExists, e.ID, "an election with this ID exists")
		}
		b := &pgx.Batch{}
		for _, c := range e.Contests {
			b.Queue(`INSERT INTO contests (election, id, phase) VALUES ($1, $2, $3)`, e.ID, c.ID, int16(tally.PhaseCounting))
		}
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return err
		}
		if _, err := addUnits(ctx, tx, e.ID, units); err != nil {
			return err
		}
		return appendLeaf(ctx, tx, e.ID, leaf)
	})
}

// appendLeaf appends one leaf to an election's log in tx, which holds the
// election's row (locked or created).
func appendLeaf(ctx context.Context, tx pgx.Tx, election string, leaf []byte) error {
	if len(leaf) == 0 {
		return errors.New("pgstore: a change without its log entry")
	}
	_, err := tx.Exec(ctx, `SELECT log_append($1, ARRAY[$2::bytea])`, election, leaf)
	return err
}

// AddUnits implements tally.Store.
func (s *Store) AddUnits(ctx context.Context, election string, units []tally.Unit, at time.Time, leaf []byte) (tally.Change, error) {
	var ch tally.Change
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		// The unit count and the results version are on the election's
		// row: lock it first, like every writer, so lock order is the same
		// everywhere and versions commit in order.
		var rv int64
		err := tx.QueryRow(ctx, `SELECT results_version FROM elections WHERE id = $1 FOR NO KEY UPDATE`, election).Scan(&rv)
		if err != nil {
			return notFound(err, "election", election)
		}
		added, err := addUnits(ctx, tx, election, units)
		if err != nil || added == 0 {
			return err
		}
		if len(leaf) == 0 {
			return errors.New("pgstore: units added without their log entry")
		}
		rv++
		var idx int64
		b := &pgx.Batch{}
		b.Queue(`SELECT log_append($1, ARRAY[$2::bytea])`, election, leaf).QueryRow(func(row pgx.Row) error { return row.Scan(&idx) })
		b.Queue(`INSERT INTO unit_changes (election, results_version, units, at, log_index)
			VALUES ($1, $2, $3, $4, (SELECT max(idx) FROM log_entries WHERE election = $1))`,
			election, rv, added, at.UnixNano())
		b.Queue(`UPDATE elections SET results_version = $2 WHERE id = $1`, election, rv)
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return err
		}
		ch = tally.Change{ResultsVersion: rv, Election: election, Kind: tally.ChangeUnits, Units: added,
			At: at.UTC(), LogIndex: idx}
		return nil
	})
	if err != nil {
		return tally.Change{}, err
	}
	return ch, nil
}

// AppendRefusals implements tally.Store: the keys already logged are read
// in one query under the election's row lock (which every writer of the
// log takes), the new refusals appended in one call of log_append.
func (s *Store) AppendRefusals(ctx context.Context, election string, refusals []tally.Refusal) ([]tally.LogRef, error) {
	var refs []tally.LogRef
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var one int
		err := tx.QueryRow(ctx, `SELECT 1 FROM elections WHERE id = $1 FOR NO KEY UPDATE`, election).Scan(&one)
		if err != nil {
			return notFound(err, "election", election)
		}
		keys := make([][]byte, len(refusals))
		for i, r := range refusals {
			if len(r.Tail) == 0 {
				return errors.New("pgstore: an empty log entry")
			}
			keys[i] = r.Key[:]
		}
		rows, err := tx.Query(ctx, `SELECT key, log_index, leaf_hash FROM refusals WHERE election = $1 AND key = ANY($2)`, election, keys)
		if err != nil {
			return err
		}
		known := make(map[[32]byte]tally.LogRef, len(refusals))
		for rows.Next() {
			var k, h []byte
			var ref tally.LogRef
			if err := rows.Scan(&k, &ref.Index, &h); err != nil {
				rows.Close()
				return err
			}
			copy(ref.Hash[:], h)
			known[[32]byte(k)] = ref
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		var tails, newKeys, hashes [][]byte
		var fresh []int
		pending := map[[32]byte]bool{}
		for i, r := range refusals {
			if _, ok := known[r.Key]; ok || pending[r.Key] {
				continue
			}
			pending[r.Key] = true
			fresh = append(fresh, i)
			tails = append(tails, r.Tail)
		}
		if len(fresh) > 0 {
			var first int64
			if err := tx.QueryRow(ctx, `SELECT log_append($1, $2)`, election, tails).Scan(&first); err != nil {
				return err
			}
			idxs := make([]int64, len(fresh))
			for j, i := range fresh {
				ref := tally.LogRef{Index: first + int64(j), Hash: tallylog.LeafHash(first+int64(j), refusals[i].Tail)}
				known[refusals[i].Key] = ref
				idxs[j] = ref.Index
				newKeys = append(newKeys, refusals[i].Key[:])
				hashes = append(hashes, ref.Hash[:])
			}
			if _, err := tx.Exec(ctx, `INSERT INTO refusals (election, key, log_index, leaf_hash)
				SELECT $1, k, i, h FROM unnest($2::bytea[], $3::bigint[], $4::bytea[]) AS u(k, i, h)`,
				election, newKeys, idxs, hashes); err != nil {
				return err
			}
		}
		refs = make([]tally.LogRef, len(refusals))
		for i, r := range refusals {
			refs[i] = known[r.Key]
		}
		return nil
	})
	return refs, err
}

// AppendLog implements tally.Store.
func (s *Store) AppendLog(ctx context.Context, election string, leaves [][]byte) (int64, error) {
	var first int64
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var one int
		err := tx.QueryRow(ctx, `SELECT 1 FROM elections WHERE id = $1 FOR NO KEY UPDATE`, election).Scan(&one)
		if err != nil {
			return notFound(err, "election", election)
		}
		for _, l := range leaves {
			if len(l) == 0 {
				return errors.New("pgstore: an empty log entry")
			}
		}
		return tx.QueryRow(ctx, `SELECT log_append($1, $2)`, election, leaves).Scan(&first)
	})
	return first, err
}

// unitChunk bounds the arrays of one INSERT of units.
const unitChunk = 10_000

// addUnits inserts the units that do not exist, checks that the others
// exist identically, and counts the new ones on the election's row. It
// returns how many were new.
func addUnits(ctx context.Context, tx pgx.Tx, election string, units []tally.Unit) (int, error) {
	added := 0
	for chunk := range slices.Chunk(units, unitChunk) {
		n := len(chunk)
		ids, parents, names, levels := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		regs := make([]int64, n)
		for i, u := range chunk {
			ids[i], parents[i], names[i], levels[i], regs[i] = u.ID, u.Parent, u.Name, u.Level, u.Registered
		}
		rows, err := tx.Query(ctx, `
			INSERT INTO units (election, id, parent, name, level, registered)
			SELECT $1, id, nullif(parent, ''), name, level, registered
			  FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[]) AS u(id, parent, name, level, registered)
			ON CONFLICT DO NOTHING RETURNING id`, election, ids, parents, names, levels, regs)
		if err != nil {
			return 0, fmt.Errorf("pgstore: insert units: %w", err)
		}
		fresh, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return 0, fmt.Errorf("pgstore: insert units: %w", err)
		}
		added += len(fresh)
		if len(fresh) == n {
			continue
		}
		// Some existed: they must be the same units.
		want := map[string]tally.Unit{}
		for _, u := range chunk {
			want[u.ID] = u
		}
		for _, id := range fresh {
			delete(want, id)
		}
		rows, err = tx.Query(ctx, `SELECT id, coalesce(parent, ''), name, level, registered
			FROM units WHERE election = $1 AND id = ANY($2)`, election, slices.Collect(maps.Keys(want)))
		if err != nil {
			return 0, err
		}
		got, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (tally.Unit, error) {
			var u tally.Unit
			err := r.Scan(&u.ID, &u.Parent, &u.Name, &u.Level, &u.Registered)
			return u, err
		})
		if err != nil {
			return 0, err
		}
		for _, u := range got {
			if want[u.ID] != u {
				return 0, tally.NewStateError(tally.ErrAlreadyExists, election+"/"+u.ID, "the unit exists with other content")
			}
		}
	}
	if added == 0 {
		return 0, nil
	}
	// Every parent exists: one query for the call, where a foreign key
	// checked each unit at commit (migration 7). A parent that is a unit
	// of this call is stored now (new, or there and the same); the others,
	// a few districts for thousands of stations, are looked up. The
	// election's row lock, held by every writer of units, keeps the answer
	// true until the commit.
	in := make(map[string]bool, len(units))
	for _, u := range units {
		in[u.ID] = true
	}
	var outside []string
	for _, u := range units {
		if u.Parent != "" && !in[u.Parent] {
			in[u.Parent] = true // looked up once
			outside = append(outside, u.Parent)
		}
	}
	if len(outside) > 0 {
		var orphan string
		err := tx.QueryRow(ctx, `SELECT x FROM unnest($2::text[]) AS x
			WHERE NOT EXISTS (SELECT FROM units p WHERE p.election = $1 AND p.id = x) LIMIT 1`, election, outside).Scan(&orphan)
		switch {
		case err == nil:
			return 0, fmt.Errorf("pgstore: the parent unit %s does not exist", orphan)
		case !errors.Is(err, pgx.ErrNoRows):
			return 0, err
		}
	}
	_, err := tx.Exec(ctx, `UPDATE elections SET unit_count = unit_count + $2 WHERE id = $1`, election, added)
	return added, err
}
