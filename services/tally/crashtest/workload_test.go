package crashtest

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/definition"
	"github.com/mandate-project/mandate/services/tally/form"
	"github.com/mandate-project/mandate/services/tally/tallypb"
)

// The election is the KZ 2012 contest (its form with 7 lines, 4 error and 2
// warning relations, and its 7 parties) over a generated hierarchy:
// nation > regions > districts > stations.
const (
	contestID          = "mazhilis"
	regions            = 4
	districtsPerRegion = 5
)

// Shares of the workload: after a station's protocol (or correction) is
// acknowledged, a correction of it follows with pCorrection, and after an
// original a second original for the same station (which must be refused)
// with pDuplicate.
const (
	pCorrection = 0.10
	pDuplicate  = 0.03
)

type reqKind int

const (
	original   reqKind = iota // the first protocol of a station
	correction                // replaces the station's acknowledged current version
	duplicate                 // another original for a station that has one: must be refused
	replay                    // an acknowledged request sent again: must get its first answer
)

func (k reqKind) String() string {
	return [...]string{"original", "correction", "duplicate", "replay"}[k]
}

type outcome int

const (
	pending  outcome = iota
	acked            // OK: stored
	rejected         // a definite refusal: not stored
	unknown          // the client cannot tell
)

// classify sorts a SubmitProtocol answer by what it tells the client about
// the request being stored.
//
// The tally decides the idempotency key before anything else that depends on
// stored state (a stored key answers with its original receipt, even after
// certification), and it validates the request before storing it. So each of
// these codes means "this request is not stored and will not be": a bad
// request (INVALID_ARGUMENT, NOT_FOUND, OUT_OF_RANGE), a decision against the
// stored state (ALREADY_EXISTS: the station has an original or the key holds
// other content; ABORTED: the correction replaces a version that is no longer
// current; FAILED_PRECONDITION: the contest is certified), or a refusal before
// the handler (UNIMPLEMENTED, UNAUTHENTICATED, PERMISSION_DENIED).
//
// Everything else may have been stored: UNAVAILABLE (the connection broke, the
// process died, or the server was stopping), DEADLINE_EXCEEDED and CANCELLED
// (the client gave up, the server may not have), INTERNAL and UNKNOWN (the
// server failed somewhere, possibly after the commit), RESOURCE_EXHAUSTED and
// DATA_LOSS (no promise either way). The client must retry those with the same
// key and content until it gets one of the definite answers above or OK.
func classify(err error) outcome {
	if err == nil {
		return acked
	}
	switch status.Code(err) {
	case codes.InvalidArgument, codes.NotFound, codes.OutOfRange, codes.AlreadyExists, codes.Aborted,
		codes.FailedPrecondition, codes.Unimplemented, codes.Unauthenticated, codes.PermissionDenied:
		return rejected
	}
	return unknown
}

// station is a polling station of the generated hierarchy and what the
// clients know about its protocol.
type station struct {
	id, district, region string
	registered           int64
	// acked are the acknowledged originals and corrections in version order;
	// the last one is the station's current protocol.
	acked []*request
	// busy: a request that changes the station is outstanding; no other is
	// started until it has a definite answer.
	busy bool
}

// request is one idempotent SubmitProtocol request, sent with the same
// message on every try.
type request struct {
	kind reqKind
	st   *station
	msg  *tallyv1.SubmitProtocolRequest
	of   *request // for a replay: the acknowledged request

	state   outcome
	tries   int
	unknown bool // had an unknown outcome before the definite one
	// From the acknowledgement.
	version        int32
	resultsVersion int64
	// err is the last error: the definite refusal, or why the outcome is unknown.
	err error
	// sent and answered are the times of the last try.
	sent, answered time.Time
}

// figures are what the run reports.
type figures struct {
	sent           int // SubmitProtocol calls
	requests       int // distinct requests (idempotency keys), replays excluded
	acked          int // originals and corrections acknowledged
	correctionsAck int
	refused        int // duplicate originals refused as they must be
	unknownRetried int // requests whose outcome was unknown and were retried
	// unknownStored: of those, the ones a retry found already stored (the
	// kill came between the commit and the answer): answered by replay.
	unknownStored int
	retries       int // calls that were retries of an unknown outcome
	replays       int // acknowledged requests sent again and answered as the first time
}

// workload generates the protocols, hands requests to the clients and keeps
// the books on their outcomes. Its methods are safe for concurrent use.
type workload struct {
	election string
	parent   string
	def      form.Election // without units
	choices  []string
	units    []form.Unit
	// unitVersions is how many batches of units define sent that created
	// units: each took a results version (1, 2...) before any protocol.
	unitVersions int64

	mu       sync.Mutex
	rng      *rand.Rand
	stations []*station
	fresh    []*station // stations without a request yet
	queue    []*request // sent before anything new: retries, replays, follow-ups
	unknowns []*request // unknown outcomes of the current cycle
	inflight int
	seq      int
	all      []*request
	recent   []*request // acknowledged in the current cycle
	fig      figures
	// violations of the API contract found while running.
	violations []string
}

// examplesDir returns the repository's examples folder.
func examplesDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "examples")
}

// newWorkload builds an election with about n stations; the election id is
// unique per run so runs sharing a PostgreSQL database do not meet.
func newWorkload(seed uint64, n int) (*workload, error) {
	f, err := definition.Load(filepath.Join(examplesDir(), "kz-2012", "election.yaml"))
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	e := f.Election
	w := &workload{
		election: fmt.Sprintf("crash-%d-%06x", time.Now().Unix(), rng.Uint32()&0xffffff),
		rng:      rng,
	}
	w.parent = "elections/" + w.election + "/contests/" + contestID
	for _, c := range e.Contests {
		if c.ID == contestID {
			for _, ch := range c.Choices {
				w.choices = append(w.choices, ch.ID)
			}
		}
	}
	if len(w.choices) == 0 {
		return nil, fmt.Errorf("kz-2012 example has no contest %q", contestID)
	}
	perDistrict := max(1, (n+regions*districtsPerRegion-1)/(regions*districtsPerRegion))
	w.units = append(w.units, form.Unit{ID: "nation", Name: "Nation", Level: "nation"})
	for r := 1; r <= regions; r++ {
		rid := fmt.Sprintf("r%d", r)
		w.units = append(w.units, form.Unit{ID: rid, Parent: "nation", Name: "Region " + rid, Level: "region"})
		for d := 1; d <= districtsPerRegion; d++ {
			did := fmt.Sprintf("%s-d%d", rid, d)
			w.units = append(w.units, form.Unit{ID: did, Parent: rid, Name: "District " + did, Level: "district"})
			for s := 1; s <= perDistrict; s++ {
				st := &station{id: fmt.Sprintf("%s-s%04d", did, s), district: did, region: rid,
					registered: 500 + rng.Int64N(2500)}
				w.stations = append(w.stations, st)
				w.units = append(w.units, form.Unit{ID: st.id, Parent: did, Name: "Station " + st.id,
					Level: form.LevelStation, Registered: st.registered})
			}
		}
	}
	e.ID, e.Units = w.election, nil
	w.fresh = slices.Clone(w.stations)
	rng.Shuffle(len(w.fresh), func(i, j int) { w.fresh[i], w.fresh[j] = w.fresh[j], w.fresh[i] })
	w.def = e
	return w, nil
}

// define creates the election and its units through the API.
func (w *workload) define(ctx context.Context, c tallyv1.TallyServiceClient) error {
	if _, err := c.CreateElection(ctx, &tallyv1.CreateElectionRequest{ElectionId: w.election, Election: tallypb.ElectionToProto(w.def)}); err != nil {
		return fmt.Errorf("create election: %w", err)
	}
	for start := 0; start < len(w.units); start += 5000 {
		req := &tallyv1.BatchCreateReportingUnitsRequest{Parent: "elections/" + w.election}
		for _, u := range w.units[start:min(start+5000, len(w.units))] {
			req.Units = append(req.Units, tallypb.UnitToProto(w.election, u))
		}
		resp, err := c.BatchCreateReportingUnits(ctx, req)
		if err != nil {
			return fmt.Errorf("units: %w", err)
		}
		if resp.GetCreatedCount() > 0 {
			w.unitVersions++
		}
	}
	return nil
}

// content draws a valid protocol for a station; about 1 in 20 carries a
// warning (more than 5 % invalid ballots).
func (w *workload) content(st *station) (lines, votes map[string]int64) {
	issued := st.registered * (50 + w.rng.Int64N(35)) / 100
	cancelled := w.rng.Int64N(200)
	cast := issued - w.rng.Int64N(4)
	invalid := cast * w.rng.Int64N(4) / 100
	if w.rng.IntN(20) == 0 {
		invalid = cast * 7 / 100
	}
	valid := cast - invalid
	lines = map[string]int64{
		"registered": st.registered, "ballots_received": issued + cancelled, "ballots_issued": issued,
		"ballots_cancelled": cancelled, "ballots_cast": cast, "invalid": invalid, "valid": valid,
	}
	votes = map[string]int64{}
	left := valid
	for i, ch := range w.choices {
		v := left
		if i < len(w.choices)-1 {
			v = left * w.rng.Int64N(60) / 100
		}
		votes[ch] = v
		left -= v
	}
	return lines, votes
}

// corrected returns a protocol with some votes moved between two parties, the
// typical transcription fix.
func (w *workload) corrected(prev *tallyv1.SubmitProtocolRequest) (lines, votes map[string]int64) {
	lines, votes = maps.Clone(prev.GetLines()), maps.Clone(prev.GetVotes())
	from, to := w.choices[w.rng.IntN(len(w.choices))], w.choices[w.rng.IntN(len(w.choices))]
	if from == to || votes[from] == 0 {
		// Move a few ballots from invalid to valid instead.
		n := min(lines["invalid"], 1+w.rng.Int64N(5))
		lines["invalid"] -= n
		lines["valid"] += n
		votes[to] += n
		return lines, votes
	}
	n := 1 + w.rng.Int64N(min(votes[from], 25))
	votes[from] -= n
	votes[to] += n
	return lines, votes
}

// newRequest builds a request with a fresh idempotency key. Caller holds mu.
func (w *workload) newRequest(kind reqKind, st *station) *request {
	w.seq++
	msg := &tallyv1.SubmitProtocolRequest{
		Parent: w.parent, Station: "elections/" + w.election + "/units/" + st.id,
		RequestId: fmt.Sprintf("%s-%07d", w.election, w.seq),
		Kind:      tallyv1.SubmissionKind_SUBMISSION_KIND_ORIGINAL,
	}
	switch kind {
	case original, duplicate:
		msg.Lines, msg.Votes = w.content(st)
	case correction:
		cur := st.acked[len(st.acked)-1]
		msg.Lines, msg.Votes = w.corrected(cur.msg)
		msg.Kind = tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION
		msg.ReplacesVersion = cur.version
		msg.Reason = fmt.Sprintf("crash test: transcription fix %d", cur.version)
	}
	r := &request{kind: kind, st: st, msg: msg}
	if kind != duplicate {
		st.busy = true
	}
	w.all = append(w.all, r)
	w.fig.requests++
	return r
}

// next returns the next request to send: retries, replays and follow-ups
// first, then a new station's original; with every station submitted, a
// correction of an idle station keeps the load up. draining sends only what
// is queued. It returns nil when there is nothing to send now.
func (w *workload) next(draining bool) *request {
	w.mu.Lock()
	defer w.mu.Unlock()
	var r *request
	switch {
	case len(w.queue) > 0:
		r = w.queue[0]
		w.queue = w.queue[1:]
	case draining:
		return nil
	case len(w.fresh) > 0:
		st := w.fresh[len(w.fresh)-1]
		w.fresh = w.fresh[:len(w.fresh)-1]
		r = w.newRequest(original, st)
	default:
		for range 8 {
			st := w.stations[w.rng.IntN(len(w.stations))]
			if !st.busy && len(st.acked) > 0 {
				r = w.newRequest(correction, st)
				break
			}
		}
		if r == nil {
			return nil
		}
	}
	w.inflight++
	return r
}

// idle reports whether nothing is queued or in flight.
func (w *workload) idle() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.queue) == 0 && w.inflight == 0
}

// record books the answer to one try of r. In draining mode an unknown
// outcome is queued again at once; otherwise it waits for the next cycle.
func (w *workload) record(r *request, sent, answered time.Time, resp *tallyv1.SubmitProtocolResponse, err error, draining bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.inflight--
	r.sent, r.answered = sent, answered
	w.fig.sent++
	if r.unknown {
		w.fig.retries++
	}
	r.tries++
	o := classify(err)
	if o == unknown {
		if !r.unknown && r.kind != replay {
			w.fig.unknownRetried++
		}
		r.unknown, r.state, r.err = true, unknown, err
		if r.tries >= 100 {
			w.violate("%s %s: no definite answer after %d tries, last %v", r.kind, r.msg.GetRequestId(), r.tries, err)
			return
		}
		if draining {
			w.queue = append(w.queue, r)
		} else {
			w.unknowns = append(w.unknowns, r)
		}
		return
	}
	r.state = o
	if o == rejected {
		r.err = err
		w.rejected(r, err)
		return
	}
	cur := resp.GetProtocol().GetCurrent()
	switch r.kind {
	case replay:
		if cur.GetVersion() != r.of.version || resp.GetResultsVersion() != r.of.resultsVersion || cur.GetRequestId() != r.msg.GetRequestId() {
			w.violate("replay of %s answered version %d results version %d (request %s), first answer was version %d results version %d",
				r.msg.GetRequestId(), cur.GetVersion(), resp.GetResultsVersion(), cur.GetRequestId(), r.of.version, r.of.resultsVersion)
			return
		}
		w.fig.replays++
	case duplicate:
		w.violate("a second original for %s was accepted (request %s, version %d)", r.st.id, r.msg.GetRequestId(), cur.GetVersion())
	case original, correction:
		want := r.msg.GetReplacesVersion() + 1
		if cur.GetVersion() != want || cur.GetRequestId() != r.msg.GetRequestId() || resp.GetResultsVersion() <= 0 || cur.GetResultsVersion() != resp.GetResultsVersion() {
			w.violate("%s %s acknowledged as version %d of request %s (results version %d/%d), want version %d",
				r.kind, r.msg.GetRequestId(), cur.GetVersion(), cur.GetRequestId(), resp.GetResultsVersion(), cur.GetResultsVersion(), want)
		}
		r.version, r.resultsVersion = cur.GetVersion(), resp.GetResultsVersion()
		if r.unknown && cur.GetAcceptTime().AsTime().Before(sent) {
			w.fig.unknownStored++ // same machine, same clock
		}
		r.st.acked = append(r.st.acked, r)
		r.st.busy = false
		w.recent = append(w.recent, r)
		w.fig.acked++
		if r.kind == correction {
			w.fig.correctionsAck++
		}
		// Follow-ups go to the front: a correction soon after the original is
		// the case where a lost acknowledgement would show.
		if w.rng.Float64() < pCorrection {
			w.queue = append([]*request{w.newRequest(correction, r.st)}, w.queue...)
		}
		if r.kind == original && w.rng.Float64() < pDuplicate {
			w.queue = append(w.queue, w.newRequest(duplicate, r.st))
		}
	}
}

// rejected books a definite refusal. Only duplicates may be refused, and only
// with ALREADY_EXISTS for the station (not for the key). Caller holds mu.
func (w *workload) rejected(r *request, err error) {
	st := status.Convert(err)
	if r.kind != duplicate {
		w.violate("%s %s (station %s) refused: %v", r.kind, r.msg.GetRequestId(), r.st.id, err)
		if r.kind != replay {
			r.st.busy = false
		}
		return
	}
	reason := ""
	for _, d := range st.Details() {
		if info, ok := d.(*errdetails.ErrorInfo); ok {
			reason = info.GetReason()
		}
	}
	if st.Code() != codes.AlreadyExists || reason != "ALREADY_EXISTS" {
		w.violate("duplicate original %s refused with %v (%s), want ALREADY_EXISTS", r.msg.GetRequestId(), st.Code(), reason)
		return
	}
	w.fig.refused++
}

func (w *workload) violate(format string, args ...any) {
	w.violations = append(w.violations, fmt.Sprintf(format, args...))
}

// beginCycle queues the requests whose outcome the last crash left unknown,
// and replays of a sample of acknowledged ones: the last acknowledged before
// the crash (if durability failed anywhere, it is there) and some older ones.
func (w *workload) beginCycle() {
	w.mu.Lock()
	defer w.mu.Unlock()
	var replays []*request
	for _, r := range w.recent[max(0, len(w.recent)-8):] {
		replays = append(replays, &request{kind: replay, st: r.st, msg: r.msg, of: r})
	}
	var old []*request
	for _, r := range w.all {
		if r.state == acked && r.kind != replay {
			old = append(old, r)
		}
	}
	for range min(8, len(old)) {
		r := old[w.rng.IntN(len(old))]
		replays = append(replays, &request{kind: replay, st: r.st, msg: r.msg, of: r})
	}
	w.queue = append(append(w.unknowns, replays...), w.queue...)
	w.unknowns, w.recent = nil, nil
}

// pendingUnknowns returns the requests whose outcome is unknown, with the
// error each last got in err.
func (w *workload) pendingUnknowns() []*request {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.unknowns)
}

// answeredAcross counts the tries that were sent before t and answered OK
// after it.
func (w *workload) answeredAcross(t time.Time) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for _, r := range w.all {
		if r.state == acked && r.sent.Before(t) && r.answered.After(t) {
			n++
		}
	}
	return n
}

// replayAll queues a replay of every acknowledged request.
func (w *workload) replayAll() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, r := range w.all {
		if r.state == acked && r.kind != replay {
			w.queue = append(w.queue, &request{kind: replay, st: r.st, msg: r.msg, of: r})
		}
	}
}

// run sends requests from clients concurrent goroutines until stop is
// closed, or with draining until nothing is left to send.
func (w *workload) run(ctx context.Context, c tallyv1.TallyServiceClient, clients int, stop <-chan struct{}, draining bool) {
	var wg sync.WaitGroup
	for range clients {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				case <-ctx.Done():
					return
				default:
				}
				r := w.next(draining)
				if r == nil {
					if draining && w.idle() {
						return
					}
					time.Sleep(2 * time.Millisecond)
					continue
				}
				sent := time.Now()
				cctx, cancel := context.WithTimeout(ctx, 20*time.Second)
				resp, err := c.SubmitProtocol(cctx, r.msg)
				cancel()
				w.record(r, sent, time.Now(), resp, err, draining)
				if classify(err) == unknown {
					// Back off as a client would before its next request.
					time.Sleep(20 * time.Millisecond)
				}
			}
		})
	}
	wg.Wait()
}

// snapshot returns the figures and violations so far.
func (w *workload) snapshot() (figures, []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.fig, slices.Clone(w.violations)
}
