// Package limit sheds load: beyond a bound on calls in flight, and per caller
// beyond a request rate, calls get RESOURCE_EXHAUSTED at once (HTTP 429
// through the gateway) instead of queueing without bound, so an overloaded
// server stays responsive for the calls it does accept.
package limit

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/ratelimit"
	"golang.org/x/time/rate"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/peer"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	"github.com/mandate-project/mandate/services/platform/auth"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
)

// Config bounds the load a daemon accepts. Zero values disable a bound.
type Config struct {
	// MaxInFlight bounds unary and client-streaming calls being handled.
	MaxInFlight int
	// MaxWatches bounds open server streams (watches), which last long and
	// are counted apart so readers cannot starve writers.
	MaxWatches int
	// PerCallerRate is the sustained requests per second one caller may
	// make, with bursts of PerCallerBurst. A caller is its token's subject,
	// or its IP address without a token.
	PerCallerRate  float64
	PerCallerBurst int
}

// Interceptors returns the interceptors for cfg, to chain after
// authentication (the caller is known by then).
func Interceptors(cfg Config) ([]grpc.UnaryServerInterceptor, []grpc.StreamServerInterceptor) {
	var unary []grpc.UnaryServerInterceptor
	var stream []grpc.StreamServerInterceptor
	if cfg.PerCallerRate > 0 {
		l := newCallers(cfg.PerCallerRate, max(cfg.PerCallerBurst, 1))
		unary = append(unary, ratelimit.UnaryServerInterceptor(l))
		stream = append(stream, ratelimit.StreamServerInterceptor(l))
	}
	inflight := newGate(cfg.MaxInFlight, "calls in flight")
	watches := newGate(cfg.MaxWatches, "open watches")
	unary = append(unary, func(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
		release, err := inflight.enter()
		if err != nil {
			return nil, err
		}
		defer release()
		return h(ctx, req)
	})
	stream = append(stream, func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, h grpc.StreamHandler) error {
		g := inflight
		if info.IsServerStream && !info.IsClientStream {
			g = watches
		}
		release, err := g.enter()
		if err != nil {
			return err
		}
		defer release()
		return h(srv, ss)
	})
	return unary, stream
}

// gate is a non-blocking semaphore.
type gate struct {
	slots chan struct{}
	what  string
}

func newGate(n int, what string) *gate {
	if n <= 0 {
		return &gate{}
	}
	return &gate{slots: make(chan struct{}, n), what: what}
}

func (g *gate) enter() (func(), error) {
	if g.slots == nil {
		return func() {}, nil
	}
	select {
	case g.slots <- struct{}{}:
		return func() { <-g.slots }, nil
	default:
		return nil, rpcerr.New(codes.ResourceExhausted, rpcv1.ErrorReason_OVERLOADED,
			fmt.Sprintf("server busy: %d %s; retry with backoff", cap(g.slots), g.what), nil)
	}
}

// callers holds one token bucket per caller, forgetting callers idle for
// idleAfter so the map does not grow without bound.
type callers struct {
	mu        sync.Mutex
	rate      rate.Limit
	burst     int
	buckets   map[string]*bucket
	lastSweep time.Time
	now       func() time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

const idleAfter = 10 * time.Minute

func newCallers(r float64, burst int) *callers {
	return &callers{rate: rate.Limit(r), burst: burst, buckets: map[string]*bucket{}, now: time.Now}
}

var errRate = errors.New("caller over its request rate")

// Limit implements ratelimit.Limiter.
func (c *callers) Limit(ctx context.Context) error {
	key := caller(ctx)
	now := c.now()
	c.mu.Lock()
	defer c.mu.Unlock()
	if now.Sub(c.lastSweep) > idleAfter {
		for k, b := range c.buckets {
			if now.Sub(b.seen) > idleAfter {
				delete(c.buckets, k)
			}
		}
		c.lastSweep = now
	}
	b := c.buckets[key]
	if b == nil {
		b = &bucket{lim: rate.NewLimiter(c.rate, c.burst)}
		c.buckets[key] = b
	}
	b.seen = now
	if !b.lim.AllowN(now, 1) {
		return errRate
	}
	return nil
}

// caller names who is calling: the credential, else the client's IP. Behind
// the gateway every anonymous call comes from the gateway's address, so when
// the peer is on loopback (a gateway on the same host) the last address of
// x-forwarded-for is the caller: the gateway appends the address of the
// connection it received, after whatever the client itself claimed. From
// any other peer the header is ignored, since a direct caller could write
// anything in it.
func caller(ctx context.Context) string {
	if c, ok := auth.ClaimsFrom(ctx); ok {
		return "sub:" + string(c.Role) + ":" + c.Subject
	}
	p, ok := peer.FromContext(ctx)
	if !ok || p.Addr == nil {
		return "unknown"
	}
	host, _, err := net.SplitHostPort(p.Addr.String())
	if err != nil {
		host = p.Addr.String()
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		if fwd := metadata.ValueFromIncomingContext(ctx, "x-forwarded-for"); len(fwd) > 0 {
			hops := strings.Split(fwd[len(fwd)-1], ",")
			if client := net.ParseIP(strings.TrimSpace(hops[len(hops)-1])); client != nil {
				return "ip:" + client.String()
			}
		}
	}
	return "ip:" + host
}
