// Package rpcerr builds the gRPC status errors of Mandate's APIs in one shape:
// a code, a message, exactly one google.rpc.ErrorInfo whose reason clients
// match on (never the message), and BadRequest field violations for invalid
// input. The reasons are the values of mandate.rpc.v1.ErrorReason, the
// published list; Check is the contract the tests enforce on every status.
// Adapters translate domain errors with it in one place each.
package rpcerr

import (
	"context"
	"errors"
	"fmt"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
)

// Domain is the ErrorInfo domain of every Mandate error.
const Domain = "mandate.dev"

// Reason is an ErrorInfo reason; its name is the string on the wire.
type Reason = rpcv1.ErrorReason

// Violation is one invalid field of a request.
type Violation struct {
	Field       string // field path, e.g. "rule.seats" or "parties[2].votes"
	Reason      string // stable UPPER_SNAKE code, an ErrorReason name except for control relations
	Description string
}

// New returns a status error with one ErrorInfo.
func New(code codes.Code, reason Reason, msg string, metadata map[string]string) error {
	return build(code, msg, &errdetails.ErrorInfo{Reason: reason.String(), Domain: Domain, Metadata: metadata})
}

// Precondition returns FAILED_PRECONDITION with one ErrorInfo and a
// PreconditionFailure naming the failed subject.
func Precondition(reason Reason, kind, subject, msg string, metadata map[string]string) error {
	return build(codes.FailedPrecondition, msg,
		&errdetails.ErrorInfo{Reason: reason.String(), Domain: Domain, Metadata: metadata},
		&errdetails.PreconditionFailure{Violations: []*errdetails.PreconditionFailure_Violation{{Type: kind, Subject: subject, Description: msg}}})
}

// Invalid returns INVALID_ARGUMENT with one BadRequest field violation per
// problem and one ErrorInfo carrying the first problem's reason (the one a
// client should act on first).
func Invalid(msg string, vs ...Violation) error {
	if len(vs) == 0 {
		return New(codes.InvalidArgument, rpcv1.ErrorReason_INVALID_ARGUMENT, msg, nil)
	}
	return invalid(vs[0].Reason, msg, vs)
}

// InvalidAs is Invalid with an ErrorInfo reason of its own, for violations
// whose reasons are not API reasons (a form's control relation codes).
func InvalidAs(reason Reason, msg string, vs ...Violation) error {
	return invalid(reason.String(), msg, vs)
}

func invalid(reason, msg string, vs []Violation) error {
	br := &errdetails.BadRequest{}
	for _, v := range vs {
		br.FieldViolations = append(br.FieldViolations, &errdetails.BadRequest_FieldViolation{
			Field: v.Field, Description: v.Description, Reason: v.Reason,
		})
	}
	md := map[string]string{}
	if len(vs) > 0 {
		if msg == "" {
			msg = vs[0].Field + ": " + vs[0].Description
		}
		md["field"] = vs[0].Field
	}
	return build(codes.InvalidArgument, msg, &errdetails.ErrorInfo{Reason: reason, Domain: Domain, Metadata: md}, br)
}

// NotFound returns NOT_FOUND with ResourceInfo naming what is missing;
// resourceType is the type the proto declares (tally.mandate.dev/Election).
func NotFound(reason Reason, resourceType, name, msg string) error {
	return build(codes.NotFound, msg,
		&errdetails.ErrorInfo{Reason: reason.String(), Domain: Domain, Metadata: map[string]string{"resource": name}},
		&errdetails.ResourceInfo{ResourceType: resourceType, ResourceName: name, Description: msg},
	)
}

// Internal is the answer to a bug: INTERNAL with a generic message. The
// cause belongs in the log (with the request id), never in the answer.
func Internal() error {
	return New(codes.Internal, rpcv1.ErrorReason_INTERNAL_ERROR, "internal error", nil)
}

// FromContext turns a context's end into CANCELLED or DEADLINE_EXCEEDED with
// its ErrorInfo; it returns nil for any other error.
func FromContext(err error) error {
	switch {
	case errors.Is(err, context.Canceled):
		return New(codes.Canceled, rpcv1.ErrorReason_REQUEST_CANCELLED, "request cancelled", nil)
	case errors.Is(err, context.DeadlineExceeded):
		return New(codes.DeadlineExceeded, rpcv1.ErrorReason_DEADLINE_EXCEEDED, "deadline exceeded", nil)
	}
	return nil
}

// byCode is the reason of a status that reached the edge of a server
// without one (a library's own answer: grpc-go's, the health service's).
var byCode = map[codes.Code]Reason{
	codes.Canceled:          rpcv1.ErrorReason_REQUEST_CANCELLED,
	codes.Unknown:           rpcv1.ErrorReason_INTERNAL_ERROR,
	codes.InvalidArgument:   rpcv1.ErrorReason_INVALID_ARGUMENT,
	codes.DeadlineExceeded:  rpcv1.ErrorReason_DEADLINE_EXCEEDED,
	codes.NotFound:          rpcv1.ErrorReason_ROUTE_NOT_FOUND,
	codes.ResourceExhausted: rpcv1.ErrorReason_OVERLOADED,
	codes.Unimplemented:     rpcv1.ErrorReason_METHOD_NOT_FOUND,
	codes.Internal:          rpcv1.ErrorReason_INTERNAL_ERROR,
	codes.Unavailable:       rpcv1.ErrorReason_SERVICE_UNAVAILABLE,
	codes.DataLoss:          rpcv1.ErrorReason_INTERNAL_ERROR,
	codes.Unauthenticated:   rpcv1.ErrorReason_TOKEN_INVALID,
	codes.PermissionDenied:  rpcv1.ErrorReason_ROLE_NOT_ALLOWED,
	codes.OutOfRange:        rpcv1.ErrorReason_OUT_OF_RANGE,
}

// Ensure returns err as a status with exactly one ErrorInfo: unchanged when
// it has one, otherwise with the reason its code implies added (a context's
// end becomes CANCELLED or DEADLINE_EXCEEDED first). It is the last line of
// the contract for answers Mandate's code does not build itself; Check in
// the tests makes sure Mandate's own answers never need it.
func Ensure(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := status.FromError(err); !ok {
		if ce := FromContext(err); ce != nil {
			return ce
		}
	}
	st := status.Convert(err)
	if st.Code() == codes.OK {
		return err
	}
	if countInfos(st) == 1 {
		return err
	}
	reason, ok := byCode[st.Code()]
	if !ok {
		reason = rpcv1.ErrorReason_INTERNAL_ERROR
	}
	p := st.Proto()
	p.Details = nil
	for _, d := range st.Details() {
		if _, isInfo := d.(*errdetails.ErrorInfo); !isInfo {
			if m, ok := d.(protoMessage); ok {
				if a, aerr := anyOf(m); aerr == nil {
					p.Details = append(p.Details, a)
				}
			}
		}
	}
	info, err2 := anyOf(&errdetails.ErrorInfo{Reason: reason.String(), Domain: Domain})
	if err2 != nil {
		return err
	}
	p.Details = append(p.Details, info)
	return status.FromProto(p).Err()
}

// Check reports how a non-OK status breaks the contract: it must carry
// exactly one ErrorInfo, of domain mandate.dev, whose reason is an
// ErrorReason value; invalid input also names its fields in a BadRequest.
func Check(st *status.Status) error {
	if st == nil || st.Code() == codes.OK {
		return nil
	}
	var infos []*errdetails.ErrorInfo
	for _, d := range st.Details() {
		switch d := d.(type) {
		case *errdetails.ErrorInfo:
			infos = append(infos, d)
		case error:
			return fmt.Errorf("%v %q: a detail does not decode: %v", st.Code(), st.Message(), d)
		}
	}
	if len(infos) != 1 {
		return fmt.Errorf("%v %q carries %d ErrorInfo, want exactly 1", st.Code(), st.Message(), len(infos))
	}
	info := infos[0]
	if info.GetDomain() != Domain {
		return fmt.Errorf("%v %q: ErrorInfo domain %q, want %q", st.Code(), st.Message(), info.GetDomain(), Domain)
	}
	if v, ok := rpcv1.ErrorReason_value[info.GetReason()]; !ok || v == 0 {
		return fmt.Errorf("%v %q: reason %q is not an ErrorReason value", st.Code(), st.Message(), info.GetReason())
	}
	return nil
}

func countInfos(st *status.Status) int {
	n := 0
	for _, d := range st.Details() {
		if _, ok := d.(*errdetails.ErrorInfo); ok {
			n++
		}
	}
	return n
}

// CodeName is a status code's canonical name as google.rpc.Code and the
// gRPC documentation spell it ("INVALID_ARGUMENT", "OK"), which is how the
// API writes a code in a message field. codes.Code.String is Go's spelling
// ("InvalidArgument") and is not used on the wire.
func CodeName(c codes.Code) string {
	if n, ok := codeNames[c]; ok {
		return n
	}
	return fmt.Sprintf("CODE_%d", uint32(c))
}

var codeNames = map[codes.Code]string{
	codes.OK: "OK", codes.Canceled: "CANCELLED", codes.Unknown: "UNKNOWN",
	codes.InvalidArgument: "INVALID_ARGUMENT", codes.DeadlineExceeded: "DEADLINE_EXCEEDED",
	codes.NotFound: "NOT_FOUND", codes.AlreadyExists: "ALREADY_EXISTS",
	codes.PermissionDenied: "PERMISSION_DENIED", codes.ResourceExhausted: "RESOURCE_EXHAUSTED",
	codes.FailedPrecondition: "FAILED_PRECONDITION", codes.Aborted: "ABORTED",
	codes.OutOfRange: "OUT_OF_RANGE", codes.Unimplemented: "UNIMPLEMENTED",
	codes.Internal: "INTERNAL", codes.Unavailable: "UNAVAILABLE", codes.DataLoss: "DATA_LOSS",
	codes.Unauthenticated: "UNAUTHENTICATED",
}
