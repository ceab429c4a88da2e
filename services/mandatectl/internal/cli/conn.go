package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// DevTokenFile is where `make run`'s tallyd writes its development
// administrator token; mandatectl uses it when no token is given.
const DevTokenFile = "var/dev-admin.token"

// conn is the connection flags every server command shares.
type conn struct {
	server    *string
	token     *string
	tokenFile *string
}

func connFlags(fs *flag.FlagSet, defaultServer string) *conn {
	return &conn{
		server:    fs.String("server", defaultServer, "server gRPC address"),
		token:     fs.String("token", "", "bearer token (default: $MANDATE_TOKEN, then --token-file)"),
		tokenFile: fs.String("token-file", "", "file holding the bearer token (default: $MANDATE_TOKEN_FILE, then "+DevTokenFile+" if present)"),
	}
}

// bearer sends the token with every call, resolving it at the first call
// that finds one: `make run` starts mandatectl while tallyd is still writing
// its development token. Plaintext is allowed because the daemons refuse
// plaintext off loopback unless told otherwise.
type bearer struct {
	c   *conn
	mu  sync.Mutex
	tok string
}

func (b *bearer) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tok == "" {
		tok, err := b.c.resolveToken()
		if err != nil {
			return nil, err
		}
		if tok == "" {
			return nil, nil // anonymous: reads may be public
		}
		b.tok = tok
	}
	return map[string]string{"authorization": "Bearer " + b.tok}, nil
}

func (*bearer) RequireTransportSecurity() bool { return false }

// resolveToken finds the token: flag, environment, token file, then the
// development token file. No token is not an error: reads may be public.
func (c *conn) resolveToken() (string, error) {
	if *c.token != "" {
		return *c.token, nil
	}
	if t := os.Getenv("MANDATE_TOKEN"); t != "" {
		return t, nil
	}
	file, explicit := *c.tokenFile, true
	if file == "" {
		file = os.Getenv("MANDATE_TOKEN_FILE")
	}
	if file == "" {
		file, explicit = DevTokenFile, false
	}
	b, err := os.ReadFile(file)
	if err != nil {
		if !explicit && errors.Is(err, os.ErrNotExist) {
			return "", nil
		}
		return "", fmt.Errorf("token file: %w", err)
	}
	return strings.TrimSpace(string(b)), nil
}

func (c *conn) dial() (*grpc.ClientConn, error) {
	// The token is read at the first call, not here: a token file may
	// appear only once the server is up.
	return grpc.NewClient(*c.server, grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithPerRPCCredentials(&bearer{c: c}))
}
