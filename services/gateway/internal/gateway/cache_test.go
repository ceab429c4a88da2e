package gateway_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/timestamppb"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/gateway/internal/gateway"
	"github.com/mandate-project/mandate/services/platform/grpcserver"
	"github.com/mandate-project/mandate/services/platform/grpctest"
)

// versionedTally answers GetTotals at its current results version, with a
// new generate_time on every call, as tallyd does.
type versionedTally struct {
	tallyv1.UnimplementedTallyServiceServer
	version, valid atomic.Int64
}

func (v *versionedTally) GetTotals(_ context.Context, req *tallyv1.GetTotalsRequest) (*tallyv1.Totals, error) {
	return &tallyv1.Totals{Name: req.GetName(), Valid: v.valid.Load(), ResultsVersion: v.version.Load(),
		GenerateTime: timestamppb.New(time.Now())}, nil
}

// TestTotalsConditional: totals carry a weak ETag from the results version
// (and the content), the same while nothing changes even as generate_time
// moves; If-None-Match with it gets 304 and no body; a new version or new
// numbers change it; Cache-Control is short, and private for a caller with
// a token.
func TestTotalsConditional(t *testing.T) {
	tally := &versionedTally{}
	tally.version.Store(7)
	tally.valid.Store(100)
	tc := grpctest.ConnWith(t, grpcserver.EnsureOptions(), func(s *grpc.Server) { tallyv1.RegisterTallyServiceServer(s, tally) })
	sc := grpctest.ConnWith(t, grpcserver.EnsureOptions(), func(s *grpc.Server) { seatsv1.RegisterSeatsServiceServer(s, seatsv1.UnimplementedSeatsServiceServer{}) })
	h, err := gateway.New(context.Background(), gateway.Config{Tally: tc, Seats: sc, MaxBodyBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	const path = "/v1/elections/e/contests/c/totals/nation"
	get := func(header ...string) *httptest.ResponseRecorder {
		t.Helper()
		r := httptest.NewRequest(http.MethodGet, path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			r.Header.Set(header[i], header[i+1])
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}

	first := get()
	tag := first.Header().Get("ETag")
	if first.Code != http.StatusOK || !strings.HasPrefix(tag, `W/"7-`) || !strings.Contains(first.Body.String(), `"resultsVersion":"7"`) {
		t.Fatalf("first GET: %d, ETag %q, body %s", first.Code, tag, first.Body.String())
	}
	if cc := first.Header().Get("Cache-Control"); cc != "public, max-age=2" {
		t.Errorf("Cache-Control %q, want public, max-age=2", cc)
	}
	time.Sleep(1100 * time.Millisecond) // generate_time moves to the next second
	if again := get(); again.Header().Get("ETag") != tag || again.Body.String() == first.Body.String() {
		t.Errorf("same version a second later: ETag %q (want %q), body changed: %v", again.Header().Get("ETag"), tag, again.Body.String() != first.Body.String())
	}
	for _, inm := range []string{tag, strings.TrimPrefix(tag, "W/"), `"other", ` + tag, "*"} {
		w := get("If-None-Match", inm)
		if w.Code != http.StatusNotModified || w.Body.Len() != 0 || w.Header().Get("ETag") != tag {
			t.Errorf("If-None-Match %s: %d, %d body bytes, ETag %q; want 304, none, %q", inm, w.Code, w.Body.Len(), w.Header().Get("ETag"), tag)
		}
	}
	if w := get("If-None-Match", `W/"6-0000000000000000"`); w.Code != http.StatusOK || w.Body.Len() == 0 {
		t.Errorf("a stale If-None-Match: %d with %d body bytes, want 200 with the totals", w.Code, w.Body.Len())
	}
	if cc := get("Authorization", "Bearer x").Header().Get("Cache-Control"); cc != "private, max-age=2" {
		t.Errorf("Cache-Control with a token %q, want private, max-age=2", cc)
	}

	tally.version.Store(8)
	tally.valid.Store(150)
	w := get("If-None-Match", tag)
	if w.Code != http.StatusOK || w.Header().Get("ETag") == tag || !strings.HasPrefix(w.Header().Get("ETag"), `W/"8-`) {
		t.Errorf("after a change: %d, ETag %q (old %q), want 200 and a new tag", w.Code, w.Header().Get("ETag"), tag)
	}
	// The same version with other numbers (a unit added) is another tag too.
	tally.valid.Store(151)
	if w2 := get(); w2.Header().Get("ETag") == w.Header().Get("ETag") {
		t.Errorf("other numbers at the same version kept ETag %q", w2.Header().Get("ETag"))
	}
	// Errors and other answers carry no validator.
	if w := get(); w.Code != http.StatusOK {
		t.Fatal(w.Code)
	}
	r := httptest.NewRequest(http.MethodGet, "/v1/elections/e", nil)
	r.Header.Set("If-None-Match", "*")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	if rec.Code == http.StatusNotModified || rec.Header().Get("ETag") != "" {
		t.Errorf("an Unimplemented GetElection: %d, ETag %q", rec.Code, rec.Header().Get("ETag"))
	}
}
