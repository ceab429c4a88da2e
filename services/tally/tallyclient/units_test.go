package tallyclient

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/grpctest"
	"github.com/mandate-project/mandate/services/tally/form"
)

// unitsServer answers BatchCreateReportingUnits as tallyd would for new
// units and keeps the size of every request.
type unitsServer struct {
	tallyv1.UnimplementedTallyServiceServer
	mu    sync.Mutex
	sizes []int
	units []string
}

func (s *unitsServer) BatchCreateReportingUnits(_ context.Context, req *tallyv1.BatchCreateReportingUnitsRequest) (*tallyv1.BatchCreateReportingUnitsResponse, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sizes = append(s.sizes, proto.Size(req))
	for _, u := range req.GetUnits() {
		s.units = append(s.units, u.GetName())
	}
	return &tallyv1.BatchCreateReportingUnitsResponse{Units: req.GetUnits(), CreatedCount: int32(len(req.GetUnits()))}, nil
}

// TestUnitsBatchedBySize: the units go in order, in as few requests as
// fit unitBytes each, whatever their names' length: a batch of the
// importer with short names is one call; long names split it.
func TestUnitsBatchedBySize(t *testing.T) {
	for _, tc := range []struct {
		name      string
		units     int
		nameBytes int
		calls     int
	}{
		{"an importer's batch", 5003, 20, 1},
		{"long names", 5000, 1000, 0}, // 0: as many as unitBytes needs
		{"none", 0, 20, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := &unitsServer{}
			conn := grpctest.Conn(t, func(g *grpc.Server) { tallyv1.RegisterTallyServiceServer(g, srv) })
			units := make([]form.Unit, tc.units)
			for i := range units {
				units[i] = form.Unit{ID: fmt.Sprintf("s%d", i), Parent: "nation", Level: form.LevelStation,
					Name: strings.Repeat("x", tc.nameBytes)}
			}
			n, err := sink{tallyv1.NewTallyServiceClient(conn)}.AddUnits(context.Background(), "e", units)
			if err != nil || n != tc.units {
				t.Fatalf("AddUnits: %d, %v; want %d", n, err, tc.units)
			}
			total := 0
			for _, s := range srv.sizes {
				if s > unitBytes+len("elections/e")+2 {
					t.Errorf("a request of %d bytes, over %d", s, unitBytes)
				}
				total += s
			}
			want := tc.calls
			if want == 0 && tc.units > 0 {
				want = (total + unitBytes - 1) / unitBytes
			}
			if len(srv.sizes) != want {
				t.Errorf("%d requests (%v bytes), want %d", len(srv.sizes), srv.sizes, want)
			}
			for i, name := range srv.units {
				if name != "elections/e/units/"+units[i].ID {
					t.Fatalf("unit %d sent as %s", i, name)
				}
			}
			if len(srv.units) != tc.units {
				t.Errorf("%d units sent, want %d", len(srv.units), tc.units)
			}
		})
	}
}
