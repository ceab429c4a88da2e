package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mandate-project/mandate/services/tally/tallylog"
)

func TestLogKeygenAndVerifyUsage(t *testing.T) {
	dir := t.TempDir()
	run := func(args ...string) (string, int) {
		var out, errOut bytes.Buffer
		code := Main(context.Background(), args, &out, &errOut)
		return out.String() + errOut.String(), code
	}
	file := filepath.Join(dir, "log.key")
	out, code := run("log", "keygen", "--name", "kz-cec", "--out", file)
	if code != 0 {
		t.Fatalf("keygen: %d %s", code, out)
	}
	if _, code := run("log", "keygen", "--out", file); code == 0 {
		t.Fatal("keygen overwrote an existing key")
	}
	skey, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	_, vkey, err := tallylog.NewSigner(string(skey))
	if err != nil || !strings.Contains(out, vkey) || !strings.HasPrefix(vkey, "kz-cec+") {
		t.Fatalf("keygen printed %q; key %q, %v", out, vkey, err)
	}
	if st, _ := os.Stat(file); st.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v", st.Mode())
	}
	// The verifier key is read from a file or given as is.
	vfile := filepath.Join(dir, "log.pub")
	if err := os.WriteFile(vfile, []byte(vkey+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{vkey, vfile} {
		if got, err := readKey(k); err != nil || got != vkey {
			t.Errorf("readKey(%q) = %q, %v", k, got, err)
		}
	}
	for _, args := range [][]string{{"verify"}, {"verify", "--export", "x", "--server", "y"}, {"verify", "--server", "y"}, {"log"}, {"log", "keygen"}} {
		if out, code := run(args...); code != 2 {
			t.Errorf("%v: exit %d, want 2 (usage): %s", args, code, out)
		}
	}
	if out, code := run("verify", "--export", filepath.Join(dir, "missing.zip")); code != 1 {
		t.Errorf("missing export: exit %d: %s", code, out)
	}
}
