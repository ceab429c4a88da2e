// Package tallystub is a stand-in TallyService for the seats service's
// tests: it serves totals the test sets (GetTotals, ListReportingUnits,
// WatchTotals) and definitions (GetElection), can be told to answer
// UNAVAILABLE, and records what it was asked and with which credentials.
// It counts nothing itself.
package tallystub

import (
	"context"
	"strings"
	"sync"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
)

// Server is the stand-in. The zero value is not usable; call New.
type Server struct {
	tallyv1.UnimplementedTallyServiceServer

	mu       sync.Mutex
	totals   map[string]*tallyv1.Totals // by name
	elects   map[string]*tallyv1.Election
	watchers map[chan *tallyv1.Totals]string
	failNext int // unary calls still to answer UNAVAILABLE
	calls    map[string]int
	auth     []string // authorization metadata of every call
	sinces   []int64  // since_version of every WatchTotals
}

// New returns an empty stand-in.
func New() *Server {
	return &Server{totals: map[string]*tallyv1.Totals{}, elects: map[string]*tallyv1.Election{}, watchers: map[chan *tallyv1.Totals]string{}, calls: map[string]int{}}
}

// Register adds the stand-in to a gRPC server.
func (s *Server) Register(srv *grpc.Server) { tallyv1.RegisterTallyServiceServer(srv, s) }

// Set makes t the current totals of t.Name and sends it to the watchers of
// that name.
func (s *Server) Set(t *tallyv1.Totals) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.totals[t.GetName()] = t
	for ch, name := range s.watchers {
		if name == t.GetName() {
			ch <- t
		}
	}
}

// SetElection makes e the definition GetElection serves for e.Name.
func (s *Server) SetElection(e *tallyv1.Election) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.elects[e.GetName()] = e
}

// GetElection serves the definition set with SetElection.
func (s *Server) GetElection(ctx context.Context, req *tallyv1.GetElectionRequest) (*tallyv1.Election, error) {
	if err := s.enter(ctx, "GetElection", true); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.elects[req.GetName()]
	if !ok {
		return nil, rpcerr.NotFound(rpcv1.ErrorReason_ELECTION_NOT_FOUND, "tally.mandate.dev/Election", req.GetName(), "no election "+req.GetName())
	}
	return e, nil
}

// FailNext makes the next n unary calls answer UNAVAILABLE.
func (s *Server) FailNext(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failNext = n
}

// Calls is how often a method (its short name, "GetTotals") was called.
func (s *Server) Calls(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[method]
}

// Authorizations lists the authorization metadata of every call, "" for a
// call without.
func (s *Server) Authorizations() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.auth...)
}

// SinceVersions lists the since_version of every WatchTotals call.
func (s *Server) SinceVersions() []int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]int64(nil), s.sinces...)
}

// Watchers is how many WatchTotals streams are open.
func (s *Server) Watchers() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.watchers)
}

// enter records a call and says whether it must fail.
func (s *Server) enter(ctx context.Context, method string, unary bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[method]++
	md, _ := metadata.FromIncomingContext(ctx)
	s.auth = append(s.auth, strings.Join(md.Get("authorization"), ","))
	if unary && s.failNext > 0 {
		s.failNext--
		return status.Error(codes.Unavailable, "stub: try again")
	}
	return nil
}

func (s *Server) get(name string) (*tallyv1.Totals, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.totals[name]
	if !ok {
		return nil, rpcerr.NotFound(rpcv1.ErrorReason_TOTALS_NOT_FOUND, "tally.mandate.dev/Totals", name, "no totals "+name)
	}
	return t, nil
}

// GetTotals serves the totals set for the name.
func (s *Server) GetTotals(ctx context.Context, req *tallyv1.GetTotalsRequest) (*tallyv1.Totals, error) {
	if err := s.enter(ctx, "GetTotals", true); err != nil {
		return nil, err
	}
	return s.get(req.GetName())
}

// ListReportingUnits lists the unit of the first totals set for the
// election as its root.
func (s *Server) ListReportingUnits(ctx context.Context, req *tallyv1.ListReportingUnitsRequest) (*tallyv1.ListReportingUnitsResponse, error) {
	if err := s.enter(ctx, "ListReportingUnits", true); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	root := ""
	for _, t := range s.totals {
		if strings.HasPrefix(t.GetUnit(), req.GetParent()+"/units/") && (root == "" || t.GetUnit() < root) {
			root = t.GetUnit()
		}
	}
	if root == "" {
		return nil, rpcerr.NotFound(rpcv1.ErrorReason_ELECTION_NOT_FOUND, "tally.mandate.dev/Election", req.GetParent(), "no election "+req.GetParent())
	}
	return &tallyv1.ListReportingUnitsResponse{ReportingUnits: []*tallyv1.ReportingUnit{{Name: root}}}, nil
}

// WatchTotals sends the current totals when since_version is 0, then every
// totals Set for the name after since_version, like the tally.
func (s *Server) WatchTotals(req *tallyv1.WatchTotalsRequest, stream grpc.ServerStreamingServer[tallyv1.WatchTotalsResponse]) error {
	ctx := stream.Context()
	if err := s.enter(ctx, "WatchTotals", false); err != nil {
		return err
	}
	if _, err := s.get(req.GetName()); err != nil {
		return err
	}
	ch := make(chan *tallyv1.Totals, 4096)
	s.mu.Lock()
	s.sinces = append(s.sinces, req.GetSinceVersion())
	s.watchers[ch] = req.GetName()
	cur := s.totals[req.GetName()] // read with the registration: no Set is missed
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.watchers, ch)
		s.mu.Unlock()
	}()
	since := req.GetSinceVersion()
	if since == 0 || cur.GetResultsVersion() > since {
		if err := stream.Send(&tallyv1.WatchTotalsResponse{Totals: cur}); err != nil {
			return err
		}
		since = cur.GetResultsVersion()
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case t := <-ch:
			if t.GetResultsVersion() <= since {
				continue
			}
			since = t.GetResultsVersion()
			if err := stream.Send(&tallyv1.WatchTotalsResponse{Totals: t}); err != nil {
				return err
			}
		}
	}
}
