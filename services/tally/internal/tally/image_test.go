package tally

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/mandate-project/mandate/services/tally/form"
)

// imageFixture is a Service holding one election in memory only (log size
// 0, so writing its image needs no store): two regions, three stations,
// protocols with a correction, a warning, a text hash and a station
// without one.
func imageFixture(t *testing.T) (*Service, map[string]StoredElection) {
	t.Helper()
	def := Election{ID: "e", DisplayName: "E", Date: "2024-03-17", Contests: []Contest{{
		ID: "c", DisplayName: "C", Kind: PartyList, ThresholdBase: RoleValid,
		Form: Form{Name: "f", Lines: []Line{
			{ID: "registered", Number: "1", Name: "Registered", Roles: []Role{RoleRegistered}},
			{ID: "cast", Number: "2", Name: "Cast", Roles: []Role{RoleBallotsCast}},
			{ID: "invalid", Number: "3", Name: "Invalid", Roles: []Role{RoleInvalid}},
			{ID: "valid", Number: "4", Name: "Valid", Roles: []Role{RoleValid}},
		}},
		Choices: []Choice{{ID: "A", Name: "A", BallotOrder: 1}, {ID: "B", Name: "B", BallotOrder: 2}},
	}}}
	contests, err := form.CompileElection(def)
	if err != nil {
		t.Fatal(err)
	}
	es := newElectionState(def, contests, definitionJSON(def))
	es.view.presign = newPresigner()
	es.addUnits([]Unit{
		{ID: "n", Name: "Nation", Level: "nation"},
		{ID: "r2", Parent: "n", Name: "R2", Level: "region"},
		{ID: "r1", Parent: "n", Name: "R1", Level: "region"},
		{ID: "s3", Parent: "r2", Name: "S3", Level: LevelStation, Registered: 30},
		{ID: "s1", Parent: "r1", Name: "S1", Level: LevelStation, Registered: 10},
		{ID: "s2", Parent: "r1", Name: "S2", Level: LevelStation, Registered: 20},
	})
	cc := contests[0]
	at := time.Date(2024, 3, 17, 21, 0, 0, 5, time.UTC)
	for i, v := range []ProtocolVersion{
		{Station: "s1", Version: 1, Kind: Original, Lines: map[string]int64{"registered": 10, "valid": 9}, Votes: map[string]int64{"A": 5, "B": 4},
			IdempotencyKey: "k1", Submitter: "x", SubmittedAt: at, ContentHash: "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f"},
		{Station: "s3", Version: 1, Kind: Original, Lines: map[string]int64{"registered": 30, "valid": 30}, Votes: map[string]int64{"A": 1, "B": 29},
			IdempotencyKey: "k2", Submitter: "y", ContentHash: "not hex", Warnings: []Violation{{Code: "W", Message: "m", Severity: SeverityWarning, Lines: []string{"valid", "A"}, Left: 30, Right: -1}}},
		{Station: "s1", Version: 2, Kind: Correction, Lines: map[string]int64{"registered": 10, "valid": 8}, Votes: map[string]int64{"A": 5, "B": 3},
			IdempotencyKey: "k3", Reason: "typo", Submitter: "x", SubmittedAt: at},
	} {
		v.Contest, v.ResultsVersion = "c", int64(i+1)
		es.apply(cc, v)
	}
	es.publish()
	s := &Service{elections: map[string]*electionState{"e": es}, presign: newPresigner()}
	return s, map[string]StoredElection{"e": {Election: def, ResultsVersion: es.resultsVersion, UnitCount: es.unitCount()}}
}

// TestImageDamaged: an image with any one byte changed, or cut anywhere,
// is refused by readImage as an image (never a panic, never a state).
func TestImageDamaged(t *testing.T) {
	s, defs := imageFixture(t)
	var b bytes.Buffer
	if err := s.WriteImage(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	img := b.Bytes()
	got, err := readImage(bytes.NewReader(img), defs)
	if err != nil || got["e"] == nil {
		t.Fatalf("readImage of the image: %v", err)
	}
	s2 := &Service{elections: map[string]*electionState{"e": got["e"].es}}
	var b2 bytes.Buffer
	if err := s2.WriteImage(context.Background(), &b2); err != nil || !bytes.Equal(b2.Bytes(), img) {
		t.Fatalf("the image read back writes other bytes (%v)", err)
	}
	for i := range img {
		for _, flip := range []byte{0x01, 0x80, 0xff} {
			bad := bytes.Clone(img)
			bad[i] ^= flip
			if _, err := readImage(bytes.NewReader(bad), defs); err == nil {
				t.Errorf("byte %d ^ %#x: accepted", i, flip)
			}
		}
		if _, err := readImage(bytes.NewReader(img[:i]), defs); err == nil {
			t.Errorf("cut at %d: accepted", i)
		}
	}
	if _, err := readImage(bytes.NewReader(append(bytes.Clone(img), 0)), defs); err == nil {
		t.Errorf("a byte after the checksum: accepted")
	}
}
