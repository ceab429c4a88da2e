package gateway

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/requestid"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
)

// defaultWatchWriteGrace is how long the hub waits for one watcher's socket
// to take a message (Config.WatchWriteGrace). The kernel's send buffer holds
// many messages, so a socket that is still full after this is a reader far
// behind: it is disconnected (and may reconnect, resuming with
// since_version) rather than let it hold up the others or make the gateway
// keep a queue for it. A quarter second leaves room for a reader that is
// merely descheduled on a busy machine (20 ms did not: a test's reader was
// cut off under CI's load).
const defaultWatchWriteGrace = 250 * time.Millisecond

const watchPattern = "/v1/{name=elections/*/contests/*/totals/*}:watch"

// watchHub serves the totals watches over HTTP/1.1 from one upstream
// WatchTotals stream per distinct request and credential (decision 87): a
// watcher costs the gateway its socket and one goroutine waiting on it, not
// an HTTP server goroutine, its buffers, a grpc-gateway handler and a gRPC
// stream of its own. Every byte a watcher reads is what grpc-gateway would
// have written to it; a request the hub cannot serve that way goes to the
// usual handler.
type watchHub struct {
	base    context.Context
	mux     *runtime.ServeMux
	out     runtime.Marshaler // the mux's marshaler for a request without Accept or Content-Type
	client  tallyv1.TallyServiceClient
	slots   chan struct{} // open watches; nil: no bound
	log     *slog.Logger
	grace   time.Duration // see defaultWatchWriteGrace
	mu      sync.Mutex
	streams map[watchKey]*watchStream
}

// watchKey says which watchers may share a stream: the same totals and the
// same Authorization header (by digest), so the tally decides access for
// each credential as it does for a stream of its own.
type watchKey struct {
	name string
	auth [sha256.Size]byte
}

func newWatchHub(ctx context.Context, mux *runtime.ServeMux, client tallyv1.TallyServiceClient, maxWatches int, grace time.Duration, log *slog.Logger) *watchHub {
	_, out := runtime.MarshalerForRequest(mux, &http.Request{Header: http.Header{}})
	if grace <= 0 {
		grace = defaultWatchWriteGrace
	}
	h := &watchHub{base: ctx, mux: mux, out: out, client: client, log: log, grace: grace, streams: map[watchKey]*watchStream{}}
	if maxWatches > 0 {
		h.slots = make(chan struct{}, maxWatches)
	}
	return h
}

// wrap routes the totals watches through the hub and bounds how many are
// open, whichever path serves them.
func (h *watchHub) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || !isTotalsWatch(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		release, ok := h.enter()
		if !ok {
			writeError(w, http.StatusTooManyRequests, rpcerr.New(codes.ResourceExhausted, rpcv1.ErrorReason_OVERLOADED,
				fmt.Sprintf("gateway busy: %d open watches; retry with backoff", cap(h.slots)), nil))
			return
		}
		name, ok := h.shareable(w, r)
		if !ok {
			defer release()
			next.ServeHTTP(w, r)
			return
		}
		h.serve(w, r, name, next, release)
	})
}

func (h *watchHub) enter() (func(), bool) {
	if h.slots == nil {
		return func() {}, true
	}
	select {
	case h.slots <- struct{}{}:
		var once sync.Once
		return func() { once.Do(func() { <-h.slots }) }, true
	default:
		return nil, false
	}
}

// isTotalsWatch matches the path of WatchTotals loosely (the limit applies
// to every form of it); shareable checks it exactly.
func isTotalsWatch(p string) bool {
	return strings.HasPrefix(p, "/v1/elections/") && strings.HasSuffix(p, ":watch") && strings.Contains(p, "/totals/")
}

// shareable returns the totals name when the hub can serve r byte for byte
// as grpc-gateway would: HTTP/1.1 (the connection can be taken over), no
// query (since_version and the like resume at different points), a plain
// path, no metadata or timeout headers of the caller's own, the mux's one
// marshaler.
func (h *watchHub) shareable(w http.ResponseWriter, r *http.Request) (string, bool) {
	if r.ProtoMajor != 1 || r.ProtoMinor < 1 || r.URL.RawQuery != "" || r.URL.RawPath != "" || !hijackable(w) {
		return "", false
	}
	// Grpc-Timeout would end the stream for everyone sharing it.
	for k := range r.Header {
		if strings.HasPrefix(k, runtime.MetadataHeaderPrefix) || k == "Grpc-Timeout" {
			return "", false
		}
	}
	if _, out := runtime.MarshalerForRequest(h.mux, r); out != h.out {
		return "", false
	}
	name := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/v1/"), ":watch")
	seg := strings.Split(name, "/")
	if len(seg) != 6 || seg[0] != "elections" || seg[2] != "contests" || seg[4] != "totals" {
		return "", false
	}
	for _, s := range seg {
		if s == "" || strings.ContainsAny(s, ":") {
			return "", false
		}
	}
	return name, true
}

func hijackable(w http.ResponseWriter) bool {
	for {
		if _, ok := w.(http.Hijacker); ok {
			return true
		}
		u, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			return false
		}
		w = u.Unwrap()
	}
}

// watchStream is one upstream WatchTotals stream and its watchers.
type watchStream struct {
	hub    *watchHub
	key    watchKey
	cancel context.CancelFunc
	ready  chan struct{} // closed at the first message or an error before it

	// users counts the watchers and the requests waiting to become one
	// (each leaves exactly once, by leave); guarded by hub.mu. The stream is
	// closed when it drops to zero.
	users int

	mu     sync.Mutex
	header metadata.MD // the upstream's header metadata, as of ready
	err    error       // what ended the stream before its first message
	last   *tallyv1.WatchTotalsResponse
	snap   []byte // chunk of last's totals without changes, for a new watcher; nil until asked
	tail   []byte // what the stream ended with (error chunk and last chunk), once ended
	ended  bool
	subs   map[*watchSub]struct{}
}

type watchSub struct {
	conn net.Conn
}

// serve waits for the stream's first message, answers the headers through
// w, takes the connection over and hands it to the stream; the handler then
// returns, and with it the HTTP server's goroutine and buffers for it.
func (h *watchHub) serve(w http.ResponseWriter, r *http.Request, name string, next http.Handler, release func()) {
	s := h.join(r, name)
	select {
	case <-s.ready:
	case <-r.Context().Done():
		h.leave(s, nil)
		release()
		return
	}
	s.mu.Lock()
	failed, hdr := s.err != nil, s.header
	s.mu.Unlock()
	if failed {
		// The usual handler gets the same error from a stream of its own and
		// answers it as it always has (status, headers, body).
		h.leave(s, nil)
		defer release()
		next.ServeHTTP(w, r)
		return
	}
	for k, vs := range hdr {
		if k == requestid.Header {
			// The tally echoes the request id it was given: this request's.
			vs = []string{r.Header.Get(requestid.Header)}
		}
		for _, v := range vs {
			w.Header().Add(runtime.MetadataHeaderPrefix+k, v)
		}
	}
	w.Header().Set("Transfer-Encoding", "chunked")
	w.Header().Set("Content-Type", h.contentType(s))
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	if err := rc.Flush(); err != nil {
		h.leave(s, nil)
		release()
		return
	}
	conn, rw, err := rc.Hijack()
	if err != nil {
		h.leave(s, nil)
		release()
		return
	}
	// Bytes the client sent after its request (it has nothing to say on a
	// watch) are dropped with the server's buffers.
	_, _ = rw.Reader.Discard(rw.Reader.Buffered())
	sub := &watchSub{conn: conn}
	if !s.subscribe(sub) {
		h.leave(s, nil)
		_ = conn.Close()
		release()
		return
	}
	go func() {
		// The client never writes on a watch: a read returns only when it
		// goes away (or the hub closed the connection).
		var b [1]byte
		for {
			if _, err := conn.Read(b[:]); err != nil {
				break
			}
		}
		_ = conn.Close()
		h.leave(s, sub)
		release()
	}()
}

func (h *watchHub) contentType(s *watchStream) string {
	s.mu.Lock()
	m := s.last
	s.mu.Unlock()
	if sct, ok := h.out.(runtime.StreamContentType); ok {
		return sct.StreamContentType(m)
	}
	return h.out.ContentType(m)
}

// join returns the open stream for r's totals and credential, starting one
// if there is none, and counts r as its user.
func (h *watchHub) join(r *http.Request, name string) *watchStream {
	key := watchKey{name: name, auth: sha256.Sum256([]byte(strings.Join(r.Header.Values("Authorization"), "\n")))}
	h.mu.Lock()
	defer h.mu.Unlock()
	if s, ok := h.streams[key]; ok {
		s.users++
		return s
	}
	ctx, cancel := context.WithCancel(h.base)
	s := &watchStream{hub: h, key: key, cancel: cancel, ready: make(chan struct{}), users: 1, subs: map[*watchSub]struct{}{}}
	h.streams[key] = s
	// The upstream call carries the metadata grpc-gateway would send for the
	// first request (its authorization, request id, forwarded-for); it lives
	// as long as the stream has users, not as long as that request.
	actx, err := runtime.AnnotateContext(ctx, h.mux, r, tallyv1.TallyService_WatchTotals_FullMethodName, runtime.WithHTTPPathPattern(watchPattern))
	go s.run(actx, err, name)
	return s
}

// leave removes a user (and its watcher, when it got that far); the last
// one out closes the upstream stream.
func (h *watchHub) leave(s *watchStream, sub *watchSub) {
	if sub != nil {
		s.mu.Lock()
		delete(s.subs, sub)
		s.mu.Unlock()
	}
	h.mu.Lock()
	s.users--
	last := s.users == 0
	if last && h.streams[s.key] == s {
		delete(h.streams, s.key)
	}
	h.mu.Unlock()
	if last {
		s.cancel()
	}
}

// run receives the upstream stream and writes each message to every
// watcher, encoded once.
func (s *watchStream) run(ctx context.Context, err error, name string) {
	h := s.hub
	var up tallyv1.TallyService_WatchTotalsClient
	if err == nil {
		up, err = h.client.WatchTotals(ctx, &tallyv1.WatchTotalsRequest{Name: name})
	}
	if err == nil {
		var m *tallyv1.WatchTotalsResponse
		if m, err = up.Recv(); err == nil {
			hdr, _ := up.Header()
			s.mu.Lock()
			s.header, s.last = hdr, m
			s.mu.Unlock()
			close(s.ready)
			s.follow(up)
			return
		}
	}
	// Nothing was sent: forget the stream, so the next request starts
	// afresh, and let the waiting requests answer the error their way.
	h.mu.Lock()
	if h.streams[s.key] == s {
		delete(h.streams, s.key)
	}
	h.mu.Unlock()
	s.mu.Lock()
	s.err, s.ended = err, true
	s.mu.Unlock()
	close(s.ready)
	s.cancel()
}

func (s *watchStream) follow(up tallyv1.TallyService_WatchTotalsClient) {
	h := s.hub
	for {
		m, err := up.Recv()
		if err != nil {
			s.end(err)
			return
		}
		chunk, err := h.chunk(map[string]any{"result": m})
		if err != nil {
			s.end(err)
			return
		}
		s.mu.Lock()
		s.last, s.snap = m, nil
		for _, sub := range broadcast(s.subs, chunk, h.grace) {
			delete(s.subs, sub)
			_ = sub.conn.Close() // its reader leaves the hub
		}
		s.mu.Unlock()
	}
}

// end finishes every watcher as grpc-gateway finishes a stream: after an
// error, its {"error": status} line; then the last chunk. The connection
// is closed (grpc-gateway's would be kept for another request).
func (s *watchStream) end(err error) {
	h := s.hub
	h.mu.Lock()
	if h.streams[s.key] == s {
		delete(h.streams, s.key)
	}
	h.mu.Unlock()
	var tail []byte
	if !errors.Is(err, io.EOF) {
		if c, cerr := h.chunk(map[string]proto.Message{"error": status.Convert(err).Proto()}); cerr == nil {
			tail = c
		} else {
			h.log.Error("watch: cannot encode the error", "err", cerr)
		}
	}
	tail = append(tail, "0\r\n\r\n"...)
	s.mu.Lock()
	s.tail, s.ended = tail, true
	broadcast(s.subs, tail, h.grace)
	for sub := range s.subs {
		_ = sub.conn.Close() // its reader leaves the hub
	}
	clear(s.subs)
	s.mu.Unlock()
	s.cancel()
}

// subscribe writes what a fresh watch starts with (the latest totals, no
// changes) to a new watcher and adds it; a stream that has ended gives it
// that and its end instead, and false.
func (s *watchStream) subscribe(sub *watchSub) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.snap == nil {
		c, err := s.hub.chunk(map[string]any{"result": &tallyv1.WatchTotalsResponse{Totals: s.last.GetTotals()}})
		if err != nil {
			s.hub.log.Error("watch: cannot encode the totals", "err", err)
			return false
		}
		s.snap = c
	}
	if !writeAll(sub.conn, s.snap, s.hub.grace) {
		return false
	}
	if s.ended {
		writeAll(sub.conn, s.tail, s.hub.grace)
		return false
	}
	s.subs[sub] = struct{}{}
	return true
}

// chunk is v as grpc-gateway writes a stream message (the marshaler's
// bytes and a newline), framed as one HTTP/1.1 chunk.
func (h *watchHub) chunk(v any) ([]byte, error) {
	b, err := h.out.Marshal(v)
	if err != nil {
		return nil, err
	}
	n := len(b) + 1
	out := make([]byte, 0, n+16)
	out = strconv.AppendInt(out, int64(n), 16)
	out = append(out, "\r\n"...)
	out = append(out, b...)
	out = append(out, "\n\r\n"...)
	return out, nil
}

// broadcastWriters bounds the goroutines writing one message to the
// watchers. A socket normally takes a message at once (the kernel buffers
// many), so the writers matter only when readers stall: each stalled reader
// holds one writer for up to the grace, and with several writers a
// crowd of them delays a message by (stalled / broadcastWriters) × grace
// rather than stalled × grace.
const broadcastWriters = 32

// broadcast writes b to every watcher in subs and returns the ones whose
// socket did not take it.
func broadcast(subs map[*watchSub]struct{}, b []byte, grace time.Duration) []*watchSub {
	all := make([]*watchSub, 0, len(subs))
	for sub := range subs {
		all = append(all, sub)
	}
	// Small fan-outs are written inline: starting goroutines costs more
	// than the writes.
	workers := min(broadcastWriters, 1+len(all)/256)
	failed := make([]bool, len(all))
	var next atomic.Int64
	write := func() {
		for {
			i := int(next.Add(1)) - 1
			if i >= len(all) {
				return
			}
			failed[i] = !writeAll(all[i].conn, b, grace)
		}
	}
	if workers == 1 {
		write()
	} else {
		var wg sync.WaitGroup
		for range workers {
			wg.Go(write)
		}
		wg.Wait()
	}
	var out []*watchSub
	for i, f := range failed {
		if f {
			out = append(out, all[i])
		}
	}
	return out
}

func writeAll(c net.Conn, b []byte, grace time.Duration) bool {
	_ = c.SetWriteDeadline(time.Now().Add(grace))
	_, err := c.Write(b)
	return err == nil
}
