package crashtest

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"sync"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"

	_ "modernc.org/sqlite" // driver "sqlite", for the integrity check
)

// verdict is what the final check found.
type verdict struct {
	stored int // protocol versions stored
	// lost: acknowledged versions not stored, or stored with other content.
	lost int
	// double: stored versions that no acknowledgement accounts for (a second
	// original, a refused or twice-applied request), plus units whose totals
	// differ from the sum of their stored protocols.
	double int
	units  int // units whose totals were checked
	// problems describe each finding.
	problems []string
}

func (v *verdict) problem(format string, args ...any) {
	if len(v.problems) < 50 {
		v.problems = append(v.problems, fmt.Sprintf(format, args...))
	}
}

// verify reads everything back through the API, once no request is
// outstanding, and checks it against the clients' books:
//
//   - every station's stored versions are exactly its acknowledged requests,
//     in order, with their content, request id and results version;
//   - results versions are B+1..B+N without gap or repeat, N the number
//     of versions stored and B the batches of units before them, and the
//     nation's totals are at B+N;
//   - ListProtocols gives each station's last acknowledged version as current;
//   - the totals of the nation, each region and each district equal the sums
//     the test computes from the stored current protocols.
func (w *workload) verify(ctx context.Context, c tallyv1.TallyServiceClient) verdict {
	var v verdict
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.inflight != 0 || len(w.queue) != 0 || len(w.unknowns) != 0 {
		v.problem("verify with %d requests in flight, %d queued, %d unknown", w.inflight, len(w.queue), len(w.unknowns))
	}
	byKey := map[string]*request{}
	for _, r := range w.all {
		if r.state == acked && r.kind != replay {
			byKey[r.msg.GetRequestId()] = r
		}
	}

	// The protocol with all versions of every station that was sent a
	// request; the others must be absent from ListProtocols below.
	tried := map[*station]bool{}
	for _, r := range w.all {
		tried[r.st] = true
	}
	stored := make([][]*tallyv1.ProtocolVersion, len(w.stations))
	errs := make([]error, len(w.stations))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 16)
	for i, st := range w.stations {
		if !tried[st] {
			continue
		}
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			p, err := c.GetProtocol(ctx, &tallyv1.GetProtocolRequest{Name: w.parent + "/protocols/" + st.id})
			if status.Code(err) == codes.NotFound {
				return
			}
			stored[i], errs[i] = p.GetVersions(), err
		})
	}
	wg.Wait()
	var rvs []int64
	for i, st := range w.stations {
		if errs[i] != nil {
			v.problem("GetProtocol %s: %v", st.id, errs[i])
			continue
		}
		vs := stored[i]
		v.stored += len(vs)
		for j, pv := range vs {
			rvs = append(rvs, pv.GetResultsVersion())
			r := byKey[pv.GetRequestId()]
			switch {
			case r == nil || r.st != st:
				v.double++
				v.problem("%s version %d (request %s) is stored but was never acknowledged", st.id, pv.GetVersion(), pv.GetRequestId())
			case j >= len(st.acked) || st.acked[j] != r || pv.GetVersion() != int32(j+1):
				v.double++
				v.problem("%s version %d holds request %s out of order", st.id, pv.GetVersion(), pv.GetRequestId())
			case !sameContent(pv, r):
				v.lost++
				v.problem("%s version %d (request %s) is stored with other content", st.id, pv.GetVersion(), pv.GetRequestId())
			case pv.GetResultsVersion() != r.resultsVersion:
				v.problem("%s version %d: results version %d, acknowledged with %d", st.id, pv.GetVersion(), pv.GetResultsVersion(), r.resultsVersion)
			case pv.GetSuperseded() != (j < len(vs)-1):
				v.problem("%s version %d: superseded=%v", st.id, pv.GetVersion(), pv.GetSuperseded())
			}
		}
		for j := len(vs); j < len(st.acked); j++ {
			v.lost++
			v.problem("%s version %d (request %s, acknowledged) is not stored", st.id, st.acked[j].version, st.acked[j].msg.GetRequestId())
		}
	}
	slices.Sort(rvs)
	for i, rv := range rvs {
		if rv != w.unitVersions+int64(i+1) {
			v.problem("results versions are not %d..%d: position %d holds %d", w.unitVersions+1, w.unitVersions+int64(len(rvs)), i+1, rv)
			break
		}
	}

	// The current protocols as the tally lists them.
	current := map[string]*tallyv1.ProtocolVersion{}
	for token := ""; ; {
		resp, err := c.ListProtocols(ctx, &tallyv1.ListProtocolsRequest{Parent: w.parent, PageSize: 1000, PageToken: token})
		if err != nil {
			v.problem("ListProtocols: %v", err)
			return v
		}
		for _, p := range resp.GetProtocols() {
			id := p.GetStation()[len("elections/"+w.election+"/units/"):]
			if current[id] != nil {
				v.double++
				v.problem("ListProtocols lists %s twice", id)
			}
			current[id] = p.GetCurrent()
		}
		if token = resp.GetNextPageToken(); token == "" {
			break
		}
	}
	byID := map[string]*station{}
	for _, st := range w.stations {
		byID[st.id] = st
		cur := current[st.id]
		switch {
		case len(st.acked) == 0 && cur != nil:
			v.problem("%s has no acknowledged protocol but lists version %d", st.id, cur.GetVersion())
		case len(st.acked) > 0 && cur == nil:
			v.problem("%s is missing from ListProtocols", st.id)
		case len(st.acked) > 0 && (cur.GetRequestId() != st.acked[len(st.acked)-1].msg.GetRequestId() || !sameContent(cur, st.acked[len(st.acked)-1])):
			v.problem("%s: current version %d (request %s) is not the last acknowledged (%s)", st.id, cur.GetVersion(), cur.GetRequestId(), st.acked[len(st.acked)-1].msg.GetRequestId())
		}
	}

	// Independent sums per unit from the stored current protocols.
	sums := map[string]*sum{}
	parent := map[string]string{}
	for _, u := range w.units {
		parent[u.ID] = u.Parent
		if !u.IsStation() {
			sums[u.ID] = &sum{lines: map[string]int64{}, votes: map[string]int64{}}
		}
	}
	for _, u := range w.units {
		if u.IsStation() {
			for a := u.Parent; a != ""; a = parent[a] {
				sums[a].total++
			}
		}
	}
	for id, cur := range current {
		st := byID[id]
		if st == nil {
			v.problem("ListProtocols lists unknown station %s", id)
			continue
		}
		for _, a := range []string{st.district, st.region, "nation"} {
			sums[a].add(cur)
		}
	}
	for _, u := range w.units {
		if u.IsStation() {
			continue
		}
		v.units++
		tot, err := c.GetTotals(ctx, &tallyv1.GetTotalsRequest{Name: w.parent + "/totals/" + u.ID})
		if err != nil {
			v.problem("GetTotals %s: %v", u.ID, err)
			continue
		}
		if diff := sums[u.ID].diff(tot); diff != "" {
			v.double++
			v.problem("totals of %s differ from the sum of its stored protocols: %s", u.ID, diff)
		}
		if u.ID == "nation" && tot.GetResultsVersion() != w.unitVersions+int64(v.stored) {
			v.problem("nation totals at results version %d, %d versions stored after %d batches of units", tot.GetResultsVersion(), v.stored, w.unitVersions)
		}
	}
	return v
}

// sameContent compares a stored version with the request that created it.
func sameContent(pv *tallyv1.ProtocolVersion, r *request) bool {
	m := r.msg
	return maps.Equal(pv.GetLines(), m.GetLines()) && maps.Equal(pv.GetVotes(), m.GetVotes()) &&
		pv.GetReason() == m.GetReason() && pv.GetKind() == m.GetKind() && pv.GetRequestId() == m.GetRequestId() &&
		(len(pv.GetWarnings()) > 0) == warned(m.GetLines())
}

// warned is the form's two warning relations, evaluated independently.
func warned(l map[string]int64) bool {
	return l["ballots_cast"] > l["ballots_issued"] || 100*l["invalid"] > 5*l["ballots_cast"]
}

// sum is the test's own aggregate of current protocols under a unit.
type sum struct {
	registered, issued, cast, invalid, valid int64
	lines, votes                             map[string]int64
	reporting, total, warnings               int64
}

func (s *sum) add(p *tallyv1.ProtocolVersion) {
	l := p.GetLines()
	s.registered += l["registered"]
	s.issued += l["ballots_issued"]
	s.cast += l["ballots_cast"]
	s.invalid += l["invalid"]
	s.valid += l["valid"]
	for id, n := range l {
		s.lines[id] += n
	}
	for ch, n := range p.GetVotes() {
		s.votes[ch] += n
	}
	s.reporting++
	if len(p.GetWarnings()) > 0 {
		s.warnings++
	}
}

// diff describes how the tally's totals differ from the sum; "" when equal.
func (s *sum) diff(t *tallyv1.Totals) string {
	var d []string
	cmp := func(what string, got, want int64) {
		if got != want {
			d = append(d, fmt.Sprintf("%s %d, sum %d", what, got, want))
		}
	}
	cmp("registered", t.GetRegisteredVoters(), s.registered)
	cmp("ballots issued", t.GetBallotsIssued(), s.issued)
	cmp("ballots cast", t.GetBallotsCast(), s.cast)
	cmp("invalid", t.GetInvalid(), s.invalid)
	cmp("valid", t.GetValid(), s.valid)
	cmp("stations reporting", t.GetStationsReporting(), s.reporting)
	cmp("stations", t.GetStationsTotal(), s.total)
	cmp("protocols with warnings", t.GetProtocolsWithWarnings(), s.warnings)
	for _, ch := range t.GetChoices() {
		cmp("votes for "+ch.GetChoice(), ch.GetVotes(), s.votes[ch.GetChoice()])
	}
	for _, l := range t.GetLines() {
		cmp("line "+l.GetLine(), l.GetValue(), s.lines[l.GetLine()])
	}
	if s.reporting > 0 && (len(t.GetChoices()) != len(s.votes) || len(t.GetLines()) != len(s.lines)) {
		d = append(d, fmt.Sprintf("%d choices and %d lines, the protocols have %d and %d",
			len(t.GetChoices()), len(t.GetLines()), len(s.votes), len(s.lines)))
	}
	if len(d) == 0 {
		return ""
	}
	return fmt.Sprint(d)
}

// integrityCheck opens the SQLite file read-only after tallyd stopped and
// runs SQLite's own checks; it returns the number of protocol rows.
func integrityCheck(path string) (int, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return 0, err
	}
	var res []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return 0, err
		}
		res = append(res, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	if len(res) != 1 || res[0] != "ok" {
		return 0, fmt.Errorf("integrity_check: %v", res)
	}
	fk, err := db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return 0, err
	}
	bad := fk.Next()
	fk.Close()
	if bad {
		return 0, fmt.Errorf("foreign_key_check reports violations")
	}
	var n int
	err = db.QueryRowContext(ctx, "SELECT count(*) FROM protocols").Scan(&n)
	return n, err
}
