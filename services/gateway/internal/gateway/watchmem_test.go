package gateway_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"google.golang.org/grpc"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/gateway/internal/gateway"
	"github.com/mandate-project/mandate/services/platform/grpcserver"
	"github.com/mandate-project/mandate/services/platform/grpctest"
)

// watchMemGateway, set in the environment, makes TestWatchMemoryGateway the
// gateway process of TestWatchMemory.
const watchMemGateway = "MANDATE_WATCHMEM_GATEWAY"

// TestWatchMemory measures what issue 19 item 7 asks: the gateway's memory
// per open watch stream. The gateway runs in a process of its own (this
// test binary again, as TestWatchMemoryGateway) over a tally in that
// process that answers each watch with its totals and then a message per
// results version the test makes; this process opens the watchers over TCP
// (HTTP/1.1, as a CDN or browser does) and asks the gateway for its memory
// before and after: resident set (from /proc, after returning free memory to
// the system) and Go heap + stacks, each divided by the watchers. The
// kernel's socket buffers are in neither. Then three versions go out and
// every watcher must read each, in order, the same bytes as a watch through
// grpc-gateway's own handler. MANDATE_WATCHERS sets how many (make bench:
// 20,000; default 1,000). The figure is a measurement, never a failure
// (the target is 10 KB).
func TestWatchMemory(t *testing.T) {
	if os.Getenv(watchMemGateway) != "" {
		t.Skip("this process is the gateway")
	}
	n := 1000
	if s := os.Getenv("MANDATE_WATCHERS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			t.Fatal(err)
		}
	}
	// Both processes need a descriptor per watcher (children inherit the
	// limit); root may raise the hard one.
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Fatal(err)
	}
	capped := ""
	if need := uint64(n) + 1024; lim.Cur < need {
		raised := syscall.Rlimit{Cur: need, Max: max(lim.Max, need)}
		if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &raised); err != nil {
			// Without the right to raise the hard limit, as many as it
			// allows, said next to the figure.
			lim.Cur = lim.Max
			if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
				t.Fatal(err)
			}
			if int(lim.Max) < 1100 {
				t.Fatalf("descriptor limit %d: raise ulimit -n", lim.Max)
			}
			capped = fmt.Sprintf(" (of %d asked: the descriptor limit here is %d and cannot be raised: %v)", n, lim.Max, err)
			n = min(n, int(lim.Max)-64)
		}
	}

	cmd := exec.Command(os.Args[0], "-test.run=^TestWatchMemoryGateway$", "-test.v")
	cmd.Env = append(os.Environ(), watchMemGateway+"=1")
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	outp, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Wait() }()
	defer in.Close()
	out := bufio.NewScanner(outp)
	// ask sends the gateway process a command and returns its answer's
	// fields (the process's other output, go test's, is skipped).
	ask := func(cmd string) []string {
		t.Helper()
		if cmd != "" {
			if _, err := io.WriteString(in, cmd+"\n"); err != nil {
				t.Fatal(err)
			}
		}
		for out.Scan() {
			if f := strings.Fields(out.Text()); len(f) > 0 && f[0] == "watchmem:" {
				return f[1:]
			}
		}
		t.Fatalf("gateway process: %v", out.Err())
		return nil
	}
	addr := ask("")[0]
	mem := func() (rss, goMem int64) {
		f := ask("mem")
		rss, _ = strconv.ParseInt(f[0], 10, 64)
		goMem, _ = strconv.ParseInt(f[1], 10, 64)
		return rss, goMem
	}

	// One watcher through grpc-gateway's own handler, for the bytes.
	direct := openWatch(t, addr, "?since_version=0", "", "direct")
	want := []string{direct.next(t)}
	rss0, go0 := mem()
	began := time.Now()
	ws := make([]*rawWatch, n)
	var wg sync.WaitGroup
	errs := make(chan error, n)
	next := make(chan int)
	for range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				w, err := dialWatch(addr)
				if err != nil {
					errs <- fmt.Errorf("watcher %d: %w", i, err)
					continue
				}
				ws[i] = w
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	opened := time.Since(began)
	rss1, go1 := mem()
	defer func() {
		for _, w := range ws {
			w.conn.Close()
		}
	}()

	_ = direct.conn.SetReadDeadline(time.Now().Add(2 * time.Minute))
	for _, w := range ws {
		_ = w.conn.SetReadDeadline(time.Now().Add(2 * time.Minute))
	}
	for range 3 {
		ask("push")
		want = append(want, direct.next(t))
	}
	for i, w := range ws {
		for j, l := range want {
			got, err := w.lines.ReadString('\n')
			if err != nil || got != l {
				t.Fatalf("watcher %d line %d: %q (%v), want %q", i, j, got, err, l)
			}
		}
	}
	per := func(a, b int64) float64 { return float64(b-a) / float64(n) / 1024 }
	t.Logf("%d watchers through the gateway (its own process, TCP) opened in %v: %.1f KB each resident (RSS %d → %d MB),"+
		" %.1f KB each in Go heap + stacks; every watcher read %d versions as the direct stream wrote them; target 10 KB%s",
		n, opened.Round(time.Millisecond), per(rss0, rss1), rss0>>20, rss1>>20, per(go0, go1), len(want), capped)
}

// rawWatch is a watcher that keeps little on this side: the connection and a
// small reader of its decoded body.
type rawWatch struct {
	conn  net.Conn
	lines *bufio.Reader
}

func dialWatch(addr string) (*rawWatch, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	if _, err := io.WriteString(c, "GET /v1/"+watchName+":watch HTTP/1.1\r\nHost: gateway\r\n\r\n"); err != nil {
		c.Close()
		return nil, err
	}
	_ = c.SetReadDeadline(time.Now().Add(2 * time.Minute))
	resp, err := http.ReadResponse(bufio.NewReaderSize(c, 512), nil)
	if err != nil {
		c.Close()
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		c.Close()
		return nil, fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	return &rawWatch{conn: c, lines: bufio.NewReaderSize(resp.Body, 512)}, nil
}

// TestWatchMemoryGateway is the gateway process of TestWatchMemory: it
// serves the gateway over TCP as gatewayd does and answers on stdin: "mem"
// (its resident set and Go heap + stacks) and "push" (a new results
// version, once every watch upstream has it).
func TestWatchMemoryGateway(t *testing.T) {
	if os.Getenv(watchMemGateway) == "" {
		t.Skip("run by TestWatchMemory")
	}
	f := newFeed()
	tally := grpctest.ConnWith(t, grpcserver.EnsureOptions(), func(s *grpc.Server) { tallyv1.RegisterTallyServiceServer(s, f) })
	seats := grpctest.ConnWith(t, grpcserver.EnsureOptions(), func(s *grpc.Server) { seatsv1.RegisterSeatsServiceServer(s, seatsv1.UnimplementedSeatsServiceServer{}) })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	h, err := gateway.New(ctx, gateway.Config{Tally: tally, Seats: seats, MaxBodyBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	// gatewayd's server settings.
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	go func() { _ = srv.Serve(lis) }()
	defer srv.Close()
	fmt.Println("watchmem:", lis.Addr().String())
	cmds := bufio.NewScanner(os.Stdin)
	for cmds.Scan() {
		switch cmds.Text() {
		case "mem":
			runtime.GC()
			debug.FreeOSMemory()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			fmt.Println("watchmem:", residentBytes(t), m.HeapInuse+m.StackInuse)
		case "push":
			f.push(nil)
			fmt.Println("watchmem: pushed")
		}
	}
}

// residentBytes is VmRSS from /proc/self/status.
func residentBytes(t *testing.T) int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for l := range bytes.Lines(b) {
		if v, ok := bytes.CutPrefix(l, []byte("VmRSS:")); ok {
			f := strings.Fields(string(v))
			kb, err := strconv.ParseInt(f[0], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatal(errors.New("no VmRSS in /proc/self/status"))
	return 0
}
