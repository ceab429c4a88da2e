// Package tallysource is the seats service's client of the tally service: a
// livecount.Source over gRPC. Each call has a deadline and is retried with
// exponential backoff while the tally answers UNAVAILABLE; a watch
// reconnects after a tally restart and resumes from the last results version
// it saw. The connection is made lazily, so seatsd starts while the tally is
// down. Credentials the caller put in the outgoing context go to the tally.
package tallysource

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry"
	"google.golang.org/grpc"
	"google.golang.org/grpc/backoff"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/requestid"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
	"github.com/mandate-project/mandate/services/platform/tlsconf"
	"github.com/mandate-project/mandate/services/seats/internal/livecount"
)

// Config says where the tally is and how patiently to call it. Zero
// durations and counts take the defaults.
type Config struct {
	Addr string // tally gRPC address
	TLS  tlsconf.Client
	// CallTimeout bounds one call including its retries (default 5 s).
	CallTimeout time.Duration
	// Attempts is how often a call is tried while the tally answers
	// UNAVAILABLE (default 5).
	Attempts uint
	// Backoff is the wait before the first retry and before the first
	// reconnect of a watch; it doubles each time, up to MaxBackoff
	// (defaults 100 ms and 5 s).
	Backoff, MaxBackoff time.Duration
	// ReconnectFor is how long a broken watch keeps trying to reconnect
	// before it reports the tally unreachable (default 1 minute).
	ReconnectFor time.Duration
	Logger       *slog.Logger
	// OnRetry, when set, is told of every retry and reconnect (tests count
	// them).
	OnRetry func(method string, attempt uint, err error)
	// DialOptions are added to the connection's options (tests dial an
	// in-memory listener).
	DialOptions []grpc.DialOption
}

func (c *Config) defaults() {
	if c.CallTimeout <= 0 {
		c.CallTimeout = 5 * time.Second
	}
	if c.Attempts == 0 {
		c.Attempts = 5
	}
	if c.Backoff <= 0 {
		c.Backoff = 100 * time.Millisecond
	}
	if c.MaxBackoff <= 0 {
		c.MaxBackoff = 5 * time.Second
	}
	if c.ReconnectFor <= 0 {
		c.ReconnectFor = time.Minute
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
}

// Client is a livecount.Source backed by a tally gRPC connection.
type Client struct {
	cfg   Config
	conn  *grpc.ClientConn
	tally tallyv1.TallyServiceClient
	roots sync.Map // election id -> root unit id; a hierarchy's root never changes
}

var _ livecount.Source = (*Client)(nil)

// New returns a client for cfg.Addr without connecting: the first call
// does.
func New(cfg Config) (*Client, error) {
	cfg.defaults()
	creds, err := cfg.TLS.Credentials(cfg.Addr)
	if err != nil {
		return nil, err
	}
	onRetry := func(ctx context.Context, attempt uint, err error) {
		method, _ := grpc.Method(ctx)
		cfg.Logger.DebugContext(ctx, "retrying tally call", "method", method, "attempt", attempt, "err", err)
		if cfg.OnRetry != nil {
			cfg.OnRetry(method, attempt, err)
		}
	}
	opts := append([]grpc.DialOption{
		grpc.WithTransportCredentials(creds),
		// Reconnect soon after a tally restart rather than after gRPC's
		// default backoff of up to two minutes.
		grpc.WithConnectParams(grpc.ConnectParams{
			Backoff:           backoff.Config{BaseDelay: cfg.Backoff, Multiplier: 1.6, Jitter: 0.2, MaxDelay: cfg.MaxBackoff},
			MinConnectTimeout: cfg.CallTimeout,
		}),
		// Streams are not retried here: a watch resumes from its last
		// version, which only Watch knows.
		// The caller's request id goes with every call to the tally, so the
		// tally's log lines of a seats call name it too.
		grpc.WithChainUnaryInterceptor(requestid.UnaryClientInterceptor()),
		grpc.WithChainStreamInterceptor(requestid.StreamClientInterceptor()),
		grpc.WithChainUnaryInterceptor(retry.UnaryClientInterceptor(
			retry.WithMax(cfg.Attempts),
			retry.WithCodes(codes.Unavailable),
			retry.WithBackoff(retry.BackoffExponentialWithJitterBounded(cfg.Backoff, 0.2, cfg.MaxBackoff)),
			retry.WithOnRetryCallback(onRetry),
		)),
	}, cfg.DialOptions...)
	conn, err := grpc.NewClient(cfg.Addr, opts...)
	if err != nil {
		return nil, fmt.Errorf("tally %s: %w", cfg.Addr, err)
	}
	return &Client{cfg: cfg, conn: conn, tally: tallyv1.NewTallyServiceClient(conn)}, nil
}

// Close closes the connection.
func (c *Client) Close() error { return c.conn.Close() }

// call runs one unary call under the call timeout and classifies its error.
func (c *Client) call(ctx context.Context, f func(context.Context) error) error {
	cctx, cancel := context.WithTimeout(ctx, c.cfg.CallTimeout)
	defer cancel()
	return c.classify(ctx, f(cctx))
}

// classify turns a call's error into what livecount expects: an
// unreachable tally is a *livecount.UnavailableError; the caller's own
// cancellation or deadline stays a context status; anything else is the
// tally's answer, returned unchanged so its code and details reach the
// client (a NOT_FOUND names the missing resource).
func (c *Client) classify(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return status.FromContextError(ctx.Err()).Err()
	}
	st := status.Convert(err)
	switch st.Code() {
	case codes.Unavailable:
		return &livecount.UnavailableError{Addr: c.cfg.Addr, Cause: cause(st)}
	case codes.DeadlineExceeded:
		return &livecount.UnavailableError{Addr: c.cfg.Addr, Cause: fmt.Sprintf("no answer within %s", c.cfg.CallTimeout)}
	}
	return err
}

// cause is an UNAVAILABLE status's message without gRPC's wrapping.
func cause(st *status.Status) string {
	msg := st.Message()
	if i := strings.LastIndex(msg, "desc = "); i >= 0 {
		msg = strings.Trim(msg[i+len("desc = "):], `"\`)
	}
	if msg == "" {
		msg = "unavailable"
	}
	return msg
}

// Root implements livecount.Source: the unit the tally lists first among
// the election's roots.
func (c *Client) Root(ctx context.Context, election string) (string, error) {
	if id, ok := c.roots.Load(election); ok {
		return id.(string), nil
	}
	var resp *tallyv1.ListReportingUnitsResponse
	err := c.call(ctx, func(ctx context.Context) (err error) {
		resp, err = c.tally.ListReportingUnits(ctx, &tallyv1.ListReportingUnitsRequest{Parent: "elections/" + election, PageSize: 1})
		return err
	})
	if err != nil {
		return "", err
	}
	if len(resp.GetReportingUnits()) == 0 {
		return "", rpcerr.New(codes.FailedPrecondition, rpcv1.ErrorReason_NO_REPORTING_UNITS, "election "+election+" has no reporting units yet",
			map[string]string{"election": "elections/" + election})
	}
	_, id, _ := strings.Cut(resp.GetReportingUnits()[0].GetName(), "/units/")
	c.roots.Store(election, id)
	return id, nil
}

// Totals implements livecount.Source.
func (c *Client) Totals(ctx context.Context, ref livecount.Ref) (livecount.Totals, error) {
	var t *tallyv1.Totals
	err := c.call(ctx, func(ctx context.Context) (err error) {
		t, err = c.tally.GetTotals(ctx, &tallyv1.GetTotalsRequest{Name: ref.Name()})
		return err
	})
	if err != nil {
		return livecount.Totals{}, err
	}
	return totalsFromWire(ref, t), nil
}

// Watch implements livecount.Source. It follows the tally's WatchTotals;
// when the stream breaks with UNAVAILABLE (a tally restart) or ends
// unasked, it reconnects with backoff and resumes after the last results
// version it delivered, for up to ReconnectFor without a successful
// connection.
func (c *Client) Watch(ctx context.Context, ref livecount.Ref, since int64, fn func(livecount.Totals) error) error {
	last := since
	var attempt uint
	giveUp := time.Now().Add(c.cfg.ReconnectFor)
	for {
		connected, err := c.follow(ctx, ref, &last, &attempt, fn)
		if ctx.Err() != nil {
			return status.FromContextError(ctx.Err()).Err()
		}
		var fnErr fnError
		if errors.As(err, &fnErr) {
			return fnErr.err
		}
		if err != nil && status.Code(err) != codes.Unavailable {
			return c.classify(ctx, err)
		}
		if connected {
			giveUp = time.Now().Add(c.cfg.ReconnectFor)
		}
		if time.Now().After(giveUp) {
			return c.classify(ctx, err)
		}
		attempt++
		wait := min(c.cfg.Backoff<<min(attempt-1, 20), c.cfg.MaxBackoff)
		c.cfg.Logger.InfoContext(ctx, "tally watch broken; reconnecting", "totals", ref.Name(), "since_version", last, "in", wait, "err", err)
		if c.cfg.OnRetry != nil {
			c.cfg.OnRetry(tallyv1.TallyService_WatchTotals_FullMethodName, attempt, err)
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return status.FromContextError(ctx.Err()).Err()
		case <-t.C:
		}
	}
}

// fnError marks an error of the caller's function, which ends a watch.
type fnError struct{ err error }

func (e fnError) Error() string { return e.err.Error() }

// follow reads one WatchTotals stream until it breaks. connected reports
// whether the stream was opened; a stream ended without a status (the
// tally stopped without saying) counts as UNAVAILABLE.
func (c *Client) follow(ctx context.Context, ref livecount.Ref, last *int64, attempt *uint, fn func(livecount.Totals) error) (connected bool, err error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stream, err := c.tally.WatchTotals(ctx, &tallyv1.WatchTotalsRequest{Name: ref.Name(), SinceVersion: *last})
	if err != nil {
		return false, err
	}
	for {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return true, status.Error(codes.Unavailable, "the tally ended the watch")
		}
		if err != nil {
			return true, err
		}
		*attempt = 0
		t := totalsFromWire(ref, msg.GetTotals())
		*last = max(*last, t.Version)
		if err := fn(t); err != nil {
			return true, fnError{err}
		}
	}
}

var roleFromWire = map[tallyv1.LineRole]livecount.Role{
	tallyv1.LineRole_LINE_ROLE_VALID:        livecount.RoleValid,
	tallyv1.LineRole_LINE_ROLE_BALLOTS_CAST: livecount.RoleBallotsCast,
}

var statusFromWire = map[tallyv1.ResultStatus]livecount.Status{
	tallyv1.ResultStatus_RESULT_STATUS_UNOFFICIAL_PARTIAL:  livecount.StatusPartial,
	tallyv1.ResultStatus_RESULT_STATUS_UNOFFICIAL_COMPLETE: livecount.StatusComplete,
	tallyv1.ResultStatus_RESULT_STATUS_CERTIFIED:           livecount.StatusCertified,
	tallyv1.ResultStatus_RESULT_STATUS_RECOUNT:             livecount.StatusRecount,
	tallyv1.ResultStatus_RESULT_STATUS_CORRECTION:          livecount.StatusCorrection,
}

func totalsFromWire(ref livecount.Ref, t *tallyv1.Totals) livecount.Totals {
	rr := t.GetRegisteredReporting()
	out := livecount.Totals{
		Ref: ref, UnitName: t.GetUnitDisplayName(),
		ShareBase: t.GetShareBase(), ShareBaseRole: roleFromWire[t.GetShareBaseRole()],
		Status: statusFromWire[t.GetStatus()], Version: t.GetResultsVersion(),
		StationsReporting: t.GetStationsReporting(), StationsTotal: t.GetStationsTotal(),
		RegisteredReporting: livecount.Ratio{Numerator: rr.GetNumerator(), Denominator: rr.GetDenominator(),
			Percent: rr.GetPercent(), Definition: rr.GetDefinition()},
	}
	if ts := t.GetGenerateTime(); ts != nil {
		out.Generated = ts.AsTime()
	}
	if c := t.GetCheckpoint(); c != nil {
		out.Checkpoint = &livecount.Checkpoint{Name: c.GetName(), TreeSize: c.GetTreeSize(), RootHash: c.GetRootHash(), Note: c.GetNote()}
	}
	for _, ch := range t.GetChoices() {
		out.Choices = append(out.Choices, livecount.Choice{ID: ch.GetChoice(), Name: ch.GetDisplayName(), Votes: ch.GetVotes()})
	}
	if l := t.GetLeader(); l != nil {
		out.Leader, out.WinsOutright, out.RunoffRequired = l.GetChoice(), l.GetWinsOutright(), l.GetRunoffRequired()
	}
	return out
}

// Definition implements livecount.Source: the election's contests and
// chambers, read with GetElection on every call (a definition never
// changes, but a composition is rare next to totals).
func (c *Client) Definition(ctx context.Context, election string) (livecount.Definition, error) {
	var e *tallyv1.Election
	err := c.call(ctx, func(ctx context.Context) (err error) {
		e, err = c.tally.GetElection(ctx, &tallyv1.GetElectionRequest{Name: "elections/" + election})
		return err
	})
	if err != nil {
		return livecount.Definition{}, err
	}
	return DefinitionFromWire(election, e), nil
}

var tierKindFromWire = map[tallyv1.TierKind]livecount.TierKind{
	tallyv1.TierKind_TIER_KIND_LIST:          livecount.TierList,
	tallyv1.TierKind_TIER_KIND_SINGLE_MEMBER: livecount.TierSingleMember,
	tallyv1.TierKind_TIER_KIND_RESERVED:      livecount.TierReserved,
}

var tierLinkFromWire = map[tallyv1.TierLink]livecount.TierLink{
	tallyv1.TierLink_TIER_LINK_COMPENSATORY: livecount.TierCompensatory,
	tallyv1.TierLink_TIER_LINK_LEVELING:     livecount.TierLeveling,
}

func lastSegment(s string) string {
	if i := strings.LastIndexByte(s, '/'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// DefinitionFromWire converts an election's definition for livecount.
func DefinitionFromWire(election string, e *tallyv1.Election) livecount.Definition {
	def := livecount.Definition{Election: election, Contests: map[string]livecount.ContestDef{}}
	seatPreset := map[string]string{}
	for _, c := range e.GetContests() {
		seatPreset[lastSegment(c.GetName())] = c.GetSeatPreset()
		cd := livecount.ContestDef{ID: lastSegment(c.GetName()), Name: c.GetDisplayName(),
			SingleWinner: c.GetKind() == tallyv1.ContestKind_CONTEST_KIND_SINGLE_WINNER, SeatPreset: c.GetSeatPreset()}
		if c.GetDistrict() != "" {
			cd.District = lastSegment(c.GetDistrict())
		}
		for _, ch := range c.GetChoices() {
			cd.Choices = append(cd.Choices, livecount.ChoiceDef{ID: ch.GetId(), Name: ch.GetDisplayName(), Color: ch.GetColor(), Party: ch.GetParty()})
		}
		def.Contests[cd.ID] = cd
	}
	sets := map[string][]string{}
	for _, s := range e.GetSingleMemberDistricts() {
		for _, d := range s.GetDistricts() {
			sets[s.GetId()] = append(sets[s.GetId()], s.GetId()+"-"+d.GetUnit())
		}
	}
	for _, c := range e.GetChambers() {
		cd := livecount.ChamberDef{ID: lastSegment(c.GetName()), Name: c.GetDisplayName(), Seats: int(c.GetSeats())}
		for _, t := range c.GetTiers() {
			td := livecount.TierDef{
				ID: t.GetId(), Name: t.GetDisplayName(), Kind: tierKindFromWire[t.GetKind()], Seats: int(t.GetSeats()),
				Contest: lastSegment(t.GetContest()), Preset: t.GetPreset(), SingleMember: sets[t.GetSingleMemberDistricts()],
				ReservedFor: t.GetReservedFor(), Link: tierLinkFromWire[t.GetLink()], Linked: t.GetLinkedTier(),
			}
			if td.Kind == livecount.TierList && td.Preset == "" {
				// The contest's own legal rule (decision 82).
				td.Preset = seatPreset[td.Contest]
			}
			for _, d := range t.GetDistricts() {
				td.Districts = append(td.Districts, livecount.District{Unit: lastSegment(d.GetUnit()), Seats: int(d.GetSeats())})
			}
			cd.Tiers = append(cd.Tiers, td)
		}
		def.Chambers = append(def.Chambers, cd)
	}
	return def
}
