package sqlitestore

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// appendCounts writes a map as a JSON object with sorted keys. Keys are
// form identifiers; anything that would need escaping goes through
// encoding/json.
func appendCounts(buf []byte, m map[string]int64, order *[]string) []byte {
	// order holds the sorted keys of the previous map encoded with it: the
	// rows of a batch mostly share their columns, so their keys need
	// sorting once, not once a row. Cached keys are distinct and as many
	// as m's, so when all are in m they are m's keys.
	var keys []string
	if order != nil {
		keys = *order
	}
	same := len(keys) == len(m)
	for _, k := range keys {
		if !same {
			break
		}
		_, same = m[k]
	}
	if !same {
		keys = keys[:0]
		for k := range m {
			if !plainKey(k) {
				// keys shares the cache's array, partly overwritten now.
				if order != nil {
					*order = nil
				}
				b, _ := json.Marshal(m)
				return append(buf, b...)
			}
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if order != nil {
			*order = keys
		}
	}
	buf = append(buf, '{')
	for i, k := range keys {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, '"')
		buf = append(buf, k...)
		buf = append(buf, '"', ':')
		buf = strconv.AppendInt(buf, m[k], 10)
	}
	return append(buf, '}')
}

func plainKey(k string) bool {
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c < 0x20 || c == '"' || c == '\\' || c >= 0x7f {
			return false
		}
	}
	return true
}

// parseCounts reads what appendCounts writes, falling back to encoding/json
// for anything else.
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
