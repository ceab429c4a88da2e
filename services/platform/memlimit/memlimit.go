// Package memlimit sets a daemon's soft memory limit (runtime/debug.
// SetMemoryLimit): the collector then works harder as the heap nears it
// instead of letting the heap double past the live set, which is what
// keeps a tally of a million stations inside one GiB right after an import
// (issue 19, decision 104).
package memlimit

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// Auto is the setting that derives the limit from the memory the process
// may use: AutoShare of it.
const Auto = "auto"

// Off is the setting that sets no limit.
const Off = "off"

// AutoShare is the part of the available memory Auto takes, in quarters:
// the rest is for what the Go heap does not hold (SQLite's page caches,
// stacks, the allocator's slack).
const AutoShare = 3

// Resolve returns the limit in bytes a setting asks for: 0 for none. A
// setting is Off, Auto (or empty) or a size with a unit as GOMEMLIMIT
// takes them (B, KiB, MiB, GiB, TiB). Auto yields to GOMEMLIMIT when that
// is set, since the operator said so; an explicit size does not.
func Resolve(setting string) (int64, error) {
	switch setting {
	case Off:
		return 0, nil
	case Auto, "":
		if os.Getenv("GOMEMLIMIT") != "" {
			return 0, nil
		}
		avail, err := Available()
		if err != nil || avail <= 0 {
			return 0, nil // nothing known: no limit, as without the flag
		}
		return avail / 4 * AutoShare, nil
	}
	n, err := ParseSize(setting)
	if err != nil {
		return 0, fmt.Errorf("memory limit (%s, %s or a size): %w", Auto, Off, err)
	}
	return n, nil
}

// Set resolves a setting and applies it; it returns the limit set (0:
// none, and the runtime's own, GOMEMLIMIT or none, stays).
func Set(setting string) (int64, error) {
	n, err := Resolve(setting)
	if err != nil {
		return 0, err
	}
	if n > 0 {
		debug.SetMemoryLimit(n)
	}
	return n, nil
}

var units = []struct {
	suffix string
	shift  uint
}{{"TiB", 40}, {"GiB", 30}, {"MiB", 20}, {"KiB", 10}, {"B", 0}}

// ParseSize reads a size such as 800MiB or 1073741824B.
func ParseSize(s string) (int64, error) {
	for _, u := range units {
		num, ok := strings.CutSuffix(s, u.suffix)
		if !ok {
			continue
		}
		n, err := strconv.ParseInt(num, 10, 64)
		if err != nil || n <= 0 || n > (1<<62)>>u.shift {
			return 0, fmt.Errorf("size %q: want a positive whole number before %s", s, u.suffix)
		}
		return n << u.shift, nil
	}
	return 0, fmt.Errorf("size %q: want a whole number and a unit, such as 800MiB (B, KiB, MiB, GiB, TiB)", s)
}

// Available is the memory the process may use: its cgroup's limit when
// there is one, else the machine's total memory.
func Available() (int64, error) {
	total, err := memTotal("/proc/meminfo")
	if err != nil {
		return 0, err
	}
	if c, ok := cgroupLimit(); ok && c < total {
		return c, nil
	}
	return total, nil
}

// cgroupLimit reads the limit of the process's cgroup (v2, then v1); ok
// false when there is none.
func cgroupLimit() (int64, bool) {
	for _, f := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
		if err == nil && n > 0 {
			return n, true // "max" (v2 without a limit) does not parse
		}
	}
	return 0, false
}

// memTotal reads MemTotal from a meminfo file.
func memTotal(path string) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "MemTotal:")
		if !ok {
			continue
		}
		kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%s: MemTotal %q", path, rest)
		}
		return kb << 10, nil
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, errors.New(path + ": no MemTotal")
}
