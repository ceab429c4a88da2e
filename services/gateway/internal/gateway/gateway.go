// Package gateway serves the tally and seats gRPC APIs as JSON over HTTP under
// one base URL. It dials the services over gRPC, so a JSON call passes through
// the same validation and interceptors as a gRPC one.
package gateway

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	// Registers google.rpc.BadRequest, ErrorInfo ... so error details can be
	// written as JSON; without it every error with details becomes a 500.
	_ "google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/protobuf/encoding/protojson"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/buildinfo"
	"github.com/mandate-project/mandate/services/platform/requestid"
)

// Config says where the services are and how much a request may carry.
type Config struct {
	// Tally and Seats are gRPC client connections to the two services.
	Tally, Seats *grpc.ClientConn
	// MaxBodyBytes bounds a request body; a larger one gets 413 before any
	// JSON is decoded.
	MaxBodyBytes int64
	// Version is the build's, written into the OpenAPI document's
	// info.version; empty means buildinfo.Version.
	Version string
}

// New returns the HTTP handler: the JSON API under /v1/, the OpenAPI document
// at /openapi.json and its reference page at /docs, the live page at /, the
// charts under /charts/, and /healthz reporting both services' gRPC health.
func New(ctx context.Context, cfg Config) (http.Handler, error) {
	mux := runtime.NewServeMux(
		runtime.WithMarshalerOption(runtime.MIMEWildcard, &runtime.HTTPBodyMarshaler{
			Marshaler: &runtime.JSONPb{
				MarshalOptions: protojson.MarshalOptions{EmitUnpopulated: true},
				// Unknown fields are an error: a misspelt field in a protocol
				// must not be silently dropped and the rest counted.
				UnmarshalOptions: protojson.UnmarshalOptions{DiscardUnknown: false},
			},
		}),
		runtime.WithHealthEndpointAt(healthpb.NewHealthClient(cfg.Tally), "/healthz/tally"),
		runtime.WithErrorHandler(errorHandler),
		// The request id withRequestID set goes to the services with the call.
		runtime.WithMetadata(func(_ context.Context, r *http.Request) metadata.MD {
			return metadata.Pairs(requestid.Header, r.Header.Get(requestid.Header))
		}),
	)
	if err := tallyv1.RegisterTallyServiceHandler(ctx, mux, cfg.Tally); err != nil {
		return nil, fmt.Errorf("register tally: %w", err)
	}
	if err := seatsv1.RegisterSeatsServiceHandler(ctx, mux, cfg.Seats); err != nil {
		return nil, fmt.Errorf("register seats: %w", err)
	}
	if err := mux.HandlePath(http.MethodGet, "/healthz/seats", healthHandler(healthpb.NewHealthClient(cfg.Seats))); err != nil {
		return nil, err
	}
	// The export is a file: served as one, not as a stream of JSON chunks.
	if err := mux.HandlePath(http.MethodGet, exportPattern, exportHandler(mux, tallyv1.NewTallyServiceClient(cfg.Tally))); err != nil {
		return nil, err
	}

	version := cfg.Version
	if version == "" {
		version = buildinfo.Version
	}
	apiDoc, err := openAPIDocument(version)
	if err != nil {
		return nil, err
	}

	root := http.NewServeMux()
	root.Handle("/v1/", limitBody(mux, cfg.MaxBodyBytes))
	pageHandlers(root)
	docsHandlers(root)
	ch := newCharts(mux, cfg.Tally, cfg.Seats)
	root.HandleFunc("GET /charts/elections/{election}/contests/{contest}/hemicycle.svg", ch.contest)
	root.Handle("POST /charts/hemicycle.svg", limitBody(http.HandlerFunc(ch.allocation), cfg.MaxBodyBytes))
	root.Handle("/healthz/", mux)
	root.HandleFunc("GET /openapi.json", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(apiDoc)
	})
	root.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		for _, c := range []*grpc.ClientConn{cfg.Tally, cfg.Seats} {
			resp, err := healthpb.NewHealthClient(c).Check(r.Context(), &healthpb.HealthCheckRequest{})
			if err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
				http.Error(w, "not serving: "+c.Target(), http.StatusServiceUnavailable)
				return
			}
		}
		_, _ = io.WriteString(w, "ok\n")
	})
	return withRequestID(root), nil
}

// withRequestID gives every HTTP request an id (the caller's X-Request-Id
// when it is sane), returns it in the response, and passes it to the
// services so their logs and the gateway's name the same request.
func withRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get(requestid.Header)
		if !requestid.Valid(id) {
			id = requestid.New()
			r.Header.Set(requestid.Header, id)
		}
		w.Header().Set(requestid.Header, id)
		next.ServeHTTP(w, r)
	})
}

func healthHandler(c healthpb.HealthClient) runtime.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request, _ map[string]string) {
		resp, err := c.Check(r.Context(), &healthpb.HealthCheckRequest{})
		if err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
			http.Error(w, "not serving", http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, "ok\n")
	}
}

// limitBody answers 413 for a body above max before the gateway decodes any of
// it: by Content-Length when the client sent one, otherwise by reading at most
// max+1 bytes first.
func limitBody(next http.Handler, max int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || r.Body == http.NoBody {
			next.ServeHTTP(w, r)
			return
		}
		if r.ContentLength > max {
			tooLarge(w, max)
			return
		}
		buf, err := io.ReadAll(io.LimitReader(r.Body, max+1))
		if err != nil {
			http.Error(w, `{"code":3,"message":"cannot read request body"}`, http.StatusBadRequest)
			return
		}
		if int64(len(buf)) > max {
			tooLarge(w, max)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(buf))
		next.ServeHTTP(w, withBody(r, buf))
	})
}

func tooLarge(w http.ResponseWriter, max int64) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusRequestEntityTooLarge)
	// The same google.rpc.Status shape as every other error (code 8 is
	// RESOURCE_EXHAUSTED).
	fmt.Fprintf(w, `{"code":8,"message":"request body larger than %d bytes","details":[]}`+"\n", max)
}

const exportPattern = "/v1/{name=elections/*}:export"

// exportHandler serves ExportElection as a download: the archive's bytes
// with its content type and a file name. A failure before the first chunk
// is the usual JSON error; one after it cuts the connection, so a client
// sees a broken download rather than a short archive.
func exportHandler(mux *runtime.ServeMux, c tallyv1.TallyServiceClient) runtime.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request, params map[string]string) {
		_, out := runtime.MarshalerForRequest(mux, r)
		ctx, err := runtime.AnnotateContext(r.Context(), mux, r, tallyv1.TallyService_ExportElection_FullMethodName,
			runtime.WithHTTPPathPattern(exportPattern))
		if err != nil {
			runtime.HTTPError(r.Context(), mux, out, w, r, err)
			return
		}
		stream, err := c.ExportElection(ctx, &tallyv1.ExportElectionRequest{Name: params["name"]})
		if err != nil {
			runtime.HTTPError(ctx, mux, out, w, r, err)
			return
		}
		first, err := stream.Recv()
		if err != nil {
			runtime.HTTPError(ctx, mux, out, w, r, err)
			return
		}
		election := strings.TrimPrefix(params["name"], "elections/")
		w.Header().Set("Content-Type", first.GetContentType())
		w.Header().Set("Content-Disposition", `attachment; filename="`+election+`-export.zip"`)
		if _, err := w.Write(first.GetData()); err != nil {
			return
		}
		for {
			m, err := stream.Recv()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				panic(http.ErrAbortHandler)
			}
			if _, err := w.Write(m.GetData()); err != nil {
				return
			}
		}
	}
}
