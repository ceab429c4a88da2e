// Package importer reads per-station protocol files (CSV, plain or gzip)
// through a definition.CSVMapping and hands the rows, as tally units and
// submissions, to a Sink in large batches: the tally service in-process, or a
// client streaming to the tally service.
package importer

import (
	"bufio"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/mandate-project/mandate/services/tally/definition"
	"github.com/mandate-project/mandate/services/tally/form"
)

// Sink receives what the importer reads: the tally service in-process (see
// the tests) or a client streaming to it (tallyclient).
type Sink interface {
	// AddUnits adds units; units that exist identically are skipped.
	AddUnits(ctx context.Context, election string, units []form.Unit) (int, error)
	// Import submits a batch and returns one result per submission.
	Import(ctx context.Context, subs []form.Submission) ([]Result, error)
}

// Result is the outcome of one submission: accepted, replayed (the same
// request was accepted before, nothing new counted) or rejected with Err.
type Result struct {
	Replayed bool
	Err      error
}

// Options tune a run; the zero value is sensible.
type Options struct {
	// BatchSize is the number of rows per Import call (default 5,000).
	// The first calls are smaller (firstBatch rows, doubling up to it), so
	// the store starts while the rest of the file is read.
	BatchSize int
	// Progress, when set, is called after every batch.
	Progress func(Progress)
}

// Progress counts rows so far.
type Progress struct {
	Rows, Accepted, Replayed, Rejected, UnitsAdded int
}

// Rejected is a row that was not stored, with the reason.
type Rejected struct {
	Line    int // line number in the file (the header is line 1)
	Station string
	Err     error
}

func (r Rejected) String() string {
	return fmt.Sprintf("line %d (station %s): %v", r.Line, r.Station, r.Err)
}

// Report is the outcome of a run.
type Report struct {
	Progress
	Rejections []Rejected
}

// Open opens a file for Run, decompressing it when it is gzip.
func Open(name string) (io.ReadCloser, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(f, 1<<16)
	magic, _ := br.Peek(2)
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			f.Close()
			return nil, err
		}
		return readCloser{gz, func() error { gz.Close(); return f.Close() }}, nil
	}
	return readCloser{br, f.Close}, nil
}

type readCloser struct {
	io.Reader
	close func() error
}

func (r readCloser) Close() error { return r.close() }

// columns resolves the mapping against the header.
type columns struct {
	levels     []int
	levelNames []int
	station    int
	stName     int
	registered int
	// cols are the form's lines, then its choices, each sorted by ID:
	// the canonical row columns (form.Compiled.RowColumns), in which a
	// row is logged without them. csv and names are each one's CSV column
	// and header name.
	cols  *form.Columns
	csv   []int
	names []string
	// last is, per level, the ID the row before gave: consecutive rows
	// mostly share their region and district, and a hash rule costs a
	// SHA-256 per level per row (13 % of the CLI's CPU in the RU import).
	last []lastID
}

// lastID is an ID rule's result for one parent and value.
type lastID struct {
	parent, value, id string
}

// levelID is UnitID for level i, reusing the previous row's result when
// the parent and value are the same (the rules are pure functions of them).
func (c *columns) levelID(i int, lm definition.LevelMapping, parent, value string) (string, error) {
	if l := &c.last[i]; l.id != "" && l.parent == parent && l.value == value {
		return l.id, nil
	}
	id, err := UnitID(lm.ID, lm.Prefix, parent, value)
	if err != nil {
		return "", err
	}
	c.last[i] = lastID{parent: parent, value: value, id: id}
	return id, nil
}

func resolve(header []string, m *definition.CSVMapping, contest form.Contest) (*columns, error) {
	idx := map[string]int{}
	for i, h := range header {
		idx[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	col := func(name string) (int, error) {
		i, ok := idx[name]
		if !ok {
			return 0, fmt.Errorf("column %q is not in the header", name)
		}
		return i, nil
	}
	c := &columns{registered: -1}
	var err error
	if c.station, err = col(m.Station.Column); err != nil {
		return nil, err
	}
	if c.stName, err = col(m.Station.NameColumn); err != nil {
		return nil, err
	}
	if m.Station.RegisteredColumn != "" {
		if c.registered, err = col(m.Station.RegisteredColumn); err != nil {
			return nil, err
		}
	}
	for _, l := range m.Levels {
		i, err := col(l.Column)
		if err != nil {
			return nil, err
		}
		n, err := col(l.NameColumn)
		if err != nil {
			return nil, err
		}
		c.levels, c.levelNames = append(c.levels, i), append(c.levelNames, n)
	}
	c.last = make([]lastID, len(m.Levels))
	var lines, votes []int
	var lineIDs, choiceIDs []string
	for _, l := range contest.Form.Lines {
		i, err := col(m.Lines[l.ID])
		if err != nil {
			return nil, fmt.Errorf("line %s: %w", l.ID, err)
		}
		lines, lineIDs = append(lines, i), append(lineIDs, l.ID)
	}
	for _, ch := range contest.Choices {
		i, err := col(m.Votes[ch.ID])
		if err != nil {
			return nil, fmt.Errorf("choice %s: %w", ch.ID, err)
		}
		votes, choiceIDs = append(votes, i), append(choiceIDs, ch.ID)
	}
	c.cols = &form.Columns{}
	for _, part := range []struct {
		ids   []string
		csv   []int
		votes bool
		names map[string]string
	}{{lineIDs, lines, false, m.Lines}, {choiceIDs, votes, true, m.Votes}} {
		order := make([]int, len(part.ids))
		for k := range order {
			order[k] = k
		}
		slices.SortFunc(order, func(a, b int) int { return strings.Compare(part.ids[a], part.ids[b]) })
		for _, k := range order {
			c.cols.IDs, c.cols.Votes = append(c.cols.IDs, part.ids[k]), append(c.cols.Votes, part.votes)
			c.csv, c.names = append(c.csv, part.csv[k]), append(c.names, part.names[part.ids[k]])
		}
	}
	return c, nil
}

// UnitID applies an ID rule to a CSV value under a parent unit.
func UnitID(rule definition.IDRule, prefix, parent, value string) (string, error) {
	var id string
	switch rule {
	case definition.IDVerbatim:
		id = prefix + value
	case definition.IDSlug:
		var b strings.Builder
		dash := false
		for _, r := range strings.ToLower(value) {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				b.WriteRune(r)
				dash = false
			} else if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
		id = prefix + strings.TrimSuffix(b.String(), "-")
	case definition.IDHash:
		h := sha256.Sum256([]byte(parent + "\x1f" + value))
		id = prefix + hex.EncodeToString(h[:5])
	case definition.IDLeadingNumber:
		j := 0
		for j < len(value) && value[j] >= '0' && value[j] <= '9' {
			j++
		}
		if j == 0 {
			return "", fmt.Errorf("value %q does not start with a number", value)
		}
		id = prefix + value[:j]
	default:
		return "", fmt.Errorf("unknown ID rule %q", rule)
	}
	if !form.IsValidUnitID(id) {
		return "", fmt.Errorf("value %q gives the invalid unit ID %q", value, id)
	}
	return id, nil
}

// firstBatch is the size of the first Import call (see Options.BatchSize).
const firstBatch = 500

// Run reads a CSV file with a header row and imports every row as an
// original protocol of the mapping's contest. Rows that fail (bad number,
// broken relation, duplicate station...) are reported in Report.Rejections
// and do not stop the run; the error is for failures of the whole run.
func Run(ctx context.Context, r io.Reader, e form.Election, m *definition.CSVMapping, sink Sink, opts Options) (Report, error) {
	var rep Report
	if opts.BatchSize <= 0 {
		opts.BatchSize = 5_000
	}
	var contest form.Contest
	found := false
	for _, c := range e.Contests {
		if c.ID == m.Contest {
			contest, found = c, true
		}
	}
	if !found {
		return rep, fmt.Errorf("importer: contest %q is not in election %s", m.Contest, e.ID)
	}
	cr := csv.NewReader(r)
	cr.Comma = m.Delimiter
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return rep, fmt.Errorf("importer: header: %w", err)
	}
	cols, err := resolve(header, m, contest)
	if err != nil {
		return rep, fmt.Errorf("importer: %w", err)
	}
	known := map[string]form.Unit{}

	// Reading and checking rows overlaps with storing: one worker adds each
	// batch's units in order, then imports the batch with at most two imports
	// in flight, so the sink validates one batch while the store commits the
	// previous one.
	type batch struct {
		units []form.Unit
		subs  []form.Submission
		lines []int
	}
	work := make(chan batch, 1)
	var (
		sinkRep Report
		sinkErr error
		mu      sync.Mutex
	)
	setErr := func(err error) {
		mu.Lock()
		if sinkErr == nil {
			sinkErr = err
		}
		mu.Unlock()
	}
	failed := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return sinkErr != nil
	}
	// Units go ahead of the imports: a batch's units are added while the
	// batches before it are still importing, so the store never waits
	// for a units call between two imports.
	unitsDone := make(chan batch, 1)
	go func() {
		defer close(unitsDone)
		for b := range work {
			if failed() {
				continue
			}
			if len(b.units) > 0 {
				n, err := sink.AddUnits(ctx, e.ID, b.units)
				if err != nil {
					setErr(fmt.Errorf("importer: add units: %w", err))
					continue
				}
				mu.Lock()
				sinkRep.UnitsAdded += n
				mu.Unlock()
			}
			if len(b.subs) > 0 {
				unitsDone <- b
			}
		}
	}()
	done := make(chan struct{})
	go func() {
		defer close(done)
		var wg sync.WaitGroup
		sem := make(chan struct{}, 2)
		for b := range unitsDone {
			if failed() {
				continue
			}
			sem <- struct{}{}
			wg.Go(func() {
				defer func() { <-sem }()
				res, err := sink.Import(ctx, b.subs)
				if err == nil && len(res) != len(b.subs) {
					err = fmt.Errorf("sink returned %d results for %d rows", len(res), len(b.subs))
				}
				if err != nil {
					setErr(fmt.Errorf("importer: import: %w", err))
					return
				}
				mu.Lock()
				defer mu.Unlock()
				for i, r := range res {
					switch {
					case r.Err != nil:
						sinkRep.Rejected++
						sinkRep.Rejections = append(sinkRep.Rejections, Rejected{Line: b.lines[i], Station: b.subs[i].Station, Err: r.Err})
					case r.Replayed:
						sinkRep.Replayed++
					default:
						sinkRep.Accepted++
					}
				}
				if opts.Progress != nil {
					p := sinkRep.Progress
					p.Rows = sinkRep.Accepted + sinkRep.Replayed + sinkRep.Rejected
					opts.Progress(p)
				}
			})
		}
		wg.Wait()
	}()
	// The first batches ramp up: the store would otherwise sit idle while
	// the first full batch is read and checked (about 45 ms of the RU 2016
	// import's ~2.5 s, and its units call before it).
	limit := min(opts.BatchSize, firstBatch)
	cur := batch{subs: make([]form.Submission, 0, limit)}
	finish := func(err error) (Report, error) {
		if len(cur.subs) > 0 || len(cur.units) > 0 {
			work <- cur
		}
		close(work)
		<-done
		rep.Accepted, rep.Replayed, rep.UnitsAdded = sinkRep.Accepted, sinkRep.Replayed, sinkRep.UnitsAdded
		rep.Rejected += sinkRep.Rejected
		rep.Rejections = append(rep.Rejections, sinkRep.Rejections...)
		slices.SortStableFunc(rep.Rejections, func(a, b Rejected) int { return a.Line - b.Line })
		if err == nil {
			err = sinkErr
		}
		return rep, err
	}
	reject := func(line int, station string, err error) {
		rep.Rejected++
		rep.Rejections = append(rep.Rejections, Rejected{Line: line, Station: station, Err: err})
	}
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && !errors.Is(pe.Err, csv.ErrFieldCount) {
				return finish(fmt.Errorf("importer: %w", err))
			}
			rep.Rows++
			reject(line, "", err)
			continue
		}
		rep.Rows++
		if err := ctx.Err(); err != nil {
			return finish(err)
		}
		sub, rowUnits, err := row(rec, cols, m, e.ID, known)
		if err != nil {
			reject(line, sub.Station, err)
			continue
		}
		for _, u := range rowUnits {
			known[u.ID] = u
		}
		cur.units = append(cur.units, rowUnits...)
		cur.subs = append(cur.subs, sub)
		cur.lines = append(cur.lines, line)
		if len(cur.subs) >= limit {
			work <- cur
			limit = min(2*limit, opts.BatchSize)
			cur = batch{subs: make([]form.Submission, 0, limit)}
		}
	}
	return finish(nil)
}

// row turns one record into a submission and the units it introduces.
func row(rec []string, c *columns, m *definition.CSVMapping, election string, known map[string]form.Unit) (form.Submission, []form.Unit, error) {
	var sub form.Submission
	var units []form.Unit
	stationValue := strings.TrimSpace(rec[c.station])
	parent := m.Root
	if m.CreateUnits {
		for i, lm := range m.Levels {
			v := strings.TrimSpace(rec[c.levels[i]])
			id, err := c.levelID(i, lm, parent, v)
			if err != nil {
				return sub, nil, fmt.Errorf("%s: %w", lm.Column, err)
			}
			u := form.Unit{ID: id, Parent: parent, Name: strings.TrimSpace(rec[c.levelNames[i]]), Level: lm.Level}
			if err := addUnit(u, known, &units); err != nil {
				return sub, nil, err
			}
			parent = id
		}
	}
	station, err := UnitID(m.Station.ID, m.Station.Prefix, parent, stationValue)
	if err != nil {
		return sub, nil, fmt.Errorf("%s: %w", m.Station.Column, err)
	}
	sub.Station = station
	if m.CreateUnits {
		u := form.Unit{ID: station, Parent: parent, Level: form.LevelStation,
			Name: m.Station.NamePrefix + strings.TrimSpace(rec[c.stName])}
		if c.registered >= 0 {
			if u.Registered, err = count(rec[c.registered], m.Station.RegisteredColumn); err != nil {
				return sub, nil, err
			}
		}
		if err := addUnit(u, known, &units); err != nil {
			return sub, nil, err
		}
	}
	sub.Election, sub.Contest, sub.Kind = election, m.Contest, form.Original
	sub.IdempotencyKey = m.KeyPrefix + "/" + m.Contest + "/" + station
	// The counts as a row of the canonical columns, not maps: they go
	// out as one (tallyclient's ProtocolRows) and are checked as one.
	sub.Cols, sub.Counts = c.cols, make([]int64, len(c.csv))
	for j, ci := range c.csv {
		if sub.Counts[j], err = count(rec[ci], c.names[j]); err != nil {
			return sub, nil, err
		}
	}
	return sub, units, nil
}

func addUnit(u form.Unit, known map[string]form.Unit, units *[]form.Unit) error {
	if k, ok := known[u.ID]; ok {
		if k != u {
			return fmt.Errorf("unit %s: this row gives it another parent, name or registered count than an earlier row", u.ID)
		}
		return nil
	}
	for _, p := range *units {
		if p.ID == u.ID && p != u {
			return fmt.Errorf("unit %s: conflicting rows", u.ID)
		}
	}
	*units = append(*units, u)
	return nil
}

func count(s, column string) (int64, error) {
	v, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("column %s: %q is not an integer", column, s)
	}
	return v, nil
}
