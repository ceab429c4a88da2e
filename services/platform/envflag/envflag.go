// Package envflag defines command-line flags whose default comes from an
// environment variable, so a daemon can be configured either way and a flag
// given on the command line always wins.
package envflag

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"
)

// Set is a flag.FlagSet whose definitions read environment fallbacks. A
// malformed environment value is an error from Parse, never silently ignored.
type Set struct {
	*flag.FlagSet
	errs []error
}

// New returns an empty Set that reports errors instead of exiting.
func New(program string) *Set {
	return &Set{FlagSet: flag.NewFlagSet(program, flag.ContinueOnError)}
}

// Parse parses args and reports the first malformed environment value.
func (s *Set) Parse(args []string) error {
	if err := s.FlagSet.Parse(args); err != nil {
		return err
	}
	return errors.Join(s.errs...)
}

// StringVar defines a string flag that falls back to $env, then to def.
func (s *Set) StringVar(p *string, name, env, def, usage string) {
	if v, ok := os.LookupEnv(env); ok {
		def = v
	}
	s.FlagSet.StringVar(p, name, def, withEnv(usage, env))
}

// DurationVar defines a duration flag that falls back to $env, then to def.
func (s *Set) DurationVar(p *time.Duration, name, env string, def time.Duration, usage string) {
	if v, ok := os.LookupEnv(env); ok {
		d, err := time.ParseDuration(v)
		s.keep(env, err)
		if err == nil {
			def = d
		}
	}
	s.FlagSet.DurationVar(p, name, def, withEnv(usage, env))
}

// IntVar defines an int flag that falls back to $env, then to def.
func (s *Set) IntVar(p *int, name, env string, def int, usage string) {
	if v, ok := os.LookupEnv(env); ok {
		n, err := strconv.Atoi(v)
		s.keep(env, err)
		if err == nil {
			def = n
		}
	}
	s.FlagSet.IntVar(p, name, def, withEnv(usage, env))
}

// BoolVar defines a bool flag that falls back to $env, then to def.
func (s *Set) BoolVar(p *bool, name, env string, def bool, usage string) {
	if v, ok := os.LookupEnv(env); ok {
		b, err := strconv.ParseBool(v)
		s.keep(env, err)
		if err == nil {
			def = b
		}
	}
	s.FlagSet.BoolVar(p, name, def, withEnv(usage, env))
}

func (s *Set) keep(env string, err error) {
	if err != nil {
		s.errs = append(s.errs, fmt.Errorf("$%s: %w", env, err))
	}
}

func withEnv(usage, env string) string { return fmt.Sprintf("%s (env %s)", usage, env) }

// Float64Var defines a float64 flag that falls back to $env, then to def.
func (s *Set) Float64Var(p *float64, name, env string, def float64, usage string) {
	if v, ok := os.LookupEnv(env); ok {
		f, err := strconv.ParseFloat(v, 64)
		s.keep(env, err)
		if err == nil {
			def = f
		}
	}
	s.FlagSet.Float64Var(p, name, def, withEnv(usage, env))
}
