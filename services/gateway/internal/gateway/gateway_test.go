package gateway_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/gateway/internal/gateway"
	"github.com/mandate-project/mandate/services/platform/grpcserver"
	"github.com/mandate-project/mandate/services/platform/grpctest"
)

// stubTally answers every call Unimplemented, except GetElection, which
// echoes the authorization metadata it received as the display name.
type stubTally struct {
	tallyv1.UnimplementedTallyServiceServer
}

func (stubTally) GetElection(ctx context.Context, req *tallyv1.GetElectionRequest) (*tallyv1.Election, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	return &tallyv1.Election{Name: req.GetName(), DisplayName: strings.Join(md.Get("authorization"), "|"), ElectionDate: strings.Join(md.Get("x-request-id"), "|")}, nil
}

// handler is the gateway over stub services: what it does before the
// services answer (routing, decoding, limits, error shape) is what these
// tests check.
func handler(t testing.TB, maxBody int64) http.Handler {
	t.Helper()
	// The stubs' Unimplemented answers get their ErrorInfo as the daemons'
	// servers give one to every library answer.
	tally := grpctest.ConnWith(t, grpcserver.EnsureOptions(), func(s *grpc.Server) { tallyv1.RegisterTallyServiceServer(s, stubTally{}) })
	seats := grpctest.ConnWith(t, grpcserver.EnsureOptions(), func(s *grpc.Server) { seatsv1.RegisterSeatsServiceServer(s, seatsv1.UnimplementedSeatsServiceServer{}) })
	h, err := gateway.New(context.Background(), gateway.Config{Tally: tally, Seats: seats, MaxBodyBytes: maxBody})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestAuthorizationForwarded(t *testing.T) {
	h := handler(t, 1<<20)
	r := httptest.NewRequest(http.MethodGet, "/v1/elections/kz-2012", nil)
	r.Header.Set("Authorization", "Bearer abc.def")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"displayName":"Bearer abc.def"`) {
		t.Fatalf("%d %s", w.Code, w.Body.String())
	}
}

func TestRequestID(t *testing.T) {
	h := handler(t, 1<<20)
	for _, sent := range []string{"", "from-the-client-7", "not valid!"} {
		r := httptest.NewRequest(http.MethodGet, "/v1/elections/kz-2012", nil)
		if sent != "" {
			r.Header.Set("X-Request-Id", sent)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		got := w.Header().Get("X-Request-Id")
		if got == "" || (sent == "from-the-client-7" && got != sent) || got == "not valid!" {
			t.Errorf("sent %q, answered %q", sent, got)
		}
		if !strings.Contains(w.Body.String(), `"electionDate":"`+got+`"`) {
			t.Errorf("the service saw another id than %q: %s", got, w.Body.String())
		}
	}
}

func TestBodyLimit(t *testing.T) {
	h := handler(t, 100)
	for _, chunked := range []bool{false, true} {
		body := bytes.Repeat([]byte(" "), 101)
		r := httptest.NewRequest(http.MethodPost, "/v1/seats:apportion", bytes.NewReader(body))
		if chunked {
			r.ContentLength = -1
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("chunked=%v: %d %s", chunked, w.Code, w.Body.String())
		}
	}
}

// FuzzJSONBodies posts arbitrary bytes to the write endpoints: the gateway
// never fails with a 5xx of its own making, and every error is a
// google.rpc.Status JSON object with exactly one ErrorInfo.
func FuzzJSONBodies(f *testing.F) {
	h := handler(f, 4096)
	paths := []string{
		"/v1/seats:apportion",
		"/v1/elections/e/contests/c/protocols:submit",
		"/v1/elections",
		"/v1/elections/e/units:batchCreate",
		"/v1/elections/e/contests/c:setPhase",
	}
	f.Add(uint8(0), []byte(`{"parties":[{"id":"a","votes":"12"}]}`))
	f.Add(uint8(1), []byte(`{"station":"elections/e/units/s","lines":{"valid":"-1"},"votes":{"x":1e400}}`))
	f.Add(uint8(2), []byte(`{"displayName": 7}`))
	f.Add(uint8(3), []byte(`{"units":[{"name":"x","kind":"NOPE"}]}`))
	f.Add(uint8(4), []byte(`{"phase":"RESULT_STATUS_CERTIFIED","unknownField":true}`))
	f.Add(uint8(0), []byte("\xff\xfe{"))
	f.Fuzz(func(t *testing.T, which uint8, body []byte) {
		r := httptest.NewRequest(http.MethodPost, paths[int(which)%len(paths)], bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		// 501: decoded and passed to the (unimplemented) service.
		switch w.Code {
		case http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusNotImplemented:
		default:
			t.Fatalf("HTTP %d for %q: %s", w.Code, body, w.Body.String())
		}
		decode(t, w) // a google.rpc.Status with exactly one ErrorInfo
	})
}
