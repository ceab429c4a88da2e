package tlsconf_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	"github.com/mandate-project/mandate/services/platform/tlsconf"
)

// pki writes a CA, a server certificate for 127.0.0.1 and a client
// certificate, all signed by the CA, and returns their file names.
func pki(t *testing.T) map[string]string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{}
	write := func(name, typ string, der []byte) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600); err != nil {
			t.Fatal(err)
		}
		files[name] = p
	}
	newKey := func() *ecdsa.PrivateKey {
		k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	caKey := newKey()
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test CA"}, NotBefore: time.Now().Add(-time.Hour),
		NotAfter: time.Now().Add(time.Hour), IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	write("ca.pem", "CERTIFICATE", caDER)
	leaf := func(name string, serial int64, usage x509.ExtKeyUsage) {
		k := newKey()
		tmpl := &x509.Certificate{SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: name}, NotBefore: time.Now().Add(-time.Hour),
			NotAfter: time.Now().Add(time.Hour), ExtKeyUsage: []x509.ExtKeyUsage{usage}, IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &k.PublicKey, caKey)
		if err != nil {
			t.Fatal(err)
		}
		kd, _ := x509.MarshalPKCS8PrivateKey(k)
		write(name+".pem", "CERTIFICATE", der)
		write(name+".key", "PRIVATE KEY", kd)
	}
	leaf("server", 2, x509.ExtKeyUsageServerAuth)
	leaf("client", 3, x509.ExtKeyUsageClientAuth)
	return files
}

func serve(t *testing.T, s tlsconf.Server) string {
	t.Helper()
	creds, err := s.Credentials("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := grpc.NewServer(grpc.Creds(creds))
	healthpb.RegisterHealthServer(srv, health.NewServer())
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(lis) }()
	t.Cleanup(srv.Stop)
	return lis.Addr().String()
}

func check(t *testing.T, addr string, c tlsconf.Client) error {
	t.Helper()
	creds, err := c.Credentials(addr)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(creds))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err = healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{})
	return err
}

func TestTLSAndMutualTLS(t *testing.T) {
	f := pki(t)
	tlsAddr := serve(t, tlsconf.Server{CertFile: f["server.pem"], KeyFile: f["server.key"]})
	mtlsAddr := serve(t, tlsconf.Server{CertFile: f["server.pem"], KeyFile: f["server.key"], ClientCAFile: f["ca.pem"]})
	tests := []struct {
		name   string
		addr   string
		client tlsconf.Client
		ok     bool
	}{
		{"TLS", tlsAddr, tlsconf.Client{CAFile: f["ca.pem"]}, true},
		{"TLS, server not trusted", tlsAddr, tlsconf.Client{Enable: true}, false},
		{"plaintext client to TLS server", tlsAddr, tlsconf.Client{}, false},
		{"mutual TLS", mtlsAddr, tlsconf.Client{CAFile: f["ca.pem"], CertFile: f["client.pem"], KeyFile: f["client.key"]}, true},
		{"mutual TLS without a client certificate", mtlsAddr, tlsconf.Client{CAFile: f["ca.pem"]}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := check(t, tt.addr, tt.client); (err == nil) != tt.ok {
				t.Errorf("health check: %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

func TestPlaintextOnlyOnLoopback(t *testing.T) {
	for _, tt := range []struct {
		addr  string
		allow bool
		ok    bool
	}{
		{"127.0.0.1:50051", false, true},
		{"[::1]:50051", false, true},
		{"localhost:50051", false, true},
		{":50051", false, false},
		{"0.0.0.0:50051", false, false},
		{"10.1.2.3:50051", false, false},
		{"10.1.2.3:50051", true, true},
	} {
		_, err := tlsconf.Server{AllowPlaintext: tt.allow}.Credentials(tt.addr)
		if (err == nil) != tt.ok {
			t.Errorf("%s allow=%v: %v, want ok=%v", tt.addr, tt.allow, err, tt.ok)
		}
	}
}

// TestIncompleteSettingsNameTheFlag: a certificate without its key (or the
// reverse) is refused naming the missing flag, not with "open : no such
// file" (issue 14.15).
func TestIncompleteSettingsNameTheFlag(t *testing.T) {
	for _, tt := range []struct {
		s    tlsconf.Server
		want string
	}{
		{tlsconf.Server{CertFile: "server.pem"}, "--tls-cert needs --tls-key, which is missing"},
		{tlsconf.Server{KeyFile: "server.key"}, "need --tls-cert, which is missing"},
		{tlsconf.Server{ClientCAFile: "ca.pem"}, "need --tls-cert, which is missing"},
	} {
		_, err := tt.s.ListenerConfig("127.0.0.1:0")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: %v, want %q", tt.s, err, tt.want)
		}
	}
	_, err := tlsconf.Client{CertFile: "client.pem"}.Credentials("x:1")
	if err == nil || !strings.Contains(err.Error(), "needs its key") {
		t.Errorf("client certificate without a key: %v", err)
	}
}
