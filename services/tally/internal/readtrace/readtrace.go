// Package readtrace splits the time a Go gRPC server takes to answer one
// method, as seen on the network, into the steps its runtime and its code
// went through, by joining a capture of the client's connection (tcpdump)
// with an execution trace of the server (runtime/trace, tallyd's --trace):
// the request packet → the network poller making the connection's reader
// goroutine runnable → that goroutine running → the handler's goroutine
// created → running → the method's trace region (tallyd opens one per call,
// named by its full method) → the answer packet. For the slowest calls it
// also says what held the Ps meanwhile: which goroutines ran, which were in
// system calls, whether the collector was marking.
//
// It is a measuring tool for `make bench` (BENCH_READ_TRACE=1): issue 19's
// reads during an ingest were slow at the client while their handler was
// fast, and three sessions answered "where" with throwaway programs.
package readtrace

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"golang.org/x/exp/trace"
)

// Config names the inputs of Run.
type Config struct {
	Trace      string // the server's execution trace
	Pcap       string // a classic pcap capture of the client's connection
	ServerPort uint16
	ClientPort uint16
	Method     string // a substring of the regions' names, e.g. "/GetTotals"
	Slowest    int    // how many of the slowest calls to look into
}

// MinAnswer is the least payload of a server packet taken for an answer:
// an HTTP/2 PING (17 bytes) or WINDOW_UPDATE (13) is not one; a gRPC
// answer (HEADERS, DATA, trailers) is longer. The bench's split uses the
// same rule.
const MinAnswer = 64

// burstGap groups a request's packets: a client may write HEADERS and DATA
// apart, and the runtime wakes the reader at the first.
const burstGap = 300 * time.Microsecond

// Run reads both files and writes the report to w.
func Run(ctx context.Context, cfg Config, w io.Writer) error {
	if cfg.Method == "" || cfg.ServerPort == 0 || cfg.ClientPort == 0 {
		return errors.New("readtrace: the method and both ports are required")
	}
	pf, err := os.Open(cfg.Pcap)
	if err != nil {
		return err
	}
	defer pf.Close()
	pkts, err := ReadPcap(bufio.NewReaderSize(pf, 1<<20))
	if err != nil {
		return err
	}
	reqs, answers := Split(pkts, cfg.ServerPort, cfg.ClientPort)
	tf, err := os.Open(cfg.Trace)
	if err != nil {
		return err
	}
	defer tf.Close()
	tl, err := Read(ctx, bufio.NewReaderSize(tf, 1<<20), cfg.Method)
	if err != nil {
		return err
	}
	Report(w, tl, tl.Join(reqs, answers), cfg.Slowest)
	return nil
}

// Split sorts a connection's packets into the client's requests (any data
// from the client) and the server's answers (MinAnswer bytes or more).
func Split(pkts []Packet, server, client uint16) (reqs, answers []time.Time) {
	for _, p := range pkts {
		switch {
		case p.Src == client && p.Dst == server && p.Payload > 0:
			reqs = append(reqs, p.At)
		case p.Src == server && p.Dst == client && p.Payload >= MinAnswer:
			answers = append(answers, p.At)
		}
	}
	slices.SortFunc(reqs, time.Time.Compare)
	slices.SortFunc(answers, time.Time.Compare)
	return reqs, answers
}

type transition struct {
	at       trace.Time
	from, to trace.GoState
}

type span struct {
	g        trace.GoID
	from, to trace.Time
}

type creation struct {
	at trace.Time
	by trace.GoID
}

// Timeline is what Join and Report need of a trace.
type Timeline struct {
	regions  []span // the method's regions, by the goroutine that ran them
	trans    map[trace.GoID][]transition
	created  map[trace.GoID]creation
	names    map[trace.GoID]string // a goroutine's start function
	running  []span
	syscalls []span
	marks    []span // the collector's mark phases
	clock    *trace.ClockSnapshot
	procs    int64
}

const markPhase = "GC concurrent mark phase"

// Read reads an execution trace, keeping the regions whose name contains
// method and every goroutine's transitions.
func Read(ctx context.Context, r io.Reader, method string) (*Timeline, error) {
	tr, err := trace.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("readtrace: %w", err)
	}
	tl := &Timeline{trans: map[trace.GoID][]transition{}, created: map[trace.GoID]creation{}, names: map[trace.GoID]string{}}
	open := map[trace.GoID]trace.Time{}
	runFrom := map[trace.GoID]trace.Time{}
	sysFrom := map[trace.GoID]trace.Time{}
	var markFrom trace.Time
	for n := 0; ; n++ {
		if n%65536 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		ev, err := tr.ReadEvent()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("readtrace: %w", err)
		}
		switch ev.Kind() {
		case trace.EventSync:
			if s := ev.Sync(); s.ClockSnapshot != nil && tl.clock == nil {
				c := *s.ClockSnapshot
				tl.clock = &c
			}
		case trace.EventMetric:
			if m := ev.Metric(); m.Name == "/sched/gomaxprocs:threads" {
				tl.procs = int64(m.Value.Uint64())
			}
		case trace.EventRegionBegin:
			if strings.Contains(ev.Region().Type, method) {
				open[ev.Goroutine()] = ev.Time()
			}
		case trace.EventRegionEnd:
			if b, ok := open[ev.Goroutine()]; ok && strings.Contains(ev.Region().Type, method) {
				tl.regions = append(tl.regions, span{ev.Goroutine(), b, ev.Time()})
				delete(open, ev.Goroutine())
			}
		case trace.EventRangeBegin:
			if ev.Range().Name == markPhase {
				markFrom = ev.Time()
			}
		case trace.EventRangeEnd:
			if ev.Range().Name == markPhase && markFrom != 0 {
				tl.marks = append(tl.marks, span{trace.NoGoroutine, markFrom, ev.Time()})
				markFrom = 0
			}
		case trace.EventStateTransition:
			st := ev.StateTransition()
			if st.Resource.Kind != trace.ResourceGoroutine {
				continue
			}
			g := st.Resource.Goroutine()
			from, to := st.Goroutine()
			t := ev.Time()
			tl.trans[g] = append(tl.trans[g], transition{t, from, to})
			if from == trace.GoNotExist && to == trace.GoRunnable {
				tl.created[g] = creation{t, ev.Goroutine()}
				for f := range st.Stack.Frames() {
					tl.names[g] = f.Func
					break
				}
			}
			tl.running = spans(runFrom, tl.running, trace.GoRunning, g, from, to, t)
			tl.syscalls = spans(sysFrom, tl.syscalls, trace.GoSyscall, g, from, to, t)
		}
	}
	if tl.clock == nil {
		return nil, errors.New("readtrace: the trace has no clock snapshot (written by Go 1.25 or later?)")
	}
	return tl, nil
}

// spans opens a span when goroutine g enters state, and adds it to out
// when g leaves that state.
func spans(open map[trace.GoID]trace.Time, out []span, state trace.GoState, g trace.GoID, from, to trace.GoState, t trace.Time) []span {
	switch {
	case to == state:
		open[g] = t
	case from == state:
		if a, ok := open[g]; ok {
			out = append(out, span{g, a, t})
			delete(open, g)
		}
	}
	return out
}

func (tl *Timeline) wall(t trace.Time) time.Time {
	return tl.clock.Wall.Add(time.Duration(t - tl.clock.Trace))
}

func (tl *Timeline) at(w time.Time) trace.Time {
	return tl.clock.Trace + trace.Time(w.Sub(tl.clock.Wall))
}

// Steps of a call, in order; they add up to its time at the network.
var Steps = [...]string{
	"request packet → the network poll wakes the connection's reader",
	"→ the reader runs",
	"→ it creates the handler's goroutine",
	"→ the handler runs",
	"→ the method's region begins (interceptors)",
	"the region",
	"region end → answer packet",
}

// Call is one call joined to its packets.
type Call struct {
	Steps [len(Steps)]time.Duration
	Total time.Duration // request packet → answer packet
	wait  [2]trace.Time // request packet → the reader running: the runtime's delay
}

// Join matches each region to the request packet before its handler was
// created (the first of that burst) and the first answer packet after it
// ended. Calls it cannot match (cut by the capture's start or end) are
// left out.
func (tl *Timeline) Join(reqs, answers []time.Time) []Call {
	var calls []Call
	for _, rg := range tl.regions {
		c, ok := tl.created[rg.g]
		if !ok {
			continue // created before the trace began
		}
		var handlerRuns trace.Time
		for _, x := range tl.trans[rg.g] {
			if x.at >= c.at && x.to == trace.GoRunning {
				handlerRuns = x.at
				break
			}
		}
		var woken, runs trace.Time
		for _, x := range tl.trans[c.by] {
			if x.at > c.at {
				break
			}
			if x.from == trace.GoWaiting && x.to == trace.GoRunnable {
				woken = x.at
			}
			if x.to == trace.GoRunning {
				runs = x.at
			}
		}
		if handlerRuns == 0 || runs == 0 {
			continue
		}
		createdAt := tl.wall(c.at)
		i, _ := slices.BinarySearchFunc(reqs, createdAt, time.Time.Compare)
		i-- // the last request packet before the handler was created
		if i < 0 || createdAt.Sub(reqs[i]) > time.Second {
			continue
		}
		for i > 0 && reqs[i].Sub(reqs[i-1]) < burstGap {
			i--
		}
		ended := tl.wall(rg.to)
		j, _ := slices.BinarySearchFunc(answers, ended, time.Time.Compare)
		if j == len(answers) || answers[j].Sub(ended) > time.Second {
			continue
		}
		pkt := tl.at(reqs[i])
		// The reader may have been running already when the packet came
		// (it read this request in the same turn as the one before): then
		// the first two steps are nought.
		woken = max(woken, pkt)
		runs = max(runs, woken)
		marks := [...]trace.Time{pkt, woken, runs, c.at, handlerRuns, rg.from, rg.to}
		var call Call
		for k := 0; k+1 < len(marks); k++ {
			call.Steps[k] = time.Duration(max(0, marks[k+1]-marks[k]))
		}
		call.Steps[len(Steps)-1] = answers[j].Sub(ended)
		call.Total = answers[j].Sub(reqs[i])
		call.wait = [2]trace.Time{pkt, runs}
		calls = append(calls, call)
	}
	return calls
}

func pct(d []time.Duration, p int) time.Duration {
	if len(d) == 0 {
		return 0
	}
	return d[min(len(d)-1, len(d)*p/100)]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d)/1e6) }

// Report writes the steps' distribution and what held the Ps during the
// slowest calls' wait for the runtime.
func Report(w io.Writer, tl *Timeline, calls []Call, slowest int) {
	fmt.Fprintf(w, "%d calls joined to their packets (of %d regions in the trace)\n\n", len(calls), len(tl.regions))
	if len(calls) == 0 {
		return
	}
	fmt.Fprintln(w, "| step (ms) | p50 | p90 | p99 | max |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|")
	row := func(name string, pick func(Call) time.Duration) {
		d := make([]time.Duration, len(calls))
		for i, c := range calls {
			d[i] = pick(c)
		}
		slices.Sort(d)
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", name, ms(pct(d, 50)), ms(pct(d, 90)), ms(pct(d, 99)), ms(d[len(d)-1]))
	}
	for k, name := range Steps {
		row(name, func(c Call) time.Duration { return c.Steps[k] })
	}
	row("request packet → answer packet", func(c Call) time.Duration { return c.Total })

	slow := slices.Clone(calls)
	slices.SortFunc(slow, func(a, b Call) int { return cmp.Compare(b.Total, a.Total) })
	slow = slow[:min(max(slowest, 1), len(slow))]
	var window time.Duration
	ran, sys := map[string]time.Duration{}, map[string]time.Duration{}
	marked := 0
	for _, c := range slow {
		window += time.Duration(c.wait[1] - c.wait[0])
		overlap(tl.running, c.wait, func(g trace.GoID, d time.Duration) { ran[tl.name(g)] += d })
		overlap(tl.syscalls, c.wait, func(g trace.GoID, d time.Duration) { sys[tl.name(g)] += d })
		hit := false
		overlap(tl.marks, c.wait, func(trace.GoID, time.Duration) { hit = true })
		if hit {
			marked++
		}
	}
	fmt.Fprintf(w, "\nthe %d slowest calls: request packet → the reader running, %s ms in all", len(slow), ms(window))
	if tl.procs > 0 {
		fmt.Fprintf(w, " (%s P-ms on %d Ps)", ms(window*time.Duration(tl.procs)), tl.procs)
	}
	fmt.Fprintf(w, "; a mark phase of the collector overlapped %d of them\n", marked)
	top := func(title string, m map[string]time.Duration) {
		var total time.Duration
		names := make([]string, 0, len(m))
		for k, d := range m {
			names = append(names, k)
			total += d
		}
		slices.SortFunc(names, func(a, b string) int { return cmp.Compare(m[b], m[a]) })
		fmt.Fprintf(w, "  %s: %s ms\n", title, ms(total))
		for _, k := range names[:min(8, len(names))] {
			fmt.Fprintf(w, "    %8s  %s\n", ms(m[k]), k)
		}
	}
	top("goroutines running, by start function", ran)
	top("goroutines in system calls", sys)
}

func (tl *Timeline) name(g trace.GoID) string {
	if n, ok := tl.names[g]; ok {
		return n
	}
	return "(started before the trace)"
}

// overlap calls f with each span's share of the window.
func overlap(spans []span, win [2]trace.Time, f func(trace.GoID, time.Duration)) {
	for _, s := range spans {
		if a, b := max(s.from, win[0]), min(s.to, win[1]); a < b {
			f(s.g, time.Duration(b-a))
		}
	}
}
