// Package verify checks an election's public export (package tallylog):
// that the log hashes to the signed checkpoint, that an earlier checkpoint
// is a prefix of it, that every published file says exactly what the log
// says (each total recomputed from the protocols), and that a paper
// protocol is in the log with exactly its numbers. It needs the standard
// library and golang.org/x/mod only, and works offline.
package verify

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// Status of a finding.
type Status int

const (
	// OK: the check passed.
	OK Status = iota
	// Mismatch: the export (or the paper protocol) disagrees with the log
	// or the signature; verification fails.
	Mismatch
	// Note: something to know that is neither (a key taken from the
	// export itself, a check that was skipped).
	Note
)

var statusWords = []string{"OK", "MISMATCH", "NOTE"}

func (s Status) String() string { return statusWords[s] }

// About is what a finding compares with the signed log, so that a report
// says which side disagrees.
type About int

const (
	// AboutExport: the export's own files.
	AboutExport About = iota
	// AboutPaper: a paper protocol an observer copied.
	AboutPaper
	// AboutServer: a live tally's current log.
	AboutServer
)

// verdicts is the summary line of each About when it has mismatches.
var verdicts = []string{
	AboutExport: "this export does not match its signed log",
	AboutPaper:  "the paper protocol does not match the signed log",
	AboutServer: "the server does not prove that its log extends this export",
}

// Finding is one line of a report.
type Finding struct {
	Status Status
	Text   string
	About  About
}

// Report is the outcome of a verification, in the order the checks ran.
type Report struct {
	Findings []Finding
	// Checkpoint is the export's checkpoint when its signature checked.
	Checkpoint *tallylog.Checkpoint
}

// OK reports whether no check found a mismatch.
func (r *Report) OK() bool { return r.Mismatches() == 0 }

// Mismatches counts the findings that are mismatches.
func (r *Report) Mismatches() int {
	n := 0
	for _, f := range r.Findings {
		if f.Status == Mismatch {
			n++
		}
	}
	return n
}

// MismatchesAbout counts the mismatches about one side.
func (r *Report) MismatchesAbout(a About) int {
	n := 0
	for _, f := range r.Findings {
		if f.Status == Mismatch && f.About == a {
			n++
		}
	}
	return n
}

// Add appends a finding about the export.
func (r *Report) Add(s Status, format string, args ...any) {
	r.AddAbout(AboutExport, s, format, args...)
}

// AddAbout appends a finding about a (a caller's own check, such as a
// server's proof).
func (r *Report) AddAbout(a About, s Status, format string, args ...any) {
	r.Findings = append(r.Findings, Finding{Status: s, Text: fmt.Sprintf(format, args...), About: a})
}

func (r *Report) add(s Status, format string, args ...any) { r.Add(s, format, args...) }

// WriteTo writes one line per finding ("OK       ...", "MISMATCH ...") and
// a summary line.
func (r *Report) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "%-8s %s\n", f.Status, f.Text)
	}
	if r.Mismatches() == 0 {
		b.WriteString("RESULT   everything checked matched\n")
	}
	// One verdict per side that disagrees: a paper protocol that differs
	// from a sound export is not a forged export.
	for a, verdict := range verdicts {
		n := r.MismatchesAbout(About(a))
		if n == 0 {
			continue
		}
		fmt.Fprintf(&b, "RESULT   %d %s: %s", n, plural(n, "mismatch", "mismatches"), verdict)
		if About(a) != AboutExport && r.MismatchesAbout(AboutExport) == 0 {
			b.WriteString(" (the export itself matches it)")
		}
		b.WriteString("\n")
	}
	k, err := io.WriteString(w, b.String())
	return int64(k), err
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// maxDetails bounds how many mismatches of one kind are listed one by one.
const maxDetails = 10

// Options are what a verification checks besides the export itself.
type Options struct {
	// Key is the tally's verifier key ("name+hash+key"), as the election
	// authority publishes it. Empty: the export's verifier.key is used, and
	// the report says that this proves only that the export is consistent
	// with itself.
	Key string
	// Previous is a checkpoint seen earlier (a signed note); the export's
	// log must extend it.
	Previous []byte
	// Paper is a paper protocol to find in the log with exactly its numbers.
	Paper *Paper
}

// Check verifies an export.
func Check(src Source, opts Options) *Report {
	r := &Report{}
	v := &verifier{r: r, src: src}
	keyed := v.key(opts.Key)
	v.extra()
	if !keyed || !v.checkpoint() {
		return r
	}
	rp := v.newReplay()
	if !v.leaves(opts.Previous, rp) {
		return r
	}
	if opts.Previous != nil {
		v.previous(opts.Previous)
	}
	x := rp.finish()
	if x == nil {
		return r
	}
	v.files(x)
	if opts.Paper != nil {
		v.paper(x, *opts.Paper)
	}
	return r
}

type verifier struct {
	r   *Report
	src Source

	v  note.Verifier
	cp tallylog.Checkpoint
	// rd reads the leaves in order; it keeps the definition, which gives
	// the columns of a format 4 row (tallylog.BodyProtocolRow).
	rd tallylog.Reader
	// rootAt is the root of the tree of the first prevSize leaves.
	prevSize int64
	rootAt   tlog.Hash
}

func (v *verifier) read(name string) ([]byte, bool) {
	f, ok := v.open(name)
	if !ok {
		return nil, false
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		v.r.add(Mismatch, "%s: cannot read it: %v", name, err)
		return nil, false
	}
	return b, true
}

// open opens a file of the export, to read as a stream.
func (v *verifier) open(name string) (io.ReadCloser, bool) {
	f, err := v.src.Open(name)
	switch {
	case missing(err):
		v.r.add(Mismatch, "%s: the export has no such file", name)
		return nil, false
	case err != nil:
		v.r.add(Mismatch, "%s: cannot read it: %v", name, err)
		return nil, false
	}
	return f, true
}

// extra refuses every file that is not one of an export's: nothing in it
// is covered by the signature, and a reader of the archive could take it
// for part of the results.
func (v *verifier) extra() {
	names, err := v.src.Names()
	if err != nil {
		v.r.add(Mismatch, "export: cannot list its files: %v", err)
		return
	}
	n := 0
	for _, name := range names {
		if !slices.Contains(tallylog.Files, name) {
			v.r.add(Mismatch, "%s: not a file of an export (an export holds exactly %s); nothing vouches for it", name, strings.Join(tallylog.Files, ", "))
			n++
		}
	}
	if n == 0 {
		v.r.add(OK, "export: holds exactly the files of an export, nothing else")
	}
}

// key decides the verifier key.
func (v *verifier) key(given string) bool {
	exported, ok := v.read(tallylog.FileKey)
	inExport := strings.TrimSpace(string(exported))
	if ok && string(exported) != inExport+"\n" {
		v.r.add(Mismatch, "%s: not one key on one line", tallylog.FileKey)
	}
	k := strings.TrimSpace(given)
	switch {
	case k == "" && !ok:
		return false
	case k == "":
		k = inExport
		v.r.add(Note, "key: none given, so the export's own key %s was used; this shows the export is consistent with itself, "+
			"and proves it comes from the tally only if this is the key the election authority publishes", k)
	case ok && inExport != k:
		v.r.add(Mismatch, "%s: the export names key %s, not the key given (%s)", tallylog.FileKey, inExport, k)
	}
	nv, err := note.NewVerifier(k)
	if err != nil {
		v.r.add(Mismatch, "key: %q is not a verifier key: %v", k, err)
		return false
	}
	v.v = nv
	return true
}

// checkpoint opens the signed checkpoint.
func (v *verifier) checkpoint() bool {
	b, ok := v.read(tallylog.FileCheckpoint)
	if !ok {
		return false
	}
	cp, err := tallylog.OpenCheckpoint(b, v.v)
	if err != nil {
		v.r.add(Mismatch, "%s: the signature does not check with key %s+%08x: %v", tallylog.FileCheckpoint, v.v.Name(), v.v.KeyHash(), err)
		return false
	}
	v.cp = cp
	v.r.Checkpoint = &cp
	v.r.add(OK, "%s: signed by %s+%08x: election %s, %d log entries, root %s", tallylog.FileCheckpoint,
		v.v.Name(), v.v.KeyHash(), cp.Election, cp.Size, base64.StdEncoding.EncodeToString(cp.Root[:]))
	return true
}

// leaves reads and hashes the log, and checks every entry's envelope; it
// hands each entry to rp as it goes, so that no entry is kept.
func (v *verifier) leaves(previous []byte, rp *replay) bool {
	f, ok := v.open(tallylog.FileLeaves)
	if !ok {
		return false
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<16)
	if previous != nil {
		if c, err := tallylog.OpenCheckpoint(previous, v.v); err == nil {
			v.prevSize = c.Size
		}
	}
	e := &tallylog.Edge{}
	bad := 0
	mismatch := func(format string, args ...any) {
		if bad++; bad <= maxDetails {
			v.r.add(Mismatch, format, args...)
		}
	}
	var i int64 // the line, and at the end the entries read
	for ; ; i++ {
		line, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			// A line longer than the buffer: a leaf with an election's
			// definition can be.
			long := bytes.Clone(line)
			for errors.Is(err, bufio.ErrBufferFull) {
				line, err = br.ReadSlice('\n')
				long = append(long, line...)
			}
			line = long
		}
		switch {
		case errors.Is(err, io.EOF) && len(line) == 0:
		case errors.Is(err, io.EOF):
			mismatch("%s: the last line does not end with a newline", tallylog.FileLeaves)
		case err != nil:
			mismatch("%s: cannot read it: %v", tallylog.FileLeaves, err)
		}
		if len(line) == 0 || (err != nil && !errors.Is(err, io.EOF)) {
			break
		}
		line = bytes.TrimSuffix(line, []byte{'\n'})
		leaf, err := base64.StdEncoding.Strict().DecodeString(string(line))
		if err == nil && base64.StdEncoding.EncodeToString(leaf) != string(line) {
			err = fmt.Errorf("not in canonical base64")
		}
		if err != nil {
			mismatch("%s line %d: not a base64 leaf: %v", tallylog.FileLeaves, i+1, err)
		}
		e.Append(leaf)
		if e.Size() == v.prevSize {
			v.rootAt = e.Root()
		}
		ent, body, err := v.rd.Parse(leaf)
		switch {
		case err != nil:
			mismatch("%s line %d: entry %d is not a log entry: %v", tallylog.FileLeaves, i+1, i, err)
		case ent.Sequence != i:
			mismatch("%s line %d: entry %d says it is entry %d", tallylog.FileLeaves, i+1, i, ent.Sequence)
		case ent.Election != v.cp.Election:
			mismatch("%s line %d: entry %d is of election %q, not %q", tallylog.FileLeaves, i+1, i, ent.Election, v.cp.Election)
		case bad == 0:
			// The replay counts only when every leaf is sound.
			rp.step(int(i), ent, body)
		}
	}
	n := i
	if bad > maxDetails {
		v.r.add(Mismatch, "%s: %d more such entries", tallylog.FileLeaves, bad-maxDetails)
	}
	switch {
	case n != v.cp.Size:
		v.r.add(Mismatch, "%s: %d entries, but the checkpoint is of %d", tallylog.FileLeaves, n, v.cp.Size)
		return false
	case e.Root() != v.cp.Root:
		v.r.add(Mismatch, "%s: the %d entries do not hash to the checkpoint's root: some entry was changed, removed, added or moved",
			tallylog.FileLeaves, n)
		return false
	case bad > 0:
		return false
	}
	v.r.add(OK, "%s: the %d entries hash to the checkpoint's root (RFC 6962), numbered 0 to %d in order", tallylog.FileLeaves, n, n-1)
	return true
}

// previous checks that an earlier checkpoint is a prefix of this log.
func (v *verifier) previous(msg []byte) {
	c, err := tallylog.OpenCheckpoint(msg, v.v)
	switch {
	case err != nil:
		v.r.add(Mismatch, "previous checkpoint: does not check with key %s+%08x: %v", v.v.Name(), v.v.KeyHash(), err)
	case c.Election != v.cp.Election:
		v.r.add(Mismatch, "previous checkpoint: of election %s, not %s", c.Election, v.cp.Election)
	case c.Size > v.cp.Size:
		v.r.add(Mismatch, "previous checkpoint: of %d entries, more than this log's %d: this export is older, or the log was cut", c.Size, v.cp.Size)
	case c.Size == 0 && c.Root == (tlog.Hash{}):
		v.r.add(OK, "previous checkpoint: of the empty log")
	case v.rootAt != c.Root:
		v.r.add(Mismatch, "previous checkpoint: its %d entries are not the first %d of this log: the log was rewritten after it was signed", c.Size, c.Size)
	default:
		v.r.add(OK, "previous checkpoint: its %d entries are the first %d of this log, unchanged", c.Size, c.Size)
	}
}

// files compares each published file with what the log says.
func (v *verifier) files(x *tallylog.Export) {
	cur, all := current(x)
	// What each file's OK says; the files are the archive's own list.
	what := map[string]string{
		tallylog.FileProtocols: fmt.Sprintf("%d protocol versions (%d current, %d superseded)", all, cur, all-cur),
		tallylog.FileTotals: fmt.Sprintf("the totals of %d units in %d %s, recomputed from the current protocols,", len(x.Totals)/max(1, len(x.Election.Contests)),
			len(x.Election.Contests), plural(len(x.Election.Contests), "contest", "contests")),
		tallylog.FileNIST: "the NIST SP 1500-100 results of every reporting unit",
	}
	for _, f := range x.Renderings() {
		got, ok := v.open(f.Name)
		if !ok {
			continue
		}
		c := newLineCompare(got)
		err := f.Write(c)
		if err == nil {
			c.finish()
			err = c.gotErr
			if err != nil {
				err = fmt.Errorf("reading the export's file: %w", err)
			}
		}
		got.Close()
		switch {
		case err != nil:
			v.r.add(Mismatch, "%s: the log cannot be rendered as this file: %v", f.Name, err)
		case c.same:
			v.r.add(OK, "%s: %s match the log", f.Name, what[f.Name])
		default:
			v.diff(f.Name, c)
		}
	}
}

func current(x *tallylog.Export) (cur, all int) {
	x.EachProtocol(func(p tallylog.ProtocolRow) error {
		all++
		if p.Current {
			cur++
		}
		return nil
	})
	return cur, all
}

// diff reports the lines of a file that differ from what the log gives.
func (v *verifier) diff(name string, c *lineCompare) {
	for _, d := range c.diffs {
		v.r.add(Mismatch, "%s line %d: the export has %s; the log gives %s", name, d.line, quote(d.got), quote(d.want))
	}
	if c.nGot != c.nWant {
		v.r.add(Mismatch, "%s: %d lines, the log gives %d", name, c.nGot, c.nWant)
	}
	if len(c.diffs) == 0 && c.nGot == c.nWant {
		v.r.add(Mismatch, "%s: differs from what the log gives", name)
	}
}

func quote(s string) string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return "nothing"
	}
	if len(s) > 160 {
		s = s[:160] + "..."
	}
	return strconv.Quote(s)
}

// state is the election as the log builds it.
type state struct {
	def      *tallylog.Election
	contests map[string]tallylog.Contest
	units    map[string]tallylog.Unit
	order    []string // unit IDs as added
	phases   map[string]string
	// cur is the row of each (contest, station)'s current protocol, and
	// vers its version.
	cur  map[[2]string]int
	vers map[[2]string]int
}

// replay rebuilds the election from the log's entries, one at a time as
// the leaves are read, checking that each is a change the tally could
// have accepted. Its findings come after the leaves' (and the previous
// checkpoint's), as the order of the checks goes.
type replay struct {
	v      *verifier
	found  Report // findings, until finish adds them to the report
	st     *state
	x      *tallylog.Export
	bad    int
	counts map[string]int
	done   bool // the log cannot be replayed further
	// rows are the protocol versions, their counts kept compact: as maps,
	// a national election's are gigabytes.
	rows []protoRow
	// contests are the definition's, for the rows to point at.
	contests map[string]*tallylog.Contest
}

// protoRow is a protocol version whose counts, when they are exactly the
// contest's lines and choices, are a vector in the form's order instead
// of maps (Lines and Votes nil).
type protoRow struct {
	tallylog.ProtocolRow
	c      *tallylog.Contest
	counts []int64
}

func compactRow(c *tallylog.Contest, r tallylog.ProtocolRow) protoRow {
	if c == nil || len(r.Lines) != len(c.Lines) || len(r.Votes) != len(c.Choices) {
		return protoRow{ProtocolRow: r}
	}
	counts := make([]int64, 0, len(c.Lines)+len(c.Choices))
	for _, l := range c.Lines {
		n, ok := r.Lines[l.ID]
		if !ok {
			return protoRow{ProtocolRow: r}
		}
		counts = append(counts, n)
	}
	for _, ch := range c.Choices {
		n, ok := r.Votes[ch.ID]
		if !ok {
			return protoRow{ProtocolRow: r}
		}
		counts = append(counts, n)
	}
	r.Lines, r.Votes = nil, nil
	return protoRow{ProtocolRow: r, c: c, counts: counts}
}

// row is the version with its counts as maps again.
func (p *protoRow) row() tallylog.ProtocolRow {
	r := p.ProtocolRow
	if p.c == nil {
		return r
	}
	r.Lines = make(map[string]int64, len(p.c.Lines))
	r.Votes = make(map[string]int64, len(p.c.Choices))
	for i, l := range p.c.Lines {
		r.Lines[l.ID] = p.counts[i]
	}
	for i, ch := range p.c.Choices {
		r.Votes[ch.ID] = p.counts[len(p.c.Lines)+i]
	}
	return r
}

func (v *verifier) newReplay() *replay {
	return &replay{v: v, counts: map[string]int{},
		st: &state{contests: map[string]tallylog.Contest{}, units: map[string]tallylog.Unit{},
			phases: map[string]string{}, cur: map[[2]string]int{}, vers: map[[2]string]int{}},
		x: &tallylog.Export{Phases: map[string]string{}}}
}

func (rp *replay) mismatch(i int, format string, args ...any) {
	if rp.bad++; rp.bad <= maxDetails {
		rp.found.add(Mismatch, "log entry %d: "+format, append([]any{i}, args...)...)
	}
}

// step replays entry i, whose body (after the envelope) is body.
func (rp *replay) step(i int, e tallylog.Entry, body []byte) {
	if rp.done {
		return
	}
	st, x := rp.st, rp.x
	rp.counts[e.Kind]++
	x.GeneratedAt = e.Time
	if i == 0 && e.Kind != tallylog.KindElection {
		rp.mismatch(i, "the log does not start with the election's definition")
		rp.done = true
		return
	}
	switch e.Kind {
	case tallylog.KindElection:
		if st.def != nil || e.Definition == nil {
			rp.mismatch(i, "a second definition, or none")
			return
		}
		st.def = e.Definition
		rp.contests = map[string]*tallylog.Contest{}
		for i, c := range e.Definition.Contests {
			st.contests[c.ID] = c
			st.phases[c.ID] = "COUNTING"
			rp.contests[c.ID] = &e.Definition.Contests[i]
		}
		st.addUnits(e.Units, func(f string, a ...any) { rp.mismatch(i, f, a...) })
	case tallylog.KindUnits:
		st.addUnits(e.Units, func(f string, a ...any) { rp.mismatch(i, f, a...) })
		if tallylog.ChangesResults(e) {
			x.ResultsVersion++
		}
	case tallylog.KindPhase:
		if _, ok := st.contests[e.Contest]; !ok {
			rp.mismatch(i, "a phase change of unknown contest %q", e.Contest)
			return
		}
		switch e.Phase {
		case "CERTIFIED", "RECOUNT", "CORRECTION":
		default:
			rp.mismatch(i, "unknown phase %q", e.Phase)
		}
		if st.phases[e.Contest] == e.Phase {
			rp.mismatch(i, "contest %s moved to the phase it was in, %s", e.Contest, e.Phase)
		}
		st.phases[e.Contest] = e.Phase
		x.ResultsVersion++
	case tallylog.KindProtocol:
		if msg := st.accepts(e); msg != "" {
			rp.mismatch(i, "%s", msg)
			return
		}
		if msg := rp.v.bodyDiffers(e, body); msg != "" {
			rp.mismatch(i, "%s", msg)
		}
		x.ResultsVersion++
		k := [2]string{e.Contest, e.Station}
		if j, ok := st.cur[k]; ok {
			rp.rows[j].Current = false
		}
		st.cur[k], st.vers[k] = len(rp.rows), e.Version
		rp.rows = append(rp.rows, compactRow(rp.contests[e.Contest], tallylog.ProtocolRow{LeafIndex: int64(i), ResultsVersion: x.ResultsVersion,
			Contest: e.Contest, Station: e.Station, Version: e.Version, Kind: e.ProtocolKind, Current: true,
			AcceptedAt: e.Time, Submitter: e.Submitter, RequestID: e.RequestID, Reason: e.Reason,
			Warnings: e.Warnings, Lines: e.Lines, Votes: e.Votes}))
	case tallylog.KindRejection:
		if e.Rejection == nil || e.Rejection.Reason == "" {
			rp.mismatch(i, "a rejection without its reason")
		}
		if len(body) > 0 {
			if msg := rp.v.bodyDiffers(e, body); msg != "" {
				rp.mismatch(i, "%s", msg)
			}
		}
	default:
		rp.mismatch(i, "unknown kind of entry %q", e.Kind)
	}
}

// finish adds the replay's findings to the report and returns the
// election the log gives, nil when it has none.
func (rp *replay) finish() *tallylog.Export {
	v, st, x := rp.v, rp.st, rp.x
	v.r.Findings = append(v.r.Findings, rp.found.Findings...)
	if rp.bad > maxDetails {
		v.r.add(Mismatch, "log: %d more entries the tally could not have accepted", rp.bad-maxDetails)
	}
	if st.def == nil || rp.done {
		return nil
	}
	if rp.bad == 0 {
		counts := rp.counts
		n := func(k int, one, many string) string { return fmt.Sprintf("%d %s", k, plural(k, one, many)) }
		v.r.add(OK, "log: every entry is a change the tally could accept (%s, %s, %s, %s)",
			n(counts[tallylog.KindProtocol], "protocol version", "protocol versions"),
			n(counts[tallylog.KindRejection], "rejection", "rejections"),
			n(counts[tallylog.KindPhase], "phase change", "phase changes"),
			n(counts[tallylog.KindElection]+counts[tallylog.KindUnits], "definition", "definitions"))
	}
	x.LogSize, x.Issuer = v.cp.Size, v.v.Name()
	x.ScanProtocols = func(fn func(tallylog.ProtocolRow) error) error {
		for i := range rp.rows {
			if err := fn(rp.rows[i].row()); err != nil {
				return err
			}
		}
		return nil
	}
	x.Election = *st.def
	maps.Copy(x.Phases, st.phases)
	ids := slices.Sorted(maps.Keys(st.units))
	for _, id := range ids {
		x.Units = append(x.Units, st.units[id])
	}
	x.Totals = st.totals(x, ids)
	return x
}

func (st *state) addUnits(us []tallylog.Unit, mismatch func(string, ...any)) {
	for _, u := range us {
		if old, ok := st.units[u.ID]; ok {
			if old != u {
				mismatch("unit %s redefined", u.ID)
			}
			continue
		}
		if u.Parent != "" {
			p, ok := st.units[u.Parent]
			if !ok || p.Level == tallylog.LevelStation {
				mismatch("unit %s under %q, which is not a unit above stations", u.ID, u.Parent)
			}
		}
		st.units[u.ID] = u
		st.order = append(st.order, u.ID)
	}
}

// accepts explains why the tally could not have accepted a protocol entry,
// or returns "".
func (st *state) accepts(e tallylog.Entry) string {
	c, ok := st.contests[e.Contest]
	if !ok {
		return fmt.Sprintf("a protocol of unknown contest %q", e.Contest)
	}
	u, ok := st.units[e.Station]
	if !ok || u.Level != tallylog.LevelStation {
		return fmt.Sprintf("a protocol of %q, which is not a station", e.Station)
	}
	prev := st.vers[[2]string{e.Contest, e.Station}]
	if e.Version != prev+1 {
		return fmt.Sprintf("version %d of %s's protocol after version %d", e.Version, e.Station, prev)
	}
	switch phase := st.phases[e.Contest]; {
	case phase == "CERTIFIED":
		return fmt.Sprintf("a protocol of %s accepted while contest %s was certified", e.Station, e.Contest)
	case e.ProtocolKind == "RECOUNT" && phase != "RECOUNT":
		return fmt.Sprintf("a recount of %s accepted outside a recount", e.Station)
	case (e.ProtocolKind == "ORIGINAL") != (e.Version == 1):
		return fmt.Sprintf("a %s as version %d of %s", strings.ToLower(e.ProtocolKind), e.Version, e.Station)
	}
	for _, l := range c.Lines {
		if _, ok := e.Lines[l.ID]; !ok {
			return fmt.Sprintf("the protocol of %s lacks line %s", e.Station, l.ID)
		}
	}
	for _, ch := range c.Choices {
		if _, ok := e.Votes[ch.ID]; !ok {
			return fmt.Sprintf("the protocol of %s lacks the votes of %s", e.Station, ch.ID)
		}
	}
	if len(e.Lines) != len(c.Lines) || len(e.Votes) != len(c.Choices) {
		return fmt.Sprintf("the protocol of %s has lines or choices the form does not", e.Station)
	}
	if c.RegisteredWithinUnit && u.Registered > 0 {
		var reg int64
		for _, l := range c.Lines {
			if slices.Contains(l.Roles, "REGISTERED") {
				reg += e.Lines[l.ID]
			}
		}
		if reg > u.Registered {
			return fmt.Sprintf("the protocol of %s has %d registered voters, above its unit's %d, which its form refuses", e.Station, reg, u.Registered)
		}
	}
	return ""
}

// bodyDiffers compares an entry with the bytes the tally received for it.
func (v *verifier) bodyDiffers(e tallylog.Entry, body []byte) string {
	if e.Body == "" {
		if len(body) > 0 {
			return "bytes after the envelope, which names no body"
		}
		return ""
	}
	if e.Body != tallylog.BodySubmitProtocol && e.Body != tallylog.BodyProtocolRows && e.Body != tallylog.BodyProtocolRow {
		return fmt.Sprintf("a body of type %q", e.Body)
	}
	typ, received, err := v.rd.Received(e, body)
	if err != nil {
		return err.Error()
	}
	s, err := tallylog.DecodeBody(typ, received)
	if err != nil {
		if e.Kind == tallylog.KindRejection {
			return "" // refused requests may be malformed
		}
		return fmt.Sprintf("the bytes received are not a protocol: %v", err)
	}
	kind := s.Kind
	if kind == "" {
		kind = "ORIGINAL"
		if s.Replaces > 0 {
			kind = "CORRECTION"
		}
	}
	var diffs []string
	check := func(what string, a, b any) {
		if a != b {
			diffs = append(diffs, fmt.Sprintf("%s %v (received) vs %v (entry)", what, a, b))
		}
	}
	check("election", s.Election, e.Election)
	check("contest", s.Contest, e.Contest)
	check("station", s.Station, e.Station)
	check("request id", s.RequestID, e.RequestID)
	check("version", s.Replaces+1, e.Version)
	check("reason", s.Reason, e.Reason)
	if e.ProtocolKind != "" {
		check("kind", kind, e.ProtocolKind)
	}
	for _, m := range []struct {
		what     string
		got, ent map[string]int64
	}{{"line", s.Lines, e.Lines}, {"votes of", s.Votes, e.Votes}} {
		for _, k := range slices.Sorted(maps.Keys(m.got)) {
			if w, ok := m.ent[k]; !ok || w != m.got[k] {
				diffs = append(diffs, fmt.Sprintf("%s %s %d (received) vs %s (entry)", m.what, k, m.got[k], countOrNone(m.ent, k)))
			}
		}
		for k := range m.ent {
			if _, ok := m.got[k]; !ok {
				diffs = append(diffs, fmt.Sprintf("%s %s not received but %d in the entry", m.what, k, m.ent[k]))
			}
		}
	}
	if len(diffs) == 0 {
		return ""
	}
	slices.Sort(diffs)
	return "the entry differs from the bytes the tally received: " + strings.Join(diffs, "; ")
}

func countOrNone(m map[string]int64, k string) string {
	if v, ok := m[k]; ok {
		return strconv.FormatInt(v, 10)
	}
	return "none"
}

// totals sums the current protocols over every unit that is not a station.
func (st *state) totals(x *tallylog.Export, ids []string) []tallylog.UnitTotals {
	type sum struct {
		lines, votes     map[string]int64
		reporting, total int
	}
	var out []tallylog.UnitTotals
	for _, c := range st.def.Contests {
		sums := map[string]*sum{}
		get := func(id string) *sum {
			s := sums[id]
			if s == nil {
				s = &sum{lines: map[string]int64{}, votes: map[string]int64{}}
				for _, l := range c.Lines {
					s.lines[l.ID] = 0
				}
				for _, ch := range c.Choices {
					s.votes[ch.ID] = 0
				}
				sums[id] = s
			}
			return s
		}
		for _, id := range ids {
			if st.units[id].Level != tallylog.LevelStation {
				continue
			}
			for a := st.units[id].Parent; a != ""; a = st.units[a].Parent {
				get(a).total++
			}
		}
		x.EachProtocol(func(p tallylog.ProtocolRow) error {
			if !p.Current || p.Contest != c.ID {
				return nil
			}
			for a := st.units[p.Station].Parent; a != ""; a = st.units[a].Parent {
				s := get(a)
				s.reporting++
				for k, n := range p.Lines {
					s.lines[k] += n
				}
				for k, n := range p.Votes {
					s.votes[k] += n
				}
			}
			return nil
		})
		for _, id := range ids {
			u := st.units[id]
			if u.Level == tallylog.LevelStation {
				continue
			}
			s := get(id)
			out = append(out, tallylog.UnitTotals{Contest: c.ID, Unit: id, Name: u.Name, Level: u.Level,
				Status: tallylog.StatusOf(st.phases[c.ID], s.reporting, s.total), StationsReporting: s.reporting,
				StationsTotal: s.total, Lines: s.lines, Votes: s.votes})
		}
	}
	return out
}
