package grpcserver_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/mandate-project/mandate/services/platform/grpcserver"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
)

// raw sends bytes as they are: what a client with a broken encoder, or an
// attacker, puts on the wire.
type raw struct{}

func (raw) Name() string { return "proto" }
func (raw) Marshal(v any) ([]byte, error) {
	return *v.(*[]byte), nil
}
func (raw) Unmarshal(b []byte, v any) error {
	*v.(*[]byte) = append([]byte(nil), b...)
	return nil
}

// serve runs a grpcserver with the health service and returns a client
// connection and the buffer its log goes to.
func serve(t *testing.T) (*grpc.ClientConn, *syncWriter) {
	t.Helper()
	logs := &syncWriter{b: &bytes.Buffer{}}
	srv := grpcserver.New(slog.New(slog.NewJSONHandler(logs, nil)),
		grpcserver.Config{MaxRecvBytes: 1 << 20, MaxSendBytes: 1 << 20, Drain: time.Second})
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { _ = srv.Serve(ctx, lis); close(done) }()
	t.Cleanup(func() { stop(); <-done })
	conn, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn, logs
}

// TestUndecodableRequests: a request whose string field is not UTF-8, or
// that is not protobuf at all, is the client's mistake: INVALID_ARGUMENT
// naming the field, with its ErrorInfo, not grpc-go's INTERNAL. A call of a
// method the server does not have is UNIMPLEMENTED with its ErrorInfo.
func TestUndecodableRequests(t *testing.T) {
	conn, _ := serve(t)
	tests := []struct {
		name, method string
		body         []byte
		code         codes.Code
		reason       string
		field        string
	}{
		{"invalid UTF-8", "/grpc.health.v1.Health/Check", []byte("\x0a\x02a\xff"), codes.InvalidArgument, "INVALID_UTF8", "service"},
		{"not protobuf", "/grpc.health.v1.Health/Check", []byte("\xff\xff\xff\xff"), codes.InvalidArgument, "INVALID_PROTOBUF", ""},
		{"cut short", "/grpc.health.v1.Health/Check", []byte("\x0a\x09abc"), codes.InvalidArgument, "INVALID_PROTOBUF", "service"},
		{"unknown method", "/grpc.health.v1.Health/Nope", nil, codes.Unimplemented, "METHOD_NOT_FOUND", ""},
		{"NUL", "/grpc.health.v1.Health/Check", []byte("\x0a\x03a\x00b"), codes.InvalidArgument, "CONTROL_CHARACTER", "service"},
		{"escape", "/grpc.health.v1.Health/Check", []byte("\x0a\x02\x1b["), codes.InvalidArgument, "CONTROL_CHARACTER", "service"},
		{"C1 control", "/grpc.health.v1.Health/Check", []byte("\x0a\x02\xc2\x85"), codes.InvalidArgument, "CONTROL_CHARACTER", "service"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, out := tt.body, []byte(nil)
			err := conn.Invoke(context.Background(), tt.method, &in, &out, grpc.ForceCodec(raw{}))
			st := status.Convert(err)
			if st.Code() != tt.code {
				t.Fatalf("got %v, want %v", err, tt.code)
			}
			if cerr := rpcerr.Check(st); cerr != nil {
				t.Fatal(cerr)
			}
			field := ""
			for _, d := range st.Details() {
				if br, ok := d.(*errdetails.BadRequest); ok {
					field = br.GetFieldViolations()[0].GetField()
				}
				if info, ok := d.(*errdetails.ErrorInfo); ok && info.GetReason() != tt.reason {
					t.Errorf("reason %q, want %q", info.GetReason(), tt.reason)
				}
			}
			if field != tt.field {
				t.Errorf("field %q, want %q", field, tt.field)
			}
		})
	}
	// The health service itself still answers well-formed calls.
	if _, err := healthpb.NewHealthClient(conn).Check(context.Background(), &healthpb.HealthCheckRequest{}); err != nil {
		t.Fatal(err)
	}
	// A library's own answer (the health service's NOT_FOUND for an unknown
	// service) gets its ErrorInfo too.
	_, err := healthpb.NewHealthClient(conn).Check(context.Background(), &healthpb.HealthCheckRequest{Service: "nope"})
	if cerr := rpcerr.Check(status.Convert(err)); status.Code(err) != codes.NotFound || cerr != nil {
		t.Fatalf("%v: %v", err, cerr)
	}
}

// TestRequestIDInEveryLogLine: the finished-call line names the caller's
// request id, once.
func TestRequestIDInEveryLogLine(t *testing.T) {
	conn, logs := serve(t)
	ctx := metadata.AppendToOutgoingContext(context.Background(), "x-request-id", "rid-42")
	if _, err := healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond) // the line is written after the answer
	found := false
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		if !strings.Contains(line, "grpc.method") {
			continue
		}
		found = true
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		if m["request_id"] != "rid-42" || strings.Count(line, `"request_id"`) != 1 {
			t.Errorf("log line without its request id, or with it twice: %s", line)
		}
	}
	if !found {
		t.Fatalf("no call logged: %s", logs.String())
	}
}

// syncWriter lets the server's goroutines log into one buffer.
type syncWriter struct {
	mu sync.Mutex
	b  *bytes.Buffer
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (w *syncWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

func TestControlCharacter(t *testing.T) {
	for s, want := range map[string]int{"": -1, "plain": -1, "two\nlines\tand\r": -1, "a\x00": 1, "\x7f": 0, "é\u0085": 2, "ok\u200b": -1} {
		if got := grpcserver.ControlCharacter(s); got != want {
			t.Errorf("ControlCharacter(%q) = %d, want %d", s, got, want)
		}
	}
}
