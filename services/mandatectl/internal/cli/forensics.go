package cli

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"google.golang.org/protobuf/encoding/protojson"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/tallyclient"
)

// runForensics: `mandatectl forensics --election E --contest C [--unit U]
// [--replicates N] [--seed S] [--integer-rule published|per-value]
// [--format table|json] [--svg FILE]`.
func runForensics(ctx context.Context, args []string, out, errOut io.Writer) error {
	fs := newFlags("forensics", errOut)
	cf := connFlags(fs, "127.0.0.1:50051")
	election := fs.String("election", "", "election id (required)")
	contest := fs.String("contest", "", "contest id (required)")
	unit := fs.String("unit", "", "unit: id, elections/{election}/units/{unit} or unambiguous display name; empty is the root")
	replicates := fs.Int("replicates", 1000, "Monte-Carlo replicates of the integer-percentage null (1..100000)")
	seed := fs.Uint64("seed", 0, "seed of the replicates; the same seed gives the same report")
	rule := fs.String("integer-rule", "published", "integer-test inclusion rule: published (Kobak et al. 2016) or per-value (a variant)")
	format := fs.String("format", "table", "output: table or json (the ForensicsReport message)")
	svg := fs.String("svg", "", "also write the fingerprint heat map to this SVG file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *election == "" || *contest == "" {
		return fmt.Errorf("%w: --election and --contest are required", errUsage)
	}
	if *format != "table" && *format != "json" {
		return fmt.Errorf("%w: --format must be table or json", errUsage)
	}
	if *replicates < 1 || *replicates > 100000 {
		return fmt.Errorf("%w: --replicates must be between 1 and 100000", errUsage)
	}
	rules := map[string]tallyv1.IntegerRule{
		"published": tallyv1.IntegerRule_INTEGER_RULE_PUBLISHED,
		"per-value": tallyv1.IntegerRule_INTEGER_RULE_PER_VALUE,
	}
	integerRule, ok := rules[*rule]
	if !ok {
		return fmt.Errorf("%w: --integer-rule must be published or per-value", errUsage)
	}
	conn, err := cf.dial()
	if err != nil {
		return err
	}
	defer conn.Close()
	c := tallyv1.NewTallyServiceClient(conn)
	u, err := unitOrRoot(ctx, c, *election, *unit)
	if err != nil {
		return err
	}
	rep, err := c.GetForensicsReport(ctx, &tallyv1.GetForensicsReportRequest{
		Name:       "elections/" + *election + "/contests/" + *contest + "/forensicsReports/" + u,
		Replicates: int32(*replicates), Seed: *seed, IntegerRule: integerRule,
	})
	if err != nil {
		return fmt.Errorf("%s", tallyclient.Describe(err))
	}
	if *svg != "" {
		if err := os.WriteFile(*svg, []byte(rep.GetFingerprint().GetSvg()), 0o644); err != nil {
			return err
		}
	}
	if *format == "json" {
		b, err := protojson.MarshalOptions{Multiline: true, EmitUnpopulated: true}.Marshal(rep)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(out, string(b))
		return err
	}
	printForensics(out, rep)
	return nil
}

// regionsShown is how many regions the table lists for the integer test.
const regionsShown = 10

func printForensics(out io.Writer, r *tallyv1.ForensicsReport) {
	p := func(format string, args ...any) { fmt.Fprintf(out, format, args...) }
	d := r.GetDefinitions()
	names := map[string]string{}
	for _, g := range r.GetRegions() {
		names[g.GetUnit()] = g.GetUnitDisplayName()
	}
	regionName := func(unit string) string {
		if n := names[unit]; n != "" {
			return n
		}
		_, id, _ := strings.Cut(unit, "/units/")
		return id
	}

	p("Forensics of %s (%s), results version %d\n", r.GetUnitDisplayName(), r.GetName(), r.GetResultsVersion())
	p("\n%s\n\n", wrap(r.GetDisclaimer(), 78))
	l := r.GetLeader()
	p("stations analysed %d; turnout = %s; leader %s (%s) %d votes, %s %% of %s\n",
		r.GetStations(), d.GetTurnout(), l.GetChoice(), l.GetDisplayName(), l.GetVotes(), l.GetShare().GetPercent(), d.GetShareBase())

	rv := r.GetRelationViolations()
	p("\nControl relations: %d protocols with warnings, %d with errors\n", rv.GetProtocolsWithWarnings(), rv.GetProtocolsWithErrors())
	for _, c := range rv.GetCodes() {
		p("  %-40s %-16s %8d protocols in %d regions\n", c.GetCode(), strings.TrimPrefix(c.GetSeverity().String(), "SEVERITY_"), c.GetProtocols(), len(c.GetRegions()))
	}

	it := r.GetIntegerPercentTest()
	if d.GetIntegerRule() == tallyv1.IntegerRule_INTEGER_RULE_PER_VALUE {
		p("\nInteger percentages, per-value variant (not the published rule): within ±0.%02d points of a whole %%, at least %d registered, each value above %d %% excluded\n",
			d.GetIntegerWindowHundredths(), d.GetMinRegisteredVoters(), d.GetIntegerMaxPercent())
	} else {
		p("\nInteger percentages (Kobak, Shpilkin and Pshenichnikov 2016): within ±0.%02d points of a whole %%; stations with ballots cast, at least %d registered, turnout and leader share both at most %d %%\n",
			d.GetIntegerWindowHundredths(), d.GetMinRegisteredVoters(), d.GetIntegerMaxPercent())
	}
	p("  eligible stations  %d\n", it.GetEligibleStations())
	p("  observed           %d (turnout %d, leader share %d)\n", it.GetObserved(), it.GetObservedTurnout(), it.GetObservedShare())
	p("  expected (null)    %.1f ± %.1f (turnout %.1f, leader share %.1f)\n", it.GetExpected(), it.GetStandardDeviation(), it.GetExpectedTurnout(), it.GetExpectedShare())
	p("  excess             %.1f (z = %.1f)\n", it.GetExcess(), it.GetZScore())
	p("  Monte Carlo        %d replicates, seed %d: mean %.1f, SD %.1f, range %d..%d, p = %.4g\n",
		d.GetReplicates(), d.GetSeed(), it.GetMonteCarloMean(), it.GetMonteCarloStandardDeviation(), it.GetMonteCarloMin(), it.GetMonteCarloMax(), it.GetPValue())
	regions := slices.Clone(it.GetRegions())
	slices.SortStableFunc(regions, func(a, b *tallyv1.IntegerPercentRegion) int { return cmp.Compare(b.GetExcess(), a.GetExcess()) })
	if len(regions) > 1 {
		p("  largest excess by region:\n")
		for _, g := range regions[:min(regionsShown, len(regions))] {
			p("    %-44s observed %6d  expected %8.1f ± %5.1f  excess %7.1f  p %.4g\n",
				regionName(g.GetUnit()), g.GetObserved(), g.GetExpected(), g.GetStandardDeviation(), g.GetExcess(), g.GetPValue())
		}
	}

	fp := r.GetFingerprint()
	p("\nFingerprint (Klimek et al. 2012): %d stations in %d×%d bins; correlation of turnout and leader share r = %.3f\n",
		fp.GetStations(), fp.GetBins(), fp.GetBins(), fp.GetCorrelation())
	p("  leader votes from %d stations with turnout above %d %%: %s %%\n",
		fp.GetHighTurnoutStations(), d.GetHighTurnoutPercent(), fp.GetLeaderVotesHighTurnout().GetPercent())

	p("\nDigit tests (weak signals: honest counts can fail them, forged ones pass):\n")
	for _, t := range r.GetDigitTests() {
		what := "every choice"
		if t.GetChoice() != "" {
			what = t.GetChoice()
		}
		pos := "last digit"
		if t.GetPosition() == tallyv1.DigitPosition_DIGIT_POSITION_SECOND {
			pos = "second digit"
		}
		p("  %-12s %-14s counts ≥ %-4d n %8d  chi² %9.1f  p %.3g  [%s]\n", pos, what, t.GetMinVotes(), t.GetCounts(), t.GetChiSquare(), t.GetPValue(), t.GetLabel())
	}

	ex := r.GetExtremeStations()
	p("\nExtreme stations (turnout and leader share ≥ %d %%): %d\n", ex.GetPercent(), ex.GetCount())
	for _, s := range ex.GetStations()[:min(20, len(ex.GetStations()))] {
		p("  %-60s turnout %6s %%  leader %6s %%  registered %d\n", s.GetProtocol(), s.GetTurnout().GetPercent(), s.GetLeaderShare().GetPercent(), s.GetRegisteredVoters())
	}
	if n := len(ex.GetStations()); n > 20 {
		p("  ... %d more listed with --format json\n", n-20)
	}
}

// wrap breaks text into lines of at most width bytes at spaces.
func wrap(text string, width int) string {
	var b strings.Builder
	line := 0
	for _, w := range strings.Fields(text) {
		if line > 0 && line+1+len(w) > width {
			b.WriteByte('\n')
			line = 0
		} else if line > 0 {
			b.WriteByte(' ')
			line++
		}
		b.WriteString(w)
		line += len(w)
	}
	return b.String()
}
