package tally

import (
	"errors"
	"testing"
)

func TestDecideAppend(t *testing.T) {
	orig := ProtocolVersion{Election: "e", Contest: "c", Station: "s", Version: 1, Kind: Original,
		IdempotencyKey: "k1", ContentHash: "h1"}
	corr := orig
	corr.Version, corr.Kind, corr.IdempotencyKey, corr.ContentHash = 3, Correction, "k3", "h3"
	recount := corr
	recount.Kind = Recount
	stored := orig
	stored.ResultsVersion = 7
	otherContent := stored
	otherContent.ContentHash = "other"

	for _, tc := range []struct {
		name    string
		v       ProtocolVersion
		p       Prior
		accept  bool
		replay  bool
		err     error
		message string
	}{
		{name: "original of a new station", v: orig, p: Prior{}, accept: true},
		{name: "replay", v: orig, p: Prior{ByKey: &stored, Current: 1}, replay: true},
		{name: "replay after certification", v: orig, p: Prior{Phase: PhaseCertified, ByKey: &stored}, replay: true},
		{name: "key reused for other content", v: orig, p: Prior{ByKey: &otherContent}, err: ErrConflict,
			message: `e/c/s: idempotency key "k1" was already used for other content (c/s version 1)`},
		{name: "certified", v: orig, p: Prior{Phase: PhaseCertified}, err: ErrFailedPrecondition,
			message: "e/c: contest is certified; open a correction or a recount first"},
		{name: "recount while counting", v: recount, p: Prior{Current: 2}, err: ErrFailedPrecondition,
			message: "e/c: recount protocols are accepted only while a recount is open"},
		{name: "recount while open", v: recount, p: Prior{Phase: PhaseRecount, Current: 2}, accept: true},
		{name: "second original", v: orig, p: Prior{Current: 2}, err: ErrAlreadyExists,
			message: "e/c/s: the station has a protocol (version 2); submit a correction replacing it"},
		{name: "correction of the current version", v: corr, p: Prior{Current: 2}, accept: true},
		{name: "stale correction", v: corr, p: Prior{Current: 3}, err: ErrStaleVersion,
			message: "e/c/s: replaces version 2 but the current version is 3"},
		{name: "correction of nothing", v: corr, p: Prior{}, err: ErrNothingToCorrect,
			message: "e/c/s: the station has no protocol to replace; submit an original first"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, accept := DecideAppend(tc.v, tc.p)
			if accept != tc.accept {
				t.Fatalf("accept = %v, want %v (res %+v)", accept, tc.accept, res)
			}
			if res.Replayed != tc.replay {
				t.Fatalf("Replayed = %v, want %v", res.Replayed, tc.replay)
			}
			if tc.replay && res.Stored.ResultsVersion != stored.ResultsVersion {
				t.Fatalf("replay returned %+v, want the stored version", res.Stored)
			}
			if tc.err == nil {
				if res.Err != nil {
					t.Fatalf("err = %v", res.Err)
				}
				return
			}
			if !errors.Is(res.Err, tc.err) {
				t.Fatalf("err = %v, want %v", res.Err, tc.err)
			}
			var se *StateError
			if !errors.As(res.Err, &se) || se.Subject+": "+se.Message != tc.message {
				got := res.Err.Error()
				t.Fatalf("message %q, want %q", got, tc.message)
			}
		})
	}
}
