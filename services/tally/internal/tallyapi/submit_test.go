package tallyapi_test

import (
	"context"
	"path/filepath"
	"testing"

	"google.golang.org/protobuf/proto"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/tallyclient"
)

// TestSubmitAnswersAsStored: SubmitProtocol answers with the version its
// receipt names exactly as GetProtocol then reads it from the store (the
// answer is built without reading it back): an original, corrections, and
// replays of earlier versions after later ones.
func TestSubmitAnswersAsStored(t *testing.T) {
	ctx := context.Background()
	src := start(t)
	loadDemo(t, src)
	c := start(t)
	if _, err := tallyclient.Define(ctx, c, filepath.Join(examples(t), "kz-2012", "election.yaml")); err != nil {
		t.Fatal(err)
	}
	// The demo's protocol of astana-2, submitted to c as an original.
	orig := correction(t, src, "astana-2", "orig-astana-2", 0)
	orig.Kind, orig.ReplacesVersion, orig.Reason = tallyv1.SubmissionKind_SUBMISSION_KIND_ORIGINAL, 0, ""
	var fix1 *tallyv1.SubmitProtocolRequest
	steps := []struct {
		name    string
		req     func() *tallyv1.SubmitProtocolRequest
		version int32
	}{
		{"original", func() *tallyv1.SubmitProtocolRequest { return orig }, 1},
		{"correction", func() *tallyv1.SubmitProtocolRequest {
			fix1 = correction(t, c, "astana-2", "fix-1", 10)
			return fix1
		}, 2},
		{"second correction", func() *tallyv1.SubmitProtocolRequest { return correction(t, c, "astana-2", "fix-2", 5) }, 3},
		{"replay of the original", func() *tallyv1.SubmitProtocolRequest { return orig }, 1},
		{"replay of the first correction", func() *tallyv1.SubmitProtocolRequest { return fix1 }, 2},
	}
	for _, st := range steps {
		resp, err := c.SubmitProtocol(ctx, st.req())
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		p, err := c.GetProtocol(ctx, &tallyv1.GetProtocolRequest{Name: contest + "/protocols/astana-2"})
		if err != nil || len(p.GetVersions()) < int(st.version) {
			t.Fatalf("%s: GetProtocol: %d versions, %v", st.name, len(p.GetVersions()), err)
		}
		want := proto.Clone(p.GetVersions()[st.version-1]).(*tallyv1.ProtocolVersion)
		want.Superseded = false // as of its receipt, the version answered is current
		got := resp.GetProtocol()
		if got.GetName() != p.GetName() || got.GetStation() != p.GetStation() || !proto.Equal(got.GetCurrent(), want) {
			t.Errorf("%s: answered %v\nstored %v", st.name, got, want)
		}
		if got.GetCurrent().GetVersion() != st.version || len(got.GetVersions()) != 0 {
			t.Errorf("%s: answered version %d with %d versions listed, want %d and none", st.name,
				got.GetCurrent().GetVersion(), len(got.GetVersions()), st.version)
		}
	}
}
