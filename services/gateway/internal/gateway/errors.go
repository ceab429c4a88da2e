package gateway

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"github.com/grpc-ecosystem/grpc-gateway/v2/utilities"
	"google.golang.org/genproto/googleapis/api/annotations"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
)

type bodyKey struct{}

// withBody keeps the request body for the error handler, which needs it to
// name the field a decoding error is about.
func withBody(r *http.Request, body []byte) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), bodyKey{}, body))
}

// errorHandler writes every error as google.rpc.Status JSON with the mapped
// HTTP code, like the default, with exactly one ErrorInfo. A request the
// gateway itself could not turn into a call (a body or a query parameter
// that does not decode) gets the shape of the services' own validation
// errors: INVALID_ARGUMENT with a BadRequest naming the field path. The
// field is found by decoding again, field by field, never by reading the
// decoder's message (protobuf-go's text is unstable by design).
func errorHandler(ctx context.Context, mux *runtime.ServeMux, m runtime.Marshaler, w http.ResponseWriter, r *http.Request, err error) {
	var hse *runtime.HTTPStatusError
	if errors.As(err, &hse) {
		// The mux's own refusal of a URL (a malformed %-sequence).
		inner := hse.Err
		if _, ok := status.FromError(inner); !ok {
			inner = rpcerr.Invalid("", rpcerr.Violation{Reason: rpcv1.ErrorReason_INVALID_URL.String(), Description: inner.Error()})
		}
		runtime.DefaultHTTPErrorHandler(ctx, mux, m, w, r, &runtime.HTTPStatusError{HTTPStatus: hse.HTTPStatus, Err: rpcerr.Ensure(inner)})
		return
	}
	if st := status.Convert(err); st.Code() == codes.InvalidArgument && len(st.Details()) == 0 {
		err = requestError(ctx, r, st.Message())
	}
	runtime.DefaultHTTPErrorHandler(ctx, mux, m, w, r, rpcerr.Ensure(err))
}

// requestError explains why the gateway could not build the request of the
// call ctx is for: the body field or the query parameter that does not
// decode into it.
func requestError(ctx context.Context, r *http.Request, msg string) error {
	in, body := requestMessage(ctx)
	if in == nil {
		return rpcerr.Invalid(msg)
	}
	if raw, _ := r.Context().Value(bodyKey{}).([]byte); len(raw) > 0 && body != nil {
		if err := jsonError(raw, body); err != nil {
			return err
		}
	}
	// A query parameter: the one that alone does not populate the request
	// with the library's own parser.
	for key, vals := range r.URL.Query() {
		for _, v := range vals {
			if perr := runtime.PopulateQueryParameters(in.New().Interface(), url.Values{key: {v}}, utilities.NewDoubleArray(nil)); perr != nil {
				field := snakePath(key)
				return rpcerr.Invalid("", rpcerr.Violation{Field: field, Reason: rpcv1.ErrorReason_INVALID_QUERY_PARAMETER.String(),
					Description: "query parameter " + key + "=" + strconv.Quote(v) + " is not a valid " + kindOf(in, key)})
			}
		}
	}
	return rpcerr.Invalid(msg)
}

// requestMessage returns the request type of the RPC that ctx's call is
// for, and the type its HTTP body decodes into (the request itself for
// body "*", the named field's message for body "protocol"; nil without a
// body).
func requestMessage(ctx context.Context) (protoreflect.MessageType, protoreflect.MessageDescriptor) {
	name, ok := runtime.RPCMethod(ctx)
	if !ok || len(name) < 2 {
		return nil, nil
	}
	svc, method := splitMethod(name)
	d, err := protoregistry.GlobalFiles.FindDescriptorByName(protoreflect.FullName(svc))
	if err != nil {
		return nil, nil
	}
	sd, ok := d.(protoreflect.ServiceDescriptor)
	if !ok {
		return nil, nil
	}
	md := sd.Methods().ByName(protoreflect.Name(method))
	if md == nil {
		return nil, nil
	}
	in, err := protoregistry.GlobalTypes.FindMessageByName(md.Input().FullName())
	if err != nil {
		return nil, nil
	}
	rule, _ := proto.GetExtension(md.Options(), annotations.E_Http).(*annotations.HttpRule)
	switch b := rule.GetBody(); b {
	case "":
		return in, nil
	case "*":
		return in, md.Input()
	default:
		if f := md.Input().Fields().ByName(protoreflect.Name(b)); f != nil && f.Message() != nil {
			return in, f.Message()
		}
		return in, md.Input()
	}
}

// splitMethod splits "/pkg.Service/Method".
func splitMethod(full string) (string, string) {
	for i := len(full) - 1; i > 0; i-- {
		if full[i] == '/' {
			return full[1:i], full[i+1:]
		}
	}
	return "", ""
}

func kindOf(in protoreflect.MessageType, key string) string {
	fs := in.Descriptor().Fields()
	f := fs.ByJSONName(key)
	if f == nil {
		f = fs.ByName(protoreflect.Name(key))
	}
	if f == nil {
		return "field of this request"
	}
	return f.Kind().String()
}

// invalidJSON is the 400 of a body that does not decode; field is "" when
// the body as a whole is at fault.
func invalidJSON(field, desc string) error {
	msg := "request body does not decode: " + desc
	if field != "" {
		msg = field + ": " + desc
	}
	return rpcerr.Invalid(msg, rpcerr.Violation{Field: field, Reason: rpcv1.ErrorReason_INVALID_JSON.String(), Description: desc})
}

// writeError writes err (with its ErrorInfo) as google.rpc.Status JSON with
// an HTTP code of the gateway's choosing, for the answers the gateway gives
// before any route runs (413, 405, a URL that is not UTF-8).
func writeError(w http.ResponseWriter, httpCode int, err error) {
	b, merr := protojson.Marshal(status.Convert(rpcerr.Ensure(err)).Proto())
	if merr != nil {
		b = []byte(`{"code":13,"message":"internal error"}`)
		httpCode = http.StatusInternalServerError
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(httpCode)
	_, _ = w.Write(append(b, '\n'))
}
