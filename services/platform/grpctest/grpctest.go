// Package grpctest runs a real gRPC server on an in-memory listener for
// tests, so adapters are exercised through real clients without ports.
package grpctest

import (
	"context"
	"net"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/test/bufconn"
)

// Conn starts a grpc.Server with the services register adds, serving on a
// bufconn listener, and returns a client connection to it. Both are stopped
// when the test ends.
func Conn(t testing.TB, register func(*grpc.Server)) *grpc.ClientConn {
	t.Helper()
	return ConnWith(t, nil, register)
}

// ConnWith is Conn with server options (interceptors, limits).
func ConnWith(t testing.TB, opts []grpc.ServerOption, register func(*grpc.Server)) *grpc.ClientConn {
	t.Helper()
	lis := bufconn.Listen(1 << 20)
	srv := grpc.NewServer(opts...)
	register(srv)
	go func() { _ = srv.Serve(lis) }()
	t.Cleanup(srv.Stop)
	conn, err := grpc.NewClient("passthrough:///bufnet",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}
