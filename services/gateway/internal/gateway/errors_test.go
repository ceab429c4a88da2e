package gateway_test

import (
	"errors"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	spb "google.golang.org/genproto/googleapis/rpc/status"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"

	"github.com/mandate-project/mandate/services/platform/rpcerr"
)

// answer is one HTTP error decoded as the google.rpc.Status it must be,
// failing the test when it breaks the error contract (exactly one ErrorInfo
// with a published reason).
type answer struct {
	code   int
	allow  string
	reason string
	field  string // the first BadRequest field violation's path
}

func decode(t *testing.T, w *httptest.ResponseRecorder) answer {
	t.Helper()
	var p spb.Status
	if err := protojson.Unmarshal(w.Body.Bytes(), &p); err != nil {
		t.Fatalf("HTTP %d: body is not a google.rpc.Status: %v: %s", w.Code, err, w.Body.String())
	}
	st := status.FromProto(&p)
	if err := rpcerr.Check(st); err != nil {
		t.Errorf("HTTP %d: %v: %s", w.Code, err, w.Body.String())
	}
	a := answer{code: w.Code, allow: w.Header().Get("Allow")}
	for _, d := range st.Details() {
		switch d := d.(type) {
		case *errdetails.ErrorInfo:
			a.reason = d.GetReason()
		case *errdetails.BadRequest:
			if vs := d.GetFieldViolations(); len(vs) > 0 {
				a.field = vs[0].GetField()
			}
		}
	}
	return a
}

type failingBody struct{}

func (failingBody) Read([]byte) (int, error) { return 0, errors.New("connection reset") }

func TestErrorContract(t *testing.T) {
	h := handler(t, 200)
	tests := []struct {
		name, method, path, ctype string
		body                      io.Reader
		want                      answer
	}{
		{"too large", "POST", "/v1/seats:apportion", "", strings.NewReader(strings.Repeat(" ", 201)),
			answer{code: 413, reason: "BODY_TOO_LARGE"}},
		{"body unreadable", "POST", "/v1/seats:apportion", "", failingBody{},
			answer{code: 400, reason: "BODY_UNREADABLE"}},
		{"not JSON", "POST", "/v1/seats:apportion", "application/json", strings.NewReader(`{"seats": 5,`),
			answer{code: 400, reason: "INVALID_JSON"}},
		{"raw NUL", "POST", "/v1/seats:apportion", "application/json", strings.NewReader("{\"preset\": \"a\x00b\"}"),
			answer{code: 400, reason: "INVALID_JSON", field: "preset"}},
		{"comment", "POST", "/v1/seats:apportion", "application/json", strings.NewReader(`{"seats": 5 /* five */}`),
			answer{code: 400, reason: "INVALID_JSON", field: "seats"}},
		{"form-encoded", "POST", "/v1/seats:apportion", "application/x-www-form-urlencoded", strings.NewReader(`seats=5&preset=x`),
			answer{code: 400, reason: "INVALID_JSON"}},
		{"trailing garbage", "POST", "/v1/seats:apportion", "application/json", strings.NewReader(`{"preset": "presets/x"}}garbage{{`),
			answer{code: 400, reason: "INVALID_JSON"}},
		{"wrong type", "POST", "/v1/seats:apportion", "application/json", strings.NewReader(`{"parties": [{"id": "a", "votes": "1"}, {"id": "b", "votes": "x"}]}`),
			answer{code: 400, reason: "INVALID_JSON", field: "parties[1].votes"}},
		{"unknown field", "POST", "/v1/seats:apportion", "application/json", strings.NewReader(`{"rule": {"seatz": 5}}`),
			answer{code: 400, reason: "INVALID_JSON", field: "rule.seatz"}},
		{"invalid UTF-8 in JSON", "POST", "/v1/seats:apportion", "application/json", strings.NewReader("{\"parties\": [{\"id\": \"a\xff\"}]}"),
			answer{code: 400, reason: "INVALID_JSON", field: "parties[0].id"}},
		{"map value", "POST", "/v1/elections/e/contests/c/protocols:submit", "application/json", strings.NewReader(`{"station": "s", "lines": {"valid": "abc"}}`),
			answer{code: 400, reason: "INVALID_JSON", field: "lines.valid"}},
		{"query parameter", "GET", "/v1/elections?pageSize=many", "", nil,
			answer{code: 400, reason: "INVALID_QUERY_PARAMETER", field: "page_size"}},
		{"%ff in the path", "GET", "/v1/elections/kz%ff", "", nil,
			answer{code: 400, reason: "INVALID_URL", field: "name"}},
		{"%ff in the query", "GET", "/v1/elections?pageToken=%ff", "", nil,
			answer{code: 400, reason: "INVALID_URL", field: "page_token"}},
		{"wrong method", "GET", "/v1/seats:apportion", "", nil,
			answer{code: 405, reason: "HTTP_METHOD_NOT_ALLOWED", allow: "POST"}},
		{"no route", "GET", "/v1/nothing/here", "", nil,
			answer{code: 404, reason: "ROUTE_NOT_FOUND"}},
		{"unimplemented (reached the service)", "POST", "/v1/seats:apportion", "", strings.NewReader(`{"preset": "presets/x"}`),
			answer{code: 501, reason: "METHOD_NOT_FOUND"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(tt.method, tt.path, tt.body)
			if tt.ctype != "" {
				r.Header.Set("Content-Type", tt.ctype)
			}
			if _, ok := tt.body.(failingBody); ok {
				r.ContentLength = -1
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if got := decode(t, w); got != tt.want {
				t.Errorf("got %+v, want %+v: %s", got, tt.want, w.Body.String())
			}
		})
	}
}
