package gateway_test

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/test/bufconn"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/gateway/internal/gateway"
	"github.com/mandate-project/mandate/services/platform/grpcserver"
)

// idleWatch answers a watch with the current totals and then sends nothing
// more until the caller leaves, as tallyd does while no result arrives.
type idleWatch struct {
	tallyv1.UnimplementedTallyServiceServer
}

func (idleWatch) WatchTotals(req *tallyv1.WatchTotalsRequest, s grpc.ServerStreamingServer[tallyv1.WatchTotalsResponse]) error {
	if err := s.Send(&tallyv1.WatchTotalsResponse{Totals: &tallyv1.Totals{Name: req.GetName(), ResultsVersion: 1, Valid: 100}}); err != nil {
		return err
	}
	<-s.Context().Done()
	return nil
}

// pipeListener hands out in-memory connections (net.Pipe): 20,000 watchers
// over TCP would need 40,000 descriptors in one process.
type pipeListener struct {
	conns chan net.Conn
	done  chan struct{}
}

func (l *pipeListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.done:
		return nil, errors.New("closed")
	}
}
func (l *pipeListener) Close() error   { close(l.done); return nil }
func (l *pipeListener) Addr() net.Addr { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)} }

// footprint is the heap and goroutine stacks in use after a collection.
func footprint() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse + m.StackInuse
}

// TestWatchMemory opens watchers of the national totals through the
// gateway (HTTP/1.1, as a CDN or browser opens them) against an in-process
// tally that answers each with its totals and then stays quiet, and reports
// the memory per open watcher. The process holds all three parties, so it
// also measures the same number of gRPC watch streams opened directly on
// the tally (both ends of the gRPC stream); the difference is what the
// gateway adds on the HTTP side, a lower bound of its share (its gRPC
// client stream is in both figures), and the whole figure an upper bound. MANDATE_WATCHERS sets how many (make
// bench: 20,000; default 1,000). It fails only when a watcher gets no
// totals; the figure is a measurement (issue 19's target is 10 KB).
func TestWatchMemory(t *testing.T) {
	n := 1000
	if s := os.Getenv("MANDATE_WATCHERS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			t.Fatal(err)
		}
	}
	lis := bufconn.Listen(1 << 20)
	srv := grpc.NewServer(grpcserver.DecodeOptions()...)
	tallyv1.RegisterTallyServiceServer(srv, idleWatch{})
	seatsv1.RegisterSeatsServiceServer(srv, seatsv1.UnimplementedSeatsServiceServer{})
	go func() { _ = srv.Serve(lis) }()
	defer srv.Stop()
	conn, err := grpc.NewClient("passthrough:///bufnet",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	const name = "elections/e/contests/c/totals/nation"

	// The tally's share: n gRPC watch streams on the one connection.
	ctx, cancel := context.WithCancel(context.Background())
	client := tallyv1.NewTallyServiceClient(conn)
	base := footprint()
	for i := range n {
		s, err := client.WatchTotals(ctx, &tallyv1.WatchTotalsRequest{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Recv(); err != nil {
			t.Fatalf("direct watch %d: %v", i, err)
		}
	}
	direct := footprint() - base
	cancel()
	time.Sleep(500 * time.Millisecond) // let the streams end before the next count

	h, err := gateway.New(context.Background(), gateway.Config{Tally: conn, Seats: conn, MaxBodyBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	pl := &pipeListener{conns: make(chan net.Conn), done: make(chan struct{})}
	hs := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = hs.Serve(pl) }()
	defer hs.Close()

	req := []byte("GET /v1/" + name + ":watch HTTP/1.1\r\nHost: gateway\r\n\r\n")
	buf := make([]byte, 8192)
	watchers := make([]net.Conn, 0, n)
	defer func() {
		for _, c := range watchers {
			c.Close()
		}
	}()
	began := time.Now()
	base = footprint()
	for i := range n {
		c, s := net.Pipe()
		pl.conns <- s
		watchers = append(watchers, c)
		_ = c.SetDeadline(time.Now().Add(30 * time.Second))
		if _, err := c.Write(req); err != nil {
			t.Fatal(err)
		}
		got := 0
		for !bytes.Contains(buf[:got], []byte(`"resultsVersion"`)) {
			k, err := c.Read(buf[got:])
			if err != nil {
				t.Fatalf("watcher %d: %v after %q", i, err, buf[:got])
			}
			got += k
		}
		if !bytes.HasPrefix(buf, []byte("HTTP/1.1 200")) {
			t.Fatalf("watcher %d: %q", i, buf[:got])
		}
	}
	opened := time.Since(began)
	all := footprint() - base
	per := float64(all) / float64(n)
	tallyShare := float64(direct) / float64(n)
	t.Logf("%d watchers through the gateway opened in %v: %.1f KB each in all (heap + stacks; the gateway's upper bound);"+
		" a gRPC watch alone, both ends: %.1f KB; the gateway's HTTP side: %.1f KB (its lower bound); target 10 KB",
		n, opened.Round(time.Millisecond), per/1024, tallyShare/1024, (per-tallyShare)/1024)
}
