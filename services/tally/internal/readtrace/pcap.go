package readtrace

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"time"
)

// Packet is one TCP segment of a capture: when it was seen, its ports and
// how many bytes of data it carried (from the IP header, so a capture cut
// at a short snap length still counts them).
type Packet struct {
	At       time.Time
	Src, Dst uint16
	Payload  int
}

// Link types of the classic pcap format this reader understands: what
// tcpdump writes for Linux's loopback and its "any" device, and raw IP.
const (
	linkEthernet = 1
	linkRaw      = 101
	linkSLL      = 113
	linkSLL2     = 276
)

// ReadPcap reads the TCP segments of a classic pcap file (tcpdump -w):
// microsecond or nanosecond timestamps in either byte order; IPv4 and IPv6
// over Ethernet, Linux cooked capture (v1, v2) or raw IP. Other packets
// are skipped.
func ReadPcap(r io.Reader) ([]Packet, error) {
	var hdr [24]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, fmt.Errorf("readtrace: pcap header: %w", err)
	}
	var order binary.ByteOrder
	nano := false
	switch m := binary.LittleEndian.Uint32(hdr[:4]); m {
	case 0xa1b2c3d4, 0xa1b23c4d:
		order, nano = binary.LittleEndian, m == 0xa1b23c4d
	case 0xd4c3b2a1, 0x4d3cb2a1:
		order, nano = binary.BigEndian, m == 0x4d3cb2a1
	default:
		return nil, fmt.Errorf("readtrace: not a classic pcap file (magic %#x; pcapng is not read)", m)
	}
	link := order.Uint32(hdr[20:24]) & 0x0fffffff // the upper bits carry FCS flags
	var out []Packet
	var rec [16]byte
	var buf []byte
	for {
		if _, err := io.ReadFull(r, rec[:]); err != nil {
			if errors.Is(err, io.EOF) {
				return out, nil
			}
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return out, nil // a capture stopped while writing: keep what is whole
			}
			return nil, fmt.Errorf("readtrace: pcap record: %w", err)
		}
		sec, frac, n := order.Uint32(rec[0:4]), order.Uint32(rec[4:8]), order.Uint32(rec[8:12])
		if n > 1<<18 {
			return nil, fmt.Errorf("readtrace: pcap record of %d bytes", n)
		}
		if cap(buf) < int(n) {
			buf = make([]byte, n)
		}
		buf = buf[:n]
		if _, err := io.ReadFull(r, buf); err != nil {
			return out, nil
		}
		ns := int64(frac)
		if !nano {
			ns *= 1000
		}
		if p, ok := tcpSegment(link, buf); ok {
			p.At = time.Unix(int64(sec), ns)
			out = append(out, p)
		}
	}
}

// tcpSegment decodes a frame down to its TCP header.
func tcpSegment(link uint32, b []byte) (Packet, bool) {
	var proto uint16
	switch link {
	case linkEthernet:
		if len(b) < 14 {
			return Packet{}, false
		}
		proto, b = binary.BigEndian.Uint16(b[12:14]), b[14:]
	case linkSLL:
		if len(b) < 16 {
			return Packet{}, false
		}
		proto, b = binary.BigEndian.Uint16(b[14:16]), b[16:]
	case linkSLL2:
		if len(b) < 20 {
			return Packet{}, false
		}
		proto, b = binary.BigEndian.Uint16(b[0:2]), b[20:]
	case linkRaw:
		if len(b) == 0 {
			return Packet{}, false
		}
		switch b[0] >> 4 {
		case 4:
			proto = 0x0800
		case 6:
			proto = 0x86dd
		}
	default:
		return Packet{}, false
	}
	var tcp []byte
	var ipData int // bytes after the IP header, by the IP header's own count
	switch proto {
	case 0x0800:
		if len(b) < 20 || b[9] != 6 {
			return Packet{}, false
		}
		ihl := int(b[0]&0x0f) * 4
		if ihl < 20 || len(b) < ihl {
			return Packet{}, false
		}
		tcp, ipData = b[ihl:], int(binary.BigEndian.Uint16(b[2:4]))-ihl
	case 0x86dd:
		if len(b) < 40 || b[6] != 6 { // extension headers are not followed
			return Packet{}, false
		}
		tcp, ipData = b[40:], int(binary.BigEndian.Uint16(b[4:6]))
	default:
		return Packet{}, false
	}
	if len(tcp) < 13 {
		return Packet{}, false
	}
	off := int(tcp[12]>>4) * 4
	return Packet{
		Src:     binary.BigEndian.Uint16(tcp[0:2]),
		Dst:     binary.BigEndian.Uint16(tcp[2:4]),
		Payload: max(0, ipData-off),
	}, true
}
