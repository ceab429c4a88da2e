package tallyapi_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"google.golang.org/protobuf/proto"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/tallyclient"
)

// BenchmarkGetTotals reads the KZ 2012 demo's national totals: the handler
// and the encoding of its answer (what a read costs tallyd past the
// transport), and the same through gRPC on an in-memory listener.
func BenchmarkGetTotals(b *testing.B) {
	ctx := context.Background()
	api, c := startWith(b, time.Now)
	def := filepath.Join(examples(b), "kz-2012", "election.yaml")
	if _, err := tallyclient.Define(ctx, c, def); err != nil {
		b.Fatal(err)
	}
	if _, err := tallyclient.ImportCSV(ctx, c, def, filepath.Join(examples(b), "kz-2012", "protocols.csv"), nil); err != nil {
		b.Fatal(err)
	}
	req := &tallyv1.GetTotalsRequest{Name: "elections/kz-2012/contests/mazhilis/totals/kz"}
	b.Run("handler", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			t, err := api.GetTotals(ctx, req)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := proto.Marshal(t); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("grpc", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.GetTotals(ctx, req); err != nil {
				b.Fatal(err)
			}
		}
	})
}
