package gateway

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"github.com/grpc-ecosystem/grpc-gateway/v2/utilities"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/encoding/protojson"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
	"github.com/mandate-project/mandate/services/seats/hemicycle"
)

// charts serves the parliament diagram:
//
//	GET  /charts/elections/{e}/contests/{c}/hemicycle.svg?preset=presets/P[&unit=U]
//	GET  /charts/elections/{e}/contests/{c}/hemicycle.svg?rule.method=METHOD_HARE&rule.seats=98[&rule.threshold.percent=7...]
//	GET  /charts/elections/{e}/contests/{c}/hemicycle.svg[?unit=U]
//	     the seats service's allocation of the contest's live totals, by
//	     the preset or rule given, else by the contest's own legal rule
//	     (its seat_preset)
//	     (AllocateContest), parties in ballot order with the contest's
//	     colours;
//	GET  /charts/elections/{e}/chambers/{c}/hemicycle.svg
//	     the whole chamber the election defines, composed from the live
//	     count (GetChamberComposition): parties by seats over all tiers,
//	     seats still undecided in grey, reserved tiers drawn apart;
//	POST /charts/hemicycle.svg[?color=ID:#rrggbb...]
//	     an ApportionRequest (as for /v1/seats:apportion) drawn as it is
//	     allocated.
//
// The gateway only composes the two services' answers: the tally counts,
// the seats service allocates, the chart draws.
type charts struct {
	mux   *runtime.ServeMux
	tally tallyv1.TallyServiceClient
	seats seatsv1.SeatsServiceClient
	json  protojson.UnmarshalOptions
}

func newCharts(mux *runtime.ServeMux, tally, seats *grpc.ClientConn) *charts {
	return &charts{mux: mux, tally: tallyv1.NewTallyServiceClient(tally), seats: seatsv1.NewSeatsServiceClient(seats)}
}

// call is the context of a call to the services for r: the same metadata
// (credentials, request id) the JSON API forwards, added by the gateway's
// own mux.
func (c *charts) call(r *http.Request, method string) (context.Context, error) {
	return runtime.AnnotateContext(r.Context(), c.mux, r, method)
}

// fail writes err as every JSON route does (status mapping, field paths).
func (c *charts) fail(ctx context.Context, w http.ResponseWriter, r *http.Request, err error) {
	_, out := runtime.MarshalerForRequest(c.mux, r)
	runtime.HTTPError(ctx, c.mux, out, w, r, err)
}

func writeSVG(w http.ResponseWriter, svg string) {
	w.Header().Set("Content-Type", "image/svg+xml")
	// Results change while the count runs: always revalidate.
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = io.WriteString(w, svg)
}

// contest draws a contest's allocation from the live totals.
func (c *charts) contest(w http.ResponseWriter, r *http.Request) {
	ctx, err := c.call(r, seatsv1.SeatsService_AllocateContest_FullMethodName)
	if err != nil {
		c.fail(r.Context(), w, r, err)
		return
	}
	e, ct := r.PathValue("election"), r.PathValue("contest")
	preset := r.URL.Query().Get("preset")
	// An explicit rule comes as the query parameters of the JSON API,
	// rule.method=METHOD_HARE&rule.seats=98&rule.threshold.percent=7, for
	// a law that has no preset; the seats service validates it.
	ruleReq := &seatsv1.AllocateContestRequest{}
	ruleParams := url.Values{}
	for k, v := range r.URL.Query() {
		if strings.HasPrefix(k, "rule.") {
			ruleParams[k] = v
		}
	}
	if len(ruleParams) > 0 {
		if err := runtime.PopulateQueryParameters(ruleReq, ruleParams, utilities.NewDoubleArray(nil)); err != nil {
			c.fail(ctx, w, r, rpcerr.Invalid("", rpcerr.Violation{Field: "rule", Reason: rpcv1.ErrorReason_INVALID_ARGUMENT.String(), Description: err.Error()}))
			return
		}
	}
	if preset != "" && ruleReq.GetRule() != nil {
		c.fail(ctx, w, r, rpcerr.Invalid("", rpcerr.Violation{Field: "rule", Reason: rpcv1.ErrorReason_RULE_AND_PRESET.String(),
			Description: "give the legal rule as ?preset=presets/{preset} or as rule.method=...&rule.seats=..., not both (or neither: the contest's own)"}))
		return
	}
	contest, err := c.tally.GetContest(ctx, &tallyv1.GetContestRequest{Name: "elections/" + e + "/contests/" + ct})
	if err != nil {
		c.fail(ctx, w, r, err)
		return
	}
	req := &seatsv1.AllocateContestRequest{Contest: contest.GetName(), Preset: preset, Rule: ruleReq.GetRule()}
	if u := r.URL.Query().Get("unit"); u != "" {
		req.Unit = "elections/" + e + "/units/" + u
	}
	alloc, err := c.seats.AllocateContest(ctx, req)
	if err != nil {
		c.fail(ctx, w, r, err)
		return
	}
	seats := map[string]int{}
	for _, p := range alloc.GetAllocation().GetParties() {
		seats[p.GetId()] = int(p.GetSeats())
	}
	title := contest.GetDisplayName()
	if alloc.GetProjection() {
		title += " (projection)"
	}
	// The preset applied: the one asked for or the contest's own.
	chart := hemicycle.Chart{Title: title, Reserved: int(alloc.GetAllocation().GetReservedSeats()), ReservedLabel: c.reservedLabel(ctx, r, alloc.GetPreset())}
	choices := slices.Clone(contest.GetChoices())
	slices.SortStableFunc(choices, func(a, b *tallyv1.Choice) int { return int(a.GetBallotOrder() - b.GetBallotOrder()) })
	for _, ch := range choices {
		if n := seats[ch.GetId()]; n > 0 {
			name := ch.GetShortName()
			if name == "" {
				name = ch.GetDisplayName()
			}
			chart.Parties = append(chart.Parties, hemicycle.Party{ID: ch.GetId(), Name: name, Color: ch.GetColor(), Seats: n})
		}
	}
	writeSVG(w, hemicycle.SVG(chart))
}

// undecidedColor fills the seats of a chamber not yet given to a party.
const undecidedColor = "#d9d9d9"

// chamber draws a chamber's composition from the live count.
func (c *charts) chamber(w http.ResponseWriter, r *http.Request) {
	ctx, err := c.call(r, seatsv1.SeatsService_GetChamberComposition_FullMethodName)
	if err != nil {
		c.fail(r.Context(), w, r, err)
		return
	}
	name := "elections/" + r.PathValue("election") + "/chambers/" + r.PathValue("chamber")
	comp, err := c.seats.GetChamberComposition(ctx, &seatsv1.GetChamberCompositionRequest{Name: name})
	if err != nil {
		c.fail(ctx, w, r, err)
		return
	}
	title := comp.GetDisplayName()
	if comp.GetProjection() {
		title += " (projection)"
	}
	chart := hemicycle.Chart{Title: title}
	reserved := map[string]bool{}
	var labels []string
	for _, t := range comp.GetTiers() {
		if t.GetKind() == tallyv1.TierKind_TIER_KIND_RESERVED {
			for _, p := range t.GetParties() {
				reserved[p.GetParty()] = true
				chart.Reserved += int(p.GetSeats())
				labels = append(labels, p.GetDisplayName())
			}
		}
	}
	chart.ReservedLabel = strings.Join(labels, ", ")
	for _, p := range comp.GetParties() {
		if !reserved[p.GetParty()] && p.GetSeats() > 0 {
			chart.Parties = append(chart.Parties, hemicycle.Party{ID: p.GetParty(), Name: p.GetDisplayName(), Color: p.GetColor(), Seats: int(p.GetSeats())})
		}
	}
	if n := int(comp.GetUndecidedSeats()); n > 0 {
		chart.Parties = append(chart.Parties, hemicycle.Party{ID: "undecided", Name: "Undecided", Color: undecidedColor, Seats: n})
	}
	writeSVG(w, hemicycle.SVG(chart))
}

// allocation draws the allocation of an ApportionRequest body.
func (c *charts) allocation(w http.ResponseWriter, r *http.Request) {
	ctx, err := c.call(r, seatsv1.SeatsService_Apportion_FullMethodName)
	if err != nil {
		c.fail(r.Context(), w, r, err)
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		c.fail(ctx, w, r, rpcerr.New(codes.InvalidArgument, rpcv1.ErrorReason_BODY_UNREADABLE, "cannot read request body", nil))
		return
	}
	req := &seatsv1.ApportionRequest{}
	if err := c.json.Unmarshal(body, req); err != nil {
		c.fail(ctx, w, r, bodyError(body, req, err))
		return
	}
	colors := map[string]string{}
	for _, kv := range r.URL.Query()["color"] {
		if id, col, ok := strings.Cut(kv, ":"); ok {
			colors[id] = col
		}
	}
	resp, err := c.seats.Apportion(ctx, req)
	if err != nil {
		c.fail(ctx, w, r, err)
		return
	}
	chart := hemicycle.Chart{Title: r.URL.Query().Get("title"), Reserved: int(resp.GetAllocation().GetReservedSeats())}
	if chart.Reserved > 0 {
		chart.ReservedLabel = c.reservedLabel(ctx, r, req.GetPreset())
	}
	for _, p := range resp.GetAllocation().GetParties() {
		if p.GetSeats() > 0 {
			name := p.GetDisplayName()
			if name == "" {
				name = p.GetId()
			}
			chart.Parties = append(chart.Parties, hemicycle.Party{ID: p.GetId(), Name: name, Color: colors[p.GetId()], Seats: int(p.GetSeats())})
		}
	}
	writeSVG(w, hemicycle.SVG(chart))
}

// reservedLabel names a chart's reserved seats: the caller's reserved_label,
// else the source the preset's law gives them ("Assembly of People"), else
// empty (the chart then says "Reserved seats"). A preset that cannot be read
// only costs the name, never the chart.
func (c *charts) reservedLabel(ctx context.Context, r *http.Request, preset string) string {
	if l := r.URL.Query().Get("reserved_label"); l != "" {
		return l
	}
	if preset == "" {
		return ""
	}
	p, err := c.seats.GetPreset(ctx, &seatsv1.GetPresetRequest{Name: preset})
	if err != nil {
		return ""
	}
	return p.GetReservedSeatsSource()
}
