package sqlitestore

import (
	"encoding/json"
	"strconv"
	"strings"
)

// parseCounts reads the JSON counts of stores before migration 0006 (a
// flat object with sorted keys), falling back to encoding/json for
// anything else.
func parseCounts(s string) (map[string]int64, error) {
	// Sized for the keys there are: a map made for 32 holds twice the
	// groups one for a form's 18 lines needs, and a restart makes two
	// maps for each of a million protocols (issue 19).
	m := make(map[string]int64, strings.Count(s, ":"))
	if fastParseCounts(s, m) {
		return m, nil
	}
	clear(m)
	err := json.Unmarshal([]byte(s), &m)
	return m, err
}

func fastParseCounts(s string, m map[string]int64) bool {
	if len(s) < 2 || s[0] != '{' || s[len(s)-1] != '}' {
		return false
	}
	i := 1
	if s == "{}" {
		return true
	}
	for {
		if i >= len(s) || s[i] != '"' {
			return false
		}
		j := i + 1
		for j < len(s) && s[j] != '"' {
			if s[j] == '\\' {
				return false
			}
			j++
		}
		if j+1 >= len(s) || s[j+1] != ':' {
			return false
		}
		key := s[i+1 : j]
		k := j + 2
		e := k
		for e < len(s) && (s[e] == '-' || s[e] >= '0' && s[e] <= '9') {
			e++
		}
		v, err := strconv.ParseInt(s[k:e], 10, 64)
		if err != nil {
			return false
		}
		m[key] = v
		if e >= len(s) {
			return false
		}
		if s[e] == '}' {
			return e == len(s)-1
		}
		if s[e] != ',' {
			return false
		}
		i = e + 1
	}
}
