package sqlitestore

import (
	"encoding/json"
	"testing"
)

// TestAppendCountsReusesOrder encodes a sequence of maps with one key
// order cache, as a batch's rows are: each must come out as encoding/json
// writes it (keys sorted), whether its keys are the previous map's, as
// many but others, more, fewer, or not plain.
func TestAppendCountsReusesOrder(t *testing.T) {
	steps := []struct {
		name string
		m    map[string]int64
	}{
		{"first", map[string]int64{"b": 2, "a": 1, "c": 3}},
		{"same keys, other counts", map[string]int64{"c": 30, "a": 10, "b": 20}},
		{"as many keys, one other", map[string]int64{"a": 1, "b": 2, "d": 4}},
		{"same again", map[string]int64{"d": -4, "b": 0, "a": 1}},
		{"one more", map[string]int64{"a": 1, "b": 2, "d": 4, "0": 9}},
		{"fewer", map[string]int64{"b": 2}},
		{"empty", map[string]int64{}},
		{"a key to escape", map[string]int64{"b\"q": 1, "a": 2}},
		{"after the escaped one", map[string]int64{"z": 1, "a": 2}},
		// The cache's array is reused while a map's keys are collected: a
		// key to escape found after others must not leave them in it.
		{"two plain", map[string]int64{"a": 1, "b": 2}},
		{"plain then to escape", map[string]int64{"b": 1, "q\"": 2}},
		{"the two plain again", map[string]int64{"b": 1, "a": 2}},
	}
	var order []string
	var buf []byte
	for _, s := range steps {
		buf = appendCounts(buf[:0], s.m, &order)
		want, _ := json.Marshal(s.m)
		if string(buf) != string(want) {
			t.Errorf("%s: %s, want %s", s.name, buf, want)
		}
		var back map[string]int64
		if err := json.Unmarshal(buf, &back); err != nil || len(back) != len(s.m) {
			t.Errorf("%s: %s does not read back: %v", s.name, buf, err)
		}
	}
}
