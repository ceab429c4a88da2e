package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/tallylog"
	"github.com/mandate-project/mandate/services/tally/verify"
)

// mandatectl runs the mandatectl binary and returns its output and exit
// code.
func mandatectl(t *testing.T, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(daemon(t, "mandatectl"), args...)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return string(out), exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return string(out), 0
}

// correctionOf re-submits a station's current protocol as a correction
// moving n votes from Nur Otan to Ak Zhol.
func correctionOf(t *testing.T, c tallyv1.TallyServiceClient, station, id string, n int64) *tallyv1.SubmitProtocolRequest {
	t.Helper()
	p, err := c.GetProtocol(context.Background(), &tallyv1.GetProtocolRequest{Name: "elections/kz-2012/contests/mazhilis/protocols/" + station})
	if err != nil {
		t.Fatal(err)
	}
	cur := p.GetCurrent()
	r := &tallyv1.SubmitProtocolRequest{Parent: "elections/kz-2012/contests/mazhilis", Station: "elections/kz-2012/units/" + station,
		Lines: cur.GetLines(), Votes: cur.GetVotes(), RequestId: id, ReplacesVersion: cur.GetVersion(), Reason: "recounted", Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION}
	r.Votes["nur-otan"] -= n
	r.Votes["ak-zhol"] += n
	return r
}

// TestVerifyDemo runs what an observer does with the real daemons and
// mandatectl: download the KZ 2012 export through the gateway, verify it
// with the authority's key and a station's paper protocol, save a
// checkpoint, and after a restart of the tally (which keeps its log key)
// check that the log only grew and that a receipt from before still
// proves its protocol.
func TestVerifyDemo(t *testing.T) {
	s := start(t)
	loadDemo(t, s)
	ctx := As(context.Background(), s.Admin)
	resp, err := s.Tally.SubmitProtocol(ctx, correctionOf(t, s.Tally, "astana-1", "e2e-fix-1", 100))
	if err != nil {
		t.Fatal(err)
	}
	receipt := resp.GetReceipt()
	bad := correctionOf(t, s.Tally, "astana-2", "e2e-bad-1", 0)
	bad.Votes["cppk"]++
	if _, err := s.Tally.SubmitProtocol(ctx, bad); status.Code(err) != codes.InvalidArgument {
		t.Fatalf("broken protocol: %v", err)
	}

	// The authority's key: tallyd made it next to its store.
	keyFile := filepath.Join(s.dir, "tally.db.logkey")
	skey, err := os.ReadFile(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	_, vkey, err := tallylog.NewSigner(string(skey))
	if err != nil {
		t.Fatal(err)
	}
	vkeyFile := filepath.Join(s.dir, "tally.vkey")
	if err := os.WriteFile(vkeyFile, []byte(vkey+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	// The export, through the gateway, as a plain download.
	res, err := http.Get(s.HTTP + "/v1/elections/kz-2012:export")
	if err != nil {
		t.Fatal(err)
	}
	var zipped bytes.Buffer
	_, err = zipped.ReadFrom(res.Body)
	res.Body.Close()
	if err != nil || res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/zip" ||
		!strings.Contains(res.Header.Get("Content-Disposition"), "kz-2012-export.zip") {
		t.Fatalf("export: %d %v %v", res.StatusCode, res.Header, err)
	}
	exportFile := filepath.Join(s.dir, "kz-2012-export.zip")
	if err := os.WriteFile(exportFile, zipped.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := verify.Open(exportFile)
	if err != nil {
		t.Fatal(err)
	}
	if r := verify.Check(src, verify.Options{Key: vkey}); !r.OK() {
		var b strings.Builder
		r.WriteTo(&b)
		t.Fatalf("the demo export does not verify:\n%s", b.String())
	}
	if code, _ := s.do(t, http.MethodGet, "/v1/elections/nope:export", "", ""); code != http.StatusNotFound {
		t.Errorf("export of an unknown election: %d", code)
	}

	// An observer checks astana-1's paper protocol, typed in from the paper.
	p, err := s.Tally.GetProtocol(context.Background(), &tallyv1.GetProtocolRequest{Name: "elections/kz-2012/contests/mazhilis/protocols/astana-1"})
	if err != nil {
		t.Fatal(err)
	}
	cur := p.GetCurrent()
	var paper strings.Builder
	fmt.Fprintf(&paper, "station: astana-1\n")
	for _, l := range []string{"registered", "ballots_issued", "ballots_cast", "invalid", "valid"} {
		fmt.Fprintf(&paper, "%s: %d\n", l, cur.GetLines()[l])
	}
	for ch, v := range cur.GetVotes() {
		fmt.Fprintf(&paper, "%s: %d\n", ch, v)
	}
	paperFile := filepath.Join(s.dir, "astana-1.txt")
	if err := os.WriteFile(paperFile, []byte(paper.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := mandatectl(t, "verify", "--export", exportFile, "--key", vkeyFile, "--protocol", paperFile)
	if code != 0 || !strings.Contains(out, "RESULT   everything checked matched") || !strings.Contains(out, "has all 12 numbers of the paper") {
		t.Fatalf("mandatectl verify (exit %d):\n%s", code, out)
	}
	t.Logf("mandatectl verify:\n%s", out)
	wrong := strings.Replace(paper.String(), fmt.Sprintf("nur-otan: %d", cur.GetVotes()["nur-otan"]), fmt.Sprintf("nur-otan: %d", cur.GetVotes()["nur-otan"]+1), 1)
	if err := os.WriteFile(paperFile, []byte(wrong), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, code := mandatectl(t, "verify", "--export", exportFile, "--key", vkeyFile, "--protocol", paperFile); code != 1 ||
		!strings.Contains(out, "MISMATCH paper protocol") || !strings.Contains(out, "nur-otan: paper") {
		t.Fatalf("a wrong paper protocol (exit %d):\n%s", code, out)
	}

	// Save a checkpoint, restart the tally, add a protocol.
	cpFile := filepath.Join(s.dir, "seen.note")
	if out, code := mandatectl(t, "log", "checkpoint", "--server", s.TallyAddr, "--election", "kz-2012", "--out", cpFile); code != 0 {
		t.Fatalf("log checkpoint (exit %d): %s", code, out)
	}
	c := s.restartTally(t)
	if got, _ := os.ReadFile(keyFile); !bytes.Equal(got, skey) {
		t.Fatal("the log key changed across the restart")
	}
	if _, err := c.SubmitProtocol(ctx, correctionOf(t, c, "astana-3", "e2e-fix-2", 5)); err != nil {
		t.Fatal(err)
	}
	saved := filepath.Join(s.dir, "saved-export.zip")
	out, code = mandatectl(t, "verify", "--server", s.TallyAddr, "--election", "kz-2012", "--key", vkey, "--previous-checkpoint", cpFile, "--save", saved)
	if code != 0 || !strings.Contains(out, "previous checkpoint: its") || !strings.Contains(out, "server: its current log") {
		t.Fatalf("mandatectl verify --server after the restart (exit %d):\n%s", code, out)
	}
	// The archive verify saved and the one export writes (each streamed to
	// a file as it arrives) check offline, and nothing else is left beside.
	exported := filepath.Join(s.dir, "exported.zip")
	if out, code := mandatectl(t, "export", "--server", s.TallyAddr, "--election", "kz-2012", "--out", exported); code != 0 || !strings.Contains(out, "wrote "+exported) {
		t.Fatalf("mandatectl export (exit %d):\n%s", code, out)
	}
	for _, f := range []string{saved, exported} {
		if out, code := mandatectl(t, "verify", "--export", f, "--key", vkey); code != 0 {
			t.Fatalf("mandatectl verify --export %s (exit %d):\n%s", f, code, out)
		}
	}
	if parts, _ := filepath.Glob(filepath.Join(s.dir, "*.part")); len(parts) > 0 {
		t.Errorf("partial downloads left behind: %v", parts)
	}

	// The receipt from before the restart proves its protocol in today's log.
	proof, err := c.GetInclusionProof(context.Background(), &tallyv1.GetInclusionProofRequest{Name: "elections/kz-2012/log", LeafIndex: receipt.GetLeafIndex()})
	if err != nil {
		t.Fatal(err)
	}
	v, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	cp, err := tallylog.OpenCheckpoint([]byte(proof.GetCheckpoint().GetNote()), v)
	if err != nil {
		t.Fatal(err)
	}
	var rp tlog.RecordProof
	for _, h := range proof.GetHashes() {
		rp = append(rp, tlog.Hash(h))
	}
	if err := tlog.CheckRecord(rp, cp.Size, cp.Root, receipt.GetLeafIndex(), tlog.Hash(receipt.GetLeafHash())); err != nil {
		t.Fatalf("the receipt from before the restart: %v", err)
	}
}
