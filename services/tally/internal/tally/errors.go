package tally

import (
	"errors"
	"fmt"
	"github.com/mandate-project/mandate/services/tally/form"
	"strings"
)

// Sentinel errors. Every error the Service or a Store returns for a client
// mistake or a state conflict matches exactly one of them with errors.Is;
// anything else is an internal failure.
var (
	// ErrNotFound: the election, contest, unit or protocol does not exist.
	ErrNotFound = errors.New("not found")
	// ErrAlreadyExists: a different resource with that identity exists, e.g.
	// a second original protocol for a station.
	ErrAlreadyExists = errors.New("already exists")
	// ErrConflict: an idempotency key was reused with different content.
	ErrConflict = errors.New("idempotency key reused with different content")
	// ErrStaleVersion: a correction names a version that is not the current one.
	ErrStaleVersion = errors.New("stale protocol version")
	// ErrFailedPrecondition: the state does not allow the operation, e.g. the
	// contest is certified.
	ErrFailedPrecondition = errors.New("failed precondition")
	// ErrInvalidArgument: the request is malformed (*FieldError) or breaks a
	// control relation (*ValidationError).
	ErrInvalidArgument = form.ErrInvalidArgument

	// The kinds of ErrFailedPrecondition, each its own reason for clients
	// (errors.Is of any of them and ErrFailedPrecondition holds).

	// ErrCertified: the contest is certified and takes no protocols.
	ErrCertified error = refined{ErrFailedPrecondition, "contest certified"}
	// ErrRecountNotOpen: a recount protocol while no recount is open.
	ErrRecountNotOpen error = refined{ErrFailedPrecondition, "recount not open"}
	// ErrPhaseUnchanged: the contest is already in the requested phase.
	ErrPhaseUnchanged error = refined{ErrFailedPrecondition, "phase unchanged"}
	// ErrNothingToCorrect: a correction or recount of a station without a
	// protocol. Not a stale version: no retry can make it succeed.
	ErrNothingToCorrect error = refined{ErrFailedPrecondition, "nothing to correct"}
	// ErrLogEmpty: the election's log has no entries to make a checkpoint of.
	ErrLogEmpty error = refined{ErrFailedPrecondition, "log empty"}
)

// refined is a sentinel that is a kind of another: it reads as its parent
// in messages and matches it with errors.Is.
type refined struct {
	parent error
	name   string
}

func (r refined) Error() string { return r.parent.Error() }
func (r refined) Unwrap() error { return r.parent }

// NotFoundError names the missing resource. It matches ErrNotFound.
type NotFoundError struct {
	Kind string // "election", "contest", "unit", "protocol"
	Name string // e.g. "kz-2012/mazhilis"
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("%s %q not found", e.Kind, e.Name) }

// Is reports ErrNotFound.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

func notFound(kind string, parts ...string) error {
	return &NotFoundError{Kind: kind, Name: strings.Join(parts, "/")}
}

// StateError carries a sentinel (ErrAlreadyExists, ErrConflict,
// ErrStaleVersion, ErrFailedPrecondition) with a message saying what and why.
type StateError struct {
	Kind    error  // one of the sentinels
	Subject string // the resource, e.g. "kz-2012/mazhilis/astana-1"
	Message string
	// Current is the current protocol version for ErrStaleVersion and
	// ErrAlreadyExists on protocols (0 when not applicable).
	Current int
}

func (e *StateError) Error() string {
	if e.Subject == "" {
		return fmt.Sprintf("%v: %s", e.Kind, e.Message)
	}
	return fmt.Sprintf("%v: %s: %s", e.Kind, e.Subject, e.Message)
}

// Unwrap returns the sentinel.
func (e *StateError) Unwrap() error { return e.Kind }

// NewStateError builds a *StateError; stores use it to report decisions.
func NewStateError(kind error, subject, format string, args ...any) *StateError {
	return &StateError{Kind: kind, Subject: subject, Message: fmt.Sprintf(format, args...)}
}
