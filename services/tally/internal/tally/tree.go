package tally

import (
	"github.com/mandate-project/mandate/services/tally/form"

	"encoding/binary"
	"encoding/hex"
	"slices"
	"strings"
	"sync"
	"time"
)

// electionState is the in-memory image of one election: the compiled
// definition, the unit tree with one aggregate per contest on every
// non-station node, and the current protocol of every station.
type electionState struct {
	mu          sync.RWMutex
	unitsMu     sync.Mutex // serializes AddUnits
	def         Election   // without units
	defJSON     string
	contests    []*form.Compiled
	contestByID map[string]*form.Compiled
	phases      []Phase

	// submitters holds one copy of each submitter's name (stationProto).
	submitters map[string]string

	// nodes are the units that are not stations, by ID; stations, most of
	// a country, are found in stations by binary search instead (a map
	// entry was about 48 bytes a station, decision 102). node and unitCount
	// look in both.
	nodes    map[string]*node
	root     *node
	stations []*node // sorted by ID

	// resultsVersion is the last results version applied: every change up
	// to it, and none after it, is in memory (see follow.go).
	resultsVersion int64
	// resultsLogSize is the log's size right after the change at
	// resultsVersion (see Totals.LogSize).
	resultsLogSize int64
	notify         chan struct{} // closed and replaced on every change
	follow         followState
	// view is the totals readers see without a lock (view.go).
	view viewState
}

// node is a unit in memory. A country is mostly stations, so what only the
// units above them need is behind inner (nil for a station): a station's
// node is 112 bytes instead of 176 (issue 19).
type node struct {
	unit   Unit
	parent *node
	protos []*stationProto // per contest index; stations only (nil: not a station)
	inner  *innerNode      // nil for a station
}

// innerNode is what a unit that is not a station holds.
type innerNode struct {
	children  []*node // sorted by ID
	nStations int
	regAll    int64
	aggs      []*agg // per contest index
	// viewSlot is 1 + the unit's slot in the published view (0: none
	// yet); viewDirty marks it for the next view (view.go).
	viewSlot  int32
	viewDirty bool
}

// node returns the unit with an ID (nil: none). Caller holds es.mu.
func (es *electionState) node(id string) *node {
	if n := es.nodes[id]; n != nil {
		return n
	}
	if i, ok := slices.BinarySearchFunc(es.stations, id, unitIDCmp); ok {
		return es.stations[i]
	}
	return nil
}

// holds reports whether n is a node of this state's tree (a node of a
// state replaced since, say, is not): its root is es.root. A few pointer
// steps, where node is a binary search of every station.
func (es *electionState) holds(n *node) bool {
	for n.parent != nil {
		n = n.parent
	}
	return n == es.root
}

// unitCount is how many units the election has in memory. Caller holds
// es.mu.
func (es *electionState) unitCount() int { return len(es.nodes) + len(es.stations) }

// kids are the unit's children, sorted by ID (none for a station).
func (n *node) kids() []*node {
	if n.inner == nil {
		return nil
	}
	return n.inner.children
}

// stationsUnder is how many stations the unit is or holds.
func (n *node) stationsUnder() int {
	if n.inner == nil {
		return 1
	}
	return n.inner.nStations
}

// registeredUnder is the registered voters of the stations the unit is or
// holds.
func (n *node) registeredUnder() int64 {
	if n.inner == nil {
		return n.unit.Registered
	}
	return n.inner.regAll
}

type agg struct {
	vals         []int64
	reporting    int
	regReporting int64
	warned       int
	corrected    int
}

// stationProto is a station's current protocol of one contest, kept small
// because a country holds a million of them (issue 19): the counts packed
// as varints instead of a slice of int64, the content hash as its 32
// bytes, the time as Unix nanoseconds, the submitter shared by every
// protocol of the same sender, and what most originals lack (a reason,
// warnings, a hash that is not hex) behind one pointer: 128 bytes a
// protocol instead of 176, less for the collector to scan during a large
// import.
type stationProto struct {
	counts []byte // zigzag varints in the form's order (packVals)
	hash   [32]byte
	// key is the idempotency key or, when keyOfStation, the part of it
	// before the station's ID, interned: an import names its rows
	// PREFIX/CONTEST/STATION, so a million of them share one string.
	key            string
	submitter      string
	rare           *protoRare // nil: no reason, no warnings, a hex hash
	submittedAt    int64      // Unix nanoseconds
	resultsVersion int64
	version        int32
	keyOfStation   bool
	kind           ProtocolKind
}

// setKey keeps a station's idempotency key, as its prefix when it ends
// with the station's ID.
func (p *stationProto) setKey(key, station string, interned func(string) string) {
	if pre, ok := strings.CutSuffix(key, station); ok && station != "" {
		p.key, p.keyOfStation = interned(pre), true
		return
	}
	p.key, p.keyOfStation = key, false
}

// idempotencyKey is the version's idempotency key; station is its
// station's ID.
func (p *stationProto) idempotencyKey(station string) string {
	if p.keyOfStation {
		return p.key + station
	}
	return p.key
}

// protoRare is the part of a stationProto most protocols leave empty.
type protoRare struct {
	reason   string
	warnings []Violation
	// hashText is the content hash when it is not 64 lowercase hex digits
	// (textHash); ContentHash never makes one, but a hash is echoed as
	// stored.
	hashText string
	textHash bool
}

// reason is the version's reason ("" for most originals).
func (p *stationProto) reason() string {
	if p.rare == nil {
		return ""
	}
	return p.rare.reason
}

// warnings are the version's warnings (nil: none).
func (p *stationProto) warnings() []Violation {
	if p.rare == nil {
		return nil
	}
	return p.rare.warnings
}

// hexHash reports whether the content hash is hash, as hex.
func (p *stationProto) hexHash() bool { return p.rare == nil || !p.rare.textHash }

// setRare sets the rare fields, leaving rare nil when all are empty.
func (p *stationProto) setRare(reason string, warnings []Violation, hashText string, textHash bool) {
	if reason == "" && len(warnings) == 0 && !textHash {
		p.rare = nil
		return
	}
	p.rare = &protoRare{reason: reason, warnings: warnings, hashText: hashText, textHash: textHash}
}

// packVals encodes a value vector as stationProto.counts.
func packVals(vals []int64) []byte {
	// Encoded on the stack first, then copied at its exact size: growing a
	// guessed capacity left a million protocols in the next size class.
	var buf [512]byte
	b := buf[:0]
	for _, v := range vals {
		b = binary.AppendVarint(b, v)
	}
	out := make([]byte, len(b))
	copy(out, b)
	return out
}

// vals decodes the protocol's values (width of them).
func (p *stationProto) vals(width int) []int64 {
	out := make([]int64, width)
	b := p.counts
	for i := range out {
		v, n := binary.Varint(b)
		out[i], b = v, b[n:]
	}
	return out
}

// contentHash is the content hash as ProtocolVersion carries it.
func (p *stationProto) contentHash() string {
	if !p.hexHash() {
		return p.rare.hashText
	}
	return hex.EncodeToString(p.hash[:])
}

// newStationProto makes the memory record of a version whose values are
// vals; interned returns the one copy of a submitter's name.
func newStationProto(v ProtocolVersion, vals []int64, interned func(string) string) *stationProto {
	p := &stationProto{
		counts: packVals(vals), submitter: interned(v.Submitter), resultsVersion: v.ResultsVersion,
		version: int32(v.Version), kind: v.Kind,
	}
	p.setKey(v.IdempotencyKey, v.Station, interned)
	if !v.SubmittedAt.IsZero() {
		p.submittedAt = v.SubmittedAt.UnixNano()
	}
	if len(v.ContentHash) == 64 {
		if _, err := hex.Decode(p.hash[:], []byte(v.ContentHash)); err == nil && v.ContentHash == strings.ToLower(v.ContentHash) {
			p.setRare(v.Reason, v.Warnings, "", false)
			return p
		}
		p.hash = [32]byte{}
	}
	p.setRare(v.Reason, v.Warnings, v.ContentHash, true)
	return p
}

// submitted is the version's time as ProtocolVersion carries it.
func (p *stationProto) submitted() time.Time {
	if p.submittedAt == 0 {
		return time.Time{}
	}
	return time.Unix(0, p.submittedAt).UTC()
}

// maxInterned bounds es.submitters: when every station sends under its own
// name, sharing saves nothing and the map would only grow.
const maxInterned = 4096

// intern returns the one copy of a submitter's name. Caller holds es.mu.
func (es *electionState) intern(s string) string {
	if c, ok := es.submitters[s]; ok {
		return c
	}
	if len(es.submitters) >= maxInterned {
		return s
	}
	if es.submitters == nil {
		es.submitters = map[string]string{}
	}
	es.submitters[s] = s
	return s
}

func newElectionState(def Election, contests []*form.Compiled, defJSON string) *electionState {
	es := &electionState{
		def: def, defJSON: defJSON, contests: contests,
		contestByID: map[string]*form.Compiled{},
		phases:      make([]Phase, len(contests)),
		nodes:       map[string]*node{},
		notify:      make(chan struct{}),
		follow:      followState{landed: make(chan struct{})},
	}
	for i, c := range contests {
		es.contestByID[c.ID] = c
		es.phases[i] = PhaseCounting
	}
	return es
}

// addUnits links units (parents first or already present) into the tree.
// Caller holds es.mu.
func (es *electionState) addUnits(units []Unit) {
	// A batch's nodes and stations' protocol slots in one allocation each,
	// not two per station: units are never removed, and a million small
	// objects are work for every collection.
	slab := make([]node, len(units))
	nc := len(es.contests)
	slots := make([]*stationProto, nc*len(units))
	for i, u := range units {
		n := &slab[i]
		n.unit = u
		if u.IsStation() {
			n.unit.Level = LevelStation // one copy for a million stations
			n.protos, slots = slots[:nc:nc], slots[nc:]
		} else {
			n.inner = &innerNode{aggs: make([]*agg, nc)}
			es.nodes[u.ID] = n
		}
		if u.Parent == "" {
			es.root = n
		}
	}
	// New children by parent, to merge into each parent's sorted list.
	added := map[*node][]*node{}
	var newStations []*node
	for i, u := range units {
		n := &slab[i]
		if u.Parent != "" {
			// A parent is never a station: in the map, new or not.
			p := es.nodes[u.Parent]
			n.parent = p
			// The parent's own ID string: one copy for all its children.
			n.unit.Parent = p.unit.ID
			added[p] = append(added[p], n)
		}
		if u.IsStation() {
			newStations = append(newStations, n)
		}
	}
	// Counts after linking, since a batch may list children before parents.
	for _, n := range newStations {
		for a := n.parent; a != nil; a = a.parent {
			a.inner.nStations++
			a.inner.regAll += n.unit.Registered
		}
	}
	for p, kids := range added {
		p.inner.children = mergeByID(p.inner.children, kids)
	}
	es.stations = mergeByID(es.stations, newStations)
	es.unitsAdded(slab)
}

// mergeByID merges add (any order; sorted here) into sorted, both by unit
// ID, in place: sorted grows like append and its elements move in blocks
// found by binary search, so a batch of m units costs O(m log n)
// comparisons and one memmove of the list, not a comparison per station
// and a new list (a million stations arrive in a thousand batches: the
// merge was most of AddUnits, and its garbage most of the import's).
func mergeByID(sorted, add []*node) []*node {
	if len(add) == 0 {
		return sorted
	}
	slices.SortFunc(add, byUnitID)
	n := len(sorted)
	if n == 0 || sorted[n-1].unit.ID < add[0].unit.ID {
		return append(sorted, add...) // the common case of units in ID order
	}
	out := slices.Grow(sorted, len(add))[:n+len(add)]
	end := n // sorted's elements not yet moved are out[:end]
	for j := len(add) - 1; j >= 0; j-- {
		id := add[j].unit.ID
		// The first of the unmoved elements that sorts after add[j], found
		// by galloping back from end (then a binary search of the last
		// stride): a batch's IDs are sorted and usually close together, so
		// a few comparisons near end instead of log n over the whole list.
		lo, hi := 0, end
		for step := 1; ; step *= 2 {
			p := hi - step
			if p < 0 {
				break
			}
			if out[p].unit.ID < id {
				lo = p + 1
				break
			}
			hi = p
		}
		k, _ := slices.BinarySearchFunc(out[lo:hi], id, unitIDCmp)
		at := lo + k
		copy(out[at+j+1:], out[at:end])
		out[at+j] = add[j]
		end = at
	}
	return out
}

func byUnitID(a, b *node) int { return strings.Compare(a.unit.ID, b.unit.ID) }

// unitIDCmp compares a node's unit ID with an ID, for binary searches of
// lists sorted by byUnitID.
func unitIDCmp(n *node, id string) int { return strings.Compare(n.unit.ID, id) }

func (n *node) agg(ci, width int) *agg {
	a := n.inner.aggs[ci]
	if a == nil {
		a = &agg{vals: make([]int64, width)}
		n.inner.aggs[ci] = a
	}
	return a
}

// apply makes v the current protocol of its station if it is newer than the
// one in memory, updating every ancestor by the difference: O(depth).
// Caller holds es.mu.
func (es *electionState) apply(cc *form.Compiled, v ProtocolVersion) {
	es.applyAt(cc, v, nil)
}

// applyAt is apply with v's station node when the caller has it (nil:
// looked up).
func (es *electionState) applyAt(cc *form.Compiled, v ProtocolVersion, st *node) {
	vals := v.Vals
	if vals == nil {
		vals = cc.ValsOf(v.Lines, v.Votes)
	}
	es.applyVals(cc, v, vals, st)
}

// applyVals is apply of a version whose values (in the form's order) are
// vals, v's Lines and Votes unread: the rebuild has the values without
// maps (VectorScanner). vals is not kept. st is v's station when the
// caller has it, nil to look it up.
func (es *electionState) applyVals(cc *form.Compiled, v ProtocolVersion, vals []int64, st *node) {
	if v.ResultsVersion > es.resultsVersion {
		es.resultsVersion = v.ResultsVersion
	}
	if st == nil || st.unit.ID != v.Station || !es.holds(st) {
		st = es.node(v.Station)
	}
	if st == nil || st.protos == nil {
		return
	}
	ci := cc.Index
	old := st.protos[ci]
	if old != nil && int(old.version) >= v.Version {
		return
	}
	es.account(st, ci, cc.Width(), old, newStationProto(v, vals, es.intern), vals)
}

// account makes np, whose values are vals, the current protocol of station
// st in contest ci in place of old (nil: none), updating every ancestor by
// the difference. vals is not kept. Caller holds es.mu.
func (es *electionState) account(st *node, ci, w int, old, np *stationProto, vals []int64) {
	st.protos[ci] = np
	warnD, corrD, repD := b2i(len(np.warnings()) > 0), b2i(np.version > 1), 1
	if old != nil {
		warnD -= b2i(len(old.warnings()) > 0)
		corrD -= b2i(old.version > 1)
		repD = 0
	}
	diff := vals
	if old != nil {
		diff = slices.Clone(vals)
		for i, x := range old.vals(w) {
			diff[i] -= x
		}
	}
	for a := st.parent; a != nil; a = a.parent {
		es.touch(a)
		g := a.agg(ci, w)
		for i, x := range diff {
			g.vals[i] += x
		}
		g.reporting += repD
		if repD == 1 {
			g.regReporting += st.unit.Registered
		}
		g.warned += warnD
		g.corrected += corrD
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// aggregate returns the aggregate of a node for a contest (a fresh one for a station).
func (es *electionState) aggregate(n *node, cc *form.Compiled) agg {
	if n.protos != nil {
		p := n.protos[cc.Index]
		if p == nil {
			return agg{vals: make([]int64, cc.Width())}
		}
		return agg{vals: p.vals(cc.Width()), reporting: 1, regReporting: n.unit.Registered,
			warned: b2i(len(p.warnings()) > 0), corrected: b2i(p.version > 1)}
	}
	a := n.inner.aggs[cc.Index]
	if a == nil {
		return agg{vals: make([]int64, cc.Width())}
	}
	c := *a
	c.vals = slices.Clone(a.vals)
	return c
}

// signal wakes every watcher. Caller holds es.mu.
func (es *electionState) signal() {
	close(es.notify)
	es.notify = make(chan struct{})
}

// under reports whether n is the unit or lies below it.
func (n *node) under(anc *node) bool {
	for a := n; a != nil; a = a.parent {
		if a == anc {
			return true
		}
	}
	return false
}
