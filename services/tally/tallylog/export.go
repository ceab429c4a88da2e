package tallylog

import (
	"archive/zip"
	"bufio"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mandate-project/mandate/services/tally/nist"
)

// The public export of an election is a ZIP archive (or a directory) of
// these files. Every one of them can be recomputed from the log and the
// checkpoint alone, so a verifier can check each byte of each file.
const (
	// FileCheckpoint is the signed checkpoint of the exported log.
	FileCheckpoint = "checkpoint.note"
	// FileKey is the note verifier key of the tally that signs checkpoints
	// ("name+hash+key" and a newline). Compare it with the key the election
	// authority publishes: an export could carry a key of its own.
	FileKey = "verifier.key"
	// FileLeaves is the log: one line per leaf, in order, the leaf's bytes
	// in standard base64.
	FileLeaves = "log.leaves"
	// FileProtocols is every protocol version, current and superseded, as
	// CSV: one row per version in the order of the log (see WriteProtocolsCSV).
	FileProtocols = "protocols.csv"
	// FileTotals is the totals the tally publishes for every unit that is
	// not a station, per contest (see WriteTotalsJSON).
	FileTotals = "totals.json"
	// FileNIST is the same results as a NIST SP 1500-100 Version 2
	// ElectionReport (package nist), per reporting unit, stations included.
	FileNIST = "nist.json"
)

// Files lists the export's files in the order the archive holds them.
var Files = []string{FileCheckpoint, FileKey, FileLeaves, FileProtocols, FileTotals, FileNIST}

// Export is an election's results as of the checkpoint of an export: what
// its protocols.csv, totals.json and nist.json say.
type Export struct {
	Election Election
	// Units are every unit of the hierarchy, by ID.
	Units []Unit
	// Phases is each contest's phase: COUNTING, CERTIFIED, RECOUNT or
	// CORRECTION.
	Phases         map[string]string
	ResultsVersion int64
	// LogSize is the size of the exported log (the checkpoint's).
	LogSize int64
	// Totals are the published totals: per contest in definition order,
	// every unit that is not a station, in ID order.
	Totals []UnitTotals
	// ScanProtocols calls fn with every protocol version in the exported
	// log, in its order, on every call; nil for none. The tally streams them
	// from its store and the verifier from compact rows, each file that
	// needs them reading them again, rather than hold a national
	// election's as maps.
	ScanProtocols func(fn func(ProtocolRow) error) error
	// Issuer is who publishes the results: the name of the key that signs
	// the checkpoints.
	Issuer string
	// GeneratedAt is the time of the last entry of the exported log.
	GeneratedAt time.Time
}

// UnitTotals is what the tally publishes for one contest in one unit.
type UnitTotals struct {
	Contest string `json:"contest"`
	Unit    string `json:"unit"`
	Name    string `json:"name"`
	Level   string `json:"level"`
	// Status is UNOFFICIAL_PARTIAL, UNOFFICIAL_COMPLETE, CERTIFIED, RECOUNT
	// or CORRECTION.
	Status            string `json:"status"`
	StationsReporting int    `json:"stations_reporting"`
	StationsTotal     int    `json:"stations_total"`
	// Lines and Votes are the sums over the reporting stations under the
	// unit of their current protocols, by line and choice ID.
	Lines map[string]int64 `json:"lines"`
	Votes map[string]int64 `json:"votes"`
}

// ProtocolRow is one protocol version.
type ProtocolRow struct {
	LeafIndex      int64
	ResultsVersion int64
	Contest        string
	Station        string
	Version        int
	// Kind is ORIGINAL, CORRECTION or RECOUNT.
	Kind string
	// Current: no later version of the station's protocol replaces it.
	Current    bool
	AcceptedAt time.Time
	Submitter  string
	RequestID  string
	Reason     string
	Warnings   []string
	Lines      map[string]int64
	Votes      map[string]int64
}

// WriteProtocolsCSV writes the protocols: a header, then one row per version
// with its leaf index, results version, contest, station, version, kind,
// status (current or superseded), acceptance time (RFC 3339, UTC),
// submitter, request id, reason, warnings (codes separated by spaces), and
// one column per line ("line:<id>") and per choice ("vote:<id>") of every
// contest in definition order, empty where a contest has no such line.
func (x *Export) WriteProtocolsCSV(out io.Writer) error {
	var lines, votes []string
	for _, c := range x.Election.Contests {
		for _, l := range c.Lines {
			if !slices.Contains(lines, l.ID) {
				lines = append(lines, l.ID)
			}
		}
		for _, ch := range c.Choices {
			if !slices.Contains(votes, ch.ID) {
				votes = append(votes, ch.ID)
			}
		}
	}
	w := csv.NewWriter(out) // csv buffers its writes itself
	head := []string{"leaf_index", "results_version", "contest", "station", "version", "kind", "status",
		"accepted_at", "submitter", "request_id", "reason", "warnings"}
	for _, l := range lines {
		head = append(head, "line:"+l)
	}
	for _, v := range votes {
		head = append(head, "vote:"+v)
	}
	if err := w.Write(head); err != nil {
		return err
	}
	rec := make([]string, len(head))
	count := func(m map[string]int64, k string) string {
		if v, ok := m[k]; ok {
			return strconv.FormatInt(v, 10)
		}
		return ""
	}
	err := x.EachProtocol(func(p ProtocolRow) error {
		status := "superseded"
		if p.Current {
			status = "current"
		}
		copy(rec, []string{strconv.FormatInt(p.LeafIndex, 10), strconv.FormatInt(p.ResultsVersion, 10),
			p.Contest, p.Station, strconv.Itoa(p.Version), p.Kind, status, p.AcceptedAt.UTC().Format(time.RFC3339Nano),
			p.Submitter, p.RequestID, p.Reason, strings.Join(p.Warnings, " ")})
		for i, l := range lines {
			rec[12+i] = count(p.Lines, l)
		}
		for i, v := range votes {
			rec[12+len(lines)+i] = count(p.Votes, v)
		}
		return w.Write(rec)
	})
	if err != nil {
		return err
	}
	w.Flush()
	return w.Error()
}

// EachProtocol calls fn with each protocol version, in the log's order.
func (x *Export) EachProtocol(fn func(ProtocolRow) error) error {
	if x.ScanProtocols == nil {
		return nil
	}
	return x.ScanProtocols(fn)
}

// WriteTotalsJSON writes the totals: one JSON object with the election, the
// results version and the log size, and a "totals" array with one object
// per line of the file (per contest, per unit; see UnitTotals).
func (x *Export) WriteTotalsJSON(w io.Writer) error {
	buf := bufio.NewWriterSize(w, 1<<16)
	head, err := json.Marshal(struct {
		Election       string `json:"election"`
		ResultsVersion int64  `json:"results_version"`
		LogSize        int64  `json:"log_size"`
	}{x.Election.ID, x.ResultsVersion, x.LogSize})
	if err != nil {
		return err
	}
	buf.Write(head[:len(head)-1])
	buf.WriteString(`,"totals":[`)
	for i, t := range x.Totals {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
		b, err := json.Marshal(t)
		if err != nil {
			return err
		}
		buf.Write(b)
	}
	buf.WriteString("\n]}\n")
	return buf.Flush()
}

// nistStatus maps a status to the NIST ResultsStatus it is.
var nistStatus = map[string]string{
	"UNOFFICIAL_PARTIAL": "unofficial-partial", "UNOFFICIAL_COMPLETE": "unofficial-complete",
	"CERTIFIED": "certified", "RECOUNT": "recount", "CORRECTION": "correction",
}

// StatusOf is the status of a contest's results in a unit: its phase once
// certified or reopened, otherwise complete when every station under the
// unit reported.
func StatusOf(phase string, reporting, total int) string {
	switch phase {
	case "CERTIFIED", "RECOUNT", "CORRECTION":
		return phase
	}
	if total > 0 && reporting >= total {
		return "UNOFFICIAL_COMPLETE"
	}
	return "UNOFFICIAL_PARTIAL"
}

// roleSums adds up the lines of a contest by role.
func roleSums(c Contest, lines map[string]int64) map[string]int64 {
	out := map[string]int64{}
	for _, l := range c.Lines {
		for _, r := range l.Roles {
			out[r] += lines[l.ID]
		}
	}
	return out
}

// WriteNISTJSON writes the results as a NIST SP 1500-100 ElectionReport: the
// published totals of every unit, and each station's current protocol.
func (x *Export) WriteNISTJSON(w io.Writer) error {
	e := nist.Election{ID: x.Election.ID, Name: x.Election.Name, Date: x.Election.Date,
		Issuer: x.Issuer, GeneratedAt: x.GeneratedAt.UTC()}
	contests := map[string]Contest{}
	statuses := map[string]bool{}
	for _, c := range x.Election.Contests {
		contests[c.ID] = c
		nc := nist.Contest{ID: c.ID, Name: c.Name, Kind: "party-list"}
		if c.Kind == "SINGLE_WINNER" {
			nc.Kind = "single-winner"
		}
		for _, ch := range c.Choices {
			nc.Choices = append(nc.Choices, nist.Choice{ID: ch.ID, Name: ch.Name, ShortName: ch.ShortName, Color: ch.Color})
		}
		e.Contests = append(e.Contests, nc)
	}
	results := map[string][]nist.UnitResult{}
	result := func(c Contest, lines, votes map[string]int64, reporting, total int, status string) nist.UnitResult {
		r := roleSums(c, lines)
		return nist.UnitResult{Contest: c.ID, Votes: votes, BallotsCast: r["BALLOTS_CAST"], Invalid: r["INVALID"],
			Valid: r["VALID"], StationsReporting: reporting, StationsTotal: total, Status: nistStatus[status]}
	}
	for _, t := range x.Totals {
		results[t.Unit] = append(results[t.Unit], result(contests[t.Contest], t.Lines, t.Votes, t.StationsReporting, t.StationsTotal, t.Status))
	}
	err := x.EachProtocol(func(p ProtocolRow) error {
		if p.Current {
			st := StatusOf(x.Phases[p.Contest], 1, 1)
			results[p.Station] = append(results[p.Station], result(contests[p.Contest], p.Lines, p.Votes, 1, 1, st))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, u := range x.Units {
		rs := results[u.ID]
		// Contests in definition order, whatever order the rows came in.
		slices.SortStableFunc(rs, func(a, b nist.UnitResult) int {
			return slices.IndexFunc(x.Election.Contests, func(c Contest) bool { return c.ID == a.Contest }) -
				slices.IndexFunc(x.Election.Contests, func(c Contest) bool { return c.ID == b.Contest })
		})
		if u.Parent == "" {
			for _, r := range rs {
				statuses[r.Status] = true
			}
		}
		e.Units = append(e.Units, nist.Unit{ID: u.ID, Name: u.Name, Parent: u.Parent, Level: u.Level,
			Registered: u.Registered, Results: rs})
	}
	if len(statuses) == 1 {
		for s := range statuses {
			e.Status = s
		}
	}
	return nist.WriteReport(w, e)
}

// A Rendering is a file of an export rendered from the log.
type Rendering struct {
	Name  string
	Write func(io.Writer) error
}

// Renderings are the files of an export rendered from x, in the order an
// archive holds them; each writes its file as it renders it, never whole
// in memory (a NIST report of a million stations is gigabytes).
func (x *Export) Renderings() []Rendering {
	return []Rendering{{FileProtocols, x.WriteProtocolsCSV}, {FileTotals, x.WriteTotalsJSON}, {FileNIST, x.WriteNISTJSON}}
}

// WriteArchive writes an export as a ZIP archive: the checkpoint, the
// verifier key, the leaves (each read by leaves, in order) and the files
// rendered from x.
func WriteArchive(w io.Writer, x *Export, checkpoint []byte, verifierKey string, leaves func(fn func(leaf []byte) error) error) error {
	zw := zip.NewWriter(w)
	// A fixed time: the same export is the same archive.
	mod := x.GeneratedAt.UTC()
	create := func(name string) (io.Writer, error) {
		return zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: mod})
	}
	put := func(name string, b []byte) error {
		f, err := create(name)
		if err != nil {
			return err
		}
		_, err = f.Write(b)
		return err
	}
	if err := put(FileCheckpoint, checkpoint); err != nil {
		return err
	}
	if err := put(FileKey, []byte(verifierKey+"\n")); err != nil {
		return err
	}
	f, err := create(FileLeaves)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	n := int64(0)
	err = leaves(func(leaf []byte) error {
		n++
		enc := base64.NewEncoder(base64.StdEncoding, bw)
		if _, err := enc.Write(leaf); err != nil {
			return err
		}
		if err := enc.Close(); err != nil {
			return err
		}
		return bw.WriteByte('\n')
	})
	if err != nil {
		return err
	}
	if n != x.LogSize {
		return fmt.Errorf("tallylog: %d leaves for a log of %d", n, x.LogSize)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	for _, r := range x.Renderings() {
		f, err := create(r.Name)
		if err != nil {
			return err
		}
		if err := r.Write(f); err != nil {
			return fmt.Errorf("tallylog: %s: %w", r.Name, err)
		}
	}
	return zw.Close()
}

// ReadLeaves reads a leaves file.
func ReadLeaves(r io.Reader, fn func(index int64, leaf []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 64<<20)
	for i := int64(0); sc.Scan(); i++ {
		leaf, err := base64.StdEncoding.Strict().DecodeString(sc.Text())
		if err != nil {
			return fmt.Errorf("line %d: %w", i+1, err)
		}
		if err := fn(i, leaf); err != nil {
			return err
		}
	}
	return sc.Err()
}
