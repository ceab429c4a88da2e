package noop_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/auth"
	"github.com/mandate-project/mandate/services/platform/daemon"
	"github.com/mandate-project/mandate/services/tally/internal/noop"
)

// BenchmarkSubmit sends the bench's SubmitProtocol (the RU 2016 form's 18
// lines and 14 parties, a commission's Ed25519 token) over loopback TCP to
// the bare no-op server and to the no-op with tallyd's whole front, in one
// run: front/bare of the two ns/op is the front's share of a call. The
// request log is JSON to io.Discard, so its formatting is counted but no
// write(2). 50 calls in flight, as `make bench`'s ghz.
func BenchmarkSubmit(b *testing.B) {
	priv, pub, err := auth.NewEd25519()
	if err != nil {
		b.Fatal(err)
	}
	keyFile := filepath.Join(b.TempDir(), "bench.pub")
	if err := os.WriteFile(keyFile, pub, 0o644); err != nil {
		b.Fatal(err)
	}
	signer, _, err := auth.ParseKey(priv)
	if err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	token, err := auth.Issue(signer, auth.Claims{Subject: "bench-commission", Role: auth.Commission, Election: "bench",
		Units: []string{"nation"}, Expires: now.Add(time.Hour).Unix()}, now)
	if err != nil {
		b.Fatal(err)
	}
	req := &tallyv1.SubmitProtocolRequest{
		Parent: "elections/bench/contests/federal", Station: "elections/bench/units/s7", RequestId: "bench/7",
		Lines: map[string]int64{"registered": 2000, "ballots_received": 1500, "ballots_issued_early": 0,
			"ballots_issued_in_station": 1000, "ballots_issued_outside": 50, "ballots_cancelled": 450,
			"ballots_in_mobile_boxes": 50, "ballots_in_stationary_boxes": 1000, "invalid": 10, "valid": 1040,
			"ballots_lost": 0, "ballots_unaccounted": 0, "absentee_cert_received": 10,
			"absentee_cert_issued_at_station": 4, "absentee_cert_voters": 3, "absentee_cert_cancelled": 6,
			"absentee_cert_issued_by_tec": 1, "absentee_cert_lost": 0},
		Votes: map[string]int64{"RODINA": 20, "KPKR": 30, "RPPS": 20, "ER": 500, "ZELENYE": 10, "GP": 5, "LDPR": 150,
			"PARNAS": 10, "ROST": 15, "GS": 5, "YABLOKO": 30, "KPRF": 160, "PR": 15, "SR": 70},
	}
	for _, bare := range []bool{true, false} {
		name := "front"
		if bare {
			name = "bare"
		}
		b.Run(name, func(b *testing.B) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			ready := make(chan string, 1)
			done := make(chan error, 1)
			go func() {
				done <- noop.Run(ctx, noop.Config{GRPCAddr: "127.0.0.1:0", Drain: time.Second, Bare: bare,
					Logger: slog.New(slog.NewJSONHandler(io.Discard, nil)), Ready: func(a string) { ready <- a },
					Common: daemon.Common{AuthKeys: keyFile, PublicReads: true, Limits: daemon.Defaults}})
			}()
			var addr string
			select {
			case addr = <-ready:
			case err := <-done:
				b.Fatal(err)
			}
			conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
			if err != nil {
				b.Fatal(err)
			}
			defer conn.Close()
			c := tallyv1.NewTallyServiceClient(conn)
			withToken := metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+token)
			if _, err := c.SubmitProtocol(withToken, req); err != nil {
				b.Fatal(err)
			}
			b.SetParallelism(25) // 50 in flight on 2 cores
			b.ReportAllocs()
			cpu0 := cpuTime()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if _, err := c.SubmitProtocol(withToken, req); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.StopTimer()
			// CPU per call, client and server together: on a shared machine
			// it depends much less on the neighbours than ns/op.
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op")
			cancel()
			if err := <-done; err != nil {
				b.Error(err)
			}
		})
	}
}

// cpuTime is the user and system CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
