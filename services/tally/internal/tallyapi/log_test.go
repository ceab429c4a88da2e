package tallyapi_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/encoding"
	encproto "google.golang.org/grpc/encoding/proto"
	"google.golang.org/grpc/mem"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// sent is a client codec that records the bytes of the last request sent.
type sent struct {
	encoding.CodecV2
	last []byte
}

func (s *sent) Marshal(v any) (mem.BufferSlice, error) {
	out, err := s.CodecV2.Marshal(v)
	s.last = out.Materialize()
	return out, err
}

func newSent() *sent { return &sent{CodecV2: encoding.GetCodecV2(encproto.Name)} }

func logVerifier(t *testing.T) (vkey string) {
	t.Helper()
	_, vkey, err := tallylog.NewSigner(testLogKey)
	if err != nil {
		t.Fatal(err)
	}
	return vkey
}

// checkpointOf opens a wire checkpoint with the test key.
func checkpointOf(t *testing.T, c *tallyv1.Checkpoint) tallylog.Checkpoint {
	t.Helper()
	v, err := noteVerifier(logVerifier(t))
	if err != nil {
		t.Fatal(err)
	}
	cp, err := tallylog.OpenCheckpoint([]byte(c.GetNote()), v)
	if err != nil {
		t.Fatalf("checkpoint %s: %v", c.GetName(), err)
	}
	if cp.Size != c.GetTreeSize() || !bytes.Equal(cp.Root[:], c.GetRootHash()) {
		t.Fatalf("checkpoint %s: fields differ from its note", c.GetName())
	}
	return cp
}

func leaf(t *testing.T, c tallyv1.TallyServiceClient, i int64) (tallylog.Entry, []byte, []byte) {
	t.Helper()
	resp, err := c.ListLogEntries(context.Background(), &tallyv1.ListLogEntriesRequest{
		Parent: "elections/kz-2012/log", PageToken: strconv.FormatInt(i, 10), PageSize: 1})
	if err != nil || len(resp.GetLogEntries()) != 1 || resp.GetLogEntries()[0].GetIndex() != i {
		t.Fatalf("ListLogEntries(%d) = %v, %v", i, resp, err)
	}
	l := resp.GetLogEntries()[0].GetLeaf()
	e, body, err := tallylog.ParseLeaf(l)
	if err != nil {
		t.Fatal(err)
	}
	return e, body, l
}

func proveIncluded(t *testing.T, c tallyv1.TallyServiceClient, index int64, hash []byte) tallylog.Checkpoint {
	t.Helper()
	p, err := c.GetInclusionProof(context.Background(), &tallyv1.GetInclusionProofRequest{Name: "elections/kz-2012/log", LeafIndex: index})
	if err != nil {
		t.Fatal(err)
	}
	cp := checkpointOf(t, p.GetCheckpoint())
	var proof tlog.RecordProof
	for _, h := range p.GetHashes() {
		proof = append(proof, tlog.Hash(h))
	}
	if err := tlog.CheckRecord(proof, cp.Size, cp.Root, index, tlog.Hash(hash)); err != nil {
		t.Fatalf("leaf %d not proved in the tree of %d: %v", index, cp.Size, err)
	}
	return cp
}

func proveConsistent(t *testing.T, c tallyv1.TallyServiceClient, old tallylog.Checkpoint) tallylog.Checkpoint {
	t.Helper()
	p, err := c.GetConsistencyProof(context.Background(), &tallyv1.GetConsistencyProofRequest{Name: "elections/kz-2012/log", FirstTreeSize: old.Size})
	if err != nil {
		t.Fatal(err)
	}
	cp := checkpointOf(t, p.GetSecond())
	var proof tlog.TreeProof
	for _, h := range p.GetHashes() {
		proof = append(proof, tlog.Hash(h))
	}
	if err := tlog.CheckTree(proof, cp.Size, cp.Root, old.Size, old.Root); err != nil {
		t.Fatalf("tree of %d not a prefix of the tree of %d: %v", old.Size, cp.Size, err)
	}
	return cp
}

// TestReceiptsAndProofs: a submission's receipt names a leaf holding the
// exact bytes sent, proved in a signed checkpoint; a refusal is logged with
// its reason; checkpoints before and after stay consistent across a
// restart, and the receipt from before it still verifies.
func TestReceiptsAndProofs(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tally.db")
	c, stop := startAt(t, path)
	loadDemo(t, c)
	cur, err := c.GetCheckpoint(ctx, &tallyv1.GetCheckpointRequest{Name: "elections/kz-2012/checkpoints/current"})
	if err != nil {
		t.Fatal(err)
	}
	before := checkpointOf(t, cur)

	rec := newSent()
	req1 := correction(t, c, "astana-1", "log-1", 10)
	resp, err := c.SubmitProtocol(ctx, req1, grpc.ForceCodecV2(rec))
	if err != nil {
		t.Fatal(err)
	}
	r := resp.GetReceipt()
	if r.GetLeafIndex() != before.Size || len(r.GetLeafHash()) != 32 {
		t.Fatalf("receipt %v, want leaf %d", r, before.Size)
	}
	e, body, l := leaf(t, c, r.GetLeafIndex())
	if e.Kind != tallylog.KindProtocol || e.Station != "astana-1" || e.Version != 2 || e.ProtocolKind != "CORRECTION" ||
		e.RequestID != "log-1" || e.Body != tallylog.BodySubmitProtocol || e.Sequence != r.GetLeafIndex() {
		t.Errorf("entry %+v", e)
	}
	if !bytes.Equal(body, rec.last) {
		t.Errorf("the entry's body is not the bytes sent:\n%x\n%x", body, rec.last)
	}
	if tlog.RecordHash(l) != tlog.Hash(r.GetLeafHash()) {
		t.Error("receipt hash is not the leaf's")
	}
	proveIncluded(t, c, r.GetLeafIndex(), r.GetLeafHash())
	// A replay names the same leaf, and logs nothing.
	again, err := c.SubmitProtocol(ctx, req1)
	if err != nil || again.GetReceipt().GetLeafIndex() != r.GetLeafIndex() || !bytes.Equal(again.GetReceipt().GetLeafHash(), r.GetLeafHash()) {
		t.Errorf("replay: %v %v", again, err)
	}

	// A refused protocol: the error names its entry, which holds the reason
	// and the digest of the bytes sent (not the bytes).
	bad := correction(t, c, "astana-2", "log-2", 0)
	bad.Votes["nur-otan"]++
	rec = newSent()
	_, err = c.SubmitProtocol(ctx, bad, grpc.ForceCodecV2(rec))
	if status.Code(err) != codes.InvalidArgument {
		t.Fatalf("broken protocol: %v", err)
	}
	var info *errdetails.ErrorInfo
	for _, d := range status.Convert(err).Details() {
		if i, ok := d.(*errdetails.ErrorInfo); ok {
			info = i
		}
	}
	if info.GetMetadata()["leaf_index"] != strconv.FormatInt(r.GetLeafIndex()+1, 10) || info.GetMetadata()["leaf_hash"] == "" {
		t.Fatalf("refusal's ErrorInfo: %v", info)
	}
	e, body, _ = leaf(t, c, r.GetLeafIndex()+1)
	if e.Kind != tallylog.KindRejection || e.Rejection == nil || e.Rejection.Reason != "CONTROL_RELATIONS" ||
		len(e.Rejection.Violations) == 0 || e.Station != "astana-2" || len(body) != 0 ||
		e.Rejection.BodySHA256 != hex.EncodeToString(sha256Of(rec.last)) || e.Rejection.BodySize != int64(len(rec.last)) {
		t.Errorf("rejection entry %+v", e)
	}
	// A malformed request to a known election is logged too.
	_, err = c.SubmitProtocol(ctx, &tallyv1.SubmitProtocolRequest{Parent: contest, Station: "nowhere", RequestId: "log-3", Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_ORIGINAL})
	if status.Code(err) != codes.InvalidArgument {
		t.Fatalf("malformed station: %v", err)
	}
	if e, _, _ = leaf(t, c, r.GetLeafIndex()+2); e.Kind != tallylog.KindRejection || e.Rejection.Reason != "INVALID_RESOURCE_NAME" {
		t.Errorf("malformed request's entry %+v", e)
	}

	// The totals' checkpoint covers the correction and not the refusals.
	tot := totals(t, c, national)
	if tot.GetCheckpoint().GetTreeSize() != r.GetLeafIndex()+1 {
		t.Errorf("totals checkpoint of %d entries, want %d", tot.GetCheckpoint().GetTreeSize(), r.GetLeafIndex()+1)
	}
	checkpointOf(t, tot.GetCheckpoint())
	after := proveConsistent(t, c, before)

	// Restart: the receipt still verifies, and the log only grew.
	stop()
	c, stop = startAt(t, path)
	defer stop()
	if _, err := c.SubmitProtocol(ctx, correction(t, c, "astana-3", "log-4", 1)); err != nil {
		t.Fatal(err)
	}
	cp := proveIncluded(t, c, r.GetLeafIndex(), r.GetLeafHash())
	if cp.Size <= after.Size {
		t.Errorf("checkpoint after restart of %d entries, want more than %d", cp.Size, after.Size)
	}
	proveConsistent(t, c, before)
	proveConsistent(t, c, after)
	if lat, err := c.GetCheckpoint(ctx, &tallyv1.GetCheckpointRequest{Name: "elections/kz-2012/checkpoints/latest"}); err != nil {
		t.Fatal(err)
	} else {
		checkpointOf(t, lat)
	}
	for _, bad := range []string{"elections/kz-2012/checkpoints/0", "elections/kz-2012/checkpoints/999", "elections/kz-2012/checkpoints/x"} {
		if _, err := c.GetCheckpoint(ctx, &tallyv1.GetCheckpointRequest{Name: bad}); status.Code(err) != codes.InvalidArgument {
			t.Errorf("GetCheckpoint(%s) = %v", bad, err)
		}
	}
	if _, err := c.GetInclusionProof(ctx, &tallyv1.GetInclusionProofRequest{Name: "elections/kz-2012/log", LeafIndex: 5, TreeSize: 3}); status.Code(err) != codes.InvalidArgument {
		t.Errorf("leaf beyond the tree: %v", err)
	}
	if _, err := c.GetConsistencyProof(ctx, &tallyv1.GetConsistencyProofRequest{Name: "elections/kz-2012/x", FirstTreeSize: 1}); status.Code(err) != codes.InvalidArgument {
		t.Errorf("bad log name: %v", err)
	}
}

// TestImportLogsRejections: an import's refusals are logged, and its
// response says where its entries are.
func TestImportLogsRejections(t *testing.T) {
	c := start(t)
	loadDemo(t, c)
	ctx := context.Background()
	s, err := c.ImportProtocols(ctx)
	if err != nil {
		t.Fatal(err)
	}
	good := correction(t, c, "astana-1", "imp-1", 3)
	bad := correction(t, c, "astana-2", "imp-2", 0)
	bad.Votes["ak-zhol"] += 7
	for _, p := range []*tallyv1.SubmitProtocolRequest{good, bad} {
		if err := s.Send(&tallyv1.ImportProtocolsRequest{Protocol: p}); err != nil {
			t.Fatal(err)
		}
	}
	resp, err := s.CloseAndRecv()
	if err != nil {
		t.Fatal(err)
	}
	if resp.GetAccepted() != 1 || len(resp.GetRejections()) != 1 || resp.GetLogSpan() == nil {
		t.Fatalf("import: %v", resp)
	}
	rj := resp.GetRejections()[0].GetReceipt()
	if rj == nil || rj.GetLeafIndex() != resp.GetLogSpan().GetLastLeafIndex() {
		t.Fatalf("rejection receipt %v, span %v", rj, resp.GetLogSpan())
	}
	e, body, _ := leaf(t, c, rj.GetLeafIndex())
	if e.Kind != tallylog.KindRejection || e.RequestID != "imp-2" || len(body) != 0 ||
		e.Rejection.Body != tallylog.BodySubmitProtocol || len(e.Rejection.BodySHA256) != 64 || e.Rejection.BodySize == 0 {
		t.Errorf("entry %+v", e)
	}
	p, err := c.GetProtocol(ctx, &tallyv1.GetProtocolRequest{Name: contest + "/protocols/astana-1"})
	if err != nil || p.GetCurrent().GetLeafIndex() != resp.GetLogSpan().GetFirstLeafIndex() {
		t.Errorf("protocol's leaf %d, span %v, %v", p.GetCurrent().GetLeafIndex(), resp.GetLogSpan(), err)
	}
}

func noteVerifier(vkey string) (note.Verifier, error) { return note.NewVerifier(vkey) }

// TestRefusalLoggedOnceBounded: a refused request of 4 MB is logged as its
// digest and reason in a leaf of under 4 KiB, and the same request again,
// ten times, appends nothing (issue 14 item 4: 10 refused calls of 4 MiB
// added 84 MB to the log). A different request is a new leaf.
func TestRefusalLoggedOnceBounded(t *testing.T) {
	c := start(t)
	loadDemo(t, c)
	ctx := context.Background()
	big := &tallyv1.SubmitProtocolRequest{Parent: contest, Station: contest + "/units/astana-1", RequestId: "big-1",
		Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION, ReplacesVersion: 1, Reason: strings.Repeat("x", 4_000_000)}
	refusedAt := func(req *tallyv1.SubmitProtocolRequest, rec *sent) int64 {
		t.Helper()
		_, err := c.SubmitProtocol(ctx, req, grpc.ForceCodecV2(rec))
		if status.Code(err) != codes.InvalidArgument {
			t.Fatalf("reason of 4 MB: %v", err)
		}
		for _, d := range status.Convert(err).Details() {
			if i, ok := d.(*errdetails.ErrorInfo); ok {
				n, err := strconv.ParseInt(i.GetMetadata()["leaf_index"], 10, 64)
				if err != nil {
					t.Fatalf("refusal's ErrorInfo %v: %v", i, err)
				}
				return n
			}
		}
		t.Fatalf("no ErrorInfo in %v", err)
		return 0
	}
	rec := newSent()
	first := refusedAt(big, rec)
	for range 9 {
		if i := refusedAt(big, newSent()); i != first {
			t.Fatalf("the same refusal again is leaf %d, want %d", i, first)
		}
	}
	e, body, l := leaf(t, c, first)
	sum := sha256.Sum256(rec.last)
	if e.Kind != tallylog.KindRejection || e.Body != "" || len(body) != 0 || e.Rejection.Body != tallylog.BodySubmitProtocol ||
		e.Rejection.BodySHA256 != hex.EncodeToString(sum[:]) || e.Rejection.BodySize != int64(len(rec.last)) ||
		!slices.Equal(e.Rejection.Truncated, []string{"reason"}) || e.RequestID != "big-1" {
		t.Errorf("refusal entry %+v, %d bytes of body", e, len(body))
	}
	if len(l) >= 4096 {
		t.Errorf("refusal leaf of %d bytes, want < 4 KiB", len(l))
	}
	resp, err := c.ListLogEntries(ctx, &tallyv1.ListLogEntriesRequest{Parent: "elections/kz-2012/log", PageToken: strconv.FormatInt(first+1, 10), PageSize: 1})
	if err != nil || len(resp.GetLogEntries()) != 0 {
		t.Fatalf("entries after the refusal: %v, %v", resp.GetLogEntries(), err)
	}
	// Another request id is another request: one more leaf.
	other := proto.CloneOf(big)
	other.RequestId = "big-2"
	if i := refusedAt(other, newSent()); i != first+1 {
		t.Errorf("a different refusal is leaf %d, want %d", i, first+1)
	}
}

func sha256Of(b []byte) []byte {
	s := sha256.Sum256(b)
	return s[:]
}
