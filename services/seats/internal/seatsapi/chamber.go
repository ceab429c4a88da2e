package seatsapi

import (
	"context"
	"errors"

	"google.golang.org/grpc/status"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/apportion/districts"
	"github.com/mandate-project/mandate/services/seats/apportionpb"
	"github.com/mandate-project/mandate/services/seats/internal/presets"
)

// apportionChamber answers an Apportion request that carries a chamber
// elected in districts.
func (s *Server) apportionChamber(ctx context.Context, req *seatsv1.ApportionRequest) (*seatsv1.ApportionResponse, error) {
	ch := req.GetChamber()
	var vs []rpcerr.Violation
	if len(req.GetParties()) > 0 {
		vs = append(vs, rpcerr.Violation{Field: "parties", Reason: "PARTIES_WITH_CHAMBER", Description: "a chamber request carries its lists in chamber.lists"})
	}
	if req.GetRule() != nil {
		vs = append(vs, rpcerr.Violation{Field: "rule", Reason: "RULE_WITH_CHAMBER", Description: "a chamber request carries its rule in chamber.rule"})
	}
	if req.GetThresholdBase() != 0 {
		vs = append(vs, rpcerr.Violation{Field: "threshold_base", Reason: "BASE_WITH_CHAMBER", Description: "a chamber's threshold bases are per district (chamber.districts[].threshold_base)"})
	}
	var rule districts.Rule
	switch {
	case req.GetPreset() != "" && ch.GetRule() != nil:
		vs = append(vs, rpcerr.Violation{Field: "chamber.rule", Reason: "RULE_AND_PRESET", Description: "give either chamber.rule or preset, not both"})
	case req.GetPreset() != "":
		p, ok := chamberPreset(req.GetPreset())
		if !ok {
			vs = append(vs, rpcerr.Violation{Field: "preset", Reason: "UNKNOWN_PRESET", Description: "no chamber preset " + req.GetPreset() + "; ListPresets names them"})
		} else {
			rule = p
		}
	case ch.GetRule() == nil:
		vs = append(vs, rpcerr.Violation{Field: "chamber.rule", Reason: "RULE_REQUIRED", Description: "give chamber.rule or a chamber preset"})
	default:
		r, rvs := apportionpb.ChamberRuleFromProto(ch.GetRule(), "chamber.rule")
		rule, vs = r, append(vs, rvs...)
	}
	c, cvs := apportionpb.ChamberFromProto(ch, rule, "chamber")
	vs = append(vs, cvs...)
	if len(vs) > 0 {
		return nil, rpcerr.Invalid("", vs...)
	}
	res, err := districts.Apportion(ctx, c)
	if err != nil {
		return nil, chamberStatus(ctx, err, ch)
	}
	return &seatsv1.ApportionResponse{ChamberAllocation: apportionpb.ChamberAllocationToProto(res), ChamberRule: apportionpb.ChamberRuleToProto(rule)}, nil
}

// chamberStatus maps the chamber engine's errors: field errors name the
// request's own field paths.
func chamberStatus(ctx context.Context, err error, ch *seatsv1.Chamber) error {
	var ve *apportion.ValidationError
	if errors.As(err, &ve) {
		vs := make([]rpcerr.Violation, 0, len(ve.Errors))
		for _, fe := range ve.Errors {
			vs = append(vs, rpcerr.Violation{Field: apportionpb.ChamberFieldPath(fe.Field, "chamber", ch), Reason: fe.Reason, Description: fe.Message})
		}
		return rpcerr.Invalid("", vs...)
	}
	if ctx.Err() != nil {
		return status.FromContextError(ctx.Err()).Err()
	}
	return toStatus(err)
}

// chamberPreset returns a copy of the named chamber preset's rule.
func chamberPreset(name string) (districts.Rule, bool) {
	id, ok := cutPresetName(name)
	if !ok {
		return districts.Rule{}, false
	}
	p, found := presets.Get(id)
	if !found || p.Chamber == nil {
		return districts.Rule{}, false
	}
	return p.Chamber.Clone(), true
}
