package seatsapi

import (
	"context"
	"errors"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/internal/livecount"
)

// toStatus is the one place engine errors become gRPC statuses. Anything the
// engine does not classify is INTERNAL with a generic message; the engine
// validates first, so that means a bug.
func toStatus(err error) error {
	var ve *apportion.ValidationError
	if errors.As(err, &ve) {
		vs := make([]rpcerr.Violation, 0, len(ve.Errors))
		for _, fe := range ve.Errors {
			vs = append(vs, rpcerr.Violation{Field: fe.Field, Reason: fe.Reason, Description: fe.Message})
		}
		return rpcerr.Invalid("", vs...)
	}
	return rpcerr.Internal()
}

// errNoTally answers the contest methods of a server started without a
// tally.
var errNoTally = rpcerr.New(codes.FailedPrecondition, rpcv1.ErrorReason_NO_TALLY, "this seats server is not connected to a tally service", nil)

// passedThrough are the tally's answers that reach the caller unchanged,
// details and all: they are about the caller's request (a missing contest
// or unit, a token the tally refuses, the tally's own load shedding).
var passedThrough = map[codes.Code]bool{
	codes.NotFound: true, codes.InvalidArgument: true, codes.FailedPrecondition: true,
	codes.PermissionDenied: true, codes.Unauthenticated: true, codes.ResourceExhausted: true,
}

// liveStatus is the one place the errors of an allocation from the live
// count become gRPC statuses: an unreachable tally is UNAVAILABLE naming
// it, a count that cannot be allocated yet FAILED_PRECONDITION with the
// totals as the failed subject, a bad rule INVALID_ARGUMENT, the tally's
// own answers pass through, and anything else is INTERNAL with the cause
// logged.
func (s *Server) liveStatus(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return rpcerr.FromContext(ctx.Err())
	}
	var unavailable *livecount.UnavailableError
	var pending *livecount.CountError
	var ve *apportion.ValidationError
	switch {
	case errors.As(err, &unavailable):
		return rpcerr.New(codes.Unavailable, rpcv1.ErrorReason_TALLY_UNAVAILABLE, unavailable.Error(), map[string]string{"tally": unavailable.Addr})
	case errors.As(err, &pending):
		// The count's reasons are ErrorReason names (NO_VOTES_COUNTED ...).
		reason := rpcerr.Reason(rpcv1.ErrorReason_value[pending.Reason])
		return rpcerr.Precondition(reason, "COUNT", pending.Totals, pending.Error(), map[string]string{"totals": pending.Totals})
	case errors.As(err, &ve):
		return toStatus(err)
	}
	if st, ok := status.FromError(err); ok && passedThrough[st.Code()] {
		return err
	}
	s.log.ErrorContext(ctx, "allocation from the tally failed", "err", err)
	return rpcerr.Internal()
}
