package tallyapi_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/internal/tallyapi"
)

// TestImportBatchesCommitInOrder streams more than two batches of
// corrections of one station, each replacing the one before, with a
// refused row in the second batch: while one batch commits the next is
// read, and every correction must still find its predecessor stored, the
// refusal must be logged between them, and the response must add up the
// outcomes of every batch.
func TestImportBatchesCommitInOrder(t *testing.T) {
	c := start(t)
	loadDemo(t, c)
	ctx := context.Background()
	cur, cols, counts := astanaRow(ctx, t, c)
	// Correction i moves i%2+1 votes from Nur Otan to Ak Zhol, so that
	// consecutive versions differ.
	shifted := func(i int) []int64 {
		out := slices.Clone(counts)
		for j, c := range cols {
			switch c {
			case "votes.nur-otan":
				out[j] -= int64(i%2 + 1)
			case "votes.ak-zhol":
				out[j] += int64(i%2 + 1)
			}
		}
		return out
	}
	const corrections = 2*tallyapi.ImportBatch + 500
	refusedAt := tallyapi.ImportBatch + 300 // stream index of the refused row
	before := votes(totals(t, c, national), "ak-zhol")
	s, err := c.ImportProtocols(ctx)
	if err != nil {
		t.Fatal(err)
	}
	version := cur.GetVersion()
	for sent := 0; sent <= corrections; {
		var rows []*tallyv1.ProtocolRow
		for ; len(rows) < 250 && sent <= corrections; sent++ {
			if sent == refusedAt {
				rows = append(rows, &tallyv1.ProtocolRow{Station: "elections/other/units/x", RequestId: "refused",
					Counts: counts, Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_ORIGINAL})
				continue
			}
			rows = append(rows, &tallyv1.ProtocolRow{Station: "elections/kz-2012/units/astana-1",
				RequestId: fmt.Sprintf("fix-%d", sent), Counts: shifted(sent), ReplacesVersion: version,
				Reason: "recount", Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION})
			version++
		}
		if err := s.Send(&tallyv1.ImportProtocolsRequest{Rows: &tallyv1.ProtocolRows{Parent: contest, Columns: cols, Rows: rows}}); err != nil {
			t.Fatal(err)
		}
	}
	resp, err := s.CloseAndRecv()
	if err != nil {
		t.Fatal(err)
	}
	if resp.GetAccepted() != corrections || resp.GetReplayed() != 0 {
		t.Errorf("accepted %d, replayed %d; want %d, 0", resp.GetAccepted(), resp.GetReplayed(), corrections)
	}
	if rj := resp.GetRejections(); len(rj) != 1 || rj[0].GetIndex() != int64(refusedAt) || rj[0].GetReceipt() == nil {
		t.Fatalf("rejections %v, want one at %d with its log receipt", rj, refusedAt)
	}
	if got, want := resp.GetResultsVersion(), int64(demoVersion+corrections); got != want {
		t.Errorf("results version %d, want %d", got, want)
	}
	// The refusal's leaf lies between the leaves of the rows around it,
	// and the span covers every leaf of the stream.
	refused := resp.GetRejections()[0].GetReceipt().GetLeafIndex()
	sp := resp.GetLogSpan()
	if sp.GetFirstLeafIndex() >= refused || refused >= sp.GetLastLeafIndex() ||
		sp.GetLastLeafIndex()-sp.GetFirstLeafIndex() != corrections {
		t.Errorf("log span %v with the refusal at %d; want %d leaves around it", sp, refused, corrections+1)
	}
	if got := cur.GetVersion() + corrections; got != version {
		t.Fatalf("sent up to version %d, want %d", version, got)
	}
	p, err := c.GetProtocol(ctx, &tallyv1.GetProtocolRequest{Name: contest + "/protocols/astana-1"})
	if err != nil {
		t.Fatal(err)
	}
	if p.GetCurrent().GetVersion() != version {
		t.Errorf("current version %d, want %d", p.GetCurrent().GetVersion(), version)
	}
	last := corrections // the stream index of the last correction
	if got, want := votes(totals(t, c, national), "ak-zhol"), before+int64(last%2+1); got != want {
		t.Errorf("Ak Zhol %d after the corrections, want %d", got, want)
	}
}
