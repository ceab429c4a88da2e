package tally

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mandate-project/mandate/services/tally/form"
	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// TestRefusalTailBounded: a refusal whose every field is as large as a
// request can make it still has a tail under 4 KiB, keeps a valid request
// id whole (128 characters of 4 bytes), names what it cut, and has the
// same key at another time but another key for other bytes (issue 14 item
// 4).
func TestRefusalTailBounded(t *testing.T) {
	big := strings.Repeat("x", 1<<20)
	lines, votes := map[string]int64{}, map[string]int64{}
	for i := range 10_000 {
		lines[strings.Repeat("l", 40)+strconv.Itoa(i)] = form.MaxCount
		votes[strings.Repeat("v", 40)+strconv.Itoa(i)] = form.MaxCount
	}
	viol := make([]string, 1000)
	for i := range viol {
		viol[i] = strings.Repeat("C", 1000)
	}
	requestID := strings.Repeat("\U0001F5F3", form.MaxIdempotencyKey)
	sub := Submission{Election: "e", Contest: big, Station: big, IdempotencyKey: requestID, Reason: big, Submitter: big,
		Kind: Correction, Replaces: 1, Lines: lines, Votes: votes, Body: []byte(big), BodyType: tallylog.BodySubmitProtocol}
	rj := tallylog.Rejection{Reason: "CONTROL_RELATIONS", Message: big, Violations: viol}
	at := time.Date(2024, 3, 17, 21, 0, 0, 0, time.UTC)
	r, err := refusalTail(sub, rj, at)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Tail) >= 4096 {
		t.Errorf("refusal tail of %d bytes, want < 4 KiB", len(r.Tail))
	}
	e, body, err := tallylog.ParseLeaf(tallylog.Leaf(7, r.Tail))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"contest", "reason", "station", "submitter", "lines", "votes", "rejection.message", "rejection.violations"}
	if len(body) != 0 || e.RequestID != requestID || e.Rejection.BodySize != 1<<20 || strings.Join(e.Rejection.Truncated, ",") != strings.Join(want, ",") {
		t.Errorf("refusal entry: request id kept %v, body size %d, truncated %v", e.RequestID == requestID, e.Rejection.BodySize, e.Rejection.Truncated)
	}
	again, _ := refusalTail(sub, rj, at.Add(time.Hour))
	sub.Body = append([]byte(big), 'y')
	other, _ := refusalTail(sub, rj, at)
	if again.Key != r.Key || other.Key == r.Key {
		t.Errorf("keys: same refusal later equal %v, other bytes differ %v", again.Key == r.Key, other.Key != r.Key)
	}
}
