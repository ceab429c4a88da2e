package verify_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"golang.org/x/mod/sumdb/note"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/grpctest"
	"github.com/mandate-project/mandate/services/tally/internal/sqlitestore"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/internal/tallyapi"
	"github.com/mandate-project/mandate/services/tally/tallyclient"
	"github.com/mandate-project/mandate/services/tally/tallylog"
	"github.com/mandate-project/mandate/services/tally/verify"
)

const contest = "elections/kz-2012/contests/mazhilis"

func examples() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "examples")
}

// demo is the KZ 2012 demo on a tally with every kind of entry in its log:
// the definition, the 48 protocols, a correction, a refused protocol, the
// certification, and a refusal after it.
type demo struct {
	c    tallyv1.TallyServiceClient
	vkey string
	skey string // the tally's signer key, to sign logs it never wrote
}

func startDemo(t *testing.T) demo {
	t.Helper()
	ctx := context.Background()
	store, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "tally.db"), sqlitestore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	skey, vkey, err := note.GenerateKey(rand.Reader, "kz-cec-test")
	if err != nil {
		t.Fatal(err)
	}
	svc, err := tally.NewServiceWith(ctx, store, tally.ServiceOptions{LogKey: skey, CheckpointEvery: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(svc.Close)
	api := tallyapi.New(svc, slog.Default())
	conn := grpctest.ConnWith(t, api.ServerOptions(), func(srv *grpc.Server) { tallyv1.RegisterTallyServiceServer(srv, api) })
	c := tallyv1.NewTallyServiceClient(conn)
	def := filepath.Join(examples(), "kz-2012", "election.yaml")
	if _, err := tallyclient.Define(ctx, c, def); err != nil {
		t.Fatal(err)
	}
	rep, err := tallyclient.ImportCSV(ctx, c, def, filepath.Join(examples(), "kz-2012", "protocols.csv"), nil)
	if err != nil || rep.Rejected != 0 {
		t.Fatalf("import: %+v %v", rep, err)
	}
	d := demo{c: c, vkey: vkey, skey: skey}
	if _, err := c.SubmitProtocol(ctx, d.correction(t, "astana-1", "fix-1", 100)); err != nil {
		t.Fatal(err)
	}
	bad := d.correction(t, "astana-2", "bad-1", 0)
	bad.Votes["nur-otan"]++ // valid no longer equals the sum of the votes
	if _, err := c.SubmitProtocol(ctx, bad); status.Code(err) != codes.InvalidArgument {
		t.Fatalf("broken protocol: %v", err)
	}
	if _, err := c.SetContestPhase(ctx, &tallyv1.SetContestPhaseRequest{Name: contest,
		Phase: tallyv1.ResultStatus_RESULT_STATUS_CERTIFIED, Reason: "protocol of the CEC"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SubmitProtocol(ctx, d.correction(t, "astana-2", "late-1", 5)); status.Code(err) != codes.FailedPrecondition {
		t.Fatalf("correction after certification: %v", err)
	}
	return d
}

// correction is a correction of a station's protocol moving n votes from
// Nur Otan to Ak Zhol.
func (d demo) correction(t *testing.T, station, id string, n int64) *tallyv1.SubmitProtocolRequest {
	t.Helper()
	p, err := d.c.GetProtocol(context.Background(), &tallyv1.GetProtocolRequest{Name: contest + "/protocols/" + station})
	if err != nil {
		t.Fatal(err)
	}
	cur := p.GetCurrent()
	r := &tallyv1.SubmitProtocolRequest{Parent: contest, Station: "elections/kz-2012/units/" + station,
		Lines: cur.GetLines(), Votes: cur.GetVotes(), RequestId: id, ReplacesVersion: cur.GetVersion(), Reason: "transcription error", Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION}
	r.Votes["nur-otan"] -= n
	r.Votes["ak-zhol"] += n
	return r
}

// export downloads the election's export.
func (d demo) export(t *testing.T) verify.Files {
	t.Helper()
	s, err := d.c.ExportElection(context.Background(), &tallyv1.ExportElectionRequest{Name: "elections/kz-2012"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	for {
		m, err := s.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if m.GetContentType() != "application/zip" {
			t.Fatalf("content type %q", m.GetContentType())
		}
		buf.Write(m.GetData())
	}
	files, err := verify.ReadZip(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func report(r *verify.Report) string {
	var b strings.Builder
	r.WriteTo(&b)
	return b.String()
}

// TestDemoExportVerifies: the KZ 2012 demo's export verifies clean, with
// the authority's key and with the export's own; each file is checked.
func TestDemoExportVerifies(t *testing.T) {
	d := startDemo(t)
	files := d.export(t)
	for _, name := range tallylog.Files {
		if len(files[name]) == 0 {
			t.Errorf("export lacks %s", name)
		}
	}
	r := verify.Check(files, verify.Options{Key: d.vkey})
	if !r.OK() {
		t.Fatalf("demo export does not verify:\n%s", report(r))
	}
	t.Logf("\n%s", report(r))
	for _, want := range []string{"checkpoint.note: signed by kz-cec-test", "54 entries hash to the checkpoint's root",
		"49 protocol versions (48 current, 1 superseded)", "totals of 17 units", "nist.json: the NIST", "2 rejections, 1 phase change"} {
		if !strings.Contains(report(r), want) {
			t.Errorf("report lacks %q", want)
		}
	}
	own := verify.Check(files, verify.Options{})
	if !own.OK() || own.Findings[0].Status != verify.Note {
		t.Errorf("with the export's own key:\n%s", report(own))
	}
	// Another key: the signature fails.
	_, other, _ := note.GenerateKey(rand.Reader, "kz-cec-test")
	if verify.Check(files, verify.Options{Key: other}).OK() {
		t.Error("export verified with another key")
	}
	// The export is the same file after a restart-free second download.
	again := d.export(t)
	for _, name := range tallylog.Files {
		if !bytes.Equal(files[name], again[name]) {
			t.Errorf("%s differs between two exports of the same log", name)
		}
	}
}

// TestPreviousCheckpoint: a checkpoint of an earlier size verifies as a
// prefix; one of a rewritten log does not.
func TestPreviousCheckpoint(t *testing.T) {
	d := startDemo(t)
	ctx := context.Background()
	early, err := d.c.GetCheckpoint(ctx, &tallyv1.GetCheckpointRequest{Name: "elections/kz-2012/checkpoints/20"})
	if err != nil {
		t.Fatal(err)
	}
	files := d.export(t)
	if r := verify.Check(files, verify.Options{Key: d.vkey, Previous: []byte(early.GetNote())}); !r.OK() ||
		!strings.Contains(report(r), "its 20 entries are the first 20 of this log") {
		t.Fatalf("previous checkpoint:\n%s", report(r))
	}
	// A checkpoint of 20 entries with another root, signed with the key: a
	// rewritten log.
	other := startDemo(t)
	forged, err := other.c.GetCheckpoint(ctx, &tallyv1.GetCheckpointRequest{Name: "elections/kz-2012/checkpoints/20"})
	if err != nil {
		t.Fatal(err)
	}
	if r := verify.Check(files, verify.Options{Key: d.vkey, Previous: []byte(forged.GetNote())}); r.OK() {
		t.Fatalf("a checkpoint with another key passed:\n%s", report(r))
	}
	if r := verify.Check(other.export(t), verify.Options{Key: other.vkey, Previous: []byte(forged.GetNote())}); !r.OK() {
		t.Fatalf("own checkpoint:\n%s", report(r))
	}
}

// TestPaperProtocol checks a station's paper protocol, typed in as an
// observer would, against the log.
func TestPaperProtocol(t *testing.T) {
	d := startDemo(t)
	files := d.export(t)
	p, err := d.c.GetProtocol(context.Background(), &tallyv1.GetProtocolRequest{Name: contest + "/protocols/astana-1"})
	if err != nil {
		t.Fatal(err)
	}
	cur, first := p.GetVersions()[1], p.GetVersions()[0]
	paper := func(v *tallyv1.ProtocolVersion, change func(map[string]int64)) string {
		lines := map[string]int64{}
		for k, n := range v.GetLines() {
			lines[k] = n
		}
		if change != nil {
			change(lines)
		}
		// Lines by their printed number, votes by party name, grouped digits.
		return "# copied at the station\nstation: astana-1\n" +
			"1: " + group(lines["registered"]) + "\n3 = " + group(lines["ballots_issued"]) + "\n" +
			"Nur Otan: " + group(v.GetVotes()["nur-otan"]) + "\nak-zhol: " + group(v.GetVotes()["ak-zhol"]) + "\n"
	}
	check := func(text string) *verify.Report {
		t.Helper()
		pp, err := verify.ParsePaper(strings.NewReader(text))
		if err != nil {
			t.Fatal(err)
		}
		return verify.Check(files, verify.Options{Key: d.vkey, Paper: &pp})
	}
	if r := check(paper(cur, nil)); !r.OK() || !strings.Contains(report(r), "has all 4 numbers of the paper") {
		t.Errorf("current version:\n%s", report(r))
	}
	r := check(paper(cur, func(l map[string]int64) { l["registered"]++ }))
	if r.OK() || !strings.Contains(report(r), "paper 97043, log 97042") {
		t.Errorf("one number off:\n%s", report(r))
	}
	// The verdict blames the paper, not the export (issue 14.14).
	if want := "RESULT   1 mismatch: the paper protocol does not match the signed log (the export itself matches it)\n"; !strings.HasSuffix(report(r), want) ||
		strings.Contains(report(r), "this export does not match") {
		t.Errorf("one number off, verdict:\n%s", report(r))
	}
	r = check(paper(first, nil))
	if r.OK() || !strings.Contains(report(r), "are those of version 1") {
		t.Errorf("the superseded version:\n%s", report(r))
	}
	for _, bad := range []string{"station: x\n", "1: 12\n", "station: a\n1: twelve\n", "station: a\nnonsense\n"} {
		if _, err := verify.ParsePaper(strings.NewReader(bad)); err == nil {
			t.Errorf("ParsePaper(%q) accepted", bad)
		}
	}
	pp, _ := verify.ParsePaper(strings.NewReader("station: nowhere-1\n1: 5\n"))
	if verify.Check(files, verify.Options{Key: d.vkey, Paper: &pp}).OK() {
		t.Error("a station without a protocol passed")
	}
}

// TestExtraFiles: a file added to an export, or a directory, is listed and
// fails verification, in a ZIP archive and unpacked (issue 14.14).
func TestExtraFiles(t *testing.T) {
	d := startDemo(t)
	files := d.export(t)
	var zipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	for _, name := range append(slices.Clone(tallylog.Files), "results-summary.txt", "extra/") {
		f, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if b, ok := files[name]; ok {
			f.Write(b)
		} else if !strings.HasSuffix(name, "/") {
			f.Write([]byte("Nur Otan 99 seats\n"))
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	src, err := verify.ReadZip(bytes.NewReader(zipped.Bytes()), int64(zipped.Len()))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, b := range src {
		if strings.HasSuffix(name, "/") {
			os.MkdirAll(filepath.Join(dir, name), 0o755)
			continue
		}
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	streamed, err := verify.OpenZip(bytes.NewReader(zipped.Bytes()), int64(zipped.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for what, src := range map[string]verify.Source{"zip in memory": src, "zip streamed": streamed, "dir": verify.Dir(dir)} {
		r := verify.Check(src, verify.Options{Key: d.vkey})
		out := report(r)
		if r.OK() || r.Mismatches() != 2 || !strings.Contains(out, "MISMATCH results-summary.txt: not a file of an export") ||
			!strings.Contains(out, "MISMATCH extra/: not a file of an export") || !strings.Contains(out, "RESULT   2 mismatches: this export does not match its signed log") {
			t.Errorf("%s with extra files:\n%s", what, out)
		}
	}
	if r := verify.Check(files, verify.Options{Key: d.vkey}); !r.OK() || !strings.Contains(report(r), "holds exactly the files of an export") {
		t.Errorf("the export alone:\n%s", report(r))
	}
}

func group(n int64) string {
	s := []byte(strconv.FormatInt(n, 10))
	var out []byte
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ' ')
		}
		out = append(out, c)
	}
	return string(out)
}

// TestMutations edits, deletes, reorders or inserts every single entry of
// every file of the demo's export, one at a time, and checks that the
// verifier catches each one. An entry is a line, except in nist.json
// (indented JSON), where it is a JSON object: each GpUnit, VoteCounts,
// BallotCounts... with its lines.
func TestMutations(t *testing.T) {
	d := startDemo(t)
	files := d.export(t)
	if r := verify.Check(files, verify.Options{Key: d.vkey}); !r.OK() {
		t.Fatalf("the export itself does not verify:\n%s", report(r))
	}
	type trial struct {
		file, what string
		content    []byte
	}
	var trials []trial
	for _, name := range tallylog.Files {
		lines := strings.SplitAfter(string(files[name]), "\n")
		if lines[len(lines)-1] == "" {
			lines = lines[:len(lines)-1]
		}
		entries := lineEntries(len(lines))
		if name == tallylog.FileNIST {
			entries = objectEntries(lines)
		}
		step := 1
		if testing.Short() || raceEnabled {
			step = 1 + len(entries)/40 // every kind of entry, not each one
		}
		for i := 0; i < len(entries); i += step {
			for _, m := range mutations {
				out, ok := m.apply(name, lines, entries, i)
				if !ok || out == string(files[name]) {
					continue // nothing to do here (swapping equal lines)
				}
				trials = append(trials, trial{name, fmt.Sprintf("%s of the entry at line %d", m.name, entries[i][0]+1), []byte(out)})
			}
		}
	}
	var wg sync.WaitGroup
	var caught atomic.Int64
	work := make(chan trial)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for tr := range work {
				mutated := verify.Files{}
				for k, v := range files {
					mutated[k] = v
				}
				mutated[tr.file] = tr.content
				if r := verify.Check(mutated, verify.Options{Key: d.vkey}); r.OK() {
					t.Errorf("%s: %s not caught", tr.file, tr.what)
				} else {
					caught.Add(1)
				}
			}
		})
	}
	for _, tr := range trials {
		work <- tr
	}
	close(work)
	wg.Wait()
	t.Logf("%d of %d mutations caught", caught.Load(), len(trials))
	if !testing.Short() && !raceEnabled && len(trials) < 3000 {
		t.Errorf("only %d mutations tried", len(trials))
	}
}

// lineEntries makes every line an entry: [first, end) line ranges.
func lineEntries(n int) [][2]int {
	out := make([][2]int, n)
	for i := range out {
		out[i] = [2]int{i, i + 1}
	}
	return out
}

// objectEntries finds the JSON objects of an indented document: from a
// line that is only "{" to the next line at its indentation that closes it.
func objectEntries(lines []string) [][2]int {
	var out [][2]int
	for i, l := range lines {
		if strings.TrimSpace(l) != "{" {
			continue
		}
		indent := l[:len(l)-len(strings.TrimLeft(l, " "))]
		for j := i + 1; j < len(lines); j++ {
			if strings.HasPrefix(lines[j], indent+"}") {
				out = append(out, [2]int{i, j + 1})
				break
			}
		}
	}
	return out
}

type mutation struct {
	name  string
	apply func(file string, lines []string, entries [][2]int, i int) (string, bool)
}

func join(parts ...[]string) string {
	var b strings.Builder
	for _, p := range parts {
		for _, l := range p {
			b.WriteString(l)
		}
	}
	return b.String()
}

var mutations = []mutation{
	{"edit", func(file string, lines []string, entries [][2]int, i int) (string, bool) {
		e := entries[i]
		block := append([]string(nil), lines[e[0]:e[1]]...)
		last := len(block) - 1
		if file == tallylog.FileLeaves {
			// Change the entry itself, still valid base64: the hash must
			// catch it.
			leaf, err := base64.StdEncoding.DecodeString(strings.TrimSuffix(block[0], "\n"))
			if err != nil {
				return "", false
			}
			block[0] = base64.StdEncoding.EncodeToString([]byte(editDigit(string(leaf)))) + "\n"
		} else {
			// The last line of the entry with a digit, else its last line.
			for k := last; k >= 0; k-- {
				if strings.ContainsAny(block[k], "0123456789") {
					last = k
					break
				}
			}
			block[last] = editDigit(strings.TrimSuffix(block[last], "\n")) + "\n"
		}
		return join(lines[:e[0]], block, lines[e[1]:]), true
	}},
	{"deletion", func(_ string, lines []string, entries [][2]int, i int) (string, bool) {
		e := entries[i]
		return join(lines[:e[0]], lines[e[1]:]), true
	}},
	{"reordering", func(_ string, lines []string, entries [][2]int, i int) (string, bool) {
		// With the next entry when it follows directly, else the previous.
		e := entries[i]
		for _, f := range entries {
			if f[0] == e[1] {
				return join(lines[:e[0]], lines[f[0]:f[1]], lines[e[0]:e[1]], lines[f[1]:]), true
			}
		}
		for _, f := range entries {
			if f[1] == e[0] {
				return join(lines[:f[0]], lines[e[0]:e[1]], lines[f[0]:f[1]], lines[e[1]:]), true
			}
		}
		return "", false
	}},
	{"insertion", func(_ string, lines []string, entries [][2]int, i int) (string, bool) {
		e := entries[i]
		return join(lines[:e[1]], lines[e[0]:e[1]], lines[e[1]:]), true
	}},
}

// editDigit changes the last digit of s (or, without digits, its last
// letter's case; an empty line becomes "x").
func editDigit(s string) string {
	b := []byte(s)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] >= '0' && b[i] <= '9' {
			b[i] = '0' + (b[i]-'0'+1)%10
			return string(b)
		}
	}
	for i := len(b) - 1; i >= 0; i-- {
		switch c := b[i]; {
		case c >= 'a' && c <= 'z':
			b[i] = c - 32
			return string(b)
		case c >= 'A' && c <= 'Z':
			b[i] = c + 32
			return string(b)
		}
	}
	return s + "x"
}

// TestReplayOfASignedLog: a log the tally's key signed but the tally could
// not have written (a protocol's entry again, later, under a new sequence)
// hashes to its checkpoint, and the replay, which runs as the leaves are
// read, finds the entry; its finding comes after the leaves' and before
// the files', in the order of the checks.
func TestReplayOfASignedLog(t *testing.T) {
	d := startDemo(t)
	files := d.export(t)
	var leaves [][]byte
	for _, line := range strings.Split(strings.TrimSuffix(string(files[tallylog.FileLeaves]), "\n"), "\n") {
		leaf, err := base64.StdEncoding.DecodeString(line)
		if err != nil {
			t.Fatal(err)
		}
		leaves = append(leaves, leaf)
	}
	// The first protocol's entry appended again as the last.
	again := -1
	for i, leaf := range leaves {
		if e, _, err := tallylog.ParseEnvelope(leaf); err == nil && e.Kind == tallylog.KindProtocol {
			again = i
			break
		}
	}
	if again < 0 {
		t.Fatal("no protocol in the demo's log")
	}
	_, rest, body, ok := tallylog.SplitLeaf(leaves[again])
	if !ok {
		t.Fatal("the protocol's leaf does not split")
	}
	leaves = append(leaves, append(tallylog.AppendLeaf(nil, int64(len(leaves)), rest), body...))
	var out strings.Builder
	edge := &tallylog.Edge{}
	for _, leaf := range leaves {
		edge.Append(leaf)
		out.WriteString(base64.StdEncoding.EncodeToString(leaf) + "\n")
	}
	signer, err := note.NewSigner(d.skey)
	if err != nil {
		t.Fatal(err)
	}
	cp, err := tallylog.SignCheckpoint(signer, "kz-2012", int64(len(leaves)), edge.Root())
	if err != nil {
		t.Fatal(err)
	}
	forged := verify.Files{}
	maps.Copy(forged, files)
	forged[tallylog.FileLeaves] = []byte(out.String())
	forged[tallylog.FileCheckpoint] = cp.Note
	r := verify.Check(forged, verify.Options{Key: d.vkey})
	text := report(r)
	at := func(s string) int {
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("no %q in the report:\n%s", s, text)
		}
		return i
	}
	hashed := at("entries hash to the checkpoint's root")
	entry := at(fmt.Sprintf("MISMATCH log entry %d: ", len(leaves)-1))
	if files := at("protocols.csv: "); !(hashed < entry && entry < files) {
		t.Errorf("findings out of the order of the checks:\n%s", text)
	}
	if strings.Contains(text, "every entry is a change the tally could accept") {
		t.Errorf("the replay vouches for the forged log:\n%s", text)
	}
}
