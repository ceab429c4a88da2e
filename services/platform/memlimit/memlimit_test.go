package memlimit

import (
	"os"
	"path/filepath"
	"testing"
)

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"800MiB", 800 << 20, true},
		{"1GiB", 1 << 30, true},
		{"2TiB", 2 << 40, true},
		{"512KiB", 512 << 10, true},
		{"1073741824B", 1 << 30, true},
		{"800MB", 0, false}, // decimal units are not GOMEMLIMIT's
		{"800", 0, false},
		{"0MiB", 0, false},
		{"-1GiB", 0, false},
		{"1.5GiB", 0, false},
		{"99999999999TiB", 0, false},
		{"", 0, false},
	} {
		got, err := ParseSize(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestResolve(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	avail, err := Available()
	if err != nil || avail <= 0 {
		t.Fatalf("Available() = %d, %v", avail, err)
	}
	for _, tc := range []struct {
		in   string
		want int64
	}{
		{Off, 0},
		{Auto, avail / 4 * AutoShare},
		{"", avail / 4 * AutoShare},
		{"800MiB", 800 << 20},
	} {
		if got, err := Resolve(tc.in); err != nil || got != tc.want {
			t.Errorf("Resolve(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
		}
	}
	if _, err := Resolve("lots"); err == nil {
		t.Error("Resolve(lots): no error")
	}
	t.Setenv("GOMEMLIMIT", "1GiB")
	if got, _ := Resolve(Auto); got != 0 {
		t.Errorf("Resolve(auto) with GOMEMLIMIT set = %d, want 0 (the runtime's)", got)
	}
	if got, _ := Resolve("800MiB"); got != 800<<20 {
		t.Errorf("an explicit size with GOMEMLIMIT set = %d, want it", got)
	}
}

func TestMemTotal(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, body string
		want       int64
		ok         bool
	}{
		{"linux", "MemFree:  100 kB\nMemTotal:       24576000 kB\n", 24576000 << 10, true},
		{"missing", "MemFree:  100 kB\n", 0, false},
		{"garbled", "MemTotal: lots\n", 0, false},
	} {
		p := filepath.Join(dir, tc.name)
		if err := os.WriteFile(p, []byte(tc.body), 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := memTotal(p)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("%s: memTotal = %d, %v; want %d, ok %v", tc.name, got, err, tc.want, tc.ok)
		}
	}
}
