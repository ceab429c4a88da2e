package tallyd

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/internal/tallyapi"
)

// collector reports each contest's national state at scrape time, read from
// the in-memory totals (a scrape costs what a GetTotals costs).
type collector struct {
	svc                                  *tally.Service
	version, reporting, total, withWarns *prometheus.Desc
}

func newCollector(svc *tally.Service) *collector {
	labels := []string{"election", "contest"}
	return &collector{
		svc:       svc,
		version:   prometheus.NewDesc("mandate_tally_results_version", "Results version of the contest's national totals.", labels, nil),
		reporting: prometheus.NewDesc("mandate_tally_stations_reporting", "Stations with a protocol.", labels, nil),
		total:     prometheus.NewDesc("mandate_tally_stations", "Stations of the contest.", labels, nil),
		withWarns: prometheus.NewDesc("mandate_tally_protocols_with_warnings", "Current protocols that broke a warning relation.", labels, nil),
	}
}

func (c *collector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.version
	ch <- c.reporting
	ch <- c.total
	ch <- c.withWarns
}

func (c *collector) Collect(ch chan<- prometheus.Metric) {
	ctx := context.Background()
	page := tally.PageRequest{Size: 1000}
	for {
		elections, next, err := c.svc.ListElections(ctx, page)
		if err != nil {
			return
		}
		for _, e := range elections {
			for _, ct := range e.Contests {
				t, err := c.svc.Totals(ctx, e.ID, ct.ID, "")
				if err != nil {
					continue // an election without units yet
				}
				g := func(d *prometheus.Desc, v float64) {
					ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, e.ID, ct.ID)
				}
				g(c.version, float64(t.ResultsVersion))
				g(c.reporting, float64(t.StationsReporting))
				g(c.total, float64(t.StationsTotal))
				g(c.withWarns, float64(t.ProtocolsWithWarnings))
			}
		}
		if next == "" {
			return
		}
		page.Token = next
	}
}

// protocolCounter counts submitted protocols by outcome.
func protocolCounter(reg prometheus.Registerer) tallyapi.Observer {
	cv := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "mandate_tally_protocols_total",
		Help: "Protocols submitted (one by one or imported), by outcome.",
	}, []string{"outcome"})
	reg.MustRegister(cv)
	byOutcome := map[tallyapi.Outcome]prometheus.Counter{}
	for _, o := range []tallyapi.Outcome{tallyapi.Accepted, tallyapi.AcceptedWithWarnings, tallyapi.Replayed, tallyapi.Rejected} {
		byOutcome[o] = cv.WithLabelValues(string(o))
	}
	return func(o tallyapi.Outcome, n int) { byOutcome[o].Add(float64(n)) }
}

// commitObserver records every group-commit transaction of the store: how
// long it took and how many protocols it made durable at once.
func commitObserver(reg prometheus.Registerer) func(int, time.Duration) {
	took := prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "mandate_tally_store_commit_seconds",
		Help:    "Duration of a group-commit transaction of protocols, fsync included.",
		Buckets: []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5},
	})
	size := prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "mandate_tally_store_commit_protocols",
		Help:    "Protocols made durable by one group-commit transaction.",
		Buckets: []float64{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000},
	})
	reg.MustRegister(took, size)
	return func(n int, d time.Duration) {
		took.Observe(d.Seconds())
		size.Observe(float64(n))
	}
}
