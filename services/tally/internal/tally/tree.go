package tally

import (
	"github.com/mandate-project/mandate/services/tally/form"

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

type node struct {
	unit      Unit
	parent    *node
	children  []*node // sorted by ID
	nStations int
	regAll    int64
	aggs      []*agg          // per contest index; non-stations only
	protos    []*stationProto // per contest index; stations only
	// viewSlot is 1 + the unit's slot in the published view (0: none yet,
	// or a station); viewDirty marks it for the next view (view.go).
	viewSlot  int32
	viewDirty bool
}

type agg struct {
	vals         []int64
	reporting    int
	regReporting int64
	warned       int
	corrected    int
}

type stationProto struct {
	version        int
	kind           ProtocolKind
	vals           []int64
	warnings       []Violation
	submittedAt    time.Time
	hash           string
	key            string
	reason         string
	submitter      string
	resultsVersion int64
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
	for _, u := range units {
		n := &node{unit: u}
		if u.IsStation() {
			n.protos = make([]*stationProto, len(es.contests))
		} else {
			n.aggs = make([]*agg, len(es.contests))
		}
		es.nodes[u.ID] = n
		if u.Parent == "" {
			es.root = n
		}
	}
	touched := map[*node]bool{}
	var newStations []*node
	for _, u := range units {
		n := es.nodes[u.ID]
		if u.Parent != "" {
			p := es.nodes[u.Parent]
			n.parent = p
			p.children = append(p.children, n)
			touched[p] = true
		}
		if u.IsStation() {
			newStations = append(newStations, n)
		}
	}
	// Counts after linking, since a batch may list children before parents.
	for _, n := range newStations {
		for a := n; a != nil; a = a.parent {
			a.nStations++
			a.regAll += n.unit.Registered
		}
	}
	for p := range touched {
		slices.SortFunc(p.children, byUnitID)
	}
	slices.SortFunc(newStations, byUnitID)
	merged := make([]*node, 0, len(es.stations)+len(newStations))
	i, j := 0, 0
	for i < len(es.stations) && j < len(newStations) {
		if es.stations[i].unit.ID < newStations[j].unit.ID {
			merged = append(merged, es.stations[i])
			i++
		} else {
			merged = append(merged, newStations[j])
			j++
		}
	}
	merged = append(merged, es.stations[i:]...)
	es.stations = append(merged, newStations[j:]...)
	es.unitsAdded(units)
}

func byUnitID(a, b *node) int { return strings.Compare(a.unit.ID, b.unit.ID) }

func (n *node) agg(ci, width int) *agg {
	a := n.aggs[ci]
	if a == nil {
		a = &agg{vals: make([]int64, width)}
		n.aggs[ci] = a
	}
	return a
}

// apply makes v the current protocol of its station if it is newer than the
// one in memory, updating every ancestor by the difference: O(depth).
// Caller holds es.mu.
func (es *electionState) apply(cc *form.Compiled, v ProtocolVersion) {
	if v.ResultsVersion > es.resultsVersion {
		es.resultsVersion = v.ResultsVersion
	}
	st := es.nodes[v.Station]
	if st == nil || st.protos == nil {
		return
	}
	ci := cc.Index
	old := st.protos[ci]
	if old != nil && old.version >= v.Version {
		return
	}
	np := &stationProto{
		version: v.Version, kind: v.Kind, vals: cc.ValsOf(v.Lines, v.Votes), warnings: v.Warnings,
		submittedAt: v.SubmittedAt, hash: v.ContentHash, key: v.IdempotencyKey,
		reason: v.Reason, submitter: v.Submitter, resultsVersion: v.ResultsVersion,
	}
	st.protos[ci] = np
	warnD, corrD, repD := b2i(len(np.warnings) > 0), b2i(np.version > 1), 1
	if old != nil {
		warnD -= b2i(len(old.warnings) > 0)
		corrD -= b2i(old.version > 1)
		repD = 0
	}
	w := cc.Width()
	for a := st.parent; a != nil; a = a.parent {
		es.touch(a)
		g := a.agg(ci, w)
		if old == nil {
			for i, x := range np.vals {
				g.vals[i] += x
			}
		} else {
			for i, x := range np.vals {
				g.vals[i] += x - old.vals[i]
			}
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
		return agg{vals: slices.Clone(p.vals), reporting: 1, regReporting: n.unit.Registered,
			warned: b2i(len(p.warnings) > 0), corrected: b2i(p.version > 1)}
	}
	a := n.aggs[cc.Index]
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
