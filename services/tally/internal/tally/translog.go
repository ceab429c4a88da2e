package tally

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// Log is the tamper-evident side of the tally: the signer of the elections'
// checkpoints, the checkpoints it published (and a loop that publishes
// them as the logs grow), and the proofs and entries read from the hashes
// the store keeps. The Service builds the leaves and has the store append
// them with each change (see log.go); the Log only reads and signs.
type Log struct {
	store  Store
	signer note.Signer
	vkey   string
	// known returns ErrNotFound for an election the tally does not know;
	// ids lists those it knows.
	known func(election string) error
	ids   func() []string
	warn  *slog.Logger

	mu   sync.Mutex
	logs map[string]*logState

	stop context.CancelFunc
	done chan struct{}

	// presign signs the sizes published views include (presign.go).
	presign     *presigner
	stopPresign context.CancelFunc
	presigned   chan struct{}
}

// newLog makes the Log of a Service; every is how often it publishes
// checkpoints (never when not positive) until ctx ends or close.
func newLog(ctx context.Context, store Store, key string, known func(string) error, ids func() []string, warn *slog.Logger, every time.Duration) (*Log, error) {
	sg, vkey, err := tallylog.NewSigner(key)
	if err != nil {
		return nil, err
	}
	l := &Log{store: store, signer: sg, vkey: vkey, known: known, ids: ids, warn: warn, logs: map[string]*logState{}}
	if every > 0 {
		pctx, stop := context.WithCancel(ctx)
		l.stop, l.done = stop, make(chan struct{})
		go l.publishLoop(pctx, every)
	}
	return l, nil
}

// close stops the publishing loop and the signer and waits for them.
func (l *Log) close() {
	if l.stop != nil {
		l.stop()
		<-l.done
	}
	if l.stopPresign != nil {
		l.stopPresign()
		<-l.presigned
	}
}

// startPresign runs the signer of published sizes until ctx ends or close.
func (l *Log) startPresign(ctx context.Context, p *presigner) {
	pctx, stop := context.WithCancel(ctx)
	l.presign, l.stopPresign, l.presigned = p, stop, make(chan struct{})
	go func() {
		defer close(l.presigned)
		p.run(pctx, l)
	}()
}

// logState is what the Log remembers of an election's log: the
// checkpoint it published last, and the few it signed recently.
type logState struct {
	mu        sync.Mutex
	published *tallylog.Checkpoint
	recent    []tallylog.Checkpoint // most recent last
}

const recentCheckpoints = 8

func (l *Log) logOf(election string) *logState {
	l.mu.Lock()
	defer l.mu.Unlock()
	ls := l.logs[election]
	if ls == nil {
		ls = &logState{}
		l.logs[election] = ls
	}
	return ls
}

// LogVerifierKey is the note verifier key of the tally's log signer
// ("name+hash+key"), which checkpoints are checked with.
func (l *Log) LogVerifierKey() string { return l.vkey }

func (l *Log) hashes(ctx context.Context, election string) tlog.HashReader {
	return tlog.HashReaderFunc(func(idx []int64) ([]tlog.Hash, error) {
		return l.store.ReadHashes(ctx, election, idx)
	})
}

// LogSize returns the number of leaves of an election's log.
func (l *Log) LogSize(ctx context.Context, election string) (int64, error) {
	if err := l.known(election); err != nil {
		return 0, err
	}
	h, err := l.store.LogHead(ctx, election)
	return h.Size, err
}

// Checkpoint returns the signed checkpoint of the first size leaves of an
// election's log. Size 0 means the whole log as it is now (a checkpoint
// made on demand); beyond the log is a FieldError (OUT_OF_RANGE).
func (l *Log) Checkpoint(ctx context.Context, election string, size int64) (tallylog.Checkpoint, error) {
	if err := l.known(election); err != nil {
		return tallylog.Checkpoint{}, err
	}
	if size < 0 {
		return tallylog.Checkpoint{}, fieldErr("tree_size", "OUT_OF_RANGE", "tree size must not be negative")
	}
	h, err := l.store.LogHead(ctx, election)
	if err != nil {
		return tallylog.Checkpoint{}, err
	}
	switch {
	case h.Size == 0:
		return tallylog.Checkpoint{}, NewStateError(ErrLogEmpty, election, "the election's log is empty (it was defined before the log existed)")
	case size == 0:
		size = h.Size
	case size > h.Size:
		return tallylog.Checkpoint{}, fieldErr("tree_size", "OUT_OF_RANGE", "the log has %d entries, fewer than %d", h.Size, size)
	}
	return l.checkpointAt(ctx, election, size)
}

// checkpointAt signs the checkpoint of size leaves, which the store has.
// A signature is deterministic (Ed25519), so signing a size again gives
// the same checkpoint; the last few are kept to spare the reads.
func (l *Log) checkpointAt(ctx context.Context, election string, size int64) (tallylog.Checkpoint, error) {
	ls := l.logOf(election)
	ls.mu.Lock()
	for _, c := range ls.recent {
		if c.Size == size {
			ls.mu.Unlock()
			return c, nil
		}
	}
	ls.mu.Unlock()
	root, err := tlog.TreeHash(size, l.hashes(ctx, election))
	if err != nil {
		return tallylog.Checkpoint{}, fmt.Errorf("tree hash of %s at %d: %w", election, size, err)
	}
	c, err := tallylog.SignCheckpoint(l.signer, election, size, root)
	if err != nil {
		return tallylog.Checkpoint{}, err
	}
	ls.mu.Lock()
	if len(ls.recent) == recentCheckpoints {
		ls.recent = slices.Delete(ls.recent, 0, 1)
	}
	ls.recent = append(ls.recent, c)
	ls.mu.Unlock()
	return c, nil
}

// PublishedCheckpoint returns the checkpoint published last (the poll
// publishes one every ServiceOptions.CheckpointEvery when the log grew),
// publishing one now when there is none yet.
func (l *Log) PublishedCheckpoint(ctx context.Context, election string) (tallylog.Checkpoint, error) {
	if err := l.known(election); err != nil {
		return tallylog.Checkpoint{}, err
	}
	ls := l.logOf(election)
	ls.mu.Lock()
	p := ls.published
	ls.mu.Unlock()
	if p != nil {
		return *p, nil
	}
	return l.publish(ctx, election)
}

// LatestPublished returns the last published checkpoint of an election,
// if there is one, without making one.
func (l *Log) LatestPublished(election string) (tallylog.Checkpoint, bool) {
	return l.published(election)
}

// TotalsCheckpoint returns the checkpoint of exactly the changes totals
// include (Totals.LogSize); false when no logged change is among them.
func (l *Log) TotalsCheckpoint(ctx context.Context, t Totals) (tallylog.Checkpoint, bool, error) {
	if t.LogSize == 0 {
		return tallylog.Checkpoint{}, false, nil
	}
	l.presign.read()
	c, err := l.checkpointAt(ctx, t.Election, t.LogSize)
	return c, err == nil, err
}

// published returns the last published checkpoint, if any, without
// making one.
func (l *Log) published(election string) (tallylog.Checkpoint, bool) {
	ls := l.logOf(election)
	ls.mu.Lock()
	defer ls.mu.Unlock()
	if ls.published == nil {
		return tallylog.Checkpoint{}, false
	}
	return *ls.published, true
}

// publish signs the whole log and makes it the published checkpoint.
func (l *Log) publish(ctx context.Context, election string) (tallylog.Checkpoint, error) {
	c, err := l.Checkpoint(ctx, election, 0)
	if err != nil {
		return c, err
	}
	ls := l.logOf(election)
	ls.mu.Lock()
	defer ls.mu.Unlock()
	if ls.published == nil || ls.published.Size < c.Size {
		ls.published = &c
	}
	return *ls.published, nil
}

// PublishCheckpoints publishes a checkpoint of every election whose log
// grew since its last one. The Service has its Log do it every CheckpointEvery.
func (l *Log) PublishCheckpoints(ctx context.Context) error {
	ids := l.ids()
	var errs []error
	for _, id := range ids {
		h, err := l.store.LogHead(ctx, id)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if p, ok := l.published(id); h.Size == 0 || ok && p.Size >= h.Size {
			continue
		}
		if _, err := l.publish(ctx, id); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// publishLoop runs PublishCheckpoints every interval until ctx ends.
func (l *Log) publishLoop(ctx context.Context, every time.Duration) {
	defer close(l.done)
	t := time.NewTicker(every)
	defer t.Stop()
	failing := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		err := l.PublishCheckpoints(ctx)
		if ctx.Err() != nil {
			return
		}
		if err != nil && !failing {
			l.warn.Warn("tally: cannot publish checkpoints", "err", err)
		}
		failing = err != nil
	}
}

// InclusionProof proves that leaf index is in the tree of size leaves.
func (l *Log) InclusionProof(ctx context.Context, election string, index, size int64) (tlog.RecordProof, tlog.Hash, error) {
	if err := l.known(election); err != nil {
		return nil, tlog.Hash{}, err
	}
	h, err := l.store.LogHead(ctx, election)
	if err != nil {
		return nil, tlog.Hash{}, err
	}
	switch {
	case size <= 0 || size > h.Size:
		return nil, tlog.Hash{}, fieldErr("tree_size", "OUT_OF_RANGE", "tree size must be between 1 and the log's size, %d", h.Size)
	case index < 0 || index >= size:
		return nil, tlog.Hash{}, fieldErr("leaf_index", "OUT_OF_RANGE", "leaf index must be below the tree size, %d", size)
	}
	r := l.hashes(ctx, election)
	p, err := tlog.ProveRecord(size, index, r)
	if err != nil {
		return nil, tlog.Hash{}, err
	}
	lh, err := r.ReadHashes([]int64{tlog.StoredHashIndex(0, index)})
	if err != nil {
		return nil, tlog.Hash{}, err
	}
	return p, lh[0], nil
}

// ConsistencyProof proves that the tree of older leaves is a prefix of the
// tree of newer leaves.
func (l *Log) ConsistencyProof(ctx context.Context, election string, older, newer int64) (tlog.TreeProof, error) {
	if err := l.known(election); err != nil {
		return nil, err
	}
	h, err := l.store.LogHead(ctx, election)
	if err != nil {
		return nil, err
	}
	switch {
	case newer <= 0 || newer > h.Size:
		return nil, fieldErr("second_tree_size", "OUT_OF_RANGE", "tree size must be between 1 and the log's size, %d", h.Size)
	case older <= 0 || older > newer:
		return nil, fieldErr("first_tree_size", "OUT_OF_RANGE", "the first tree size must be between 1 and the second, %d", newer)
	}
	return tlog.ProveTree(newer, older, l.hashes(ctx, election))
}

// LogEntry is one leaf of a log.
type LogEntry struct {
	Index int64
	Leaf  []byte
}

// maxLogPage bounds one page of leaves.
const maxLogPage = 1000

// LogEntries returns up to limit leaves (default and most 1000) from index
// from on, and the index to read from next (0 at the end of the log).
func (l *Log) LogEntries(ctx context.Context, election string, from int64, limit int) ([]LogEntry, int64, error) {
	if err := l.known(election); err != nil {
		return nil, 0, err
	}
	if from < 0 {
		return nil, 0, fieldErr("page_token", "OUT_OF_RANGE", "index must not be negative")
	}
	if limit <= 0 || limit > maxLogPage {
		limit = maxLogPage
	}
	h, err := l.store.LogHead(ctx, election)
	if err != nil {
		return nil, 0, err
	}
	to := min(h.Size, from+int64(limit))
	var out []LogEntry
	err = l.store.ReadLeaves(ctx, election, from, to, func(i int64, leaf []byte) error {
		out = append(out, LogEntry{Index: i, Leaf: leaf})
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	next := int64(0)
	if to < h.Size {
		next = to
	}
	return out, next, nil
}

// leafHashes reads the record hashes of leaves.
func (l *Log) leafHashes(ctx context.Context, election string, indexes []int64) ([]tlog.Hash, error) {
	idx := make([]int64, len(indexes))
	for i, x := range indexes {
		idx[i] = tlog.StoredHashIndex(0, x)
	}
	return l.store.ReadHashes(ctx, election, idx)
}
