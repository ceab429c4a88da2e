package grpcserver

import (
	"context"
	"strconv"
	"strings"
	"unicode/utf8"

	"google.golang.org/grpc"
	"google.golang.org/grpc/encoding"
	"google.golang.org/grpc/mem"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
)

// DecodeOptions make a request that does not decode (invalid UTF-8 in a
// string field, bytes that are not protobuf) INVALID_ARGUMENT naming the
// field, as the client's mistake it is. grpc-go itself reports a codec's
// failure as INTERNAL before any interceptor runs, so the codec here does not
// fail: it leaves the message empty with the failure recorded in a reserved
// unknown field, and the interceptors, which run before anything reads the
// request, answer with the error. New installs them; grpctest does too.
func DecodeOptions() []grpc.ServerOption {
	return []grpc.ServerOption{
		grpc.ForceServerCodecV2(decodeCodec{base: encoding.GetCodecV2("proto")}),
		grpc.ChainUnaryInterceptor(func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
			if err := decodeFailure(req); err != nil {
				return nil, err
			}
			// A stream's messages are not checked here: an import stream
			// refuses a row with a control character by itself, in the
			// service, so that the other rows are stored.
			if err := controlFailure(req); err != nil {
				return nil, err
			}
			return h(ctx, req)
		}),
		grpc.ChainStreamInterceptor(func(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, h grpc.StreamHandler) error {
			return h(srv, decodeStream{ss})
		}),
	}
}

// failureField is the field number that carries a decoding failure from the
// codec to the interceptor: the largest valid one, which no Mandate message
// uses.
const failureField = protowire.MaxValidNumber

type decodeCodec struct{ base encoding.CodecV2 }

func (c decodeCodec) Name() string                           { return c.base.Name() }
func (c decodeCodec) Marshal(v any) (mem.BufferSlice, error) { return c.base.Marshal(v) }
func (c decodeCodec) Unmarshal(data mem.BufferSlice, v any) error {
	err := c.base.Unmarshal(data, v)
	m, ok := v.(proto.Message)
	if err == nil || !ok {
		return err
	}
	field, reason := locate(data.Materialize(), m.ProtoReflect().Descriptor(), "")
	if reason == 0 {
		reason = rpcv1.ErrorReason_INVALID_PROTOBUF
	}
	proto.Reset(m)
	b := protowire.AppendTag(nil, failureField, protowire.BytesType)
	b = protowire.AppendString(b, reason.String()+" "+field)
	m.ProtoReflect().SetUnknown(b)
	return nil
}

// decodeFailure returns the INVALID_ARGUMENT that the codec recorded in
// req, nil when req decoded.
func decodeFailure(req any) error {
	m, ok := req.(proto.Message)
	if !ok {
		return nil
	}
	b := m.ProtoReflect().GetUnknown()
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return nil
		}
		b = b[n:]
		if num == failureField && typ == protowire.BytesType {
			v, _ := protowire.ConsumeString(b)
			name, field, _ := strings.Cut(v, " ")
			reason := rpcv1.ErrorReason(rpcv1.ErrorReason_value[name])
			desc := "the request is not valid protobuf"
			if reason == rpcv1.ErrorReason_INVALID_UTF8 {
				desc = "a string field must be valid UTF-8"
			}
			return rpcerr.InvalidAs(reason, "", rpcerr.Violation{Field: field, Reason: reason.String(), Description: desc})
		}
		n = protowire.ConsumeFieldValue(num, typ, b)
		if n < 0 {
			return nil
		}
		b = b[n:]
	}
	return nil
}

type decodeStream struct{ grpc.ServerStream }

func (s decodeStream) RecvMsg(m any) error {
	if err := s.ServerStream.RecvMsg(m); err != nil {
		return err
	}
	return decodeFailure(m)
}

// locate walks the wire bytes b of a message of type md and returns the
// path of the first field that cannot decode and why: a string (or map key)
// that is not UTF-8, or bytes that are not protobuf. It reads the wire
// format itself because protobuf-go's errors name no field.
func locate(b []byte, md protoreflect.MessageDescriptor, prefix string) (string, rpcv1.ErrorReason) {
	counts := map[protowire.Number]int{}
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return prefix, rpcv1.ErrorReason_INVALID_PROTOBUF
		}
		b = b[n:]
		fd := md.Fields().ByNumber(num)
		path := prefix
		if fd != nil {
			path = join(prefix, string(fd.Name()))
			if fd.IsList() {
				path += "[" + strconv.Itoa(counts[num]) + "]"
				counts[num]++
			}
		}
		n = protowire.ConsumeFieldValue(num, typ, b)
		if n < 0 {
			return path, rpcv1.ErrorReason_INVALID_PROTOBUF
		}
		value := b[:n]
		b = b[n:]
		if fd == nil || typ != protowire.BytesType {
			continue
		}
		v, _ := protowire.ConsumeBytes(value)
		switch {
		case fd.IsMap():
			if p, r := locateEntry(v, fd, path); r != 0 {
				return p, r
			}
		case fd.Kind() == protoreflect.StringKind:
			if !utf8.Valid(v) {
				return path, rpcv1.ErrorReason_INVALID_UTF8
			}
		case fd.Message() != nil:
			if p, r := locate(v, fd.Message(), path); r != 0 {
				return p, r
			}
		}
	}
	return prefix, 0
}

// locateEntry is locate for one map entry: a path names the entry by its key
// ("lines.valid"), as the API's field paths do.
func locateEntry(b []byte, fd protoreflect.FieldDescriptor, path string) (string, rpcv1.ErrorReason) {
	key := ""
	var val []byte
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return path, rpcv1.ErrorReason_INVALID_PROTOBUF
		}
		b = b[n:]
		n = protowire.ConsumeFieldValue(num, typ, b)
		if n < 0 {
			return path, rpcv1.ErrorReason_INVALID_PROTOBUF
		}
		if typ == protowire.BytesType {
			v, _ := protowire.ConsumeBytes(b[:n])
			switch num {
			case 1:
				if fd.MapKey().Kind() == protoreflect.StringKind && !utf8.Valid(v) {
					return path, rpcv1.ErrorReason_INVALID_UTF8
				}
				key = string(v)
			case 2:
				val = v
			}
		}
		b = b[n:]
	}
	vd := fd.MapValue()
	switch {
	case vd.Kind() == protoreflect.StringKind && val != nil && !utf8.Valid(val):
		return join(path, key), rpcv1.ErrorReason_INVALID_UTF8
	case vd.Message() != nil && val != nil:
		return locate(val, vd.Message(), join(path, key))
	}
	return path, 0
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}
