package readtrace

import (
	"bytes"
	"context"
	"encoding/binary"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime/trace"
	"strings"
	"testing"
	"time"
)

// tcp is a TCP header (20 bytes, no options) and its payload.
func tcp(src, dst uint16, payload int) []byte {
	b := make([]byte, 20+payload)
	binary.BigEndian.PutUint16(b[0:], src)
	binary.BigEndian.PutUint16(b[2:], dst)
	b[12] = 5 << 4
	return b
}

func ipv4(proto byte, seg []byte) []byte {
	b := make([]byte, 20, 20+len(seg))
	b[0] = 0x45
	binary.BigEndian.PutUint16(b[2:], uint16(20+len(seg)))
	b[9] = proto
	return append(b, seg...)
}

func ipv6(seg []byte) []byte {
	b := make([]byte, 40, 40+len(seg))
	b[0] = 0x60
	binary.BigEndian.PutUint16(b[4:], uint16(len(seg)))
	b[6] = 6
	return append(b, seg...)
}

func ethernet(ethertype uint16, ip []byte) []byte {
	b := make([]byte, 14, 14+len(ip))
	binary.BigEndian.PutUint16(b[12:], ethertype)
	return append(b, ip...)
}

func sll(ethertype uint16, ip []byte) []byte {
	b := make([]byte, 16, 16+len(ip))
	binary.BigEndian.PutUint16(b[14:], ethertype)
	return append(b, ip...)
}

func sll2(ethertype uint16, ip []byte) []byte {
	b := make([]byte, 20, 20+len(ip))
	binary.BigEndian.PutUint16(b[0:], ethertype)
	return append(b, ip...)
}

type frame struct {
	at   time.Time
	data []byte
}

// pcapFile writes a classic pcap file as tcpdump would, the frames cut at
// snap bytes.
func pcapFile(order binary.ByteOrder, nano bool, link uint32, snap int, frames []frame) []byte {
	var b bytes.Buffer
	magic := uint32(0xa1b2c3d4)
	if nano {
		magic = 0xa1b23c4d
	}
	hdr := make([]byte, 24)
	order.PutUint32(hdr[0:], magic)
	order.PutUint16(hdr[4:], 2)
	order.PutUint16(hdr[6:], 4)
	order.PutUint32(hdr[16:], uint32(snap))
	order.PutUint32(hdr[20:], link)
	b.Write(hdr)
	for _, f := range frames {
		data := f.data[:min(len(f.data), snap)]
		rec := make([]byte, 16)
		frac := uint32(f.at.Nanosecond() / 1000)
		if nano {
			frac = uint32(f.at.Nanosecond())
		}
		order.PutUint32(rec[0:], uint32(f.at.Unix()))
		order.PutUint32(rec[4:], frac)
		order.PutUint32(rec[8:], uint32(len(data)))
		order.PutUint32(rec[12:], uint32(len(f.data)))
		b.Write(rec)
		b.Write(data)
	}
	return b.Bytes()
}

func TestReadPcap(t *testing.T) {
	at := time.Unix(1796647331, 566194123)
	tests := []struct {
		name  string
		order binary.ByteOrder
		nano  bool
		link  uint32
		frame []byte
		want  []Packet // without At
	}{
		{"ethernet IPv4, cut at 128 bytes", binary.LittleEndian, false, linkEthernet,
			ethernet(0x0800, ipv4(6, tcp(45720, 35867, 300))), []Packet{{Src: 45720, Dst: 35867, Payload: 300}}},
		{"ethernet IPv4, an ACK", binary.LittleEndian, false, linkEthernet,
			ethernet(0x0800, ipv4(6, tcp(35867, 45720, 0))), []Packet{{Src: 35867, Dst: 45720, Payload: 0}}},
		{"ethernet, UDP is skipped", binary.LittleEndian, false, linkEthernet,
			ethernet(0x0800, ipv4(17, tcp(1, 2, 10))), nil},
		{"ethernet, ARP is skipped", binary.LittleEndian, false, linkEthernet,
			ethernet(0x0806, make([]byte, 28)), nil},
		{"Linux cooked v1, IPv6, big-endian nanoseconds", binary.BigEndian, true, linkSLL,
			sll(0x86dd, ipv6(tcp(1, 2, 17))), []Packet{{Src: 1, Dst: 2, Payload: 17}}},
		{"Linux cooked v2, IPv4", binary.LittleEndian, true, linkSLL2,
			sll2(0x0800, ipv4(6, tcp(3, 4, 64))), []Packet{{Src: 3, Dst: 4, Payload: 64}}},
		{"raw IPv4", binary.BigEndian, false, linkRaw,
			ipv4(6, tcp(5, 6, 1)), []Packet{{Src: 5, Dst: 6, Payload: 1}}},
		{"an unknown link type is skipped", binary.LittleEndian, false, 105,
			ipv4(6, tcp(5, 6, 1)), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadPcap(bytes.NewReader(pcapFile(tt.order, tt.nano, tt.link, 128, []frame{{at, tt.frame}})))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d packets %+v, want %+v", len(got), got, tt.want)
			}
			for i, p := range got {
				wantAt := at.Truncate(time.Microsecond)
				if tt.nano {
					wantAt = at
				}
				if !p.At.Equal(wantAt) {
					t.Errorf("packet %d at %v, want %v", i, p.At, wantAt)
				}
				p.At = time.Time{}
				if p != tt.want[i] {
					t.Errorf("packet %d = %+v, want %+v", i, p, tt.want[i])
				}
			}
		})
	}
}

func TestReadPcapRefusesOtherFiles(t *testing.T) {
	// pcapng's section header block.
	ng := []byte{0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	if _, err := ReadPcap(bytes.NewReader(ng)); err == nil || !strings.Contains(err.Error(), "pcapng") {
		t.Errorf("pcapng: err = %v, want one naming pcapng", err)
	}
	if _, err := ReadPcap(bytes.NewReader(nil)); err == nil {
		t.Error("an empty file: no error")
	}
}

func TestReadPcapKeepsWholeRecordsOfACutFile(t *testing.T) {
	at := time.Unix(1796647331, 0)
	f := func(n int) frame { return frame{at, ethernet(0x0800, ipv4(6, tcp(1, 2, n)))} }
	b := pcapFile(binary.LittleEndian, false, linkEthernet, 128, []frame{f(10), f(20)})
	got, err := ReadPcap(bytes.NewReader(b[:len(b)-5]))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Payload != 10 {
		t.Errorf("got %+v, want the first packet only", got)
	}
}

func TestSplit(t *testing.T) {
	at := time.Unix(100, 0)
	pkts := []Packet{
		{At: at.Add(3), Src: 9, Dst: 8, Payload: 40},  // a request, out of order
		{At: at.Add(1), Src: 9, Dst: 8, Payload: 1},   // a request
		{At: at.Add(2), Src: 9, Dst: 8, Payload: 0},   // an ACK
		{At: at.Add(4), Src: 8, Dst: 9, Payload: 17},  // a PING: not an answer
		{At: at.Add(5), Src: 8, Dst: 9, Payload: 64},  // an answer
		{At: at.Add(6), Src: 7, Dst: 8, Payload: 100}, // another connection
	}
	reqs, answers := Split(pkts, 8, 9)
	if len(reqs) != 2 || !reqs[0].Equal(at.Add(1)) || !reqs[1].Equal(at.Add(3)) {
		t.Errorf("requests %v", reqs)
	}
	if len(answers) != 1 || !answers[0].Equal(at.Add(5)) {
		t.Errorf("answers %v", answers)
	}
}

// TestJoinsARealTrace traces a small TCP server shaped like gRPC's (a
// reader goroutine per connection that starts a goroutine per request,
// which opens a region named by the method and writes the answer) and
// writes a capture from the client's own clock: the packet times are when
// the client wrote and when it read, so every call must be joined and its
// steps must add up to its time.
func TestJoinsARealTrace(t *testing.T) {
	const calls, reqSize, ansSize = 40, 32, 100
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer lis.Close()
	var tbuf bytes.Buffer
	if err := trace.Start(&tbuf); err != nil {
		t.Skipf("an execution trace is running already: %v", err)
	}
	go func() {
		conn, err := lis.Accept()
		if err != nil {
			return
		}
		defer conn.Close()
		for {
			req := make([]byte, reqSize)
			if _, err := io.ReadFull(conn, req); err != nil {
				return
			}
			go func() {
				// As in tallyd, the region ends before the answer is
				// written (gRPC writes it after the interceptors return).
				r := trace.StartRegion(context.Background(), "/test.Service/GetTotals")
				ans := bytes.Repeat(req[:1], ansSize)
				r.End()
				_, _ = conn.Write(ans)
			}()
		}
	}()
	conn, err := net.Dial("tcp", lis.Addr().String())
	if err != nil {
		trace.Stop()
		t.Fatal(err)
	}
	client := uint16(conn.LocalAddr().(*net.TCPAddr).Port)
	server := uint16(lis.Addr().(*net.TCPAddr).Port)
	var frames []frame
	for i := range calls {
		req := bytes.Repeat([]byte{byte(i)}, reqSize)
		sent := time.Now()
		if _, err := conn.Write(req); err != nil {
			trace.Stop()
			t.Fatal(err)
		}
		ans := make([]byte, ansSize)
		if _, err := io.ReadFull(conn, ans); err != nil {
			trace.Stop()
			t.Fatal(err)
		}
		got := time.Now()
		frames = append(frames,
			frame{sent, ethernet(0x0800, ipv4(6, tcp(client, server, reqSize)))},
			frame{sent.Add(20 * time.Microsecond), ethernet(0x0800, ipv4(6, tcp(server, client, 0)))}, // an ACK
			frame{got, ethernet(0x0800, ipv4(6, tcp(server, client, ansSize)))})
		time.Sleep(time.Millisecond)
	}
	conn.Close()
	trace.Stop()

	dir := t.TempDir()
	tracePath, pcapPath := filepath.Join(dir, "server.trace"), filepath.Join(dir, "reads.pcap")
	if err := os.WriteFile(tracePath, tbuf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pcapPath, pcapFile(binary.LittleEndian, true, linkEthernet, 128, frames), 0o600); err != nil {
		t.Fatal(err)
	}

	tl, err := Read(context.Background(), bytes.NewReader(tbuf.Bytes()), "/GetTotals")
	if err != nil {
		t.Fatal(err)
	}
	pkts, err := ReadPcap(bytes.NewReader(pcapFile(binary.LittleEndian, true, linkEthernet, 128, frames)))
	if err != nil {
		t.Fatal(err)
	}
	reqs, answers := Split(pkts, server, client)
	joined := tl.Join(reqs, answers)
	if len(tl.regions) != calls || len(joined) != calls {
		t.Fatalf("%d regions, %d calls joined; want %d of each", len(tl.regions), len(joined), calls)
	}
	for i, c := range joined {
		var sum time.Duration
		for k, d := range c.Steps {
			if d < 0 {
				t.Errorf("call %d: step %q is %v", i, Steps[k], d)
			}
			sum += d
		}
		// The steps add up to the call's time but for the trace's clock
		// against the wall clock (a few microseconds).
		if diff := (sum - c.Total).Abs(); diff > 50*time.Microsecond || c.Total <= 0 {
			t.Errorf("call %d: steps add up to %v, its time is %v", i, sum, c.Total)
		}
	}

	var out bytes.Buffer
	cfg := Config{Trace: tracePath, Pcap: pcapPath, ServerPort: server, ClientPort: client, Method: "/GetTotals", Slowest: 5}
	if err := Run(context.Background(), cfg, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"40 calls joined to their packets (of 40 regions in the trace)",
		"| request packet → the network poll wakes the connection's reader |", "the 5 slowest calls",
		"goroutines running, by start function", "goroutines in system calls"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the report lacks %q:\n%s", want, out.String())
		}
	}
}

func TestRunNeedsPortsAndMethod(t *testing.T) {
	if err := Run(context.Background(), Config{Trace: "x", Pcap: "y"}, io.Discard); err == nil {
		t.Error("no ports: no error")
	}
}
