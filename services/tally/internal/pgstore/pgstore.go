// Package pgstore implements tally.Store on PostgreSQL (pgx). Several tallyd
// processes may share one database: the database's constraints make every
// decision, and the results versions of an election are assigned under a
// lock on its row, so that they commit in order. Concurrent protocol
// submissions share one pipelined transaction (group commit).
package pgstore

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/mod/sumdb/tlog"

	"github.com/mandate-project/mandate/services/tally/internal/countcodec"
	"github.com/mandate-project/mandate/services/tally/internal/groupcommit"
	"github.com/mandate-project/mandate/services/tally/internal/migrate"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/tallylog"
)

//go:embed migrations/*.sql
var migrations embed.FS

// migrationLock is the advisory lock key held while migrating, so replicas
// starting together apply each migration once ("mandate-tally" in ASCII).
const migrationLock int64 = 0x6d616e64_74616c79

// Options tune a Store; the zero value is sensible.
type Options struct {
	// MaxBatch caps how many protocols one group-commit transaction collects
	// from waiting callers (a single larger call is still committed whole).
	// Default 2048.
	MaxBatch int
	// OnCommit, when set, is told the size and duration of every
	// group-commit transaction of protocols (for metrics).
	OnCommit func(protocols int, took time.Duration)
}

// Store is a tally.Store on a PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool
	opts Options

	// The writer goroutine's knowledge of the contests: the phases it
	// assumes, and the elections it has read them for.
	phases map[contestKey]tally.Phase
	known  map[string]bool
	// edges is the writer goroutine's right edge of each election's log
	// after its last bulk insert (leaves.go): the next one starts from it
	// when the log has not moved, or catches it up.
	edges map[string]*tallylog.Edge

	q    *groupcommit.Queue[*job]
	once sync.Once
	// hashes holds the log hashes ReadHashes read: they never change, and
	// the large subtrees' are read by every checkpoint.
	hashes tally.HashCache
	// codecs holds each election's count columns (countcodec), derived
	// from its definition, which never changes once stored.
	codecs sync.Map
}

var _ tally.Store = (*Store)(nil)

// Open connects to the database at url (postgres://...; pool settings such
// as pool_max_conns and runtime parameters such as search_path may be given
// in it), applies pending migrations and starts the writer.
func Open(ctx context.Context, url string, opts Options) (*Store, error) {
	if opts.MaxBatch <= 0 {
		opts.MaxBatch = 2048
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("pgstore: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("pgstore: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("pgstore: connect: %w", err)
	}
	s := &Store{pool: pool, opts: opts, phases: map[contestKey]tally.Phase{}, known: map[string]bool{},
		edges: map[string]*tallylog.Edge{}}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	s.q = groupcommit.New(groupcommit.Options[*job]{
		MaxWeight: opts.MaxBatch,
		Weight:    func(j *job) int { return len(j.items) },
		Handle:    s.commit,
	})
	return s, nil
}

// migrate applies the pending embedded migrations in one transaction
// holding an advisory lock: a replica that starts meanwhile waits, then
// finds nothing to do.
func (s *Store) migrate(ctx context.Context) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock); err != nil {
			return fmt.Errorf("pgstore: migration lock: %w", err)
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    integer     NOT NULL PRIMARY KEY,
			applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
			return fmt.Errorf("pgstore: schema_migrations: %w", err)
		}
		if err := migrate.Run(ctx, migrations, schema{tx}); err != nil {
			return fmt.Errorf("pgstore: %w", err)
		}
		return nil
	})
}

// schema is the migrate.Target of a migration transaction.
type schema struct{ tx pgx.Tx }

func (m schema) Version(ctx context.Context) (int, error) {
	var v int
	err := m.tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

func (m schema) Apply(ctx context.Context, mg migrate.Migration) error {
	// No arguments: pgx sends it with the simple protocol, which runs
	// several statements.
	if _, err := m.tx.Exec(ctx, mg.SQL); err != nil {
		return err
	}
	if step := afterMigration[mg.Version]; step != nil {
		if err := step(ctx, m.tx); err != nil {
			return err
		}
	}
	_, err := m.tx.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, mg.Version)
	return err
}

// SchemaVersion returns the applied schema version.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.pool.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// Close stops the writer after the queued work and closes the pool.
func (s *Store) Close() error {
	s.once.Do(func() {
		s.q.Close()
		s.pool.Close()
	})
	return nil
}

// GetElection implements tally.Store.
func (s *Store) GetElection(ctx context.Context, id string) (tally.StoredElection, error) {
	list, err := s.elections(ctx, id)
	if err != nil {
		return tally.StoredElection{}, err
	}
	if len(list) == 0 {
		return tally.StoredElection{}, &tally.NotFoundError{Kind: "election", Name: id}
	}
	return list[0], nil
}

// ListElections implements tally.Store.
func (s *Store) ListElections(ctx context.Context) ([]tally.StoredElection, error) {
	return s.elections(ctx, "")
}

// ElectionHeads implements tally.Store.
func (s *Store) ElectionHeads(ctx context.Context) ([]tally.ElectionHead, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, results_version, unit_count FROM elections ORDER BY id`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[tally.ElectionHead])
}

// elections reads in one statement, so the phases, results version and
// unit count are of one snapshot.
func (s *Store) elections(ctx context.Context, id string) ([]tally.StoredElection, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT e.id, e.definition, e.results_version, e.unit_count,
		       coalesce((SELECT jsonb_object_agg(c.id, c.phase) FROM contests c WHERE c.election = e.id), '{}'),
		       coalesce((SELECT p.log_index + 1 FROM protocols p WHERE p.election = e.id AND p.results_version = e.results_version),
		                (SELECT c.log_index + 1 FROM phase_changes c WHERE c.election = e.id AND c.results_version = e.results_version),
		                (SELECT u.log_index + 1 FROM unit_changes u WHERE u.election = e.id AND u.results_version = e.results_version), 0)
		  FROM elections e WHERE $1 = '' OR e.id = $1 ORDER BY e.id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tally.StoredElection
	for rows.Next() {
		var eid string
		var def, phases []byte
		var se tally.StoredElection
		if err := rows.Scan(&eid, &def, &se.ResultsVersion, &se.UnitCount, &phases, &se.ResultsLogSize); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(def, &se.Election); err != nil {
			return nil, fmt.Errorf("pgstore: election %s: %w", eid, err)
		}
		if err := json.Unmarshal(phases, &se.Phases); err != nil {
			return nil, fmt.Errorf("pgstore: election %s phases: %w", eid, err)
		}
		out = append(out, se)
	}
	return out, rows.Err()
}

// Units implements tally.Store.
func (s *Store) Units(ctx context.Context, election string) ([]tally.Unit, error) {
	rows, err := s.pool.Query(ctx,
		`SELECT id, coalesce(parent, ''), name, level, registered FROM units WHERE election = $1`, election)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tally.Unit
	for rows.Next() {
		var u tally.Unit
		if err := rows.Scan(&u.ID, &u.Parent, &u.Name, &u.Level, &u.Registered); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

const protocolColumns = `election, contest, station, version, results_version, kind, idempotency_key,
	content_hash, line_counts, vote_counts, warnings, reason, submitter, submitted_at, coalesce(log_index, 0)`

func (s *Store) scanProtocol(ctx context.Context, r pgx.Row) (tally.ProtocolVersion, error) {
	var v tally.ProtocolVersion
	var lines, votes, warnings []byte
	var kind int16
	var at int64
	err := r.Scan(&v.Election, &v.Contest, &v.Station, &v.Version, &v.ResultsVersion, &kind,
		&v.IdempotencyKey, &v.ContentHash, &lines, &votes, &warnings, &v.Reason, &v.Submitter, &at, &v.LogIndex)
	if err != nil {
		return v, err
	}
	v.Kind = tally.ProtocolKind(kind)
	v.SubmittedAt = time.Unix(0, at).UTC()
	codec, err := s.codec(ctx, v.Election)
	if err != nil {
		return v, err
	}
	c := codec.Contest(v.Contest)
	if v.Lines, err = c.Lines.Decode(lines); err != nil {
		return v, fmt.Errorf("pgstore: lines: %w", err)
	}
	if v.Votes, err = c.Votes.Decode(votes); err != nil {
		return v, fmt.Errorf("pgstore: votes: %w", err)
	}
	if warnings != nil {
		if err := json.Unmarshal(warnings, &v.Warnings); err != nil {
			return v, fmt.Errorf("pgstore: warnings: %w", err)
		}
	}
	return v, nil
}

// codec returns an election's count columns, reading its definition once.
// An election not stored yet gets none, not cached: its counts are written
// by name, which any definition decodes.
func (s *Store) codec(ctx context.Context, election string) (countcodec.Election, error) {
	if c, ok := s.codecs.Load(election); ok {
		return c.(countcodec.Election), nil
	}
	var def []byte
	err := s.pool.QueryRow(ctx, `SELECT definition FROM elections WHERE id = $1`, election).Scan(&def)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("pgstore: election %s: %w", election, err)
	}
	c, err := countcodec.ForDefinition(def)
	if err != nil {
		return nil, fmt.Errorf("pgstore: election %s: %w", election, err)
	}
	s.codecs.Store(election, c)
	return c, nil
}

// protocols runs a query returning protocolColumns and calls fn per row.
func (s *Store) protocols(ctx context.Context, election string, fn func(tally.ProtocolVersion) error, query string, args ...any) error {
	// Read before the rows, so no second connection is needed during them.
	if _, err := s.codec(ctx, election); err != nil {
		return err
	}
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		v, err := s.scanProtocol(ctx, rows)
		if err != nil {
			return err
		}
		if err := fn(v); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ProtocolVersions implements tally.Store.
func (s *Store) ProtocolVersions(ctx context.Context, election, contest, station string) ([]tally.ProtocolVersion, error) {
	var out []tally.ProtocolVersion
	err := s.protocols(ctx, election, func(v tally.ProtocolVersion) error { out = append(out, v); return nil },
		`SELECT `+protocolColumns+` FROM protocols
		  WHERE election = $1 AND contest = $2 AND station = $3 ORDER BY version`, election, contest, station)
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, &tally.NotFoundError{Kind: "protocol", Name: election + "/" + contest + "/" + station}
	}
	return out, nil
}

// ScanProtocols implements tally.Store.
func (s *Store) ScanProtocols(ctx context.Context, election string, fn func(tally.ProtocolVersion) error) error {
	return s.protocols(ctx, election, fn, `SELECT `+protocolColumns+` FROM protocols
		WHERE election = $1 ORDER BY results_version`, election)
}

// ScanProtocolVectors implements tally.VectorScanner: the rows of
// ScanProtocols, the counts decoded from their columns straight into one
// reused vector.
func (s *Store) ScanProtocolVectors(ctx context.Context, election string, layout func(contest string) (lines, choices []string, ok bool),
	fn func(v tally.ProtocolVersion, vals []int64) error) error {
	codec, err := s.codec(ctx, election)
	if err != nil {
		return err
	}
	rows, err := s.pool.Query(ctx, `SELECT contest, station, version, results_version, kind, idempotency_key,
		content_hash, line_counts, vote_counts, warnings, reason, submitter, submitted_at, coalesce(log_index, 0)
		FROM protocols WHERE election = $1 ORDER BY results_version`, election)
	if err != nil {
		return err
	}
	defer rows.Close()
	vectors := codec.Vectors(layout)
	var lines, votes, warnings []byte
	for rows.Next() {
		v := tally.ProtocolVersion{Election: election}
		var kind int16
		var at int64
		if err := rows.Scan(&v.Contest, &v.Station, &v.Version, &v.ResultsVersion, &kind, &v.IdempotencyKey,
			&v.ContentHash, &lines, &votes, &warnings, &v.Reason, &v.Submitter, &at, &v.LogIndex); err != nil {
			return err
		}
		v.Kind = tally.ProtocolKind(kind)
		v.SubmittedAt = time.Unix(0, at).UTC()
		if warnings != nil {
			if err := json.Unmarshal(warnings, &v.Warnings); err != nil {
				return fmt.Errorf("pgstore: warnings: %w", err)
			}
		}
		// vals is nil for a contest the layout does not know.
		vals, err := vectors.Decode(v.Contest, lines, votes)
		if err != nil {
			return fmt.Errorf("pgstore: counts of %s/%s: %w", v.Contest, v.Station, err)
		}
		if err := fn(v, vals); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ProtocolsAfter implements tally.Store.
func (s *Store) ProtocolsAfter(ctx context.Context, election string, after, upTo int64, limit int) ([]tally.ProtocolVersion, error) {
	var out []tally.ProtocolVersion
	err := s.protocols(ctx, election, func(v tally.ProtocolVersion) error { out = append(out, v); return nil },
		`SELECT `+protocolColumns+` FROM protocols
		  WHERE election = $1 AND results_version > $2 AND results_version <= $3
		  ORDER BY results_version LIMIT $4`, election, after, upTo, limit)
	return out, err
}

// Changes implements tally.Store.
func (s *Store) Changes(ctx context.Context, election string, after int64, limit int) ([]tally.Change, error) {
	if limit <= 0 {
		limit = 1000
	}
	rows, err := s.pool.Query(ctx, `
		SELECT results_version, contest, kind::int, station, version, 0, reason, submitter, submitted_at, coalesce(log_index, 0)
		  FROM protocols WHERE election = $1 AND results_version > $2
		UNION ALL
		SELECT results_version, contest, -1, '', 0, phase::int, reason, '', at, coalesce(log_index, 0)
		  FROM phase_changes WHERE election = $1 AND results_version > $2
		UNION ALL
		SELECT results_version, '', -2, '', 0, units, '', '', at, log_index
		  FROM unit_changes WHERE election = $1 AND results_version > $2
		ORDER BY 1 LIMIT $3`, election, after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tally.Change
	for rows.Next() {
		c := tally.Change{Election: election}
		var kind, phase int32
		var at int64
		if err := rows.Scan(&c.ResultsVersion, &c.Contest, &kind, &c.Station, &c.Version, &phase,
			&c.Reason, &c.Submitter, &at, &c.LogIndex); err != nil {
			return nil, err
		}
		c.At = time.Unix(0, at).UTC()
		out = append(out, tally.StoredChange(c, int(kind), int(phase)))
	}
	return out, rows.Err()
}

// LogHead implements tally.Store.
func (s *Store) LogHead(ctx context.Context, election string) (tally.LogHead, error) {
	var h tally.LogHead
	err := s.pool.QueryRow(ctx, `SELECT e.results_version,
		coalesce((SELECT max(l.idx) + 1 FROM log_entries l WHERE l.election = e.id), 0)
		FROM elections e WHERE e.id = $1`, election).Scan(&h.ResultsVersion, &h.Size)
	return h, notFound(err, "election", election)
}

// ReadLeaves implements tally.Store.
func (s *Store) ReadLeaves(ctx context.Context, election string, from, to int64, fn func(int64, []byte) error) error {
	rows, err := s.pool.Query(ctx, `SELECT idx, leaf FROM log_entries
		WHERE election = $1 AND idx >= $2 AND idx < $3 ORDER BY idx`, election, from, to)
	if err != nil {
		return err
	}
	defer rows.Close()
	next := from
	for rows.Next() {
		var i int64
		var leaf []byte
		if err := rows.Scan(&i, &leaf); err != nil {
			return err
		}
		if i != next {
			return fmt.Errorf("pgstore: log %s has no leaf %d", election, next)
		}
		next++
		if err := fn(i, leaf); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ReadHashes implements tally.Store.
func (s *Store) ReadHashes(ctx context.Context, election string, indexes []int64) ([]tlog.Hash, error) {
	return s.hashes.ReadHashes(election, indexes, func(leaves []int64) (map[int64][]byte, error) {
		rows, err := s.pool.Query(ctx, `SELECT idx, hashes FROM log_entries WHERE election = $1 AND idx = ANY($2)`, election, leaves)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		blobs := make(map[int64][]byte, len(leaves))
		for rows.Next() {
			var i int64
			var b []byte
			if err := rows.Scan(&i, &b); err != nil {
				return nil, err
			}
			blobs[i] = b
		}
		return blobs, rows.Err()
	})
}

// notFound reports pgx.ErrNoRows as the domain's NotFoundError.
func notFound(err error, kind, name string) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return &tally.NotFoundError{Kind: kind, Name: name}
	}
	return err
}
