package auth

// CachedTokens is how many verified tokens a holds.
func CachedTokens(a *Authorizer) int {
	a.cache.mu.RLock()
	defer a.cache.mu.RUnlock()
	return len(a.cache.m)
}

// ForgetTokens empties a's cache, so the next call verifies again.
func ForgetTokens(a *Authorizer) { a.cache.clear() }

// SetCacheSize bounds the cache of every Authorizer at n tokens until the
// returned function restores the bound.
func SetCacheSize(n int) (restore func()) {
	old := cacheSize
	cacheSize = n
	return func() { cacheSize = old }
}
