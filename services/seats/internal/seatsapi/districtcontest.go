package seatsapi

import (
	"context"
	"errors"
	"fmt"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/apportion/districts"
	"github.com/mandate-project/mandate/services/seats/apportionpb"
	"github.com/mandate-project/mandate/services/seats/internal/livecount"
)

// districtQuery is a checked district-contest request.
type districtQuery struct {
	ref       livecount.Ref
	districts []livecount.District
	rule      districts.Rule
}

// districtContestRequest is what AllocateContest and WatchContestAllocation
// requests share for a district contest.
type districtContestRequest interface {
	GetContest() string
	GetUnit() string
	GetPreset() string
	GetRule() *seatsv1.Rule
	GetDistricts() []*seatsv1.ContestDistrict
	GetChamberRule() *seatsv1.ChamberRule
}

// parseDistrictQuery checks a district contest request: the districts are
// units of the contest's election, the rule a chamber preset or rule.
func parseDistrictQuery(req districtContestRequest) (districtQuery, []rpcerr.Violation) {
	var q districtQuery
	var vs []rpcerr.Violation
	ids, ok := parseName(req.GetContest(), "elections", "contests")
	if !ok {
		vs = append(vs, badName("contest", req.GetContest(), "elections/{election}/contests/{contest}"))
	} else {
		q.ref = livecount.Ref{Election: ids[0], Contest: ids[1]}
	}
	if req.GetUnit() != "" {
		vs = append(vs, rpcerr.Violation{Field: "unit", Reason: "UNIT_WITH_DISTRICTS", Description: "a district contest reads the totals of its districts; leave unit empty"})
	}
	if req.GetRule() != nil {
		vs = append(vs, rpcerr.Violation{Field: "rule", Reason: "RULE_WITH_DISTRICTS", Description: "a district contest takes a chamber preset or chamber_rule, not rule"})
	}
	for i, d := range req.GetDistricts() {
		f := fmt.Sprintf("districts[%d]", i)
		uids, ok := parseName(d.GetUnit(), "elections", "units")
		switch {
		case !ok:
			vs = append(vs, badName(f+".unit", d.GetUnit(), "elections/{election}/units/{unit}"))
			continue
		case q.ref.Election != "" && uids[0] != q.ref.Election:
			vs = append(vs, rpcerr.Violation{Field: f + ".unit", Reason: "OTHER_ELECTION", Description: "unit belongs to another election than contest"})
			continue
		}
		q.districts = append(q.districts, livecount.District{Unit: uids[1], Seats: int(d.GetSeats()), LevelingSeats: int(d.GetLevelingSeats()),
			Population: d.GetPopulation(), AreaKm2: d.GetAreaKm2()})
	}
	switch {
	case req.GetPreset() != "" && req.GetChamberRule() != nil:
		vs = append(vs, rpcerr.Violation{Field: "chamber_rule", Reason: "RULE_AND_PRESET", Description: "give either chamber_rule or preset, not both"})
	case req.GetPreset() != "":
		r, ok := chamberPreset(req.GetPreset())
		if !ok {
			vs = append(vs, rpcerr.Violation{Field: "preset", Reason: "UNKNOWN_PRESET", Description: "no chamber preset " + req.GetPreset() + "; ListPresets names them"})
		}
		q.rule = r
	case req.GetChamberRule() == nil:
		vs = append(vs, rpcerr.Violation{Field: "chamber_rule", Reason: "RULE_REQUIRED", Description: "give chamber_rule or a chamber preset"})
	default:
		r, rvs := apportionpb.ChamberRuleFromProto(req.GetChamberRule(), "chamber_rule")
		q.rule, vs = r, append(vs, rvs...)
	}
	if len(vs) == 0 {
		if err := livecount.CheckDistricts(q.districts); err != nil {
			var ve *apportion.ValidationError
			errors.As(err, &ve)
			for _, fe := range ve.Errors {
				vs = append(vs, rpcerr.Violation{Field: fe.Field, Reason: fe.Reason, Description: fe.Message})
			}
		}
	}
	return q, vs
}

// allocateDistrictContest answers AllocateContest for a district contest.
func (s *Server) allocateDistrictContest(ctx context.Context, req *seatsv1.AllocateContestRequest) (*seatsv1.ContestAllocation, error) {
	q, vs := parseDistrictQuery(req)
	if len(vs) > 0 {
		return nil, rpcerr.Invalid("", vs...)
	}
	if s.live == nil {
		return nil, errNoTally
	}
	a, err := s.live.AllocateDistricts(forwardCredentials(ctx), q.ref, q.districts, q.rule)
	if err != nil {
		return nil, s.districtStatus(ctx, err, req.GetDistricts())
	}
	return districtAllocationToWire(a, req.GetPreset()), nil
}

// watchDistrictContest answers WatchContestAllocation for a district contest.
func (s *Server) watchDistrictContest(ctx context.Context, req *seatsv1.WatchContestAllocationRequest, send func(*seatsv1.ContestAllocation) error) error {
	q, vs := parseDistrictQuery(req)
	vs = checkSince(vs, req.GetSinceVersion())
	if len(vs) > 0 {
		return rpcerr.Invalid("", vs...)
	}
	if s.live == nil {
		return errNoTally
	}
	err := s.live.WatchDistricts(forwardCredentials(ctx), q.ref, q.districts, q.rule, req.GetSinceVersion(), func(a *livecount.DistrictAllocation) error {
		return send(districtAllocationToWire(a, req.GetPreset()))
	})
	return s.districtStatus(ctx, err, req.GetDistricts())
}

// districtStatus maps a district contest's errors: a district whose unit
// the tally does not know is the request's fault, named by its field.
func (s *Server) districtStatus(ctx context.Context, err error, ds []*seatsv1.ContestDistrict) error {
	var de *livecount.DistrictError
	if errors.As(err, &de) && status.Code(de.Err) == codes.NotFound && ctx.Err() == nil {
		return rpcerr.Invalid("", rpcerr.Violation{Field: fmt.Sprintf("districts[%d].unit", de.Index), Reason: "UNIT_NOT_IN_HIERARCHY",
			Description: fmt.Sprintf("unit %s is not a reporting unit of the election", ds[de.Index].GetUnit())})
	}
	if de != nil {
		err = de.Err
	}
	var ve *apportion.ValidationError
	if errors.As(err, &ve) {
		vs := make([]rpcerr.Violation, 0, len(ve.Errors))
		for _, fe := range ve.Errors {
			vs = append(vs, rpcerr.Violation{Field: fe.Field, Reason: fe.Reason, Description: fe.Message})
		}
		return rpcerr.Invalid("", vs...)
	}
	return s.liveStatus(ctx, err)
}

func districtAllocationToWire(a *livecount.DistrictAllocation, preset string) *seatsv1.ContestAllocation {
	t := a.Root
	rr := t.RegisteredReporting
	out := &seatsv1.ContestAllocation{
		Contest:           "elections/" + t.Ref.Election + "/contests/" + t.Ref.Contest,
		Totals:            t.Ref.Name(),
		UnitDisplayName:   t.UnitName,
		Preset:            preset,
		ResultsVersion:    t.Version,
		Status:            statusToWire[t.Status],
		StationsReporting: t.StationsReporting,
		StationsTotal:     t.StationsTotal,
		RegisteredReporting: &tallyv1.Ratio{Numerator: rr.Numerator, Denominator: rr.Denominator,
			Percent: rr.Percent, Definition: rr.Definition},
		ThresholdBaseRole: roleToWire[t.ShareBaseRole],
		Projection:        a.Projection,
		Note:              a.Note,
		GenerateTime:      timestamppb.New(a.Generated),
		ChamberRule:       apportionpb.ChamberRuleToProto(a.Rule),
	}
	if !t.Generated.IsZero() {
		out.TotalsGenerateTime = timestamppb.New(t.Generated)
	}
	if c := t.Checkpoint; c != nil {
		out.Checkpoint = &tallyv1.Checkpoint{Name: c.Name, TreeSize: c.TreeSize, RootHash: c.RootHash, Note: c.Note}
	}
	for _, d := range a.Districts {
		out.DistrictTotals = append(out.DistrictTotals, d.Ref.Name())
	}
	if a.Result != nil {
		out.ChamberAllocation = apportionpb.ChamberAllocationToProto(a.Result)
	}
	return out
}
