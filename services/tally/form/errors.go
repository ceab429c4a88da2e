package form

import (
	"errors"
	"fmt"
	"strings"
)

// ErrInvalidArgument: the request is malformed (*FieldError) or breaks a
// control relation (*ValidationError).
var ErrInvalidArgument = errors.New("invalid argument")

// FieldError is a malformed request field. It matches ErrInvalidArgument.
type FieldError struct {
	// Field is the request field path, e.g. "lines.valid",
	// "votes.ER", "station", "contests[0].form.relations[2].expression".
	Field string
	// Reason is a stable UPPER_SNAKE code, e.g. "UNKNOWN_CHOICE".
	Reason  string
	Message string
}

func (e *FieldError) Error() string { return fmt.Sprintf("%s: %s (%s)", e.Field, e.Message, e.Reason) }

// Is reports ErrInvalidArgument.
func (e *FieldError) Is(target error) bool { return target == ErrInvalidArgument }

// NewFieldError builds a *FieldError.
func NewFieldError(field, reason, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Reason: reason, Message: fmt.Sprintf(format, args...)}
}

// PrefixField returns err with its FieldError path prefixed.
func PrefixField(prefix string, err error) error {
	var fe *FieldError
	if errors.As(err, &fe) {
		c := *fe
		if c.Field == "" {
			c.Field = prefix
		} else if strings.HasPrefix(c.Field, "[") {
			c.Field = prefix + c.Field
		} else {
			c.Field = prefix + "." + c.Field
		}
		return &c
	}
	return err
}

// Violation is a broken control relation (or an always-on check such as
// NEGATIVE_COUNT) on one protocol.
type Violation struct {
	Code     string   `json:"code"`
	Message  string   `json:"message"`
	Severity Severity `json:"severity"`
	// Lines are the line and choice IDs the relation involves.
	Lines []string `json:"lines"`
	// Left and Right are the values of both sides as submitted.
	Left  int64 `json:"left"`
	Right int64 `json:"right"`
	// Fields are the request field paths of Lines (lines.ID, votes.ID), set
	// on the violations of a rejected protocol; not stored.
	Fields []string `json:"-"`
}

// ValidationError lists every error-severity violation of a rejected
// protocol. It matches ErrInvalidArgument.
type ValidationError struct {
	Violations []Violation
}

func (e *ValidationError) Error() string {
	codes := make([]string, len(e.Violations))
	for i, v := range e.Violations {
		codes[i] = v.Code
	}
	return "protocol breaks control relations: " + strings.Join(codes, ", ")
}

// Is reports ErrInvalidArgument.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalidArgument }

// Has reports whether a violation with the code is present.
func (e *ValidationError) Has(code string) bool {
	for _, v := range e.Violations {
		if v.Code == code {
			return true
		}
	}
	return false
}
