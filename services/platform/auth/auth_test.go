package auth_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/mandate-project/mandate/services/platform/auth"
)

var now = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

func ed25519Key(t *testing.T) (auth.Signer, auth.Verifier) {
	t.Helper()
	priv, pub, err := auth.NewEd25519()
	if err != nil {
		t.Fatal(err)
	}
	s, _, err := auth.ParseKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	ps, v, err := auth.ParseKey(pub)
	if err != nil || ps != nil {
		t.Fatalf("public key parsed as signer %v, err %v", ps, err)
	}
	return s, v
}

func TestTokens(t *testing.T) {
	edS, edV := ed25519Key(t)
	hm, err := auth.NewHMAC()
	if err != nil {
		t.Fatal(err)
	}
	hmS, hmV, err := auth.ParseKey(hm)
	if err != nil {
		t.Fatal(err)
	}
	otherS, _ := ed25519Key(t)
	claims := auth.Claims{Subject: "uik-1", Role: auth.Commission, Election: "e", Units: []string{"r1"}, Expires: now.Add(time.Hour).Unix()}
	issue := func(s auth.Signer, c auth.Claims) string {
		tok, err := auth.Issue(s, c, now)
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	flip := func(tok string, part int) string {
		p := strings.Split(tok, ".")
		b := []byte(p[part])
		if b[3] == 'A' {
			b[3] = 'B'
		} else {
			b[3] = 'A'
		}
		p[part] = string(b)
		return strings.Join(p, ".")
	}
	keys := []auth.Verifier{edV, hmV}
	tests := []struct {
		name  string
		token string
		at    time.Time
		ok    bool
	}{
		{"ed25519", issue(edS, claims), now, true},
		{"hmac", issue(hmS, claims), now, true},
		{"within skew after expiry", issue(edS, claims), now.Add(time.Hour + 30*time.Second), true},
		{"expired", issue(edS, claims), now.Add(time.Hour + 2*time.Minute), false},
		{"issued in the future", issue(edS, claims), now.Add(-5 * time.Minute), false},
		{"unknown key", issue(otherS, claims), now, false},
		{"claims edited", flip(issue(edS, claims), 1), now, false},
		{"signature edited", flip(issue(hmS, claims), 2), now, false},
		{"not a token", "abc", now, false},
		{"other prefix", "jwt" + issue(edS, claims)[8:], now, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := auth.Verify(tt.token, keys, tt.at, time.Minute)
			if tt.ok != (err == nil) {
				t.Fatalf("Verify: %v, want ok=%v", err, tt.ok)
			}
			if tt.ok && (c.Subject != "uik-1" || c.Role != auth.Commission || c.Units[0] != "r1" || c.IssuedAt != now.Unix()) {
				t.Errorf("claims %+v", c)
			}
		})
	}
	for _, bad := range []auth.Claims{
		{Subject: "x", Role: "root", Expires: now.Add(time.Hour).Unix()},
		{Role: auth.Admin, Expires: now.Add(time.Hour).Unix()},
		{Subject: "x", Role: auth.Commission, Expires: now.Add(time.Hour).Unix()},
		{Subject: "x", Role: auth.Reader, Expires: now.Unix()},
	} {
		if _, err := auth.Issue(edS, bad, now); err == nil {
			t.Errorf("Issue(%+v) succeeded", bad)
		}
	}
	if _, _, err := auth.ParseKey([]byte("-----BEGIN MANDATE HMAC SECRET-----\nAAAA\n-----END MANDATE HMAC SECRET-----\n")); err == nil {
		t.Error("a 3-byte HMAC secret was accepted")
	}
}

// req is a request that names these targets.
type req []auth.Target

func one(election, unit string) req {
	return req{{Field: "station", Election: election, Unit: unit}}
}

func TestInterceptor(t *testing.T) {
	s, v := ed25519Key(t)
	tok := func(c auth.Claims) string {
		c.Expires = now.Add(time.Hour).Unix()
		x, err := auth.Issue(s, c, now)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	target := func(r any) []auth.Target { return r.(req) }
	// The scope: unit "r1" holds "s1" and "s2".
	inScope := func(_ context.Context, _, unit string, scope []string) (bool, error) {
		for _, u := range scope {
			if u == unit || (u == "r1" && (unit == "s1" || unit == "s2")) {
				return true, nil
			}
		}
		return false, nil
	}
	a := auth.New(auth.Config{
		Keys: []auth.Verifier{v}, PublicReads: true, InScope: inScope, Now: func() time.Time { return now },
		Rules: map[string]auth.Rule{
			"/t/Read":   {Access: auth.Read, Targets: target},
			"/t/Submit": {Access: auth.Submit, Targets: target},
			"/t/Admin":  {Access: auth.Administer, Targets: target},
		},
	})
	admin := tok(auth.Claims{Subject: "cec", Role: auth.Admin})
	adminE := tok(auth.Claims{Subject: "cec", Role: auth.Admin, Election: "e"})
	uik := tok(auth.Claims{Subject: "uik", Role: auth.Commission, Units: []string{"r1"}})
	reader := tok(auth.Claims{Subject: "press", Role: auth.Reader})
	tests := []struct {
		method, header string
		r              req
		code           codes.Code
		reason         string
	}{
		{"/t/Read", "", one("e", "s1"), codes.OK, ""},
		{"/t/Read", "Bearer " + reader, one("e", "s1"), codes.OK, ""},
		{"/t/Read", "Bearer junk", one("e", "s1"), codes.Unauthenticated, "TOKEN_INVALID"},
		{"/t/Read", "Basic dXNlcjpwYXNz", one("e", "s1"), codes.Unauthenticated, "TOKEN_INVALID"},
		{"/t/Submit", "", one("e", "s1"), codes.Unauthenticated, "TOKEN_MISSING"},
		{"/t/Submit", "Bearer " + reader, one("e", "s1"), codes.PermissionDenied, "ROLE_NOT_ALLOWED"},
		{"/t/Submit", "Bearer " + uik, one("e", "s2"), codes.OK, ""},
		{"/t/Submit", "Bearer " + uik, one("e", "r1"), codes.OK, ""},
		{"/t/Submit", "Bearer " + uik, one("e", "s9"), codes.PermissionDenied, "OUT_OF_SCOPE"},
		{"/t/Submit", "Bearer " + admin, one("e", "s9"), codes.OK, ""},
		{"/t/Submit", "Bearer " + adminE, one("f", "s9"), codes.PermissionDenied, "OUT_OF_SCOPE"},
		// Every target of a message is checked: one row out of scope
		// refuses the message, and so does one row of another election.
		{"/t/Submit", "Bearer " + uik, req{{Field: "rows[0].station", Election: "e", Unit: "s1"}, {Field: "rows[1].station", Election: "e", Unit: "s9"}}, codes.PermissionDenied, "OUT_OF_SCOPE"},
		{"/t/Submit", "Bearer " + adminE, req{{Field: "parent", Election: "e"}, {Field: "rows[1].station", Election: "f", Unit: "s1"}}, codes.PermissionDenied, "OUT_OF_SCOPE"},
		{"/t/Submit", "Bearer " + uik, req{{Field: "rows[0].station", Election: "e", Unit: "s1"}, {Field: "rows[1].station", Election: "e", Unit: "s2"}}, codes.OK, ""},
		// A malformed name is the handler's to refuse with its field.
		{"/t/Submit", "Bearer " + uik, req{{Field: "rows[0].station"}}, codes.OK, ""},
		{"/t/Admin", "Bearer " + uik, one("e", ""), codes.PermissionDenied, "ROLE_NOT_ALLOWED"},
		{"/t/Admin", "Bearer " + admin, one("e", ""), codes.OK, ""},
		{"/t/Unlisted", "Bearer " + admin, req(nil), codes.PermissionDenied, "NO_ACCESS_RULE"},
		{"/grpc.health.v1.Health/Check", "", req(nil), codes.OK, ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.method, " ", tt.header[:min(len(tt.header), 12)], " ", tt.r), func(t *testing.T) {
			ctx := context.Background()
			if tt.header != "" {
				ctx = metadata.NewIncomingContext(ctx, metadata.Pairs("authorization", tt.header))
			}
			called := false
			_, err := a.Unary()(ctx, tt.r, &grpc.UnaryServerInfo{FullMethod: tt.method}, func(ctx context.Context, _ any) (any, error) {
				called = true
				return nil, nil
			})
			st := status.Convert(err)
			if st.Code() != tt.code || called != (tt.code == codes.OK) {
				t.Fatalf("code %v (%v), handler called %v; want %v", st.Code(), err, called, tt.code)
			}
			if tt.reason != "" {
				var reasons []string
				for _, d := range st.Details() {
					if ei, ok := d.(*errdetails.ErrorInfo); ok {
						reasons = append(reasons, ei.GetReason())
					}
				}
				if len(reasons) != 1 || reasons[0] != tt.reason {
					t.Errorf("reasons %v, want [%s]", reasons, tt.reason)
				}
			}
		})
	}

	// Private reads: no token, no results.
	closed := auth.New(auth.Config{Keys: []auth.Verifier{v}, Rules: map[string]auth.Rule{"/t/Read": {Access: auth.Read}}, Now: func() time.Time { return now }})
	_, err := closed.Unary()(context.Background(), req(nil), &grpc.UnaryServerInfo{FullMethod: "/t/Read"}, func(context.Context, any) (any, error) { return nil, nil })
	if status.Code(err) != codes.Unauthenticated {
		t.Errorf("anonymous read with private reads: %v", err)
	}
}

func TestNoKeysPublicReadsIgnoresTokens(t *testing.T) {
	a := auth.New(auth.Config{PublicReads: true, Rules: map[string]auth.Rule{"/t/Read": {Access: auth.Read}, "/t/Admin": {Access: auth.Administer}}})
	ctx := metadata.NewIncomingContext(context.Background(), metadata.Pairs("authorization", "Bearer mandate1.x.y"))
	h := func(context.Context, any) (any, error) { return nil, nil }
	if _, err := a.Unary()(ctx, nil, &grpc.UnaryServerInfo{FullMethod: "/t/Read"}, h); err != nil {
		t.Errorf("read with a token for another service: %v", err)
	}
	if _, err := a.Unary()(ctx, nil, &grpc.UnaryServerInfo{FullMethod: "/t/Admin"}, h); status.Code(err) != codes.Unauthenticated {
		t.Errorf("write on a service without keys: %v", err)
	}
}
