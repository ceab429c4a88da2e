// The API reference: Swagger UI (vendored unmodified from npm's
// swagger-ui-dist, see README.md here) over the gateway's own /openapi.json.
// A separate file because the page's Content-Security-Policy allows no
// inline script.
"use strict";
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  // Nothing is sent to validator.swagger.io: the document is checked by the
  // gateway's tests, and the page loads nothing from outside.
  validatorUrl: null,
  // "Try it out" works against this gateway; writes need a token
  // (Authorize button, "Bearer <token>").
  tryItOutEnabled: false,
  displayOperationId: true,
  docExpansion: "list",
  defaultModelsExpandDepth: 0,
});
