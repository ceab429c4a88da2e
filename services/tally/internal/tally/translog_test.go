package tally_test

import (
	"context"
	"crypto/rand"
	"errors"
	"path/filepath"
	"testing"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"github.com/mandate-project/mandate/services/tally/internal/sqlitestore"
	"github.com/mandate-project/mandate/services/tally/internal/storetest"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/tallylog"
)

// TestLog drives the Log type directly: checkpoints signed by the
// configured key, the range rules of its requests, and proofs that check.
func TestLog(t *testing.T) {
	ctx := context.Background()
	st, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "t.db"), sqlitestore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	skey, vkey, err := note.GenerateKey(rand.Reader, "logtest")
	if err != nil {
		t.Fatal(err)
	}
	svc, err := tally.NewServiceWith(ctx, st, tally.ServiceOptions{Now: storetest.NewClock().Now, LogKey: skey, CheckpointEvery: -1, Follow: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	if _, err := svc.DefineElection(ctx, storetest.Election()); err != nil {
		t.Fatal(err)
	}
	for _, s := range []tally.Submission{
		storetest.Sub("list", "n1", 10, 300, 200, 100),
		storetest.Sub("list", "s1", 30, 100, 100, 100),
		storetest.Sub("mayor", "n2", 0, 400, 390),
	} {
		if _, err := svc.Submit(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	l := svc.Log()
	if l.LogVerifierKey() != vkey {
		t.Fatalf("verifier key %q, want %q", l.LogVerifierKey(), vkey)
	}
	size, err := l.LogSize(ctx, "test-2024")
	if err != nil || size < 4 {
		t.Fatalf("LogSize = %d, %v; want the definition, units and three protocols", size, err)
	}

	for _, tc := range []struct {
		name     string
		election string
		size     int64
		want     error
		field    string
	}{
		{"whole log", "test-2024", 0, nil, ""},
		{"prefix", "test-2024", 2, nil, ""},
		{"negative", "test-2024", -1, tally.ErrInvalidArgument, "tree_size"},
		{"beyond the log", "test-2024", size + 1, tally.ErrInvalidArgument, "tree_size"},
		{"unknown election", "nope", 0, tally.ErrNotFound, ""},
	} {
		t.Run("Checkpoint/"+tc.name, func(t *testing.T) {
			c, err := l.Checkpoint(ctx, tc.election, tc.size)
			if tc.want != nil {
				var fe *tally.FieldError
				if !errors.Is(err, tc.want) || tc.field != "" && (!errors.As(err, &fe) || fe.Field != tc.field) {
					t.Fatalf("err = %v, want %v on %q", err, tc.want, tc.field)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			v, err := note.NewVerifier(vkey)
			if err != nil {
				t.Fatal(err)
			}
			opened, err := tallylog.OpenCheckpoint(c.Note, v)
			if err != nil {
				t.Fatalf("checkpoint does not verify: %v", err)
			}
			want := tc.size
			if want == 0 {
				want = size
			}
			if opened.Size != want || opened.Election != "test-2024" {
				t.Fatalf("checkpoint of %s at %d, want test-2024 at %d", opened.Election, opened.Size, want)
			}
		})
	}

	whole, err := l.Checkpoint(ctx, "test-2024", 0)
	if err != nil {
		t.Fatal(err)
	}
	for i := range size {
		p, leaf, err := l.InclusionProof(ctx, "test-2024", i, size)
		if err != nil {
			t.Fatal(err)
		}
		if err := tlog.CheckRecord(p, size, whole.Root, i, leaf); err != nil {
			t.Errorf("inclusion of %d: %v", i, err)
		}
	}
	older, err := l.Checkpoint(ctx, "test-2024", 2)
	if err != nil {
		t.Fatal(err)
	}
	tp, err := l.ConsistencyProof(ctx, "test-2024", 2, size)
	if err != nil {
		t.Fatal(err)
	}
	if err := tlog.CheckTree(tp, size, whole.Root, 2, older.Root); err != nil {
		t.Errorf("consistency 2 -> %d: %v", size, err)
	}
	if _, err := l.ConsistencyProof(ctx, "test-2024", 3, 2); !errors.Is(err, tally.ErrInvalidArgument) {
		t.Errorf("older above newer: %v, want INVALID_ARGUMENT", err)
	}

	// Publishing: nothing before the first call, then the whole log.
	if _, ok := l.LatestPublished("test-2024"); ok {
		t.Fatal("a checkpoint was published with publishing off")
	}
	if err := l.PublishCheckpoints(ctx); err != nil {
		t.Fatal(err)
	}
	if p, ok := l.LatestPublished("test-2024"); !ok || p.Size != size {
		t.Fatalf("published %+v, %v; want the whole log of %d", p, ok, size)
	}
}
