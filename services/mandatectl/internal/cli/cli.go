// Package cli implements mandatectl's commands. Each command parses its own
// flags and returns an error; Main prints it and turns it into an exit code.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/mandate-project/mandate/services/platform/buildinfo"
)

type command struct {
	summary string
	run     func(ctx context.Context, args []string, out, errOut io.Writer) error
}

func commands() map[string]command {
	return map[string]command{
		"apportion": {"apportion a case file (corpus schema) with the engine or a seats server", runApportion},
		"chamber":   {"compose a chamber the election defines from the live count on a seats server (--watch follows it)", runChamberComposition},
		"demo":      {"load the Kazakhstan 2012 demo election into a tally server (demo load)", runDemo},
		"define":    {"define an election from a YAML or JSON file on a tally server", runDefine},
		"export":    {"download an election's public export (log, checkpoint, protocols, totals, NIST JSON)", runExport},
		"forensics": {"print statistical indicators (not verdicts) of a contest's protocols in a unit", runForensics},
		"import":    {"stream a CSV file of station protocols to a tally server (import csv)", runImport},
		"log":       {"make the log's signing key, save a signed checkpoint (log keygen, log checkpoint)", runLog},
		"seats":     {"allocate a contest's seats from the live count on a seats server (--watch follows it)", runSeats},
		"totals":    {"print a contest's totals in a unit", runTotals},
		"units":     {"list a unit's children, find units by name, show a unit's path from the root", runUnits},
		"verify":    {"check an election's export: log, signature, totals, your station's paper protocol", runVerify},
		"token":     {"make signing keys and issue access tokens (token keygen, token issue)", runToken},
		"version":   {"print the version", func(context.Context, []string, io.Writer, io.Writer) error { return nil }},
	}
}

// errUsage marks an error the user can fix by reading the usage text.
var errUsage = errors.New("usage")

// Main runs one command and returns the process exit code: 0 on success, 1
// on a failure, 2 on a usage error.
func Main(ctx context.Context, args []string, out, errOut io.Writer) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(errOut, cmds)
		return 2
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintln(out, buildinfo.String("mandatectl"))
		return 0
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(errOut, "mandatectl: unknown command %q\n", args[0])
		usage(errOut, cmds)
		return 2
	}
	if err := c.run(ctx, args[1:], out, errOut); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 2
		}
		fmt.Fprintf(errOut, "mandatectl %s: %v\n", args[0], err)
		if errors.Is(err, errUsage) {
			return 2
		}
		return 1
	}
	return 0
}

func usage(w io.Writer, cmds map[string]command) {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("usage: mandatectl <command> [flags]\n\ncommands:\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  %-10s %s\n", n, cmds[n].summary)
	}
	b.WriteString("\n'mandatectl <command> -h' shows a command's flags.\n")
	io.WriteString(w, b.String())
}

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(name string, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("mandatectl "+name, flag.ContinueOnError)
	fs.SetOutput(out)
	return fs
}
