package auth

import (
	"context"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	grpcauth "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/auth"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
)

// Access is who may call a method.
type Access int

const (
	// Read: results. Anyone when reads are public, else any valid token.
	Read Access = iota + 1
	// Submit: protocols. A commission within its scope, or an admin.
	Submit
	// Administer: definitions and phases. Admins only.
	Administer
	// Public: health and reflection, never checked.
	Public
)

// Rule is the access rule of one method.
type Rule struct {
	Access Access
	// Targets returns every election and unit a request acts on, each with
	// the field that names it (ResourceTargets reads them from the
	// descriptors). A token limited to an election may only act on it; a
	// commission may only submit for units in its scope, and every target
	// is checked, so one out-of-scope row refuses the whole message. nil:
	// no target.
	Targets func(req any) []Target
}

// ScopeFunc reports whether unit lies in (or under) one of the scope units.
// It is the consumer's: only the tally knows its hierarchy.
type ScopeFunc func(ctx context.Context, election, unit string, scope []string) (bool, error)

// Config is what an Authorizer checks against.
type Config struct {
	Keys []Verifier
	// Rules by full method name ("/mandate.tally.v1.TallyService/GetTotals").
	// A method without a rule is refused: forgetting a rule fails closed.
	Rules map[string]Rule
	// PublicReads lets calls without a token read results.
	PublicReads bool
	InScope     ScopeFunc
	Now         func() time.Time // time.Now when nil
	// Skew is how far the issuer's clock may be from ours (default 1 min).
	Skew time.Duration
}

// Authorizer holds a Config and provides the interceptors.
type Authorizer struct {
	cfg   Config
	keys  atomic.Pointer[keySet] // cfg.Keys until SetKeys replaces them
	cache tokenCache
}

// New returns an Authorizer. Keys may be empty only when every rule is
// Read or Public and reads are public.
func New(cfg Config) *Authorizer {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Skew == 0 {
		cfg.Skew = time.Minute
	}
	a := &Authorizer{cfg: cfg}
	a.keys.Store(newKeySet(cfg.Keys))
	return a
}

type claimsKey struct{}

// ClaimsFrom returns the verified claims of the caller, if it presented a
// token.
func ClaimsFrom(ctx context.Context) (Claims, bool) {
	c, ok := ctx.Value(claimsKey{}).(Claims)
	return c, ok
}

// Subject is the caller's subject for logs and records, "anonymous" without
// a token.
func Subject(ctx context.Context) string {
	if c, ok := ClaimsFrom(ctx); ok {
		return c.Role.String() + ":" + c.Subject
	}
	return "anonymous"
}

func (r Role) String() string { return string(r) }

func deny(code codes.Code, reason rpcerr.Reason, msg string) error {
	return rpcerr.New(code, reason, msg, nil)
}

// authenticate checks the method's rule against the caller's token and
// returns the context carrying the claims.
func (a *Authorizer) authenticate(ctx context.Context, method string) (context.Context, Rule, error) {
	rule, ok := a.cfg.Rules[method]
	if !ok {
		if strings.HasPrefix(method, "/grpc.health.v1.") || strings.HasPrefix(method, "/grpc.reflection.") {
			return ctx, Rule{Access: Public}, nil
		}
		return ctx, rule, deny(codes.PermissionDenied, rpcv1.ErrorReason_NO_ACCESS_RULE, "method "+method+" has no access rule")
	}
	if rule.Access == Public {
		return ctx, rule, nil
	}
	if len(a.keys.Load().keys) == 0 && rule.Access == Read && a.cfg.PublicReads {
		// A service that verifies no tokens (seats with public reads) lets a
		// token meant for another service through the gateway as anonymous.
		return ctx, rule, nil
	}
	_, present := metadata.FromIncomingContext(ctx)
	token, err := grpcauth.AuthFromMD(ctx, "bearer")
	if err != nil {
		hasHeader := present && len(metadata.ValueFromIncomingContext(ctx, "authorization")) > 0
		if rule.Access == Read && a.cfg.PublicReads && !hasHeader {
			return ctx, rule, nil
		}
		if hasHeader {
			return ctx, rule, deny(codes.Unauthenticated, rpcv1.ErrorReason_TOKEN_INVALID, "authorization must be \"Bearer <token>\"")
		}
		return ctx, rule, deny(codes.Unauthenticated, rpcv1.ErrorReason_TOKEN_MISSING, "this call needs a bearer token (authorization: Bearer <token>)")
	}
	c, err := a.verify(token)
	if err != nil {
		return ctx, rule, deny(codes.Unauthenticated, rpcv1.ErrorReason_TOKEN_INVALID, err.Error())
	}
	allowed := c.Role == Admin ||
		(rule.Access == Read) ||
		(rule.Access == Submit && c.Role == Commission)
	if !allowed {
		return ctx, rule, deny(codes.PermissionDenied, rpcv1.ErrorReason_ROLE_NOT_ALLOWED, "role "+string(c.Role)+" may not call "+method)
	}
	return context.WithValue(ctx, claimsKey{}, c), rule, nil
}

// authorize checks one request against the caller's election and scope:
// every target the rule finds, so a message that carries many protocols is
// refused whole when one of them is out of scope, before the handler sees
// any. msg is the index of the message in a stream (-1 for a unary call).
func (a *Authorizer) authorize(ctx context.Context, rule Rule, req any, msg int) error {
	c, ok := ClaimsFrom(ctx)
	if !ok || rule.Targets == nil {
		return nil
	}
	units := c.Role == Commission && rule.Access == Submit
	if c.Election == "" && !units {
		return nil // nothing to check: skip the walk
	}
	checked := map[[2]string]bool{}
	for _, t := range rule.Targets(req) {
		if t.Election == "" {
			// Empty or not a well-formed name: the handler parses names
			// at least as strictly and refuses it with the field, so it
			// reaches no store.
			continue
		}
		if c.Election != "" && t.Election != c.Election {
			return outOfScope(t, msg, t.Field+": election "+t.Election+" is not this credential's election "+c.Election)
		}
		if !units || t.Unit == "" {
			continue
		}
		key := [2]string{t.Election, t.Unit}
		if checked[key] {
			continue
		}
		in, err := a.cfg.InScope(ctx, t.Election, t.Unit, c.Units)
		if err != nil {
			return err
		}
		if !in {
			return outOfScope(t, msg, t.Field+": unit "+t.Unit+" is outside the units of this credential")
		}
		checked[key] = true
	}
	return nil
}

// outOfScope is PERMISSION_DENIED naming the field (and, in a stream, the
// message) that is out of the credential's scope.
func outOfScope(t Target, msg int, text string) error {
	md := map[string]string{"field": t.Field, "election": t.Election}
	if t.Unit != "" {
		md["unit"] = t.Unit
	}
	if msg >= 0 {
		md["message"] = strconv.Itoa(msg)
		text = "message " + strconv.Itoa(msg) + " of the stream, " + text
	}
	return rpcerr.New(codes.PermissionDenied, rpcv1.ErrorReason_OUT_OF_SCOPE, text, md)
}

// Unary is the interceptor for unary calls.
func (a *Authorizer) Unary() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		ctx, rule, err := a.authenticate(ctx, info.FullMethod)
		if err != nil {
			return nil, err
		}
		if err := a.authorize(ctx, rule, req, -1); err != nil {
			return nil, err
		}
		return handler(ctx, req)
	}
}

// Stream is the interceptor for streaming calls: the token is checked when
// the stream opens, every received message against the scope.
func (a *Authorizer) Stream() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		ctx, rule, err := a.authenticate(ss.Context(), info.FullMethod)
		if err != nil {
			return err
		}
		return handler(srv, &checkedStream{ServerStream: ss, ctx: ctx, a: a, rule: rule})
	}
}

type checkedStream struct {
	grpc.ServerStream
	ctx  context.Context
	a    *Authorizer
	rule Rule
	n    int // messages received so far
}

func (s *checkedStream) Context() context.Context { return s.ctx }

func (s *checkedStream) RecvMsg(m any) error {
	if err := s.ServerStream.RecvMsg(m); err != nil {
		return err
	}
	s.n++
	return s.a.authorize(s.ctx, s.rule, m, s.n-1)
}
