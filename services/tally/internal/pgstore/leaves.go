package pgstore

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"golang.org/x/mod/sumdb/tlog"

	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// A bulk insert's leaves and their hashes are made here, by the writer
// goroutine, on the right edge of the log it keeps (Store.edges), instead
// of by log_append inside the transaction: hashing each leaf in PL/pgSQL was
// the largest piece of the election's lock time after the insert itself
// (0.8 s of it in the RU 2016 import, decision 114). The transaction takes
// the election's lock and reads the log's size first (one round trip), so
// the leaves are made for a log no other writer can append to until it
// commits; the edge kept from the last bulk insert is caught up with the
// leaves others appended since (units, phases, another tallyd).

// catchUpMax is how far behind the log the kept edge may be and still be
// brought up by the record hashes of the leaves since (one query); beyond
// it the edge is read anew (one hash per set bit of the size).
const catchUpMax = 4096

// querier is what edgeAt reads the leaves since its edge with: the
// transaction's connection, which holds the election's lock.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// edgeAt returns a copy of the right edge of an election's log of size
// leaves, to append to: the writer's own when the log has not moved since
// its last bulk insert, caught up with the leaves appended since, or read.
func (s *Store) edgeAt(ctx context.Context, q querier, election string, size int64) (*tallylog.Edge, error) {
	if e := s.edges[election]; e != nil && e.Size() <= size && size-e.Size() <= catchUpMax {
		c := e.Clone()
		if c.Size() == size {
			return c, nil
		}
		rows, err := q.Query(ctx, `SELECT idx, hashes FROM log_entries WHERE election = $1 AND idx >= $2 AND idx < $3 ORDER BY idx`,
			election, c.Size(), size)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var idx int64
			var blob []byte
			if err := rows.Scan(&idx, &blob); err != nil {
				return nil, err
			}
			h, ok := tally.HashAt(blob, 0)
			if idx != c.Size() || !ok {
				return nil, fmt.Errorf("pgstore: log %s: leaf %d missing or without its record hash", election, c.Size())
			}
			c.AppendHash(h)
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if c.Size() != size {
			return nil, fmt.Errorf("pgstore: log %s: %d leaves read, want %d", election, c.Size(), size)
		}
		return c, nil
	}
	return tallylog.NewEdge(size, func(level int, index int64) (tlog.Hash, error) {
		hs, err := s.ReadHashes(ctx, election, []int64{tlog.StoredHashIndex(level, index)})
		if err != nil {
			return tlog.Hash{}, err
		}
		return hs[0], nil
	})
}

// bulkLeaves are the leaves of one election's bulk insert, made on its
// edge, and what to keep once the transaction commits.
type bulkLeaves struct {
	election string
	first    int64
	leaves   [][]byte
	hashes   [][]byte // EncodeHashes of each leaf
	edge     *tallylog.Edge
}

// makeLeaves makes the leaves of tails (in order) at the end of a log of
// size leaves whose edge is e, which it advances.
func makeLeaves(election string, size int64, e *tallylog.Edge, tails [][]byte) bulkLeaves {
	bl := bulkLeaves{election: election, first: size, leaves: make([][]byte, len(tails)),
		hashes: make([][]byte, len(tails)), edge: e}
	for k, t := range tails {
		leaf := tallylog.AppendLeaf(make([]byte, 0, len(t)+24), size+int64(k), t)
		bl.leaves[k], bl.hashes[k] = leaf, tally.EncodeHashes(e.Append(leaf))
	}
	return bl
}

// kept records what a committed bulk insert appended: the edge for the
// next one, the hashes for checkpoints.
func (s *Store) kept(done []bulkLeaves) {
	for _, bl := range done {
		s.edges[bl.election] = bl.edge
		for k, h := range bl.hashes {
			s.hashes.Add(bl.election, bl.first+int64(k), h)
		}
	}
}
