package tallyapi_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/mandate-project/mandate/services/tally/form"
)

// TestRequestIDLimitStatedOnce: the limit the proto states for request_id
// is the one the tally enforces.
func TestRequestIDLimitStatedOnce(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "proto", "mandate", "tally", "v1", "tally_service.proto"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)Idempotency key chosen by the client \(AIP-155\), at most (\d+) characters`).FindSubmatch(b)
	if m == nil {
		t.Fatal("tally_service.proto no longer states the request_id limit as this test expects")
	}
	if n, _ := strconv.Atoi(string(m[1])); n != form.MaxIdempotencyKey {
		t.Errorf("the proto says at most %d characters, the tally enforces %d", n, form.MaxIdempotencyKey)
	}
}
