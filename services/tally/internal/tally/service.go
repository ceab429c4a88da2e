package tally

import (
	"github.com/mandate-project/mandate/services/tally/form"

	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Service is the tally: it validates protocols against their forms, lets the
// Store decide and persist them, and keeps running totals in memory, which
// follow every change in the store, whichever process made it (follow.go).
// It is safe for concurrent use.
type Service struct {
	store Store
	now   func() time.Time
	log   *slog.Logger

	mu        sync.RWMutex
	elections map[string]*electionState
	loadMu    sync.Mutex // serializes loading elections other processes defined

	stopPoll  context.CancelFunc
	polled    chan struct{} // closed when the poll has stopped
	closeOnce sync.Once

	followMu      sync.Mutex
	followFailing bool

	// ledger signs and publishes the checkpoints of the elections' logs and
	// proves their entries (translog.go).
	ledger *Log
	// presign has the ledger sign the log sizes views publish (presign.go).
	presign *presigner
	// loads says how each election was loaded at the start (image.go).
	loads []ImageLoad
	// exports lets one Export run at a time (snapshot.go).
	exports chan struct{}
}

// Log is the Service's tamper-evident log: checkpoints, proofs, entries.
func (s *Service) Log() *Log { return s.ledger }

// electionIDs lists the elections the Service knows.
func (s *Service) electionIDs() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ids := make([]string, 0, len(s.elections))
	for id := range s.elections {
		ids = append(ids, id)
	}
	return ids
}

// ServiceOptions tune a Service; the zero value is the default.
type ServiceOptions struct {
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Follow is how often the Service polls the store for the changes,
	// elections and units other processes sharing it made. Zero means
	// DefaultFollow; negative, never.
	Follow time.Duration
	// Logger receives failures to read the store's changes; slog.Default()
	// when nil.
	Logger *slog.Logger
	// LogKey is the note signer key ("PRIVATE+KEY+name+hash+key") that
	// signs the log's checkpoints. Empty: a key made for this Service alone,
	// whose checkpoints cannot be checked once it is gone.
	LogKey string
	// CheckpointEvery is how often a checkpoint of every log that grew is
	// published. Zero means DefaultCheckpointEvery; negative, never (they
	// are still made on request).
	CheckpointEvery time.Duration
	// Image, when set, is a memory image an earlier Service wrote
	// (WriteImage) on the same store: elections it holds, once the store
	// confirms them, are read from it instead of rebuilt from every stored
	// protocol (image.go). An image that cannot be used is logged and
	// ignored.
	Image io.Reader
}

// NewService is NewServiceWith with the clock now (time.Now when nil) and
// the default options.
func NewService(ctx context.Context, store Store, now func() time.Time) (*Service, error) {
	return NewServiceWith(ctx, store, ServiceOptions{Now: now})
}

// NewServiceWith loads every election from the store, rebuilds the totals
// and starts the poll, which runs until ctx ends or Close.
func NewServiceWith(ctx context.Context, store Store, opts ServiceOptions) (*Service, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Follow == 0 {
		opts.Follow = DefaultFollow
	}
	s := &Service{store: store, now: opts.Now, log: opts.Logger, elections: map[string]*electionState{}, presign: newPresigner(),
		exports: make(chan struct{}, 1)}
	if opts.LogKey == "" {
		opts.LogKey = ephemeralKey()
	}
	if opts.CheckpointEvery == 0 {
		opts.CheckpointEvery = DefaultCheckpointEvery
	}
	list, err := store.ListElections(ctx)
	if err != nil {
		return nil, fmt.Errorf("list elections: %w", err)
	}
	images, refused := s.readImage(opts.Image, list)
	for _, se := range list {
		es, info, err := s.loadWith(ctx, se, images[se.Election.ID])
		if refused != "" {
			info.Refused = refused
		}
		if err != nil {
			return nil, fmt.Errorf("load election %s: %w", se.Election.ID, err)
		}
		s.elections[se.Election.ID] = es
		s.loads = append(s.loads, info)
	}
	if opts.Follow > 0 {
		pctx, stop := context.WithCancel(ctx)
		s.stopPoll, s.polled = stop, make(chan struct{})
		go s.poll(pctx, opts.Follow)
	}
	known := func(election string) error { _, err := s.election(election); return err }
	s.ledger, err = newLog(ctx, store, opts.LogKey, known, s.electionIDs, opts.Logger, opts.CheckpointEvery)
	if err != nil {
		s.Close()
		return nil, err
	}
	s.ledger.startPresign(ctx, s.presign)
	return s, nil
}

func definitionJSON(e Election) string {
	e.Units = nil
	b, err := json.Marshal(e)
	if err != nil {
		panic(err) // plain data; cannot fail
	}
	return string(b)
}

// readImage reads opts.Image against the stored elections; nil when there
// is none, nil and why (logged) when it cannot be used.
func (s *Service) readImage(r io.Reader, list []StoredElection) (map[string]*imageElection, string) {
	if r == nil {
		return nil, ""
	}
	defs := make(map[string]StoredElection, len(list))
	for _, se := range list {
		defs[se.Election.ID] = se
	}
	images, err := readImage(r, defs)
	if err != nil {
		s.log.Warn("tally: memory image not used; rebuilding every election from the store", "err", err)
		return nil, err.Error()
	}
	return images, ""
}

// loadWith loads an election from its image when the store confirms it,
// else from the store.
func (s *Service) loadWith(ctx context.Context, se StoredElection, ie *imageElection) (*electionState, ImageLoad, error) {
	info := ImageLoad{Election: se.Election.ID}
	if ie != nil {
		es, caughtUp, refused, err := s.fromImage(ctx, se, ie)
		if err != nil {
			return nil, info, err
		}
		if es != nil {
			info.FromImage, info.CaughtUp = true, caughtUp
			return es, info, nil
		}
		info.Refused = refused
		s.log.Warn("tally: memory image of an election not used; rebuilding it from the store", "election", se.Election.ID, "why", refused)
	}
	es, err := s.load(ctx, se)
	return es, info, err
}

// load builds the memory image of a stored election as of its results
// version: later changes are applied in order by the follower.
func (s *Service) load(ctx context.Context, se StoredElection) (*electionState, error) {
	def := se.Election
	def.Units = nil
	contests, err := form.CompileElection(def)
	if err != nil {
		return nil, fmt.Errorf("stored definition no longer compiles: %w", err)
	}
	es := newElectionState(def, contests, definitionJSON(def))
	es.view.presign = s.presign
	for id, p := range se.Phases {
		if cc, ok := es.contestByID[id]; ok {
			es.phases[cc.Index] = p
		}
	}
	units, err := s.store.Units(ctx, def.ID)
	if err != nil {
		return nil, err
	}
	es.addUnits(units)
	if err := s.scanInto(ctx, es, se.ResultsVersion); err != nil {
		return nil, err
	}
	es.resultsVersion = se.ResultsVersion
	es.resultsLogSize = se.ResultsLogSize
	es.publish()
	return es, nil
}

// scanInto applies every stored protocol version of es's election up to
// results version upTo, through the store's VectorScanner when it has one.
func (s *Service) scanInto(ctx context.Context, es *electionState, upTo int64) error {
	contest := func(v ProtocolVersion) (*form.Compiled, bool, error) {
		if v.ResultsVersion > upTo {
			return nil, false, nil // committed after upTo was read
		}
		cc := es.contestByID[v.Contest]
		if cc == nil {
			return nil, false, fmt.Errorf("protocol for unknown contest %q", v.Contest)
		}
		return cc, true, nil
	}
	vs, ok := s.store.(VectorScanner)
	if !ok {
		return s.store.ScanProtocols(ctx, es.def.ID, func(v ProtocolVersion) error {
			cc, ok, err := contest(v)
			if ok {
				es.apply(cc, v)
			}
			return err
		})
	}
	layout := func(id string) (lines, choices []string, ok bool) {
		cc := es.contestByID[id]
		if cc == nil {
			return nil, nil, false
		}
		// ValsOf's order: the form's lines, then the choices.
		for _, l := range cc.Form.Lines {
			lines = append(lines, l.ID)
		}
		for _, ch := range cc.Choices {
			choices = append(choices, ch.ID)
		}
		return lines, choices, true
	}
	return vs.ScanProtocolVectors(ctx, es.def.ID, layout, func(v ProtocolVersion, vals []int64) error {
		cc, ok, err := contest(v)
		if ok {
			if len(vals) != cc.Width() {
				return fmt.Errorf("protocol %s/%s: %d counts for a form of %d", v.Contest, v.Station, len(vals), cc.Width())
			}
			es.applyVals(cc, v, vals, nil)
		}
		return err
	})
}

// election returns an election's state, loading it from the store when
// another process defined it since the last poll.
func (s *Service) election(id string) (*electionState, error) {
	s.mu.RLock()
	es := s.elections[id]
	s.mu.RUnlock()
	if es != nil {
		return es, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), adoptTimeout)
	defer cancel()
	es, err := s.adopt(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return nil, notFound("election", id)
	}
	return es, err
}

func (es *electionState) contest(id string) (*form.Compiled, error) {
	cc := es.contestByID[id]
	if cc == nil {
		return nil, notFound("contest", es.def.ID, id)
	}
	return cc, nil
}

// unit returns a unit node; "" means the root. Caller holds es.mu.
func (es *electionState) unit(id string) (*node, error) {
	if id == "" {
		if es.root == nil {
			return nil, notFound("unit", es.def.ID, "(root)")
		}
		return es.root, nil
	}
	n := es.node(id)
	if n == nil {
		return nil, notFound("unit", es.def.ID, id)
	}
	return n, nil
}

// DefineElection creates an election with its contests and units. Defining an
// identical election again returns it unchanged (loaders can run twice); a
// different definition under an existing ID fails with ErrAlreadyExists.
// The returned election carries no units.
func (s *Service) DefineElection(ctx context.Context, e Election) (Election, error) {
	if err := ValidateElection(e); err != nil {
		return Election{}, err
	}
	// Stored with the single-member districts' contests expanded, so that
	// every later reader (load, GetElection, replicas) sees plain contests.
	e = form.Expand(e)
	s.mu.Lock()
	defer s.mu.Unlock()
	if es := s.elections[e.ID]; es != nil {
		return es.def, es.sameDefinition(e)
	}
	tail, err := electionTail(e, originOf(ctx), s.now().UTC())
	if err != nil {
		return Election{}, err
	}
	err = s.store.CreateElection(ctx, e, tail)
	if err != nil && !errors.Is(err, ErrAlreadyExists) {
		return Election{}, err
	}
	// Created, or created meanwhile by another replica: load what is stored.
	se, gerr := s.store.GetElection(ctx, e.ID)
	if gerr != nil {
		return Election{}, gerr
	}
	es, lerr := s.load(ctx, se)
	if lerr != nil {
		return Election{}, lerr
	}
	s.elections[e.ID] = es
	if err != nil {
		return es.def, es.sameDefinition(e)
	}
	return es.def, nil
}

// sameDefinition returns nil when e equals the stored definition and every
// unit of e exists identically.
func (es *electionState) sameDefinition(e Election) error {
	if definitionJSON(e) != es.defJSON {
		return NewStateError(ErrAlreadyExists, e.ID, "an election with this ID and another definition exists")
	}
	es.mu.RLock()
	defer es.mu.RUnlock()
	for _, u := range e.Units {
		n := es.node(u.ID)
		if n == nil || n.unit != u {
			return NewStateError(ErrAlreadyExists, e.ID, "the election exists with other units (unit %q)", u.ID)
		}
	}
	return nil
}

// AddUnits adds units to an election's hierarchy (parents before or with
// their children). Units that exist identically are skipped, so an importer
// can send every unit it meets; a unit that exists with other content fails
// the whole call with ErrAlreadyExists. It returns how many were added. A
// call that adds units is a change of the results (ChangeUnits): it gets
// the next results version and wakes the watchers, since a new station
// changes the count of stations and the status of every unit above it.
func (s *Service) AddUnits(ctx context.Context, election string, units []Unit) (int, error) {
	n, _, err := s.AddUnitsChange(ctx, election, units)
	return n, err
}

// AddUnitsChange is AddUnits that also returns the change the call made:
// the zero Change when it added no unit.
func (s *Service) AddUnitsChange(ctx context.Context, election string, units []Unit) (int, Change, error) {
	es, err := s.election(election)
	if err != nil {
		return 0, Change{}, err
	}
	es.follow.writing.Add(1)
	defer es.follow.writing.Add(-1)
	es.unitsMu.Lock()
	fresh, ch, err := s.storeUnits(ctx, election, es, units)
	if err != nil || len(fresh) == 0 {
		es.unitsMu.Unlock()
		return 0, Change{}, err
	}
	// The units go into memory before their version lands, so that every
	// protocol of a new station finds it. unitsMu is released first: a
	// landing that reads a gap from the store may need it to load units
	// another replica added (ensureStations).
	es.mu.Lock()
	es.addUnits(fresh)
	es.mu.Unlock()
	es.unitsMu.Unlock()
	if ch.ResultsVersion > 0 {
		s.land(ctx, es, []entry{{change: &ch}}, ch.ResultsVersion)
	}
	return len(fresh), ch, nil
}

// storeUnits stores the units memory lacks and returns them with the
// change the store made (the zero Change when another replica had stored
// them all). Caller holds es.unitsMu; on success with a change, the caller
// must land it (es.answered was called).
func (s *Service) storeUnits(ctx context.Context, election string, es *electionState, units []Unit) ([]Unit, Change, error) {
	fresh, err := s.freshUnits(election, es, units)
	var fe *FieldError
	if errors.As(err, &fe) && fe.Reason == "UNKNOWN_PARENT" {
		// The parent may come from another replica: look once more.
		if behind, berr := s.unitsBehind(ctx, es); berr != nil {
			return nil, Change{}, berr
		} else if behind {
			if err := s.refreshUnits(ctx, es); err != nil {
				return nil, Change{}, err
			}
			fresh, err = s.freshUnits(election, es, units)
		}
	}
	if err != nil || len(fresh) == 0 {
		return nil, Change{}, err
	}
	fresh = form.SortParentsFirst(fresh)
	at := s.now().UTC()
	tail, err := unitsTail(election, fresh, originOf(ctx), at)
	if err != nil {
		return nil, Change{}, err
	}
	ch, err := s.store.AddUnits(ctx, election, fresh, at, tail)
	if err != nil {
		return nil, Change{}, err
	}
	if ch.ResultsVersion > 0 {
		es.answered()
	}
	return fresh, ch, nil
}

// freshUnits returns the units memory lacks, checked against the tree.
// Caller holds es.unitsMu.
func (s *Service) freshUnits(election string, es *electionState, units []Unit) ([]Unit, error) {
	es.mu.RLock()
	var fresh []Unit
	var at []int // the caller's index of each fresh unit
	for i, u := range units {
		if n := es.node(u.ID); n != nil {
			if n.unit != u {
				es.mu.RUnlock()
				return nil, &StateError{Kind: ErrAlreadyExists, Subject: election + "/" + u.ID,
					Message: fmt.Sprintf("units[%d] exists with other content", i)}
			}
			continue
		}
		fresh, at = append(fresh, u), append(at, i)
	}
	if es.unitCount()+len(fresh) > form.MaxUnits {
		es.mu.RUnlock()
		return nil, form.NewFieldError("units", "OUT_OF_RANGE", "an election has at most %d units; %d more would make %d", form.MaxUnits, len(fresh), es.unitCount()+len(fresh))
	}
	err := form.ValidateUnits(fresh, func(id string) (Unit, bool) {
		if n := es.node(id); n != nil {
			return n.unit, true
		}
		return Unit{}, false
	}, es.root == nil)
	es.mu.RUnlock()
	return fresh, renumberUnits(err, at)
}

// renumberUnits makes a FieldError on units[k] of the fresh units name the
// caller's unit: the caller counts the units that exist already too.
func renumberUnits(err error, at []int) error {
	var fe *FieldError
	if !errors.As(err, &fe) {
		return err
	}
	rest, ok := strings.CutPrefix(fe.Field, "units[")
	if !ok {
		return err
	}
	k, tail, ok := strings.Cut(rest, "]")
	i, cerr := strconv.Atoi(k)
	if !ok || cerr != nil || i < 0 || i >= len(at) {
		return err
	}
	out := *fe
	out.Field = "units[" + strconv.Itoa(at[i]) + "]" + tail
	return &out
}

// GetElection returns a definition (without units).
func (s *Service) GetElection(ctx context.Context, id string) (Election, error) {
	es, err := s.election(id)
	if err != nil {
		return Election{}, err
	}
	return es.def, nil
}

// ListElections returns one page of elections ordered by ID.
func (s *Service) ListElections(ctx context.Context, page PageRequest) ([]Election, string, error) {
	s.mu.RLock()
	ids := make([]string, 0, len(s.elections))
	for id := range s.elections {
		ids = append(ids, id)
	}
	s.mu.RUnlock()
	slices.Sort(ids)
	size, after, err := page.parse("elections")
	if err != nil {
		return nil, "", err
	}
	start, _ := slices.BinarySearch(ids, after)
	if after != "" && start < len(ids) && ids[start] == after {
		start++
	}
	var out []Election
	for _, id := range ids[start:] {
		if len(out) == size {
			return out, pageToken("elections", out[len(out)-1].ID), nil
		}
		es, err := s.election(id)
		if err == nil {
			out = append(out, es.def)
		}
	}
	return out, "", nil
}

// GetContest returns one contest of an election.
func (s *Service) GetContest(ctx context.Context, election, contest string) (Contest, error) {
	es, err := s.election(election)
	if err != nil {
		return Contest{}, err
	}
	cc, err := es.contest(contest)
	if err != nil {
		return Contest{}, err
	}
	return cc.Contest, nil
}

// ListContests returns the contests of an election in definition order.
func (s *Service) ListContests(ctx context.Context, election string) ([]Contest, error) {
	es, err := s.election(election)
	if err != nil {
		return nil, err
	}
	return slices.Clone(es.def.Contests), nil
}

// GetUnit returns one unit; "" returns the root.
func (s *Service) GetUnit(ctx context.Context, election, unit string) (Unit, error) {
	es, err := s.election(election)
	if err != nil {
		return Unit{}, err
	}
	es.mu.RLock()
	defer es.mu.RUnlock()
	n, err := es.unit(unit)
	if err != nil {
		return Unit{}, err
	}
	return n.unit, nil
}

// ListUnits returns one page of the children of a unit ("" lists the root
// itself), ordered by ID.
func (s *Service) ListUnits(ctx context.Context, election, parent string, page PageRequest) ([]Unit, string, error) {
	es, err := s.election(election)
	if err != nil {
		return nil, "", err
	}
	scope := "units/" + election + "/" + parent
	size, after, err := page.parse(scope)
	if err != nil {
		return nil, "", err
	}
	es.mu.RLock()
	defer es.mu.RUnlock()
	var children []*node
	if parent == "" {
		if es.root != nil {
			children = []*node{es.root}
		}
	} else {
		n, err := es.unit(parent)
		if err != nil {
			return nil, "", err
		}
		children = n.kids()
	}
	start, _ := slices.BinarySearchFunc(children, after, unitIDCmp)
	if after != "" && start < len(children) && children[start].unit.ID == after {
		start++
	}
	end := min(start+size, len(children))
	out := make([]Unit, 0, end-start)
	for _, n := range children[start:end] {
		out = append(out, n.unit)
	}
	next := ""
	if end < len(children) {
		next = pageToken(scope, out[len(out)-1].ID)
	}
	return out, next, nil
}
