// Package tallyapi is the gRPC adapter of the tally service: it parses
// resource names, converts messages to the domain and back, and maps domain
// errors to statuses in errors.go. Every rule lives in package tally.
package tallyapi

import (
	"context"
	"errors"
	"log/slog"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/tallylog"
	"github.com/mandate-project/mandate/services/tally/tallypb"
)

// Server implements mandate.tally.v1.TallyService.
type Server struct {
	tallyv1.UnimplementedTallyServiceServer
	svc      *tally.Service
	log      *slog.Logger
	obs      Observer
	received *received
	kept     totalsCache // GetTotals answers of the current view (totalscache.go)
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

// importBatch is how many streamed protocols share one store transaction:
// as many as mandatectl sends in one call, so each of its calls is one
// commit. From 2,000, a million-station import wrote 3.9 GB instead of
// 4.25 (every commit writes each index page it touched once more).
const importBatch = 5000

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
		return nil, rpcerr.Invalid("", rpcerr.Violation{Field: "election", Reason: rpcv1.ErrorReason_REQUIRED.String(), Description: "election is required"})
	}
	e, err := s.svc.DefineElection(s.origin(ctx, req, body), tallypb.ElectionFromProto(req.GetElectionId(), req.GetElection()))
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
	created, ch, err := s.svc.AddUnitsChange(s.origin(ctx, req, body), ids[0], units)
	if err != nil {
		return nil, toStatus(ctx, s.log, "", unitErrorToWire(err))
	}
	// Every unit of the request is stored as given now: a new one as it
	// came, an existing one only when equal to it (AddUnitsChange refuses
	// other content). So the answer is the request's units, without a
	// lookup of each in a tree of a million stations.
	out := &tallyv1.BatchCreateReportingUnitsResponse{CreatedCount: int32(created), ResultsVersion: ch.ResultsVersion,
		Units: make([]*tallyv1.ReportingUnit, 0, len(units))}
	for _, u := range units {
		out.Units = append(out.Units, tallypb.UnitToProto(ids[0], u))
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
	return tallypb.UnitToProto(ids[0], u), nil
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
		out.ReportingUnits = append(out.ReportingUnits, tallypb.UnitToProto(ids[0], u))
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
		return tally.Submission{}, rpcerr.Invalid("", rpcerr.Violation{Field: "station", Reason: rpcv1.ErrorReason_OTHER_ELECTION.String(), Description: "station belongs to another election than parent"})
	}
	return tally.Submission{
		Election: ids[0], Contest: ids[1], Station: st[1], Lines: req.GetLines(), Votes: req.GetVotes(),
		IdempotencyKey: req.GetRequestId(), Replaces: int(req.GetReplacesVersion()), Reason: req.GetReason(),
		Kind: tallypb.KindFromProto(req.GetKind()), Submitter: submitter,
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
	rc, v, err := s.svc.SubmitVersion(ctx, sub)
	s.observe(rc, err)
	if err != nil {
		return nil, s.status(ctx, err)
	}
	// The protocol as of this receipt: a replay answers with the version it
	// created even if a correction came later. The service returns that
	// version as stored, so the answer reads nothing back from the store
	// (a read per submission was 40 % of SubmitProtocol's CPU under load).
	p := tally.Protocol{Election: sub.Election, Contest: sub.Contest, Station: sub.Station, Versions: []tally.ProtocolVersion{v}}
	return &tallyv1.SubmitProtocolResponse{Protocol: protocolToWire(p, false), Warnings: tallypb.ViolationsToProto(rc.Warnings),
		ResultsVersion: rc.ResultsVersion, Receipt: s.receipt(rc.Election, rc.Entry)}, nil
}

// receipt is the wire form of a log entry, with the latest published
// checkpoint when it covers the entry; nil without an entry.
func (s *Server) receipt(election string, ref tally.LogRef) *tallyv1.LogReceipt {
	if ref.Index == 0 {
		return nil // stored before the log existed: entry 0 is the definition
	}
	r := &tallyv1.LogReceipt{LeafIndex: ref.Index, LeafHash: ref.Hash[:]}
	if cp, ok := s.svc.Log().LatestPublished(election); ok && cp.Size > ref.Index {
		r.Checkpoint = checkpointToWire(cp)
	}
	return r
}

// refused logs a submission the adapter refused (a malformed request) when
// it names a known election, and returns the refusal's status with the
// entry in its ErrorInfo, and the entry.
func (s *Server) refused(ctx context.Context, req *tallyv1.SubmitProtocolRequest, body []byte, bodyType string, refusal error) (*tally.LogRef, error) {
	sub := tally.Submission{Lines: req.GetLines(), Votes: req.GetVotes(),
		IdempotencyKey: req.GetRequestId(), Replaces: int(req.GetReplacesVersion()), Reason: req.GetReason(),
		Kind: tallypb.KindFromProto(req.GetKind()), Submitter: submitter(ctx), Body: body, BodyType: bodyType}
	sub.Election, sub.Contest, sub.Station = looseSubject(req.GetParent(), req.GetStation())
	st := status.Convert(refusal)
	rej := tallylog.Rejection{Reason: rpcv1.ErrorReason_INVALID_ARGUMENT.String(), Message: st.Message()}
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
		return nil, rpcerr.Invalid("", rpcerr.Violation{Field: "min_version", Reason: rpcv1.ErrorReason_OUT_OF_RANGE.String(), Description: "min_version is 0 (all) or 1 (corrected protocols only)"})
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

// GetTotals implements TallyService.GetTotals.
func (s *Server) GetTotals(ctx context.Context, req *tallyv1.GetTotalsRequest) (*tallyv1.Totals, error) {
	ids, err := parseTotals(req.GetName())
	if err != nil {
		return nil, err
	}
	if msg, ok, err := s.cachedTotals(ctx, ids[0], ids[1], ids[2]); ok {
		return msg, err
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
	cp, ok, err := s.svc.Log().TotalsCheckpoint(ctx, t)
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
	cs, more, err := s.svc.ChangesPage(ctx, ids[0], ids[1], ids[2], req.GetSinceVersion(), int(req.GetPageSize()))
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
	out := &tallyv1.ListChangesResponse{Totals: wt, NextSinceVersion: cs.ResultsVersion, More: more}
	for _, c := range cs.Changes {
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
		return nil, rpcerr.Invalid("", rpcerr.Violation{Field: "phase", Reason: rpcv1.ErrorReason_INVALID_PHASE.String(), Description: "phase must be RESULT_STATUS_CERTIFIED, RESULT_STATUS_RECOUNT or RESULT_STATUS_CORRECTION"})
	}
	if _, err := s.svc.SetPhase(s.origin(ctx, req, body), ids[0], ids[1], phase, req.GetReason()); err != nil {
		return nil, s.status(ctx, err)
	}
	return s.contest(ctx, ids[0], ids[1])
}
