package storetest

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// ServiceImage is the conformance case Service/Image (issue 19, decision
// 101): a Service started from the memory image another one wrote holds
// exactly what a rebuild from the store holds (its own image is the same
// bytes, and every total agrees), catches up on what the store gained after
// the image, and rebuilds from the store instead when the image is damaged
// or was made from another store's log.
func (ts Suite) ServiceImage(t *testing.T) {
	svc, st := ts.newSvc(t)
	ts.submit(t, svc, Sub("list", "n1", 10, 300, 200, 100))
	ts.submit(t, svc, Sub("list", "s2", 1, 3, 2, 1))
	ts.submit(t, svc, Correct(Sub("list", "n1", 11, 299, 200, 100), 1, "fix"))
	ts.submit(t, svc, Sub("list", "s1", 100, 1, 1, 1)) // warned: invalid above 5 %
	ts.submit(t, svc, Sub("mayor", "s3", 0, 7, 9))
	if _, err := svc.SetPhase(ctx, "test-2024", "mayor", tally.PhaseCertified, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AddUnits(ctx, "test-2024", []tally.Unit{
		{ID: "east", Parent: "nation", Name: "East", Level: "region"},
		{ID: "e1", Parent: "east", Name: "Station E1", Level: tally.LevelStation, Registered: 900},
	}); err != nil {
		t.Fatal(err)
	}
	img := image(t, svc)

	// The image, used at once: nothing to catch up; a rebuild agrees.
	fromImg := startWith(t, st, img)
	wantLoads(t, fromImg, true, 0, "")
	rebuilt := startWith(t, st, nil)
	wantLoads(t, rebuilt, false, 0, "")
	if got := image(t, fromImg); !bytes.Equal(got, img) {
		t.Errorf("the image of a Service read from an image differs from the image it read")
	}
	if got := image(t, rebuilt); !bytes.Equal(got, img) {
		t.Errorf("the image of a rebuilt Service differs from the writer's (%d and %d bytes)", len(got), len(img))
	}
	sameTotals(t, svc, fromImg)

	// Changes after the image: units, an original, a correction, a phase.
	if _, err := svc.AddUnits(ctx, "test-2024", []tally.Unit{
		{ID: "e2", Parent: "east", Name: "Station E2", Level: tally.LevelStation, Registered: 400},
	}); err != nil {
		t.Fatal(err)
	}
	e2 := Sub("list", "e2", 2, 40, 30, 20)
	e2.Lines["registered"] = 400
	ts.submit(t, svc, e2)
	ts.submit(t, svc, Correct(Sub("list", "s2", 1, 4, 2, 0), 1, "recounted"))
	if _, err := svc.SetPhase(ctx, "test-2024", "list", tally.PhaseCertified, ""); err != nil {
		t.Fatal(err)
	}
	caught := startWith(t, st, img)
	wantLoads(t, caught, true, 4, "")
	if !bytes.Equal(image(t, caught), image(t, svc)) {
		t.Errorf("a Service caught up from an old image differs from the writer")
	}
	sameTotals(t, svc, caught)

	// A damaged image, a cut one and another store's: rebuilt, and right.
	for _, i := range []int{0, len(img) / 2, len(img) - 1} {
		bad := bytes.Clone(img)
		bad[i] ^= 0x40
		refused := startWith(t, st, bad)
		wantLoads(t, refused, false, 0, "tally image")
		sameTotals(t, svc, refused)
	}
	wantLoads(t, startWith(t, st, img[:len(img)-3]), false, 0, "tally image")

	// Another store of the same election: its log differs from this
	// store's at the image's size; this store is behind the newer image.
	other, ost := ts.newSvc(t)
	ts.submit(t, other, Sub("list", "n1", 10, 300, 200, 99))
	wantLoads(t, startWith(t, st, image(t, other)), false, 0, "tree hash")
	wantLoads(t, startWith(t, ost, image(t, svc)), false, 0, "results version")
	sameTotals(t, other, startWith(t, ost, image(t, svc)))
}

// image returns what svc.WriteImage writes.
func image(t *testing.T, svc *tally.Service) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := svc.WriteImage(ctx, &b); err != nil {
		t.Fatalf("WriteImage: %v", err)
	}
	return b.Bytes()
}

// startWith starts a Service on st from img (none when nil).
func startWith(t *testing.T, st tally.Store, img []byte) *tally.Service {
	t.Helper()
	opts := tally.ServiceOptions{Now: NewClock().Now, Follow: -1, CheckpointEvery: -1}
	if img != nil {
		opts.Image = bytes.NewReader(img)
	}
	svc, err := tally.NewServiceWith(ctx, st, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(svc.Close)
	return svc
}

// wantLoads checks how the fixture's election was loaded.
func wantLoads(t *testing.T, svc *tally.Service, fromImage bool, caughtUp int64, refused string) {
	t.Helper()
	loads := svc.Loads()
	if len(loads) != 1 {
		t.Fatalf("Loads = %+v, want one election", loads)
	}
	l := loads[0]
	if l.FromImage != fromImage || l.CaughtUp != caughtUp || !strings.Contains(l.Refused, refused) || (refused == "") != (l.Refused == "") {
		t.Errorf("Loads = %+v, want from image %v, %d caught up, refused %q", l, fromImage, caughtUp, refused)
	}
}

// sameTotals compares every unit's totals of both contests (a unit one
// lacks, the other must lack too).
func sameTotals(t *testing.T, want, got *tally.Service) {
	t.Helper()
	for _, c := range []string{"list", "mayor"} {
		for _, u := range []string{"", "nation", "north", "south", "east", "n1", "n2", "s1", "s2", "s3", "e1"} {
			a, errA := want.Totals(ctx, "test-2024", c, u)
			b, errB := got.Totals(ctx, "test-2024", c, u)
			if (errA == nil) != (errB == nil) {
				t.Fatalf("Totals %s/%s: %v, want %v", c, u, errB, errA)
			}
			a.GeneratedAt, b.GeneratedAt = time.Time{}, time.Time{}
			if !reflect.DeepEqual(a, b) {
				t.Errorf("%s/%s:\n got %+v\nwant %+v", c, u, b, a)
			}
		}
	}
}
