package tallyapi_test

import (
	"context"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/grpctest"
	"github.com/mandate-project/mandate/services/tally/internal/sqlitestore"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/internal/tallyapi"
	"github.com/mandate-project/mandate/services/tally/tallyclient"
)

// BenchmarkGetTotals reads the KZ 2012 demo's national totals: the handler
// and the encoding of its answer (what a read costs tallyd past the
// transport), and the same through gRPC on an in-memory listener.
func BenchmarkGetTotals(b *testing.B) {
	ctx := context.Background()
	store, err := sqlitestore.Open(ctx, filepath.Join(b.TempDir(), "tally.db"), sqlitestore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	svc, err := tally.NewServiceWith(ctx, store, tally.ServiceOptions{Now: time.Now, LogKey: testLogKey})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(svc.Close)
	api := tallyapi.New(svc, slog.Default())
	conn := grpctest.ConnWith(b, api.ServerOptions(), func(srv *grpc.Server) { tallyv1.RegisterTallyServiceServer(srv, api) })
	c := tallyv1.NewTallyServiceClient(conn)
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
