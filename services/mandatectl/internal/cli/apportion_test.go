package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeCase writes a case file of n parties (Hare, 10,000 seats, a 0.1%
// threshold with the runner-up rule: for 1,000 parties the margins take
// 20 ms or more of CPU).
func writeCase(t *testing.T, n int, extra string) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, `{"id":"big","seats":10000,"method":"hare","threshold":{"percent":"0.1"},"runner_up_guaranteed":true%s,"parties":[`, extra)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"name":"P%d","votes":%d}`, i, 1000+(i*7919)%100000)
	}
	b.WriteString("]}")
	path := filepath.Join(t.TempDir(), "case.json")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// A cancelled context (what SIGINT/SIGTERM do through main's
// signal.NotifyContext) stops apportion promptly, margins and all. The
// cancel comes 2 ms in, before the margins can be done (where exactly the
// engine stops is tested deterministically by apportion's
// TestMarginsStopOnCancel).
func TestApportionStopsOnCancel(t *testing.T) {
	path := writeCase(t, 1000, "")
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(2*time.Millisecond, cancel)
	var out, errOut bytes.Buffer
	start := time.Now()
	code := Main(ctx, []string{"apportion", "--case", path}, &out, &errOut)
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("took %v after cancellation", took)
	}
	if code == 0 || !strings.Contains(errOut.String(), "context canceled") {
		t.Errorf("exit %d, stderr %q", code, errOut.String())
	}
}

// Margins and awards can be switched off from the case file or the flags.
func TestApportionSkipMargins(t *testing.T) {
	for _, tc := range []struct{ extra, flag string }{{`,"skip_margins":true`, ""}, {"", "--skip-margins"}} {
		path := writeCase(t, 1000, tc.extra)
		args := []string{"apportion", "--case", path, "--format", "json"}
		if tc.flag != "" {
			args = append(args, tc.flag)
		}
		var out, errOut bytes.Buffer
		if code := Main(context.Background(), args, &out, &errOut); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		if !strings.Contains(out.String(), `"votes_to_gain_status": "not_computed"`) || strings.Contains(out.String(), `"votes_to_gain":`) {
			t.Errorf("margins not skipped: %.400s", out.String())
		}
	}
}
