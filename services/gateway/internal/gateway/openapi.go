package gateway

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"maps"

	"github.com/mandate-project/mandate/gen/openapi"
)

// The routes the gateway serves itself (page, reference, health, charts):
// not gRPC methods, so protoc-gen-openapiv2 cannot describe them, yet part
// of the API a reader of /docs expects to find.
//
//go:embed openapi_routes.json
var ownRoutes []byte

// openAPIDocument is the document the gateway serves: the one generated from
// proto/ (gen/openapi), with the build's version, the gateway's own routes,
// the export described as the file download it is, and the bearer token
// offered (optional) on every read. Built once at start; an error means the
// embedded files are broken, which the tests catch.
func openAPIDocument(version string) ([]byte, error) {
	var doc, own map[string]any
	if err := json.Unmarshal(openapi.Mandate, &doc); err != nil {
		return nil, fmt.Errorf("generated OpenAPI document: %w", err)
	}
	if err := json.Unmarshal(ownRoutes, &own); err != nil {
		return nil, fmt.Errorf("openapi_routes.json: %w", err)
	}
	info, _ := doc["info"].(map[string]any)
	if info == nil {
		return nil, fmt.Errorf("generated OpenAPI document has no info")
	}
	info["version"] = version
	paths, _ := doc["paths"].(map[string]any)
	ownPaths, _ := own["paths"].(map[string]any)
	if paths == nil || ownPaths == nil {
		return nil, fmt.Errorf("OpenAPI document without paths")
	}
	maps.Copy(paths, ownPaths)
	tags, _ := doc["tags"].([]any)
	ownTags, _ := own["tags"].([]any)
	doc["tags"] = append(tags, ownTags...)
	// Reads take a token too (needed when reads are not public): an empty
	// requirement or Bearer. Writes override this with Bearer alone.
	doc["security"] = []any{map[string]any{}, map[string]any{"Bearer": []any{}}}
	// The export answers with the archive's bytes (exportHandler), not the
	// stream of HttpBody chunks the generator describes.
	if item, ok := paths["/v1/elections/{election}:export"].(map[string]any); ok {
		if get, ok := item["get"].(map[string]any); ok {
			if rs, ok := get["responses"].(map[string]any); ok {
				rs["200"] = map[string]any{
					"description": "The ZIP archive (Content-Disposition: attachment; filename=\"{election}-export.zip\").",
					"schema":      map[string]any{"type": "file"},
				}
			}
		}
	}
	return json.MarshalIndent(doc, "", "  ")
}
