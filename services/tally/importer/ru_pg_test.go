package importer_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/mandate-project/mandate/services/platform/testsupport"
	"github.com/mandate-project/mandate/services/tally/internal/pgstore"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// pgDatabase creates an empty database from MANDATE_TEST_POSTGRES_URL,
// dropped when the test ends, and returns its URL; it skips the test
// without PostgreSQL.
func pgDatabase(t *testing.T) string {
	t.Helper()
	base := testsupport.PostgresURL(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		testsupport.Skip(t, testsupport.Postgres, "PostgreSQL tests skipped: MANDATE_TEST_POSTGRES_URL unreachable: %v", err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "mandate_test_" + hex.EncodeToString(b)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		conn.Close(ctx)
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx := context.Background()
		if _, err := conn.Exec(ctx, "DROP DATABASE "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop %s: %v", name, err)
		}
		conn.Close(ctx)
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// TestImportRU2016Postgres is TestImportRU2016 on PostgreSQL.
func TestImportRU2016Postgres(t *testing.T) {
	testsupport.RUStations(t)
	testsupport.SkipSlow(t)
	db := pgDatabase(t)
	ctx := context.Background()
	open := func() (*tally.Service, *pgstore.Store) {
		st, err := pgstore.Open(ctx, db, pgstore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		svc, err := tally.NewService(ctx, st, nil)
		if err != nil {
			t.Fatal(err)
		}
		return svc, st
	}
	svc, st := open()
	start := time.Now()
	rep := runRU(t, svc)
	t.Logf("RU 2016: %d rows, %d accepted, %d units, %v end to end (CSV -> validation -> PostgreSQL -> totals)",
		rep.Rows, rep.Accepted, rep.UnitsAdded, time.Since(start))
	if rep.Rows != 96871 || rep.Accepted != 96871 || rep.Rejected != 0 {
		t.Fatalf("rows %d accepted %d rejected %d", rep.Rows, rep.Accepted, rep.Rejected)
	}
	checkRU(t, svc)
	svc.Close()
	st.Close()

	start = time.Now()
	svc, st = open()
	defer st.Close()
	defer svc.Close()
	t.Logf("restart (rebuild from PostgreSQL): %v", time.Since(start))
	checkRU(t, svc)
}
