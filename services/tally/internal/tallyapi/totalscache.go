package tallyapi

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
)

// GetTotals answers of units that are not stations are kept, one per
// (election, contest, unit), and served again while the published view is
// at the same results version and log size and the clock in the same second
// (an answer's generate_time is truncated to the second, so a kept answer is
// byte for byte the one a fresh read would build). A read then builds
// nothing: no totals, no wire message, no checkpoint; only the encoding of
// the kept message. The version is read from the view before the lookup, so
// an answer older than the view a read sees is never served: a read after a
// write's answer sees that write.
//
// Kept messages are shared by concurrent calls and never modified: gRPC's
// encoding only reads them. The map is bounded by maxKeptTotals; past it
// new keys are not kept (the units read most are read first).
type totalsCache struct {
	m sync.Map // totalsKey -> *keptTotals
	n atomic.Int64
}

const maxKeptTotals = 4096

type totalsKey struct{ election, contest, unit string }

type keptTotals struct {
	version, logSize int64
	second           time.Time
	msg              *tallyv1.Totals
}

func (c *totalsCache) get(k totalsKey, version, logSize int64, second time.Time) *tallyv1.Totals {
	v, ok := c.m.Load(k)
	if !ok {
		return nil
	}
	e := v.(*keptTotals)
	if e.version != version || e.logSize != logSize || !e.second.Equal(second) {
		return nil
	}
	return e.msg
}

func (c *totalsCache) put(k totalsKey, e *keptTotals) {
	if _, loaded := c.m.Swap(k, e); !loaded && c.n.Add(1) > maxKeptTotals {
		c.m.Delete(k)
		c.n.Add(-1)
	}
}

// cachedTotals is GetTotals of a unit that is not a station through the
// cache; ok false when the unit is not read from the view.
func (s *Server) cachedTotals(ctx context.Context, election, contest, unit string) (*tallyv1.Totals, bool, error) {
	version, logSize, ok := s.svc.TotalsVersion(election, contest, unit)
	if !ok {
		return nil, false, nil
	}
	k := totalsKey{election, contest, unit}
	if msg := s.kept.get(k, version, logSize, s.svc.Now().UTC().Truncate(time.Second)); msg != nil {
		return msg, true, nil
	}
	t, err := s.svc.Totals(ctx, election, contest, unit)
	if err != nil {
		return nil, true, s.status(ctx, err)
	}
	msg, err := s.totals(ctx, t)
	if err != nil {
		return nil, true, err
	}
	// Kept under the version the totals were built at, which may be newer
	// than the one looked up: a read of that version finds it.
	s.kept.put(k, &keptTotals{version: t.ResultsVersion, logSize: t.LogSize, second: t.GeneratedAt.UTC().Truncate(time.Second), msg: msg})
	return msg, true, nil
}
