package gateway_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/gateway/internal/gateway"
	"github.com/mandate-project/mandate/services/platform/grpcserver"
	"github.com/mandate-project/mandate/services/platform/grpctest"
)

// feedTally is a tally whose totals change when the test says so. A watch
// gets the current totals, then a message per change with the totals after
// it, as tallyd's does; the caller's authorization is written into the
// totals (unit_display_name), so a watcher shows whose stream it reads.
type feedTally struct {
	tallyv1.UnimplementedTallyServiceServer
	mu      sync.Mutex
	version int64
	pad     string
	open    int                   // upstream watches open now
	opened  int                   // ... and ever
	subs    map[chan error]*int64 // each watch's wake-up and the version it has sent
	cond    *sync.Cond
}

func newFeed() *feedTally {
	f := &feedTally{subs: map[chan error]*int64{}}
	f.cond = sync.NewCond(&f.mu)
	return f
}

func (f *feedTally) totals(name, auth string) *tallyv1.Totals {
	return &tallyv1.Totals{Name: name, Unit: f.pad, UnitDisplayName: auth, ResultsVersion: f.version, Valid: 10 * f.version}
}

func (f *feedTally) WatchTotals(req *tallyv1.WatchTotalsRequest, s grpc.ServerStreamingServer[tallyv1.WatchTotalsResponse]) error {
	if strings.Contains(req.GetName(), "missing") {
		return status.Error(codes.NotFound, "no such totals")
	}
	md, _ := metadata.FromIncomingContext(s.Context())
	// What tallyd's request id interceptor does.
	_ = s.SendHeader(metadata.Pairs("x-request-id", strings.Join(md.Get("x-request-id"), "")))
	auth := strings.Join(md.Get("authorization"), "|")
	wake := make(chan error, 1)
	f.mu.Lock()
	f.open++
	f.opened++
	seen := f.version
	f.subs[wake] = &seen
	first := &tallyv1.WatchTotalsResponse{Totals: f.totals(req.GetName(), auth)}
	f.cond.Broadcast()
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		f.open--
		delete(f.subs, wake)
		f.cond.Broadcast()
		f.mu.Unlock()
	}()
	if err := s.Send(first); err != nil {
		return err
	}
	for {
		select {
		case <-s.Context().Done():
			return nil
		case err := <-wake:
			if err != nil {
				return err
			}
		}
		f.mu.Lock()
		m := &tallyv1.WatchTotalsResponse{Totals: f.totals(req.GetName(), auth)}
		for v := seen + 1; v <= f.version; v++ {
			m.Changes = append(m.Changes, &tallyv1.Change{ResultsVersion: v, Station: fmt.Sprint("s", v)})
		}
		seen = f.version
		f.cond.Broadcast()
		f.mu.Unlock()
		if len(m.Changes) == 0 {
			continue
		}
		if err := s.Send(m); err != nil {
			return err
		}
	}
}

// push makes a new results version and waits until every watch has taken
// it, so each version is a message of its own; with err, it ends every
// watch.
func (f *feedTally) push(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err == nil {
		f.version++
	}
	for c := range f.subs {
		select {
		case c <- err:
		default:
		}
	}
	for err == nil && !f.allSeen() {
		f.cond.Wait()
	}
}

func (f *feedTally) allSeen() bool {
	for _, seen := range f.subs {
		if *seen != f.version {
			return false
		}
	}
	return true
}

// waitOpen waits until n upstream watches are open.
func (f *feedTally) waitOpen(t *testing.T, n int) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		f.mu.Lock()
		for f.open != n {
			f.cond.Wait()
		}
		f.mu.Unlock()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		f.mu.Lock()
		defer f.mu.Unlock()
		t.Fatalf("%d upstream watches open, want %d", f.open, n)
	}
}

func (f *feedTally) counts() (open, opened int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.open, f.opened
}

func feedGateway(t *testing.T, f *feedTally, maxWatches int) string {
	t.Helper()
	return feedGatewayWith(t, f, gateway.Config{MaxWatches: maxWatches})
}

// feedGatewayWith is feedGateway with cfg's limits.
func feedGatewayWith(t *testing.T, f *feedTally, cfg gateway.Config) string {
	t.Helper()
	tally := grpctest.ConnWith(t, grpcserver.EnsureOptions(), func(s *grpc.Server) { tallyv1.RegisterTallyServiceServer(s, f) })
	seats := grpctest.ConnWith(t, grpcserver.EnsureOptions(), func(s *grpc.Server) { seatsv1.RegisterSeatsServiceServer(s, seatsv1.UnimplementedSeatsServiceServer{}) })
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	cfg.Tally, cfg.Seats, cfg.MaxBodyBytes = tally, seats, 1<<20
	h, err := gateway.New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.Listener.Addr().String()
}

const watchName = "elections/e/contests/c/totals/nation"

// watcher is one HTTP/1.1 watch read line by line.
type watcher struct {
	conn   net.Conn
	resp   *http.Response
	lines  *bufio.Reader
	header http.Header
}

// openWatch sends a watch request; query "" takes the hub, "?since_version=0"
// (the same request to the tally) grpc-gateway's own handler.
func openWatch(t *testing.T, addr, query, auth, id string) *watcher {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	req := "GET /v1/" + watchName + ":watch" + query + " HTTP/1.1\r\nHost: gateway\r\nX-Request-Id: " + id + "\r\n"
	if auth != "" {
		req += "Authorization: " + auth + "\r\n"
	}
	if _, err := io.WriteString(c, req+"\r\n"); err != nil {
		t.Fatal(err)
	}
	_ = c.SetReadDeadline(time.Now().Add(20 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	h := resp.Header.Clone()
	h.Del("Date")
	return &watcher{conn: c, resp: resp, lines: bufio.NewReaderSize(resp.Body, 1<<20), header: h}
}

func (w *watcher) next(t *testing.T) string {
	t.Helper()
	l, err := w.lines.ReadString('\n')
	if err != nil {
		t.Fatalf("watch: %v after %q", err, l)
	}
	return l
}

// rest reads the body to its end.
func (w *watcher) rest(t *testing.T) string {
	t.Helper()
	b, err := io.ReadAll(w.lines)
	if err != nil {
		t.Fatalf("watch: %v after %q", err, b)
	}
	return string(b)
}

// TestWatchHub checks that watchers of the same totals and credential share
// one upstream stream, and that each reads exactly what grpc-gateway's own
// handler writes for the same request: headers, every version in order,
// a late joiner's first line, an error at the end.
func TestWatchHub(t *testing.T) {
	f := newFeed()
	addr := feedGateway(t, f, 0)
	const n = 20
	var ws []*watcher
	for i := range n {
		ws = append(ws, openWatch(t, addr, "", "Bearer a", fmt.Sprint("w", i)))
	}
	direct := openWatch(t, addr, "?since_version=0", "Bearer a", "w0")
	f.waitOpen(t, 2) // one for the n hub watchers, one for the direct one
	if !headersEqual(ws[0].header, direct.header) {
		t.Fatalf("headers: hub %v, direct %v", ws[0].header, direct.header)
	}
	if got := ws[1].header.Get("Grpc-Metadata-X-Request-Id"); got != "w1" {
		t.Fatalf("second watcher's request id: %q", got)
	}
	first := direct.next(t)
	// A watcher has joined the stream once it has its first line (the
	// headers come before it joins): read them all before anything moves.
	for i, w := range ws {
		if got := w.next(t); got != first {
			t.Fatalf("watcher %d line 0: %q, want %q", i, got, first)
		}
	}
	var want []string
	for range 3 {
		f.push(nil)
		want = append(want, direct.next(t))
	}
	for i, w := range ws {
		for j, l := range want {
			if got := w.next(t); got != l {
				t.Fatalf("watcher %d line %d: %q, want %q", i, j+1, got, l)
			}
		}
	}

	// A late joiner starts as a fresh watch does: the current totals.
	late := openWatch(t, addr, "", "Bearer a", "w0")
	fresh := openWatch(t, addr, "?since_version=0", "Bearer a", "w0")
	if a, b := late.next(t), fresh.next(t); a != b {
		t.Fatalf("late joiner: %q, fresh watch %q", a, b)
	}
	f.push(nil)
	if a, b := late.next(t), fresh.next(t); a != b {
		t.Fatalf("late joiner's next: %q, fresh watch's %q", a, b)
	}
	if _, opened := f.counts(); opened != 3 {
		t.Fatalf("%d upstream watches opened, want 3 (one hub stream, two direct)", opened)
	}

	// The tally's error ends every watch with grpc-gateway's error line.
	f.push(status.Error(codes.Unavailable, "tally going away"))
	end := fresh.rest(t)
	if !strings.Contains(end, `"code":14`) {
		t.Fatalf("direct watch's end: %q", end)
	}
	for i, w := range append(ws, late) {
		if i < n {
			w.next(t) // the version the late joiner came in before
		}
		if got := w.rest(t); got != end {
			t.Fatalf("watcher %d's end: %q, want %q", i, got, end)
		}
	}
	f.waitOpen(t, 0)
}

func headersEqual(a, b http.Header) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if k == "X-Request-Id" || k == "Grpc-Metadata-X-Request-Id" {
			continue
		}
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// TestWatchHubCredentials checks that watchers with different credentials
// never share a stream: each gets the one the tally opened for its own.
func TestWatchHubCredentials(t *testing.T) {
	f := newFeed()
	addr := feedGateway(t, f, 0)
	for _, auth := range []string{"Bearer a", "Bearer b", "", "Bearer a"} {
		w := openWatch(t, addr, "", auth, "r")
		if l := w.next(t); !strings.Contains(l, `"unitDisplayName":"`+auth+`"`) {
			t.Fatalf("watcher with %q reads %s", auth, l)
		}
	}
	if _, opened := f.counts(); opened != 3 {
		t.Fatalf("%d upstream watches, want 3 (a, b, none)", opened)
	}
}

// TestWatchHubLeave checks that a watcher that hangs up is forgotten and the
// last one out closes the upstream stream; the next watcher opens another.
func TestWatchHubLeave(t *testing.T) {
	f := newFeed()
	addr := feedGateway(t, f, 0)
	a := openWatch(t, addr, "", "", "a")
	b := openWatch(t, addr, "", "", "b")
	a.next(t)
	b.next(t)
	f.waitOpen(t, 1)
	a.conn.Close()
	f.push(nil)
	b.next(t)
	b.conn.Close()
	f.waitOpen(t, 0)
	c := openWatch(t, addr, "", "", "c")
	if l := c.next(t); !strings.Contains(l, `"resultsVersion":"1"`) {
		t.Fatalf("new watcher after the stream closed: %s", l)
	}
	if _, opened := f.counts(); opened != 2 {
		t.Fatalf("%d upstream watches opened, want 2", opened)
	}
}

// TestWatchHubSlowReader checks the slow reader policy: a watcher that
// reads nothing (here: until the end) is disconnected once its socket takes no more, while the
// others get every version.
func TestWatchHubSlowReader(t *testing.T) {
	f := newFeed()
	f.pad = strings.Repeat("x", 64<<10)
	// The fast reader reads in this goroutine between versions: a grace
	// of seconds keeps a busy machine's scheduling from making it "slow".
	addr := feedGatewayWith(t, f, gateway.Config{WatchWriteGrace: 3 * time.Second})
	fast := openWatch(t, addr, "", "", "fast")
	slow, err := net.DialTCP("tcp", nil, fast.conn.RemoteAddr().(*net.TCPAddr))
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	if _, err := io.WriteString(slow, "GET /v1/"+watchName+":watch HTTP/1.1\r\nHost: gateway\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	fast.next(t)
	const versions = 200 // 13 MB: more than loopback's socket buffers hold
	for v := 1; v <= versions; v++ {
		f.push(nil)
		if l := fast.next(t); !strings.Contains(l, fmt.Sprintf(`"resultsVersion":"%d"`, v)) {
			t.Fatalf("fast reader at version %d: %.80s", v, l)
		}
	}
	// The slow reader finds its stream cut short of the last version.
	_ = slow.SetReadDeadline(time.Now().Add(20 * time.Second))
	got, err := io.ReadAll(slow)
	if err != nil && !strings.Contains(err.Error(), "reset") {
		t.Fatalf("slow reader: %v after %d bytes", err, len(got))
	}
	if strings.Contains(string(got), fmt.Sprintf(`"resultsVersion":"%d"`, versions)) {
		t.Fatalf("the slow reader got every version (%d bytes)", len(got))
	}
}

// TestWatchHubRefusals checks what the hub does not change: an error before
// the first message is grpc-gateway's answer, and the bound on open watches
// answers 429.
func TestWatchHubRefusals(t *testing.T) {
	f := newFeed()
	addr := feedGateway(t, f, 2)
	get := func(path string) (int, string) {
		t.Helper()
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	const missing = "/v1/elections/e/contests/c/totals/missing:watch"
	code, body := get(missing)
	dcode, dbody := get(missing + "?since_version=0")
	if code != http.StatusNotFound || code != dcode || body != dbody {
		t.Fatalf("hub: %d %s; direct: %d %s", code, body, dcode, dbody)
	}
	openWatch(t, addr, "", "", "a").next(t)
	openWatch(t, addr, "?since_version=0", "", "b").next(t)
	if code, body := get("/v1/" + watchName + ":watch"); code != http.StatusTooManyRequests || !strings.Contains(body, "OVERLOADED") {
		t.Fatalf("third watch: %d %s", code, body)
	}
}

// TestWatchHubShares checks which watches share the open stream and which
// take grpc-gateway's own path (a stream of their own), by the number of
// upstream watches each opens.
func TestWatchHubShares(t *testing.T) {
	f := newFeed()
	addr := feedGateway(t, f, 0)
	openWatch(t, addr, "", "", "first").next(t)
	path := "/v1/" + watchName + ":watch"
	for _, c := range []struct {
		name, request string
		shared        bool
	}{
		{"plain", "GET " + path + " HTTP/1.1\r\n", true},
		{"other request id", "GET " + path + " HTTP/1.1\r\nX-Request-Id: other\r\n", true},
		{"since_version", "GET " + path + "?since_version=0 HTTP/1.1\r\n", false},
		{"escaped path", "GET " + strings.Replace(path, "nation", "n%61tion", 1) + " HTTP/1.1\r\n", false},
		{"metadata header", "GET " + path + " HTTP/1.1\r\nGrpc-Metadata-X: y\r\n", false},
		{"timeout", "GET " + path + " HTTP/1.1\r\nGrpc-Timeout: 1H\r\n", false},
		{"HTTP/1.0", "GET " + path + " HTTP/1.0\r\n", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, before := f.counts()
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := io.WriteString(conn, c.request+"Host: gateway\r\n\r\n"); err != nil {
				t.Fatal(err)
			}
			_ = conn.SetReadDeadline(time.Now().Add(20 * time.Second))
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatal(err)
			}
			l, err := bufio.NewReader(resp.Body).ReadString('\n')
			if resp.StatusCode != http.StatusOK || err != nil || !strings.HasPrefix(l, `{"result":`) {
				t.Fatalf("HTTP %d: %q %v", resp.StatusCode, l, err)
			}
			if _, after := f.counts(); (after == before) != c.shared {
				t.Fatalf("upstream watches opened: %d → %d, shared %v", before, after, c.shared)
			}
		})
	}
}
