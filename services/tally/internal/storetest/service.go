package storetest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/mandate-project/mandate/services/tally/form"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// ServiceDefineElectionIdempotent is the conformance case Service/DefineElectionIdempotent.
func (ts Suite) ServiceDefineElectionIdempotent(t *testing.T) {
	svc, _ := ts.newSvc(t)
	if _, err := svc.DefineElection(ctx, Election()); err != nil {
		t.Fatalf("identical definition: %v", err)
	}
	e := Election()
	e.DisplayName = "Other"
	if _, err := svc.DefineElection(ctx, e); !errors.Is(err, tally.ErrAlreadyExists) {
		t.Fatalf("different definition: %v", err)
	}
	e = Election()
	e.Units[4].Registered = 1
	if _, err := svc.DefineElection(ctx, e); !errors.Is(err, tally.ErrAlreadyExists) {
		t.Fatalf("different units: %v", err)
	}
	bad := Election()
	bad.Contests[0].Form.Relations[0].Expression = "registered >= isued"
	bad.ID = "bad"
	var fe *tally.FieldError
	if _, err := svc.DefineElection(ctx, bad); !errors.As(err, &fe) || fe.Reason != "UNKNOWN_IDENTIFIER" ||
		fe.Field != "contests[0].form.relations[0].expression" {
		t.Fatalf("unknown identifier: %v", err)
	}
	got, err := svc.GetElection(ctx, "test-2024")
	if err != nil || got.DisplayName != "Test election" || len(got.Units) != 0 {
		t.Fatalf("GetElection = %+v, %v", got, err)
	}
	if _, err := svc.GetElection(ctx, "nope"); !errors.Is(err, tally.ErrNotFound) {
		t.Fatalf("GetElection(nope) = %v", err)
	}
	c, err := svc.GetContest(ctx, "test-2024", "mayor")
	if err != nil || c.Kind != tally.SingleWinner {
		t.Fatalf("GetContest = %+v, %v", c, err)
	}
	var nf *tally.NotFoundError
	if _, err := svc.GetContest(ctx, "test-2024", "senate"); !errors.As(err, &nf) || nf.Kind != "contest" {
		t.Fatalf("GetContest(senate) = %v", err)
	}
}

// ServiceSubmitAndTotals is the conformance case Service/SubmitAndTotals.
func (ts Suite) ServiceSubmitAndTotals(t *testing.T) {
	svc, _ := ts.newSvc(t)
	ts.submit(t, svc, Sub("list", "n1", 10, 300, 200, 100))
	ts.submit(t, svc, Sub("list", "n2", 20, 100, 300, 100))
	r := ts.submit(t, svc, Sub("list", "s1", 0, 50, 50, 50))
	if r.Version != 1 || r.ResultsVersion != 3 || r.Replayed || r.Kind != tally.Original {
		t.Fatalf("receipt %+v", r)
	}
	tt := ts.totals(t, svc, "list", "")
	want := []int64{450, 550, 250}
	for i, c := range tt.Choices {
		if c.Votes != want[i] || c.Share != (tally.Fraction{Num: want[i], Den: 1250}) {
			t.Errorf("choice %s = %+v", c.Choice, c)
		}
	}
	if tt.Valid != 1250 || tt.Invalid != 30 || tt.BallotsCast != 1280 || tt.BallotsIssued != 1280 ||
		tt.Registered != 2300 || tt.RegisteredReportingStations != 2300 || tt.RegisteredAllStations != 4200 ||
		tt.StationsReporting != 3 || tt.StationsTotal != 5 || tt.Status != tally.UnofficialPartial ||
		tt.ReportedRegistered != (tally.Fraction{Num: 2300, Den: 4200}) ||
		tt.Turnout != (tally.Turnout{Numerator: tally.RoleBallotsIssued, Definition: "ballots issued / registered voters", Fraction: tally.Fraction{Num: 1280, Den: 2300}}) ||
		tt.ResultsVersion != 3 || tt.Unit != "nation" || tt.ShareBase != tally.RoleValid || tt.Leader != nil {
		t.Errorf("totals = %+v", tt)
	}
	north := ts.totals(t, svc, "list", "north")
	if north.Valid != 1100 || north.StationsReporting != 2 || north.StationsTotal != 2 || north.Status != tally.UnofficialComplete {
		t.Errorf("north = %+v", north)
	}
	st := ts.totals(t, svc, "list", "s1")
	if st.Valid != 150 || st.StationsReporting != 1 || st.Lines[0] != (tally.LineTotal{Line: "registered", Number: "1", Name: "Registered", Value: 500}) {
		t.Errorf("station s1 = %+v", st)
	}
	if s2 := ts.totals(t, svc, "list", "s2"); s2.StationsReporting != 0 || s2.Valid != 0 || s2.Status != tally.UnofficialPartial {
		t.Errorf("station s2 = %+v", s2)
	}
	ts.submit(t, svc, Sub("list", "s2", 0, 1, 1, 1))
	ts.submit(t, svc, Sub("list", "s3", 0, 1, 1, 1))
	if tt := ts.totals(t, svc, "list", ""); tt.Status != tally.UnofficialComplete || tt.StationsReporting != 5 {
		t.Errorf("complete totals = %+v", tt)
	}
	cs, err := svc.GetContestStatus(ctx, "test-2024", "list")
	if err != nil || cs.Status != tally.UnofficialComplete || cs.Phase != tally.PhaseCounting || cs.ResultsVersion != 5 {
		t.Errorf("status = %+v, %v", cs, err)
	}
	if _, err := svc.Totals(ctx, "test-2024", "list", "atlantis"); !errors.Is(err, tally.ErrNotFound) {
		t.Errorf("unknown unit: %v", err)
	}
}

// ServiceRejections is the conformance case Service/Rejections.
func (ts Suite) ServiceRejections(t *testing.T) {
	svc, _ := ts.newSvc(t)
	mod := func(f func(s *tally.Submission)) tally.Submission {
		s := Sub("list", "n1", 10, 300, 200, 100)
		f(&s)
		return s
	}
	violations := []struct {
		name  string
		sub   tally.Submission
		codes []string
	}{
		{"issued above registered", mod(func(s *tally.Submission) {
			s.Lines["issued"] = 1001
			s.Lines["cast"] = 1001
			s.Lines["valid"] = 991
			s.Votes["A"] = 691
		}), []string{"T_REGISTERED_GE_ISSUED"}},
		{"cast balance", mod(func(s *tally.Submission) { s.Lines["cast"]++ }), []string{"T_CAST_BALANCE"}},
		{"valid vs votes", mod(func(s *tally.Submission) { s.Votes["B"]-- }), []string{"T_VALID_EQ_VOTES"}},
		{"negative", mod(func(s *tally.Submission) { s.Votes["C"] = -1; s.Votes["A"] = 401 }), []string{"NEGATIVE_COUNT"}},
		{"all at once", mod(func(s *tally.Submission) { s.Lines["issued"] = 5000; s.Lines["cast"] = 0; s.Votes["A"] = 0 }),
			[]string{"T_REGISTERED_GE_ISSUED", "T_CAST_BALANCE", "T_VALID_EQ_VOTES"}},
	}
	for _, tc := range violations {
		t.Run(tc.name, func(t *testing.T) {
			_, err := svc.Submit(ctx, tc.sub)
			var ve *tally.ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, tally.ErrInvalidArgument) {
				t.Fatalf("got %v, want *ValidationError", err)
			}
			var codes []string
			for _, v := range ve.Violations {
				codes = append(codes, v.Code)
				if v.Severity != tally.SeverityError || len(v.Lines) == 0 {
					t.Errorf("violation %+v", v)
				}
			}
			if !reflect.DeepEqual(codes, tc.codes) {
				t.Errorf("codes = %v, want %v", codes, tc.codes)
			}
		})
	}
	fields := []struct {
		name          string
		sub           tally.Submission
		field, reason string
	}{
		{"unknown choice", mod(func(s *tally.Submission) { s.Votes["Z"] = 0 }), "votes.Z", "UNKNOWN_CHOICE"},
		{"missing choice", mod(func(s *tally.Submission) { delete(s.Votes, "B") }), "votes.B", "MISSING_CHOICE"},
		{"missing line", mod(func(s *tally.Submission) { delete(s.Lines, "valid") }), "lines.valid", "MISSING_LINE"},
		{"unknown line", mod(func(s *tally.Submission) { s.Lines["spoiled"] = 0 }), "lines.spoiled", "UNKNOWN_LINE"},
		{"no key", mod(func(s *tally.Submission) { s.IdempotencyKey = "" }), "idempotency_key", "REQUIRED"},
		{"not a station", mod(func(s *tally.Submission) { s.Station = "north" }), "station", "NOT_A_STATION"},
		{"original replaces", mod(func(s *tally.Submission) { s.Replaces = 1 }), "replaces", "ORIGINAL_REPLACES"},
		{"correction without reason", mod(func(s *tally.Submission) { s.Kind = tally.Correction; s.Replaces = 1 }), "reason", "REQUIRED"},
		{"no kind", mod(func(s *tally.Submission) { s.Kind = 0 }), "kind", "INVALID_KIND"},
	}
	for _, tc := range fields {
		t.Run(tc.name, func(t *testing.T) {
			_, err := svc.Submit(ctx, tc.sub)
			var fe *tally.FieldError
			if !errors.As(err, &fe) || fe.Field != tc.field || fe.Reason != tc.reason {
				t.Fatalf("got %v, want %s %s", err, tc.field, tc.reason)
			}
		})
	}
	if _, err := svc.Submit(ctx, mod(func(s *tally.Submission) { s.Station = "atlantis" })); !errors.Is(err, tally.ErrNotFound) {
		t.Errorf("unknown station: %v", err)
	}
	if _, err := svc.Submit(ctx, mod(func(s *tally.Submission) { s.Contest = "senate" })); !errors.Is(err, tally.ErrNotFound) {
		t.Errorf("unknown contest: %v", err)
	}
	if tt := ts.totals(t, svc, "list", ""); tt.StationsReporting != 0 || tt.ResultsVersion != 0 {
		t.Errorf("rejected protocols were counted: %+v", tt)
	}
}

// ServiceWarningsStored is the conformance case Service/WarningsStored.
func (ts Suite) ServiceWarningsStored(t *testing.T) {
	svc, _ := ts.newSvc(t)
	s := Sub("list", "s1", 20, 100, 100, 100) // invalid 20 of 320 > 5 %
	s.Lines["issued"] = 310                   // and 320 in boxes > 310 issued
	r := ts.submit(t, svc, s)
	if len(r.Warnings) != 2 || r.Warnings[0].Code != "T_CAST_LE_ISSUED" || r.Warnings[1].Code != "T_INVALID_HIGH" ||
		r.Warnings[0].Left != 320 || r.Warnings[0].Right != 310 || r.Warnings[0].Severity != tally.SeverityWarning {
		t.Fatalf("warnings = %+v", r.Warnings)
	}
	p, err := svc.GetProtocol(ctx, "test-2024", "list", "s1")
	if err != nil || len(p.Versions) != 1 || len(p.Current().Warnings) != 2 || p.Current().Warnings[1].Lines[0] != "invalid" {
		t.Fatalf("GetProtocol = %+v, %v", p, err)
	}
	ts.submit(t, svc, Sub("list", "s2", 0, 1, 2, 3))
	if tt := ts.totals(t, svc, "list", ""); tt.ProtocolsWithWarnings != 1 {
		t.Errorf("ProtocolsWithWarnings = %d", tt.ProtocolsWithWarnings)
	}
	ps, next, err := svc.ListProtocols(ctx, tally.ProtocolQuery{Election: "test-2024", Contest: "list", HasWarnings: true})
	if err != nil || next != "" || len(ps) != 1 || ps[0].Station != "s1" || len(ps[0].Warnings) != 2 {
		t.Errorf("ListProtocols(HasWarnings) = %+v %q %v", ps, next, err)
	}
}

// ServiceIdempotentConcurrent is the conformance case Service/IdempotentConcurrent.
func (ts Suite) ServiceIdempotentConcurrent(t *testing.T) {
	svc, _ := ts.newSvc(t)
	s := Sub("list", "n2", 5, 100, 200, 300)
	const n = 1000
	receipts := make([]tally.Receipt, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { receipts[i], errs[i] = svc.Submit(ctx, s) })
	}
	wg.Wait()
	fresh := 0
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("submission %d: %v", i, errs[i])
		}
		if !receipts[i].Replayed {
			fresh++
		}
		if receipts[i].Version != 1 || receipts[i].ResultsVersion != 1 || !receipts[i].SubmittedAt.Equal(receipts[0].SubmittedAt) {
			t.Fatalf("receipt %d = %+v, first %+v", i, receipts[i], receipts[0])
		}
	}
	if fresh != 1 {
		t.Fatalf("%d submissions counted, want 1", fresh)
	}
	p, err := svc.GetProtocol(ctx, "test-2024", "list", "n2")
	if err != nil || len(p.Versions) != 1 {
		t.Fatalf("versions = %+v, %v", p, err)
	}
	tt := ts.totals(t, svc, "list", "")
	if tt.Valid != 600 || tt.StationsReporting != 1 || tt.ResultsVersion != 1 {
		t.Fatalf("totals after replays = %+v", tt)
	}
	// Same key, different content.
	other := s
	other.Votes = map[string]int64{"A": 101, "B": 199, "C": 300}
	if _, err := svc.Submit(ctx, other); !errors.Is(err, tally.ErrConflict) {
		t.Fatalf("reused key: %v", err)
	}
	// Another key, same station, no Replaces.
	fresh2 := Sub("list", "n2", 5, 101, 199, 300)
	var se *tally.StateError
	if _, err := svc.Submit(ctx, fresh2); !errors.Is(err, tally.ErrAlreadyExists) || !errors.As(err, &se) || se.Current != 1 {
		t.Fatalf("second original: %v", err)
	}
}

// ServiceCorrections is the conformance case Service/Corrections.
func (ts Suite) ServiceCorrections(t *testing.T) {
	svc, _ := ts.newSvc(t)
	first := Sub("list", "n1", 10, 300, 200, 100)
	ts.submit(t, svc, first)
	ts.submit(t, svc, Sub("list", "s1", 0, 10, 10, 10))
	before := ts.totals(t, svc, "list", "")
	fixed := Sub("list", "n1", 12, 290, 215, 100)
	r := ts.submit(t, svc, Correct(fixed, 1, "line A misread"))
	if r.Version != 2 || r.Kind != tally.Correction || r.ResultsVersion != 3 {
		t.Fatalf("correction receipt %+v", r)
	}
	after := ts.totals(t, svc, "list", "")
	for i, d := range []int64{-10, 15, 0} {
		if after.Choices[i].Votes-before.Choices[i].Votes != d {
			t.Errorf("choice %s moved by %d, want %d", after.Choices[i].Choice, after.Choices[i].Votes-before.Choices[i].Votes, d)
		}
	}
	if after.Invalid-before.Invalid != 2 || after.StationsReporting != 2 || after.ProtocolsCorrected != 1 {
		t.Errorf("after correction %+v", after)
	}
	if _, err := svc.Submit(ctx, Correct(Sub("list", "n1", 0, 1, 1, 1), 1, "late")); !errors.Is(err, tally.ErrStaleVersion) {
		t.Errorf("stale correction: %v", err)
	}
	p, err := svc.GetProtocol(ctx, "test-2024", "list", "n1")
	if err != nil || len(p.Versions) != 2 || p.Versions[0].Votes["A"] != 300 || p.Versions[1].Votes["A"] != 290 ||
		p.Versions[1].Reason != "line A misread" || p.Versions[1].Submitter != "commission-n1" {
		t.Fatalf("GetProtocol = %+v, %v", p, err)
	}
	ps, _, err := svc.ListProtocols(ctx, tally.ProtocolQuery{Election: "test-2024", Contest: "list", Corrected: true})
	if err != nil || len(ps) != 1 || ps[0].Version != 2 || ps[0].Votes["B"] != 215 {
		t.Errorf("ListProtocols(Corrected) = %+v, %v", ps, err)
	}
	cs, err := svc.ChangesSince(ctx, "test-2024", "list", "", 2)
	if err != nil || len(cs.Changes) != 1 || cs.Changes[0].Kind != tally.ChangeCorrection || cs.ResultsVersion != 3 ||
		cs.Changes[0].Reason != "line A misread" || !reflect.DeepEqual(cs.Stations, []string{"n1"}) {
		t.Errorf("ChangesSince(2) = %+v, %v", cs, err)
	}
}

// ServicePhases is the conformance case Service/Phases.
func (ts Suite) ServicePhases(t *testing.T) {
	svc, _ := ts.newSvc(t)
	ts.submit(t, svc, Sub("list", "n1", 0, 1, 2, 3))
	cs, err := svc.SetPhase(ctx, "test-2024", "list", tally.PhaseCertified, "protocol of the commission no. 7")
	if err != nil || cs.Phase != tally.PhaseCertified || cs.Status != tally.Certified || cs.ResultsVersion != 2 {
		t.Fatalf("certify: %+v, %v", cs, err)
	}
	if _, err := svc.Submit(ctx, Sub("list", "n2", 0, 1, 1, 1)); !errors.Is(err, tally.ErrFailedPrecondition) {
		t.Fatalf("submit after certification: %v", err)
	}
	if _, err := svc.Submit(ctx, Correct(Sub("list", "n1", 0, 2, 2, 2), 1, "x")); !errors.Is(err, tally.ErrFailedPrecondition) {
		t.Fatalf("correction after certification: %v", err)
	}
	if tt := ts.totals(t, svc, "list", ""); tt.Status != tally.Certified || tt.Phase != tally.PhaseCertified {
		t.Errorf("totals status %v", tt.Status)
	}
	if _, err := svc.SetPhase(ctx, "test-2024", "list", tally.PhaseCertified, ""); !errors.Is(err, tally.ErrFailedPrecondition) {
		t.Errorf("certify twice: %v", err)
	}
	if _, err := svc.SetPhase(ctx, "test-2024", "list", tally.PhaseCounting, ""); !errors.Is(err, tally.ErrInvalidArgument) {
		t.Errorf("back to counting: %v", err)
	}
	rc := Correct(Sub("list", "n1", 0, 2, 2, 3), 1, "recount")
	rc.Kind = tally.Recount
	if _, err := svc.SetPhase(ctx, "test-2024", "list", tally.PhaseCorrection, "court order"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Submit(ctx, rc); !errors.Is(err, tally.ErrFailedPrecondition) {
		t.Errorf("recount in correction phase: %v", err)
	}
	ts.submit(t, svc, Sub("list", "n2", 0, 1, 1, 1))
	if tt := ts.totals(t, svc, "list", ""); tt.Status != tally.InCorrection || tt.StationsReporting != 2 {
		t.Errorf("correction phase totals %+v", tt)
	}
	if _, err := svc.SetPhase(ctx, "test-2024", "list", tally.PhaseRecount, "recount"); err != nil {
		t.Fatal(err)
	}
	r := ts.submit(t, svc, rc)
	if r.Kind != tally.Recount || r.Version != 2 {
		t.Errorf("recount receipt %+v", r)
	}
	if tt := ts.totals(t, svc, "list", ""); tt.Status != tally.InRecount || tt.Choices[1].Votes != 3 {
		t.Errorf("recount totals %+v", tt)
	}
	ch, err := svc.ChangesSince(ctx, "test-2024", "list", "", 0)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []tally.ChangeKind
	for _, c := range ch.Changes {
		kinds = append(kinds, c.Kind)
	}
	want := []tally.ChangeKind{tally.ChangeNewProtocol, tally.ChangePhase, tally.ChangePhase, tally.ChangeNewProtocol, tally.ChangePhase, tally.ChangeRecount}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("change kinds %v, want %v", kinds, want)
	}
}

// ServiceSingleWinner is the conformance case Service/SingleWinner.
func (ts Suite) ServiceSingleWinner(t *testing.T) {
	svc, _ := ts.newSvc(t)
	ts.submit(t, svc, Sub("mayor", "n1", 0, 500, 400))
	tt := ts.totals(t, svc, "mayor", "")
	if tt.Leader == nil || !reflect.DeepEqual(tt.Leader.Choices, []string{"X"}) || !tt.Leader.Majority || tt.Leader.RunoffNeeded ||
		tt.Leader.Share != (tally.Fraction{Num: 500, Den: 900}) {
		t.Fatalf("leader %+v", tt.Leader)
	}
	ts.submit(t, svc, Sub("mayor", "n2", 0, 100, 200)) // 600 : 600
	tt = ts.totals(t, svc, "mayor", "")
	if !reflect.DeepEqual(tt.Leader.Choices, []string{"X", "Y"}) || tt.Leader.Majority || !tt.Leader.RunoffNeeded {
		t.Fatalf("tie %+v", tt.Leader)
	}
	ts.submit(t, svc, Sub("mayor", "s1", 0, 0, 1)) // 600 : 601 of 1201: exactly not above half? 601*100 > 50*1201
	tt = ts.totals(t, svc, "mayor", "")
	if !reflect.DeepEqual(tt.Leader.Choices, []string{"Y"}) || !tt.Leader.Majority {
		t.Fatalf("narrow majority %+v", tt.Leader)
	}
	// Exactly half is not a majority: add 1 for X so 601 : 601... then X 602.
	ts.submit(t, svc, Sub("mayor", "s2", 0, 1, 0))
	tt = ts.totals(t, svc, "mayor", "")
	if tt.Leader.Majority || !tt.Leader.RunoffNeeded {
		t.Fatalf("tie again %+v", tt.Leader)
	}
}

// ServiceWatchResume is the conformance case Service/WatchResume.
func (ts Suite) ServiceWatchResume(t *testing.T) {
	svc, _ := ts.newSvc(t)
	ts.submit(t, svc, Sub("list", "n1", 0, 1, 1, 1))
	ts.submit(t, svc, Sub("list", "s1", 0, 1, 1, 1))
	ts.submit(t, svc, Sub("mayor", "n1", 0, 1, 1))
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	got := make(chan tally.Change, 100)
	errc := make(chan error, 1)
	go func() {
		errc <- svc.Watch(wctx, "test-2024", "list", "", 1, func(cs []tally.Change) error {
			for _, c := range cs {
				got <- c
			}
			return nil
		})
	}()
	next := func() tally.Change {
		select {
		case c := <-got:
			return c
		case <-time.After(10 * time.Second):
			t.Fatal("no change delivered")
			return tally.Change{}
		}
	}
	if c := next(); c.ResultsVersion != 2 || c.Station != "s1" {
		t.Fatalf("replayed change %+v", c)
	}
	ts.submit(t, svc, Sub("list", "n2", 0, 1, 1, 1))
	ts.submit(t, svc, Sub("mayor", "n2", 0, 1, 1)) // filtered out
	ts.submit(t, svc, Correct(Sub("list", "n2", 0, 2, 1, 1), 1, "fix"))
	if c := next(); c.ResultsVersion != 4 || c.Station != "n2" || c.Kind != tally.ChangeNewProtocol {
		t.Fatalf("live change %+v", c)
	}
	if c := next(); c.ResultsVersion != 6 || c.Kind != tally.ChangeCorrection {
		t.Fatalf("live correction %+v", c)
	}
	select {
	case c := <-got:
		t.Fatalf("unexpected change %+v", c)
	case <-time.After(50 * time.Millisecond):
	}
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Fatalf("Watch returned %v", err)
	}
	// A unit filter keeps only the stations under it.
	cs, err := svc.ChangesSince(ctx, "test-2024", "", "south", 0)
	if err != nil || len(cs.Changes) != 1 || cs.Changes[0].Station != "s1" || cs.ResultsVersion != 6 {
		t.Fatalf("ChangesSince(south) = %+v, %v", cs, err)
	}
}

// ServicePagination is the conformance case Service/Pagination.
func (ts Suite) ServicePagination(t *testing.T) {
	svc, _ := ts.newSvc(t)
	for _, st := range []string{"s3", "n1", "s1", "n2", "s2"} {
		ts.submit(t, svc, Sub("list", st, 0, 1, 1, 1))
	}
	var stations []string
	q := tally.ProtocolQuery{Election: "test-2024", Contest: "list", Page: tally.PageRequest{Size: 2}}
	for pages := 0; ; pages++ {
		ps, next, err := svc.ListProtocols(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			stations = append(stations, p.Station)
		}
		if next == "" {
			break
		}
		if pages > 5 {
			t.Fatal("pagination does not end")
		}
		q.Page.Token = next
	}
	if !reflect.DeepEqual(stations, []string{"n1", "n2", "s1", "s2", "s3"}) {
		t.Errorf("paged stations %v", stations)
	}
	ps, _, err := svc.ListProtocols(ctx, tally.ProtocolQuery{Election: "test-2024", Contest: "list", Unit: "south", Page: tally.PageRequest{Size: 1000}})
	if err != nil || len(ps) != 3 {
		t.Errorf("ListProtocols(south) = %d, %v", len(ps), err)
	}
	_, next, _ := svc.ListProtocols(ctx, tally.ProtocolQuery{Election: "test-2024", Contest: "list", Page: tally.PageRequest{Size: 1}})
	var fe *tally.FieldError
	if _, _, err := svc.ListProtocols(ctx, tally.ProtocolQuery{Election: "test-2024", Contest: "list", HasWarnings: true, Page: tally.PageRequest{Token: next}}); !errors.As(err, &fe) || fe.Reason != "INVALID_PAGE_TOKEN" {
		t.Errorf("token of another query: %v", err)
	}
	if _, _, err := svc.ListProtocols(ctx, tally.ProtocolQuery{Election: "test-2024", Contest: "list", Page: tally.PageRequest{Token: "!!"}}); !errors.As(err, &fe) {
		t.Errorf("garbage token: %v", err)
	}
	units, next, err := svc.ListUnits(ctx, "test-2024", "south", tally.PageRequest{Size: 2})
	if err != nil || len(units) != 2 || units[0].ID != "s1" || next == "" {
		t.Fatalf("ListUnits page 1 = %+v %q %v", units, next, err)
	}
	units, next, err = svc.ListUnits(ctx, "test-2024", "south", tally.PageRequest{Size: 2, Token: next})
	if err != nil || len(units) != 1 || units[0].ID != "s3" || next != "" {
		t.Fatalf("ListUnits page 2 = %+v %q %v", units, next, err)
	}
	roots, _, err := svc.ListUnits(ctx, "test-2024", "", tally.PageRequest{})
	if err != nil || len(roots) != 1 || roots[0].ID != "nation" {
		t.Fatalf("ListUnits(root) = %+v, %v", roots, err)
	}
	els, next, err := svc.ListElections(ctx, tally.PageRequest{})
	if err != nil || len(els) != 1 || next != "" {
		t.Fatalf("ListElections = %+v %q %v", els, next, err)
	}
}

// ServiceAddUnits is the conformance case Service/AddUnits.
func (ts Suite) ServiceAddUnits(t *testing.T) {
	svc, _ := ts.newSvc(t)
	ts.submit(t, svc, Sub("list", "n1", 0, 1, 1, 1))
	add := []tally.Unit{
		{ID: "east", Parent: "nation", Name: "East", Level: "region"},
		{ID: "e1", Parent: "east", Name: "E1", Level: tally.LevelStation, Registered: 300},
		{ID: "n1", Parent: "north", Name: "Station N1", Level: tally.LevelStation, Registered: 1000}, // exists identically
	}
	n, err := svc.AddUnits(ctx, "test-2024", add)
	if err != nil || n != 2 {
		t.Fatalf("AddUnits = %d, %v", n, err)
	}
	if n, err := svc.AddUnits(ctx, "test-2024", add); err != nil || n != 0 {
		t.Fatalf("AddUnits again = %d, %v", n, err)
	}
	tt := ts.totals(t, svc, "list", "")
	if tt.StationsTotal != 6 || tt.RegisteredAllStations != 4500 {
		t.Errorf("after AddUnits %+v", tt)
	}
	// The batch that added units is the change after the protocol; the
	// retry that added none is no change.
	if tt.ResultsVersion != 2 {
		t.Errorf("results version %d after the units, want 2", tt.ResultsVersion)
	}
	cs, err := svc.ChangesSince(ctx, "test-2024", "list", "north", 1)
	if err != nil || len(cs.Changes) != 1 || cs.Changes[0].Kind != tally.ChangeUnits || cs.Changes[0].Units != 2 || cs.ResultsVersion != 2 {
		t.Errorf("ChangesSince(1) = %+v, %v; want the units added, seen by every contest and unit", cs, err)
	}
	n, ch, err := svc.AddUnitsChange(ctx, "test-2024", []tally.Unit{{ID: "e2", Parent: "east", Name: "E2", Level: tally.LevelStation, Registered: 1}})
	if err != nil || n != 1 || ch.ResultsVersion != 3 || ch.Kind != tally.ChangeUnits {
		t.Errorf("AddUnitsChange = %d, %+v, %v; want 1 unit at results version 3", n, ch, err)
	}
	var fe *tally.FieldError
	if _, err := svc.AddUnits(ctx, "test-2024", []tally.Unit{{ID: "x", Parent: "n1", Name: "X", Level: "room"}}); !errors.As(err, &fe) || fe.Reason != "PARENT_IS_STATION" {
		t.Errorf("unit under a station: %v", err)
	}
	if _, err := svc.AddUnits(ctx, "test-2024", []tally.Unit{{ID: "y", Parent: "mars", Name: "Y", Level: "region"}}); !errors.As(err, &fe) || fe.Reason != "UNKNOWN_PARENT" {
		t.Errorf("unknown parent: %v", err)
	}
	if _, err := svc.AddUnits(ctx, "test-2024", []tally.Unit{{ID: "e1", Parent: "east", Name: "E1", Level: tally.LevelStation, Registered: 301}}); !errors.Is(err, tally.ErrAlreadyExists) {
		t.Errorf("changed unit: %v", err)
	}
}

// ServiceRebuild is the conformance case Service/Rebuild.
func (ts Suite) ServiceRebuild(t *testing.T) {
	svc, st := ts.newSvc(t)
	ts.submit(t, svc, Sub("list", "n1", 10, 300, 200, 100))
	ts.submit(t, svc, Sub("list", "s2", 1, 3, 2, 1))
	ts.submit(t, svc, Correct(Sub("list", "n1", 11, 299, 200, 100), 1, "fix"))
	w := Sub("list", "s1", 100, 1, 1, 1)
	ts.submit(t, svc, w)
	ts.submit(t, svc, Sub("mayor", "s3", 0, 7, 9))
	if _, err := svc.SetPhase(ctx, "test-2024", "list", tally.PhaseCertified, ""); err != nil {
		t.Fatal(err)
	}
	svc2, err := tally.NewService(ctx, st, NewClock().Now)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"list", "mayor"} {
		for _, u := range []string{"", "north", "south", "n1", "s3"} {
			a, _ := svc.Totals(ctx, "test-2024", c, u)
			b, _ := svc2.Totals(ctx, "test-2024", c, u)
			a.GeneratedAt, b.GeneratedAt = time.Time{}, time.Time{}
			if !reflect.DeepEqual(a, b) {
				t.Errorf("%s/%s after rebuild:\n got %+v\nwant %+v", c, u, b, a)
			}
		}
	}
}

// ServiceHostileInput is the conformance case Service/HostileInput (issue
// 14 items 2, 5, 13): a NUL or another control character in a text field,
// a count above form.MaxCount and a correction of a station without a
// protocol are refused with their field or reason on every store (a NUL
// once made PostgreSQL fail the whole batch with INTERNAL); in a batch only
// the bad rows are refused; nothing is counted from them.
func (ts Suite) ServiceHostileInput(t *testing.T) {
	svc, _ := ts.newSvc(t)
	good := Sub("list", "n1", 10, 300, 200, 100)
	nulKey := Sub("list", "n2", 20, 100, 300, 100)
	nulKey.IdempotencyKey = "key\x00"
	huge := Sub("list", "s1", 0, 50, 50, 50)
	huge.Votes["A"] = math.MaxInt64
	escape := Correct(Sub("list", "s2", 0, 1, 1, 1), 1, "\x1b[2Jrecounted")
	nothing := Correct(Sub("list", "s3", 0, 1, 1, 1), 1, "recounted")
	res, err := svc.Import(ctx, []tally.Submission{nulKey, good, huge, escape, nothing})
	if err != nil {
		t.Fatalf("the batch failed whole: %v", err)
	}
	for i, want := range []struct{ field, reason string }{
		{"idempotency_key", "CONTROL_CHARACTER"}, {}, {"votes.A", "OUT_OF_RANGE"}, {"reason", "CONTROL_CHARACTER"},
	} {
		var fe *tally.FieldError
		switch {
		case want.field == "" && res[i].Err != nil:
			t.Errorf("row %d: %v", i, res[i].Err)
		case want.field != "" && (!errors.As(res[i].Err, &fe) || fe.Field != want.field || fe.Reason != want.reason):
			t.Errorf("row %d: %v, want %s on %s", i, res[i].Err, want.reason, want.field)
		}
	}
	if !errors.Is(res[4].Err, tally.ErrNothingToCorrect) || !errors.Is(res[4].Err, tally.ErrFailedPrecondition) || errors.Is(res[4].Err, tally.ErrStaleVersion) {
		t.Errorf("correction of nothing: %v", res[4].Err)
	}
	if tt := ts.totals(t, svc, "list", ""); tt.StationsReporting != 1 || tt.Valid != 600 {
		t.Errorf("totals after the batch: %+v", tt)
	}
	big := Sub("list", "n2", 0, 1, 1, 1)
	big.Lines["registered"] = form.MaxCount + 1
	var fe *tally.FieldError
	if _, err := svc.Submit(ctx, big); !errors.As(err, &fe) || fe.Field != "lines.registered" || fe.Reason != "OUT_OF_RANGE" {
		t.Errorf("registered above the bound: %v", err)
	}
	units := []tally.Unit{{ID: "n9", Parent: "north", Name: "N9", Level: form.LevelStation, Registered: math.MaxInt64}}
	if _, err := svc.AddUnits(ctx, "test-2024", units); !errors.As(err, &fe) || fe.Field != "units[0].registered" || fe.Reason != "OUT_OF_RANGE" {
		t.Errorf("unit registered above the bound: %v", err)
	}
	units[0].Registered, units[0].Name = 10, "N9\x00"
	if _, err := svc.AddUnits(ctx, "test-2024", units); !errors.As(err, &fe) || fe.Field != "units[0].name" || fe.Reason != "CONTROL_CHARACTER" {
		t.Errorf("unit name with NUL: %v", err)
	}
}

// ServiceRegisteredWithinUnit is the conformance case
// Service/RegisteredWithinUnit (issue 14 item 2): when a form says so, a
// protocol whose registered voters exceed its station's unit's is refused
// with REGISTERED_ABOVE_UNIT naming the line, original or correction, and
// logged as refused; at the unit's count it is accepted; a unit whose count
// is unknown (0) and a contest whose form does not say so accept any count
// within the bound.
func (ts Suite) ServiceRegisteredWithinUnit(t *testing.T) {
	st := ts.open(t)
	svc, err := tally.NewService(ctx, st, NewClock().Now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(svc.Close)
	e := Election()
	e.Contests[0].Form.RegisteredWithinUnit = true // "list"; "mayor" keeps the default
	e.Units = append(e.Units, tally.Unit{ID: "n9", Parent: "north", Name: "N9 (list not known)", Level: form.LevelStation})
	if _, err := svc.DefineElection(ctx, e); err != nil {
		t.Fatal(err)
	}
	above := func(contest, station string, registered int64) tally.Submission {
		s := Sub(contest, station, 0, 10, 10, 10)
		s.Lines["registered"] = registered
		s.IdempotencyKey += fmt.Sprintf("/r%d", registered)
		return s
	}
	refused := func(what string, err error) {
		t.Helper()
		var fe *tally.FieldError
		var le *tally.LoggedError
		if !errors.As(err, &fe) || fe.Field != "lines.registered" || fe.Reason != "REGISTERED_ABOVE_UNIT" || !errors.As(err, &le) {
			t.Errorf("%s: %v, want a logged REGISTERED_ABOVE_UNIT on lines.registered", what, err)
		}
	}
	_, err = svc.Submit(ctx, above("list", "n1", 1001)) // n1's unit: 1000
	refused("original above the unit", err)
	if _, err := svc.Submit(ctx, above("list", "n1", 1000)); err != nil {
		t.Errorf("original at the unit's count: %v", err)
	}
	corr := Correct(above("list", "n1", 1001), 1, "more voters")
	corr.IdempotencyKey += "/corr"
	_, err = svc.Submit(ctx, corr)
	refused("correction above the unit", err)
	if _, err := svc.Submit(ctx, above("mayor", "n1", 1001)); err != nil {
		t.Errorf("a contest whose form does not bind the count: %v", err)
	}
	if _, err := svc.Submit(ctx, above("list", "n9", 5000)); err != nil {
		t.Errorf("a unit whose count is unknown: %v", err)
	}
	res, err := svc.Import(ctx, []tally.Submission{above("list", "n2", 801), above("list", "s1", 500)})
	if err != nil {
		t.Fatal(err)
	}
	refused("imported row above the unit", res[0].Err)
	if res[1].Err != nil {
		t.Errorf("imported row at the unit's count: %v", res[1].Err)
	}
	if tt := ts.totals(t, svc, "list", ""); tt.StationsReporting != 3 {
		t.Errorf("%d stations reporting, want 3 (n1, n9, s1)", tt.StationsReporting)
	}
}
