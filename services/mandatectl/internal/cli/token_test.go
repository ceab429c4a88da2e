package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mandate-project/mandate/services/platform/auth"
)

func TestTokenKeygenIssue(t *testing.T) {
	dir := t.TempDir()
	run := func(args ...string) (string, int) {
		var out, errOut bytes.Buffer
		code := Main(context.Background(), args, &out, &errOut)
		return out.String() + errOut.String(), code
	}
	prefix := filepath.Join(dir, "tally")
	if out, code := run("token", "keygen", "--out", prefix); code != 0 {
		t.Fatalf("keygen: %d %s", code, out)
	}
	if out, code := run("token", "keygen", "--out", prefix); code == 0 {
		t.Fatalf("keygen overwrote an existing key: %s", out)
	}
	out, code := run("token", "issue", "--key", prefix+".key", "--role", "commission", "--subject", "uik-17", "--unit", "astana-1,astana-2", "--ttl", "1h")
	if code != 0 {
		t.Fatalf("issue: %d %s", code, out)
	}
	_, v, err := auth.LoadKey(prefix + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	c, err := auth.Verify(strings.TrimSpace(out), []auth.Verifier{v}, time.Now(), time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if c.Role != auth.Commission || c.Subject != "uik-17" || len(c.Units) != 2 || c.Units[1] != "astana-2" {
		t.Errorf("claims %+v", c)
	}
	if out, code := run("token", "issue", "--key", prefix+".pub", "--role", "admin", "--subject", "x"); code == 0 {
		t.Errorf("issued with a public key: %s", out)
	}
	if out, code := run("token", "issue", "--key", prefix+".key", "--role", "root", "--subject", "x"); code == 0 {
		t.Errorf("issued an unknown role: %s", out)
	}
}
