package auth

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/binary"
	"slices"
	"sync"
	"time"
)

// cacheSize bounds the verified-token cache. A commission client reuses one
// token for all its calls, so even a national election's 100,000 stations
// calling at once fit in a few MB (an entry is about 200 bytes plus its
// units); past the bound an arbitrary entry makes room, which costs one
// more signature check, never a wrong answer.
var cacheSize = 1 << 16 // a variable so a test can shrink it

// tokenCache remembers the claims of tokens whose signature has been
// checked, so a client that sends the same token on every call pays for the
// Ed25519 verification once (it was a third of the no-op front's CPU).
// Entries are found by the token's SHA-256 digest: the token itself is a
// credential and is not kept. The map is keyed by the digest's first 8
// bytes and the whole digest is compared in constant time, so a lookup's
// timing tells nothing about how much of a forged token's digest matched.
// What can change after the check is re-checked on every hit: the expiry
// (against the current time) and whether the signing key is still one of
// the Authorizer's keys.
type tokenCache struct {
	mu sync.RWMutex
	m  map[uint64]*cachedToken
}

type cachedToken struct {
	digest [sha256.Size]byte
	claims Claims
}

func digestOf(token string) ([sha256.Size]byte, uint64) {
	d := sha256.Sum256([]byte(token))
	return d, binary.LittleEndian.Uint64(d[:8])
}

// get returns the cached claims of the token with digest d, if any.
func (c *tokenCache) get(d [sha256.Size]byte, k uint64) (Claims, bool) {
	c.mu.RLock()
	e := c.m[k]
	c.mu.RUnlock()
	if e == nil || subtle.ConstantTimeCompare(e.digest[:], d[:]) != 1 {
		return Claims{}, false
	}
	return e.claims, true
}

// put remembers verified claims, making room first when the cache is full:
// expired entries go, and if none has expired, one arbitrary entry.
func (c *tokenCache) put(d [sha256.Size]byte, k uint64, claims Claims, now time.Time, skew time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[uint64]*cachedToken)
	}
	if _, ok := c.m[k]; !ok && len(c.m) >= cacheSize {
		limit := now.Add(-skew).Unix()
		for key, e := range c.m {
			if limit >= e.claims.Expires {
				delete(c.m, key)
			}
		}
		if len(c.m) >= cacheSize {
			for key := range c.m {
				delete(c.m, key)
				break
			}
		}
	}
	c.m[k] = &cachedToken{digest: d, claims: claims}
}

// drop forgets the entry under k.
func (c *tokenCache) drop(k uint64) {
	c.mu.Lock()
	delete(c.m, k)
	c.mu.Unlock()
}

// clear forgets every entry.
func (c *tokenCache) clear() {
	c.mu.Lock()
	c.m = nil
	c.mu.Unlock()
}

// verify is Verify with the cache in front: a token seen before is not
// checked again while it is unexpired and its key is still trusted. A token
// that fails a re-check is dropped and verified afresh, so the caller gets
// Verify's own error.
func (a *Authorizer) verify(token string) (Claims, error) {
	now := a.cfg.Now()
	ks := a.keys.Load()
	d, k := digestOf(token)
	if c, ok := a.cache.get(d, k); ok {
		if now.Add(-a.cfg.Skew).Unix() < c.Expires && c.IssuedAt <= now.Add(a.cfg.Skew).Unix() &&
			slices.Contains(ks.ids, c.KeyID) {
			return c, nil
		}
		a.cache.drop(k)
	}
	c, err := Verify(token, ks.keys, now, a.cfg.Skew)
	if err != nil {
		return Claims{}, err
	}
	a.cache.put(d, k, c, now, a.cfg.Skew)
	return c, nil
}

// keySet is the Authorizer's verification keys with their IDs computed once
// (an ID is a hash of the key).
type keySet struct {
	keys []Verifier
	ids  []string
}

func newKeySet(keys []Verifier) *keySet {
	ks := &keySet{keys: slices.Clone(keys)}
	for _, k := range ks.keys {
		ks.ids = append(ks.ids, k.ID())
	}
	return ks
}

// SetKeys replaces the keys tokens are checked with, as a key rotation
// does: a token signed by a key that is no longer among them is refused
// from the next call on, whether or not it was checked before.
func (a *Authorizer) SetKeys(keys []Verifier) {
	a.keys.Store(newKeySet(keys))
	a.cache.clear()
}
