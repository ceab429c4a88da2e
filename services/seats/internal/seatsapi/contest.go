package seatsapi

import (
	"context"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
	"google.golang.org/protobuf/types/known/timestamppb"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/apportionpb"
	"github.com/mandate-project/mandate/services/seats/internal/livecount"
)

// AllocateContest implements SeatsService.AllocateContest.
func (s *Server) AllocateContest(ctx context.Context, req *seatsv1.AllocateContestRequest) (*seatsv1.ContestAllocation, error) {
	if len(req.GetDistricts()) > 0 || req.GetChamberRule() != nil {
		return s.allocateDistrictContest(ctx, req)
	}
	q, vs := parseContestQuery(req.GetContest(), req.GetUnit(), req.GetPreset(), req.GetRule())
	if len(vs) > 0 {
		return nil, rpcerr.Invalid("", vs...)
	}
	if s.live == nil {
		return nil, errNoTally
	}
	ctx = forwardCredentials(ctx)
	preset, err := s.contestRule(ctx, &q, req.GetPreset())
	if err != nil {
		return nil, err
	}
	a, err := s.live.Allocate(ctx, q.ref, q.rule)
	if err != nil {
		return nil, s.liveStatus(ctx, err)
	}
	return contestAllocationToWire(a, preset), nil
}

// WatchContestAllocation implements SeatsService.WatchContestAllocation.
func (s *Server) WatchContestAllocation(req *seatsv1.WatchContestAllocationRequest, stream grpc.ServerStreamingServer[seatsv1.ContestAllocation]) error {
	ctx := stream.Context()
	if len(req.GetDistricts()) > 0 || req.GetChamberRule() != nil {
		return s.watchDistrictContest(ctx, req, stream.Send)
	}
	q, vs := parseContestQuery(req.GetContest(), req.GetUnit(), req.GetPreset(), req.GetRule())
	vs = checkSince(vs, req.GetSinceVersion())
	if len(vs) > 0 {
		return rpcerr.Invalid("", vs...)
	}
	if s.live == nil {
		return errNoTally
	}
	fctx := forwardCredentials(ctx)
	preset, err := s.contestRule(fctx, &q, req.GetPreset())
	if err != nil {
		return err
	}
	err = s.live.Watch(fctx, q.ref, q.rule, req.GetSinceVersion(), func(a *livecount.Allocation) error {
		return stream.Send(contestAllocationToWire(a, preset))
	})
	return s.liveStatus(ctx, err)
}

// contestRule returns the preset the allocation follows: the request's, or,
// when the request names neither rule nor preset, the contest's own legal
// rule (Contest.seat_preset in the tally), whose rule it puts in q. A
// contest that names none leaves the caller to give one (INVALID_ARGUMENT,
// as before the default existed); one that names a preset this server
// does not have as a single-pool rule is the definition's fault
// (FAILED_PRECONDITION).
func (s *Server) contestRule(ctx context.Context, q *contestQuery, preset string) (string, error) {
	if !q.fromContest {
		return preset, nil
	}
	name, found, err := s.live.SeatPreset(ctx, q.ref.Election, q.ref.Contest)
	if err != nil {
		return "", s.liveStatus(ctx, err)
	}
	contest := "elections/" + q.ref.Election + "/contests/" + q.ref.Contest
	if !found {
		return "", rpcerr.NotFound(rpcv1.ErrorReason_CONTEST_NOT_FOUND, "tally.mandate.dev/Contest", contest, "no contest "+contest)
	}
	if name == "" {
		return "", rpcerr.Invalid("", rpcerr.Violation{Field: "rule", Reason: rpcv1.ErrorReason_RULE_REQUIRED.String(),
			Description: "give a rule or a preset: " + contest + " names no legal rule (seat_preset)"})
	}
	rule, vs := presetRule(name)
	if len(vs) > 0 {
		return "", rpcerr.Precondition(rpcv1.ErrorReason_UNKNOWN_PRESET, "SEAT_PRESET", contest,
			contest+" names seat_preset "+name+", which is no single-pool preset of this seats service: "+vs[0].Description,
			map[string]string{"contest": contest, "preset": name})
	}
	q.rule = rule
	return name, nil
}

// forwardCredentials passes the caller's token on to the tally, which may
// require one for reads: the seats service reads on the caller's behalf.
func forwardCredentials(ctx context.Context) context.Context {
	md, _ := metadata.FromIncomingContext(ctx)
	if v := md.Get("authorization"); len(v) > 0 {
		return metadata.AppendToOutgoingContext(ctx, "authorization", v[0])
	}
	return ctx
}

// contestQuery is a checked AllocateContest or WatchContestAllocation
// request.
type contestQuery struct {
	ref  livecount.Ref
	rule apportion.Rule
	// fromContest: the request names no rule; the contest's seat_preset
	// gives it (Server.contestRule).
	fromContest bool
}

// parseContestQuery checks the names and resolves the rule. An explicit
// rule must leave its threshold base zero: the base is the contest's share
// base in the totals, which change as the count goes on. Neither rule nor
// preset means the contest's own (fromContest).
func parseContestQuery(contest, unit, preset string, rule *seatsv1.Rule) (contestQuery, []rpcerr.Violation) {
	var q contestQuery
	var vs []rpcerr.Violation
	ids, ok := parseName(contest, "elections", "contests")
	if !ok {
		vs = append(vs, badName("contest", contest, "elections/{election}/contests/{contest}"))
	} else {
		q.ref = livecount.Ref{Election: ids[0], Contest: ids[1]}
	}
	if unit != "" {
		uids, ok := parseName(unit, "elections", "units")
		switch {
		case !ok:
			vs = append(vs, badName("unit", unit, "elections/{election}/units/{unit}"))
		case q.ref.Election != "" && uids[0] != q.ref.Election:
			vs = append(vs, rpcerr.Violation{Field: "unit", Reason: rpcv1.ErrorReason_OTHER_ELECTION.String(), Description: "unit belongs to another election than contest"})
		default:
			q.ref.Unit = uids[1]
		}
	}
	var rvs []rpcerr.Violation
	switch {
	case preset != "" && rule != nil:
		rvs = []rpcerr.Violation{{Field: "rule", Reason: rpcv1.ErrorReason_RULE_AND_PRESET.String(), Description: "give either rule or preset, not both"}}
	case preset != "":
		q.rule, rvs = presetRule(preset)
	case rule == nil:
		q.fromContest = true
	case rule.GetThreshold().GetBase() != 0:
		rvs = []rpcerr.Violation{{Field: "rule.threshold.base", Reason: rpcv1.ErrorReason_BASE_FROM_TOTALS.String(),
			Description: "leave the threshold base 0: it is the contest's share base in the tally's totals"}}
	default:
		q.rule, rvs = apportionpb.RuleFromProto(rule, "rule")
	}
	return q, append(vs, rvs...)
}

// parseName splits a resource name of the given collections into its ids,
// each 1-63 of [a-z0-9._-] as the tally requires.
func parseName(name string, collections ...string) ([]string, bool) {
	parts := strings.Split(name, "/")
	if len(parts) != 2*len(collections) {
		return nil, false
	}
	ids := make([]string, len(collections))
	for i, c := range collections {
		id := parts[2*i+1]
		if parts[2*i] != c || id == "" || len(id) > 63 || strings.Trim(id, "abcdefghijklmnopqrstuvwxyz0123456789._-") != "" {
			return nil, false
		}
		ids[i] = id
	}
	return ids, true
}

func badName(field, name, pattern string) rpcerr.Violation {
	desc := "must be " + pattern
	if name == "" {
		desc = "is required and " + desc
	}
	return rpcerr.Violation{Field: field, Reason: rpcv1.ErrorReason_INVALID_RESOURCE_NAME.String(), Description: desc}
}

var roleToWire = map[livecount.Role]tallyv1.LineRole{
	livecount.RoleValid:       tallyv1.LineRole_LINE_ROLE_VALID,
	livecount.RoleBallotsCast: tallyv1.LineRole_LINE_ROLE_BALLOTS_CAST,
}

var statusToWire = map[livecount.Status]tallyv1.ResultStatus{
	livecount.StatusPartial:    tallyv1.ResultStatus_RESULT_STATUS_UNOFFICIAL_PARTIAL,
	livecount.StatusComplete:   tallyv1.ResultStatus_RESULT_STATUS_UNOFFICIAL_COMPLETE,
	livecount.StatusCertified:  tallyv1.ResultStatus_RESULT_STATUS_CERTIFIED,
	livecount.StatusRecount:    tallyv1.ResultStatus_RESULT_STATUS_RECOUNT,
	livecount.StatusCorrection: tallyv1.ResultStatus_RESULT_STATUS_CORRECTION,
}

func contestAllocationToWire(a *livecount.Allocation, preset string) *seatsv1.ContestAllocation {
	t := a.Totals
	rr := t.RegisteredReporting
	out := &seatsv1.ContestAllocation{
		Contest:           "elections/" + t.Ref.Election + "/contests/" + t.Ref.Contest,
		Totals:            t.Ref.Name(),
		UnitDisplayName:   t.UnitName,
		Rule:              apportionpb.RuleToProto(a.Rule),
		Preset:            preset,
		ResultsVersion:    t.Version,
		Status:            statusToWire[t.Status],
		StationsReporting: t.StationsReporting,
		StationsTotal:     t.StationsTotal,
		RegisteredReporting: &tallyv1.Ratio{Numerator: rr.Numerator, Denominator: rr.Denominator,
			Percent: rr.Percent, Definition: rr.Definition},
		Projection:   a.Projection,
		Note:         a.Note,
		GenerateTime: timestamppb.New(a.Generated),
	}
	if a.Rule.Threshold != nil {
		out.ThresholdBase, out.ThresholdBaseRole = a.Rule.Threshold.Base, roleToWire[t.ShareBaseRole]
	}
	if !t.Generated.IsZero() {
		out.TotalsGenerateTime = timestamppb.New(t.Generated)
	}
	if c := t.Checkpoint; c != nil {
		out.Checkpoint = &tallyv1.Checkpoint{Name: c.Name, TreeSize: c.TreeSize, RootHash: c.RootHash, Note: c.Note}
	}
	if a.Result != nil {
		out.Allocation = apportionpb.AllocationToProto(a.Result)
	}
	return out
}

// checkSince refuses a watch's negative since_version, the same way for
// every watch of the service.
func checkSince(vs []rpcerr.Violation, since int64) []rpcerr.Violation {
	if since < 0 {
		vs = append(vs, rpcerr.Violation{Field: "since_version", Reason: rpcv1.ErrorReason_NEGATIVE_VERSION.String(), Description: "since_version must not be negative"})
	}
	return vs
}
