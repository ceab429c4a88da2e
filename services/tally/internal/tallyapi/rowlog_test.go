package tallyapi_test

import (
	"bytes"
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// TestImportRowLogged: a row imported with its contest's columns in the
// canonical order is logged as the row alone (format 4), one with its
// columns in another order keeps its whole body; read in order from entry
// 0, both give the counts sent and the bytes received.
func TestImportRowLogged(t *testing.T) {
	c := start(t)
	loadDemo(t, c)
	ctx := context.Background()
	cur, _, _ := astanaRow(ctx, t, c)
	var cols []string
	for _, k := range slices.Sorted(maps.Keys(cur.GetLines())) {
		cols = append(cols, "lines."+k)
	}
	for _, k := range slices.Sorted(maps.Keys(cur.GetVotes())) {
		cols = append(cols, "votes."+k)
	}
	counts := func(cols []string) []int64 {
		var out []int64
		for _, col := range cols {
			kind, id, _ := strings.Cut(col, ".")
			if kind == "lines" {
				out = append(out, cur.GetLines()[id])
			} else {
				out = append(out, cur.GetVotes()[id])
			}
		}
		return out
	}
	reversed := slices.Clone(cols)
	slices.Reverse(reversed)
	s, err := c.ImportProtocols(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, cs := range [][]string{cols, reversed} {
		station := []string{"astana-1", "astana-2"}[i]
		if err := s.Send(&tallyv1.ImportProtocolsRequest{Rows: &tallyv1.ProtocolRows{Parent: contest, Columns: cs,
			Rows: []*tallyv1.ProtocolRow{{Station: "elections/kz-2012/units/" + station, RequestId: "rowlog-" + station, Counts: counts(cs),
				ReplacesVersion: 1, Reason: "rows", Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION}}}}); err != nil {
			t.Fatal(err)
		}
	}
	resp, err := s.CloseAndRecv()
	if err != nil || resp.GetAccepted() != 2 {
		t.Fatalf("import: %v, %v", resp, err)
	}
	var r tallylog.Reader
	bodies := map[string]string{}
	for i := int64(0); ; i++ {
		list, err := c.ListLogEntries(ctx, &tallyv1.ListLogEntriesRequest{Parent: "elections/kz-2012/log", PageToken: strconv.FormatInt(i, 10), PageSize: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(list.GetLogEntries()) == 0 {
			break
		}
		e, body, err := r.Parse(list.GetLogEntries()[0].GetLeaf())
		if err != nil {
			t.Fatalf("entry %d: %v", i, err)
		}
		if e.Kind != tallylog.KindProtocol || !strings.HasPrefix(e.RequestID, "rowlog-") {
			continue
		}
		bodies[e.Station] = e.Body
		if !maps.Equal(e.Lines, cur.GetLines()) || !maps.Equal(e.Votes, cur.GetVotes()) {
			t.Errorf("%s: logged %v %v, sent %v %v", e.Station, e.Lines, e.Votes, cur.GetLines(), cur.GetVotes())
		}
		typ, received, err := r.Received(e, body)
		if err != nil || typ != tallylog.BodyProtocolRows {
			t.Fatalf("%s: received %s, %v", e.Station, typ, err)
		}
		if e.Body == tallylog.BodyProtocolRow && (bytes.Contains(body, []byte("lines.")) || !bytes.Contains(received, []byte("lines."))) {
			t.Errorf("%s: the row's leaf repeats the columns, or the bytes received lack them", e.Station)
		}
	}
	if bodies["astana-1"] != tallylog.BodyProtocolRow || bodies["astana-2"] != tallylog.BodyProtocolRows {
		t.Errorf("bodies %v, want the canonical row alone and the other whole", bodies)
	}
	// A row's content hash is that of the same protocol sent with maps:
	// sending it again through SubmitProtocol is a replay, not a conflict.
	for _, station := range []string{"astana-1", "astana-2"} {
		again, err := c.SubmitProtocol(ctx, &tallyv1.SubmitProtocolRequest{Parent: contest, Station: "elections/kz-2012/units/" + station,
			Lines: cur.GetLines(), Votes: cur.GetVotes(), RequestId: "rowlog-" + station, ReplacesVersion: 1, Reason: "rows",
			Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION})
		if err != nil || again.GetResultsVersion() > resp.GetResultsVersion() || again.GetProtocol().GetCurrent().GetVersion() != 2 {
			t.Errorf("%s sent again with maps: %v, %v (import's results version %d)", station, again, err, resp.GetResultsVersion())
		}
	}
}
