package tallyapi

import (
	"strings"

	"github.com/mandate-project/mandate/services/platform/rpcerr"
)

// Resource names are parsed here and nowhere else. A name is a fixed
// sequence of collection/id pairs; ids are checked by the domain.

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
		if parts[2*i] != c || parts[2*i+1] == "" {
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
	if name == "" {
		desc = "is required and " + desc
	}
	return rpcerr.Invalid("", rpcerr.Violation{Field: field, Reason: "INVALID_RESOURCE_NAME", Description: desc})
}

func electionName(e string) string             { return "elections/" + e }
func contestName(e, c string) string           { return "elections/" + e + "/contests/" + c }
func unitName(e, u string) string              { return "elections/" + e + "/units/" + u }
func protocolName(e, c, station string) string { return contestName(e, c) + "/protocols/" + station }
func totalsName(e, c, u string) string         { return contestName(e, c) + "/totals/" + u }
