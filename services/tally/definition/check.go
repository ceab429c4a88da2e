package definition

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/mandate-project/mandate/services/tally/definition/schema"
	"github.com/mandate-project/mandate/services/tally/form"
)

// Problem is one thing wrong in a definition file, with where it is.
type Problem struct {
	// Line and Column are 1-based; 0 when the position is unknown.
	Line, Column int
	// Path is the field, e.g. "contests[0].form.relations[1].expression".
	Path    string
	Message string
}

func (p Problem) String() string {
	var b strings.Builder
	if p.Line > 0 {
		fmt.Fprintf(&b, "%d:%d: ", p.Line, p.Column)
	}
	if p.Path != "" {
		b.WriteString(p.Path + ": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

var (
	compiled     *jsonschema.Schema
	compileErr   error
	compileOnce  sync.Once
	yamlLineRule = regexp.MustCompile(`line (\d+)`)
)

func definitionSchema() (*jsonschema.Schema, error) {
	compileOnce.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.JSON))
		if err != nil {
			compileErr = err
			return
		}
		c := jsonschema.NewCompiler()
		if compileErr = c.AddResource(schema.URL, doc); compileErr != nil {
			return
		}
		compiled, compileErr = c.Compile(schema.URL)
	})
	return compiled, compileErr
}

// Check validates a definition file without a server: first against the JSON
// Schema (the shape of every field), then as Parse does (identifiers,
// relations, the unit hierarchy, the CSV mapping). Every problem names its
// field and, where the file says it, the line and column. No problems: the
// file defines an election a tally server accepts (unless the election
// exists there already).
func Check(data []byte) []Problem {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		p := Problem{Message: err.Error()}
		if m := yamlLineRule.FindStringSubmatch(err.Error()); m != nil {
			p.Line, _ = strconv.Atoi(m[1])
		}
		return []Problem{p}
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return []Problem{{Message: "empty document"}}
	}
	doc := root.Content[0]
	sch, err := definitionSchema()
	if err != nil {
		return []Problem{{Message: "the definition schema does not compile: " + err.Error()}}
	}
	if err := sch.Validate(instance(doc)); err != nil {
		var ve *jsonschema.ValidationError
		if !errors.As(err, &ve) {
			return []Problem{{Message: err.Error()}}
		}
		return schemaProblems(doc, ve)
	}
	if _, err := Parse(data); err != nil {
		return []Problem{parseProblem(doc, err)}
	}
	return nil
}

// instance turns a YAML node into the value a JSON Schema validator reads:
// maps, slices, strings, bools, nil and json.Number.
func instance(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) > 0 {
			return instance(n.Content[0])
		}
		return nil
	case yaml.AliasNode:
		return instance(n.Alias)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = instance(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			s = append(s, instance(c))
		}
		return s
	}
	switch n.ShortTag() {
	case "!!int":
		if v, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			return json.Number(strconv.FormatInt(v, 10))
		}
	case "!!float":
		if _, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return json.Number(n.Value)
		}
	case "!!bool":
		var b bool
		if n.Decode(&b) == nil {
			return b
		}
	case "!!null":
		return nil
	}
	return n.Value
}

// locate follows a JSON pointer's tokens through the YAML tree; key is true
// to stop at the last mapping key rather than its value. It returns the
// deepest node reached.
func locate(n *yaml.Node, tokens []string, key bool) *yaml.Node {
	for i, t := range tokens {
		switch n.Kind {
		case yaml.MappingNode:
			next := (*yaml.Node)(nil)
			for j := 0; j+1 < len(n.Content); j += 2 {
				if n.Content[j].Value == t {
					next = n.Content[j+1]
					if key && i == len(tokens)-1 {
						next = n.Content[j]
					}
				}
			}
			if next == nil {
				return n
			}
			n = next
		case yaml.SequenceNode:
			k, err := strconv.Atoi(t)
			if err != nil || k < 0 || k >= len(n.Content) {
				return n
			}
			n = n.Content[k]
		default:
			return n
		}
	}
	return n
}

// fieldPath spells a JSON pointer the way the tally names fields:
// contests[0].form.lines[2].id.
func fieldPath(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		if _, err := strconv.Atoi(t); err == nil {
			b.WriteString("[" + t + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(t)
	}
	return b.String()
}

var english = message.NewPrinter(language.English)

func schemaProblems(doc *yaml.Node, ve *jsonschema.ValidationError) []Problem {
	var leaves []*jsonschema.ValidationError
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			leaves = append(leaves, e)
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	// A value that may be a string or an object (a contest's form) fails
	// both branches; the type complaint is noise when the other branch says
	// what is wrong with the object.
	deeper := func(e *jsonschema.ValidationError) bool {
		for _, o := range leaves {
			if _, isType := o.ErrorKind.(*kind.Type); !isType && len(o.InstanceLocation) >= len(e.InstanceLocation) &&
				slices.Equal(o.InstanceLocation[:len(e.InstanceLocation)], e.InstanceLocation) {
				return true
			}
		}
		return false
	}
	var out []Problem
	seen := map[string]bool{}
	for _, e := range leaves {
		if _, ok := e.ErrorKind.(*kind.Type); ok && deeper(e) {
			continue
		}
		loc := e.InstanceLocation
		msg := e.ErrorKind.LocalizedString(english)
		var n *yaml.Node
		switch k := e.ErrorKind.(type) {
		case *kind.AdditionalProperties:
			// Point at the unknown key itself, and name it in the path.
			loc = append(slices.Clone(loc), k.Properties[0])
			n = locate(doc, loc, true)
			msg = "unknown field"
			if len(k.Properties) > 1 {
				msg = fmt.Sprintf("unknown fields %s", strings.Join(k.Properties, ", "))
			}
		case *kind.Required:
			if len(k.Missing) == 1 {
				n = locate(doc, loc, false)
				loc = append(slices.Clone(loc), k.Missing[0])
				msg = "required field is missing"
			}
		}
		if n == nil {
			n = locate(doc, loc, false)
		}
		p := Problem{Line: n.Line, Column: n.Column, Path: fieldPath(loc), Message: msg}
		if s := p.String(); !seen[s] {
			seen[s] = true
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b Problem) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Column - b.Column
	})
	return out
}

// fieldToken splits "contests[0].form.lines[2].id" into pointer tokens.
var fieldToken = regexp.MustCompile(`[^.\[\]]+`)

// parseProblem places an error of Parse: a *form.FieldError carries its
// field path; Parse's own errors start with it ("contests[0]: kind ...").
func parseProblem(doc *yaml.Node, err error) Problem {
	msg := err.Error()
	path := ""
	var fe *form.FieldError
	if errors.As(err, &fe) {
		path, msg = fe.Field, fe.Message
	} else if prefix, rest, ok := strings.Cut(msg, ": "); ok && !strings.Contains(prefix, " ") {
		path, msg = prefix, rest
	}
	// The API calls the form's turnout turnout_numerator; a file says turnout.
	if pre, ok := strings.CutSuffix(path, "form.turnout_numerator"); ok {
		path = pre + "form.turnout"
	}
	p := Problem{Path: path, Message: msg}
	if path == "" {
		return p
	}
	tokens := fieldToken.FindAllString(path, -1)
	var n *yaml.Node
	if len(tokens) >= 2 && tokens[0] == "units" {
		// The form package numbers units in the flattened hierarchy
		// (parents before their children); find that unit in the nesting.
		if k, err := strconv.Atoi(tokens[1]); err == nil {
			if u := flatUnits(locate(doc, []string{"units"}, false)); k < len(u) {
				n = locate(u[k], tokens[2:], false)
			}
		}
	}
	if n == nil {
		n = locate(doc, tokens, false)
	}
	p.Line, p.Column = n.Line, n.Column
	return p
}

// flatUnits lists the unit nodes in the order Parse flattens them.
func flatUnits(seq *yaml.Node) []*yaml.Node {
	if seq == nil || seq.Kind != yaml.SequenceNode {
		return nil
	}
	var out []*yaml.Node
	for _, u := range seq.Content {
		out = append(out, u)
		out = append(out, flatUnits(locate(u, []string{"children"}, false))...)
	}
	return out
}
