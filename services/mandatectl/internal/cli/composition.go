package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"google.golang.org/protobuf/encoding/protojson"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
)

// runChamberComposition: `mandatectl chamber elections/E/chambers/C
// [--watch [--since V]] [--format table|json]`: a chamber the election
// defines, composed from the live count by a seats server (docs/chambers.md).
func runChamberComposition(ctx context.Context, args []string, out, errOut io.Writer) error {
	fs := newFlags("chamber", errOut)
	cf := connFlags(fs, "127.0.0.1:50052")
	watch := fs.Bool("watch", false, "print a new composition whenever the count changes, until interrupted")
	since := fs.Int64("since", 0, "with --watch: resume after this results version")
	format := fs.String("format", "table", "output: table or json (the ChamberComposition message; one line per composition with --watch)")
	timeout := fs.Duration("timeout", 30*time.Second, "deadline of the call (without --watch)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 || !strings.HasPrefix(fs.Arg(0), "elections/") || !strings.Contains(fs.Arg(0), "/chambers/") {
		return fmt.Errorf("%w: give one chamber, elections/{election}/chambers/{chamber}", errUsage)
	}
	if *format != "table" && *format != "json" {
		return fmt.Errorf("%w: --format must be table or json", errUsage)
	}
	if *since != 0 && !*watch {
		return fmt.Errorf("%w: --since goes with --watch", errUsage)
	}
	conn, err := cf.dial()
	if err != nil {
		return err
	}
	defer conn.Close()
	c := seatsv1.NewSeatsServiceClient(conn)
	print := func(m *seatsv1.ChamberComposition) error { return printComposition(out, m, *format, *watch) }
	if !*watch {
		cctx, cancel := context.WithTimeout(ctx, *timeout)
		defer cancel()
		m, err := c.GetChamberComposition(cctx, &seatsv1.GetChamberCompositionRequest{Name: fs.Arg(0)})
		if err != nil {
			return describeStatus(err)
		}
		return print(m)
	}
	stream, err := c.WatchChamberComposition(ctx, &seatsv1.WatchChamberCompositionRequest{Name: fs.Arg(0), SinceVersion: *since})
	if err != nil {
		return describeStatus(err)
	}
	return followWatch(ctx, stream.Recv, *since, print)
}

// printComposition prints the seats by party, in total and per tier.
func printComposition(out io.Writer, m *seatsv1.ChamberComposition, format string, stream bool) error {
	if format == "json" {
		b, err := protojson.MarshalOptions{Multiline: !stream}.Marshal(m)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(out, string(b))
		return err
	}
	fmt.Fprintf(out, "%s (%s): %d seats, results version %d\n", m.GetDisplayName(), m.GetChamber(), m.GetTotalSeats(), m.GetResultsVersion())
	fmt.Fprintln(out, m.GetNote())
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
	head := "party\t"
	for _, t := range m.GetTiers() {
		head += t.GetId() + "\t"
	}
	fmt.Fprintln(tw, head+"seats\t")
	for _, p := range m.GetParties() {
		row := p.GetDisplayName() + "\t"
		for _, t := range m.GetTiers() {
			n := int32(0)
			for _, q := range t.GetParties() {
				if q.GetParty() == p.GetParty() {
					n = q.GetSeats()
				}
			}
			row += fmt.Sprint(n) + "\t"
		}
		fmt.Fprintf(tw, "%s%d\t\n", row, p.GetSeats())
	}
	if m.GetUndecidedSeats() > 0 {
		row := "undecided\t"
		for _, t := range m.GetTiers() {
			row += fmt.Sprint(t.GetUndecidedSeats()) + "\t"
		}
		fmt.Fprintf(tw, "%s%d\t\n", row, m.GetUndecidedSeats())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if stream {
		fmt.Fprintln(out)
	}
	return nil
}
