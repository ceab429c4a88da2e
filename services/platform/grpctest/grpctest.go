// Package grpctest runs a real gRPC server on an in-memory listener for
// tests, so adapters are exercised through real clients without ports. The
// server enforces the error contract: a test fails when any call answers
// with a status that does not carry exactly one ErrorInfo with a published
// reason (rpcerr.Check).
package grpctest

import (
	"context"
	"io"
	"net"
	"sync"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/test/bufconn"

	"github.com/mandate-project/mandate/services/platform/grpcserver"
	"github.com/mandate-project/mandate/services/platform/requestid"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
)

// Conn starts a grpc.Server with the services register adds, serving on a
// bufconn listener, and returns a client connection to it. Both are stopped
// when the test ends.
func Conn(t testing.TB, register func(*grpc.Server)) *grpc.ClientConn {
	t.Helper()
	return ConnWith(t, nil, register)
}

// ConnWith is Conn with server options (interceptors, limits). The error
// contract check is the outermost interceptor, so it sees the answers of the
// given interceptors (authorization, limits) as well as the handlers'; the
// server decodes requests as grpcserver's does (grpcserver.DecodeOptions).
func ConnWith(t testing.TB, opts []grpc.ServerOption, register func(*grpc.Server)) *grpc.ClientConn {
	t.Helper()
	lis := bufconn.Listen(1 << 20)
	all := append(ContractOptions(t), grpcserver.DecodeOptions()...)
	srv := grpc.NewServer(append(all, opts...)...)
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

// ContractOptions are the interceptors that fail t when a call's status
// breaks the error contract. Put them first so they are the outermost.
func ContractOptions(t testing.TB) []grpc.ServerOption {
	c := &contract{t: t}
	t.Cleanup(c.stop)
	return []grpc.ServerOption{
		grpc.ChainUnaryInterceptor(func(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
			resp, err := h(ctx, req)
			c.check(info.FullMethod, err)
			return resp, err
		}),
		grpc.ChainStreamInterceptor(func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, h grpc.StreamHandler) error {
			err := h(srv, ss)
			c.check(info.FullMethod, err)
			return err
		}),
	}
}

type contract struct {
	t      testing.TB
	mu     sync.Mutex
	done   bool     // the test has ended: a late call must not report
	broken []string // for a fuzz test, which may not fail inside its target
}

func (c *contract) check(method string, err error) {
	if err == nil {
		return
	}
	if cerr := rpcerr.Check(status.Convert(err)); cerr != nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		switch {
		case c.done:
		case isFuzz(c.t):
			c.broken = append(c.broken, method+": "+cerr.Error())
		default:
			c.t.Errorf("error contract broken by %s: %v", method, cerr)
		}
	}
}

func isFuzz(t testing.TB) bool {
	_, ok := t.(*testing.F)
	return ok
}

func (c *contract) stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.done = true
	for _, b := range c.broken {
		c.t.Errorf("error contract broken by %s", b)
	}
}

// ClientContractOptions are dial options that fail t when a server's answer
// breaks the error contract, for tests of real daemons (the e2e suite).
// Only answers of a server count: one that handled the call sent its
// x-request-id header; a client's own errors (its deadline, a refused
// connection) carry none and are not checked.
func ClientContractOptions(t testing.TB) []grpc.DialOption {
	c := &contract{t: t}
	t.Cleanup(c.stop)
	return []grpc.DialOption{
		grpc.WithChainUnaryInterceptor(func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
			var hdr, trl metadata.MD
			err := invoker(ctx, method, req, reply, cc, append(opts, grpc.Header(&hdr), grpc.Trailer(&trl))...)
			if err != nil && len(hdr.Get(requestid.Header))+len(trl.Get(requestid.Header)) > 0 {
				c.check(method, err)
			}
			return err
		}),
		grpc.WithChainStreamInterceptor(func(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
			cs, err := streamer(ctx, desc, cc, method, opts...)
			if err != nil {
				return nil, err
			}
			return &checkedStream{ClientStream: cs, c: c, method: method}, nil
		}),
	}
}

type checkedStream struct {
	grpc.ClientStream
	c      *contract
	method string
}

func (s *checkedStream) RecvMsg(m any) error {
	err := s.ClientStream.RecvMsg(m)
	if err != nil && err != io.EOF {
		hdr, _ := s.Header()
		if len(hdr.Get(requestid.Header))+len(s.Trailer().Get(requestid.Header)) > 0 {
			s.c.check(s.method, err)
		}
	}
	return err
}
