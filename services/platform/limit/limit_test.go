package limit_test

import (
	"context"
	"net"
	"sync"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/peer"
	"google.golang.org/grpc/status"

	"github.com/mandate-project/mandate/services/platform/limit"
)

func from(ip string) context.Context {
	return peer.NewContext(context.Background(), &peer.Peer{Addr: &net.TCPAddr{IP: net.ParseIP(ip), Port: 4000}})
}

func call(u []grpc.UnaryServerInterceptor, ctx context.Context, h grpc.UnaryHandler) error {
	// Chain by hand: each interceptor calls the next.
	var next func(i int, ctx context.Context) (any, error)
	next = func(i int, ctx context.Context) (any, error) {
		if i == len(u) {
			return h(ctx, nil)
		}
		return u[i](ctx, nil, &grpc.UnaryServerInfo{FullMethod: "/t/M"}, func(ctx context.Context, _ any) (any, error) { return next(i+1, ctx) })
	}
	_, err := next(0, ctx)
	return err
}

func ok(context.Context, any) (any, error) { return nil, nil }

func TestPerCallerRate(t *testing.T) {
	u, _ := limit.Interceptors(limit.Config{PerCallerRate: 0.001, PerCallerBurst: 3})
	for i := range 3 {
		if err := call(u, from("10.0.0.1"), ok); err != nil {
			t.Fatalf("call %d within the burst: %v", i, err)
		}
	}
	if err := call(u, from("10.0.0.1"), ok); status.Code(err) != codes.ResourceExhausted {
		t.Fatalf("fourth call: %v, want RESOURCE_EXHAUSTED", err)
	}
	// Another caller has its own bucket.
	if err := call(u, from("10.0.0.2"), ok); err != nil {
		t.Fatalf("other caller: %v", err)
	}
}

func TestMaxInFlight(t *testing.T) {
	u, s := limit.Interceptors(limit.Config{MaxInFlight: 2, MaxWatches: 1})
	hold := make(chan struct{})
	var entered, done sync.WaitGroup
	for range 2 {
		entered.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			_ = call(u, from("10.0.0.1"), func(context.Context, any) (any, error) {
				entered.Done()
				<-hold
				return nil, nil
			})
		}()
	}
	entered.Wait()
	err := call(u, from("10.0.0.3"), ok)
	if status.Code(err) != codes.ResourceExhausted {
		t.Fatalf("third concurrent call: %v, want RESOURCE_EXHAUSTED", err)
	}
	// A watch is counted apart: it still gets in.
	watch := &grpc.StreamServerInfo{FullMethod: "/t/Watch", IsServerStream: true}
	if err := s[len(s)-1](nil, nil, watch, func(any, grpc.ServerStream) error { return nil }); err != nil {
		t.Fatalf("watch while unary calls are full: %v", err)
	}
	close(hold)
	done.Wait()
	if err := call(u, from("10.0.0.3"), ok); err != nil {
		t.Fatalf("after the calls finished: %v", err)
	}
}

func TestForwardedCallerFromLoopbackOnly(t *testing.T) {
	u, _ := limit.Interceptors(limit.Config{PerCallerRate: 0.001, PerCallerBurst: 1})
	via := func(peerIP, fwd string) context.Context {
		return metadata.NewIncomingContext(from(peerIP), metadata.Pairs("x-forwarded-for", fwd))
	}
	// Two clients behind a local gateway have a bucket each.
	if err := call(u, via("127.0.0.1", "203.0.113.7"), ok); err != nil {
		t.Fatal(err)
	}
	if err := call(u, via("127.0.0.1", "10.0.0.1, 203.0.113.8"), ok); err != nil {
		t.Fatalf("second client behind the gateway: %v", err)
	}
	// The client's own claim comes first and is not believed.
	if err := call(u, via("127.0.0.1", "192.0.2.44, 203.0.113.7"), ok); status.Code(err) != codes.ResourceExhausted {
		t.Fatalf("first client again, claiming another address: %v", err)
	}
	// A remote caller cannot pick its bucket with the header.
	if err := call(u, via("198.51.100.1", "203.0.113.9"), ok); err != nil {
		t.Fatal(err)
	}
	if err := call(u, via("198.51.100.1", "203.0.113.10"), ok); status.Code(err) != codes.ResourceExhausted {
		t.Fatalf("spoofed header from a remote peer: %v", err)
	}
}
