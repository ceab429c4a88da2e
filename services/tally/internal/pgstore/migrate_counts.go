package pgstore

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mandate-project/mandate/services/tally/internal/countcodec"
)

// afterMigration are the steps SQL cannot do, run after a migration's
// script in its transaction.
var afterMigration = map[int]func(context.Context, pgx.Tx) error{
	5: countColumns,
}

// countColumns rewrites every protocol's JSON counts (lines, votes) into
// line_counts and vote_counts (migration 0005), then drops the JSON.
func countColumns(ctx context.Context, tx pgx.Tx) error {
	codecs := map[string]countcodec.Election{}
	defs, err := tx.Query(ctx, `SELECT id, definition FROM elections`)
	if err != nil {
		return err
	}
	for defs.Next() {
		var id string
		var def []byte
		if err := defs.Scan(&id, &def); err != nil {
			defs.Close()
			return err
		}
		if codecs[id], err = countcodec.ForDefinition(def); err != nil {
			defs.Close()
			return fmt.Errorf("election %s: %w", id, err)
		}
	}
	defs.Close()
	if err := defs.Err(); err != nil {
		return err
	}
	// Pages in primary key order, each converted and written back as one
	// statement before the next is read.
	const page = 10000
	for election := range codecs {
		var after int64
		for {
			rows, err := tx.Query(ctx, `SELECT results_version, contest, lines, votes FROM protocols
				WHERE election = $1 AND results_version > $2 ORDER BY results_version LIMIT $3`, election, after, page)
			if err != nil {
				return err
			}
			var rvs []int64
			var lines, votes [][]byte
			for rows.Next() {
				var rv int64
				var contest string
				var lm, vm map[string]int64
				if err := rows.Scan(&rv, &contest, &lm, &vm); err != nil {
					rows.Close()
					return fmt.Errorf("election %s protocol %d: %w", election, rv, err)
				}
				c := codecs[election].Contest(contest)
				rvs = append(rvs, rv)
				lines = append(lines, c.Lines.Append(nil, lm))
				votes = append(votes, c.Votes.Append(nil, vm))
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			if len(rvs) > 0 {
				if _, err := tx.Exec(ctx, `UPDATE protocols p SET line_counts = u.l, vote_counts = u.v
					  FROM unnest($2::bigint[], $3::bytea[], $4::bytea[]) AS u(rv, l, v)
					 WHERE p.election = $1 AND p.results_version = u.rv`, election, rvs, lines, votes); err != nil {
					return err
				}
			}
			if len(rvs) < page {
				break
			}
			after = rvs[len(rvs)-1]
		}
	}
	_, err = tx.Exec(ctx, `ALTER TABLE protocols DROP COLUMN lines, DROP COLUMN votes,
		ALTER COLUMN line_counts SET NOT NULL, ALTER COLUMN vote_counts SET NOT NULL`)
	return err
}
