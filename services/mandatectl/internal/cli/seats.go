package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"google.golang.org/protobuf/encoding/protojson"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/form"
)

// runSeats: `mandatectl seats --contest elections/E/contests/C [--preset
// presets/P | --rule FILE | --method M --seats N ...] [--unit U] [--watch
// [--since V]] [--format table|json]`: the seats of a contest from the
// tally's current totals, computed by a seats server that reads them from
// its tally. Without a rule the contest's own legal rule (its seat_preset)
// applies. A unit given by display name is looked up in the tally at
// --tally.
func runSeats(ctx context.Context, args []string, out, errOut io.Writer) error {
	fs := newFlags("seats", errOut)
	cf := connFlags(fs, "127.0.0.1:50052")
	contest := fs.String("contest", "", "contest, elections/{election}/contests/{contest} (required)")
	preset := fs.String("preset", "", "legal rule, presets/{preset}, e.g. presets/kz-mazhilis-2009, or give --rule or --method; none: the contest's own (seat_preset)")
	rf := ruleFlags(fs)
	unit := fs.String("unit", "", "unit id, elections/{election}/units/{unit} or an unambiguous display name; empty is the root of the hierarchy")
	tallyAddr := fs.String("tally", "127.0.0.1:50051", "tally gRPC address, asked only to find a unit given by display name (same token)")
	watch := fs.Bool("watch", false, "print a new allocation whenever the totals change, until interrupted")
	since := fs.Int64("since", 0, "with --watch: resume after this results version")
	format := fs.String("format", "table", "output: table or json (the ContestAllocation message; one line per allocation with --watch)")
	timeout := fs.Duration("timeout", 30*time.Second, "deadline of the call (without --watch)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *contest == "" || fs.NArg() > 0 {
		return fmt.Errorf("%w: --contest is required and no arguments are taken", errUsage)
	}
	rule, err := rf.rule()
	if err != nil {
		return err
	}
	if *preset != "" && rule != nil {
		return fmt.Errorf("%w: give the legal rule as --preset, or as --rule FILE or --method and --seats, not both (or neither: the contest's own)", errUsage)
	}
	if *format != "table" && *format != "json" {
		return fmt.Errorf("%w: --format must be table or json", errUsage)
	}
	if *since != 0 && !*watch {
		return fmt.Errorf("%w: --since goes with --watch", errUsage)
	}
	if *preset != "" && !strings.HasPrefix(*preset, "presets/") {
		*preset = "presets/" + *preset
	}
	election, _, _ := strings.Cut(strings.TrimPrefix(*contest, "elections/"), "/")
	unitName, err := seatsUnit(ctx, cf, *tallyAddr, election, *unit, *timeout)
	if err != nil {
		return err
	}
	conn, err := cf.dial()
	if err != nil {
		return err
	}
	defer conn.Close()
	c := seatsv1.NewSeatsServiceClient(conn)
	print := func(a *seatsv1.ContestAllocation) error { return printContestAllocation(out, a, *format, *watch) }

	if !*watch {
		cctx, cancel := context.WithTimeout(ctx, *timeout)
		defer cancel()
		a, err := c.AllocateContest(cctx, &seatsv1.AllocateContestRequest{Contest: *contest, Unit: unitName, Preset: *preset, Rule: rule})
		if err != nil {
			return describeStatus(err)
		}
		return print(a)
	}
	stream, err := c.WatchContestAllocation(ctx, &seatsv1.WatchContestAllocationRequest{
		Contest: *contest, Unit: unitName, Preset: *preset, Rule: rule, SinceVersion: *since})
	if err != nil {
		return describeStatus(err)
	}
	return followWatch(ctx, stream.Recv, *since, print)
}

// seatsUnit names the unit for the seats service: a resource name or an id
// as given (the seats service checks them), a display name as the tally
// finds it (resolveUnit: the shallowest level that has it, refused when
// ambiguous).
func seatsUnit(ctx context.Context, cf *conn, tallyAddr, election, unit string, timeout time.Duration) (string, error) {
	switch {
	case unit == "" || strings.HasPrefix(unit, "elections/"):
		return unit, nil
	case form.IsValidUnitID(unit):
		return "elections/" + election + "/units/" + unit, nil
	}
	tc := *cf
	tc.server = &tallyAddr
	tconn, err := tc.dial()
	if err != nil {
		return "", err
	}
	defer tconn.Close()
	cctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	u, err := resolveUnit(cctx, tallyv1.NewTallyServiceClient(tconn), election, unit)
	if err != nil {
		return "", err
	}
	return u.GetName(), nil
}

func printContestAllocation(out io.Writer, a *seatsv1.ContestAllocation, format string, stream bool) error {
	if format == "json" {
		b, err := protojson.MarshalOptions{Multiline: !stream, EmitUnpopulated: true}.Marshal(a)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(out, string(b))
		return err
	}
	unit := a.GetUnitDisplayName()
	if unit == "" {
		unit = a.GetTotals()
	}
	fmt.Fprintf(out, "%s: %s, results version %d, %s\n", unit, a.GetTotals(), a.GetResultsVersion(),
		strings.TrimPrefix(a.GetStatus().String(), "RESULT_STATUS_"))
	fmt.Fprintln(out, a.GetNote())
	r, al := a.GetRule(), a.GetAllocation()
	source := a.GetPreset()
	if source == "" {
		source = "rule"
	}
	fmt.Fprintf(out, "%s: %s, %d seats", source, strings.ToLower(strings.TrimPrefix(r.GetMethod().String(), "METHOD_")), r.GetSeats())
	if th := r.GetThreshold(); th != nil {
		fmt.Fprintf(out, ", threshold %s %% of %d (%s)", th.GetPercent(), a.GetThresholdBase(), roleWords(a.GetThresholdBaseRole()))
	}
	fmt.Fprintln(out)
	if al == nil {
		return nil
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "party\tvotes\tshare %\tqualification\tseats\t+votes for a seat\t-votes to lose one\t")
	for _, p := range al.GetParties() {
		name := p.GetDisplayName()
		if name == "" {
			name = p.GetId()
		}
		share := ""
		if p.GetShare() != nil {
			share = percent(p.GetShare().GetDecimal())
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%d\t%s\t%s\t\n", name, p.GetVotes(), share,
			strings.ToLower(strings.TrimPrefix(p.GetQualification().String(), "QUALIFICATION_")), p.GetSeats(),
			margin(p.VotesToGain, p.GetVotesToGainStatus()), margin(p.VotesToLose, p.GetVotesToLoseStatus()))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(out, "%d seats distributed, house of %d", al.GetSeats(), al.GetHouseSize())
	if al.GetUndecidedSeats() > 0 {
		fmt.Fprintf(out, ", %d undecided by a tie", al.GetUndecidedSeats())
	}
	fmt.Fprintln(out)
	if stream {
		fmt.Fprintln(out)
	}
	return nil
}

func roleWords(r tallyv1.LineRole) string {
	switch r {
	case tallyv1.LineRole_LINE_ROLE_VALID:
		return "valid votes"
	case tallyv1.LineRole_LINE_ROLE_BALLOTS_CAST:
		return "ballots cast, invalid included"
	}
	return "the contest's share base"
}

// followWatch prints each message of a watch stream until the server ends
// it or the caller interrupts it (Ctrl-C: the normal end of a watch); a
// failure names the results version to resume from (--since).
func followWatch[M interface{ GetResultsVersion() int64 }](ctx context.Context, recv func() (M, error), since int64, print func(M) error) error {
	last := since
	for {
		m, err := recv()
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case err != nil && ctx.Err() != nil:
			return nil
		case err != nil:
			return fmt.Errorf("%w (resume with --since %d)", describeStatus(err), last)
		}
		last = m.GetResultsVersion()
		if err := print(m); err != nil {
			return err
		}
	}
}
