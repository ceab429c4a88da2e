package tallyapi_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"google.golang.org/protobuf/proto"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
)

// TestGetTotalsKeptAnswer: a national read within the same second and
// results version is the kept answer, equal to a fresh one; a write's
// answer is followed by reads that include it (the kept answer of the
// version before is never served again), and the next second is a new
// answer with its generate_time.
func TestGetTotalsKeptAnswer(t *testing.T) {
	ctx := context.Background()
	var clock atomic.Int64
	clock.Store(time.Date(2012, 1, 16, 9, 0, 0, 0, time.UTC).UnixNano())
	now := func() time.Time { return time.Unix(0, clock.Load()).UTC() }
	api, c := startWith(t, now)
	loadDemo(t, c)

	read := func(name string) *tallyv1.Totals {
		t.Helper()
		tot, err := api.GetTotals(ctx, &tallyv1.GetTotalsRequest{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		return tot
	}
	votes := func(tot *tallyv1.Totals, choice string) int64 {
		for _, ch := range tot.GetChoices() {
			if ch.GetChoice() == choice {
				return ch.GetVotes()
			}
		}
		t.Fatalf("no %s in %v", choice, tot)
		return 0
	}
	const nation = "elections/kz-2012/contests/mazhilis/totals/kz"
	first := read(nation)
	if again := read(nation); again != first {
		t.Error("a second read of the same version and second built a new answer")
	}
	wire, err := c.GetTotals(ctx, &tallyv1.GetTotalsRequest{Name: nation})
	if err != nil || !proto.Equal(wire, first) {
		t.Fatalf("through gRPC: %v %v, want %v", wire, err, first)
	}
	if votes(first, "nur-otan") != 5621436 {
		t.Fatalf("nur-otan %d", votes(first, "nur-otan"))
	}

	// A write, then reads in the same second: they include it.
	if _, err := c.SubmitProtocol(ctx, correction(t, c, "astana-1", "fix-astana-1", 5)); err != nil {
		t.Fatal(err)
	}
	after := read(nation)
	if after.GetResultsVersion() != first.GetResultsVersion()+1 || votes(after, "nur-otan") != 5621431 || votes(after, "ak-zhol") != 518410 {
		t.Fatalf("after the correction: version %d (was %d), nur-otan %d, ak-zhol %d", after.GetResultsVersion(),
			first.GetResultsVersion(), votes(after, "nur-otan"), votes(after, "ak-zhol"))
	}
	if after.GetCheckpoint().GetTreeSize() <= first.GetCheckpoint().GetTreeSize() {
		t.Errorf("checkpoint size %d after the correction, %d before", after.GetCheckpoint().GetTreeSize(), first.GetCheckpoint().GetTreeSize())
	}
	if region := read("elections/kz-2012/contests/mazhilis/totals/astana"); region.GetResultsVersion() != after.GetResultsVersion() {
		t.Errorf("region read at version %d, want %d", region.GetResultsVersion(), after.GetResultsVersion())
	}

	// The next second: a new answer, stamped with it.
	clock.Add(int64(time.Second))
	later := read(nation)
	if later == after || !later.GetGenerateTime().AsTime().Equal(now().Truncate(time.Second)) {
		t.Errorf("next second: kept answer %v, generate_time %v, want %v", later == after, later.GetGenerateTime().AsTime(), now())
	}
	if later.GetResultsVersion() != after.GetResultsVersion() || votes(later, "nur-otan") != 5621431 {
		t.Errorf("next second: version %d, nur-otan %d", later.GetResultsVersion(), votes(later, "nur-otan"))
	}
}
