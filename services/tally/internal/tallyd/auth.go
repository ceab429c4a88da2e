package tallyd

import (
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/mandate-project/mandate/services/platform/auth"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/internal/tallyapi"
)

// DevTokenTTL is how long a development token lives: one working day.
const DevTokenTTL = 24 * time.Hour

// authorizer builds the access control for the listener at addr. Without
// --auth-key, tallyd makes a development key and writes an administrator
// token to cfg.DevTokenFile (mode 0600) for local tools; the token is never
// logged.
func authorizer(cfg Config, addr net.Addr, svc *tally.Service, api *tallyapi.Server, log *slog.Logger) (*auth.Authorizer, error) {
	keys, err := cfg.Common.Verifiers()
	if err != nil {
		return nil, err
	}
	if len(keys) == 0 {
		k, err := devKey(cfg.DevTokenFile, addr)
		if err != nil {
			return nil, err
		}
		keys = append(keys, k)
		log.Warn("development credentials: no --auth-key given; an administrator token for local tools was written to a file",
			"token_file", cfg.DevTokenFile, "valid_for", DevTokenTTL.String())
	}
	return auth.New(auth.Config{
		Keys: keys, Rules: tallyapi.AccessRules(), PublicReads: cfg.Common.PublicReads,
		InScope: tallyapi.InScope(svc, api),
	}), nil
}

// devKey makes a throwaway signing key and writes an administrator token.
// Refused on anything but loopback: a development credential must never
// guard a reachable server.
func devKey(tokenFile string, addr net.Addr) (auth.Verifier, error) {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || !tcp.IP.IsLoopback() {
		return nil, fmt.Errorf("no --auth-key given and %s is not a loopback address: development credentials are for local use only", addr)
	}
	if tokenFile == "" {
		return nil, fmt.Errorf("no --auth-key and no --dev-token-file given")
	}
	priv, _, err := auth.NewEd25519()
	if err != nil {
		return nil, err
	}
	signer, verifier, err := auth.ParseKey(priv)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	tok, err := auth.Issue(signer, auth.Claims{Subject: "dev-admin", Role: auth.Admin, Expires: now.Add(DevTokenTTL).Unix()}, now)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(tokenFile), 0o755); err != nil {
		return nil, err
	}
	// Write then rename, so a tool never reads half a token.
	tmp := tokenFile + ".tmp"
	if err := os.WriteFile(tmp, []byte(tok+"\n"), 0o600); err != nil {
		return nil, err
	}
	return verifier, os.Rename(tmp, tokenFile)
}
