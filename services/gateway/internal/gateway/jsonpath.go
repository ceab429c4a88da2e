package gateway

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode"

	"google.golang.org/protobuf/reflect/protoreflect"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
)

// mapFields holds the JSON names of every map field of the API's messages
// (`lines`, `votes`...): under them, keys are data (line and choice ids)
// and keep their spelling in a field path.
var mapFields = func() map[string]bool {
	m := map[string]bool{}
	seen := map[protoreflect.FullName]bool{}
	var walk func(md protoreflect.MessageDescriptor)
	walk = func(md protoreflect.MessageDescriptor) {
		if seen[md.FullName()] {
			return
		}
		seen[md.FullName()] = true
		fs := md.Fields()
		for i := range fs.Len() {
			f := fs.Get(i)
			if f.IsMap() {
				m[f.JSONName()] = true
			}
			if f.Message() != nil && !f.IsMap() {
				walk(f.Message())
			}
		}
		for i := range md.Messages().Len() {
			walk(md.Messages().Get(i))
		}
	}
	for _, fd := range []protoreflect.FileDescriptor{tallyv1.File_mandate_tally_v1_tally_service_proto, seatsv1.File_mandate_seats_v1_seats_service_proto} {
		for i := range fd.Messages().Len() {
			walk(fd.Messages().Get(i))
		}
	}
	return m
}()

type jsonFrame struct {
	array   bool
	key     string // object: the key of the current member
	index   int    // array: the index of the current element
	wantKey bool   // object: the next string token is a key
}

// pathAt returns the field path ("parties[0].votes", "lines.valid") of the
// JSON value at byte offset off, as far as the document can be read; "" for
// the top level. encoding/json reports where the syntax broke as a byte
// offset; this turns that into the field path a client can act on.
func pathAt(doc []byte, off int) string {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var stack []jsonFrame
	valueDone := func() {
		if n := len(stack); n > 0 {
			if stack[n-1].array {
				stack[n-1].index++
			} else {
				stack[n-1].wantKey = true
			}
		}
	}
	for {
		start := int(dec.InputOffset())
		tok, err := dec.Token()
		if err != nil {
			return render(stack) // end of input, or the syntax error is here
		}
		if int(dec.InputOffset()) > off && start <= off {
			if s, ok := tok.(string); ok && len(stack) > 0 && !stack[len(stack)-1].array && stack[len(stack)-1].wantKey {
				stack[len(stack)-1].key = s // the offset is on a key: that member
			}
			return render(stack)
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				stack = append(stack, jsonFrame{wantKey: true})
			case '[':
				stack = append(stack, jsonFrame{array: true})
			case '}', ']':
				stack = stack[:len(stack)-1]
				valueDone()
			}
		default:
			if n := len(stack); n > 0 && !stack[n-1].array && stack[n-1].wantKey {
				stack[n-1].key, stack[n-1].wantKey = t.(string), false
				continue
			}
			valueDone()
		}
	}
}

func render(stack []jsonFrame) string {
	var b strings.Builder
	for i, f := range stack {
		switch {
		case f.array:
			b.WriteString("[" + strconv.Itoa(f.index) + "]")
		case f.key != "":
			data := i > 0 && !stack[i-1].array && mapFields[stack[i-1].key]
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			if data {
				b.WriteString(f.key)
			} else {
				b.WriteString(snake(f.key))
			}
		}
	}
	return b.String()
}

// snake turns a JSON (lowerCamelCase) name into the proto field name used in
// every field path of the API (requestId → request_id).
func snake(key string) string {
	var b strings.Builder
	for i, r := range key {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}
