package gateway_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"google.golang.org/grpc"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/gateway/internal/gateway"
	"github.com/mandate-project/mandate/services/platform/grpctest"
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
	for _, want := range []string{"POST /v1/seats:apportion", "POST /v1/elections/{election}/contests/{contest}/protocols:submit",
		"GET /v1/elections/{election}/contests/{contest}/totals/{total}", "POST /v1/protocols:import",
		"GET /charts/elections/{election}/contests/{contest}/hemicycle.svg", "POST /charts/hemicycle.svg",
		"GET /healthz", "GET /healthz/tally", "GET /healthz/seats", "GET /", "GET /docs", "GET /openapi.json", "GET /schemas/definition.json"} {
		if !methods[want] {
			t.Errorf("%s is not described", want)
		}
	}
}

// operations returns the document's operations by "METHOD path".
func operations(t *testing.T, doc map[string]any) map[string]map[string]any {
	t.Helper()
	ops := map[string]map[string]any{}
	paths, _ := doc["paths"].(map[string]any)
	for p, item := range paths {
		for m, op := range item.(map[string]any) {
			ops[strings.ToUpper(m)+" "+p] = op.(map[string]any)
		}
	}
	return ops
}

func servedDocument(t *testing.T, h http.Handler) map[string]any {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/openapi.json", nil))
	var doc map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		t.Fatalf("GET /openapi.json: %d, not JSON: %v", w.Code, err)
	}
	return doc
}

// TestOpenAPIReadable: what a reader of the document (or of /docs) sees
// first: a title and description, the build's version, paths that read like
// the resources they name, the bearer token on every write, and the right
// media types for streams and the export.
func TestOpenAPIReadable(t *testing.T) {
	tally := grpctest.Conn(t, func(s *grpc.Server) { tallyv1.RegisterTallyServiceServer(s, stubTally{}) })
	seats := grpctest.Conn(t, func(s *grpc.Server) { seatsv1.RegisterSeatsServiceServer(s, seatsv1.UnimplementedSeatsServiceServer{}) })
	h, err := gateway.New(context.Background(), gateway.Config{Tally: tally, Seats: seats, MaxBodyBytes: 1 << 20, Version: "v9.8.7-test"})
	if err != nil {
		t.Fatal(err)
	}
	doc := servedDocument(t, h)
	info, _ := doc["info"].(map[string]any)
	if info["title"] != "Mandate JSON API" || info["version"] != "v9.8.7-test" || len(fmt.Sprint(info["description"])) < 200 {
		t.Errorf("info: %v", info)
	}
	if def, _ := doc["securityDefinitions"].(map[string]any); def["Bearer"] == nil {
		t.Errorf("no Bearer security definition: %v", doc["securityDefinitions"])
	}
	ops := operations(t, doc)
	writes := map[string]bool{}
	for key, op := range ops {
		path := strings.SplitN(key, " ", 2)[1]
		// Every path parameter is one segment of a resource name: no
		// {name}, {parent} or {name_3} standing for several.
		for _, seg := range strings.Split(path, "/") {
			if strings.HasPrefix(seg, "{") && (strings.Contains(seg, "_") || strings.HasPrefix(seg, "{name") || strings.HasPrefix(seg, "{parent")) {
				t.Errorf("%s: path parameter %s is not a resource segment", key, seg)
			}
		}
		if sec, ok := op["security"].([]any); ok && len(sec) == 1 {
			if req, _ := sec[0].(map[string]any); req["Bearer"] != nil {
				writes[op["operationId"].(string)] = true
			}
		}
	}
	// The writes are exactly the methods the tally's access rules give to
	// the Submit and Administer roles.
	wantWrites := []string{"TallyService_CreateElection", "TallyService_BatchCreateReportingUnits", "TallyService_SubmitProtocol",
		"TallyService_ImportProtocols", "TallyService_SetContestPhase"}
	for _, id := range wantWrites {
		if !writes[id] {
			t.Errorf("%s does not require the bearer token", id)
		}
	}
	if len(writes) != len(wantWrites) {
		t.Errorf("operations requiring a token: %v, want %v", writes, wantWrites)
	}
	for key, want := range map[string]string{
		"GET /v1/elections/{election}/contests/{contest}/totals/{total}:watch": "application/x-ndjson",
		"GET /v1/elections/{election}/contests/{contest}:watchAllocation":      "application/x-ndjson",
		"GET /v1/elections/{election}:export":                                  "application/zip",
		"GET /charts/elections/{election}/contests/{contest}/hemicycle.svg":    "image/svg+xml",
	} {
		if got := fmt.Sprint(ops[key]["produces"]); got != "["+want+"]" {
			t.Errorf("%s produces %s, want %s", key, got, want)
		}
	}
	if got := fmt.Sprint(ops["POST /v1/protocols:import"]["consumes"]); got != "[application/x-ndjson]" {
		t.Errorf("import consumes %s", got)
	}
}

// TestDefinitionSchemaServed: the definition schema is served as the JSON
// Schema it is, the same bytes the tally's definition.Check validates with.
func TestDefinitionSchemaServed(t *testing.T) {
	h := handler(t, 1<<20)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/schemas/definition.json", nil))
	if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "application/schema+json" {
		t.Fatalf("GET /schemas/definition.json: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	var doc map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if doc["$schema"] != "https://json-schema.org/draft/2020-12/schema" || doc["title"] != "Mandate election definition" {
		t.Errorf("served document is not the definition schema: $schema %v, title %v", doc["$schema"], doc["title"])
	}
}
