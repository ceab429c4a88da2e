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
	secure := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			// Everything the page loads is its own; charts are inline SVG.
			w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
			w.Header().Set("X-Content-Type-Options", "nosniff")
			w.Header().Set("Cache-Control", "no-cache")
			h.ServeHTTP(w, r)
		})
	}
	mux.Handle("GET /app/", secure(http.StripPrefix("/app/", http.FileServerFS(sub))))
	mux.Handle("GET /{$}", secure(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(index)
	})))
}
