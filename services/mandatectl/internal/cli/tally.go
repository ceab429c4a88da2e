package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"google.golang.org/grpc"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/protobuf/encoding/protojson"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/definition"
	"github.com/mandate-project/mandate/services/tally/tallyclient"
)

// waitServing polls the server's health until it is SERVING or wait passes.
func waitServing(ctx context.Context, conn *grpc.ClientConn, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	h := healthpb.NewHealthClient(conn)
	for {
		cctx, cancel := context.WithTimeout(ctx, time.Second)
		resp, err := h.Check(cctx, &healthpb.HealthCheckRequest{})
		cancel()
		if err == nil && resp.GetStatus() == healthpb.HealthCheckResponse_SERVING {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s not serving after %s: %v", conn.Target(), wait, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// demoElections are the examples `mandatectl demo load` loads, each a folder
// with election.yaml and protocols.csv.
var demoElections = []string{"kz-2012", "kz-2011", "es-2023"}

// runDemo: `mandatectl demo load` defines the demo elections (the Kazakhstan
// 2012 Mazhilis and 2011 presidential votes, Spain's 2023 Congreso from
// province-level returns) and imports their protocols;
// both are idempotent, so running it twice changes nothing.
func runDemo(ctx context.Context, args []string, out, errOut io.Writer) error {
	if len(args) == 0 || args[0] != "load" {
		return fmt.Errorf("%w: mandatectl demo load [--server ADDR] [--examples DIR] [--wait D]", errUsage)
	}
	fs := newFlags("demo load", errOut)
	cf := connFlags(fs, "127.0.0.1:50051")
	examples := fs.String("examples", "examples", "the repository's examples folder")
	wait := fs.Duration("wait", 0, "wait this long for the server to be serving")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	conn, err := cf.dial()
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := waitServing(ctx, conn, *wait); err != nil {
		return err
	}
	c := tallyv1.NewTallyServiceClient(conn)
	for _, name := range demoElections {
		if err := loadDemo(ctx, c, filepath.Join(*examples, name), out); err != nil {
			return err
		}
	}
	return nil
}

func loadDemo(ctx context.Context, c tallyv1.TallyServiceClient, dir string, out io.Writer) error {
	def := filepath.Join(dir, "election.yaml")
	id, err := tallyclient.Define(ctx, c, def)
	if err != nil {
		return fmt.Errorf("%s", tallyclient.Describe(err))
	}
	rep, err := tallyclient.ImportCSV(ctx, c, def, filepath.Join(dir, "protocols.csv"), nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "demo election %s: %d protocols read, %d accepted, %d already there, %d rejected\n",
		id, rep.Rows, rep.Accepted, rep.Replayed, rep.Rejected)
	for _, r := range rep.Rejections {
		fmt.Fprintln(out, "  rejected:", r)
	}
	if rep.Rejected > 0 {
		return fmt.Errorf("%d demo protocols of %s rejected", rep.Rejected, id)
	}
	return nil
}

// runDefine: `mandatectl define --definition FILE`, or `mandatectl define
// --check FILE` to validate a file offline (no server, nothing defined).
func runDefine(ctx context.Context, args []string, out, errOut io.Writer) error {
	fs := newFlags("define", errOut)
	cf := connFlags(fs, "127.0.0.1:50051")
	file := fs.String("definition", "", "election definition, YAML or JSON (required unless --check)")
	check := fs.String("check", "", "validate this definition file offline against the schema and the rules of the tally; print each problem as FILE:LINE:COLUMN: field: message")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *check != "" {
		return checkDefinition(*check, out)
	}
	if *file == "" {
		return fmt.Errorf("%w: --definition (or --check) is required", errUsage)
	}
	conn, err := cf.dial()
	if err != nil {
		return err
	}
	defer conn.Close()
	id, units, err := tallyclient.DefineCounting(ctx, tallyv1.NewTallyServiceClient(conn), *file)
	if err != nil {
		return fmt.Errorf("%s", tallyclient.Describe(err))
	}
	fmt.Fprintf(out, "election %s defined, %d units added\n", id, units)
	return nil
}

// runImport: `mandatectl import csv --definition FILE --file CSV`.
func runImport(ctx context.Context, args []string, out, errOut io.Writer) error {
	if len(args) == 0 || args[0] != "csv" {
		return fmt.Errorf("%w: mandatectl import csv --definition FILE --file CSV[.gz] [--server ADDR]", errUsage)
	}
	fs := newFlags("import csv", errOut)
	cf := connFlags(fs, "127.0.0.1:50051")
	def := fs.String("definition", "", "election definition with a csv mapping (required)")
	file := fs.String("file", "", "CSV file, plain or gzip (required)")
	quiet := fs.Bool("quiet", false, "no progress lines")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *def == "" || *file == "" {
		return fmt.Errorf("%w: --definition and --file are required", errUsage)
	}
	conn, err := cf.dial()
	if err != nil {
		return err
	}
	defer conn.Close()
	c := tallyv1.NewTallyServiceClient(conn)
	// Units added counts what the server created, by the definition and
	// by the rows: none when the same file is imported again.
	_, defined, err := tallyclient.DefineCounting(ctx, c, *def)
	if err != nil {
		return fmt.Errorf("%s", tallyclient.Describe(err))
	}
	start := time.Now()
	progress := func(r tallyclient.Report) {
		if !*quiet {
			fmt.Fprintf(errOut, "\r%d rows, %d accepted, %d rejected", r.Rows, r.Accepted, r.Rejected)
		}
	}
	rep, err := tallyclient.ImportCSV(ctx, c, *def, *file, progress)
	if !*quiet {
		fmt.Fprintln(errOut)
	}
	if err != nil {
		return fmt.Errorf("%s", tallyclient.Describe(err))
	}
	fmt.Fprintf(out, "%d rows in %s: %d accepted, %d already there, %d rejected, %d units added\n",
		rep.Rows, time.Since(start).Round(time.Millisecond), rep.Accepted, rep.Replayed, rep.Rejected, defined+rep.UnitsAdded)
	for _, r := range rep.Rejections {
		fmt.Fprintln(out, "rejected:", r)
	}
	if rep.Rejected > 0 {
		return fmt.Errorf("%d rows rejected", rep.Rejected)
	}
	return nil
}

// runTotals: `mandatectl totals --election E --contest C [--unit U]`.
func runTotals(ctx context.Context, args []string, out, errOut io.Writer) error {
	fs := newFlags("totals", errOut)
	cf := connFlags(fs, "127.0.0.1:50051")
	election := fs.String("election", "", "election id (required)")
	contest := fs.String("contest", "", "contest id (required)")
	unit := fs.String("unit", "", "unit: id, elections/{election}/units/{unit} or unambiguous display name; empty is the root")
	format := fs.String("format", "table", "output: table or json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *election == "" || *contest == "" {
		return fmt.Errorf("%w: --election and --contest are required", errUsage)
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
	t, err := c.GetTotals(ctx, &tallyv1.GetTotalsRequest{Name: "elections/" + *election + "/contests/" + *contest + "/totals/" + u})
	if err != nil {
		return fmt.Errorf("%s", tallyclient.Describe(err))
	}
	if *format == "json" {
		b, err := protojson.MarshalOptions{Multiline: true, EmitUnpopulated: true}.Marshal(t)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(out, string(b))
		return err
	}
	fmt.Fprintf(out, "%s (%s), results version %d, %s\n", t.GetUnitDisplayName(), t.GetName(), t.GetResultsVersion(), t.GetStatus())
	fmt.Fprintf(out, "stations reporting %d of %d; registered %d; cast %d; invalid %d; valid %d; turnout %s %% (%s)\n",
		t.GetStationsReporting(), t.GetStationsTotal(), t.GetRegisteredVoters(), t.GetBallotsCast(), t.GetInvalid(), t.GetValid(),
		t.GetTurnout().GetPercent(), t.GetTurnout().GetDefinition())
	for _, ch := range t.GetChoices() {
		fmt.Fprintf(out, "  %-45s %12d  %6s %%\n", ch.GetDisplayName(), ch.GetVotes(), ch.GetShare().GetPercent())
	}
	return nil
}

// checkDefinition prints every problem of a definition file, one a line in
// the FILE:LINE:COLUMN form editors and CI logs link to.
func checkDefinition(name string, out io.Writer) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	probs := definition.Check(data)
	if len(probs) == 0 {
		fmt.Fprintf(out, "%s: ok\n", name)
		return nil
	}
	for _, p := range probs {
		sep := ":"
		if p.Line == 0 {
			sep = ": "
		}
		fmt.Fprintf(out, "%s%s%s\n", name, sep, p)
	}
	return fmt.Errorf("%s: %d problem(s)", name, len(probs))
}
