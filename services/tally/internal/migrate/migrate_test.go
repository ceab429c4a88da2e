package migrate

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// memTarget records what was applied, as a store's schema table would.
type memTarget struct {
	version int
	applied []string
}

func (m *memTarget) Version(context.Context) (int, error) { return m.version, nil }

func (m *memTarget) Apply(_ context.Context, mg Migration) error {
	m.applied = append(m.applied, mg.Name)
	m.version = mg.Version
	return nil
}

func files(names ...string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, n := range names {
		fsys["migrations/"+n] = &fstest.MapFile{Data: []byte("-- " + n)}
	}
	return fsys
}

func TestRun(t *testing.T) {
	for _, tc := range []struct {
		name    string
		files   fstest.MapFS
		from    int
		applied string
		err     string
	}{
		{"new database", files("0002_b.sql", "0001_a.sql", "0003_c.sql"), 0, "0001_a.sql 0002_b.sql 0003_c.sql", ""},
		{"up to date", files("0001_a.sql", "0002_b.sql"), 2, "", ""},
		{"pending only", files("0001_a.sql", "0002_b.sql", "0003_c.sql"), 1, "0002_b.sql 0003_c.sql", ""},
		{"missing script", files("0001_a.sql", "0003_c.sql"), 0, "", "schema is at version 1, cannot apply 0003_c.sql"},
		{"schema behind the first script", files("0003_c.sql"), 1, "", "schema is at version 1, cannot apply 0003_c.sql"},
		{"unnumbered", files("0001_a.sql", "init.sql"), 0, "", "migration init.sql is not numbered"},
		{"one number twice", files("0001_a.sql", "0001_b.sql"), 0, "", "have one number"},
		{"newer schema than the scripts", files("0001_a.sql"), 5, "", "schema is at version 5, newer than this build's last migration 0001_a.sql"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			target := &memTarget{version: tc.from}
			err := Run(context.Background(), tc.files, target)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				if len(target.applied) != 0 {
					t.Fatalf("applied %v before failing", target.applied)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(target.applied, " "); got != tc.applied {
				t.Fatalf("applied %q, want %q", got, tc.applied)
			}
		})
	}
}
