// Package sqlitestore implements tally.Store on SQLite (modernc.org/sqlite,
// pure Go) in WAL mode with synchronous=FULL. One writer goroutine owns the
// only write connection and commits concurrent protocol submissions together
// (group commit); reads use a separate pool of read-only connections.
package sqlitestore

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/mod/sumdb/tlog"

	"github.com/mandate-project/mandate/services/tally/internal/countcodec"
	"github.com/mandate-project/mandate/services/tally/internal/groupcommit"
	"github.com/mandate-project/mandate/services/tally/internal/migrate"
	"github.com/mandate-project/mandate/services/tally/internal/tally"

	_ "modernc.org/sqlite" // registers driver "sqlite"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Options tune a Store; the zero value is sensible.
type Options struct {
	// MaxBatch caps how many protocols one group-commit transaction collects
	// from waiting callers (a single larger call is still committed whole).
	// Default 2048.
	MaxBatch int
	// BusyTimeout for locks held by other processes. Default 10 s.
	BusyTimeout time.Duration
	// ReadConns is the size of the read pool. Default 4.
	ReadConns int
	// OnCommit, when set, is told the size and duration of every
	// group-commit transaction of protocols (for metrics).
	OnCommit func(protocols int, took time.Duration)
}

// Store is a tally.Store on one SQLite database file.
type Store struct {
	rdb  *sql.DB
	wdb  *sql.DB
	opts Options

	w *writer
	q *groupcommit.Queue[*job]
	// heads is ElectionHeads' statement, prepared once: a replica asks it
	// every poll, and parsing it each time was most of an idle replica's
	// work (issue 19, session 16).
	heads *sql.Stmt
	// hashes holds the log hashes the writer committed and ReadHashes
	// read, so a checkpoint of a size just written reads no database.
	hashes tally.HashCache
	// ckpt copies the log into the database beside the writer.
	ckpt     *checkpointer
	closeErr error
	once     sync.Once
	// codecs holds each election's count columns (countcodec), derived
	// from its definition, which never changes once stored.
	codecs sync.Map
}

var _ tally.Store = (*Store)(nil)

// readCacheKiB is the page cache of each read connection. The totals are
// in memory; readers fetch a protocol's versions, leaves and hashes, which
// the operating system's page cache holds as well. A reader that scanned
// the whole store at start would otherwise keep 64 MiB of it for good, four
// readers 256 MiB of a tally meant to hold a million stations in 1 GiB
// (issue 19).
const readCacheKiB = 16 << 10

// walPages is the size of the write-ahead log, in pages, at which it is
// copied back into the database (decision 106; by the checkpointer since
// decision 120). SQLite's default, 1,000 pages (4 MiB), had the writer of
// a million-station import copy the same index pages back again and
// again: with 10,000 (40 MiB) the import took 45.6 s instead of 48.2.
// With the 16 KiB pages of a store made since decision 108 that is 160
// MiB, the size measured with them; a graceful stop leaves none of it
// (Close).
const walPages = 10_000

// autoCheckpointPages is where the writer checkpoints the log itself:
// only when the checkpointer (checkpoint.go) cannot keep it under
// walPages, say while a long read holds an old snapshot.
const autoCheckpointPages = 4 * walPages

// Open opens (creating if needed) the database at path, checks that the
// pragmas took effect, applies pending migrations and starts the writer.
// ":memory:" is refused: WAL needs a file.
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	if path == "" || path == ":memory:" || strings.HasPrefix(path, "file::memory:") {
		return nil, errors.New("sqlitestore: in-memory databases are not supported (WAL needs a file)")
	}
	if opts.MaxBatch <= 0 {
		opts.MaxBatch = 2048
	}
	if opts.BusyTimeout <= 0 {
		opts.BusyTimeout = 10 * time.Second
	}
	if opts.ReadConns <= 0 {
		opts.ReadConns = 4
	}
	if err := create(path); err != nil {
		return nil, err
	}
	busy := strconv.FormatInt(opts.BusyTimeout.Milliseconds(), 10)
	q := url.Values{}
	q.Add("_pragma", "busy_timeout("+busy+")")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Add("_pragma", "foreign_keys(1)")
	// The page cache is per connection: 64 MiB for the writer, whose
	// batches touch every index, less for each reader (readCacheKiB).
	// The writer's statement journals stay in memory: a multi-row INSERT
	// keeps one (to undo itself alone on a constraint), and SQLite's
	// default spilled it to a temporary file past 64 KiB, 2 s of write
	// calls in a million-station import.
	wq := url.Values{"_pragma": append(slices.Clone(q["_pragma"]), "cache_size(-65536)", "temp_store(MEMORY)",
		"wal_autocheckpoint("+strconv.Itoa(autoCheckpointPages)+")")}
	wdb, err := sql.Open("sqlite", "file:"+path+"?"+wq.Encode())
	if err != nil {
		return nil, err
	}
	wdb.SetMaxOpenConns(1)
	wdb.SetMaxIdleConns(1)
	wdb.SetConnMaxLifetime(0)
	s := &Store{wdb: wdb, opts: opts}
	if err := s.checkPragmas(ctx, wdb, false); err != nil {
		wdb.Close()
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		wdb.Close()
		return nil, err
	}
	q.Add("_pragma", "query_only(1)")
	q.Add("_pragma", "cache_size(-"+strconv.Itoa(readCacheKiB)+")")
	rdb, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		wdb.Close()
		return nil, err
	}
	rdb.SetMaxOpenConns(opts.ReadConns)
	rdb.SetMaxIdleConns(opts.ReadConns)
	if err := s.checkPragmas(ctx, rdb, true); err != nil {
		wdb.Close()
		rdb.Close()
		return nil, err
	}
	s.rdb = rdb
	if s.heads, err = rdb.PrepareContext(ctx, `SELECT id, results_version, unit_count FROM elections ORDER BY id`); err != nil {
		wdb.Close()
		rdb.Close()
		return nil, err
	}
	// The checkpointer waits for the writer and the readers at most
	// checkpointWait: it holds the writer off while it waits for readers.
	cq := url.Values{"_pragma": {"busy_timeout(" + strconv.Itoa(checkpointWait) + ")", "journal_mode(WAL)", "synchronous(FULL)"}}
	cdb, err := sql.Open("sqlite", "file:"+path+"?"+cq.Encode())
	if err != nil {
		wdb.Close()
		rdb.Close()
		return nil, err
	}
	cdb.SetMaxOpenConns(1)
	s.ckpt = newCheckpointer(cdb, func(fn func() error) error {
		return s.enqueue(context.Background(), &job{fn: func(*writer) error { return fn() }, outsideTx: true})
	})
	w, err := newWriter(ctx, s)
	if err != nil {
		wdb.Close()
		rdb.Close()
		_ = s.ckpt.close()
		return nil, err
	}
	s.q = groupcommit.New(groupcommit.Options[*job]{
		MaxWeight: opts.MaxBatch,
		Weight:    func(j *job) int { return len(j.items) },
		Alone:     func(j *job) bool { return j.fn != nil },
		Handle:    w.handle,
	})
	return s, nil
}

// pageSize is the page size of a store this package creates (decision
// 108). With SQLite's default, 4 KiB, the writer of a million-station
// import spent most of its time in system calls: two a page appended to
// the log, one a page copied back, for pages of indexes that every batch
// touches all over. A store made before keeps its page size: SQLite fixes
// it at creation in WAL mode.
const pageSize = 16 << 10

// create makes the database file at path with pageSize pages in WAL mode
// when there is none yet. The driver applies a connection's pragmas in
// name order, journal_mode before page_size, and the first fixes the page
// size of a new database: so this first connection sets the size alone,
// then the mode.
func create(path string) error {
	if fi, err := os.Stat(path); err == nil && fi.Size() > 0 {
		return nil
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("sqlitestore: %w", err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=page_size("+strconv.Itoa(pageSize)+")")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("PRAGMA journal_mode=WAL"); err != nil {
		return fmt.Errorf("sqlitestore: create %s: %w", path, err)
	}
	return db.Close()
}

// checkPragmas reads the settings back: a driver that silently ignored one
// would otherwise lose durability without anyone noticing.
func (s *Store) checkPragmas(ctx context.Context, db *sql.DB, readOnly bool) error {
	want := map[string]string{
		"journal_mode": "wal",
		"synchronous":  "2", // FULL
		"foreign_keys": "1",
		"busy_timeout": strconv.FormatInt(s.opts.BusyTimeout.Milliseconds(), 10),
	}
	if readOnly {
		want["query_only"] = "1"
	}
	for name, v := range want {
		var got string
		if err := db.QueryRowContext(ctx, "PRAGMA "+name).Scan(&got); err != nil {
			return fmt.Errorf("sqlitestore: read pragma %s: %w", name, err)
		}
		if strings.ToLower(got) != v {
			return fmt.Errorf("sqlitestore: pragma %s is %q, want %q", name, got, v)
		}
	}
	return nil
}

// migrate applies the pending embedded migrations in one write
// transaction, which a second process opening the file waits for.
func (s *Store) migrate(ctx context.Context) error {
	conn, err := s.wdb.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("sqlitestore: schema_version: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return fmt.Errorf("sqlitestore: migrate: %w", err)
	}
	if err := migrate.Run(ctx, migrations, schema{conn}); err != nil {
		_, _ = conn.ExecContext(context.Background(), "ROLLBACK")
		return fmt.Errorf("sqlitestore: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		_, _ = conn.ExecContext(context.Background(), "ROLLBACK")
		return fmt.Errorf("sqlitestore: migrate: %w", err)
	}
	return nil
}

// schema is the migrate.Target of the migration transaction.
type schema struct{ conn *sql.Conn }

func (m schema) Version(ctx context.Context) (int, error) {
	var v int
	err := m.conn.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v)
	return v, err
}

func (m schema) Apply(ctx context.Context, mg migrate.Migration) error {
	if _, err := m.conn.ExecContext(ctx, mg.SQL); err != nil {
		return err
	}
	if step := afterMigration[mg.Version]; step != nil {
		if err := step(ctx, m.conn); err != nil {
			return err
		}
	}
	_, err := m.conn.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (?)`, mg.Version)
	return err
}

// SchemaVersion returns the applied schema version.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.rdb.QueryRowContext(ctx, `SELECT max(version) FROM schema_version`).Scan(&v)
	return v, err
}

// Close stops the writer after the queued work and closes the database.
func (s *Store) Close() error {
	s.once.Do(func() {
		s.q.Close()
		errCkpt := s.ckpt.close()
		// The log's pages go into the database and the log file is cut
		// to nothing, so a store at rest is its database file: SQLite
		// deletes the log only when it closes its last connection, which
		// another process on the same file may hold, and otherwise keeps
		// it at the size of the last checkpoint interval (walPages).
		var busy, logged, copied int
		err := s.w.conn.QueryRowContext(context.Background(), "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logged, &copied)
		if err != nil {
			err = fmt.Errorf("sqlitestore: final checkpoint: %w", err)
		}
		err0 := errors.Join(err, s.w.conn.Close())
		err1 := errors.Join(s.heads.Close(), s.rdb.Close())
		err2 := s.wdb.Close()
		s.closeErr = errors.Join(err0, err1, err2, errCkpt)
	})
	return s.closeErr
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
	rows, err := s.heads.QueryContext(ctx)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tally.ElectionHead
	for rows.Next() {
		var h tally.ElectionHead
		if err := rows.Scan(&h.ID, &h.ResultsVersion, &h.UnitCount); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// elections reads in one transaction, so that the phases, results version
// and unit count are of one instant.
func (s *Store) elections(ctx context.Context, id string) ([]tally.StoredElection, error) {
	tx, err := s.rdb.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx,
		`SELECT e.id, e.definition, e.results_version, e.unit_count,
		        coalesce((SELECT p.log_index + 1 FROM protocols p WHERE p.election = e.id AND p.results_version = e.results_version),
		                 (SELECT c.log_index + 1 FROM phase_changes c WHERE c.election = e.id AND c.results_version = e.results_version),
		                 (SELECT u.log_index + 1 FROM unit_changes u WHERE u.election = e.id AND u.results_version = e.results_version), 0)
		   FROM elections e WHERE ? = '' OR e.id = ? ORDER BY e.id`, id, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tally.StoredElection
	for rows.Next() {
		var eid, def string
		var se tally.StoredElection
		if err := rows.Scan(&eid, &def, &se.ResultsVersion, &se.UnitCount, &se.ResultsLogSize); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(def), &se.Election); err != nil {
			return nil, fmt.Errorf("sqlitestore: election %s: %w", eid, err)
		}
		out = append(out, se)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		ph, err := tx.QueryContext(ctx, `SELECT id, phase FROM contests WHERE election = ?`, out[i].Election.ID)
		if err != nil {
			return nil, err
		}
		out[i].Phases = map[string]tally.Phase{}
		for ph.Next() {
			var c string
			var p int
			if err := ph.Scan(&c, &p); err != nil {
				ph.Close()
				return nil, err
			}
			out[i].Phases[c] = tally.Phase(p)
		}
		ph.Close()
		if err := ph.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Units implements tally.Store.
func (s *Store) Units(ctx context.Context, election string) ([]tally.Unit, error) {
	rows, err := s.rdb.QueryContext(ctx,
		`SELECT id, coalesce(parent, ''), name, level, registered FROM units WHERE election = ?`, election)
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
	content_hash, line_counts, vote_counts, warnings, reason, submitter, submitted_at, log_index`

// selectColumns reads protocolColumns; versions stored before the log have
// no leaf (0).
const selectColumns = `election, contest, station, version, results_version, kind, idempotency_key,
	content_hash, line_counts, vote_counts, warnings, reason, submitter, submitted_at, coalesce(log_index, 0)`

type scanner interface{ Scan(...any) error }

func (s *Store) scanProtocol(ctx context.Context, r scanner) (tally.ProtocolVersion, error) {
	var v tally.ProtocolVersion
	var lines, votes []byte
	var warnings string
	var kind int
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
		return v, fmt.Errorf("lines: %w", err)
	}
	if v.Votes, err = c.Votes.Decode(votes); err != nil {
		return v, fmt.Errorf("votes: %w", err)
	}
	if warnings != "" {
		if err := json.Unmarshal([]byte(warnings), &v.Warnings); err != nil {
			return v, fmt.Errorf("warnings: %w", err)
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
	var def string
	err := s.rdb.QueryRowContext(ctx, `SELECT definition FROM elections WHERE id = ?`, election).Scan(&def)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: election %s: %w", election, err)
	}
	c, err := countcodec.ForDefinition([]byte(def))
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: election %s: %w", election, err)
	}
	s.codecs.Store(election, c)
	return c, nil
}

// protocols calls fn with every protocol version of an election a query of
// selectColumns returns, in its order.
func (s *Store) protocols(ctx context.Context, election string, fn func(tally.ProtocolVersion) error, query string, args ...any) error {
	// Read before the rows, so no second connection is needed during them.
	if _, err := s.codec(ctx, election); err != nil {
		return err
	}
	rows, err := s.rdb.QueryContext(ctx, query, args...)
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
		`SELECT `+selectColumns+` FROM protocols
		WHERE election = ? AND contest = ? AND station = ? ORDER BY version`, election, contest, station)
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
	return s.protocols(ctx, election, fn, `SELECT `+selectColumns+` FROM protocols
		WHERE election = ? ORDER BY results_version`, election)
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
	rows, err := s.rdb.QueryContext(ctx, `SELECT contest, station, version, results_version, kind, idempotency_key,
		content_hash, line_counts, vote_counts, warnings, reason, submitter, submitted_at, coalesce(log_index, 0)
		FROM protocols WHERE election = ? ORDER BY results_version`, election)
	if err != nil {
		return err
	}
	defer rows.Close()
	vectors := codec.Vectors(layout)
	for rows.Next() {
		v := tally.ProtocolVersion{Election: election}
		// RawBytes: the columns are decoded here and not kept.
		var lines, votes, warnings sql.RawBytes
		var kind int
		var at int64
		if err := rows.Scan(&v.Contest, &v.Station, &v.Version, &v.ResultsVersion, &kind, &v.IdempotencyKey,
			&v.ContentHash, &lines, &votes, &warnings, &v.Reason, &v.Submitter, &at, &v.LogIndex); err != nil {
			return err
		}
		v.Kind = tally.ProtocolKind(kind)
		v.SubmittedAt = time.Unix(0, at).UTC()
		if len(warnings) > 0 {
			if err := json.Unmarshal(warnings, &v.Warnings); err != nil {
				return fmt.Errorf("warnings: %w", err)
			}
		}
		// vals is nil for a contest the layout does not know.
		vals, err := vectors.Decode(v.Contest, lines, votes)
		if err != nil {
			return fmt.Errorf("counts of %s/%s: %w", v.Contest, v.Station, err)
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
		`SELECT `+selectColumns+` FROM protocols
		WHERE election = ? AND results_version > ? AND results_version <= ? ORDER BY results_version LIMIT ?`,
		election, after, upTo, limit)
	return out, err
}

// Changes implements tally.Store.
func (s *Store) Changes(ctx context.Context, election string, after int64, limit int) ([]tally.Change, error) {
	if limit <= 0 {
		limit = 1000
	}
	rows, err := s.rdb.QueryContext(ctx, `
		SELECT results_version, contest, kind, station, version, 0, reason, submitter, submitted_at, coalesce(log_index, 0)
		  FROM protocols WHERE election = ? AND results_version > ?
		UNION ALL
		SELECT results_version, contest, -1, '', 0, phase, reason, '', at, coalesce(log_index, 0)
		  FROM phase_changes WHERE election = ? AND results_version > ?
		UNION ALL
		SELECT results_version, '', -2, '', 0, units, '', '', at, log_index
		  FROM unit_changes WHERE election = ? AND results_version > ?
		ORDER BY 1 LIMIT ?`, election, after, election, after, election, after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tally.Change
	for rows.Next() {
		c := tally.Change{Election: election}
		var kind, phase int
		var at int64
		if err := rows.Scan(&c.ResultsVersion, &c.Contest, &kind, &c.Station, &c.Version, &phase,
			&c.Reason, &c.Submitter, &at, &c.LogIndex); err != nil {
			return nil, err
		}
		c.At = time.Unix(0, at).UTC()
		out = append(out, tally.StoredChange(c, kind, phase))
	}
	return out, rows.Err()
}

// LogHead implements tally.Store.
func (s *Store) LogHead(ctx context.Context, election string) (tally.LogHead, error) {
	var h tally.LogHead
	err := s.rdb.QueryRowContext(ctx, `SELECT e.results_version,
		coalesce((SELECT max(l.idx) + 1 FROM log_entries l WHERE l.election = e.id), 0)
		FROM elections e WHERE e.id = ?`, election).Scan(&h.ResultsVersion, &h.Size)
	if errors.Is(err, sql.ErrNoRows) {
		return h, &tally.NotFoundError{Kind: "election", Name: election}
	}
	return h, err
}

// ReadLeaves implements tally.Store.
func (s *Store) ReadLeaves(ctx context.Context, election string, from, to int64, fn func(int64, []byte) error) error {
	// A range that starts with a compact leaf needs the leaf its envelope
	// is in first (leafform.go): read before the range, not while its
	// rows hold a connection.
	var u leafUnpacker
	if from < to {
		leafAt := func(idx int64) ([]byte, error) {
			var b []byte
			err := s.rdb.QueryRowContext(ctx, `SELECT leaf FROM log_entries WHERE election = ? AND idx = ?`, election, idx).Scan(&b)
			return b, err
		}
		first, err := leafAt(from)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		d, compact, err := donorOf(from, first)
		if err != nil {
			return fmt.Errorf("sqlitestore: log %s: %w", election, err)
		}
		if compact {
			whole, err := leafAt(d)
			if err == nil {
				err = u.prime(d, whole)
			}
			if err != nil {
				return fmt.Errorf("sqlitestore: log %s: leaf %d: %w", election, d, err)
			}
		}
	}
	rows, err := s.rdb.QueryContext(ctx, `SELECT idx, leaf FROM log_entries
		WHERE election = ? AND idx >= ? AND idx < ? ORDER BY idx`, election, from, to)
	if err != nil {
		return err
	}
	defer rows.Close()
	next := from
	for rows.Next() {
		var i int64
		var stored []byte
		if err := rows.Scan(&i, &stored); err != nil {
			return err
		}
		if i != next {
			return fmt.Errorf("sqlitestore: log %s has no leaf %d", election, next)
		}
		next++
		leaf, err := u.unpack(i, stored)
		if err != nil {
			return fmt.Errorf("sqlitestore: log %s: %w", election, err)
		}
		if err := fn(i, leaf); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ReadHashes implements tally.Store.
func (s *Store) ReadHashes(ctx context.Context, election string, indexes []int64) ([]tlog.Hash, error) {
	return s.hashes.ReadHashes(election, indexes, func(leaves []int64) (map[int64][]byte, error) {
		blobs := make(map[int64][]byte, len(leaves))
		for chunk := range slices.Chunk(leaves, 500) {
			args := []any{election}
			for _, l := range chunk {
				args = append(args, l)
			}
			rows, err := s.rdb.QueryContext(ctx, `SELECT idx, hashes FROM log_entries WHERE election = ? AND idx IN (`+
				strings.TrimSuffix(strings.Repeat("?,", len(chunk)), ",")+`)`, args...)
			if err != nil {
				return nil, err
			}
			for rows.Next() {
				var i int64
				var b []byte
				if err := rows.Scan(&i, &b); err != nil {
					rows.Close()
					return nil, err
				}
				blobs[i] = b
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return nil, err
			}
		}
		return blobs, nil
	})
}
