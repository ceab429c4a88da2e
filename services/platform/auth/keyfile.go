package auth

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
)

// Key files are PEM, so an operator can tell them apart by eye:
//
//	PRIVATE KEY          Ed25519, PKCS #8: signs and verifies (mandatectl)
//	PUBLIC KEY           Ed25519, PKIX: verifies only (the daemons)
//	MANDATE HMAC SECRET  32+ random bytes: signs and verifies
const hmacBlock = "MANDATE HMAC SECRET"

// MinHMACSecret is the shortest shared secret accepted: 256 bits.
const MinHMACSecret = 32

// LoadKey reads one key file. The signer is nil for a public key.
func LoadKey(path string) (Signer, Verifier, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	s, v, err := ParseKey(b)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, v, nil
}

// ParseKey parses the PEM of a key file.
func ParseKey(b []byte) (Signer, Verifier, error) {
	blk, _ := pem.Decode(b)
	if blk == nil {
		return nil, nil, errors.New("not a PEM key file")
	}
	switch blk.Type {
	case "PRIVATE KEY":
		k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
		if err != nil {
			return nil, nil, err
		}
		priv, ok := k.(ed25519.PrivateKey)
		if !ok {
			return nil, nil, fmt.Errorf("private key is %T, want Ed25519", k)
		}
		key := Ed25519Key{Public: priv.Public().(ed25519.PublicKey), Private: priv}
		return key, key, nil
	case "PUBLIC KEY":
		k, err := x509.ParsePKIXPublicKey(blk.Bytes)
		if err != nil {
			return nil, nil, err
		}
		pub, ok := k.(ed25519.PublicKey)
		if !ok {
			return nil, nil, fmt.Errorf("public key is %T, want Ed25519", k)
		}
		return nil, Ed25519Key{Public: pub}, nil
	case hmacBlock:
		if len(blk.Bytes) < MinHMACSecret {
			return nil, nil, fmt.Errorf("HMAC secret of %d bytes; at least %d needed", len(blk.Bytes), MinHMACSecret)
		}
		key := HMACKey{Secret: blk.Bytes}
		return key, key, nil
	}
	return nil, nil, fmt.Errorf("PEM block %q: want PRIVATE KEY, PUBLIC KEY or %s", blk.Type, hmacBlock)
}

// NewEd25519 makes a key pair and returns the private and public key files.
func NewEd25519() (private, public []byte, err error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	p8, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return nil, nil, err
	}
	px, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return nil, nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: p8}),
		pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: px}), nil
}

// NewHMAC makes a 32-byte shared secret and returns its key file.
func NewHMAC() ([]byte, error) {
	b := make([]byte, MinHMACSecret)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: hmacBlock, Bytes: b}), nil
}
