package grpcserver

import (
	"strconv"
	"unicode"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
)

// ControlCharacter reports the index of the first control character of s
// that a text field may not hold, -1 when there is none: NUL and every other
// C0 and C1 control and DEL. TAB, LF and CR are text (a multi-line
// description) and allowed here; fields that are one line (ids, request
// ids) refuse them too, in their own checks. A NUL cannot be stored in a
// PostgreSQL text column, and the others corrupt logs and terminals.
func ControlCharacter(s string) int {
	for i, r := range s {
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			return i
		}
	}
	return -1
}

// controlFailure returns INVALID_ARGUMENT (CONTROL_CHARACTER) naming the
// first string field of req, map keys included, that holds a control
// character; nil when none does. It walks the message by its descriptor, so
// every field of every request shape is covered without a list to keep.
func controlFailure(req any) error {
	m, ok := req.(proto.Message)
	if !ok {
		return nil
	}
	path := controlIn(m.ProtoReflect(), "")
	if path == "" {
		return nil
	}
	return rpcerr.InvalidAs(rpcv1.ErrorReason_CONTROL_CHARACTER, "", rpcerr.Violation{Field: path,
		Reason: rpcv1.ErrorReason_CONTROL_CHARACTER.String(), Description: "a text field must not hold NUL or another control character"})
}

// controlIn returns the path of the first field of m holding a control
// character, "" when there is none.
func controlIn(m protoreflect.Message, prefix string) string {
	found := ""
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		path := join(prefix, string(fd.Name()))
		switch {
		case fd.IsMap():
			v.Map().Range(func(k protoreflect.MapKey, mv protoreflect.Value) bool {
				key := k.String()
				if fd.MapKey().Kind() == protoreflect.StringKind && ControlCharacter(key) >= 0 {
					found = path
					return false
				}
				found = controlValue(fd.MapValue(), mv, join(path, key))
				return found == ""
			})
		case fd.IsList():
			l := v.List()
			for i := 0; i < l.Len() && found == ""; i++ {
				found = controlValue(fd, l.Get(i), path+"["+strconv.Itoa(i)+"]")
			}
		default:
			found = controlValue(fd, v, path)
		}
		return found == ""
	})
	return found
}

func controlValue(fd protoreflect.FieldDescriptor, v protoreflect.Value, path string) string {
	switch {
	case fd.Kind() == protoreflect.StringKind:
		if ControlCharacter(v.String()) >= 0 {
			return path
		}
	case fd.Message() != nil:
		return controlIn(v.Message(), path)
	}
	return ""
}
