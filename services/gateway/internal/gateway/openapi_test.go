package gateway_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestOpenAPIDocument loads the served document and checks it is a valid
// Swagger 2.0 description of the API: every reference resolves, every
// operation has a unique id and a response, path parameters are declared,
// and the write endpoints of both services are in it.
func TestOpenAPIDocument(t *testing.T) {
	h := handler(t, 1<<20)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/openapi.json", nil))
	if w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		t.Fatalf("GET /openapi.json: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	var doc map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if doc["swagger"] != "2.0" {
		t.Fatalf("swagger = %v, want 2.0", doc["swagger"])
	}
	defs, _ := doc["definitions"].(map[string]any)
	// Every $ref anywhere points at a definition that exists.
	var walk func(path string, v any)
	refs := 0
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			if ref, ok := v["$ref"].(string); ok {
				refs++
				name, ok := strings.CutPrefix(ref, "#/definitions/")
				if _, exists := defs[name]; !ok || !exists {
					t.Errorf("%s: $ref %s does not resolve", path, ref)
				}
			}
			for k, c := range v {
				walk(path+"/"+k, c)
			}
		case []any:
			for i, c := range v {
				walk(path+"/"+string(rune('0'+i%10)), c)
			}
		}
	}
	walk("#", doc)
	if refs == 0 {
		t.Error("no $ref at all")
	}
	paths, _ := doc["paths"].(map[string]any)
	ids := map[string]bool{}
	methods := map[string]bool{}
	for p, item := range paths {
		for m, op := range item.(map[string]any) {
			o := op.(map[string]any)
			id, _ := o["operationId"].(string)
			if id == "" || ids[id] {
				t.Errorf("%s %s: operationId %q missing or repeated", m, p, id)
			}
			ids[id] = true
			methods[strings.ToUpper(m)+" "+p] = true
			if rs, _ := o["responses"].(map[string]any); len(rs) == 0 {
				t.Errorf("%s %s: no responses", m, p)
			}
			declared := map[string]bool{}
			params, _ := o["parameters"].([]any)
			for _, prm := range params {
				pm := prm.(map[string]any)
				if pm["in"] == "path" {
					declared[pm["name"].(string)] = true
				}
			}
			for _, seg := range strings.Split(p, "/") {
				if strings.HasPrefix(seg, "{") {
					name := strings.Trim(strings.SplitN(seg, "}", 2)[0], "{}")
					if !declared[name] {
						t.Errorf("%s %s: path parameter %s not declared", m, p, name)
					}
				}
			}
		}
	}
	for _, want := range []string{"POST /v1/seats:apportion", "POST /v1/{parent}/protocols:submit", "GET /v1/{name}", "POST /v1/protocols:import"} {
		if !methods[want] {
			t.Errorf("%s is not described", want)
		}
	}
}
