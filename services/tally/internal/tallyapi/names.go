package tallyapi

import (
	"fmt"
	"strings"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
)

// Resource names are parsed here and nowhere else. A name is a fixed
// sequence of collection/id pairs. Every id of a name (election, contest,
// unit) is 1-63 of [a-z0-9._-], the loosest of the domain's id rules, so a
// malformed or oversize name is INVALID_ARGUMENT here, before any lookup.

// parseName splits name by the collections in pattern, e.g.
// parseName("elections/e/contests/c", "name", "elections", "contests")
// returns ["e", "c"].
func parseName(name, field string, collections ...string) ([]string, error) {
	parts := strings.Split(name, "/")
	if len(parts) != 2*len(collections) {
		return nil, badName(field, name, collections)
	}
	ids := make([]string, len(collections))
	for i, c := range collections {
		if parts[2*i] != c || !validID(parts[2*i+1]) {
			return nil, badName(field, name, collections)
		}
		ids[i] = parts[2*i+1]
	}
	return ids, nil
}

func badName(field, name string, collections []string) error {
	var b strings.Builder
	for i, c := range collections {
		if i > 0 {
			b.WriteByte('/')
		}
		b.WriteString(c + "/{" + strings.TrimSuffix(c, "s") + "}")
	}
	desc := "must be " + b.String()
	switch {
	case name == "":
		desc = "is required and " + desc
	case !strings.Contains(name, "/") && validID(name):
		// A bare id where a resource name is needed: show the name to give.
		last := collections[len(collections)-1]
		full := strings.TrimSuffix(b.String(), last+"/{"+strings.TrimSuffix(last, "s")+"}") + last + "/" + name
		desc += fmt.Sprintf("; %q is a bare id, give %s", name, full)
	}
	return rpcerr.Invalid("", rpcerr.Violation{Field: field, Reason: rpcv1.ErrorReason_INVALID_RESOURCE_NAME.String(), Description: desc})
}

func parseTotals(name string) ([]string, error) {
	return parseName(name, "name", "elections", "contests", "totals")
}

// logName parses `elections/{election}/log`.
func logName(name, field string) (string, error) {
	e, ok := strings.CutSuffix(name, "/log")
	ids, err := parseName(e, field, "elections")
	if !ok || err != nil {
		return "", rpcerr.Invalid("", rpcerr.Violation{Field: field, Reason: rpcv1.ErrorReason_INVALID_RESOURCE_NAME.String(),
			Description: "must be elections/{election}/log"})
	}
	return ids[0], nil
}

// looseSubject reads what it can of a submission's parent and station
// names, malformed or not, to log a refused request under its election:
// "elections/E/contests/C" and "elections/E/units/S" give E, C and S.
func looseSubject(parent, station string) (election, contest, st string) {
	if rest, ok := strings.CutPrefix(parent, "elections/"); ok {
		election, _, _ = strings.Cut(rest, "/")
	}
	_, contest, _ = strings.Cut(parent, "/contests/")
	_, st, _ = strings.Cut(station, "/units/")
	return election, contest, st
}

func electionName(e string) string             { return "elections/" + e }
func contestName(e, c string) string           { return "elections/" + e + "/contests/" + c }
func unitName(e, u string) string              { return "elections/" + e + "/units/" + u }
func protocolName(e, c, station string) string { return contestName(e, c) + "/protocols/" + station }
func totalsName(e, c, u string) string         { return contestName(e, c) + "/totals/" + u }

func validID(id string) bool {
	if id == "" || len(id) > 63 {
		return false
	}
	for i := range len(id) {
		switch b := id[i]; {
		case b >= 'a' && b <= 'z', b >= '0' && b <= '9', b == '.', b == '_', b == '-':
		default:
			return false
		}
	}
	return true
}
