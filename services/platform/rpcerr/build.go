package rpcerr

import (
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"
)

type protoMessage = proto.Message

func anyOf(m proto.Message) (*anypb.Any, error) { return anypb.New(m) }

// build is a status with details; should a detail not pack (it cannot for
// the registered errdetails types) the ErrorInfo alone is kept, never none.
func build(code codes.Code, msg string, details ...proto.Message) error {
	p := status.New(code, msg).Proto()
	for _, d := range details {
		a, err := anyOf(d)
		if err != nil {
			continue
		}
		p.Details = append(p.Details, a)
	}
	return status.FromProto(p).Err()
}
