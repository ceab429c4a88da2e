// Package openapi embeds the OpenAPI v2 document generated from proto/ so the
// gateway can serve it. The JSON beside this file is generated; this file is
// not.
package openapi

import _ "embed"

// Mandate is the merged OpenAPI v2 (Swagger) document of the tally and seats
// services.
//
//go:embed mandate.swagger.json
var Mandate []byte
