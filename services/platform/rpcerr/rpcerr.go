// Package rpcerr builds the gRPC status errors of Mandate's APIs in one shape:
// a code, a message, exactly one google.rpc.ErrorInfo whose reason clients
// match on (never the message), and BadRequest field violations for invalid
// input. Adapters translate domain errors with it in one place each.
package rpcerr

import (
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Domain is the ErrorInfo domain of every Mandate error.
const Domain = "mandate.dev"

// Violation is one invalid field of a request.
type Violation struct {
	Field       string // field path, e.g. "rule.seats" or "parties[2].votes"
	Reason      string // stable UPPER_SNAKE code
	Description string
}

// New returns a status error with one ErrorInfo.
func New(code codes.Code, reason, msg string, metadata map[string]string) error {
	st, err := status.New(code, msg).WithDetails(&errdetails.ErrorInfo{Reason: reason, Domain: Domain, Metadata: metadata})
	if err != nil {
		return status.Error(code, msg)
	}
	return st.Err()
}

// Invalid returns INVALID_ARGUMENT with one BadRequest field violation per
// problem and one ErrorInfo carrying the first problem's reason (the one a
// client should act on first).
func Invalid(msg string, vs ...Violation) error {
	if len(vs) == 0 {
		return New(codes.InvalidArgument, "INVALID_ARGUMENT", msg, nil)
	}
	br := &errdetails.BadRequest{}
	for _, v := range vs {
		br.FieldViolations = append(br.FieldViolations, &errdetails.BadRequest_FieldViolation{
			Field: v.Field, Description: v.Description, Reason: v.Reason,
		})
	}
	if msg == "" {
		msg = vs[0].Field + ": " + vs[0].Description
	}
	info := &errdetails.ErrorInfo{Reason: vs[0].Reason, Domain: Domain, Metadata: map[string]string{"field": vs[0].Field}}
	st, err := status.New(codes.InvalidArgument, msg).WithDetails(info, br)
	if err != nil {
		return status.Error(codes.InvalidArgument, msg)
	}
	return st.Err()
}

// NotFound returns NOT_FOUND with ResourceInfo naming what is missing.
func NotFound(reason, resourceType, name, msg string) error {
	st, err := status.New(codes.NotFound, msg).WithDetails(
		&errdetails.ErrorInfo{Reason: reason, Domain: Domain, Metadata: map[string]string{"resource": name}},
		&errdetails.ResourceInfo{ResourceType: resourceType, ResourceName: name, Description: msg},
	)
	if err != nil {
		return status.Error(codes.NotFound, msg)
	}
	return st.Err()
}
