// Package migrate applies a store's numbered schema migrations
// (migrations/NNNN_name.sql, embedded by the store) in order, each once.
// The stores keep their SQL and their transaction; the order, numbering and
// gap rules are here, so the backends cannot drift apart.
package migrate

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
)

// Migration is one numbered script.
type Migration struct {
	Version int
	Name    string // the file name, for errors
	SQL     string
}

// Target is a schema being migrated, inside the store's transaction.
type Target interface {
	// Version returns the version applied last; 0 for a new database.
	Version(ctx context.Context) (int, error)
	// Apply runs m's script and records m.Version as applied.
	Apply(ctx context.Context, m Migration) error
}

// Load reads migrations/*.sql from fsys, in version order. A file whose
// name does not start with its number, or two files of one number, fail.
func Load(fsys fs.FS) ([]Migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var out []Migration
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		n, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("migration %s is not numbered", base)
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Version: n, Name: base, SQL: string(body)})
	}
	slices.SortFunc(out, func(a, b Migration) int { return a.Version - b.Version })
	for i := 1; i < len(out); i++ {
		if out[i].Version == out[i-1].Version {
			return nil, fmt.Errorf("migrations %s and %s have one number", out[i-1].Name, out[i].Name)
		}
	}
	return out, nil
}

// Run applies to t, in order, the migrations of fsys above t's version. The
// versions must follow each other: a gap (a schema newer than a missing
// script, or a missing script in between) fails before anything is applied.
func Run(ctx context.Context, fsys fs.FS, t Target) error {
	all, err := Load(fsys)
	if err != nil {
		return err
	}
	cur, err := t.Version(ctx)
	if err != nil {
		return fmt.Errorf("schema version: %w", err)
	}
	todo, err := Pending(all, cur)
	if err != nil {
		return err
	}
	for _, m := range todo {
		if err := t.Apply(ctx, m); err != nil {
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
	}
	return nil
}

// Pending returns the migrations to apply to a schema at version cur.
func Pending(all []Migration, cur int) ([]Migration, error) {
	// A schema newer than every script is a store a later build wrote,
	// in forms this build may not read: refused before anything runs.
	if n := len(all); n > 0 && cur > all[n-1].Version {
		return nil, fmt.Errorf("schema is at version %d, newer than this build's last migration %s: use the build that wrote it or a later one", cur, all[n-1].Name)
	}
	var todo []Migration
	next := cur + 1
	for _, m := range all {
		if m.Version <= cur {
			continue
		}
		if m.Version != next {
			return nil, fmt.Errorf("schema is at version %d, cannot apply %s", next-1, m.Name)
		}
		todo = append(todo, m)
		next++
	}
	return todo, nil
}
