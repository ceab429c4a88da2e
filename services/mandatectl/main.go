// Command mandatectl is Mandate's command line: apportion a case, import
// protocols, read totals, load the demo election.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/mandate-project/mandate/services/mandatectl/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
