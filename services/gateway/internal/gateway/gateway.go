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
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	// Registers google.rpc.BadRequest, ErrorInfo ... so error details can be
	// written as JSON; without it every error with details becomes a 500.
	_ "google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/protobuf/encoding/protojson"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/buildinfo"
	"github.com/mandate-project/mandate/services/platform/requestid"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
	"github.com/mandate-project/mandate/services/tally/definition/schema"
)

// Config says where the services are and how much a request may carry.
type Config struct {
	// Tally and Seats are gRPC client connections to the two services.
	Tally, Seats *grpc.ClientConn
	// MaxBodyBytes bounds a request body; a larger one gets 413 before any
	// JSON is decoded.
	MaxBodyBytes int64
	// MaxWatches bounds the open totals watches; one more gets 429
	// RESOURCE_EXHAUSTED (0: no bound). Shared watches reach the tally as
	// one stream, so its own bound no longer counts the gateway's readers.
	MaxWatches int
	// WatchWriteGrace is how long a shared totals watch waits for one
	// watcher's socket to take a message before it disconnects that
	// watcher as too far behind (0: 250 ms).
	WatchWriteGrace time.Duration
	// Logger gets one line per HTTP request, naming its request id (none
	// when nil), and what callers are not told, such as the address of a
	// service that does not answer (slog.Default when nil).
	Logger *slog.Logger
	// Version is the build's, written into the OpenAPI document's
	// info.version; empty means buildinfo.Version.
	Version string
}

// New returns the HTTP handler: the JSON API under /v1/, the OpenAPI document
// at /openapi.json and its reference page at /docs, the live page at /, the
// charts under /charts/, and /healthz reporting both services' gRPC health.
func New(ctx context.Context, cfg Config) (http.Handler, error) {
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	rt, err := newRoutes(tallyv1.File_mandate_tally_v1_tally_service_proto.Services().Get(0),
		seatsv1.File_mandate_seats_v1_seats_service_proto.Services().Get(0))
	if err != nil {
		return nil, fmt.Errorf("routes: %w", err)
	}
	mux := runtime.NewServeMux(
		runtime.WithMarshalerOption(runtime.MIMEWildcard, &runtime.HTTPBodyMarshaler{
			Marshaler: &runtime.JSONPb{
				MarshalOptions: protojson.MarshalOptions{EmitUnpopulated: true},
				// Unknown fields are an error: a misspelt field in a protocol
				// must not be silently dropped and the rest counted.
				UnmarshalOptions: protojson.UnmarshalOptions{DiscardUnknown: false},
			},
		}),
		// Totals carry an ETag and a short Cache-Control (cache.go).
		runtime.WithForwardResponseOption(cacheHeaders),
		runtime.WithHealthEndpointAt(healthpb.NewHealthClient(cfg.Tally), "/healthz/tally"),
		runtime.WithErrorHandler(hideBackends(log, errorHandler)),
		runtime.WithRoutingErrorHandler(rt.routingError),
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
	hub := newWatchHub(ctx, mux, tallyv1.NewTallyServiceClient(cfg.Tally), cfg.MaxWatches, cfg.WatchWriteGrace, log)
	root.Handle("/v1/", conditional(limitBody(hub.wrap(mux), cfg.MaxBodyBytes)))
	pageHandlers(root)
	docsHandlers(root)
	ch := newCharts(mux, cfg.Tally, cfg.Seats)
	root.HandleFunc("GET /charts/elections/{election}/contests/{contest}/hemicycle.svg", ch.contest)
	root.HandleFunc("GET /charts/elections/{election}/chambers/{chamber}/hemicycle.svg", ch.chamber)
	root.Handle("POST /charts/hemicycle.svg", limitBody(http.HandlerFunc(ch.allocation), cfg.MaxBodyBytes))
	root.Handle("/healthz/", mux)
	// The JSON Schema of definition files, for editors and scripts that
	// validate a definition before `mandatectl define` sends it.
	root.HandleFunc("GET /schemas/definition.json", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/schema+json")
		_, _ = w.Write(schema.JSON)
	})
	root.HandleFunc("GET /openapi.json", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(apiDoc)
	})
	root.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		for _, b := range []struct {
			name string
			conn *grpc.ClientConn
		}{{"tally", cfg.Tally}, {"seats", cfg.Seats}} {
			resp, err := healthpb.NewHealthClient(b.conn).Check(r.Context(), &healthpb.HealthCheckRequest{})
			if err != nil || resp.GetStatus() != healthpb.HealthCheckResponse_SERVING {
				// The service by name; its address only in the log.
				log.WarnContext(r.Context(), "service not serving", "service", b.name, "addr", b.conn.Target(), "err", err)
				http.Error(w, "not serving: the "+b.name+" service", http.StatusServiceUnavailable)
				return
			}
		}
		_, _ = io.WriteString(w, "ok\n")
	})
	return withRequestID(rt.checkURL(root), cfg.Logger), nil
}

// withRequestID gives every HTTP request an id (the caller's X-Request-Id
// when it is sane), returns it in the response, passes it to the services so
// their logs and the gateway's name the same request, and logs the request
// with it when it is answered.
func withRequestID(next http.Handler, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get(requestid.Header)
		if !requestid.Valid(id) {
			id = requestid.New()
			r.Header.Set(requestid.Header, id)
		}
		w.Header().Set(requestid.Header, id)
		r = r.WithContext(requestid.NewContext(r.Context(), id))
		if log == nil {
			next.ServeHTTP(w, r)
			return
		}
		began := time.Now()
		rec := &recorder{ResponseWriter: w, code: http.StatusOK}
		next.ServeHTTP(rec, r)
		log.InfoContext(r.Context(), "http request", "method", r.Method, "path", r.URL.Path,
			"status", rec.code, "duration", time.Since(began))
	})
}

// recorder notes the status of an answer; it flushes like the writer it
// wraps, so streams stream.
type recorder struct {
	http.ResponseWriter
	code int
}

func (r *recorder) WriteHeader(code int) {
	r.code = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

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
			writeError(w, http.StatusBadRequest, rpcerr.New(codes.InvalidArgument, rpcv1.ErrorReason_BODY_UNREADABLE, "cannot read request body", nil))
			return
		}
		if int64(len(buf)) > max {
			tooLarge(w, max)
			return
		}
		// Exactly one JSON value, whatever the Content-Type says (curl -d
		// sends JSON as a form): the decoder after this reads the first value
		// only and would drop what follows it.
		if len(bytes.TrimSpace(buf)) > 0 {
			if err := syntaxError(buf); err != nil {
				writeError(w, http.StatusBadRequest, err)
				return
			}
		}
		r.Body = io.NopCloser(bytes.NewReader(buf))
		next.ServeHTTP(w, withBody(r, buf))
	})
}

func tooLarge(w http.ResponseWriter, max int64) {
	writeError(w, http.StatusRequestEntityTooLarge, rpcerr.New(codes.ResourceExhausted, rpcv1.ErrorReason_BODY_TOO_LARGE,
		fmt.Sprintf("request body larger than %d bytes", max), map[string]string{"max_bytes": fmt.Sprint(max)}))
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
