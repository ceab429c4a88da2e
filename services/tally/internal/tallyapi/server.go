// Package tallyapi is the gRPC adapter of the tally service: it parses
// resource names, converts messages to the domain and back, and maps domain
// errors to statuses in errors.go. Every rule lives in package tally.
package tallyapi

import (
	"cmp"
	"context"
	"errors"
	"io"
	"log/slog"
	"slices"
	"strings"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// Server implements mandate.tally.v1.TallyService.
type Server struct {
	tallyv1.UnimplementedTallyServiceServer
	svc      *tally.Service
	log      *slog.Logger
	obs      Observer
	received *received
}

// Outcome is what became of one submitted protocol, for metrics.
type Outcome string

const (
	Accepted             Outcome = "accepted"
	AcceptedWithWarnings Outcome = "accepted_with_warnings"
	Replayed             Outcome = "replayed"
	Rejected             Outcome = "rejected"
)

// Observer is told the outcome of every submitted protocol (the daemon
// counts them for its metrics). It must be cheap and safe for concurrent use.
type Observer func(o Outcome, n int)

// New returns the adapter over a tally service.
func New(svc *tally.Service, log *slog.Logger) *Server {
	return &Server{svc: svc, log: log, obs: func(Outcome, int) {}, received: &received{}}
}

// Observe sets the observer of protocol outcomes; call it before serving.
func (s *Server) Observe(o Observer) { s.obs = o }

func (s *Server) observe(rc tally.Receipt, err error) {
	switch {
	case err != nil:
		s.obs(Rejected, 1)
	case rc.Replayed:
		s.obs(Replayed, 1)
	case len(rc.Warnings) > 0:
		s.obs(AcceptedWithWarnings, 1)
	default:
		s.obs(Accepted, 1)
	}
}

// importBatch is how many streamed protocols share one store transaction.
const importBatch = 2000

func (s *Server) status(ctx context.Context, err error) error { return toStatus(ctx, s.log, "", err) }

// origin puts in ctx who sends a change and the bytes received for it,
// for the change's log entry.
func (s *Server) origin(ctx context.Context, req proto.Message, body []byte) context.Context {
	return tally.WithOrigin(ctx, tally.Origin{Subject: submitter(ctx), Body: body,
		BodyType: string(req.ProtoReflect().Descriptor().FullName())})
}

// CreateElection implements TallyService.CreateElection.
func (s *Server) CreateElection(ctx context.Context, req *tallyv1.CreateElectionRequest) (*tallyv1.Election, error) {
	body := take(s.received, req)
	if req.GetElection() == nil {
		return nil, rpcerr.Invalid("", rpcerr.Violation{Field: "election", Reason: "REQUIRED", Description: "election is required"})
	}
	e, err := s.svc.DefineElection(s.origin(ctx, req, body), electionFromWire(req.GetElectionId(), req.GetElection()))
	if err != nil {
		var fe *tally.FieldError
		if errors.As(err, &fe) && (fe.Field == "id" || fe.Field == "election") {
			return nil, rpcerr.Invalid("", rpcerr.Violation{Field: "election_id", Reason: fe.Reason, Description: fe.Message})
		}
		return nil, toStatus(ctx, s.log, "election", err)
	}
	return s.electionWithStatus(ctx, e)
}

func (s *Server) electionWithStatus(ctx context.Context, e tally.Election) (*tallyv1.Election, error) {
	statuses := map[string]tally.Status{}
	for _, c := range e.Contests {
		st, err := s.svc.GetContestStatus(ctx, e.ID, c.ID)
		if err != nil {
			return nil, s.status(ctx, err)
		}
		statuses[c.ID] = st.Status
	}
	return electionToWire(e, statuses), nil
}

// GetElection implements TallyService.GetElection.
func (s *Server) GetElection(ctx context.Context, req *tallyv1.GetElectionRequest) (*tallyv1.Election, error) {
	ids, err := parseName(req.GetName(), "name", "elections")
	if err != nil {
		return nil, err
	}
	e, err := s.svc.GetElection(ctx, ids[0])
	if err != nil {
		return nil, s.status(ctx, err)
	}
	return s.electionWithStatus(ctx, e)
}

// ListElections implements TallyService.ListElections.
func (s *Server) ListElections(ctx context.Context, req *tallyv1.ListElectionsRequest) (*tallyv1.ListElectionsResponse, error) {
	es, next, err := s.svc.ListElections(ctx, tally.PageRequest{Size: int(req.GetPageSize()), Token: req.GetPageToken()})
	if err != nil {
		return nil, s.status(ctx, err)
	}
	out := &tallyv1.ListElectionsResponse{NextPageToken: next}
	for _, e := range es {
		we, err := s.electionWithStatus(ctx, e)
		if err != nil {
			return nil, err
		}
		out.Elections = append(out.Elections, we)
	}
	return out, nil
}

// GetContest implements TallyService.GetContest.
func (s *Server) GetContest(ctx context.Context, req *tallyv1.GetContestRequest) (*tallyv1.Contest, error) {
	ids, err := parseName(req.GetName(), "name", "elections", "contests")
	if err != nil {
		return nil, err
	}
	return s.contest(ctx, ids[0], ids[1])
}

func (s *Server) contest(ctx context.Context, election, contest string) (*tallyv1.Contest, error) {
	c, err := s.svc.GetContest(ctx, election, contest)
	if err != nil {
		return nil, s.status(ctx, err)
	}
	st, err := s.svc.GetContestStatus(ctx, election, contest)
	if err != nil {
		return nil, s.status(ctx, err)
	}
	return contestToWire(election, c, st.Status), nil
}

// BatchCreateReportingUnits implements TallyService.BatchCreateReportingUnits.
func (s *Server) BatchCreateReportingUnits(ctx context.Context, req *tallyv1.BatchCreateReportingUnitsRequest) (*tallyv1.BatchCreateReportingUnitsResponse, error) {
	body := take(s.received, req)
	ids, err := parseName(req.GetParent(), "parent", "elections")
	if err != nil {
		return nil, err
	}
	units := make([]tally.Unit, 0, len(req.GetUnits()))
	for i, u := range req.GetUnits() {
		du, err := unitFromWire(ids[0], "units["+itoa(i)+"]", u)
		if err != nil {
			return nil, err
		}
		units = append(units, du)
	}
	created, err := s.svc.AddUnits(s.origin(ctx, req, body), ids[0], units)
	if err != nil {
		return nil, toStatus(ctx, s.log, "", unitErrorToWire(err))
	}
	out := &tallyv1.BatchCreateReportingUnitsResponse{CreatedCount: int32(created)}
	for _, u := range units {
		got, err := s.svc.GetUnit(ctx, ids[0], u.ID)
		if err != nil {
			return nil, s.status(ctx, err)
		}
		out.Units = append(out.Units, unitToWire(ids[0], got))
	}
	return out, nil
}

// GetReportingUnit implements TallyService.GetReportingUnit.
func (s *Server) GetReportingUnit(ctx context.Context, req *tallyv1.GetReportingUnitRequest) (*tallyv1.ReportingUnit, error) {
	ids, err := parseName(req.GetName(), "name", "elections", "units")
	if err != nil {
		return nil, err
	}
	u, err := s.svc.GetUnit(ctx, ids[0], ids[1])
	if err != nil {
		return nil, s.status(ctx, err)
	}
	return unitToWire(ids[0], u), nil
}

// ListReportingUnits implements TallyService.ListReportingUnits.
func (s *Server) ListReportingUnits(ctx context.Context, req *tallyv1.ListReportingUnitsRequest) (*tallyv1.ListReportingUnitsResponse, error) {
	ids, err := parseName(req.GetParent(), "parent", "elections")
	if err != nil {
		return nil, err
	}
	parent := ""
	if p := req.GetParentUnit(); p != "" {
		pids, err := parseName(p, "parent_unit", "elections", "units")
		if err != nil {
			return nil, err
		}
		parent = pids[1]
	}
	us, next, err := s.svc.ListUnits(ctx, ids[0], parent, tally.PageRequest{Size: int(req.GetPageSize()), Token: req.GetPageToken()})
	if err != nil {
		return nil, s.status(ctx, err)
	}
	out := &tallyv1.ListReportingUnitsResponse{NextPageToken: next}
	for _, u := range us {
		out.ReportingUnits = append(out.ReportingUnits, unitToWire(ids[0], u))
	}
	return out, nil
}

// submission converts a request; field paths in its errors are relative to
// the request.
func submission(req *tallyv1.SubmitProtocolRequest, submitter string) (tally.Submission, error) {
	ids, err := parseName(req.GetParent(), "parent", "elections", "contests")
	if err != nil {
		return tally.Submission{}, err
	}
	st, err := parseName(req.GetStation(), "station", "elections", "units")
	if err != nil {
		return tally.Submission{}, err
	}
	if st[0] != ids[0] {
		return tally.Submission{}, rpcerr.Invalid("", rpcerr.Violation{Field: "station", Reason: "OTHER_ELECTION", Description: "station belongs to another election than parent"})
	}
	kind, ok := protocolKindFromWire[req.GetKind()]
	if !ok {
		return tally.Submission{}, rpcerr.Invalid("", rpcerr.Violation{Field: "kind", Reason: "UNKNOWN_KIND", Description: "unknown submission kind"})
	}
	if kind == tally.ProtocolKindUnspecified {
		// As the API documents: a first protocol is an original, a later
		// one a correction; a recount must be said explicitly.
		kind = tally.Original
		if req.GetReplacesVersion() > 0 {
			kind = tally.Correction
		}
	}
	return tally.Submission{
		Election: ids[0], Contest: ids[1], Station: st[1], Lines: req.GetLines(), Votes: req.GetVotes(),
		IdempotencyKey: req.GetRequestId(), Replaces: int(req.GetReplacesVersion()), Reason: req.GetReason(),
		Kind: kind, Submitter: submitter,
	}, nil
}

// SubmitProtocol implements TallyService.SubmitProtocol.
func (s *Server) SubmitProtocol(ctx context.Context, req *tallyv1.SubmitProtocolRequest) (*tallyv1.SubmitProtocolResponse, error) {
	body := take(s.received, req)
	sub, err := submission(req, submitter(ctx))
	if err != nil {
		s.obs(Rejected, 1)
		_, st := s.refused(ctx, req, body, tallylog.BodySubmitProtocol, err)
		return nil, st
	}
	sub.Body = body
	rc, err := s.svc.Submit(ctx, sub)
	s.observe(rc, err)
	if err != nil {
		return nil, s.status(ctx, err)
	}
	p, err := s.svc.GetProtocol(ctx, sub.Election, sub.Contest, sub.Station)
	if err != nil {
		return nil, s.status(ctx, err)
	}
	// The protocol as of this receipt: a replay answers with the version it
	// created even if a correction came later.
	for len(p.Versions) > rc.Version {
		p.Versions = p.Versions[:len(p.Versions)-1]
	}
	return &tallyv1.SubmitProtocolResponse{Protocol: protocolToWire(p, false), Warnings: violationsToWire(rc.Warnings),
		ResultsVersion: rc.ResultsVersion, Receipt: s.receipt(rc.Election, rc.Entry)}, nil
}

// receipt is the wire form of a log entry, with the latest published
// checkpoint when it covers the entry; nil without an entry.
func (s *Server) receipt(election string, ref tally.LogRef) *tallyv1.LogReceipt {
	if ref.Index == 0 {
		return nil // stored before the log existed: entry 0 is the definition
	}
	r := &tallyv1.LogReceipt{LeafIndex: ref.Index, LeafHash: ref.Hash[:]}
	if cp, ok := s.svc.LatestPublished(election); ok && cp.Size > ref.Index {
		r.Checkpoint = checkpointToWire(cp)
	}
	return r
}

// refused logs a submission the adapter refused (a malformed request) when
// it names a known election, and returns the refusal's status with the
// entry in its ErrorInfo, and the entry.
func (s *Server) refused(ctx context.Context, req *tallyv1.SubmitProtocolRequest, body []byte, bodyType string, refusal error) (*tally.LogRef, error) {
	sub := tally.Submission{Election: electionOf(req.GetParent()), Lines: req.GetLines(), Votes: req.GetVotes(),
		IdempotencyKey: req.GetRequestId(), Replaces: int(req.GetReplacesVersion()), Reason: req.GetReason(),
		Kind: protocolKindFromWire[req.GetKind()], Submitter: submitter(ctx), Body: body, BodyType: bodyType}
	_, sub.Contest, _ = strings.Cut(req.GetParent(), "/contests/")
	_, sub.Station, _ = strings.Cut(req.GetStation(), "/units/")
	st := status.Convert(refusal)
	rej := tallylog.Rejection{Reason: "INVALID_ARGUMENT", Message: st.Message()}
	for _, d := range st.Details() {
		if info, ok := d.(*errdetails.ErrorInfo); ok {
			rej.Reason = info.GetReason()
		}
	}
	ref, ok, err := s.svc.LogRefusal(ctx, sub, rej)
	if err != nil {
		return nil, s.status(ctx, err)
	}
	if !ok {
		return nil, refusal
	}
	return &ref, withEntry(refusal, ref)
}

// ImportProtocols implements TallyService.ImportProtocols: protocols are
// committed in batches; a rejected one is reported and does not stop the
// stream.
func (s *Server) ImportProtocols(stream grpc.ClientStreamingServer[tallyv1.ImportProtocolsRequest, tallyv1.ImportProtocolsResponse]) error {
	ctx := stream.Context()
	out := &tallyv1.ImportProtocolsResponse{}
	var batch []tally.Submission
	var idx []int64
	var pfx []string // each item's field path prefix in the stream message
	span := func(i int64) {
		switch {
		case i == 0:
		case out.LogSpan == nil:
			out.LogSpan = &tallyv1.LogSpan{FirstLeafIndex: i, LastLeafIndex: i}
		default:
			out.LogSpan.FirstLeafIndex = min(out.LogSpan.FirstLeafIndex, i)
			out.LogSpan.LastLeafIndex = max(out.LogSpan.LastLeafIndex, i)
		}
	}
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		res, err := s.svc.Import(ctx, batch)
		if err != nil {
			return s.status(ctx, err)
		}
		for i, r := range res {
			s.observe(r.Receipt, r.Err)
			switch {
			case r.Err != nil:
				rj := rejection(ctx, s, idx[i], pfx[i], batch[i], r.Err)
				if rj.Receipt != nil {
					span(rj.Receipt.LeafIndex)
				}
				out.Rejections = append(out.Rejections, rj)
			case r.Receipt.Replayed:
				out.Replayed++
			default:
				out.Accepted++
				span(r.Receipt.Entry.Index)
			}
			out.ResultsVersion = max(out.ResultsVersion, r.Receipt.ResultsVersion)
		}
		batch, idx, pfx = batch[:0], idx[:0], pfx[:0]
		return nil
	}
	for n := int64(0); ; n++ {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		raw := take(s.received, msg)
		var rowBodies [][]byte
		if msg.GetRows() != nil {
			rowBodies = importedRows(raw)
		}
		reqs, prefixes, err := importItems(msg)
		if err != nil {
			// The message as a whole is unusable: one rejection per protocol
			// it carried (at least one), so indexes stay aligned.
			for range max(1, len(msg.GetRows().GetRows())) {
				s.obs(Rejected, 1)
				out.Rejections = append(out.Rejections, rejection(ctx, s, n, "", tally.Submission{}, err))
				n++
			}
			n--
			continue
		}
		for i, req := range reqs {
			if i > 0 {
				n++
			}
			if req == nil {
				s.obs(Rejected, 1)
				out.Rejections = append(out.Rejections, rejection(ctx, s, n, "", tally.Submission{}, rpcerr.Invalid("", rpcerr.Violation{
					Field: prefixes[i] + ".counts", Reason: "COUNTS_MISMATCH", Description: "a row has one count per column"})))
				continue
			}
			// The log keeps a protocol's bytes as received: the protocol
			// field, or the row with the fields of its message it needs.
			body, bodyType := importedProtocol(raw), tallylog.BodySubmitProtocol
			if msg.GetProtocol() == nil && i < len(rowBodies) {
				body, bodyType = rowBodies[i], tallylog.BodyProtocolRows
			}
			sub, err := submission(req, submitter(ctx))
			if err != nil {
				s.obs(Rejected, 1)
				ref, st := s.refused(ctx, req, body, bodyType, err)
				rj := rejection(ctx, s, n, prefixes[i], sub, st)
				if ref != nil {
					rj.Receipt = s.receipt(sub.Election, *ref)
					span(ref.Index)
				}
				out.Rejections = append(out.Rejections, rj)
				continue
			}
			sub.Body, sub.BodyType = body, bodyType
			batch, idx, pfx = append(batch, sub), append(idx, n), append(pfx, prefixes[i])
			if len(batch) >= importBatch {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	slices.SortStableFunc(out.Rejections, func(a, b *tallyv1.ImportRejection) int { return cmp.Compare(a.GetIndex(), b.GetIndex()) })
	return stream.SendAndClose(out)
}

// importItems returns the protocols one ImportProtocols message carries, as
// SubmitProtocolRequests, with the field path of each in the message.
func importItems(msg *tallyv1.ImportProtocolsRequest) ([]*tallyv1.SubmitProtocolRequest, []string, error) {
	rows := msg.GetRows()
	switch {
	case msg.GetProtocol() != nil && rows != nil:
		return nil, nil, rpcerr.Invalid("", rpcerr.Violation{Field: "rows", Reason: "ONE_OF", Description: "set protocol or rows, not both"})
	case msg.GetProtocol() != nil:
		return []*tallyv1.SubmitProtocolRequest{msg.GetProtocol()}, []string{"protocol"}, nil
	case rows == nil:
		return nil, nil, rpcerr.Invalid("", rpcerr.Violation{Field: "protocol", Reason: "REQUIRED", Description: "a message carries a protocol or rows"})
	}
	// Columns name lines and votes; a row's counts follow them.
	type column struct {
		votes bool
		id    string
	}
	cols := make([]column, len(rows.GetColumns()))
	nLines := 0
	for j, c := range rows.GetColumns() {
		kind, id, ok := strings.Cut(c, ".")
		if !ok || id == "" || (kind != "lines" && kind != "votes") {
			return nil, nil, rpcerr.Invalid("", rpcerr.Violation{Field: "rows.columns[" + itoa(j) + "]", Reason: "INVALID_COLUMN",
				Description: "a column is lines.{line id} or votes.{choice id}"})
		}
		cols[j] = column{votes: kind == "votes", id: id}
		if !cols[j].votes {
			nLines++
		}
	}
	reqs := make([]*tallyv1.SubmitProtocolRequest, len(rows.GetRows()))
	prefixes := make([]string, len(reqs))
	for i, r := range rows.GetRows() {
		prefixes[i] = "rows.rows[" + itoa(i) + "]"
		req := &tallyv1.SubmitProtocolRequest{Parent: rows.GetParent(), Station: r.GetStation(), RequestId: r.GetRequestId(),
			Kind: r.GetKind(), ReplacesVersion: r.GetReplacesVersion(), Reason: r.GetReason()}
		if len(r.GetCounts()) == len(cols) {
			req.Lines = make(map[string]int64, nLines)
			req.Votes = make(map[string]int64, len(cols)-nLines)
			for j, v := range r.GetCounts() {
				if cols[j].votes {
					req.Votes[cols[j].id] = v
				} else {
					req.Lines[cols[j].id] = v
				}
			}
		} else {
			// Counts that do not line up with the columns: a nil request
			// the caller reports with countsError.
			req = nil
		}
		reqs[i] = req
	}
	return reqs, prefixes, nil
}

func rejection(ctx context.Context, s *Server, i int64, prefix string, sub tally.Submission, err error) *tallyv1.ImportRejection {
	st := toStatusProto(ctx, s, prefix, err)
	r := &tallyv1.ImportRejection{Index: i, RequestId: sub.IdempotencyKey, Code: st.Code().String(), Message: st.Message()}
	if sub.Station != "" {
		r.Station = unitName(sub.Election, sub.Station)
	}
	var ve *tally.ValidationError
	if errors.As(err, &ve) {
		r.Violations = violationsToWire(ve.Violations)
	}
	var le *tally.LoggedError
	if errors.As(err, &le) {
		r.Receipt = s.receipt(sub.Election, le.Entry)
	}
	return r
}

// GetProtocol implements TallyService.GetProtocol.
func (s *Server) GetProtocol(ctx context.Context, req *tallyv1.GetProtocolRequest) (*tallyv1.Protocol, error) {
	ids, err := parseName(req.GetName(), "name", "elections", "contests", "protocols")
	if err != nil {
		return nil, err
	}
	p, err := s.svc.GetProtocol(ctx, ids[0], ids[1], ids[2])
	if err != nil {
		return nil, s.status(ctx, err)
	}
	return protocolToWire(p, true), nil
}

// ListProtocols implements TallyService.ListProtocols.
func (s *Server) ListProtocols(ctx context.Context, req *tallyv1.ListProtocolsRequest) (*tallyv1.ListProtocolsResponse, error) {
	ids, err := parseName(req.GetParent(), "parent", "elections", "contests")
	if err != nil {
		return nil, err
	}
	q := tally.ProtocolQuery{Election: ids[0], Contest: ids[1], HasWarnings: req.GetHasWarnings(), Page: tally.PageRequest{Size: int(req.GetPageSize()), Token: req.GetPageToken()}}
	switch mv := req.GetMinVersion(); {
	case mv < 0 || mv > 1:
		return nil, rpcerr.Invalid("", rpcerr.Violation{Field: "min_version", Reason: "OUT_OF_RANGE", Description: "min_version is 0 (all) or 1 (corrected protocols only)"})
	case mv == 1:
		q.Corrected = true
	}
	if u := req.GetUnit(); u != "" {
		uids, err := parseName(u, "unit", "elections", "units")
		if err != nil {
			return nil, err
		}
		q.Unit = uids[1]
	}
	vs, next, err := s.svc.ListProtocols(ctx, q)
	if err != nil {
		return nil, s.status(ctx, err)
	}
	out := &tallyv1.ListProtocolsResponse{NextPageToken: next}
	for _, v := range vs {
		out.Protocols = append(out.Protocols, protocolToWire(tally.Protocol{Election: v.Election, Contest: v.Contest, Station: v.Station, Versions: []tally.ProtocolVersion{v}}, false))
	}
	return out, nil
}

func parseTotals(name string) ([]string, error) {
	return parseName(name, "name", "elections", "contests", "totals")
}

// GetTotals implements TallyService.GetTotals.
func (s *Server) GetTotals(ctx context.Context, req *tallyv1.GetTotalsRequest) (*tallyv1.Totals, error) {
	ids, err := parseTotals(req.GetName())
	if err != nil {
		return nil, err
	}
	t, err := s.svc.Totals(ctx, ids[0], ids[1], ids[2])
	if err != nil {
		return nil, s.status(ctx, err)
	}
	return s.totals(ctx, t)
}

// totals converts totals with the checkpoint of the changes they include.
func (s *Server) totals(ctx context.Context, t tally.Totals) (*tallyv1.Totals, error) {
	out := totalsToWire(t)
	cp, ok, err := s.svc.TotalsCheckpoint(ctx, t)
	if err != nil {
		return nil, s.status(ctx, err)
	}
	if ok {
		out.Checkpoint = checkpointToWire(cp)
	}
	return out, nil
}

// ListChanges implements TallyService.ListChanges.
func (s *Server) ListChanges(ctx context.Context, req *tallyv1.ListChangesRequest) (*tallyv1.ListChangesResponse, error) {
	ids, err := parseTotals(req.GetName())
	if err != nil {
		return nil, err
	}
	size := int(req.GetPageSize())
	switch {
	case size < 0:
		return nil, rpcerr.Invalid("", rpcerr.Violation{Field: "page_size", Reason: "OUT_OF_RANGE", Description: "page_size must not be negative"})
	case size == 0:
		size = 1000
	case size > 10000:
		size = 10000
	}
	cs, err := s.svc.ChangesSince(ctx, ids[0], ids[1], ids[2], req.GetSinceVersion())
	if err != nil {
		return nil, s.status(ctx, err)
	}
	t, err := s.svc.Totals(ctx, ids[0], ids[1], ids[2])
	if err != nil {
		return nil, s.status(ctx, err)
	}
	wt, err := s.totals(ctx, t)
	if err != nil {
		return nil, err
	}
	out := &tallyv1.ListChangesResponse{Totals: wt, NextSinceVersion: cs.ResultsVersion}
	changes := cs.Changes
	if len(changes) > size {
		changes, out.More = changes[:size], true
		out.NextSinceVersion = changes[size-1].ResultsVersion
	}
	for _, c := range changes {
		out.Changes = append(out.Changes, changeToWire(c))
	}
	return out, nil
}

// WatchTotals implements TallyService.WatchTotals: the current totals first
// (when since_version is 0), then a message per batch of changes under the
// unit (stored ones first, then live), each with the totals at send time.
func (s *Server) WatchTotals(req *tallyv1.WatchTotalsRequest, stream grpc.ServerStreamingServer[tallyv1.WatchTotalsResponse]) error {
	ctx := stream.Context()
	ids, err := parseTotals(req.GetName())
	if err != nil {
		return err
	}
	send := func(cs ...tally.Change) error {
		t, err := s.svc.Totals(ctx, ids[0], ids[1], ids[2])
		if err != nil {
			return err
		}
		wt, err := s.totals(ctx, t)
		if err != nil {
			return err
		}
		msg := &tallyv1.WatchTotalsResponse{Totals: wt}
		for _, c := range cs {
			msg.Changes = append(msg.Changes, changeToWire(c))
		}
		return stream.Send(msg)
	}
	from := req.GetSinceVersion()
	if from == 0 {
		t, err := s.svc.Totals(ctx, ids[0], ids[1], ids[2])
		if err != nil {
			return s.status(ctx, err)
		}
		wt, err := s.totals(ctx, t)
		if err != nil {
			return err
		}
		if err := stream.Send(&tallyv1.WatchTotalsResponse{Totals: wt}); err != nil {
			return err
		}
		from = t.ResultsVersion
	}
	err = s.svc.Watch(ctx, ids[0], ids[1], ids[2], from, func(cs []tally.Change) error { return send(cs...) })
	if ctx.Err() != nil {
		return nil
	}
	return s.status(ctx, err)
}

// SetContestPhase implements TallyService.SetContestPhase.
func (s *Server) SetContestPhase(ctx context.Context, req *tallyv1.SetContestPhaseRequest) (*tallyv1.Contest, error) {
	body := take(s.received, req)
	ids, err := parseName(req.GetName(), "name", "elections", "contests")
	if err != nil {
		return nil, err
	}
	phase, ok := phaseFromWire[req.GetPhase()]
	if !ok {
		return nil, rpcerr.Invalid("", rpcerr.Violation{Field: "phase", Reason: "INVALID_PHASE", Description: "phase must be RESULT_STATUS_CERTIFIED, RESULT_STATUS_RECOUNT or RESULT_STATUS_CORRECTION"})
	}
	if _, err := s.svc.SetPhase(s.origin(ctx, req, body), ids[0], ids[1], phase, req.GetReason()); err != nil {
		return nil, s.status(ctx, err)
	}
	return s.contest(ctx, ids[0], ids[1])
}
