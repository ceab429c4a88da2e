package verify

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// Paper is a paper protocol as an observer copied it: which station, and
// the numbers written on it.
type Paper struct {
	// Election and Contest may be empty: the export's election, and its
	// only contest.
	Election, Contest, Station string
	Numbers                    []Number
}

// Number is one number of a paper protocol.
type Number struct {
	// Label is how the protocol names the number: a line's number as
	// printed ("1", "11a"), a line's ID, or a choice's ID, name or short
	// name (case does not matter).
	Label string
	Value int64
	// Line is where the number was in the file, for messages.
	Line int
}

// ParsePaper reads a paper protocol: one "label: number" per line (or
// "label = number"), with "station: ID" (and, when needed, "contest: ID"
// and "election: ID") among them. Blank lines and "#" comments are
// ignored; a number may be grouped with spaces, commas or apostrophes
// ("12 345").
func ParsePaper(r io.Reader) (Paper, error) {
	var p Paper
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		sep := strings.IndexAny(line, ":=")
		if sep < 0 {
			return p, fmt.Errorf("line %d: want \"label: number\", got %q", n, line)
		}
		label, value := strings.TrimSpace(line[:sep]), strings.TrimSpace(line[sep+1:])
		switch strings.ToLower(label) {
		case "election":
			p.Election = value
			continue
		case "contest":
			p.Contest = value
			continue
		case "station":
			p.Station = value
			continue
		}
		digits := strings.Map(func(r rune) rune {
			switch r {
			case ' ', '\u00a0', '\u202f', ',', '\'', '_':
				return -1
			}
			return r
		}, value)
		v, err := strconv.ParseInt(digits, 10, 64)
		if err != nil || v < 0 || label == "" {
			return p, fmt.Errorf("line %d: %q is not a count", n, value)
		}
		p.Numbers = append(p.Numbers, Number{Label: label, Value: v, Line: n})
	}
	if err := sc.Err(); err != nil {
		return p, err
	}
	if p.Station == "" {
		return p, fmt.Errorf("no \"station:\" line")
	}
	if len(p.Numbers) == 0 {
		return p, fmt.Errorf("no numbers")
	}
	return p, nil
}

// paper checks a paper protocol against the log.
func (v *verifier) paper(x *tallylog.Export, p Paper) {
	if p.Election != "" && p.Election != x.Election.ID {
		v.r.AddAbout(AboutPaper, Mismatch, "paper protocol: of election %s, but the export is of %s", p.Election, x.Election.ID)
		return
	}
	var c *tallylog.Contest
	for i := range x.Election.Contests {
		if cc := &x.Election.Contests[i]; cc.ID == p.Contest || p.Contest == "" && len(x.Election.Contests) == 1 {
			c = cc
		}
	}
	if c == nil {
		v.r.AddAbout(AboutPaper, Mismatch, "paper protocol: say which contest (\"contest: ID\"); the election has %s", contestIDs(x))
		return
	}
	var versions []tallylog.ProtocolRow
	x.EachProtocol(func(r tallylog.ProtocolRow) error {
		if r.Contest == c.ID && r.Station == p.Station {
			versions = append(versions, r)
		}
		return nil
	})
	if len(versions) == 0 {
		v.r.AddAbout(AboutPaper, Mismatch, "paper protocol: the log has no protocol of station %q in contest %s", p.Station, c.ID)
		return
	}
	// Resolve the labels.
	keys := make([]resolved, len(p.Numbers))
	given := map[resolved]bool{}
	for i, n := range p.Numbers {
		k, ok := resolve(*c, n.Label)
		if !ok {
			v.r.AddAbout(AboutPaper, Mismatch, "paper protocol line %d: %q is neither a line nor a choice of the %s form", n.Line, n.Label, c.ID)
			return
		}
		keys[i] = k
		given[k] = true
	}
	matches := func(r tallylog.ProtocolRow) []string {
		var bad []string
		for i, n := range p.Numbers {
			m := r.Lines
			if keys[i].vote {
				m = r.Votes
			}
			if got := m[keys[i].id]; got != n.Value {
				bad = append(bad, fmt.Sprintf("%s: paper %d, log %d", n.Label, n.Value, got))
			}
		}
		return bad
	}
	cur := versions[len(versions)-1]
	where := fmt.Sprintf("station %s, contest %s: version %d at log entry %d", p.Station, c.ID, cur.Version, cur.LeafIndex)
	bad := matches(cur)
	if len(bad) == 0 {
		v.r.AddAbout(AboutPaper, OK, "paper protocol: %s, which counts, has all %d numbers of the paper", where, len(p.Numbers))
	} else {
		for _, b := range bad {
			v.r.AddAbout(AboutPaper, Mismatch, "paper protocol: %s: %s", where, b)
		}
		for _, old := range versions[:len(versions)-1] {
			if len(matches(old)) == 0 {
				v.r.AddAbout(AboutPaper, Note, "paper protocol: the paper's numbers are those of version %d (log entry %d), which version %d replaced (reason given: %q)",
					old.Version, old.LeafIndex, cur.Version, cur.Reason)
			}
		}
	}
	var unchecked []string
	for _, l := range c.Lines {
		if !given[resolved{false, l.ID}] {
			unchecked = append(unchecked, "line "+l.Number+" ("+l.ID+")")
		}
	}
	for _, ch := range c.Choices {
		if !given[resolved{true, ch.ID}] {
			unchecked = append(unchecked, ch.ID)
		}
	}
	if len(unchecked) > 0 {
		v.r.AddAbout(AboutPaper, Note, "paper protocol: not given, so not checked: %s", strings.Join(unchecked, ", "))
	}
}

type resolved struct {
	vote bool
	id   string
}

// resolve finds what a label names: a line's printed number, a line's ID,
// a choice's ID, name or short name.
func resolve(c tallylog.Contest, label string) (resolved, bool) {
	for _, l := range c.Lines {
		if strings.EqualFold(l.Number, label) || strings.EqualFold(l.ID, label) {
			return resolved{false, l.ID}, true
		}
	}
	for _, ch := range c.Choices {
		if strings.EqualFold(ch.ID, label) || strings.EqualFold(ch.Name, label) || ch.ShortName != "" && strings.EqualFold(ch.ShortName, label) {
			return resolved{true, ch.ID}, true
		}
	}
	return resolved{}, false
}

func contestIDs(x *tallylog.Export) string {
	var ids []string
	for _, c := range x.Election.Contests {
		ids = append(ids, c.ID)
	}
	return strings.Join(ids, ", ")
}
