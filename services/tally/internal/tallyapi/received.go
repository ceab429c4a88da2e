package tallyapi

import (
	"runtime"
	"sync"
	"weak"

	"google.golang.org/grpc"
	"google.golang.org/grpc/encoding"
	encproto "google.golang.org/grpc/encoding/proto"
	"google.golang.org/grpc/mem"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
)

// received keeps the bytes of the requests whose changes go into the log,
// exactly as they came off the wire: the server's codec (ServerOptions)
// records them when it decodes a request, and the handler takes them. An
// entry lives until the handler takes it or the request is garbage (a
// request refused before its handler ran), so nothing accumulates.
type received struct {
	m sync.Map // weak.Pointer[T] -> []byte
}

// keep records the bytes a message was decoded from.
func keep[T any](r *received, msg *T, b []byte) {
	k := weak.Make(msg)
	r.m.Store(k, b)
	runtime.AddCleanup(msg, func(k weak.Pointer[T]) { r.m.Delete(k) }, k)
}

// take returns the bytes msg was decoded from, or, when the server does not
// run the recording codec (an in-process test), its deterministic encoding:
// the request as parsed.
func take[T any, P interface {
	*T
	proto.Message
}](r *received, msg P) []byte {
	if v, ok := r.m.LoadAndDelete(weak.Make((*T)(msg))); ok {
		return v.([]byte)
	}
	b, err := proto.MarshalOptions{Deterministic: true}.Marshal(msg)
	if err != nil {
		return nil
	}
	return b
}

// codec is the proto codec, recording the bytes of logged requests.
type codec struct {
	encoding.CodecV2
	r *received
}

func (c codec) Unmarshal(data mem.BufferSlice, v any) error {
	if err := c.CodecV2.Unmarshal(data, v); err != nil {
		return err
	}
	switch m := v.(type) {
	case *tallyv1.SubmitProtocolRequest:
		keep(c.r, m, data.Materialize())
	case *tallyv1.ImportProtocolsRequest:
		keep(c.r, m, data.Materialize())
	case *tallyv1.CreateElectionRequest:
		keep(c.r, m, data.Materialize())
	case *tallyv1.BatchCreateReportingUnitsRequest:
		keep(c.r, m, data.Materialize())
	case *tallyv1.SetContestPhaseRequest:
		keep(c.r, m, data.Materialize())
	}
	return nil
}

// ServerOptions are the options the server must run with for the log to
// hold the exact bytes of each request (without them it holds each
// request's deterministic re-encoding).
func (s *Server) ServerOptions() []grpc.ServerOption {
	return []grpc.ServerOption{grpc.ForceServerCodecV2(codec{CodecV2: encoding.GetCodecV2(encproto.Name), r: s.received})}
}

// importedRows returns, for each row of the rows field of an
// ImportProtocolsRequest as received, the bytes of a ProtocolRows message
// holding that row alone: the message's parent and columns fields and the
// row's field, each exactly as received (their concatenation is itself an
// encoding of ProtocolRows). A row is not a request on its own; with the
// fields it depends on, it is what the tally received for that protocol.
func importedRows(raw []byte) [][]byte {
	var rows []byte // the rows field's contents (several pieces merge)
	walk(raw, func(num protowire.Number, typ protowire.Type, field, value []byte) {
		if num == 2 && typ == protowire.BytesType {
			rows = append(rows, value...)
		}
	})
	var shared []byte
	var each [][]byte
	walk(rows, func(num protowire.Number, typ protowire.Type, field, _ []byte) {
		switch {
		case num == 3 && typ == protowire.BytesType:
			each = append(each, field)
		case num == 1 || num == 2:
			shared = append(shared, field...)
		}
	})
	out := make([][]byte, len(each))
	for i, f := range each {
		out[i] = append(append(make([]byte, 0, len(shared)+len(f)), shared...), f...)
	}
	return out
}

// walk calls fn with each field of a message: its whole encoding and, for
// a length-delimited field, its contents. It stops at malformed input.
func walk(b []byte, fn func(num protowire.Number, typ protowire.Type, field, value []byte)) {
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return
		}
		m := protowire.ConsumeFieldValue(num, typ, b[n:])
		if m < 0 {
			return
		}
		var value []byte
		if typ == protowire.BytesType {
			value, _ = protowire.ConsumeBytes(b[n:])
		}
		fn(num, typ, b[:n+m], value)
		b = b[n+m:]
	}
}

// importedProtocol returns the bytes of the protocol field of an
// ImportProtocolsRequest as received: what SubmitProtocol would have
// received for it. (A message field sent in several pieces is their
// concatenation, which decodes to the merged message.)
func importedProtocol(raw []byte) []byte {
	var out []byte
	walk(raw, func(num protowire.Number, typ protowire.Type, _, value []byte) {
		if num == 1 && typ == protowire.BytesType {
			out = append(out, value...)
		}
	})
	return out
}
