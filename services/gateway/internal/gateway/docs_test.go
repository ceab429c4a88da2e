package gateway_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDocsViewerVendored: the vendored Swagger UI files are the ones
// recorded (unmodified npm files; make docs-viewer replaces both), and
// nothing else sits beside them.
func TestDocsViewerVendored(t *testing.T) {
	f, err := os.Open(filepath.Join("docs", "swagger-ui-dist.sha256"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	listed := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok {
			t.Fatalf("bad line %q", sc.Text())
		}
		listed[name] = true
		b, err := os.ReadFile(filepath.Join("docs", "swagger-ui-dist", name))
		if err != nil {
			t.Fatal(err)
		}
		if got := sha256.Sum256(b); hex.EncodeToString(got[:]) != sum {
			t.Errorf("%s was changed: vendored files are kept as npm ships them", name)
		}
	}
	for _, want := range []string{"LICENSE", "package.json", "swagger-ui-bundle.js", "swagger-ui.css"} {
		if !listed[want] {
			t.Errorf("%s is not vendored", want)
		}
	}
	entries, err := os.ReadDir(filepath.Join("docs", "swagger-ui-dist"))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(listed) {
		t.Errorf("%d files in swagger-ui-dist, %d recorded", len(entries), len(listed))
	}
}

// TestDocsServed: /docs and what it loads are served with the page's
// security headers.
func TestDocsServed(t *testing.T) {
	h := handler(t, 1<<20)
	for path, ctype := range map[string]string{
		"/docs":         "text/html",
		"/docs/docs.js": "text/javascript",
		"/docs/swagger-ui-dist/swagger-ui-bundle.js": "text/javascript",
		"/docs/swagger-ui-dist/swagger-ui.css":       "text/css",
	} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
		if w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Type"), ctype) {
			t.Errorf("GET %s: %d %s", path, w.Code, w.Header().Get("Content-Type"))
		}
		if !strings.Contains(w.Header().Get("Content-Security-Policy"), "default-src 'self'") {
			t.Errorf("GET %s: no Content-Security-Policy", path)
		}
	}
}
