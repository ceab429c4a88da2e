// Package seatsapi is the gRPC adapter of the seats service: it checks the
// shape of a request, converts it for the apportionment engine, and converts
// the explained result back. The engine holds every rule.
package seatsapi

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/apportionpb"
	"github.com/mandate-project/mandate/services/seats/internal/livecount"
	"github.com/mandate-project/mandate/services/seats/internal/presets"
)

// Server implements mandate.seats.v1.SeatsService.
type Server struct {
	seatsv1.UnimplementedSeatsServiceServer
	live *livecount.Service // nil: no tally configured
	log  *slog.Logger
}

// Option configures a Server.
type Option func(*Server)

// WithLiveCount lets the server allocate contests from the tally's totals.
func WithLiveCount(live *livecount.Service) Option { return func(s *Server) { s.live = live } }

// WithLogger is where the causes of INTERNAL errors are logged (default
// slog.Default()).
func WithLogger(l *slog.Logger) Option { return func(s *Server) { s.log = l } }

// New returns the seats server.
func New(opts ...Option) *Server {
	s := &Server{log: slog.Default()}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Apportion implements SeatsService.Apportion.
// The engine runs under the request's context: a cancelled call or a
// passed deadline stops it (margins of many parties take tens of milliseconds).
func (s *Server) Apportion(ctx context.Context, req *seatsv1.ApportionRequest) (*seatsv1.ApportionResponse, error) {
	if req.GetChamber() != nil {
		return s.apportionChamber(ctx, req)
	}
	rule, vs := s.resolveRule(req)
	if len(vs) > 0 {
		return nil, rpcerr.Invalid("", vs...)
	}
	rule.NoMargins, rule.Steps = req.GetSkipMargins(), req.GetIncludeAwards()
	res, err := apportion.ApportionContext(ctx, apportionpb.PartiesFromProto(req.GetParties()), rule)
	if ctxErr := ctx.Err(); err != nil && ctxErr != nil {
		return nil, rpcerr.FromContext(ctxErr)
	}
	if err != nil {
		return nil, toStatus(err)
	}
	return &seatsv1.ApportionResponse{Allocation: apportionpb.AllocationToProto(res), Rule: apportionpb.RuleToProto(rule)}, nil
}

// resolveRule takes the request's rule, or the named preset's with the
// caller's threshold base.
func (s *Server) resolveRule(req *seatsv1.ApportionRequest) (apportion.Rule, []rpcerr.Violation) {
	switch {
	case req.GetPreset() != "" && req.GetRule() != nil:
		return apportion.Rule{}, []rpcerr.Violation{{Field: "rule", Reason: rpcv1.ErrorReason_RULE_AND_PRESET.String(), Description: "give either rule or preset, not both"}}
	case req.GetPreset() != "":
		rule, vs := presetRule(req.GetPreset())
		if len(vs) == 0 && rule.Threshold != nil && rule.Threshold.Base == 0 {
			rule.Threshold.Base = req.GetThresholdBase()
		}
		return rule, vs
	case req.GetRule() == nil:
		return apportion.Rule{}, []rpcerr.Violation{{Field: "rule", Reason: rpcv1.ErrorReason_RULE_REQUIRED.String(), Description: "give a rule or a preset"}}
	default:
		if req.GetThresholdBase() != 0 {
			return apportion.Rule{}, []rpcerr.Violation{{Field: "threshold_base", Reason: rpcv1.ErrorReason_BASE_WITHOUT_PRESET.String(), Description: "threshold_base goes with a preset; put the base in rule.threshold.base"}}
		}
		return apportionpb.RuleFromProto(req.GetRule(), "rule")
	}
}

// unknownPreset says that name is no preset, which one was likely meant,
// and where the list is.
func unknownPreset(name string) string {
	id := strings.TrimPrefix(name, "presets/")
	return fmt.Sprintf("no preset %q; did you mean presets/%s? The presets are listed at GET /v1/presets (ListPresets)", id, presets.Nearest(id))
}

// presetRule returns the named preset's rule with a copy of its threshold,
// so a caller may set the base while the preset's data stays untouched.
func presetRule(name string) (apportion.Rule, []rpcerr.Violation) {
	id, ok := cutPresetName(name)
	p, found := presets.Get(id)
	if found && p.Chamber != nil {
		return apportion.Rule{}, []rpcerr.Violation{{Field: "preset", Reason: "CHAMBER_PRESET", Description: name + " is a chamber preset: send the districts and lists in chamber"}}
	}
	if !ok || !found {
		return apportion.Rule{}, []rpcerr.Violation{{Field: "preset", Reason: rpcv1.ErrorReason_UNKNOWN_PRESET.String(), Description: unknownPreset(name)}}
	}
	rule := p.Rule
	if rule.Threshold != nil {
		th := *rule.Threshold
		rule.Threshold = &th
	}
	return rule, nil
}

// ListPresets implements SeatsService.ListPresets. The presets are a short
// fixed list, so one page always holds them all.
func (s *Server) ListPresets(_ context.Context, req *seatsv1.ListPresetsRequest) (*seatsv1.ListPresetsResponse, error) {
	if req.GetPageSize() < 0 {
		return nil, rpcerr.Invalid("", rpcerr.Violation{Field: "page_size", Reason: rpcv1.ErrorReason_NEGATIVE_PAGE_SIZE.String(), Description: "page_size must not be negative"})
	}
	if req.GetPageToken() != "" {
		return nil, rpcerr.Invalid("", rpcerr.Violation{Field: "page_token", Reason: rpcv1.ErrorReason_BAD_PAGE_TOKEN.String(), Description: "this list has a single page"})
	}
	out := &seatsv1.ListPresetsResponse{}
	for _, p := range presets.All() {
		out.Presets = append(out.Presets, presetToWire(p))
	}
	return out, nil
}

// GetPreset implements SeatsService.GetPreset.
func (s *Server) GetPreset(_ context.Context, req *seatsv1.GetPresetRequest) (*seatsv1.Preset, error) {
	id, ok := strings.CutPrefix(req.GetName(), "presets/")
	if !ok || id == "" || strings.Contains(id, "/") {
		return nil, rpcerr.Invalid("", rpcerr.Violation{Field: "name", Reason: rpcv1.ErrorReason_BAD_NAME.String(), Description: "name must be presets/{preset}"})
	}
	p, found := presets.Get(id)
	if !found {
		return nil, rpcerr.NotFound(rpcv1.ErrorReason_PRESET_NOT_FOUND, "seats.mandate.dev/Preset", req.GetName(), unknownPreset(req.GetName()))
	}
	return presetToWire(p), nil
}

func presetToWire(p presets.Preset) *seatsv1.Preset {
	out := &seatsv1.Preset{
		Name: "presets/" + p.ID, DisplayName: p.DisplayName,
		ThresholdBase: p.ThresholdBase, Citations: p.Citations, Notes: p.Notes,
		ReservedSeatsSource: p.ReservedSource,
	}
	if p.Chamber != nil {
		out.ChamberRule = apportionpb.ChamberRuleToProto(*p.Chamber)
	} else {
		out.Rule = apportionpb.RuleToProto(p.Rule)
	}
	return out
}

// cutPresetName returns the id of a `presets/{preset}` name.
func cutPresetName(name string) (string, bool) {
	id, ok := strings.CutPrefix(name, "presets/")
	return id, ok && id != "" && !strings.Contains(id, "/")
}
