package tallyapi_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"io"
	"log/slog"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/grpctest"
	"github.com/mandate-project/mandate/services/tally/internal/sqlitestore"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/internal/tallyapi"
	"github.com/mandate-project/mandate/services/tally/tallyclient"
)

const (
	contest  = "elections/kz-2012/contests/mazhilis"
	national = contest + "/totals/kz"
)

// startAt is start on a given SQLite file, so a test can restart the tally
// on the same store. stop closes the server and the store.
func startAt(t *testing.T, path string) (c tallyv1.TallyServiceClient, stop func()) {
	t.Helper()
	ctx := context.Background()
	store, err := sqlitestore.Open(ctx, path, sqlitestore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	svc, err := tally.NewServiceWith(ctx, store, tally.ServiceOptions{Now: time.Now, LogKey: testLogKey})
	if err != nil {
		t.Fatal(err)
	}
	api := tallyapi.New(svc, slog.Default())
	conn := grpctest.ConnWith(t, api.ServerOptions(), func(srv *grpc.Server) {
		tallyv1.RegisterTallyServiceServer(srv, api)
	})
	// The server itself stops when the test ends; closing the store is what
	// a restart needs.
	return tallyv1.NewTallyServiceClient(conn), func() { svc.Close(); store.Close() }
}

// testLogKey signs the checkpoints of every tally a test starts, so a
// restarted tally signs as before.
var testLogKey = func() string {
	skey, _, err := note.GenerateKey(rand.Reader, "mandate-test")
	if err != nil {
		panic(err)
	}
	return skey
}()

// correction re-submits a stored protocol as a correction that moves n votes
// from Nur Otan to Ak Zhol.
func correction(t *testing.T, c tallyv1.TallyServiceClient, station, requestID string, n int64) *tallyv1.SubmitProtocolRequest {
	t.Helper()
	p, err := c.GetProtocol(context.Background(), &tallyv1.GetProtocolRequest{Name: contest + "/protocols/" + station})
	if err != nil {
		t.Fatal(err)
	}
	cur := p.GetCurrent()
	r := &tallyv1.SubmitProtocolRequest{
		Parent: contest, Station: "elections/kz-2012/units/" + station,
		Lines: map[string]int64{}, Votes: map[string]int64{}, RequestId: requestID,
		ReplacesVersion: cur.GetVersion(), Reason: "transcription error",
		Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION,
	}
	for k, v := range cur.GetLines() {
		r.Lines[k] = v
	}
	for k, v := range cur.GetVotes() {
		r.Votes[k] = v
	}
	r.Votes["nur-otan"] -= n
	r.Votes["ak-zhol"] += n
	return r
}

func totals(t *testing.T, c tallyv1.TallyServiceClient, name string) *tallyv1.Totals {
	t.Helper()
	tot, err := c.GetTotals(context.Background(), &tallyv1.GetTotalsRequest{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return tot
}

// demoVersion is the demo's results version once loaded: its batch of
// units is the first change, its 48 protocols the next ones.
const demoVersion = 49

func votes(tot *tallyv1.Totals, choice string) int64 {
	for _, ch := range tot.GetChoices() {
		if ch.GetChoice() == choice {
			return ch.GetVotes()
		}
	}
	return -1
}

// TestConcurrentReplays sends one correction 1,000 times at once: exactly one
// version is stored, every caller gets the same answer, and the totals move
// once.
func TestConcurrentReplays(t *testing.T) {
	c := start(t)
	loadDemo(t, c)
	req := correction(t, c, "astana-2", "fix-astana-2", 100)
	const n = 1000
	var wg sync.WaitGroup
	resps := make([]*tallyv1.SubmitProtocolResponse, n)
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resps[i], errs[i] = c.SubmitProtocol(context.Background(), req)
		}()
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("call %d: %v", i, errs[i])
		}
		if resps[i].GetResultsVersion() != demoVersion+1 || resps[i].GetProtocol().GetCurrent().GetVersion() != 2 {
			t.Fatalf("call %d answered results version %d, protocol version %d; want 50, 2",
				i, resps[i].GetResultsVersion(), resps[i].GetProtocol().GetCurrent().GetVersion())
		}
	}
	tot := totals(t, c, national)
	if tot.GetResultsVersion() != demoVersion+1 || votes(tot, "nur-otan") != 5621436-100 || votes(tot, "ak-zhol") != 518405+100 {
		t.Errorf("after 1,000 replays: version %d, Nur Otan %d, Ak Zhol %d", tot.GetResultsVersion(), votes(tot, "nur-otan"), votes(tot, "ak-zhol"))
	}
	p, err := c.GetProtocol(context.Background(), &tallyv1.GetProtocolRequest{Name: contest + "/protocols/astana-2"})
	if err != nil || len(p.GetVersions()) != 2 {
		t.Fatalf("versions stored: %d (%v), want 2", len(p.GetVersions()), err)
	}

	// The same key with other content is a conflict, not a replay.
	other := correction(t, c, "astana-2", "fix-astana-2", 1)
	other.ReplacesVersion = 1
	if _, err := c.SubmitProtocol(context.Background(), other); status.Code(err) != codes.AlreadyExists {
		t.Errorf("reused key with other content: %v, want ALREADY_EXISTS", err)
	}
}

func TestListProtocolsPagination(t *testing.T) {
	c := start(t)
	loadDemo(t, c)
	ctx := context.Background()
	for _, st := range []string{"almaty-city-1", "almaty-city-2", "astana-3"} {
		if _, err := c.SubmitProtocol(ctx, correction(t, c, st, "fix-"+st, 5)); err != nil {
			t.Fatal(err)
		}
	}
	list := func(req *tallyv1.ListProtocolsRequest) []string {
		t.Helper()
		var names []string
		pages := 0
		for {
			resp, err := c.ListProtocols(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			pages++
			if ps := req.GetPageSize(); ps > 0 && len(resp.GetProtocols()) > int(ps) {
				t.Fatalf("page of %d, page_size %d", len(resp.GetProtocols()), ps)
			}
			for _, p := range resp.GetProtocols() {
				names = append(names, p.GetName())
			}
			if resp.GetNextPageToken() == "" {
				return names
			}
			if pages > 100 {
				t.Fatal("pagination does not end")
			}
			req = proto.Clone(req).(*tallyv1.ListProtocolsRequest)
			req.PageToken = resp.GetNextPageToken()
		}
	}
	tests := []struct {
		name string
		req  *tallyv1.ListProtocolsRequest
		want int
	}{
		{"all, pages of 7", &tallyv1.ListProtocolsRequest{Parent: contest, PageSize: 7}, 48},
		{"all, one page", &tallyv1.ListProtocolsRequest{Parent: contest, PageSize: 1000}, 48},
		{"default page size", &tallyv1.ListProtocolsRequest{Parent: contest}, 48},
		{"under a region", &tallyv1.ListProtocolsRequest{Parent: contest, Unit: "elections/kz-2012/units/astana", PageSize: 2}, 3},
		{"corrected only", &tallyv1.ListProtocolsRequest{Parent: contest, MinVersion: 1, PageSize: 2}, 3},
		{"corrected under a region", &tallyv1.ListProtocolsRequest{Parent: contest, MinVersion: 1, Unit: "elections/kz-2012/units/almaty-city"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			names := list(tt.req)
			seen := map[string]bool{}
			for _, n := range names {
				if seen[n] {
					t.Errorf("%s listed twice", n)
				}
				seen[n] = true
			}
			if len(names) != tt.want {
				t.Errorf("%d protocols, want %d: %v", len(names), tt.want, names)
			}
		})
	}

	// A token belongs to its query: reusing it with other filters is refused.
	first, err := c.ListProtocols(ctx, &tallyv1.ListProtocolsRequest{Parent: contest, PageSize: 5})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.ListProtocols(ctx, &tallyv1.ListProtocolsRequest{Parent: contest, PageSize: 5, MinVersion: 1, PageToken: first.GetNextPageToken()})
	if status.Code(err) != codes.InvalidArgument {
		t.Errorf("token reused with other filters: %v, want INVALID_ARGUMENT", err)
	}
}

func TestPhases(t *testing.T) {
	c := start(t)
	loadDemo(t, c)
	ctx := context.Background()
	setPhase := func(p tallyv1.ResultStatus) {
		t.Helper()
		ct, err := c.SetContestPhase(ctx, &tallyv1.SetContestPhaseRequest{Name: contest, Phase: p, Reason: "commission decision"})
		if err != nil {
			t.Fatal(err)
		}
		if got := totals(t, c, national).GetStatus(); got != p {
			t.Fatalf("status after SetContestPhase(%v): %v (contest %v)", p, got, ct)
		}
	}
	if got := totals(t, c, national).GetStatus(); got != tallyv1.ResultStatus_RESULT_STATUS_UNOFFICIAL_COMPLETE {
		t.Fatalf("status %v", got)
	}
	setPhase(tallyv1.ResultStatus_RESULT_STATUS_CERTIFIED)
	_, err := c.SubmitProtocol(ctx, correction(t, c, "astana-1", "after-cert", 1))
	wantReason(t, "correction after certification", err, codes.FailedPrecondition, "CONTEST_CERTIFIED")
	_, err = c.SetContestPhase(ctx, &tallyv1.SetContestPhaseRequest{Name: contest, Phase: tallyv1.ResultStatus_RESULT_STATUS_CERTIFIED})
	wantReason(t, "certify twice", err, codes.FailedPrecondition, "PHASE_UNCHANGED")
	_, err = c.SetContestPhase(ctx, &tallyv1.SetContestPhaseRequest{Name: contest, Phase: tallyv1.ResultStatus_RESULT_STATUS_UNOFFICIAL_PARTIAL})
	if status.Code(err) != codes.InvalidArgument {
		t.Errorf("back to counting: %v, want INVALID_ARGUMENT", err)
	}

	// A recount protocol needs an open recount.
	rec := correction(t, c, "astana-1", "recount-1", 3)
	rec.Kind = tallyv1.SubmissionKind_SUBMISSION_KIND_RECOUNT
	setPhase(tallyv1.ResultStatus_RESULT_STATUS_CORRECTION)
	_, err = c.SubmitProtocol(ctx, rec)
	wantReason(t, "recount during a correction phase", err, codes.FailedPrecondition, "RECOUNT_NOT_OPEN")
	if _, err := c.SubmitProtocol(ctx, correction(t, c, "astana-1", "corr-1", 1)); err != nil {
		t.Fatalf("correction during a correction phase: %v", err)
	}
	setPhase(tallyv1.ResultStatus_RESULT_STATUS_RECOUNT)
	rec = correction(t, c, "astana-1", "recount-1", 3)
	rec.Kind = tallyv1.SubmissionKind_SUBMISSION_KIND_RECOUNT
	resp, err := c.SubmitProtocol(ctx, rec)
	if err != nil {
		t.Fatalf("recount protocol: %v", err)
	}
	if v := resp.GetProtocol().GetCurrent().GetVersion(); v != 3 {
		t.Errorf("recount stored as version %d, want 3", v)
	}
	setPhase(tallyv1.ResultStatus_RESULT_STATUS_CERTIFIED)

	// Every phase change and the recount are in the change list, in order.
	ch, err := c.ListChanges(ctx, &tallyv1.ListChangesRequest{Name: national, SinceVersion: demoVersion})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range ch.GetChanges() {
		got = append(got, fmt.Sprintf("%d:%s:%v:%v", x.GetResultsVersion(), x.GetStation(), x.GetKind(), x.GetStatus()))
	}
	want := []string{
		"50::SUBMISSION_KIND_UNSPECIFIED:RESULT_STATUS_CERTIFIED",
		"51::SUBMISSION_KIND_UNSPECIFIED:RESULT_STATUS_CORRECTION",
		"52:elections/kz-2012/units/astana-1:SUBMISSION_KIND_CORRECTION:RESULT_STATUS_UNSPECIFIED",
		"53::SUBMISSION_KIND_UNSPECIFIED:RESULT_STATUS_RECOUNT",
		"54:elections/kz-2012/units/astana-1:SUBMISSION_KIND_RECOUNT:RESULT_STATUS_UNSPECIFIED",
		"55::SUBMISSION_KIND_UNSPECIFIED:RESULT_STATUS_CERTIFIED",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("changes:\n got %v\nwant %v", got, want)
	}
}

// TestListChangesPolling polls like a results client: only what changed
// since the version it last saw, in pages.
func TestListChangesPolling(t *testing.T) {
	c := start(t)
	loadDemo(t, c)
	ctx := context.Background()
	first, err := c.ListChanges(ctx, &tallyv1.ListChangesRequest{Name: national, SinceVersion: 0, PageSize: 20})
	if err != nil {
		t.Fatal(err)
	}
	if len(first.GetChanges()) != 20 || !first.GetMore() || first.GetNextSinceVersion() != 20 {
		t.Fatalf("first page: %d changes, more %v, next %d", len(first.GetChanges()), first.GetMore(), first.GetNextSinceVersion())
	}
	rest, err := c.ListChanges(ctx, &tallyv1.ListChangesRequest{Name: national, SinceVersion: first.GetNextSinceVersion()})
	if err != nil {
		t.Fatal(err)
	}
	if len(rest.GetChanges()) != 29 || rest.GetMore() || rest.GetNextSinceVersion() != demoVersion {
		t.Fatalf("rest: %d changes, more %v, next %d", len(rest.GetChanges()), rest.GetMore(), rest.GetNextSinceVersion())
	}
	// Nothing new: an empty answer that says to ask from the same version.
	idle, err := c.ListChanges(ctx, &tallyv1.ListChangesRequest{Name: national, SinceVersion: demoVersion})
	if err != nil || len(idle.GetChanges()) != 0 || idle.GetNextSinceVersion() != demoVersion || idle.GetTotals().GetResultsVersion() != demoVersion {
		t.Fatalf("idle poll: %v %v", idle, err)
	}
	// A region sees only its own stations' changes but keeps the election's
	// version counter, so the next poll skips the others'.
	if _, err := c.SubmitProtocol(ctx, correction(t, c, "astana-1", "fix-a1", 2)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SubmitProtocol(ctx, correction(t, c, "almaty-city-1", "fix-ac1", 2)); err != nil {
		t.Fatal(err)
	}
	reg, err := c.ListChanges(ctx, &tallyv1.ListChangesRequest{Name: contest + "/totals/astana", SinceVersion: demoVersion})
	if err != nil {
		t.Fatal(err)
	}
	if len(reg.GetChanges()) != 1 || reg.GetChanges()[0].GetStation() != "elections/kz-2012/units/astana-1" || reg.GetChanges()[0].GetKind() != tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION ||
		reg.GetChanges()[0].GetReason() != "transcription error" || reg.GetNextSinceVersion() != demoVersion+2 {
		t.Errorf("region changes: %v next %d", reg.GetChanges(), reg.GetNextSinceVersion())
	}
	if _, err := c.ListChanges(ctx, &tallyv1.ListChangesRequest{Name: national, SinceVersion: -1}); status.Code(err) != codes.InvalidArgument {
		t.Errorf("negative since_version: %v", err)
	}
}

// TestWatchTotalsResume watches, drops the stream, and resumes from the last
// version seen: every change arrives exactly once, in order.
func TestWatchTotalsResume(t *testing.T) {
	c := start(t)
	loadDemo(t, c)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	recv := func(s grpc.ServerStreamingClient[tallyv1.WatchTotalsResponse]) *tallyv1.WatchTotalsResponse {
		t.Helper()
		m, err := s.Recv()
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	wctx, stop := context.WithCancel(ctx)
	s, err := c.WatchTotals(wctx, &tallyv1.WatchTotalsRequest{Name: national})
	if err != nil {
		t.Fatal(err)
	}
	if m := recv(s); m.GetTotals().GetResultsVersion() != demoVersion || len(m.GetChanges()) != 0 {
		t.Fatalf("first message: version %d, %d changes", m.GetTotals().GetResultsVersion(), len(m.GetChanges()))
	}
	if _, err := c.SubmitProtocol(ctx, correction(t, c, "astana-1", "w-1", 1)); err != nil {
		t.Fatal(err)
	}
	m := recv(s)
	if len(m.GetChanges()) != 1 || m.GetChanges()[0].GetResultsVersion() != demoVersion+1 || votes(m.GetTotals(), "ak-zhol") != 518405+1 {
		t.Fatalf("live message: %v", m)
	}
	stop()
	for {
		if _, err := s.Recv(); err != nil {
			break
		}
	}

	// While nobody watches, three more changes.
	for i, st := range []string{"astana-2", "astana-3", "astana-1"} {
		if _, err := c.SubmitProtocol(ctx, correction(t, c, st, fmt.Sprint("w-next-", i), 1)); err != nil {
			t.Fatal(err)
		}
	}
	s, err = c.WatchTotals(ctx, &tallyv1.WatchTotalsRequest{Name: national, SinceVersion: demoVersion + 1})
	if err != nil {
		t.Fatal(err)
	}
	var seen []int64
	for len(seen) < 3 {
		m := recv(s)
		if len(m.GetChanges()) == 0 {
			t.Fatalf("a resumed watch sent a message without changes: %v", m)
		}
		for _, ch := range m.GetChanges() {
			seen = append(seen, ch.GetResultsVersion())
		}
		if m.GetTotals().GetResultsVersion() < seen[len(seen)-1] {
			t.Fatalf("totals at version %d behind the change %d they come with", m.GetTotals().GetResultsVersion(), seen[len(seen)-1])
		}
	}
	if fmt.Sprint(seen) != "[51 52 53]" {
		t.Errorf("resumed changes %v, want [51 52 53]", seen)
	}
	if _, err := c.WatchTotals(ctx, &tallyv1.WatchTotalsRequest{Name: contest + "/totals/nowhere"}); err != nil {
		t.Fatal(err) // the error arrives with the first Recv
	}
	bad, _ := c.WatchTotals(ctx, &tallyv1.WatchTotalsRequest{Name: contest + "/totals/nowhere"})
	if _, err := bad.Recv(); status.Code(err) != codes.NotFound {
		t.Errorf("watch of an unknown unit: %v, want NOT_FOUND", err)
	}
}

// TestWatchTotalsCoalesces imports the whole demo while a watch is open: the
// watcher may get fewer messages than changes, but every change exactly once.
func TestWatchTotalsCoalesces(t *testing.T) {
	c := start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := tallyclient.Define(ctx, c, filepath.Join(examples(t), "kz-2012", "election.yaml")); err != nil {
		t.Fatal(err)
	}
	s, err := c.WatchTotals(ctx, &tallyv1.WatchTotalsRequest{Name: national})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Recv(); err != nil {
		t.Fatal(err)
	}
	loadDemo(t, c)
	messages, changes := 0, 0
	for changes < 48 {
		m, err := s.Recv()
		if err == io.EOF || err != nil {
			t.Fatalf("after %d changes: %v", changes, err)
		}
		messages++
		for _, ch := range m.GetChanges() {
			changes++
			// Version 1 is the demo's units, defined before the watch.
			if ch.GetResultsVersion() != int64(changes+1) {
				t.Fatalf("change %d has results version %d", changes, ch.GetResultsVersion())
			}
		}
	}
	t.Logf("48 changes in %d messages", messages)
}

// TestRestartKeepsTotals restarts the tally on the same store: every unit's
// totals are identical.
func TestRestartKeepsTotals(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tally.db")
	c, stop := startAt(t, path)
	loadDemo(t, c)
	if _, err := c.SubmitProtocol(context.Background(), correction(t, c, "astana-1", "r-1", 7)); err != nil {
		t.Fatal(err)
	}
	units := []string{"kz", "astana", "almaty-city", "astana-1", "astana-2"}
	before := map[string]*tallyv1.Totals{}
	for _, u := range units {
		before[u] = totals(t, c, contest+"/totals/"+u)
	}
	stop()
	c, stop = startAt(t, path)
	defer stop()
	for _, u := range units {
		after := totals(t, c, contest+"/totals/"+u)
		a, b := proto.Clone(after).(*tallyv1.Totals), proto.Clone(before[u]).(*tallyv1.Totals)
		a.GenerateTime, b.GenerateTime = nil, nil
		if !proto.Equal(a, b) {
			t.Errorf("%s after restart:\n%v\nbefore:\n%v", u, a, b)
		}
	}
}

// TestImportRows streams protocols in the compact row form, with rows that
// are refused for each reason a row can be, and checks every rejection names
// its place.
func TestImportRows(t *testing.T) {
	c := start(t)
	loadDemo(t, c)
	ctx := context.Background()
	_, cols, counts := astanaRow(ctx, t, c)
	moved := slices.Clone(counts)
	for j, c := range cols {
		switch c {
		case "votes.nur-otan":
			moved[j] -= 7
		case "votes.ak-zhol":
			moved[j] += 7
		}
	}
	rows := &tallyv1.ProtocolRows{Parent: contest, Columns: cols, Rows: []*tallyv1.ProtocolRow{
		{Station: "elections/kz-2012/units/astana-1", RequestId: "row-1", Counts: moved, ReplacesVersion: 1, Reason: "rows", Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION}, // accepted
		{Station: "elections/kz-2012/units/astana-2", RequestId: "row-2", Counts: counts[:3], Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_ORIGINAL},                                  // counts do not line up
		{Station: "elections/kz-2012/units/astana-3", RequestId: "row-3", Counts: counts, Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_ORIGINAL},                                      // a second original
		{Station: "elections/kz-2012/units/nowhere", RequestId: "row-4", Counts: counts, ReplacesVersion: 1, Reason: "x", Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION},    // unknown station
	}}
	s, err := c.ImportProtocols(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Send(&tallyv1.ImportProtocolsRequest{Rows: rows}); err != nil {
		t.Fatal(err)
	}
	if err := s.Send(&tallyv1.ImportProtocolsRequest{Rows: &tallyv1.ProtocolRows{Parent: contest, Columns: []string{"valid"}, Rows: rows.Rows[:1]}}); err != nil {
		t.Fatal(err)
	}
	resp, err := s.CloseAndRecv()
	if err != nil {
		t.Fatal(err)
	}
	if resp.GetAccepted() != 1 {
		t.Errorf("accepted %d, want 1", resp.GetAccepted())
	}
	var got []string
	for _, r := range resp.GetRejections() {
		got = append(got, fmt.Sprintf("%d:%s", r.GetIndex(), r.GetCode()))
	}
	want := "[1:INVALID_ARGUMENT 2:ALREADY_EXISTS 3:NOT_FOUND 4:INVALID_ARGUMENT]"
	if fmt.Sprint(got) != want {
		t.Errorf("rejections %v, want %s", got, want)
	}
	if v := votes(totals(t, c, national), "ak-zhol"); v != 518405+7 {
		t.Errorf("Ak Zhol %d after the row import", v)
	}
}

// wantReason fails t unless err has code and the ErrorInfo reason.
func wantReason(t *testing.T, what string, err error, code codes.Code, reason string) {
	t.Helper()
	st := status.Convert(err)
	got := ""
	for _, d := range st.Details() {
		if info, ok := d.(*errdetails.ErrorInfo); ok {
			got = info.GetReason()
		}
	}
	if st.Code() != code || got != reason {
		t.Errorf("%s: %v (reason %q), want %v %s", what, err, got, code, reason)
	}
}

// astanaRow is the demo's astana-1 protocol as it stands and as an import
// row: its column names (lines.* and votes.*) and counts, in one order.
func astanaRow(ctx context.Context, t *testing.T, c tallyv1.TallyServiceClient) (*tallyv1.ProtocolVersion, []string, []int64) {
	t.Helper()
	p, err := c.GetProtocol(ctx, &tallyv1.GetProtocolRequest{Name: contest + "/protocols/astana-1"})
	if err != nil {
		t.Fatal(err)
	}
	cur := p.GetCurrent()
	var cols []string
	var counts []int64
	for k, v := range cur.GetLines() {
		cols, counts = append(cols, "lines."+k), append(counts, v)
	}
	for k, v := range cur.GetVotes() {
		cols, counts = append(cols, "votes."+k), append(counts, v)
	}
	return cur, cols, counts
}
