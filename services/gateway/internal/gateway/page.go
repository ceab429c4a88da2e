package gateway

import (
	"embed"
	"io/fs"
	"net/http"
)

// The live results page: plain HTML, CSS and JavaScript over the JSON API,
// no build step. It is served from the binary, so the page and the API
// always come from the same version.
//
//go:embed web
var web embed.FS

func pageHandlers(mux *http.ServeMux) {
	sub, err := fs.Sub(web, "web")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	index, err := fs.ReadFile(sub, "index.html")
	if err != nil {
		panic(err)
	}
	mux.Handle("GET /app/", secure(http.StripPrefix("/app/", http.FileServerFS(sub))))
	mux.Handle("GET /{$}", secure(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(index)
	})))
}

// secure sets the headers of the pages: everything they load is their own
// (charts are inline SVG, Swagger UI's styles are set by its script, hence
// 'unsafe-inline' for styles only), and they may not be framed.
func secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "no-cache")
		h.ServeHTTP(w, r)
	})
}

// The API reference: Swagger UI over /openapi.json (docs/README.md says
// where its files come from).
//
//go:embed docs/index.html docs/docs.js docs/docs.css docs/swagger-ui-dist
var docs embed.FS

func docsHandlers(mux *http.ServeMux) {
	sub, err := fs.Sub(docs, "docs")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	index, err := fs.ReadFile(sub, "index.html")
	if err != nil {
		panic(err)
	}
	mux.Handle("GET /docs/", secure(http.StripPrefix("/docs/", http.FileServerFS(sub))))
	mux.Handle("GET /docs", secure(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(index)
	})))
}
