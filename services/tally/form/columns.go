package form

import "sync/atomic"

// Columns names the counts of imported rows: column j is line IDs[j], or
// choice IDs[j] when Votes[j]. One Columns is shared by every row of an
// import message, so a bulk path carries each protocol's counts as a
// slice (Submission.Counts) instead of two maps built per row and read
// back in the form's order (issue 19: the maps were a third of an
// import's garbage).
type Columns struct {
	IDs   []string
	Votes []bool
	// resolved is the columns' positions in the value vector of the last
	// contest that resolved them (a message's rows share one contest).
	resolved atomic.Pointer[resolution]
}

// resolution maps column j to value index idx[j] of contest c; direct is
// false when the columns are not exactly the contest's lines and choices
// each once (a row then goes the maps' way, with their errors).
type resolution struct {
	c      *Compiled
	idx    []int
	direct bool
}

// CountMaps returns the submission's lines and votes as maps: its own, or
// those its row's columns make (a column named twice keeps the later
// count, as a map built from the row would).
func (s Submission) CountMaps() (lines, votes map[string]int64) {
	if s.Cols == nil {
		return s.Lines, s.Votes
	}
	nv := 0
	for _, v := range s.Cols.Votes {
		if v {
			nv++
		}
	}
	lines, votes = make(map[string]int64, len(s.Cols.IDs)-nv), make(map[string]int64, nv)
	for j, id := range s.Cols.IDs {
		if j >= len(s.Counts) {
			break
		}
		if s.Cols.Votes[j] {
			votes[id] = s.Counts[j]
		} else {
			lines[id] = s.Counts[j]
		}
	}
	return lines, votes
}

// WithMaps returns s with its counts as Lines and Votes and no row.
func (s Submission) WithMaps() Submission {
	s.Lines, s.Votes = s.CountMaps()
	s.Cols, s.Counts = nil, nil
	return s
}

// place returns where the columns' counts go in c's value vector.
func (c *Compiled) place(cols *Columns) *resolution {
	if r := cols.resolved.Load(); r != nil && r.c == c {
		return r
	}
	r := &resolution{c: c, idx: make([]int, len(cols.IDs)), direct: len(cols.IDs) == c.Width() && len(cols.Votes) == len(cols.IDs)}
	seen := make([]bool, c.Width())
	for j, id := range cols.IDs {
		i, ok := -1, false
		if j < len(cols.Votes) && cols.Votes[j] {
			i, ok = c.choiceIdx[id]
		} else {
			i, ok = c.lineIdx[id]
		}
		if !ok || seen[i] {
			r.direct = false
			break
		}
		seen[i] = true
		r.idx[j] = i
	}
	cols.resolved.Store(r)
	return r
}
