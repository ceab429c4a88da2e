package e2e

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRequestIDAcrossTheHop: one allocation asked of the gateway goes to
// seatsd, which asks tallyd; every log line of the call, in all three
// daemons, names the id the client sent.
func TestRequestIDAcrossTheHop(t *testing.T) {
	s := start(t)
	loadDemo(t, s)
	const id = "e2e-hop-7f3a"
	req, err := http.NewRequest(http.MethodPost, s.HTTP+"/v1/"+contest+":allocate", strings.NewReader(`{"preset": "presets/kz-mazhilis-2009"}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("X-Request-Id", id)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("X-Request-Id") != id {
		t.Fatalf("HTTP %d, X-Request-Id %q", resp.StatusCode, resp.Header.Get("X-Request-Id"))
	}
	// The services write a call's line once it is answered; give them a
	// moment to reach the files.
	for _, daemon := range []string{"gatewayd", "seatsd", "tallyd"} {
		var lines []map[string]any
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if lines = linesOf(t, filepath.Join(s.dir, daemon+".log"), id); len(lines) > 0 {
				break
			}
		}
		if len(lines) == 0 {
			t.Errorf("%s logged no line with request id %s", daemon, id)
			continue
		}
		for _, l := range lines {
			if l["request_id"] != id {
				t.Errorf("%s: a line of the call names %v, not %s: %v", daemon, l["request_id"], id, l)
			}
		}
		t.Logf("%s: %d lines name %s", daemon, len(lines), id)
	}
}

// linesOf returns the JSON log lines of file that mention id anywhere.
func linesOf(t *testing.T, file, id string) []map[string]any {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	for _, line := range strings.Split(string(b), "\n") {
		if !strings.Contains(line, id) {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			continue
		}
		out = append(out, m)
	}
	return out
}
