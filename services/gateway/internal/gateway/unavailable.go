package gateway

import (
	"context"
	"log/slog"
	"net/http"
	"strings"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	"github.com/mandate-project/mandate/services/platform/requestid"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
)

// hideBackends wraps an error handler so that a service the gateway cannot
// reach is named, not located: gRPC's own UNAVAILABLE errors carry the
// dialled socket address ("dial tcp 10.0.0.7:50051: connection refused"),
// which is the operator's business, not the caller's. The address goes to
// the log with the request id; the caller gets 503 saying which service
// is unavailable, with one ErrorInfo (SERVICE_UNAVAILABLE). An UNAVAILABLE
// a service answered itself carries its ErrorInfo and passes unchanged.
func hideBackends(log *slog.Logger, next runtime.ErrorHandlerFunc) runtime.ErrorHandlerFunc {
	return func(ctx context.Context, mux *runtime.ServeMux, m runtime.Marshaler, w http.ResponseWriter, r *http.Request, err error) {
		if st := status.Convert(err); st.Code() == codes.Unavailable && len(st.Details()) == 0 {
			method, _ := runtime.RPCMethod(ctx)
			service := serviceOf(method)
			log.WarnContext(ctx, "service unavailable", "service", service, "method", method, "path", r.URL.Path,
				"request_id", r.Header.Get(requestid.Header), "err", st.Message())
			err = rpcerr.New(codes.Unavailable, rpcv1.ErrorReason_SERVICE_UNAVAILABLE, "the "+service+" service is unavailable; try again later",
				map[string]string{"service": service})
		}
		next(ctx, mux, m, w, r, err)
	}
}

// serviceOf names the service of a gRPC method for people: "seats" for
// "/mandate.seats.v1.SeatsService/ListPresets".
func serviceOf(method string) string {
	parts := strings.Split(strings.TrimPrefix(method, "/"), ".")
	if len(parts) >= 2 && parts[0] == "mandate" {
		return parts[1]
	}
	return "backend"
}
