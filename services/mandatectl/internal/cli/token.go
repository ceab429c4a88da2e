package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/mandate-project/mandate/services/platform/auth"
)

// runToken: `mandatectl token keygen|issue`.
func runToken(_ context.Context, args []string, out, errOut io.Writer) error {
	const use = "mandatectl token keygen --out PREFIX [--hmac] | token issue --key FILE --role admin|commission|reader --subject NAME [--unit ID]... [--election ID] [--ttl D]"
	if len(args) == 0 {
		return fmt.Errorf("%w: %s", errUsage, use)
	}
	switch args[0] {
	case "keygen":
		return tokenKeygen(args[1:], out, errOut)
	case "issue":
		return tokenIssue(args[1:], out, errOut)
	}
	return fmt.Errorf("%w: %s", errUsage, use)
}

func tokenKeygen(args []string, out, errOut io.Writer) error {
	fs := newFlags("token keygen", errOut)
	prefix := fs.String("out", "", "write PREFIX.key (signs: keep it with the issuer) and, for Ed25519, PREFIX.pub (verifies: give it to the daemons)")
	hmac := fs.Bool("hmac", false, "a shared HMAC-SHA256 secret instead of an Ed25519 pair (the one file both signs and verifies)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *prefix == "" {
		return fmt.Errorf("%w: --out is required", errUsage)
	}
	write := func(name string, b []byte, mode os.FileMode) error {
		// O_EXCL: never overwrite a key that may already sign live tokens.
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
		if err != nil {
			return err
		}
		if _, err := f.Write(b); err != nil {
			f.Close()
			return err
		}
		fmt.Fprintln(out, "wrote", name)
		return f.Close()
	}
	if *hmac {
		b, err := auth.NewHMAC()
		if err != nil {
			return err
		}
		return write(*prefix+".key", b, 0o600)
	}
	priv, pub, err := auth.NewEd25519()
	if err != nil {
		return err
	}
	if err := write(*prefix+".key", priv, 0o600); err != nil {
		return err
	}
	return write(*prefix+".pub", pub, 0o644)
}

// units is a repeatable --unit flag.
type units []string

func (u *units) String() string { return strings.Join(*u, ",") }

func (u *units) Set(v string) error {
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*u = append(*u, p)
		}
	}
	return nil
}

func tokenIssue(args []string, out, errOut io.Writer) error {
	fs := newFlags("token issue", errOut)
	key := fs.String("key", "", "signing key file (PRIVATE KEY or MANDATE HMAC SECRET)")
	role := fs.String("role", "", "admin, commission or reader")
	subject := fs.String("subject", "", "who holds the token, recorded with every protocol it submits")
	election := fs.String("election", "", "limit the token to one election")
	ttl := fs.Duration("ttl", 36*time.Hour, "how long the token is valid")
	var us units
	fs.Var(&us, "unit", "a commission's unit (station or subtree); repeat or comma-separate")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *key == "" || *role == "" || *subject == "" {
		return fmt.Errorf("%w: --key, --role and --subject are required", errUsage)
	}
	signer, _, err := auth.LoadKey(*key)
	if err != nil {
		return err
	}
	if signer == nil {
		return fmt.Errorf("%s is a public key: it verifies tokens but cannot issue them", *key)
	}
	now := time.Now()
	tok, err := auth.Issue(signer, auth.Claims{
		Subject: *subject, Role: auth.Role(*role), Election: *election, Units: us, Expires: now.Add(*ttl).Unix(),
	}, now)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(out, tok)
	return err
}
