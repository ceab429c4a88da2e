package tally

import (
	"slices"
	"sync/atomic"
)

// Reads that never wait for the writer.
//
// The writer changes the unit tree's aggregates in place under es.mu, and a
// group commit lands with the lock held; a reader that took es.mu.RLock
// queued behind every landing (Go's RWMutex lets no new reader in while a
// writer waits), which is what made national reads slow during an import.
// So after every change it applies (a batch of units is one), the writer
// publishes an immutable view of the totals of every unit that is
// not a station: the results version and log size they include, the
// contests' phases, and per unit and contest a copy of its aggregate. It is
// swapped in with an atomic pointer; a reader loads the pointer and takes no
// lock, and everything it reads through it is of one results version.
//
// Publishing copies only what changed: the aggregates of the units above
// the stations a landing touched (marked dirty by apply), placed in a table
// of fixed-size chunks, of which a new view shares every chunk that holds no
// dirty unit with the previous one. A station's totals are its current
// protocol; they are still read under es.mu.RLock (one station, no sums),
// and so are the export's snapshot and the other calls.

// viewChunkBits sets the size of a chunk of the view's table (64 units): a
// landing copies the table's chunk index and each chunk with a dirty unit.
const viewChunkBits = 6

const viewChunk = 1 << viewChunkBits

// totalsView is one published state of an election's totals. Immutable.
type totalsView struct {
	resultsVersion int64
	logSize        int64
	phases         []Phase // per contest index
	// index maps the ID of every unit that is not a station to its slot;
	// shared by views until a batch of units adds such a unit.
	index  map[string]int32
	chunks [][]*unitView
	root   *unitView
}

// unitView is a unit's totals at one results version. Immutable.
type unitView struct {
	unit      Unit
	nStations int
	regAll    int64
	aggs      []agg // per contest index; vals never written
}

// lookup returns the view of a unit that is not a station ("" for the
// root), nil when the view has none (a station, or an unknown unit).
func (v *totalsView) lookup(unit string) *unitView {
	if unit == "" {
		return v.root
	}
	i, ok := v.index[unit]
	if !ok {
		return nil
	}
	return v.chunks[i>>viewChunkBits][i&(viewChunk-1)]
}

// viewState is the writer's side of the view. Guarded by es.mu.
type viewState struct {
	cur   atomic.Pointer[totalsView]
	inner []*node // units that are not stations, by slot
	dirty []*node // units whose aggregates changed since the last view
	// grown: a unit that is not a station was added since the last view.
	grown bool
	zeros [][]int64 // per contest, the values of a unit nothing reported under
	// presign is told each size published, to sign it off the read path.
	presign *presigner
}

// touch marks a unit whose aggregates or counts changed. Caller holds es.mu.
func (es *electionState) touch(n *node) {
	if n.inner == nil || n.inner.viewDirty {
		return
	}
	n.inner.viewDirty = true
	es.view.dirty = append(es.view.dirty, n)
}

// unitsAdded gives the new units that are not stations their slots and
// marks the units above new stations (their counts changed). It does not
// publish: units added are a change with its own results version (decision
// 80), and the view shows them when that version lands, so that a read's
// station counts are those of its version. Caller holds es.mu, right
// after linking units.
func (es *electionState) unitsAdded(slab []node) {
	for i := range slab {
		n := &slab[i]
		if n.inner != nil && n.inner.viewSlot == 0 {
			es.view.inner = append(es.view.inner, n)
			n.inner.viewSlot = int32(len(es.view.inner))
			es.view.grown = true
			es.touch(n)
			continue
		}
		for a := n.parent; a != nil; a = a.parent {
			es.touch(a)
		}
	}
}

// publish makes the current state the view readers see. Caller holds es.mu
// (exclusively, or alone with the state as while loading).
func (es *electionState) publish() {
	vs := &es.view
	if vs.zeros == nil {
		vs.zeros = make([][]int64, len(es.contests))
		for i, cc := range es.contests {
			vs.zeros[i] = make([]int64, cc.Width())
		}
	}
	old := vs.cur.Load()
	v := &totalsView{resultsVersion: es.resultsVersion, logSize: es.resultsLogSize, phases: slices.Clone(es.phases)}
	nChunks := (len(vs.inner) + viewChunk - 1) / viewChunk
	if old == nil || vs.grown {
		v.index = make(map[string]int32, len(vs.inner))
		for i, n := range vs.inner {
			v.index[n.unit.ID] = int32(i)
		}
	} else {
		v.index = old.index
	}
	v.chunks = make([][]*unitView, nChunks)
	if old != nil {
		copy(v.chunks, old.chunks)
	}
	copied := make(map[int32]bool, len(vs.dirty))
	for _, n := range vs.dirty {
		n.inner.viewDirty = false
		c, k := (n.inner.viewSlot-1)>>viewChunkBits, (n.inner.viewSlot-1)&(viewChunk-1)
		if !copied[c] {
			copied[c] = true
			fresh := make([]*unitView, min(viewChunk, len(vs.inner)-int(c)*viewChunk))
			copy(fresh, v.chunks[c])
			v.chunks[c] = fresh
		}
		v.chunks[c][k] = es.unitViewOf(n)
	}
	vs.dirty = vs.dirty[:0]
	vs.grown = false
	if es.root != nil && es.root.inner != nil && es.root.inner.viewSlot > 0 {
		s := es.root.inner.viewSlot - 1
		v.root = v.chunks[s>>viewChunkBits][s&(viewChunk-1)]
	}
	vs.cur.Store(v)
	if old == nil || old.logSize != v.logSize {
		vs.presign.published(es.def.ID, v.logSize)
	}
}

// unitViewOf copies a unit's aggregates. Caller holds es.mu.
func (es *electionState) unitViewOf(n *node) *unitView {
	uv := &unitView{unit: n.unit, nStations: n.inner.nStations, regAll: n.inner.regAll, aggs: make([]agg, len(es.contests))}
	for ci, a := range n.inner.aggs {
		if a == nil {
			uv.aggs[ci] = agg{vals: es.view.zeros[ci]}
			continue
		}
		uv.aggs[ci] = *a
		uv.aggs[ci].vals = slices.Clone(a.vals)
	}
	return uv
}

// published returns the view readers see.
func (es *electionState) published() *totalsView { return es.view.cur.Load() }
