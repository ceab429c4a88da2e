package gateway

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/genproto/googleapis/api/annotations"
	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
)

// routes answers what the gateway's mux cannot say itself: which HTTP
// methods a path has (the Allow header of a 405) and which path parameter
// a part of the URL is. It is a second mux with the same routes, taken from
// the services' google.api.http rules, whose handlers only report that they
// matched.
type routes struct{ mux *runtime.ServeMux }

var methods = []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}

func newRoutes(services ...protoreflect.ServiceDescriptor) (*routes, error) {
	rt := &routes{mux: runtime.NewServeMux()}
	for _, sd := range services {
		for i := range sd.Methods().Len() {
			rule, _ := proto.GetExtension(sd.Methods().Get(i).Options(), annotations.E_Http).(*annotations.HttpRule)
			if rule == nil {
				continue
			}
			for _, r := range append([]*annotations.HttpRule{rule}, rule.GetAdditionalBindings()...) {
				method, pattern := ruleOf(r)
				if pattern == "" {
					continue
				}
				if err := rt.mux.HandlePath(method, pattern, matched); err != nil {
					return nil, err
				}
			}
		}
	}
	return rt, nil
}

func ruleOf(r *annotations.HttpRule) (string, string) {
	switch p := r.GetPattern().(type) {
	case *annotations.HttpRule_Get:
		return http.MethodGet, p.Get
	case *annotations.HttpRule_Post:
		return http.MethodPost, p.Post
	case *annotations.HttpRule_Put:
		return http.MethodPut, p.Put
	case *annotations.HttpRule_Patch:
		return http.MethodPatch, p.Patch
	case *annotations.HttpRule_Delete:
		return http.MethodDelete, p.Delete
	case *annotations.HttpRule_Custom:
		return p.Custom.GetKind(), p.Custom.GetPath()
	}
	return "", ""
}

// routeProbe is the response writer of the second mux: a match records the path
// parameters; nothing is written anywhere.
type routeProbe struct {
	ok     bool
	params map[string]string
	h      http.Header
}

func (p *routeProbe) Header() http.Header {
	if p.h == nil {
		p.h = http.Header{}
	}
	return p.h
}
func (p *routeProbe) Write(b []byte) (int, error) { return len(b), nil }
func (p *routeProbe) WriteHeader(int)             {}

func matched(w http.ResponseWriter, _ *http.Request, params map[string]string) {
	if p, ok := w.(*routeProbe); ok {
		p.ok, p.params = true, params
	}
}

// match reports whether method and r's path are a route, with its path
// parameters.
func (rt *routes) match(method string, r *http.Request) (map[string]string, bool) {
	q := r.Clone(context.Background())
	q.Method, q.Body, q.ContentLength = method, http.NoBody, 0
	q.Header.Del("X-HTTP-Method-Override")
	p := &routeProbe{}
	rt.mux.ServeHTTP(p, q)
	return p.params, p.ok
}

// allowed lists the methods r's path has, for the Allow header.
func (rt *routes) allowed(r *http.Request) []string {
	var out []string
	for _, m := range methods {
		if _, ok := rt.match(m, r); ok {
			out = append(out, m)
		}
	}
	return out
}

// routingError answers a request that reaches no route: 405 with Allow when
// the path exists with other methods, otherwise the usual 404, both with
// their ErrorInfo.
func (rt *routes) routingError(ctx context.Context, mux *runtime.ServeMux, m runtime.Marshaler, w http.ResponseWriter, r *http.Request, httpStatus int) {
	switch httpStatus {
	case http.StatusMethodNotAllowed:
		allow := rt.allowed(r)
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeError(w, http.StatusMethodNotAllowed, rpcerr.New(codes.Unimplemented, rpcv1.ErrorReason_HTTP_METHOD_NOT_ALLOWED,
			r.Method+" is not allowed on "+r.URL.Path+"; allowed: "+strings.Join(allow, ", "), map[string]string{"allow": strings.Join(allow, ",")}))
	case http.StatusNotFound:
		errorHandler(ctx, mux, m, w, r, rpcerr.New(codes.NotFound, rpcv1.ErrorReason_ROUTE_NOT_FOUND, "no route "+r.URL.Path, nil))
	default:
		runtime.DefaultRoutingErrorHandler(ctx, mux, m, w, r, httpStatus)
	}
}

// checkURL refuses a URL whose path or query is not UTF-8 once unescaped
// (a %ff): 400 INVALID_ARGUMENT naming the path parameter or query
// parameter, before anything tries to put the bytes into a string field.
func (rt *routes) checkURL(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if field, ok := rt.badUTF8(r); ok {
			writeError(w, http.StatusBadRequest, rpcerr.Invalid("", rpcerr.Violation{Field: field,
				Reason: rpcv1.ErrorReason_INVALID_URL.String(), Description: "the URL's " + where(field) + " is not valid UTF-8 once unescaped"}))
			return
		}
		next.ServeHTTP(w, r)
	})
}

func where(field string) string {
	if field == "" {
		return "path"
	}
	return "value of " + field
}

func (rt *routes) badUTF8(r *http.Request) (string, bool) {
	if p, err := url.PathUnescape(r.URL.EscapedPath()); err == nil && !utf8.ValidString(p) {
		params, _ := rt.match(r.Method, r)
		names := make([]string, 0, len(params))
		for k := range params {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			if !utf8.ValidString(params[k]) {
				return k, true
			}
		}
		return "", true
	}
	q, _ := url.ParseQuery(r.URL.RawQuery)
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !utf8.ValidString(k) {
			return "", true
		}
		for _, v := range q[k] {
			if !utf8.ValidString(v) {
				return snakePath(k), true
			}
		}
	}
	return "", false
}
