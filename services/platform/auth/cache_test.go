package auth_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/mandate-project/mandate/services/platform/auth"
)

// call makes one /t/Submit call with the bearer token and returns the
// claims the handler saw.
func call(a *auth.Authorizer, token string) (auth.Claims, error) {
	ctx := metadata.NewIncomingContext(context.Background(), metadata.Pairs("authorization", "Bearer "+token))
	var seen auth.Claims
	_, err := a.Unary()(ctx, req(nil), &grpc.UnaryServerInfo{FullMethod: "/t/Submit"}, func(ctx context.Context, _ any) (any, error) {
		seen, _ = auth.ClaimsFrom(ctx)
		return nil, nil
	})
	return seen, err
}

// TestTokenCache: a token checked once is served from the cache with the
// same claims, but never once it has expired or its key is no longer
// trusted; a token that differs from a cached one (a forged signature on
// the same claims) is checked, not matched.
func TestTokenCache(t *testing.T) {
	s, v := ed25519Key(t)
	s2, v2 := ed25519Key(t)
	clock := now
	a := auth.New(auth.Config{
		Keys: []auth.Verifier{v}, Now: func() time.Time { return clock },
		Rules: map[string]auth.Rule{"/t/Submit": {Access: auth.Submit}},
	})
	issue := func(s auth.Signer, ttl time.Duration) string {
		x, err := auth.Issue(s, auth.Claims{Subject: "uik", Role: auth.Commission, Units: []string{"r1"}, Expires: now.Add(ttl).Unix()}, now)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	refused := func(what, token string) {
		t.Helper()
		if _, err := call(a, token); status.Code(err) != codes.Unauthenticated {
			t.Errorf("%s: %v, want UNAUTHENTICATED", what, err)
		}
	}

	tok := issue(s, time.Hour)
	for i := range 3 { // the first call verifies, the next two hit the cache
		c, err := call(a, tok)
		if err != nil || c.Subject != "uik" || c.Role != auth.Commission || len(c.Units) != 1 {
			t.Fatalf("call %d: claims %+v, err %v", i, c, err)
		}
	}
	// Same claims, another signature: a different token, checked afresh.
	forged := tok[:len(tok)-4] + "AAAA"
	if forged == tok {
		forged = tok[:len(tok)-4] + "BBBB"
	}
	refused("a cached token with its signature changed", forged)

	// Expiry is checked on every hit, with the skew (1 min by default).
	clock = now.Add(time.Hour + 30*time.Second)
	if _, err := call(a, tok); err != nil {
		t.Fatalf("within the skew: %v", err)
	}
	clock = now.Add(time.Hour + time.Minute)
	refused("a cached token past its expiry", tok)
	clock = now

	// A key rotation revokes the tokens of the dropped key, cached ones
	// included, and trusts the new key's.
	tok = issue(s, time.Hour)
	if _, err := call(a, tok); err != nil {
		t.Fatal(err)
	}
	a.SetKeys([]auth.Verifier{v2})
	refused("a cached token of a dropped key", tok)
	if _, err := call(a, issue(s2, time.Hour)); err != nil {
		t.Errorf("a token of the new key: %v", err)
	}
	// Expired tokens are refused on the first call too (no cache involved).
	clock = now.Add(2 * time.Hour)
	refused("an expired token never seen before", issue(s2, time.Hour))
}

// TestTokenCacheBounded: many distinct tokens neither grow the cache
// without bound nor stop any of them from being served.
func TestTokenCacheBounded(t *testing.T) {
	defer auth.SetCacheSize(100)()
	_, v := ed25519Key(t)
	hm, err := auth.NewHMAC()
	if err != nil {
		t.Fatal(err)
	}
	hs, hv, err := auth.ParseKey(hm)
	if err != nil {
		t.Fatal(err)
	}
	a := auth.New(auth.Config{
		Keys: []auth.Verifier{v, hv}, Now: func() time.Time { return now },
		Rules: map[string]auth.Rule{"/t/Submit": {Access: auth.Submit}},
	})
	for i := range 300 { // more than the cache holds
		x, err := auth.Issue(hs, auth.Claims{Subject: fmt.Sprint("uik-", i), Role: auth.Admin, Expires: now.Add(time.Hour).Unix()}, now)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := call(a, x); err != nil {
			t.Fatalf("token %d: %v", i, err)
		}
	}
	if n := auth.CachedTokens(a); n == 0 || n > 100 {
		t.Errorf("%d cached tokens, want 1 to 100", n)
	}
}

// BenchmarkUnary: the interceptor's cost per call with a commission's
// Ed25519 token, verified on every call (the cache emptied before each) and
// served from the cache.
func BenchmarkUnary(b *testing.B) {
	priv, pub, err := auth.NewEd25519()
	if err != nil {
		b.Fatal(err)
	}
	s, _, _ := auth.ParseKey(priv)
	_, v, _ := auth.ParseKey(pub)
	tok, err := auth.Issue(s, auth.Claims{Subject: "bench-commission", Role: auth.Commission, Election: "bench", Units: []string{"nation"}, Expires: time.Now().Add(time.Hour).Unix()}, time.Now())
	if err != nil {
		b.Fatal(err)
	}
	cfg := auth.Config{Keys: []auth.Verifier{v}, Rules: map[string]auth.Rule{"/t/Submit": {Access: auth.Submit}}}
	ctx := metadata.NewIncomingContext(context.Background(), metadata.Pairs("authorization", "Bearer "+tok))
	info := &grpc.UnaryServerInfo{FullMethod: "/t/Submit"}
	h := func(context.Context, any) (any, error) { return nil, nil }
	b.Run("verify", func(b *testing.B) {
		a := auth.New(cfg)
		u := a.Unary()
		b.ReportAllocs()
		for b.Loop() {
			auth.ForgetTokens(a)
			if _, err := u(ctx, req(nil), info, h); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		u := auth.New(cfg).Unary()
		b.ReportAllocs()
		for b.Loop() {
			if _, err := u(ctx, req(nil), info, h); err != nil {
				b.Fatal(err)
			}
		}
	})
}
