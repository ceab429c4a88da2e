// Package tlsconf turns the TLS flags every daemon and client share into
// gRPC transport credentials: server TLS, optional mutual TLS (client
// certificates checked against a CA), and the rule that plaintext is only
// for loopback unless explicitly allowed.
package tlsconf

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"os"

	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

// Server is a listener's TLS settings.
type Server struct {
	CertFile, KeyFile string // server certificate chain and key (PEM)
	// ClientCAFile, when set, requires every client to present a
	// certificate signed by this CA (mutual TLS).
	ClientCAFile string
	// AllowPlaintext permits serving without TLS on a non-loopback address
	// (behind a TLS-terminating proxy on the same host, say).
	AllowPlaintext bool
}

// Enabled reports whether a certificate is configured.
func (s Server) Enabled() bool { return s.CertFile != "" }

// Credentials returns the transport credentials for a listener on addr, or
// an error when the settings are incomplete or plaintext is not allowed.
func (s Server) Credentials(addr string) (credentials.TransportCredentials, error) {
	cfg, err := s.ListenerConfig(addr)
	if err != nil {
		return nil, err
	}
	if cfg == nil {
		return insecure.NewCredentials(), nil
	}
	return credentials.NewTLS(cfg), nil
}

// ListenerConfig applies the listeners' rule to any listener on addr (gRPC,
// HTTP, metrics): the TLS configuration when a certificate is given; nil
// (plaintext) on a loopback address or with AllowPlaintext; otherwise an
// error.
func (s Server) ListenerConfig(addr string) (*tls.Config, error) {
	if s.Enabled() {
		return s.Config()
	}
	if s.ClientCAFile != "" || s.KeyFile != "" {
		return nil, errors.New("TLS: --tls-key and --tls-client-ca need --tls-cert, which is missing")
	}
	if !s.AllowPlaintext && !Loopback(addr) {
		return nil, fmt.Errorf("TLS: %s is not a loopback address; give --tls-cert/--tls-key, or allow plaintext explicitly (--allow-plaintext)", addr)
	}
	return nil, nil
}

// Config is the crypto/tls configuration (the gateway's HTTPS uses it too).
func (s Server) Config() (*tls.Config, error) {
	if s.KeyFile == "" {
		return nil, errors.New("TLS: --tls-cert needs --tls-key, which is missing")
	}
	cert, err := tls.LoadX509KeyPair(s.CertFile, s.KeyFile)
	if err != nil {
		return nil, fmt.Errorf("TLS: %w", err)
	}
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	if s.ClientCAFile != "" {
		pool, err := loadPool(s.ClientCAFile)
		if err != nil {
			return nil, err
		}
		cfg.ClientCAs = pool
		cfg.ClientAuth = tls.RequireAndVerifyClientCert
	}
	return cfg, nil
}

// Client is a dialer's TLS settings.
type Client struct {
	// CAFile verifies the server (system roots when empty and TLS is on).
	CAFile string
	// CertFile and KeyFile are the client certificate for mutual TLS.
	CertFile, KeyFile string
	// ServerName overrides the name checked in the server's certificate.
	ServerName string
	// Enable turns TLS on with the system roots and no other setting.
	Enable bool
}

// Enabled reports whether the client uses TLS.
func (c Client) Enabled() bool { return c.Enable || c.CAFile != "" || c.CertFile != "" }

// Credentials returns the transport credentials for dialing addr.
func (c Client) Credentials(addr string) (credentials.TransportCredentials, error) {
	if !c.Enabled() {
		return insecure.NewCredentials(), nil
	}
	cfg := &tls.Config{ServerName: c.ServerName, MinVersion: tls.VersionTLS12}
	if c.CAFile != "" {
		pool, err := loadPool(c.CAFile)
		if err != nil {
			return nil, err
		}
		cfg.RootCAs = pool
	}
	if c.CertFile != "" {
		if c.KeyFile == "" {
			return nil, errors.New("TLS: a client certificate needs its key (the -key flag beside the -cert one), which is missing")
		}
		cert, err := tls.LoadX509KeyPair(c.CertFile, c.KeyFile)
		if err != nil {
			return nil, fmt.Errorf("TLS client certificate: %w", err)
		}
		cfg.Certificates = []tls.Certificate{cert}
	}
	return credentials.NewTLS(cfg), nil
}

func loadPool(file string) (*x509.CertPool, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("TLS CA: %w", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(b) {
		return nil, fmt.Errorf("TLS CA %s: no PEM certificate", file)
	}
	return pool, nil
}

// Loopback reports whether a listen address binds only loopback interfaces.
// An empty host ("":50051) binds every interface and is not loopback.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
