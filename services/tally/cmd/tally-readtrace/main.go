// Command tally-readtrace splits a method's time at the server, as seen on
// the network, into the Go runtime's and the server's steps: it joins a
// packet capture of one client connection with the server's execution
// trace (tallyd --trace). `make bench` runs it with BENCH_READ_TRACE=1 for
// the national reads during the ingest; see internal/readtrace.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/mandate-project/mandate/services/platform/envflag"
	"github.com/mandate-project/mandate/services/tally/internal/readtrace"
)

func main() {
	var cfg readtrace.Config
	var server, client int
	fs := envflag.New("tally-readtrace")
	fs.StringVar(&cfg.Trace, "trace", "READTRACE_TRACE", "", "the server's execution trace (tallyd --trace)")
	fs.StringVar(&cfg.Pcap, "pcap", "READTRACE_PCAP", "", "a classic pcap capture holding the client's connection (tcpdump -w)")
	fs.IntVar(&server, "server-port", "READTRACE_SERVER_PORT", 0, "the server's TCP port")
	fs.IntVar(&client, "client-port", "READTRACE_CLIENT_PORT", 0, "the client connection's TCP port")
	fs.StringVar(&cfg.Method, "method", "READTRACE_METHOD", "/GetTotals", "a part of the method's name (tallyd names each call's trace region by its full method)")
	fs.IntVar(&cfg.Slowest, "slowest", "READTRACE_SLOWEST", 30, "how many of the slowest calls to look into")
	if err := fs.Parse(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "tally-readtrace:", err)
		os.Exit(2)
	}
	if server <= 0 || server > 65535 || client <= 0 || client > 65535 {
		fmt.Fprintln(os.Stderr, "tally-readtrace: --server-port and --client-port are required (1–65535)")
		os.Exit(2)
	}
	cfg.ServerPort, cfg.ClientPort = uint16(server), uint16(client)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := readtrace.Run(ctx, cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "tally-readtrace:", err)
		os.Exit(1)
	}
}
