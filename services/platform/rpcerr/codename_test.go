package rpcerr_test

import (
	"testing"

	"google.golang.org/genproto/googleapis/rpc/code"
	"google.golang.org/grpc/codes"

	"github.com/mandate-project/mandate/services/platform/rpcerr"
)

// TestCodeName holds CodeName to google.rpc.Code's names for every code,
// the spelling the API promises ("INVALID_ARGUMENT"), not Go's
// ("InvalidArgument").
func TestCodeName(t *testing.T) {
	for c := codes.OK; c <= codes.Unauthenticated; c++ {
		if got, want := rpcerr.CodeName(c), code.Code(c).String(); got != want {
			t.Errorf("CodeName(%d) = %q, want %q", c, got, want)
		}
	}
	if got := rpcerr.CodeName(codes.Code(99)); got != "CODE_99" {
		t.Errorf("CodeName(99) = %q", got)
	}
}
