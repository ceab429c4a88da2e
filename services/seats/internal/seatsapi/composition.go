package seatsapi

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sort"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
	"github.com/mandate-project/mandate/services/seats/internal/livecount"
	"github.com/mandate-project/mandate/services/seats/internal/presets"
)

// GetChamberComposition implements SeatsService.GetChamberComposition.
func (s *Server) GetChamberComposition(ctx context.Context, req *seatsv1.GetChamberCompositionRequest) (*seatsv1.ChamberComposition, error) {
	ids, ok := parseName(req.GetName(), "elections", "chambers")
	if !ok {
		return nil, rpcerr.Invalid("", badName("name", req.GetName(), "elections/{election}/chambers/{chamber}"))
	}
	if s.live == nil {
		return nil, errNoTally
	}
	c, err := s.live.ComposeChamber(forwardCredentials(ctx), ids[0], ids[1], resolveTier)
	if err != nil {
		return nil, s.chamberStatus(ctx, req.GetName(), err)
	}
	return compositionToWire(ids[0], c), nil
}

// WatchChamberComposition implements SeatsService.WatchChamberComposition.
func (s *Server) WatchChamberComposition(req *seatsv1.WatchChamberCompositionRequest, stream grpc.ServerStreamingServer[seatsv1.ChamberComposition]) error {
	ctx := stream.Context()
	ids, ok := parseName(req.GetName(), "elections", "chambers")
	var vs []rpcerr.Violation
	if !ok {
		vs = append(vs, badName("name", req.GetName(), "elections/{election}/chambers/{chamber}"))
	}
	vs = checkSince(vs, req.GetSinceVersion())
	if len(vs) > 0 {
		return rpcerr.Invalid("", vs...)
	}
	if s.live == nil {
		return errNoTally
	}
	err := s.live.WatchChamber(forwardCredentials(ctx), ids[0], ids[1], resolveTier, req.GetSinceVersion(), func(c *livecount.Composition) error {
		return stream.Send(compositionToWire(ids[0], c))
	})
	return s.chamberStatus(ctx, req.GetName(), err)
}

// resolveTier gives a list tier's rule from its preset: a chamber preset
// with districts, a single-pool preset without.
func resolveTier(t livecount.TierDef) (livecount.TierRule, error) {
	id, ok := cutPresetName(t.Preset)
	p, found := presets.Get(id)
	switch {
	case !ok || !found:
		return livecount.TierRule{}, &livecount.ComposeError{Field: "preset", Detail: unknownPreset(t.Preset)}
	case len(t.Districts) > 0 && p.Chamber == nil:
		return livecount.TierRule{}, &livecount.ComposeError{Field: "preset", Detail: t.Preset + " is a single-pool preset; a tier elected in districts needs a chamber preset"}
	case len(t.Districts) == 0 && p.Chamber != nil:
		return livecount.TierRule{}, &livecount.ComposeError{Field: "preset", Detail: t.Preset + " is a chamber preset; the tier names no districts"}
	case p.Chamber != nil:
		r := p.Chamber.Clone()
		return livecount.TierRule{Chamber: &r}, nil
	}
	r, _ := presetRule(t.Preset)
	return livecount.TierRule{Pool: &r}, nil
}

// chamberStatus maps a composition's errors: a chamber the election does
// not define is NOT_FOUND, one that cannot be composed as defined
// FAILED_PRECONDITION (CHAMBER_NOT_COMPOSABLE) naming the tier's field; a
// district without totals is the definition's fault too.
func (s *Server) chamberStatus(ctx context.Context, name string, err error) error {
	if err == nil || ctx.Err() != nil {
		return s.liveStatus(ctx, err)
	}
	var nf *livecount.ChamberNotFoundError
	var ce *livecount.ComposeError
	var de *livecount.DistrictError
	switch {
	case errors.As(err, &nf):
		return rpcerr.NotFound(rpcv1.ErrorReason_CHAMBER_NOT_FOUND, "tally.mandate.dev/Chamber", name, nf.Error())
	case errors.As(err, &ce):
		return rpcerr.Precondition(rpcv1.ErrorReason_CHAMBER_NOT_COMPOSABLE, "CHAMBER", name, "chamber "+name+" cannot be composed: "+ce.Error(),
			map[string]string{"chamber": name, "field": ce.Field})
	case errors.As(err, &de) && status.Code(de.Err) == codes.NotFound:
		return rpcerr.Precondition(rpcv1.ErrorReason_CHAMBER_NOT_COMPOSABLE, "CHAMBER", name,
			fmt.Sprintf("chamber %s cannot be composed: district unit %s has no totals in the tally", name, de.Unit),
			map[string]string{"chamber": name, "unit": de.Unit})
	case de != nil:
		err = de.Err
	}
	return s.liveStatus(ctx, err)
}

var tierKindToWire = map[livecount.TierKind]tallyv1.TierKind{
	livecount.TierList:         tallyv1.TierKind_TIER_KIND_LIST,
	livecount.TierSingleMember: tallyv1.TierKind_TIER_KIND_SINGLE_MEMBER,
	livecount.TierReserved:     tallyv1.TierKind_TIER_KIND_RESERVED,
}

var tierLinkToWire = map[livecount.TierLink]tallyv1.TierLink{
	livecount.TierParallel:     tallyv1.TierLink_TIER_LINK_PARALLEL,
	livecount.TierCompensatory: tallyv1.TierLink_TIER_LINK_COMPENSATORY,
	livecount.TierLeveling:     tallyv1.TierLink_TIER_LINK_LEVELING,
}

func partiesToWire(ps []livecount.PartySeats) []*seatsv1.PartySeats {
	out := make([]*seatsv1.PartySeats, 0, len(ps))
	for _, p := range ps {
		out = append(out, &seatsv1.PartySeats{Party: p.ID, DisplayName: p.Name, Color: p.Color, Seats: int32(p.Seats), OverhangSeats: int32(p.Overhang)})
	}
	return out
}

// fourPlaces is r as a decimal with four places, rounded half up, in
// integers; empty for nil.
func fourPlaces(r *big.Rat) string {
	if r == nil {
		return ""
	}
	n := new(big.Int).Mul(r.Num(), big.NewInt(20000))
	n.Quo(n, r.Denom())
	n.Add(n, big.NewInt(1))
	n.Quo(n, big.NewInt(2))
	q, m := new(big.Int).QuoRem(n, big.NewInt(10000), new(big.Int))
	return fmt.Sprintf("%s.%04d", q, m.Int64())
}

func compositionToWire(election string, c *livecount.Composition) *seatsv1.ChamberComposition {
	out := &seatsv1.ChamberComposition{
		Chamber: "elections/" + election + "/chambers/" + c.Chamber.ID, DisplayName: c.Chamber.Name,
		Seats: int32(c.Chamber.Seats), TotalSeats: int32(c.TotalSeats), Parties: partiesToWire(c.Parties),
		UndecidedSeats: int32(c.Undecided), ResultsVersion: c.Version, Projection: c.Projection, Note: c.Note,
		GenerateTime: timestamppb.New(c.Generated),
	}
	for _, t := range c.Tiers {
		wt := &seatsv1.TierComposition{
			Id: t.Def.ID, DisplayName: t.Def.Name, Kind: tierKindToWire[t.Def.Kind], Link: tierLinkToWire[t.Def.Link],
			Seats: int32(t.Seats), Parties: partiesToWire(t.Parties), UndecidedSeats: int32(t.Undecided),
			Totals: t.Totals, Projection: t.Projection, Note: t.Note, Preset: t.Def.Preset,
		}
		for _, d := range t.Districts {
			wd := &seatsv1.DistrictSeats{
				Unit: "elections/" + election + "/units/" + d.Unit, DisplayName: d.Name, Seats: int32(d.Seats),
				PartySeats: map[string]int32{}, Leader: d.Leader, LeaderParty: d.LeaderParty, Decided: d.Decided,
				RunoffRequired: d.RunoffRequired, ClosestCall: fourPlaces(d.ClosestCall),
				StationsReporting: d.StationsReporting, StationsTotal: d.StationsTotal,
			}
			if d.Contest != "" {
				wd.Contest = "elections/" + election + "/contests/" + d.Contest
			}
			keys := make([]string, 0, len(d.PartySeats))
			for k := range d.PartySeats {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				wd.PartySeats[k] = int32(d.PartySeats[k])
			}
			wt.Districts = append(wt.Districts, wd)
		}
		out.Tiers = append(out.Tiers, wt)
	}
	return out
}
