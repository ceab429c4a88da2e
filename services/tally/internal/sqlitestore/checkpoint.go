package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"sync/atomic"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/mandate-project/mandate/services/tally/internal/groupcommit"
)

// checkpointer copies the write-ahead log back into the database on a
// connection of its own, so the writer mostly only appends to the log
// (decision 120). SQLite's automatic checkpoint ran inside the COMMIT of
// whichever batch crossed walPages: in a million-station import that was
// 1.9 s of the writer's CPU and most of its fsync waits, on the one
// goroutine every submission waits for, while the other core had time to
// spare.
//
// A round is two checkpoints. The first, PASSIVE, copies every page the
// log holds while the writer goes on appending. The second, RESTART, runs
// between two of the writer's transactions (the writer waits for it): it
// copies what the writer appended meanwhile, a batch or two, and waits for
// readers of an older snapshot, so that the next transaction writes the
// log from its start again. Run beside the writer instead, it would
// rarely find the write lock free (the writer begins its next transaction
// as soon as one commits), and a log written without pause would grow for
// as long as an import lasts.
type checkpointer struct {
	db *sql.DB
	// between runs fn on the writer's goroutine between its transactions.
	between func(fn func() error) error
	kick    chan struct{}
	done    chan struct{}
	// every is how many pages the writer writes to the log between two
	// rounds: walPages (a test sets fewer).
	every int
	// rounds counts the rounds whose RESTART completed, and pending the
	// rounds asked for and not yet over (for tests).
	rounds  atomic.Int64
	pending atomic.Int32

	// pages the writer wrote to the log since the last kick; only the
	// writer's goroutine counts them (wrote).
	pages int
}

// checkpointWait is how long, in milliseconds, a round's RESTART waits for
// the writer's transaction and for readers of an older snapshot before it
// gives up until the next round: the writer waits for it meanwhile.
const checkpointWait = 100

// newCheckpointer runs rounds on db (one connection) until close.
func newCheckpointer(db *sql.DB, between func(fn func() error) error) *checkpointer {
	c := &checkpointer{db: db, between: between, kick: make(chan struct{}, 1), done: make(chan struct{}), every: walPages}
	go c.run()
	return c
}

// wrote counts the pages a commit wrote to the log, and asks for a round
// once every pages have been written since the last. The writer's
// goroutine calls it after each commit.
func (c *checkpointer) wrote(pages int) {
	c.pages += pages
	if c.pages < c.every {
		return
	}
	c.pages = 0
	c.pending.Add(1)
	select {
	case c.kick <- struct{}{}:
	default: // a round is already asked for
		c.pending.Add(-1)
	}
}

func (c *checkpointer) run() {
	defer close(c.done)
	for range c.kick {
		_, err := c.checkpoint("PASSIVE")
		if err == nil {
			err = c.between(func() error {
				done, err := c.checkpoint("RESTART")
				if done {
					c.rounds.Add(1)
				}
				return err
			})
		}
		if err != nil && !errors.Is(err, groupcommit.ErrClosed) {
			// The log stays as it is until the next round; the writer's
			// own automatic checkpoint (autoCheckpointPages) bounds it.
			slog.Warn("sqlitestore: checkpoint", "err", err)
		}
		c.pending.Add(-1)
	}
}

// checkpoint runs one checkpoint of the given mode and reports whether it
// completed. One that could not complete in checkpointWait (a reader still
// on an older snapshot) is not an error: the next round completes it.
func (c *checkpointer) checkpoint(mode string) (bool, error) {
	var busy, logged, copied int
	err := c.db.QueryRowContext(context.Background(), "PRAGMA wal_checkpoint("+mode+")").Scan(&busy, &logged, &copied)
	if se := (*sqlite.Error)(nil); errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY {
		return false, nil
	}
	return err == nil && busy == 0, err
}

// close waits for a round under way and stops; the caller's final
// checkpoint (Close) then has the log to itself.
func (c *checkpointer) close() error {
	close(c.kick)
	<-c.done
	return c.db.Close()
}

// logPages is how many pages conn wrote to the log since the last call
// (SQLite's count of the page cache's writes, reset on reading).
func logPages(conn *sql.Conn) int {
	n := 0
	_ = conn.Raw(func(dc any) error {
		if st, ok := dc.(sqlite.DBStatus); ok {
			n, _, _ = st.Status(sqlite.DBStatusCacheWrite, true)
		}
		return nil
	})
	return n
}
