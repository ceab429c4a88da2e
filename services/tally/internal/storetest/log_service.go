package storetest

import (
	"bytes"
	"crypto/rand"
	"errors"
	"strings"
	"testing"

	sumnote "golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/tallylog"
	"github.com/mandate-project/mandate/services/tally/verify"
)

// LogService drives a Service's log on the store: receipts, logged
// refusals, proofs, and an export that verifies; one election whose log
// grows through the steps, in order.
func (ts Suite) LogService(t *testing.T) {
	skey, vkey, err := sumnote.GenerateKey(rand.Reader, "storetest")
	if err != nil {
		t.Fatal(err)
	}
	st := ts.open(t)
	svc, err := tally.NewServiceWith(ctx, st, tally.ServiceOptions{Now: NewClock().Now, LogKey: skey, CheckpointEvery: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(svc.Close)
	if _, err := svc.DefineElection(ctx, Election()); err != nil {
		t.Fatal(err)
	}
	if svc.Log().LogVerifierKey() != vkey {
		t.Errorf("verifier key %q, want %q", svc.Log().LogVerifierKey(), vkey)
	}
	leafAt := func(i int64) []byte {
		var out []byte
		if err := st.ReadLeaves(ctx, "test-2024", i, i+1, func(_ int64, l []byte) error { out = l; return nil }); err != nil {
			t.Fatal(err)
		}
		return out
	}

	var receipts []tally.Receipt
	for _, s := range []tally.Submission{Sub("list", "n1", 5, 100, 200, 300), Sub("list", "s1", 0, 10, 20, 30), Sub("mayor", "n1", 1, 40, 50)} {
		r, err := svc.Submit(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		if r.Entry.Index == 0 || r.Entry.Hash != tlog.RecordHash(leafAt(r.Entry.Index)) {
			t.Fatalf("receipt %+v does not name its leaf", r.Entry)
		}
		receipts = append(receipts, r)
	}
	// A replay names the same leaf; a broken protocol and a second original
	// are refused and logged.
	again, err := svc.Submit(ctx, Sub("list", "n1", 5, 100, 200, 300))
	if err != nil || !again.Replayed || again.Entry != receipts[0].Entry {
		t.Fatalf("replay: %+v %v", again, err)
	}
	broken := Sub("list", "n2", 0, 1, 2, 3)
	broken.Lines["valid"]++
	for _, s := range []tally.Submission{broken, Sub("list", "n1", 5, 101, 199, 300)} {
		_, err := svc.Submit(ctx, s)
		var le *tally.LoggedError
		if !errors.As(err, &le) || le.Entry.Hash != tlog.RecordHash(leafAt(le.Entry.Index)) {
			t.Fatalf("refusal %v is not logged", err)
		}
		e, _, err := tallylog.ParseLeaf(leafAt(le.Entry.Index))
		if err != nil || e.Kind != tallylog.KindRejection || e.Rejection == nil || e.Station != s.Station {
			t.Fatalf("refusal entry %+v, %v", e, err)
		}
	}
	if _, err := svc.SetPhase(ctx, "test-2024", "list", tally.PhaseCertified, "certified"); err != nil {
		t.Fatal(err)
	}
	// Proofs against a checkpoint of the whole log.
	cp, err := svc.Log().Checkpoint(ctx, "test-2024", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range receipts {
		p, leaf, err := svc.Log().InclusionProof(ctx, "test-2024", r.Entry.Index, cp.Size)
		if err != nil || leaf != r.Entry.Hash || tlog.CheckRecord(p, cp.Size, cp.Root, r.Entry.Index, leaf) != nil {
			t.Fatalf("inclusion of %d: %v", r.Entry.Index, err)
		}
	}
	early, err := svc.Log().Checkpoint(ctx, "test-2024", 2)
	if err != nil {
		t.Fatal(err)
	}
	if p, err := svc.Log().ConsistencyProof(ctx, "test-2024", 2, cp.Size); err != nil || tlog.CheckTree(p, cp.Size, cp.Root, 2, early.Root) != nil {
		t.Fatalf("consistency: %v", err)
	}
	// The totals' checkpoint stops at the last change (the certification).
	tot, err := svc.Totals(ctx, "test-2024", "list", "")
	if err != nil || tot.LogSize != cp.Size {
		t.Fatalf("totals log size %d, want %d (%v)", tot.LogSize, cp.Size, err)
	}
	// The export verifies.
	var buf bytes.Buffer
	if err := svc.Export(ctx, "test-2024", &buf); err != nil {
		t.Fatal(err)
	}
	files, err := verify.ReadZip(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if r := verify.Check(files, verify.Options{Key: vkey}); !r.OK() {
		var b strings.Builder
		r.WriteTo(&b)
		t.Fatalf("export does not verify:\n%s", b.String())
	}
}
