package crashtest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"strings"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/tallylog"
	"github.com/mandate-project/mandate/services/tally/verify"
)

// verifyExport downloads the election's export and verifies it with the
// daemon's log key; it returns what failed, or "".
func verifyExport(ctx context.Context, d *daemon, election string) string {
	skey, err := os.ReadFile(d.logKey)
	if err != nil {
		return err.Error()
	}
	_, vkey, err := tallylog.NewSigner(string(skey))
	if err != nil {
		return err.Error()
	}
	s, err := tallyv1.NewTallyServiceClient(d.conn).ExportElection(ctx, &tallyv1.ExportElectionRequest{Name: "elections/" + election})
	if err != nil {
		return "export: " + err.Error()
	}
	var buf bytes.Buffer
	for {
		m, err := s.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "export: " + err.Error()
		}
		buf.Write(m.GetData())
	}
	files, err := verify.ReadZip(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err.Error()
	}
	if r := verify.Check(files, verify.Options{Key: vkey}); !r.OK() {
		var b strings.Builder
		r.WriteTo(&b)
		return "the export after the crashes does not verify:\n" + b.String()
	}
	return ""
}
