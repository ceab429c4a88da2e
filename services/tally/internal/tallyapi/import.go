package tallyapi

import (
	"cmp"
	"context"
	"errors"
	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	"io"
	"slices"
	"strings"

	"google.golang.org/grpc"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
	"github.com/mandate-project/mandate/services/tally/form"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/tallylog"
	"github.com/mandate-project/mandate/services/tally/tallypb"
)

// ImportProtocols implements TallyService.ImportProtocols: protocols are
// committed in batches; a rejected one is reported and does not stop the
// stream.
func (s *Server) ImportProtocols(stream grpc.ClientStreamingServer[tallyv1.ImportProtocolsRequest, tallyv1.ImportProtocolsResponse]) error {
	im := &importStream{s: s, ctx: stream.Context(), out: &tallyv1.ImportProtocolsResponse{}}
	// No return leaves a batch committing behind the call.
	defer func() { _ = im.wait() }()
	for n := int64(0); ; n++ {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if n, err = im.message(n, msg); err != nil {
			return err
		}
	}
	if err := im.flush(); err != nil {
		return err
	}
	if err := im.wait(); err != nil {
		return err
	}
	slices.SortStableFunc(im.out.Rejections, func(a, b *tallyv1.ImportRejection) int { return cmp.Compare(a.GetIndex(), b.GetIndex()) })
	return stream.SendAndClose(im.out)
}

// importStream is one ImportProtocols call: the response it builds and the
// submissions waiting to be committed as one batch.
//
// One batch commits while the stream reads and converts the next: the
// store's writer and the decoding then use both cores instead of taking
// turns. Batches still reach the store one after the other, in stream
// order, and the call answers only once the last one is durable.
type importStream struct {
	s   *Server
	ctx context.Context
	out *tallyv1.ImportProtocolsResponse
	// batch are the submissions waiting; idx their index in the stream and
	// pfx their field path prefix in their message.
	batch []tally.Submission
	idx   []int64
	pfx   []string
	// inFlight is closed when the batch committing in the background is
	// done (nil: none); its outcomes are in part, or its failure in err,
	// and wait merges them into out.
	inFlight chan struct{}
	part     importOutcome
}

// importOutcome is what a committed batch adds to the response.
type importOutcome struct {
	rejections         []*tallyv1.ImportRejection
	accepted, replayed int64
	resultsVersion     int64
	span               *tallyv1.LogSpan // of the batch's entries (nil: none)
	err                error
}

// message takes the protocols of one stream message, the first of which
// has index n, and returns the index of its last protocol.
func (im *importStream) message(n int64, msg *tallyv1.ImportProtocolsRequest) (int64, error) {
	s, ctx := im.s, im.ctx
	raw := take(s.received, msg)
	var rowBodies [][]byte
	if msg.GetRows() != nil {
		rowBodies = importedRows(raw)
	}
	items, table, err := importItems(msg)
	if err != nil {
		// The message as a whole is unusable: one rejection per protocol
		// it carried (at least one), so indexes stay aligned.
		for range max(1, len(msg.GetRows().GetRows())) {
			s.obs(Rejected, 1)
			im.out.Rejections = append(im.out.Rejections, rejection(ctx, s, n, "", tally.Submission{}, err))
			n++
		}
		return n - 1, nil
	}
	for i, it := range items {
		if i > 0 {
			n++
		}
		if it.row != nil && len(it.row.GetCounts()) != len(table.cols.IDs) {
			s.obs(Rejected, 1)
			im.out.Rejections = append(im.out.Rejections, rejection(ctx, s, n, "", tally.Submission{}, rpcerr.Invalid("", rpcerr.Violation{
				Field: it.prefix + ".counts", Reason: rpcv1.ErrorReason_COUNTS_MISMATCH.String(), Description: "a row has one count per column"})))
			continue
		}
		// The log keeps a protocol's bytes as received: the protocol
		// field, or the row with the fields of its message it needs.
		body, bodyType := importedProtocol(raw), tallylog.BodySubmitProtocol
		if msg.GetProtocol() == nil && i < len(rowBodies) {
			body, bodyType = rowBodies[i], tallylog.BodyProtocolRows
		}
		var sub tally.Submission
		if it.row != nil {
			sub, err = table.submission(it.row, submitter(ctx))
		} else {
			sub, err = submission(it.req, submitter(ctx))
		}
		if err != nil {
			req := it.req
			if req == nil {
				req = table.request(it.row)
			}
			// A refusal is logged after the batches before it, as it
			// would be without the pipeline.
			if err := im.wait(); err != nil {
				return n, err
			}
			s.obs(Rejected, 1)
			ref, st := s.refused(ctx, req, body, bodyType, err)
			rj := rejection(ctx, s, n, it.prefix, sub, st)
			if ref != nil {
				rj.Receipt = s.receipt(sub.Election, *ref)
				im.span(ref.Index)
			}
			im.out.Rejections = append(im.out.Rejections, rj)
			continue
		}
		sub.Body, sub.BodyType = body, bodyType
		im.batch, im.idx, im.pfx = append(im.batch, sub), append(im.idx, n), append(im.pfx, it.prefix)
		if len(im.batch) >= importBatch {
			if err := im.flush(); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

// flush prepares the waiting submissions (validation, log entries) while
// the batch before them commits, then hands them to the store in the
// background once that batch is done.
func (im *importStream) flush() error {
	if len(im.batch) == 0 {
		return nil
	}
	prepared := im.s.svc.PrepareImport(im.ctx, im.batch)
	if err := im.wait(); err != nil {
		return err
	}
	batch, idx, pfx := im.batch, im.idx, im.pfx
	// The next batch fills new slices: these belong to the commit now.
	im.batch, im.idx, im.pfx = make([]tally.Submission, 0, len(batch)), make([]int64, 0, len(idx)), make([]string, 0, len(pfx))
	done := make(chan struct{})
	im.inFlight = done
	go func() {
		defer close(done)
		im.part = im.commit(prepared, batch, idx, pfx)
	}()
	return nil
}

// commit stores one prepared batch and returns what it adds to the
// response.
func (im *importStream) commit(prepared *tally.PreparedImport, batch []tally.Submission, idx []int64, pfx []string) importOutcome {
	s, ctx := im.s, im.ctx
	var o importOutcome
	res, err := s.svc.StoreImport(ctx, prepared)
	if err != nil {
		o.err = s.status(ctx, err)
		return o
	}
	for i, r := range res {
		s.observe(r.Receipt, r.Err)
		switch {
		case r.Err != nil:
			rj := rejection(ctx, s, idx[i], pfx[i], batch[i], r.Err)
			if rj.Receipt != nil {
				o.span = widen(o.span, rj.Receipt.LeafIndex)
			}
			o.rejections = append(o.rejections, rj)
		case r.Receipt.Replayed:
			o.replayed++
		default:
			o.accepted++
			o.span = widen(o.span, r.Receipt.Entry.Index)
		}
		o.resultsVersion = max(o.resultsVersion, r.Receipt.ResultsVersion)
	}
	return o
}

// wait lets the batch committing in the background finish and adds its
// outcomes to the response; its error is the stream's.
func (im *importStream) wait() error {
	if im.inFlight == nil {
		return nil
	}
	<-im.inFlight
	im.inFlight = nil
	o := im.part
	im.part = importOutcome{}
	if o.err != nil {
		return o.err
	}
	out := im.out
	out.Rejections = append(out.Rejections, o.rejections...)
	out.Accepted += o.accepted
	out.Replayed += o.replayed
	out.ResultsVersion = max(out.ResultsVersion, o.resultsVersion)
	if sp := o.span; sp != nil {
		im.span(sp.FirstLeafIndex)
		im.span(sp.LastLeafIndex)
	}
	return nil
}

// span widens the response's log span to a leaf index (0: no entry).
func (im *importStream) span(i int64) {
	im.out.LogSpan = widen(im.out.LogSpan, i)
}

// widen returns sp grown to take in leaf i (from nil: a span of i alone);
// leaf 0 is none.
func widen(sp *tallyv1.LogSpan, i int64) *tallyv1.LogSpan {
	switch {
	case i == 0:
	case sp == nil:
		return &tallyv1.LogSpan{FirstLeafIndex: i, LastLeafIndex: i}
	default:
		sp.FirstLeafIndex = min(sp.FirstLeafIndex, i)
		sp.LastLeafIndex = max(sp.LastLeafIndex, i)
	}
	return sp
}

// importItem is one protocol of an ImportProtocols message: the protocol
// field, or row i of its rows.
type importItem struct {
	req    *tallyv1.SubmitProtocolRequest // the protocol field (nil for a row)
	row    *tallyv1.ProtocolRow
	prefix string // its field path in the message
}

// rowTable is what the rows of one message share: their contest and their
// columns, read once for all of them.
type rowTable struct {
	parent string
	cols   *form.Columns
	// contest is parent parsed (nil until the first row needs it), err
	// why it does not parse.
	contest []string
	err     error
}

// importItems returns the protocols one ImportProtocols message carries,
// with what its rows share (nil for a single protocol).
func importItems(msg *tallyv1.ImportProtocolsRequest) ([]importItem, *rowTable, error) {
	rows := msg.GetRows()
	switch {
	case msg.GetProtocol() != nil && rows != nil:
		return nil, nil, rpcerr.Invalid("", rpcerr.Violation{Field: "rows", Reason: rpcv1.ErrorReason_ONE_OF.String(), Description: "set protocol or rows, not both"})
	case msg.GetProtocol() != nil:
		return []importItem{{req: msg.GetProtocol(), prefix: "protocol"}}, nil, nil
	case rows == nil:
		return nil, nil, rpcerr.Invalid("", rpcerr.Violation{Field: "protocol", Reason: rpcv1.ErrorReason_REQUIRED.String(), Description: "a message carries a protocol or rows"})
	}
	// Columns name lines and votes; a row's counts follow them.
	t := &rowTable{parent: rows.GetParent(), cols: &form.Columns{IDs: make([]string, len(rows.GetColumns())), Votes: make([]bool, len(rows.GetColumns()))}}
	for j, c := range rows.GetColumns() {
		kind, id, ok := strings.Cut(c, ".")
		if !ok || id == "" || (kind != "lines" && kind != "votes") {
			return nil, nil, rpcerr.Invalid("", rpcerr.Violation{Field: "rows.columns[" + itoa(j) + "]", Reason: rpcv1.ErrorReason_INVALID_COLUMN.String(),
				Description: "a column is lines.{line id} or votes.{choice id}"})
		}
		t.cols.IDs[j], t.cols.Votes[j] = id, kind == "votes"
	}
	items := make([]importItem, len(rows.GetRows()))
	for i, r := range rows.GetRows() {
		items[i] = importItem{row: r, prefix: "rows.rows[" + itoa(i) + "]"}
	}
	return items, t, nil
}

// request is the SubmitProtocolRequest a row stands for, its counts as
// maps (a column named twice keeps the later count); nil when the row
// has not one count a column.
func (t *rowTable) request(r *tallyv1.ProtocolRow) *tallyv1.SubmitProtocolRequest {
	if len(r.GetCounts()) != len(t.cols.IDs) {
		return nil
	}
	req := &tallyv1.SubmitProtocolRequest{Parent: t.parent, Station: r.GetStation(), RequestId: r.GetRequestId(),
		Kind: r.GetKind(), ReplacesVersion: r.GetReplacesVersion(), Reason: r.GetReason()}
	req.Lines, req.Votes = form.Submission{Cols: t.cols, Counts: r.GetCounts()}.CountMaps()
	return req
}

// submission is submission(t.request(r)) without the maps: the row's
// counts stay a slice, named by the table's columns.
func (t *rowTable) submission(r *tallyv1.ProtocolRow, submitter string) (tally.Submission, error) {
	if t.contest == nil && t.err == nil {
		t.contest, t.err = parseName(t.parent, "parent", "elections", "contests")
	}
	if t.err != nil {
		return tally.Submission{}, t.err
	}
	st, err := parseName(r.GetStation(), "station", "elections", "units")
	if err != nil {
		return tally.Submission{}, err
	}
	if st[0] != t.contest[0] {
		return tally.Submission{}, rpcerr.Invalid("", rpcerr.Violation{Field: "station", Reason: rpcv1.ErrorReason_OTHER_ELECTION.String(), Description: "station belongs to another election than parent"})
	}
	return tally.Submission{
		Election: t.contest[0], Contest: t.contest[1], Station: st[1], Cols: t.cols, Counts: r.GetCounts(),
		IdempotencyKey: r.GetRequestId(), Replaces: int(r.GetReplacesVersion()), Reason: r.GetReason(),
		Kind: tallypb.KindFromProto(r.GetKind()), Submitter: submitter,
	}, nil
}

func rejection(ctx context.Context, s *Server, i int64, prefix string, sub tally.Submission, err error) *tallyv1.ImportRejection {
	st := toStatusProto(ctx, s, prefix, err)
	r := &tallyv1.ImportRejection{Index: i, RequestId: sub.IdempotencyKey, Code: rpcerr.CodeName(st.Code()), Message: st.Message()}
	if sub.Station != "" {
		r.Station = unitName(sub.Election, sub.Station)
	}
	var ve *tally.ValidationError
	if errors.As(err, &ve) {
		r.Violations = tallypb.ViolationsToProto(ve.Violations)
	}
	var le *tally.LoggedError
	if errors.As(err, &le) {
		r.Receipt = s.receipt(sub.Election, le.Entry)
	}
	return r
}
