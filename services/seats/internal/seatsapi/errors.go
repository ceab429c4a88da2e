package seatsapi

import (
	"errors"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/mandate-project/mandate/services/platform/rpcerr"
	"github.com/mandate-project/mandate/services/seats/apportion"
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
	return status.Error(codes.Internal, "internal error")
}
