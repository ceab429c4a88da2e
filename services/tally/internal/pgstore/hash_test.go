package pgstore_test

import (
	"bytes"
	"context"
	"math/rand/v2"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/mandate-project/mandate/services/tally/internal/storetest"
	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// TestLogAppendMatchesGo proves that the PL/pgSQL log_append (migration
// 0002, kept in the database so that replicas append in the order of the
// election's lock) hashes exactly as the Go log does (tallylog, which
// sqlitestore and every verifier use): for random tails in random batches,
// every stored leaf and every stored tree hash equal the Go ones.
func TestLogAppendMatchesGo(t *testing.T) {
	ctx := context.Background()
	u := freshURL(t)
	st := open(t, u)
	defer st.Close()
	first := storetest.Note("election", "created")
	if err := st.CreateElection(ctx, storetest.Election(), first); err != nil {
		t.Fatal(err)
	}
	edge, err := tallylog.NewEdge(0, nil)
	if err != nil {
		t.Fatal(err)
	}
	var wantLeaves, wantHashes [][]byte
	add := func(tail []byte) {
		leaf := tallylog.AppendLeaf(nil, edge.Size(), tail)
		var hs []byte
		for _, h := range edge.Append(leaf) {
			hs = append(hs, h[:]...)
		}
		wantLeaves, wantHashes = append(wantLeaves, leaf), append(wantHashes, hs)
	}
	add(first)
	rng := rand.New(rand.NewPCG(13, 2026))
	for range 40 {
		batch := make([][]byte, 1+rng.IntN(9))
		for i := range batch {
			tail := make([]byte, 1+rng.IntN(300))
			for j := range tail {
				tail[j] = byte(rng.UintN(256))
			}
			batch[i] = tail
		}
		idx, err := st.AppendLog(ctx, "test-2024", batch)
		if err != nil {
			t.Fatal(err)
		}
		if idx != int64(len(wantLeaves)) {
			t.Fatalf("AppendLog returned index %d, want %d", idx, len(wantLeaves))
		}
		for _, tail := range batch {
			add(tail)
		}
	}

	conn, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT idx, leaf, hashes FROM log_entries WHERE election = 'test-2024' ORDER BY idx`)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for rows.Next() {
		var idx int64
		var leaf, hashes []byte
		if err := rows.Scan(&idx, &leaf, &hashes); err != nil {
			t.Fatal(err)
		}
		if idx != int64(n) || n >= len(wantLeaves) {
			t.Fatalf("row %d has index %d (%d leaves appended)", n, idx, len(wantLeaves))
		}
		if !bytes.Equal(leaf, wantLeaves[n]) {
			t.Errorf("leaf %d: PL/pgSQL %q, Go %q", n, leaf, wantLeaves[n])
		}
		if !bytes.Equal(hashes, wantHashes[n]) {
			t.Errorf("hashes of leaf %d: PL/pgSQL %x, Go %x", n, hashes, wantHashes[n])
		}
		n++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n != len(wantLeaves) {
		t.Fatalf("%d leaves stored, want %d", n, len(wantLeaves))
	}
}
