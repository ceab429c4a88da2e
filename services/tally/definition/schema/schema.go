// Package schema holds the JSON Schema of election definition files. It is
// only the document, so the gateway can serve it and editors can validate a
// definition as it is typed; definition.Check validates with it.
package schema

import _ "embed"

// JSON is the JSON Schema (draft 2020-12) of a definition file, YAML or JSON.
//
//go:embed definition.schema.json
var JSON []byte

// URL is the schema's $id: where a definition's `$schema` comment may point
// when the file is read outside a Mandate gateway (which serves it at
// /schemas/definition.json).
const URL = "https://mandate-project.github.io/schemas/definition.json"
