package sqlitestore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/mandate-project/mandate/services/tally/internal/countcodec"
)

// afterMigration are the steps SQL cannot do, run after a migration's
// script in its transaction.
var afterMigration = map[int]func(context.Context, *sql.Conn) error{
	6: countColumns,
}

// countColumns rewrites every protocol's JSON counts (lines, votes) into
// line_counts and vote_counts (migration 0006), then drops the JSON.
func countColumns(ctx context.Context, conn *sql.Conn) error {
	codecs := map[string]countcodec.Election{}
	defs, err := conn.QueryContext(ctx, `SELECT id, definition FROM elections`)
	if err != nil {
		return err
	}
	for defs.Next() {
		var id, def string
		if err := defs.Scan(&id, &def); err != nil {
			defs.Close()
			return err
		}
		if codecs[id], err = countcodec.ForDefinition([]byte(def)); err != nil {
			defs.Close()
			return fmt.Errorf("election %s: %w", id, err)
		}
	}
	defs.Close()
	if err := defs.Err(); err != nil {
		return err
	}
	// One connection: the rows are read in rowid pages, each page converted
	// and written before the next is read.
	const page = 10000
	upd, err := conn.PrepareContext(ctx, `UPDATE protocols SET line_counts = ?, vote_counts = ? WHERE rowid = ?`)
	if err != nil {
		return err
	}
	defer upd.Close()
	type row struct {
		id           int64
		lines, votes []byte
	}
	var after int64
	for {
		rows, err := conn.QueryContext(ctx, `SELECT rowid, election, contest, lines, votes FROM protocols
			WHERE rowid > ? ORDER BY rowid LIMIT ?`, after, page)
		if err != nil {
			return err
		}
		var todo []row
		for rows.Next() {
			var id int64
			var election, contest, lines, votes string
			if err := rows.Scan(&id, &election, &contest, &lines, &votes); err != nil {
				rows.Close()
				return err
			}
			lm, err := parseCounts(lines)
			if err != nil {
				rows.Close()
				return fmt.Errorf("protocol %d lines: %w", id, err)
			}
			vm, err := parseCounts(votes)
			if err != nil {
				rows.Close()
				return fmt.Errorf("protocol %d votes: %w", id, err)
			}
			c := codecs[election].Contest(contest)
			todo = append(todo, row{id, c.Lines.Append(nil, lm), c.Votes.Append(nil, vm)})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, r := range todo {
			if _, err := upd.ExecContext(ctx, r.lines, r.votes, r.id); err != nil {
				return err
			}
		}
		if len(todo) < page {
			break
		}
		after = todo[len(todo)-1].id
	}
	for _, stmt := range []string{`ALTER TABLE protocols DROP COLUMN lines`, `ALTER TABLE protocols DROP COLUMN votes`} {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	return nil
}
