package form

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// The relation grammar is deliberately small:
//
//	relation := side op side
//	op       := "=" | "==" | ">=" | "<=" | ">" | "<"
//	side     := ["+" | "-"] term {("+" | "-") term}
//	term     := integer ["*" atom] | atom
//	atom     := identifier | "sum(choices)"
//
// An identifier is a line ID or a choice ID. A hyphen directly between two
// identifier characters belongs to the identifier (choice IDs such as
// "nur-otan"), so write a minus with spaces around it: "a - b".

type cmpOp int

const (
	opEQ cmpOp = iota
	opGE
	opLE
	opGT
	opLT
)

var opText = map[cmpOp]string{opEQ: "=", opGE: ">=", opLE: "<=", opGT: ">", opLT: "<"}

type cterm struct {
	idx  int // index into the value vector: lines, then choices
	coef int64
}

// linear is sum(coef*value) + constant.
type linear struct {
	terms    []cterm
	constant int64
}

type compiledRelation struct {
	Relation
	left, right linear
	op          cmpOp
	ids         []string // identifiers involved, in order of appearance
}

type token struct {
	kind string // "int", "ident", "op", "+", "-", "*", "(", ")"
	text string
	pos  int
}

func tokenize(s string) ([]token, error) {
	var toks []token
	isIdent := func(c byte) bool {
		return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j < len(s) && isIdent(s[j]) {
				return nil, fmt.Errorf("at %d: identifier cannot start with a digit", i)
			}
			toks = append(toks, token{"int", s[i:j], i})
			i = j
		case isIdent(c):
			j := i
			for j < len(s) && (isIdent(s[j]) || s[j] == '-' && j+1 < len(s) && isIdent(s[j+1]) && j > i) {
				j++
			}
			toks = append(toks, token{"ident", s[i:j], i})
			i = j
		case c == '>' || c == '<' || c == '=':
			j := i + 1
			if j < len(s) && s[j] == '=' {
				j++
			}
			toks = append(toks, token{"op", s[i:j], i})
			i = j
		case c == '+' || c == '-' || c == '*' || c == '(' || c == ')':
			toks = append(toks, token{string(c), string(c), i})
			i++
		default:
			return nil, fmt.Errorf("at %d: unexpected character %q", i, c)
		}
	}
	return toks, nil
}

// resolver maps an identifier to its value index.
type resolver interface {
	resolve(id string) (int, bool)
	ChoiceIndexes() []int
}

type parser struct {
	toks []token
	i    int
	r    resolver
	ids  []string
	seen map[string]bool
}

func (p *parser) peek() *token {
	if p.i < len(p.toks) {
		return &p.toks[p.i]
	}
	return nil
}

func (p *parser) note(id string) {
	if !p.seen[id] {
		p.seen[id] = true
		p.ids = append(p.ids, id)
	}
}

// parseRelation compiles an expression; errors are *FieldError on field "expression".
func parseRelation(expr string, r resolver) (left, right linear, op cmpOp, ids []string, err error) {
	toks, terr := tokenize(expr)
	if terr != nil {
		return left, right, 0, nil, NewFieldError("expression", "INVALID_EXPRESSION", "%q: %v", expr, terr)
	}
	p := &parser{toks: toks, r: r, seen: map[string]bool{}}
	if left, err = p.side(); err != nil {
		return
	}
	t := p.peek()
	if t == nil || t.kind != "op" {
		return left, right, 0, nil, p.errf(t, "expected a comparison (=, >=, <=, >, <)")
	}
	switch t.text {
	case "=", "==":
		op = opEQ
	case ">=":
		op = opGE
	case "<=":
		op = opLE
	case ">":
		op = opGT
	case "<":
		op = opLT
	default:
		return left, right, 0, nil, p.errf(t, "unknown comparison %q", t.text)
	}
	p.i++
	if right, err = p.side(); err != nil {
		return
	}
	if t := p.peek(); t != nil {
		return left, right, 0, nil, p.errf(t, "unexpected %q", t.text)
	}
	if len(left.terms) == 0 && len(right.terms) == 0 {
		return left, right, 0, nil, NewFieldError("expression", "INVALID_EXPRESSION", "%q compares constants only", expr)
	}
	return left, right, op, p.ids, nil
}

func (p *parser) errf(t *token, format string, args ...any) error {
	where := "at end"
	if t != nil {
		where = fmt.Sprintf("at %d", t.pos)
	}
	return NewFieldError("expression", "INVALID_EXPRESSION", "%s: %s", where, fmt.Sprintf(format, args...))
}

func (p *parser) side() (linear, error) {
	var l linear
	sign := int64(1)
	if t := p.peek(); t != nil && (t.kind == "+" || t.kind == "-") {
		if t.kind == "-" {
			sign = -1
		}
		p.i++
	}
	for {
		if err := p.term(&l, sign); err != nil {
			return l, err
		}
		t := p.peek()
		if t == nil || (t.kind != "+" && t.kind != "-") {
			return l, nil
		}
		sign = 1
		if t.kind == "-" {
			sign = -1
		}
		p.i++
	}
}

func (p *parser) term(l *linear, sign int64) error {
	t := p.peek()
	if t == nil {
		return p.errf(t, "expected a term")
	}
	coef := sign
	if t.kind == "int" {
		n, err := strconv.ParseInt(t.text, 10, 64)
		if err != nil || n > 1_000_000_000 {
			return p.errf(t, "integer %s too large", t.text)
		}
		p.i++
		if nt := p.peek(); nt == nil || nt.kind != "*" {
			l.constant += sign * n
			return nil
		}
		p.i++
		coef = sign * n
	}
	return p.atom(l, coef)
}

func (p *parser) atom(l *linear, coef int64) error {
	t := p.peek()
	if t == nil || t.kind != "ident" {
		return p.errf(t, "expected a line or choice identifier")
	}
	p.i++
	if t.text == "sum" {
		if nt := p.peek(); nt != nil && nt.kind == "(" {
			if len(p.toks) < p.i+3 || p.toks[p.i+1].text != "choices" || p.toks[p.i+2].kind != ")" {
				return p.errf(nt, "only sum(choices) is supported")
			}
			p.i += 3
			p.note("sum(choices)")
			for _, idx := range p.r.ChoiceIndexes() {
				l.terms = append(l.terms, cterm{idx, coef})
			}
			return nil
		}
	}
	idx, ok := p.r.resolve(t.text)
	if !ok {
		return NewFieldError("expression", "UNKNOWN_IDENTIFIER", "%q is neither a line nor a choice of the contest", t.text)
	}
	p.note(t.text)
	l.terms = append(l.terms, cterm{idx, coef})
	return nil
}

// eval returns the value of a linear form; ok is false on int64 overflow.
func (l linear) eval(vals []int64) (int64, bool) {
	sum := l.constant
	for _, t := range l.terms {
		v := vals[t.idx]
		if v != 0 && (t.coef > math.MaxInt64/abs64(v) || t.coef < -(math.MaxInt64/abs64(v))) {
			return 0, false
		}
		p := t.coef * v
		s := sum + p
		if (p > 0 && s < sum) || (p < 0 && s > sum) {
			return 0, false
		}
		sum = s
	}
	return sum, true
}

func (l linear) evalBig(vals []int64) *big.Int {
	sum := big.NewInt(l.constant)
	var p big.Int
	for _, t := range l.terms {
		p.SetInt64(t.coef)
		sum.Add(sum, p.Mul(&p, big.NewInt(vals[t.idx])))
	}
	return sum
}

func abs64(v int64) int64 {
	if v < 0 {
		if v == math.MinInt64 {
			return math.MaxInt64
		}
		return -v
	}
	return v
}

// holds evaluates the relation; left and right are saturated to int64 for reporting.
func (c *compiledRelation) Holds(vals []int64) (ok bool, left, right int64) {
	l, okL := c.left.eval(vals)
	r, okR := c.right.eval(vals)
	var cmp int
	if okL && okR {
		switch {
		case l < r:
			cmp = -1
		case l > r:
			cmp = 1
		}
	} else {
		bl, br := c.left.evalBig(vals), c.right.evalBig(vals)
		cmp = bl.Cmp(br)
		l, r = saturate(bl), saturate(br)
	}
	switch c.op {
	case opEQ:
		ok = cmp == 0
	case opGE:
		ok = cmp >= 0
	case opLE:
		ok = cmp <= 0
	case opGT:
		ok = cmp > 0
	case opLT:
		ok = cmp < 0
	}
	return ok, l, r
}

func saturate(b *big.Int) int64 {
	if b.IsInt64() {
		return b.Int64()
	}
	if b.Sign() > 0 {
		return math.MaxInt64
	}
	return math.MinInt64
}

// String renders the compiled relation in canonical form (for tests and logs).
func (c *compiledRelation) String() string {
	return fmt.Sprintf("%s %s %s", strings.Join(c.ids, ","), opText[c.op], c.Code)
}
