package importer_test

import (
	"context"

	"github.com/mandate-project/mandate/services/tally/form"
	"github.com/mandate-project/mandate/services/tally/importer"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// serviceSink imports into a tally.Service in-process.
type serviceSink struct{ *tally.Service }

func (s serviceSink) Import(ctx context.Context, subs []form.Submission) ([]importer.Result, error) {
	res, err := s.Service.Import(ctx, subs)
	if err != nil {
		return nil, err
	}
	out := make([]importer.Result, len(res))
	for i, r := range res {
		out[i] = importer.Result{Replayed: r.Receipt.Replayed, Err: r.Err}
	}
	return out, nil
}
