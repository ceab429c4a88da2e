package gateway

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/mandate-project/mandate/services/platform/rpcerr"
)

type bodyKey struct{}

// withBody keeps the request body for the error handler, which needs it to
// name the field a decoding error is about.
func withBody(r *http.Request, body []byte) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), bodyKey{}, body))
}

var (
	lineCol    = regexp.MustCompile(`\(line (\d+):(\d+)\)`)
	queryField = regexp.MustCompile(`^parsing field "([^"]+)": (.*)$`)
)

// errorHandler writes every error as google.rpc.Status JSON with the mapped
// HTTP code, like the default, but first gives a body the gateway could not
// decode (wrong type, unknown enum name, unknown field, bad syntax) the same
// shape as the services' own validation errors: INVALID_ARGUMENT with a
// BadRequest naming the field path and one ErrorInfo (reason INVALID_JSON).
func errorHandler(ctx context.Context, mux *runtime.ServeMux, m runtime.Marshaler, w http.ResponseWriter, r *http.Request, err error) {
	st := status.Convert(err)
	if qm := queryField.FindStringSubmatch(st.Message()); st.Code() == codes.InvalidArgument && len(st.Details()) == 0 && qm != nil {
		// A query parameter of the wrong type: the gateway names the field.
		err = rpcerr.Invalid(qm[1]+": "+qm[2], rpcerr.Violation{Field: qm[1], Reason: "INVALID_QUERY_PARAMETER", Description: qm[2]})
	} else if st.Code() == codes.InvalidArgument && len(st.Details()) == 0 && strings.HasPrefix(st.Message(), "proto:") {
		body, _ := r.Context().Value(bodyKey{}).([]byte)
		err = decodeError(body, errors.New(st.Message()))
	}
	runtime.DefaultHTTPErrorHandler(ctx, mux, m, w, r, err)
}

// decodeError turns a protojson decoding error of body into
// INVALID_ARGUMENT with a BadRequest naming the field path (from the line
// and column protojson reports) and one ErrorInfo, reason INVALID_JSON.
func decodeError(body []byte, err error) error {
	msg := strings.TrimSpace(strings.TrimPrefix(err.Error(), "proto:"))
	field := ""
	if lc := lineCol.FindStringSubmatch(msg); lc != nil && body != nil {
		line, _ := strconv.Atoi(lc[1])
		col, _ := strconv.Atoi(lc[2])
		field = pathAt(body, offsetOf(body, line, col))
	}
	desc := "request body does not decode: " + msg
	if field != "" {
		desc = field + ": " + msg
	}
	return rpcerr.Invalid(desc, rpcerr.Violation{Field: field, Reason: "INVALID_JSON", Description: msg})
}
