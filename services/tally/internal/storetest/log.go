package storetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/tlog"

	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// leaves reads an election's whole log.
func leaves(t *testing.T, st tally.Store) [][]byte {
	t.Helper()
	ctx := context.Background()
	h, err := st.LogHead(ctx, "test-2024")
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	err = st.ReadLeaves(ctx, "test-2024", 0, h.Size, func(i int64, leaf []byte) error {
		if i != int64(len(out)) {
			return fmt.Errorf("leaf %d after %d leaves", i, len(out))
		}
		out = append(out, leaf)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if int64(len(out)) != h.Size {
		t.Fatalf("read %d leaves of %d", len(out), h.Size)
	}
	return out
}

// checkTree recomputes the tree of the leaves and compares it with the
// stored hashes: every record hash, and the root at every size.
func checkTree(t *testing.T, st tally.Store, ls [][]byte) {
	t.Helper()
	ctx := context.Background()
	r := tlog.HashReaderFunc(func(idx []int64) ([]tlog.Hash, error) { return st.ReadHashes(ctx, "test-2024", idx) })
	e := &tallylog.Edge{}
	for i, leaf := range ls {
		e.Append(leaf)
		hs, err := r.ReadHashes([]int64{tlog.StoredHashIndex(0, int64(i))})
		if err != nil || hs[0] != tlog.RecordHash(leaf) {
			t.Fatalf("record hash of leaf %d: %v", i, err)
		}
		root, err := tlog.TreeHash(int64(i+1), r)
		if err != nil || root != e.Root() {
			t.Fatalf("root at size %d differs: %v", i+1, err)
		}
		entry, _, err := tallylog.ParseLeaf(leaf)
		if err != nil || entry.Sequence != int64(i) {
			t.Fatalf("leaf %d: sequence %d, %v", i, entry.Sequence, err)
		}
	}
	if _, err := st.ReadHashes(ctx, "test-2024", []int64{tlog.StoredHashIndex(0, int64(len(ls)))}); !errors.Is(err, tally.ErrNotFound) {
		t.Errorf("hash beyond the log: %v, want ErrNotFound", err)
	}
}

// LogEveryChangeOneLeaf is the conformance case Log/EveryChangeOneLeaf.
func (ts Suite) LogEveryChangeOneLeaf(t *testing.T) {
	at := logAt
	st := ts.newStore(t)
	if h, err := st.LogHead(ctx, "test-2024"); err != nil || h.Size != 1 || h.ResultsVersion != 0 {
		t.Fatalf("LogHead after CreateElection = %+v, %v", h, err)
	}
	orig := Sub("list", "n1", 10, 300, 200, 100)
	r := appendOne(t, st, version(orig, at))
	if r.Err != nil || r.Stored.LogIndex != 1 {
		t.Fatalf("first protocol: %+v", r)
	}
	// A replay names the original leaf; refusals append nothing.
	if r := appendOne(t, st, version(orig, at)); !r.Replayed || r.Stored.LogIndex != 1 {
		t.Fatalf("replay: %+v", r)
	}
	if r := appendOne(t, st, version(Sub("list", "n1", 10, 301, 199, 100), at)); !errors.Is(r.Err, tally.ErrAlreadyExists) {
		t.Fatalf("second original: %+v", r)
	}
	ch, err := st.SetPhase(ctx, "test-2024", "list", tally.PhaseCertified, "", at, note(tallylog.KindPhase, "certified"))
	if err != nil || ch.LogIndex != 2 || ch.ResultsVersion != 2 {
		t.Fatalf("SetPhase: %+v, %v", ch, err)
	}
	if se, err := st.GetElection(ctx, "test-2024"); err != nil || se.ResultsLogSize != 3 {
		t.Fatalf("ResultsLogSize after the phase change = %d, %v; want 3", se.ResultsLogSize, err)
	}
	// Units: identical ones add no leaf, new ones one (a change: results
	// version 3).
	known := Election().Units[:2]
	if ch, err := st.AddUnits(ctx, "test-2024", known, at, note(tallylog.KindUnits, "again")); err != nil || ch != (tally.Change{}) {
		t.Fatalf("AddUnits of known units = %+v, %v; want no change", ch, err)
	}
	add := []tally.Unit{{ID: "s9", Parent: "south", Name: "S9", Level: tally.LevelStation, Registered: 10}}
	if ch, err := st.AddUnits(ctx, "test-2024", add, at, note(tallylog.KindUnits, "s9")); err != nil || ch.LogIndex != 3 || ch.ResultsVersion != 3 {
		t.Fatalf("AddUnits = %+v, %v; want leaf 3, results version 3", ch, err)
	}
	first, err := st.AppendLog(ctx, "test-2024", [][]byte{note(tallylog.KindRejection, "r1"), note(tallylog.KindRejection, "r2")})
	if err != nil || first != 4 {
		t.Fatalf("AppendLog = %d, %v; want 4", first, err)
	}
	if _, err := st.AppendLog(ctx, "nope", [][]byte{note(tallylog.KindRejection, "r")}); !errors.Is(err, tally.ErrNotFound) {
		t.Errorf("AppendLog(unknown election) = %v", err)
	}
	if _, err := st.LogHead(ctx, "nope"); !errors.Is(err, tally.ErrNotFound) {
		t.Errorf("LogHead(unknown election) = %v", err)
	}
	// ResultsLogSize stays at the last change's leaf.
	if se, err := st.GetElection(ctx, "test-2024"); err != nil || se.ResultsLogSize != 4 || se.ResultsVersion != 3 {
		t.Fatalf("stored election after refusals: %+v, %v", se, err)
	}
	ls := leaves(t, st)
	wantTails := [][]byte{note(tallylog.KindElection, "created"), version(orig, at).Leaf,
		note(tallylog.KindPhase, "certified"), note(tallylog.KindUnits, "s9"),
		note(tallylog.KindRejection, "r1"), note(tallylog.KindRejection, "r2")}
	if len(ls) != len(wantTails) {
		t.Fatalf("%d leaves, want %d", len(ls), len(wantTails))
	}
	for i, w := range wantTails {
		if !bytes.Equal(ls[i], tallylog.Leaf(int64(i), w)) {
			t.Errorf("leaf %d = %q, want %q", i, ls[i], tallylog.Leaf(int64(i), w))
		}
	}
	checkTree(t, st, ls)
	// Reads return each change's leaf.
	vs, err := st.ProtocolVersions(ctx, "test-2024", "list", "n1")
	if err != nil || vs[0].LogIndex != 1 {
		t.Errorf("ProtocolVersions log index: %+v, %v", vs, err)
	}
	chs, err := st.Changes(ctx, "test-2024", 0, 10)
	if err != nil || len(chs) != 3 || chs[0].LogIndex != 1 || chs[1].LogIndex != 2 || chs[2].LogIndex != 3 {
		t.Errorf("Changes log indexes: %+v, %v", chs, err)
	}
	after, err := st.ProtocolsAfter(ctx, "test-2024", 0, 2, 10)
	if err != nil || len(after) != 1 || after[0].LogIndex != 1 {
		t.Errorf("ProtocolsAfter log index: %+v, %v", after, err)
	}
}

// LogBatchesInOrder is the conformance case Log/BatchesInOrder.
func (ts Suite) LogBatchesInOrder(t *testing.T) {
	at := logAt
	// Enough distinct originals for a bulk insert, a correction among
	// them, and a refusal: the leaves follow the results versions.
	st := ts.newStore(t)
	var units []tally.Unit
	var batch []tally.ProtocolVersion
	for i := range 40 {
		id := fmt.Sprintf("b%02d", i)
		units = append(units, tally.Unit{ID: id, Parent: "north", Name: id, Level: tally.LevelStation, Registered: 100})
		batch = append(batch, version(Sub("list", id, 0, int64(i), 1, 1), at))
	}
	if ch, err := st.AddUnits(ctx, "test-2024", units, at, note(tallylog.KindUnits, "40")); err != nil || ch.ResultsVersion != 1 || ch.LogIndex != 1 {
		t.Fatalf("AddUnits = %+v, %v", ch, err)
	}
	res, err := st.AppendProtocols(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if r.Err != nil || r.Stored.ResultsVersion != int64(i+2) || r.Stored.LogIndex != int64(i+2) {
			t.Fatalf("item %d: %+v", i, r)
		}
	}
	mixed := []tally.ProtocolVersion{
		version(Sub("list", "n1", 0, 1, 1, 1), at),
		version(Correct(Sub("list", "b00", 0, 0, 1, 1), 1, "typo"), at),
		version(Sub("list", "b01", 0, 9, 9, 9), at), // second original: refused
		version(Sub("mayor", "b01", 0, 5, 5), at),
	}
	res, err = st.AppendProtocols(ctx, mixed)
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Stored.LogIndex != 42 || res[1].Stored.LogIndex != 43 || res[2].Err == nil || res[3].Stored.LogIndex != 44 ||
		res[3].Stored.ResultsVersion != 44 {
		t.Fatalf("mixed batch: %+v", res)
	}
	ls := leaves(t, st)
	if len(ls) != 45 {
		t.Fatalf("%d leaves, want 45", len(ls))
	}
	checkTree(t, st, ls)
}

// LogBulkBetweenOtherLeaves is the conformance case
// Log/BulkBetweenOtherLeaves: bulk inserts of originals (a store may make
// their leaves from a right edge of the log it keeps) with units' leaves
// appended between them, one and then several: every stored hash is the
// tree's.
func (ts Suite) LogBulkBetweenOtherLeaves(t *testing.T) {
	at := logAt
	st := ts.newStore(t)
	for round := range 4 {
		var units []tally.Unit
		var batch []tally.ProtocolVersion
		for i := range 40 {
			id := fmt.Sprintf("r%dx%02d", round, i)
			units = append(units, tally.Unit{ID: id, Parent: "north", Name: id, Level: tally.LevelStation, Registered: 100})
			batch = append(batch, version(Sub("list", id, 0, int64(i), 1, 1), at))
		}
		// Round k appends k+1 leaves of units before its protocols.
		for k := 0; k <= round; k++ {
			part := units[k*40/(round+1) : (k+1)*40/(round+1)]
			if _, err := st.AddUnits(ctx, "test-2024", part, at, note(tallylog.KindUnits, fmt.Sprintf("round %d part %d", round, k))); err != nil {
				t.Fatalf("round %d: AddUnits: %v", round, err)
			}
		}
		res, err := st.AppendProtocols(ctx, batch)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range res {
			if r.Err != nil {
				t.Fatalf("round %d item %d: %v", round, i, r.Err)
			}
		}
	}
	ls := leaves(t, st)
	// The election's leaf, then per round k: k+1 units leaves and 40 protocols.
	if want := 1 + (1 + 2 + 3 + 4) + 4*40; len(ls) != want {
		t.Fatalf("%d leaves, want %d", len(ls), want)
	}
	checkTree(t, st, ls)
}

// LogConcurrentDense is the conformance case Log/ConcurrentDense.
func (ts Suite) LogConcurrentDense(t *testing.T) {
	at := logAt
	// Concurrent writers of every kind: the leaves stay dense, and the
	// changes' leaves follow their results versions.
	st := ts.newStore(t)
	var wg sync.WaitGroup
	stations := []string{"n1", "n2", "s1", "s2", "s3"}
	for i, stn := range stations {
		wg.Go(func() {
			for _, c := range []string{"list", "mayor"} {
				v := version(Sub(c, stn, 0, 1, 2, 3), at)
				if c == "mayor" {
					v = version(Sub(c, stn, 0, 4, 5), at)
				}
				if _, err := st.AppendProtocols(ctx, []tally.ProtocolVersion{v}); err != nil {
					t.Error(err)
				}
			}
		})
		wg.Go(func() {
			if _, err := st.AppendLog(ctx, "test-2024", [][]byte{note(tallylog.KindRejection, fmt.Sprint(i))}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	ls := leaves(t, st)
	if len(ls) != 1+10+5 {
		t.Fatalf("%d leaves, want 16", len(ls))
	}
	checkTree(t, st, ls)
	var last int64
	err := st.ScanProtocols(ctx, "test-2024", func(v tally.ProtocolVersion) error {
		if v.LogIndex <= last {
			return fmt.Errorf("results version %d at leaf %d, after leaf %d", v.ResultsVersion, v.LogIndex, last)
		}
		last = v.LogIndex
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// LogRefusalsOnce is the conformance case Log/RefusalsOnce: a refusal is
// appended once per key, in a call or across calls, and the same key
// returns the entry of its first leaf (issue 14 item 4: retrying a refused
// request must not grow the log).
func (ts Suite) LogRefusalsOnce(t *testing.T) {
	st := ts.newStore(t)
	before, err := st.GetElection(ctx, "test-2024")
	if err != nil {
		t.Fatal(err)
	}
	refusal := func(key byte, what string) tally.Refusal {
		return tally.Refusal{Key: [32]byte{key}, Tail: note(tallylog.KindRejection, what)}
	}
	refs, err := st.AppendRefusals(ctx, "test-2024", []tally.Refusal{refusal(1, "a"), refusal(2, "b"), refusal(1, "a again")})
	if err != nil || len(refs) != 3 {
		t.Fatalf("AppendRefusals = %v, %v", refs, err)
	}
	want := []tally.LogRef{
		{Index: 1, Hash: tallylog.LeafHash(1, note(tallylog.KindRejection, "a"))},
		{Index: 2, Hash: tallylog.LeafHash(2, note(tallylog.KindRejection, "b"))},
	}
	if refs[0] != want[0] || refs[1] != want[1] || refs[2] != want[0] {
		t.Fatalf("entries %v, want %v", refs, []tally.LogRef{want[0], want[1], want[0]})
	}
	// Again in another call, with a new key between: only the new one is
	// appended.
	refs, err = st.AppendRefusals(ctx, "test-2024", []tally.Refusal{refusal(2, "b later"), refusal(3, "c"), refusal(1, "a later")})
	if err != nil || refs[0] != want[1] || refs[2] != want[0] || refs[1].Index != 3 ||
		refs[1].Hash != tallylog.LeafHash(3, note(tallylog.KindRejection, "c")) {
		t.Fatalf("second AppendRefusals = %v, %v", refs, err)
	}
	if _, err := st.AppendRefusals(ctx, "nope", []tally.Refusal{refusal(1, "a")}); !errors.Is(err, tally.ErrNotFound) {
		t.Errorf("AppendRefusals(unknown election) = %v", err)
	}
	ls := leaves(t, st)
	if len(ls) != 4 {
		t.Fatalf("%d leaves, want 4 (the election and three refusals)", len(ls))
	}
	for i, w := range []string{"a", "b", "c"} {
		if !bytes.Equal(ls[i+1], tallylog.Leaf(int64(i+1), note(tallylog.KindRejection, w))) {
			t.Errorf("leaf %d = %q", i+1, ls[i+1])
		}
	}
	checkTree(t, st, ls)
	if se, err := st.GetElection(ctx, "test-2024"); err != nil || se.ResultsLogSize != before.ResultsLogSize {
		t.Errorf("ResultsLogSize after refusals = %d, %v; want %d (refusals change no results)", se.ResultsLogSize, err, before.ResultsLogSize)
	}
}

// SharedEnvelopes appends to a new election of st three batches of
// protocols whose leaves share their envelope (the rows of an import
// request: the same entry but for the sequence, bodies that differ) and
// returns the tails of every leaf, by log index, from the first
// protocol's: batch 1 is 10 leaves of one envelope, batch 2 five of
// another then five of a third, batch 3 one leaf of the first envelope
// again. A store may store such leaves in less room (sqlitestore does,
// decision 109); reading them must give the leaves back byte for byte.
func SharedEnvelopes(t *testing.T, st tally.Store) (first int64, tails [][]byte) {
	t.Helper()
	at := logAt
	var units []tally.Unit
	for i := range 21 {
		id := fmt.Sprintf("r%02d", i)
		units = append(units, tally.Unit{ID: id, Parent: "north", Name: id, Level: tally.LevelStation, Registered: 100})
	}
	ch, err := st.AddUnits(ctx, "test-2024", units, at, note(tallylog.KindUnits, "21"))
	if err != nil {
		t.Fatal(err)
	}
	first = ch.LogIndex + 1
	envelope := func(when time.Time) tallylog.Entry {
		return tallylog.Entry{Kind: tallylog.KindProtocol, Election: "test-2024", Contest: "list",
			ProtocolKind: "ORIGINAL", Submitter: "importer", Version: 1, Time: when}
	}
	station := 0
	batch := func(envs ...tallylog.Entry) {
		var vs []tally.ProtocolVersion
		for _, e := range envs {
			id := fmt.Sprintf("r%02d", station)
			station++
			v := version(Sub("list", id, 0, int64(station), 2, 3), at)
			// A body with a newline and a zero byte in it: only the
			// envelope's newline ends the envelope.
			body := []byte(fmt.Sprintf("row\n%s\x00%d", id, station))
			if v.Leaf, err = tallylog.Tail(e, body); err != nil {
				t.Fatal(err)
			}
			vs = append(vs, v)
			tails = append(tails, v.Leaf)
		}
		res, err := st.AppendProtocols(ctx, vs)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range res {
			if r.Err != nil || r.Stored.LogIndex != first+int64(station-len(envs)+i) {
				t.Fatalf("protocol %d of the batch: %+v", i, r)
			}
		}
	}
	one, two, three := envelope(at), envelope(at.Add(time.Millisecond)), envelope(at.Add(time.Second))
	batch(one, one, one, one, one, one, one, one, one, one)
	batch(two, two, two, two, two, three, three, three, three, three)
	batch(one)
	return first, tails
}

// LogSharedEnvelopes is the conformance case Log/SharedEnvelopes: every
// range of a log whose leaves share envelopes reads back byte for byte,
// whichever leaf it starts at.
func (ts Suite) LogSharedEnvelopes(t *testing.T) {
	st := ts.newStore(t)
	first, tails := SharedEnvelopes(t, st)
	ls := leaves(t, st)
	if int64(len(ls)) != first+int64(len(tails)) {
		t.Fatalf("%d leaves, want %d", len(ls), first+int64(len(tails)))
	}
	for i, tl := range tails {
		idx := first + int64(i)
		if want := tallylog.Leaf(idx, tl); !bytes.Equal(ls[idx], want) {
			t.Fatalf("leaf %d:\n got %q\nwant %q", idx, ls[idx], want)
		}
	}
	for from := int64(0); from < int64(len(ls)); from++ {
		for to := from + 1; to <= int64(len(ls)); to++ {
			next := from
			err := st.ReadLeaves(ctx, "test-2024", from, to, func(i int64, leaf []byte) error {
				if i != next || !bytes.Equal(leaf, ls[i]) {
					return fmt.Errorf("leaf %d (want %d): %q", i, next, leaf)
				}
				next++
				return nil
			})
			if err != nil || next != to {
				t.Fatalf("ReadLeaves [%d, %d): %v, read up to %d", from, to, err, next)
			}
		}
	}
	checkTree(t, st, ls)
}
