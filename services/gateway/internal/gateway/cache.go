package gateway

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"

	"google.golang.org/protobuf/proto"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
)

// totalsMaxAge is how long a cache may serve totals without asking again.
// Short: on election night results change every few seconds, and a CDN in
// front of the gateways then asks once per interval per unit instead of
// once per reader; with the ETag, asking again costs a 304 and no body
// when nothing changed.
const totalsMaxAge = "max-age=2"

// totalsETag is the validator of a totals answer: the results version it
// reflects and a digest of its content without generate_time (which changes
// every second while the numbers do not), so anything that changes the
// numbers without a new version (a unit added to the register) changes it
// too. Weak, because generate_time still differs between two answers with
// the same tag.
func totalsETag(t *tallyv1.Totals) string {
	c := proto.CloneOf(t)
	c.GenerateTime = nil
	b, err := proto.MarshalOptions{Deterministic: true}.Marshal(c)
	if err != nil {
		return ""
	}
	d := sha256.Sum256(b)
	return `W/"` + strconv.FormatInt(t.GetResultsVersion(), 10) + "-" + hex.EncodeToString(d[:8]) + `"`
}

// cacheHeaders is the mux's forward-response option: a totals answer gets
// its ETag and Cache-Control. Shared caches may keep it only when it was
// asked for without credentials (public reads); an answer to a token stays
// private.
func cacheHeaders(ctx context.Context, w http.ResponseWriter, m proto.Message) error {
	t, ok := m.(*tallyv1.Totals)
	if !ok {
		return nil
	}
	if tag := totalsETag(t); tag != "" {
		w.Header().Set("ETag", tag)
	}
	scope := "public"
	if r, ok := ctx.Value(requestKey{}).(*http.Request); ok && r.Header.Get("Authorization") != "" {
		scope = "private"
	}
	w.Header().Set("Cache-Control", scope+", "+totalsMaxAge)
	return nil
}

type requestKey struct{}

// conditional answers a GET whose If-None-Match names the ETag the answer
// is about to carry with 304 Not Modified and no body. The answer is still
// computed (the gateway does not keep totals); what is saved is the body on
// the wire, which is what a CDN revalidating every couple of seconds asks.
func conditional(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r = r.WithContext(context.WithValue(r.Context(), requestKey{}, r))
		inm := r.Header.Get("If-None-Match")
		if r.Method != http.MethodGet || inm == "" {
			next.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(&notModified{ResponseWriter: w, ifNoneMatch: inm}, r)
	})
}

// notModified turns a 200 whose ETag matches If-None-Match into a 304.
type notModified struct {
	http.ResponseWriter
	ifNoneMatch string
	wrote       bool
	skip        bool // a 304 was sent: drop the body
}

func (n *notModified) WriteHeader(code int) {
	if n.wrote {
		return
	}
	n.wrote = true
	if code == http.StatusOK && etagMatches(n.ifNoneMatch, n.Header().Get("ETag")) {
		n.skip = true
		h := n.Header()
		h.Del("Content-Type")
		h.Del("Content-Length")
		n.ResponseWriter.WriteHeader(http.StatusNotModified)
		return
	}
	n.ResponseWriter.WriteHeader(code)
}

func (n *notModified) Write(b []byte) (int, error) {
	if !n.wrote {
		n.WriteHeader(http.StatusOK)
	}
	if n.skip {
		return len(b), nil
	}
	return n.ResponseWriter.Write(b)
}

func (n *notModified) Flush() {
	if f, ok := n.ResponseWriter.(http.Flusher); ok && !n.skip {
		f.Flush()
	}
}

// etagMatches is If-None-Match's weak comparison (RFC 9110, 13.1.2): "*"
// or any listed tag equal to etag once W/ is ignored on both.
func etagMatches(header, etag string) bool {
	if etag == "" {
		return false
	}
	etag = strings.TrimPrefix(etag, "W/")
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == etag {
			return true
		}
	}
	return false
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (n *notModified) Unwrap() http.ResponseWriter { return n.ResponseWriter }
