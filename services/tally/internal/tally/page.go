package tally

import (
	"encoding/base64"
	"strings"
)

// Page sizes follow AIP-158.
const (
	DefaultPageSize = 50
	MaxPageSize     = 1000
)

// PageRequest asks for one page of a list. Size 0 means DefaultPageSize;
// sizes above MaxPageSize are capped. Token is the NextPageToken of the
// previous page, opaque to clients, and valid only with the same query.
type PageRequest struct {
	Size  int
	Token string
}

// parse returns the page size and the last key of the previous page.
func (p PageRequest) parse(scope string) (int, string, error) {
	size := p.Size
	switch {
	case size < 0:
		return 0, "", fieldErr("page_size", "OUT_OF_RANGE", "page size must not be negative")
	case size == 0:
		size = DefaultPageSize
	case size > MaxPageSize:
		size = MaxPageSize
	}
	if p.Token == "" {
		return size, "", nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(p.Token)
	if err != nil {
		return 0, "", fieldErr("page_token", "INVALID_PAGE_TOKEN", "page token is malformed")
	}
	sc, last, ok := strings.Cut(string(raw), "\x00")
	if !ok || sc != "v1|"+scope || last == "" {
		return 0, "", fieldErr("page_token", "INVALID_PAGE_TOKEN", "page token does not belong to this query")
	}
	return size, last, nil
}

// pageToken encodes the query scope and the last key returned.
func pageToken(scope, last string) string {
	return base64.RawURLEncoding.EncodeToString([]byte("v1|" + scope + "\x00" + last))
}
