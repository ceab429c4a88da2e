// Package buildinfo reports the version every Mandate binary prints for
// --version, so a bug report can name the exact build.
package buildinfo

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// Version is set at link time by the Makefile (-X); a plain `go build` leaves
// "dev" and the VCS revision from the build info, when there is one, is used.
var Version = "dev"

// String describes the build: program name, version, revision and Go version.
func String(program string) string {
	rev := ""
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				rev = " (" + s.Value[:12] + ")"
			}
		}
	}
	return fmt.Sprintf("%s %s%s %s", program, Version, rev, runtime.Version())
}
