package auth

import (
	"strconv"
	"strings"
	"sync"

	"google.golang.org/genproto/googleapis/api/annotations"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"
)

// Target is one election and unit a request acts on, with the path of the
// field that names them ("rows.rows[3].station").
type Target struct {
	Field    string
	Election string // "" when the field's value is not a well-formed name
	Unit     string // "" when the name has no {unit} part
}

// ResourceTargets is the Targets function of a service whose resource
// names carry {election} and {unit} variables: it walks the request by
// reflection, every field at every depth and every element of every
// repeated field, and returns one Target per string field that holds a
// resource name. Which fields those are comes from the descriptors alone:
//
//   - a field with a google.api.resource_reference (its type's patterns);
//   - the name of an embedded resource (the message's google.api.resource);
//   - an AIP-133 "{singular}_id" beside a field of that resource's type;
//   - any other field called name or parent: the name is read only as far
//     as elections/{election}.
//
// So a field added to a request, or a new kind of message in a stream, is
// covered without a rule of its own; the access test checks this against
// every method of the service descriptors.
func ResourceTargets(req any) []Target {
	m, ok := req.(proto.Message)
	if !ok {
		return nil
	}
	var out []Target
	walk(m.ProtoReflect(), "", &out)
	return out
}

func walk(m protoreflect.Message, prefix string, out *[]Target) {
	for _, f := range planOf(m.Descriptor()) {
		if !m.Has(f.fd) {
			continue
		}
		path := prefix + string(f.fd.Name())
		v := m.Get(f.fd)
		switch {
		case f.fd.IsList() && f.fd.Message() != nil:
			l := v.List()
			for i := range l.Len() {
				walk(l.Get(i).Message(), path+"["+strconv.Itoa(i)+"].", out)
			}
		case f.fd.IsMap() && f.fd.MapValue().Message() != nil:
			v.Map().Range(func(k protoreflect.MapKey, mv protoreflect.Value) bool {
				walk(mv.Message(), path+"["+strconv.Quote(k.String())+"].", out)
				return true
			})
		case f.fd.Message() != nil:
			walk(v.Message(), path+".", out)
		case f.fd.IsList():
			l := v.List()
			for i := range l.Len() {
				*out = append(*out, f.target(m, path+"["+strconv.Itoa(i)+"]", l.Get(i).String()))
			}
		default:
			*out = append(*out, f.target(m, path, v.String()))
		}
	}
}

// field is how one field of a message is read: a message to walk, or a
// string holding a name of one of patterns.
type field struct {
	fd       protoreflect.FieldDescriptor
	patterns []string
	// idOf: the field is an AIP-133 id; its name is the pattern with the
	// id as the last variable, under the message's parent field.
	idOf bool
}

func (f field) target(m protoreflect.Message, path, value string) Target {
	t := Target{Field: path}
	if value == "" {
		return t
	}
	if f.idOf {
		if p := m.Descriptor().Fields().ByName("parent"); p != nil && m.Get(p).String() != "" {
			value = m.Get(p).String() + "/" + lastCollection(f.patterns[0]) + "/" + value
		} else {
			value = lastCollection(f.patterns[0]) + "/" + value
		}
	}
	for _, p := range f.patterns {
		if vars, ok := match(p, value); ok {
			t.Election, t.Unit = vars["election"], vars["unit"]
			return t
		}
	}
	return t
}

// electionPrefix is how a name or parent without a declared resource type
// is read: only its election.
const electionPrefix = "elections/{election}/**"

// match reads value against a resource pattern ("elections/{election}/
// units/{unit}"); "**" at the end matches any rest. Variables must be
// non-empty single segments.
func match(pattern, value string) (map[string]string, bool) {
	ps, vs := strings.Split(pattern, "/"), strings.Split(value, "/")
	vars := map[string]string{}
	for i, p := range ps {
		if p == "**" {
			return vars, len(vs) > i
		}
		if i >= len(vs) {
			return nil, false
		}
		if name, ok := strings.CutPrefix(p, "{"); ok {
			if vs[i] == "" {
				return nil, false
			}
			vars[strings.TrimSuffix(name, "}")] = vs[i]
			continue
		}
		if p != vs[i] {
			return nil, false
		}
	}
	return vars, len(ps) == len(vs)
}

func lastCollection(pattern string) string {
	ps := strings.Split(pattern, "/")
	if len(ps) < 2 {
		return ""
	}
	return ps[len(ps)-2]
}

var plans sync.Map // protoreflect.FullName -> []field

// planOf is the fields of md that can hold or lead to a name, computed once
// per message type.
func planOf(md protoreflect.MessageDescriptor) []field {
	if p, ok := plans.Load(md.FullName()); ok {
		return p.([]field)
	}
	var plan []field
	fds := md.Fields()
	for i := range fds.Len() {
		fd := fds.Get(i)
		switch {
		case fd.Message() != nil && fd.IsMap():
			if fd.MapValue().Message() != nil {
				plan = append(plan, field{fd: fd})
			}
		case fd.Message() != nil:
			plan = append(plan, field{fd: fd})
		case fd.Kind() == protoreflect.StringKind:
			if f, ok := nameField(md, fd); ok {
				plan = append(plan, f)
			}
		}
	}
	plans.Store(md.FullName(), plan)
	return plan
}

// nameField classifies a string field by the rules of ResourceTargets.
func nameField(md protoreflect.MessageDescriptor, fd protoreflect.FieldDescriptor) (field, bool) {
	if ref, ok := proto.GetExtension(fd.Options(), annotations.E_ResourceReference).(*annotations.ResourceReference); ok && ref != nil {
		if ps := resourcePatterns()[ref.GetType()]; len(ps) > 0 {
			return field{fd: fd, patterns: ps}, true
		}
		if ref.GetChildType() != "" || ref.GetType() != "" {
			return field{fd: fd, patterns: []string{electionPrefix}}, true
		}
	}
	if fd.Name() == "name" {
		if res, ok := proto.GetExtension(md.Options(), annotations.E_Resource).(*annotations.ResourceDescriptor); ok && res != nil && len(res.GetPattern()) > 0 {
			return field{fd: fd, patterns: res.GetPattern()}, true
		}
	}
	if singular, ok := strings.CutSuffix(string(fd.Name()), "_id"); ok {
		if sib := md.Fields().ByName(protoreflect.Name(singular)); sib != nil && sib.Message() != nil {
			if res, ok := proto.GetExtension(sib.Message().Options(), annotations.E_Resource).(*annotations.ResourceDescriptor); ok && res != nil && len(res.GetPattern()) > 0 {
				return field{fd: fd, patterns: res.GetPattern(), idOf: true}, true
			}
		}
	}
	if fd.Name() == "name" || fd.Name() == "parent" {
		return field{fd: fd, patterns: []string{electionPrefix}}, true
	}
	return field{}, false
}

// resourcePatterns is every resource type's patterns, from the messages and
// files linked into the binary.
var resourcePatterns = sync.OnceValue(func() map[string][]string {
	out := map[string][]string{}
	add := func(r *annotations.ResourceDescriptor) {
		if r != nil && r.GetType() != "" {
			out[r.GetType()] = r.GetPattern()
		}
	}
	var msgs func(ms protoreflect.MessageDescriptors)
	msgs = func(ms protoreflect.MessageDescriptors) {
		for i := range ms.Len() {
			r, _ := proto.GetExtension(ms.Get(i).Options(), annotations.E_Resource).(*annotations.ResourceDescriptor)
			add(r)
			msgs(ms.Get(i).Messages())
		}
	}
	protoregistry.GlobalFiles.RangeFiles(func(f protoreflect.FileDescriptor) bool {
		defs, _ := proto.GetExtension(f.Options(), annotations.E_ResourceDefinition).([]*annotations.ResourceDescriptor)
		for _, r := range defs {
			add(r)
		}
		msgs(f.Messages())
		return true
	})
	return out
})

// NameFields is the paths of the fields ResourceTargets reads in messages
// of type md ("rows.rows.station": no indexes), for tests that check every
// kind of request against the access rules.
func NameFields(md protoreflect.MessageDescriptor) []string {
	var out []string
	var visit func(md protoreflect.MessageDescriptor, prefix string, seen map[protoreflect.FullName]bool)
	visit = func(md protoreflect.MessageDescriptor, prefix string, seen map[protoreflect.FullName]bool) {
		if seen[md.FullName()] {
			return
		}
		seen[md.FullName()] = true
		defer delete(seen, md.FullName())
		for _, f := range planOf(md) {
			path := prefix + string(f.fd.Name())
			switch {
			case f.fd.IsMap():
				visit(f.fd.MapValue().Message(), path+".", seen)
			case f.fd.Message() != nil:
				visit(f.fd.Message(), path+".", seen)
			default:
				out = append(out, path)
			}
		}
	}
	visit(md, "", map[protoreflect.FullName]bool{})
	return out
}
