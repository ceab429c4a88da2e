package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// Run runs the conformance suite. open must return a new, empty store for
// each call; Run closes it.
func Run(t *testing.T, open func(t *testing.T) tally.Store) {
	ts := Suite{open: func(t *testing.T) tally.Store {
		s := open(t)
		t.Cleanup(func() { s.Close() })
		return s
	}}
	for _, c := range Cases {
		t.Run(c.Name, func(t *testing.T) { c.Test(ts, t) })
	}
}

// Suite is the conformance suite over one backend: one method per
// behaviour, each opening the stores it needs.
type Suite struct {
	open func(t *testing.T) tally.Store
}

// Cases are the suite's behaviours, by test name; Run runs them all.
var Cases = []struct {
	Name string
	Test func(Suite, *testing.T)
}{
	{"Store/CreateGetList", Suite.StoreCreateGetList},
	{"Store/AddUnits", Suite.StoreAddUnits},
	{"Store/AddManyUnits", Suite.StoreAddManyUnits},
	{"Store/AppendDecisions", Suite.StoreAppendDecisions},
	{"Store/BatchItemsIndependent", Suite.StoreBatchItemsIndependent},
	{"Store/ConcurrentSameKey", Suite.StoreConcurrentSameKey},
	{"Store/UnknownStation", Suite.StoreUnknownStation},
	{"Store/PhasesAndChanges", Suite.StorePhasesAndChanges},
	{"Store/ProtocolsAfter", Suite.StoreProtocolsAfter},
	{"Store/UnitCount", Suite.StoreUnitCount},
	{"Store/ElectionHeads", Suite.StoreElectionHeads},
	{"Store/RoundTrip", Suite.StoreRoundTrip},
	{"Store/ScanProtocolVectors", Suite.StoreScanProtocolVectors},
	{"Service/DefineElectionIdempotent", Suite.ServiceDefineElectionIdempotent},
	{"Service/SubmitAndTotals", Suite.ServiceSubmitAndTotals},
	{"Service/Rejections", Suite.ServiceRejections},
	{"Service/WarningsStored", Suite.ServiceWarningsStored},
	{"Service/IdempotentConcurrent", Suite.ServiceIdempotentConcurrent},
	{"Service/Corrections", Suite.ServiceCorrections},
	{"Service/Phases", Suite.ServicePhases},
	{"Service/SingleWinner", Suite.ServiceSingleWinner},
	{"Service/WatchResume", Suite.ServiceWatchResume},
	{"Service/Pagination", Suite.ServicePagination},
	{"Service/AddUnits", Suite.ServiceAddUnits},
	{"Service/Rebuild", Suite.ServiceRebuild},
	{"Service/Image", Suite.ServiceImage},
	{"Service/HostileInput", Suite.ServiceHostileInput},
	{"Service/RegisteredWithinUnit", Suite.ServiceRegisteredWithinUnit},
	{"Service/ReadsDuringIngest", Suite.ServiceReadsDuringIngest},
	{"Service/SingleMemberDistricts", Suite.ServiceSingleMemberDistricts},
	{"Log/EveryChangeOneLeaf", Suite.LogEveryChangeOneLeaf},
	{"Log/BatchesInOrder", Suite.LogBatchesInOrder},
	{"Log/BulkBetweenOtherLeaves", Suite.LogBulkBetweenOtherLeaves},
	{"Log/SharedEnvelopes", Suite.LogSharedEnvelopes},
	{"Log/RefusalsOnce", Suite.LogRefusalsOnce},
	{"Log/ConcurrentDense", Suite.LogConcurrentDense},
	{"LogService", Suite.LogService},
}

// ctx is the context of the suite's calls.
var ctx = context.Background()

// storeAt and logAt are the instants the Store and Log cases write.
var (
	storeAt = time.Date(2024, 3, 17, 21, 0, 0, 123456789, time.UTC)
	logAt   = time.Date(2024, 3, 17, 21, 0, 0, 0, time.UTC)
)

// newStore opens a store holding the fixture's election.
func (ts Suite) newStore(t *testing.T) tally.Store {
	st := ts.open(t)
	if err := st.CreateElection(ctx, Election(), note(tallylog.KindElection, "created")); err != nil {
		t.Fatalf("CreateElection: %v", err)
	}
	return st
}

// newSvc opens a store and a Service on it with the fixture's election.
func (ts Suite) newSvc(t *testing.T) (*tally.Service, tally.Store) {
	st := ts.open(t)
	svc, err := tally.NewService(ctx, st, NewClock().Now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(svc.Close) // before the store closes
	if _, err := svc.DefineElection(ctx, Election()); err != nil {
		t.Fatalf("DefineElection: %v", err)
	}
	return svc, st
}

func (ts Suite) submit(t *testing.T, svc *tally.Service, s tally.Submission) tally.Receipt {
	t.Helper()
	r, err := svc.Submit(ctx, s)
	if err != nil {
		t.Fatalf("Submit %s/%s: %v", s.Contest, s.Station, err)
	}
	return r
}

func (ts Suite) totals(t *testing.T, svc *tally.Service, contest, unit string) tally.Totals {
	t.Helper()
	tt, err := svc.Totals(ctx, "test-2024", contest, unit)
	if err != nil {
		t.Fatalf("Totals: %v", err)
	}
	return tt
}

func version(s tally.Submission, at time.Time, warnings ...tally.Violation) tally.ProtocolVersion {
	return tally.ProtocolVersion{
		Election: s.Election, Contest: s.Contest, Station: s.Station, Version: s.Replaces + 1, Kind: s.Kind,
		Lines: s.Lines, Votes: s.Votes, IdempotencyKey: s.IdempotencyKey, Reason: s.Reason,
		Submitter: s.Submitter, Warnings: warnings, SubmittedAt: at, ContentHash: tally.ContentHash(s),
		Leaf: tail(tallylog.Entry{Kind: tallylog.KindProtocol, Election: s.Election, Contest: s.Contest,
			Station: s.Station, Version: s.Replaces + 1, RequestID: s.IdempotencyKey, Lines: s.Lines, Votes: s.Votes, Time: at}),
	}
}

// tail is a leaf's tail for e (any kind will do for a store).
func tail(e tallylog.Entry) []byte {
	if e.Time.IsZero() {
		e.Time = time.Date(2024, 3, 17, 21, 0, 0, 0, time.UTC)
	}
	if e.Election == "" {
		e.Election = "test-2024"
	}
	b, err := tallylog.Tail(e, nil)
	if err != nil {
		panic(err)
	}
	return b
}

// Version is the version a store gets for s, accepted at at (with the tail
// of its leaf), as a Service would build it.
func Version(s tally.Submission, at time.Time) tally.ProtocolVersion { return version(s, at) }

// Note is the tail of a leaf of the given kind with a distinguishing
// reason, for store tests that append changes directly.
func Note(kind, reason string) []byte { return note(kind, reason) }

// note is the tail of a leaf of the given kind with a distinguishing reason.
func note(kind, reason string) []byte {
	return tail(tallylog.Entry{Kind: kind, Reason: reason})
}

// fixtureElection is the store's fixture election as GetElection reads it.
func fixtureElection(t *testing.T, st tally.Store) tally.StoredElection {
	t.Helper()
	se, err := st.GetElection(ctx, "test-2024")
	if err != nil {
		t.Fatal(err)
	}
	return se
}

func appendOne(t *testing.T, st tally.Store, v tally.ProtocolVersion) tally.AppendResult {
	t.Helper()
	res, err := st.AppendProtocols(context.Background(), []tally.ProtocolVersion{v})
	if err != nil {
		t.Fatalf("AppendProtocols: %v", err)
	}
	if len(res) != 1 {
		t.Fatalf("AppendProtocols returned %d results", len(res))
	}
	return res[0]
}

// StoreCreateGetList is the conformance case Store/CreateGetList.
func (ts Suite) StoreCreateGetList(t *testing.T) {
	st := ts.newStore(t)
	err := st.CreateElection(ctx, Election(), note(tallylog.KindElection, "created"))
	if !errors.Is(err, tally.ErrAlreadyExists) {
		t.Fatalf("second CreateElection: got %v, want ErrAlreadyExists", err)
	}
	got, err := st.GetElection(ctx, "test-2024")
	if err != nil {
		t.Fatal(err)
	}
	want := Election()
	want.Units = nil
	if got.Election.ID != want.ID || len(got.Election.Contests) != 2 || got.Election.Contests[0].Form.Relations[2].Expression != want.Contests[0].Form.Relations[2].Expression {
		t.Errorf("GetElection = %+v", got.Election)
	}
	if got.Phases["list"] != tally.PhaseCounting || got.ResultsVersion != 0 {
		t.Errorf("phases %v version %d", got.Phases, got.ResultsVersion)
	}
	if _, err := st.GetElection(ctx, "nope"); !errors.Is(err, tally.ErrNotFound) {
		t.Errorf("GetElection(nope) = %v", err)
	}
	list, err := st.ListElections(ctx)
	if err != nil || len(list) != 1 {
		t.Errorf("ListElections = %d, %v", len(list), err)
	}
	units, err := st.Units(ctx, "test-2024")
	if err != nil || len(units) != 8 {
		t.Errorf("Units = %d, %v", len(units), err)
	}
}

// StoreAddUnits is the conformance case Store/AddUnits.
func (ts Suite) StoreAddUnits(t *testing.T) {
	st := ts.newStore(t)
	at := storeAt
	add := []tally.Unit{
		{ID: "s4", Parent: "east", Name: "S4", Level: tally.LevelStation, Registered: 10},
		{ID: "east", Parent: "nation", Name: "East", Level: "region"},
	}
	// A batch that adds units is a change: the next results version, with
	// its leaf, read back by Changes and GetElection.
	ch, err := st.AddUnits(ctx, "test-2024", add, at, note(tallylog.KindUnits, "added"))
	want := tally.Change{ResultsVersion: 1, Election: "test-2024", Kind: tally.ChangeUnits, Units: 2, At: at, LogIndex: 1}
	if err != nil || ch != want {
		t.Fatalf("AddUnits (child first) = %+v, %v; want %+v", ch, err, want)
	}
	if ch, err := st.AddUnits(ctx, "test-2024", add, at, note(tallylog.KindUnits, "added")); err != nil || ch != (tally.Change{}) {
		t.Fatalf("AddUnits identical again = %+v, %v; want no change", ch, err)
	}
	changed := []tally.Unit{{ID: "s4", Parent: "east", Name: "S4", Level: tally.LevelStation, Registered: 11}}
	if _, err := st.AddUnits(ctx, "test-2024", changed, at, note(tallylog.KindUnits, "added")); !errors.Is(err, tally.ErrAlreadyExists) {
		t.Fatalf("AddUnits changed: %v, want ErrAlreadyExists", err)
	}
	if _, err := st.AddUnits(ctx, "nope", add, at, note(tallylog.KindUnits, "added")); !errors.Is(err, tally.ErrNotFound) {
		t.Fatalf("AddUnits unknown election: %v", err)
	}
	// A unit whose parent is nowhere, stored or in the batch, fails the
	// whole batch (the Service refuses it before; the store must too), and
	// the batch's other units are not stored.
	orphans := []tally.Unit{
		{ID: "west", Parent: "nation", Name: "West", Level: "region"},
		{ID: "s9", Parent: "atlantis", Name: "S9", Level: tally.LevelStation},
	}
	if ch, err := st.AddUnits(ctx, "test-2024", orphans, at, note(tallylog.KindUnits, "orphan")); err == nil {
		t.Fatalf("AddUnits with an unknown parent = %+v, want an error", ch)
	}
	units, _ := st.Units(ctx, "test-2024")
	if len(units) != 10 {
		t.Errorf("units = %d, want 10", len(units))
	}
	// Units and protocols share the results versions.
	r := appendOne(t, st, version(Sub("list", "s4", 10, 300, 200, 100), at))
	if r.Err != nil || r.Stored.ResultsVersion != 2 || r.Stored.LogIndex != 2 {
		t.Fatalf("protocol after the units: %+v", r)
	}
	if ch, err := st.AddUnits(ctx, "test-2024", []tally.Unit{{ID: "s5", Parent: "east", Name: "S5", Level: tally.LevelStation}}, at,
		note(tallylog.KindUnits, "s5")); err != nil || ch.ResultsVersion != 3 || ch.LogIndex != 3 || ch.Units != 1 {
		t.Fatalf("second batch = %+v, %v", ch, err)
	}
	chs, err := st.Changes(ctx, "test-2024", 0, 10)
	if err != nil || len(chs) != 3 {
		t.Fatalf("Changes = %+v, %v", chs, err)
	}
	if chs[0] != want || chs[1].Kind != tally.ChangeNewProtocol || chs[2].Kind != tally.ChangeUnits || chs[2].Units != 1 {
		t.Errorf("Changes = %+v", chs)
	}
	se, err := st.GetElection(ctx, "test-2024")
	if err != nil || se.ResultsVersion != 3 || se.ResultsLogSize != 4 || se.UnitCount != 11 {
		t.Errorf("GetElection = %+v, %v; want results version 3, log size 4, 11 units", se, err)
	}
}

// StoreAddManyUnits is the conformance case Store/AddManyUnits: batches of
// hundreds of units, as a definition brings, which a store may insert many
// to a statement; some already exist (the same, or with other content),
// one appears twice in a batch (the same twice: the Service refuses two
// contents for one ID before the store).
func (ts Suite) StoreAddManyUnits(t *testing.T) {
	st := ts.newStore(t)
	at := storeAt
	stations := func(from, to int, registered int64) []tally.Unit {
		var us []tally.Unit
		for i := from; i < to; i++ {
			us = append(us, tally.Unit{ID: fmt.Sprintf("m%03d", i), Parent: "south", Name: fmt.Sprintf("M%d", i),
				Level: tally.LevelStation, Registered: registered})
		}
		return us
	}
	unitCount := func() int { return fixtureElection(t, st).UnitCount }
	base := unitCount()
	if ch, err := st.AddUnits(ctx, "test-2024", stations(0, 300, 10), at, note(tallylog.KindUnits, "300")); err != nil || ch.Units != 300 {
		t.Fatalf("AddUnits of 300 new = %+v, %v", ch, err)
	}
	// 200 known (identical) and 200 new, in one batch, with a unit twice.
	again := append(stations(100, 500, 10), stations(450, 451, 10)...)
	if ch, err := st.AddUnits(ctx, "test-2024", again, at, note(tallylog.KindUnits, "500")); err != nil || ch.Units != 200 {
		t.Fatalf("AddUnits of 200 known and 200 new = %+v, %v; want 200 added", ch, err)
	}
	// A known unit with other content deep in a batch refuses the batch
	// whole: none of its new units are added.
	changed := stations(500, 700, 10)
	changed[130] = tally.Unit{ID: "m250", Parent: "south", Name: "M250", Level: tally.LevelStation, Registered: 11}
	if _, err := st.AddUnits(ctx, "test-2024", changed, at, note(tallylog.KindUnits, "changed")); !errors.Is(err, tally.ErrAlreadyExists) {
		t.Fatalf("AddUnits with a changed unit: %v, want ErrAlreadyExists", err)
	}
	if got := unitCount(); got != base+500 {
		t.Errorf("unit count %d, want %d", got, base+500)
	}
	units, err := st.Units(ctx, "test-2024")
	if err != nil || len(units) != base+500 {
		t.Fatalf("units = %d, %v; want %d", len(units), err, base+500)
	}
	for _, u := range units {
		if u.ID == "m250" && u.Registered != 10 {
			t.Errorf("m250 = %+v, want its first content", u)
		}
	}
}

// StoreAppendDecisions is the conformance case Store/AppendDecisions.
func (ts Suite) StoreAppendDecisions(t *testing.T) {
	at := storeAt
	st := ts.newStore(t)
	orig := Sub("list", "n1", 10, 300, 200, 100)
	r := appendOne(t, st, version(orig, at))
	if r.Err != nil || r.Replayed || r.Stored.ResultsVersion != 1 || r.Stored.Version != 1 {
		t.Fatalf("first append: %+v", r)
	}
	// Same key, same content: the original, replayed.
	again := version(orig, at.Add(time.Hour))
	r2 := appendOne(t, st, again)
	if r2.Err != nil || !r2.Replayed || r2.Stored.ResultsVersion != 1 || !r2.Stored.SubmittedAt.Equal(at) {
		t.Fatalf("replay: %+v", r2)
	}
	// Same key, other content.
	other := orig
	other.Votes = map[string]int64{"A": 301, "B": 199, "C": 100}
	if r := appendOne(t, st, version(other, at)); !errors.Is(r.Err, tally.ErrConflict) {
		t.Fatalf("conflict: %+v", r)
	}
	// Second original for the station with a fresh key.
	second := Sub("list", "n1", 10, 301, 199, 100)
	if r := appendOne(t, st, version(second, at)); !errors.Is(r.Err, tally.ErrAlreadyExists) {
		t.Fatalf("second original: %+v", r)
	}
	// Correction naming a version that is not current.
	stale := Correct(second, 2, "typo")
	if r := appendOne(t, st, version(stale, at)); !errors.Is(r.Err, tally.ErrStaleVersion) {
		t.Fatalf("stale correction: %+v", r)
	}
	// Correction of a station without a protocol.
	none := Correct(Sub("list", "n2", 0, 1, 1, 1), 1, "x")
	if r := appendOne(t, st, version(none, at)); !errors.Is(r.Err, tally.ErrNothingToCorrect) {
		t.Fatalf("correction without protocol: %+v", r)
	}
	corr := Correct(second, 1, "typo in line A")
	r3 := appendOne(t, st, version(corr, at))
	if r3.Err != nil || r3.Stored.Version != 2 || r3.Stored.ResultsVersion != 2 {
		t.Fatalf("correction: %+v", r3)
	}
	// Recount outside a recount phase.
	rc := Correct(second, 2, "recount")
	rc.Kind = tally.Recount
	if r := appendOne(t, st, version(rc, at)); !errors.Is(r.Err, tally.ErrFailedPrecondition) {
		t.Fatalf("recount while counting: %+v", r)
	}
	// Unknown contest / election.
	bad := Sub("list", "n2", 0, 1, 1, 1)
	bad.Contest = "nope"
	if r := appendOne(t, st, version(bad, at)); !errors.Is(r.Err, tally.ErrNotFound) {
		t.Fatalf("unknown contest: %+v", r)
	}
	vs, err := st.ProtocolVersions(ctx, "test-2024", "list", "n1")
	if err != nil || len(vs) != 2 || vs[0].Votes["A"] != 300 || vs[1].Votes["A"] != 301 || vs[1].Reason != "typo in line A" {
		t.Fatalf("ProtocolVersions = %+v, %v", vs, err)
	}
	if _, err := st.ProtocolVersions(ctx, "test-2024", "list", "n2"); !errors.Is(err, tally.ErrNotFound) {
		t.Fatalf("ProtocolVersions(n2) = %v", err)
	}
}

// StoreBatchItemsIndependent is the conformance case Store/BatchItemsIndependent.
func (ts Suite) StoreBatchItemsIndependent(t *testing.T) {
	at := storeAt
	st := ts.newStore(t)
	a := Sub("list", "n1", 0, 1, 2, 3)
	dup := Sub("list", "n1", 0, 3, 2, 1) // second original for n1
	b := Sub("list", "n2", 0, 4, 5, 6)
	res, err := st.AppendProtocols(ctx, []tally.ProtocolVersion{version(a, at), version(dup, at), version(a, at), version(b, at)})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Err != nil || !errors.Is(res[1].Err, tally.ErrAlreadyExists) || !res[2].Replayed || res[3].Err != nil {
		t.Fatalf("results: %+v", res)
	}
	if res[0].Stored.ResultsVersion != 1 || res[3].Stored.ResultsVersion != 2 {
		t.Fatalf("results versions %d %d, want 1 2", res[0].Stored.ResultsVersion, res[3].Stored.ResultsVersion)
	}
}

// StoreUnknownStation is the conformance case Store/UnknownStation: the
// store keeps no protocol of a station that is not one of the election's
// units, alone or deep in a batch of originals large enough to be inserted
// by one statement, and its refusal leaves every other item decided on its
// own (the Service refuses such a station first; this is the store's own
// guard).
func (ts Suite) StoreUnknownStation(t *testing.T) {
	st := ts.newStore(t)
	stored := func(station string) bool {
		t.Helper()
		_, err := st.ProtocolVersions(ctx, "test-2024", "list", station)
		if err != nil && !errors.Is(err, tally.ErrNotFound) {
			t.Fatal(err)
		}
		return err == nil
	}
	resultsVersion := func() int64 { return fixtureElection(t, st).ResultsVersion }
	if r, err := st.AppendProtocols(ctx, []tally.ProtocolVersion{version(Sub("list", "atlantis", 0, 1, 2, 3), storeAt)}); err == nil && !errors.Is(r[0].Err, tally.ErrNotFound) {
		t.Fatalf("an unknown station's protocol: %+v, want ErrNotFound", r[0])
	}
	if stored("atlantis") || resultsVersion() != 0 {
		t.Fatalf("an unknown station's protocol was stored (results version %d)", resultsVersion())
	}
	var units []tally.Unit
	var batch []tally.ProtocolVersion
	for i := range 64 {
		id := fmt.Sprintf("u%02d", i)
		units = append(units, tally.Unit{ID: id, Parent: "south", Name: id, Level: tally.LevelStation, Registered: 100})
		if i == 40 {
			id = "lemuria"
		}
		batch = append(batch, version(Sub("list", id, 0, 1, 2, 3), storeAt))
	}
	if _, err := st.AddUnits(ctx, "test-2024", units, storeAt, note(tallylog.KindUnits, "64")); err != nil {
		t.Fatal(err)
	}
	before := resultsVersion() // the units are a change too
	res, err := st.AppendProtocols(ctx, batch)
	if err == nil && !errors.Is(res[40].Err, tally.ErrNotFound) {
		t.Fatalf("an unknown station's protocol in a batch: %+v, want ErrNotFound", res[40])
	}
	if stored("lemuria") {
		t.Fatal("an unknown station's protocol in a batch was stored")
	}
	if err != nil {
		// The call failed as a whole: nothing of it may be stored.
		if stored("u00") || resultsVersion() != before {
			t.Fatalf("a failed AppendProtocols (%v) stored part of its batch", err)
		}
		return
	}
	for i, r := range res {
		if i != 40 && (r.Err != nil || r.Stored.Station != fmt.Sprintf("u%02d", i)) {
			t.Fatalf("item %d of the batch: %+v", i, r)
		}
	}
	if got := resultsVersion(); got != before+63 {
		t.Fatalf("results version %d after 63 protocols from %d", got, before)
	}
}

// StoreConcurrentSameKey is the conformance case Store/ConcurrentSameKey.
func (ts Suite) StoreConcurrentSameKey(t *testing.T) {
	at := storeAt
	st := ts.newStore(t)
	v := version(Sub("list", "s1", 5, 100, 100, 100), at)
	var wg sync.WaitGroup
	res := make([]tally.AppendResult, 200)
	for i := range res {
		wg.Go(func() {
			r, err := st.AppendProtocols(ctx, []tally.ProtocolVersion{v})
			if err != nil {
				t.Error(err)
				return
			}
			res[i] = r[0]
		})
	}
	wg.Wait()
	fresh := 0
	for _, r := range res {
		if r.Err != nil {
			t.Fatalf("item error: %v", r.Err)
		}
		if !r.Replayed {
			fresh++
		}
		if r.Stored.ResultsVersion != 1 || r.Stored.Version != 1 {
			t.Fatalf("receipt %+v", r.Stored)
		}
	}
	if fresh != 1 {
		t.Fatalf("%d fresh inserts, want 1", fresh)
	}
	chs, _ := st.Changes(ctx, "test-2024", 0, 100)
	if len(chs) != 1 {
		t.Fatalf("%d changes, want 1", len(chs))
	}
}

// StorePhasesAndChanges is the conformance case Store/PhasesAndChanges.
func (ts Suite) StorePhasesAndChanges(t *testing.T) {
	at := storeAt
	st := ts.newStore(t)
	appendOne(t, st, version(Sub("list", "n1", 0, 1, 2, 3), at))
	ch, err := st.SetPhase(ctx, "test-2024", "list", tally.PhaseCertified, "certified by the commission", at, note(tallylog.KindPhase, "certified by the commission"))
	if err != nil || ch.ResultsVersion != 2 || ch.Kind != tally.ChangePhase {
		t.Fatalf("SetPhase: %+v %v", ch, err)
	}
	if _, err := st.SetPhase(ctx, "test-2024", "list", tally.PhaseCertified, "", at, note(tallylog.KindPhase, "")); !errors.Is(err, tally.ErrFailedPrecondition) {
		t.Fatalf("certify twice: %v", err)
	}
	if _, err := st.SetPhase(ctx, "test-2024", "nope", tally.PhaseCertified, "", at, note(tallylog.KindPhase, "")); !errors.Is(err, tally.ErrNotFound) {
		t.Fatalf("unknown contest: %v", err)
	}
	// Certified: a new protocol is refused, a replay still answers.
	if r := appendOne(t, st, version(Sub("list", "n2", 0, 1, 1, 1), at)); !errors.Is(r.Err, tally.ErrFailedPrecondition) {
		t.Fatalf("submit while certified: %+v", r)
	}
	if r := appendOne(t, st, version(Sub("list", "n1", 0, 1, 2, 3), at)); r.Err != nil || !r.Replayed {
		t.Fatalf("replay while certified: %+v", r)
	}
	// The other contest is not certified.
	if r := appendOne(t, st, version(Sub("mayor", "n1", 0, 5, 6), at)); r.Err != nil || r.Stored.ResultsVersion != 3 {
		t.Fatalf("other contest: %+v", r)
	}
	if _, err := st.SetPhase(ctx, "test-2024", "list", tally.PhaseRecount, "recount ordered", at, note(tallylog.KindPhase, "recount ordered")); err != nil {
		t.Fatal(err)
	}
	rc := Correct(Sub("list", "n1", 0, 2, 2, 3), 1, "recount")
	rc.Kind = tally.Recount
	if r := appendOne(t, st, version(rc, at)); r.Err != nil || r.Stored.Version != 2 || r.Stored.ResultsVersion != 5 {
		t.Fatalf("recount: %+v", r)
	}
	chs, err := st.Changes(ctx, "test-2024", 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	wantKinds := []tally.ChangeKind{tally.ChangeNewProtocol, tally.ChangePhase, tally.ChangeNewProtocol, tally.ChangePhase, tally.ChangeRecount}
	if len(chs) != len(wantKinds) {
		t.Fatalf("changes = %+v", chs)
	}
	for i, c := range chs {
		if c.ResultsVersion != int64(i+1) || c.Kind != wantKinds[i] {
			t.Errorf("change %d = %+v, want version %d kind %v", i, c, i+1, wantKinds[i])
		}
	}
	if chs[1].Phase != tally.PhaseCertified || chs[4].Station != "n1" || chs[4].Version != 2 || chs[4].Reason != "recount" {
		t.Errorf("change details: %+v", chs)
	}
	tail, _ := st.Changes(ctx, "test-2024", 3, 1)
	if len(tail) != 1 || tail[0].ResultsVersion != 4 {
		t.Errorf("Changes(after 3, limit 1) = %+v", tail)
	}
	se, _ := st.GetElection(ctx, "test-2024")
	if se.ResultsVersion != 5 || se.Phases["list"] != tally.PhaseRecount || se.Phases["mayor"] != tally.PhaseCounting {
		t.Errorf("stored election state: %+v", se)
	}
	var seen []int64
	err = st.ScanProtocols(ctx, "test-2024", func(v tally.ProtocolVersion) error {
		seen = append(seen, v.ResultsVersion)
		return nil
	})
	if err != nil || len(seen) != 3 || seen[0] != 1 || seen[1] != 3 || seen[2] != 5 {
		t.Errorf("ScanProtocols order = %v, %v", seen, err)
	}
}

// StoreProtocolsAfter is the conformance case Store/ProtocolsAfter.
func (ts Suite) StoreProtocolsAfter(t *testing.T) {
	at := storeAt
	st := ts.newStore(t)
	appendOne(t, st, version(Sub("list", "n1", 0, 1, 2, 3), at))
	appendOne(t, st, version(Sub("list", "n2", 0, 4, 5, 6), at))
	if _, err := st.SetPhase(ctx, "test-2024", "list", tally.PhaseCertified, "", at, note(tallylog.KindPhase, "")); err != nil {
		t.Fatal(err)
	}
	appendOne(t, st, version(Sub("mayor", "s1", 0, 7, 8), at))
	appendOne(t, st, version(Sub("mayor", "s2", 0, 9, 10), at))
	for _, tc := range []struct {
		after, upTo int64
		limit       int
		want        []int64
	}{
		{0, 5, 10, []int64{1, 2, 4, 5}},
		{0, 100, 10, []int64{1, 2, 4, 5}},
		{1, 4, 10, []int64{2, 4}},
		{2, 3, 10, nil},
		{0, 5, 3, []int64{1, 2, 4}},
		{5, 9, 10, nil},
	} {
		got, err := st.ProtocolsAfter(ctx, "test-2024", tc.after, tc.upTo, tc.limit)
		if err != nil {
			t.Fatal(err)
		}
		var rvs []int64
		for _, v := range got {
			rvs = append(rvs, v.ResultsVersion)
		}
		if !slices.Equal(rvs, tc.want) {
			t.Errorf("ProtocolsAfter(%d, %d, %d) = %v, want %v", tc.after, tc.upTo, tc.limit, rvs, tc.want)
		}
	}
	got, err := st.ProtocolsAfter(ctx, "test-2024", 4, 5, 10)
	if err != nil || len(got) != 1 || got[0].Station != "s2" || got[0].Votes["Y"] != 10 || !got[0].SubmittedAt.Equal(at) {
		t.Errorf("ProtocolsAfter(4, 5) = %+v, %v", got, err)
	}
	if got, err := st.ProtocolsAfter(ctx, "nope", 0, 5, 10); err != nil || len(got) != 0 {
		t.Errorf("ProtocolsAfter(unknown election) = %+v, %v", got, err)
	}
}

// StoreUnitCount is the conformance case Store/UnitCount.
func (ts Suite) StoreUnitCount(t *testing.T) {
	st := ts.newStore(t)
	se, err := st.GetElection(ctx, "test-2024")
	if err != nil || se.UnitCount != 8 {
		t.Fatalf("UnitCount after create = %d, %v; want 8", se.UnitCount, err)
	}
	add := []tally.Unit{{ID: "s4", Parent: "south", Name: "S4", Level: tally.LevelStation, Registered: 10}}
	for range 2 { // the second time adds nothing
		if _, err := st.AddUnits(ctx, "test-2024", add, storeAt, note(tallylog.KindUnits, "added")); err != nil {
			t.Fatal(err)
		}
		list, err := st.ListElections(ctx)
		if err != nil || len(list) != 1 || list[0].UnitCount != 9 {
			t.Fatalf("UnitCount after AddUnits = %+v, %v; want 9", list, err)
		}
	}
}

// StoreElectionHeads is the conformance case Store/ElectionHeads: the
// heads a replica polls agree with ListElections after each kind of change.
func (ts Suite) StoreElectionHeads(t *testing.T) {
	st := ts.newStore(t)
	other := Election()
	other.ID = "a-2024" // before test-2024 by ID
	if err := st.CreateElection(ctx, other, note(tallylog.KindElection, "created")); err != nil {
		t.Fatal(err)
	}
	check := func(step string, want ...tally.ElectionHead) {
		t.Helper()
		heads, err := st.ElectionHeads(ctx)
		if err != nil || !slices.Equal(heads, want) {
			t.Fatalf("%s: ElectionHeads = %+v, %v; want %+v", step, heads, err, want)
		}
		list, err := st.ListElections(ctx)
		if err != nil || len(list) != len(heads) {
			t.Fatalf("%s: ListElections = %d, %v", step, len(list), err)
		}
		for i, se := range list {
			if h := heads[i]; se.Election.ID != h.ID || se.ResultsVersion != h.ResultsVersion || se.UnitCount != h.UnitCount {
				t.Errorf("%s: ListElections[%d] = %s v%d %d units, ElectionHeads %+v", step, i, se.Election.ID, se.ResultsVersion, se.UnitCount, h)
			}
		}
	}
	check("created", tally.ElectionHead{ID: "a-2024", UnitCount: 8}, tally.ElectionHead{ID: "test-2024", UnitCount: 8})
	appendOne(t, st, version(Sub("list", "s2", 100, 10, 20, 30), storeAt))
	check("protocol", tally.ElectionHead{ID: "a-2024", UnitCount: 8}, tally.ElectionHead{ID: "test-2024", ResultsVersion: 1, UnitCount: 8})
	add := []tally.Unit{{ID: "s4", Parent: "south", Name: "S4", Level: tally.LevelStation, Registered: 10}}
	if _, err := st.AddUnits(ctx, "a-2024", add, storeAt, note(tallylog.KindUnits, "added")); err != nil {
		t.Fatal(err)
	}
	check("units", tally.ElectionHead{ID: "a-2024", ResultsVersion: 1, UnitCount: 9}, tally.ElectionHead{ID: "test-2024", ResultsVersion: 1, UnitCount: 8})
	if _, err := st.SetPhase(ctx, "test-2024", "list", tally.PhaseCertified, "", storeAt, note(tallylog.KindPhase, "")); err != nil {
		t.Fatal(err)
	}
	check("phase", tally.ElectionHead{ID: "a-2024", ResultsVersion: 1, UnitCount: 9}, tally.ElectionHead{ID: "test-2024", ResultsVersion: 2, UnitCount: 8})
}

// StoreRoundTrip is the conformance case Store/RoundTrip.
func (ts Suite) StoreRoundTrip(t *testing.T) {
	at := storeAt
	st := ts.newStore(t)
	w := []tally.Violation{{Code: "T_INVALID_HIGH", Message: "m", Severity: tally.SeverityWarning, Lines: []string{"invalid", "cast"}, Left: 1000, Right: 50}}
	s := Sub("list", "s2", 100, 10, 20, 30)
	appendOne(t, st, version(s, at, w...))
	vs, err := st.ProtocolVersions(ctx, "test-2024", "list", "s2")
	if err != nil {
		t.Fatal(err)
	}
	v := vs[0]
	if !v.SubmittedAt.Equal(at) || v.Submitter != "commission-s2" || v.ContentHash != tally.ContentHash(s) ||
		v.IdempotencyKey != s.IdempotencyKey || v.Kind != tally.Original || len(v.Warnings) != 1 ||
		v.Warnings[0].Lines[1] != "cast" || v.Warnings[0].Right != 50 || v.Lines["invalid"] != 100 || v.Votes["C"] != 30 {
		t.Errorf("round trip = %+v", v)
	}
}

// StoreScanProtocolVectors is the conformance case Store/ScanProtocolVectors:
// every store offers the rebuild its vectors (tally.VectorScanner), and they
// hand over what ScanProtocols does, each count where the layout puts it: a
// layout in an order of its own, a name it leaves out dropped, a contest it
// does not know with no vector.
func (ts Suite) StoreScanProtocolVectors(t *testing.T) {
	at := storeAt
	st := ts.newStore(t)
	vs, ok := st.(tally.VectorScanner)
	if !ok {
		t.Fatalf("%T does not offer tally.VectorScanner", st)
	}
	w := []tally.Violation{{Code: "T_INVALID_HIGH", Message: "m", Severity: tally.SeverityWarning, Lines: []string{"invalid"}, Left: 9, Right: 1}}
	appendOne(t, st, version(Sub("list", "n1", 0, 1, 2, 3), at))
	appendOne(t, st, version(Sub("mayor", "s1", 5, 7, 8), at, w...))
	fix := Sub("list", "n1", 0, 1, 2, 1<<40)
	fix.Replaces, fix.IdempotencyKey, fix.Reason = 1, "n1-fix", "typo"
	appendOne(t, st, version(fix, at))
	appendOne(t, st, version(Sub("list", "n2", 3, -1, 0, 6), at))
	layout := func(contest string) ([]string, []string, bool) {
		if contest != "list" {
			return nil, nil, false
		}
		// Not sorted, "issued" left out, one name stored nowhere.
		return []string{"valid", "registered", "absent", "invalid", "cast"}, []string{"C", "A", "B"}, true
	}
	var want []tally.ProtocolVersion
	if err := st.ScanProtocols(ctx, "test-2024", func(v tally.ProtocolVersion) error { want = append(want, v); return nil }); err != nil {
		t.Fatal(err)
	}
	i := 0
	err := vs.ScanProtocolVectors(ctx, "test-2024", layout, func(v tally.ProtocolVersion, vals []int64) error {
		if i == len(want) {
			return fmt.Errorf("version %d beyond the %d ScanProtocols gave", v.ResultsVersion, len(want))
		}
		wv := want[i]
		i++
		var wantVals []int64
		if lines, choices, ok := layout(wv.Contest); ok {
			for _, l := range lines {
				wantVals = append(wantVals, wv.Lines[l])
			}
			for _, c := range choices {
				wantVals = append(wantVals, wv.Votes[c])
			}
		}
		if !slices.Equal(vals, wantVals) {
			t.Errorf("%s/%s v%d: vector %v, want %v", v.Contest, v.Station, v.Version, vals, wantVals)
		}
		if v.Lines != nil || v.Votes != nil {
			t.Errorf("%s/%s v%d: maps handed over with the vector", v.Contest, v.Station, v.Version)
		}
		wv.Lines, wv.Votes = nil, nil
		if fmt.Sprint(v) != fmt.Sprint(wv) {
			t.Errorf("version %+v, ScanProtocols gave %+v", v, wv)
		}
		return nil
	})
	if err != nil || i != len(want) || len(want) != 4 {
		t.Errorf("ScanProtocolVectors: %d of %d versions, %v", i, len(want), err)
	}
}
