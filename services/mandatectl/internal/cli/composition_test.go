package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mandate-project/mandate/services/platform/testsupport"
)

// TestChamberFromLiveTally: `mandatectl chamber` composes the demo's
// Mazhilis (98 list seats and the Assembly of People's 9) from the live
// count, as JSON and as a table; a malformed name is a usage error.
func TestChamberFromLiveTally(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs tallyd and seatsd")
	}
	s := startLive(t)
	ctx := context.Background()
	var out, errOut bytes.Buffer
	if code := Main(ctx, []string{"demo", "load", "--server", s.tally.Addr, "--token", s.admin, "--examples", filepath.Join(testsupport.RepoRoot(t), "examples")}, &out, &errOut); code != 0 {
		t.Fatalf("demo load exit %d: %s %s", code, out.String(), errOut.String())
	}
	args := []string{"chamber", "--server", s.seats.Addr, "--token", s.reader, "elections/kz-2012/chambers/mazhilis"}
	out.Reset()
	if code := Main(ctx, append(args[:5:5], "--format", "json", args[5]), &out, &errOut); code != 0 {
		t.Fatalf("chamber exit %d: %s", code, errOut.String())
	}
	var c struct {
		TotalSeats int
		Parties    []struct {
			Party string
			Seats int
		}
	}
	if err := json.Unmarshal(out.Bytes(), &c); err != nil {
		t.Fatalf("chamber JSON: %v\n%s", err, out.String())
	}
	seats := map[string]int{}
	for _, p := range c.Parties {
		seats[p.Party] = p.Seats
	}
	if c.TotalSeats != 107 || seats["nur-otan"] != 83 || seats["ak-zhol"] != 8 || seats["cppk"] != 7 || seats["reserved-assembly"] != 9 {
		t.Errorf("composition %d seats %v", c.TotalSeats, seats)
	}
	out.Reset()
	if code := Main(ctx, args, &out, &errOut); code != 0 || !strings.Contains(out.String(), "Assembly of People") || !strings.Contains(out.String(), "107 seats") {
		t.Errorf("table: exit %d\n%s", code, out.String())
	}
	if code := Main(ctx, []string{"chamber", "--server", s.seats.Addr, "elections/kz-2012/contests/mazhilis"}, &out, &errOut); code != 2 {
		t.Errorf("a contest's name: exit %d, want 2", code)
	}
}
