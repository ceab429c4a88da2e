package gateway

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/types/dynamicpb"

	"github.com/mandate-project/mandate/services/platform/rpcerr"
)

// syntaxError returns the INVALID_JSON of a body that is not exactly one
// JSON value (bad syntax, a comment, a raw control character, a
// form-encoded body, anything after the value), naming the field where the
// syntax broke; nil for a well-formed body. The gateway's decoder reads one
// value and would ignore what follows it, so this runs before it.
func syntaxError(body []byte) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	var v json.RawMessage
	if err := dec.Decode(&v); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return invalidJSON(pathAt(body, int(se.Offset)-1), "not JSON at byte "+strconv.FormatInt(se.Offset, 10)+": "+se.Error())
		}
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return invalidJSON("", "the JSON value is cut short")
		}
		return invalidJSON("", "not JSON: "+err.Error())
	}
	if off := dec.InputOffset(); len(bytes.TrimSpace(body[off:])) > 0 {
		return invalidJSON("", "data after the JSON value at byte "+strconv.FormatInt(off, 10)+"; send exactly one object")
	}
	return nil
}

// jsonError returns the INVALID_JSON of body, which must decode as md:
// the syntax first, then the first field whose value does not decode (an
// unknown field, a wrong type, an unknown enum name, invalid UTF-8), found
// by decoding each member alone with protojson. nil when body decodes.
func jsonError(body []byte, md protoreflect.MessageDescriptor) error {
	if err := syntaxError(body); err != nil {
		return err
	}
	perr := protojson.Unmarshal(body, dynamicpb.NewMessage(md))
	if perr == nil {
		return nil
	}
	if field, desc, ok := walk(body, md, ""); ok {
		return invalidJSON(field, desc)
	}
	return invalidJSON("", perr.Error())
}

// walk finds the first member of the JSON object doc (a message md at path
// prefix) that does not decode, descending into messages, lists and maps so
// the path names the innermost value at fault.
func walk(doc []byte, md protoreflect.MessageDescriptor, prefix string) (string, string, bool) {
	dec := json.NewDecoder(bytes.NewReader(doc))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return prefix, "must be a JSON object", true
	}
	seen := map[protoreflect.FieldNumber]bool{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return prefix, "not JSON", true
		}
		key, _ := t.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return join(prefix, key), "not JSON", true
		}
		f := md.Fields().ByJSONName(key)
		if f == nil {
			f = md.Fields().ByTextName(key)
		}
		if f == nil {
			return join(prefix, snake(key)), "unknown field " + strconv.Quote(key) + " of " + string(md.Name()), true
		}
		path := join(prefix, string(f.Name()))
		if seen[f.Number()] {
			return path, "the field is given twice", true
		}
		seen[f.Number()] = true
		if probe(md, f, v) == nil {
			continue
		}
		if p, d, ok := within(md, f, v, path); ok {
			return p, d, true
		}
		return path, "not a valid " + kindName(f) + ": " + probe(md, f, v).Error(), true
	}
	return "", "", false
}

// within looks for the culprit inside a list, a map or a message value.
func within(md protoreflect.MessageDescriptor, f protoreflect.FieldDescriptor, v json.RawMessage, path string) (string, string, bool) {
	switch {
	case f.IsList():
		var items []json.RawMessage
		if json.Unmarshal(v, &items) != nil {
			return "", "", false
		}
		for i, item := range items {
			p := path + "[" + strconv.Itoa(i) + "]"
			one, _ := json.Marshal([]json.RawMessage{item})
			if perr := probe(md, f, one); perr != nil {
				if m := message(f); m != nil {
					if p2, d, ok := walk(item, m, p); ok {
						return p2, d, true
					}
				}
				return p, "not a valid " + kindName(f) + ": " + perr.Error(), true
			}
		}
	case f.IsMap():
		dec := json.NewDecoder(bytes.NewReader(v))
		if t, err := dec.Token(); err != nil || t != json.Delim('{') {
			return "", "", false
		}
		for dec.More() {
			t, err := dec.Token()
			if err != nil {
				return "", "", false
			}
			key, _ := t.(string)
			var item json.RawMessage
			if dec.Decode(&item) != nil {
				return "", "", false
			}
			p := path + "." + key // map keys are data: kept as spelt
			one, _ := json.Marshal(map[string]json.RawMessage{key: item})
			if perr := probe(md, f, one); perr != nil {
				if m := f.MapValue().Message(); m != nil && !wellKnown(m) {
					if p2, d, ok := walk(item, m, p); ok {
						return p2, d, true
					}
				}
				return p, "not a valid " + f.MapValue().Kind().String() + ": " + perr.Error(), true
			}
		}
	case message(f) != nil:
		return walk(v, message(f), path)
	}
	return "", "", false
}

// probe decodes the one member f: v of a message md.
func probe(md protoreflect.MessageDescriptor, f protoreflect.FieldDescriptor, v []byte) error {
	doc := make([]byte, 0, len(v)+len(f.JSONName())+8)
	doc = append(doc, '{')
	doc = strconv.AppendQuote(doc, f.JSONName())
	doc = append(doc, ':')
	doc = append(doc, v...)
	doc = append(doc, '}')
	return protojson.Unmarshal(doc, dynamicpb.NewMessage(md))
}

// message is f's message type when its JSON is an object of fields.
func message(f protoreflect.FieldDescriptor) protoreflect.MessageDescriptor {
	if m := f.Message(); m != nil && !f.IsMap() && !wellKnown(m) {
		return m
	}
	return nil
}

// wellKnown types (Timestamp, Duration, wrappers, Struct) have JSON forms
// of their own: their values are leaves.
func wellKnown(m protoreflect.MessageDescriptor) bool {
	return strings.HasPrefix(string(m.FullName()), "google.protobuf.")
}

func kindName(f protoreflect.FieldDescriptor) string {
	switch {
	case f.Enum() != nil:
		return string(f.Enum().Name()) + " name"
	case f.Message() != nil:
		return string(f.Message().Name())
	}
	return f.Kind().String()
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// snakePath turns a query key (a dotted path of JSON or proto names) into
// the field path the API uses.
func snakePath(key string) string {
	parts := strings.Split(key, ".")
	for i, p := range parts {
		parts[i] = snake(p)
	}
	return strings.Join(parts, ".")
}

// bodyError is the INVALID_JSON of a body that did not decode into m.
func bodyError(body []byte, m proto.Message, err error) error {
	if jerr := jsonError(body, m.ProtoReflect().Descriptor()); jerr != nil {
		return jerr
	}
	return rpcerr.Invalid("request body does not decode: " + err.Error())
}
