// Package auth is Mandate's access control: signed bearer tokens that name a
// role, a unit scope and an expiry, the keys that sign and check them, and
// gRPC interceptors that check every call against a per-method rule before
// the handler runs.
//
// A token is three dot-separated parts: the literal "mandate1", the
// base64url (unpadded) JSON claims, and the base64url signature over the
// first two parts joined by a dot. The signature is Ed25519 or HMAC-SHA256,
// depending on the key; the claims name the key (kid) so keys can rotate.
package auth

import (
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Role is what a credential may do.
type Role string

const (
	// Admin defines elections, creates units, certifies and opens recounts
	// and corrections, and may do everything else.
	Admin Role = "admin"
	// Commission submits protocols for the units its scope names (a station
	// or a subtree), and reads.
	Commission Role = "commission"
	// Reader reads results.
	Reader Role = "reader"
)

// Valid reports whether r is one of the three roles.
func (r Role) Valid() bool { return r == Admin || r == Commission || r == Reader }

// Claims is what a token says about its holder.
type Claims struct {
	// Subject names the holder, for logs and the audit trail ("uik-1234",
	// "cec-operator-7"). Never a secret.
	Subject string `json:"sub"`
	Role    Role   `json:"role"`
	// Election limits the token to one election ("" for any).
	Election string `json:"election,omitempty"`
	// Units is a commission's scope: it may submit for these units and
	// every unit under them. Ignored for the other roles.
	Units    []string `json:"units,omitempty"`
	IssuedAt int64    `json:"iat"`
	Expires  int64    `json:"exp"`
	KeyID    string   `json:"kid"`
}

// ExpiresAt is Expires as a time.
func (c Claims) ExpiresAt() time.Time { return time.Unix(c.Expires, 0) }

const prefix = "mandate1"

// ErrInvalidToken is wrapped by every reason a token is refused. The reasons
// are deliberately coarse in what reaches the caller.
var ErrInvalidToken = errors.New("invalid token")

// Signer signs tokens; Verifier checks them. A Key is both.
type Signer interface {
	ID() string
	sign(msg []byte) []byte
}

// Verifier checks a signature made by the key with the given ID.
type Verifier interface {
	ID() string
	verify(msg, sig []byte) bool
}

// Issue signs claims with k. IssuedAt and KeyID are filled in; Role must be
// valid and Expires after IssuedAt.
func Issue(k Signer, c Claims, now time.Time) (string, error) {
	if !c.Role.Valid() {
		return "", fmt.Errorf("role %q: want admin, commission or reader", c.Role)
	}
	if c.Subject == "" {
		return "", errors.New("a token needs a subject")
	}
	if c.Role == Commission && len(c.Units) == 0 {
		return "", errors.New("a commission token needs at least one unit")
	}
	c.IssuedAt = now.Unix()
	if c.Expires <= c.IssuedAt {
		return "", errors.New("the token would be expired when issued")
	}
	c.KeyID = k.ID()
	body, err := json.Marshal(c)
	if err != nil {
		return "", err
	}
	msg := prefix + "." + base64.RawURLEncoding.EncodeToString(body)
	return msg + "." + base64.RawURLEncoding.EncodeToString(k.sign([]byte(msg))), nil
}

// Verify checks a token's signature with the key its claims name and its
// expiry at now, allowing skew either way for clocks that disagree.
func Verify(token string, keys []Verifier, now time.Time, skew time.Duration) (Claims, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 || parts[0] != prefix {
		return Claims{}, fmt.Errorf("%w: not a Mandate token", ErrInvalidToken)
	}
	body, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return Claims{}, fmt.Errorf("%w: claims are not base64url", ErrInvalidToken)
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return Claims{}, fmt.Errorf("%w: signature is not base64url", ErrInvalidToken)
	}
	var c Claims
	if err := json.Unmarshal(body, &c); err != nil {
		return Claims{}, fmt.Errorf("%w: claims are not JSON", ErrInvalidToken)
	}
	i := slices.IndexFunc(keys, func(k Verifier) bool { return k.ID() == c.KeyID })
	if i < 0 {
		return Claims{}, fmt.Errorf("%w: signed by an unknown key", ErrInvalidToken)
	}
	if !keys[i].verify([]byte(parts[0]+"."+parts[1]), sig) {
		return Claims{}, fmt.Errorf("%w: bad signature", ErrInvalidToken)
	}
	// Only now, with the claims authentic, are they worth reading.
	if !c.Role.Valid() || c.Subject == "" {
		return Claims{}, fmt.Errorf("%w: no valid role or subject", ErrInvalidToken)
	}
	if now.Add(-skew).Unix() >= c.Expires {
		return Claims{}, fmt.Errorf("%w: expired at %s", ErrInvalidToken, c.ExpiresAt().UTC().Format(time.RFC3339))
	}
	if c.IssuedAt > now.Add(skew).Unix() {
		return Claims{}, fmt.Errorf("%w: issued in the future", ErrInvalidToken)
	}
	return c, nil
}

// keyID names a key by the first 8 bytes of the SHA-256 of its public part
// (the secret itself for HMAC, which never leaves the hash).
func keyID(kind string, public []byte) string {
	h := sha256.Sum256(append([]byte(kind+":"), public...))
	return hex.EncodeToString(h[:8])
}

// Ed25519Key signs (with the private key) and verifies (with the public).
type Ed25519Key struct {
	Public  ed25519.PublicKey
	Private ed25519.PrivateKey // nil for a verify-only key
}

// ID implements Signer and Verifier.
func (k Ed25519Key) ID() string { return keyID("ed25519", k.Public) }

func (k Ed25519Key) sign(msg []byte) []byte {
	if k.Private == nil {
		panic("auth: signing with a public-only Ed25519 key")
	}
	return ed25519.Sign(k.Private, msg)
}

func (k Ed25519Key) verify(msg, sig []byte) bool {
	return len(sig) == ed25519.SignatureSize && ed25519.Verify(k.Public, msg, sig)
}

// HMACKey is a shared secret of at least 32 bytes: simpler to deploy than
// Ed25519, but every verifier can also issue tokens.
type HMACKey struct{ Secret []byte }

// ID implements Signer and Verifier.
func (k HMACKey) ID() string { return keyID("hmac-sha256", k.Secret) }

func (k HMACKey) sign(msg []byte) []byte {
	m := hmac.New(sha256.New, k.Secret)
	m.Write(msg)
	return m.Sum(nil)
}

func (k HMACKey) verify(msg, sig []byte) bool { return hmac.Equal(k.sign(msg), sig) }
