package form

import (
	"errors"
	"testing"
)

func TestCheckShape(t *testing.T) {
	base := Submission{Election: "e", Contest: "c", Station: "s", IdempotencyKey: "k", Kind: Original}
	for _, tc := range []struct {
		name   string
		mod    func(*Submission)
		field  string // "" when valid
		reason string
	}{
		{"original", func(*Submission) {}, "", ""},
		{"correction", func(s *Submission) { s.Kind, s.Replaces, s.Reason = Correction, 1, "typo" }, "", ""},
		{"recount", func(s *Submission) { s.Kind, s.Replaces, s.Reason = Recount, 2, "recounted" }, "", ""},
		{"no kind", func(s *Submission) { s.Kind = ProtocolKindUnspecified }, "kind", "INVALID_KIND"},
		{"no kind with replaces", func(s *Submission) { s.Kind, s.Replaces, s.Reason = ProtocolKindUnspecified, 1, "typo" }, "kind", "INVALID_KIND"},
		{"unknown kind", func(s *Submission) { s.Kind = 9 }, "kind", "INVALID_KIND"},
		{"original replacing", func(s *Submission) { s.Replaces = 1 }, "replaces", "ORIGINAL_REPLACES"},
		{"correction of nothing", func(s *Submission) { s.Kind, s.Reason = Correction, "typo" }, "replaces", "REQUIRED"},
		{"correction without reason", func(s *Submission) { s.Kind, s.Replaces = Correction, 1 }, "reason", "REQUIRED"},
		{"no key", func(s *Submission) { s.IdempotencyKey = "" }, "idempotency_key", "REQUIRED"},
		{"no station", func(s *Submission) { s.Station = "" }, "station", "REQUIRED"},
		{"negative replaces", func(s *Submission) { s.Replaces = -1 }, "replaces", "OUT_OF_RANGE"},
		{"NUL in request id", func(s *Submission) { s.IdempotencyKey = "k\x00" }, "idempotency_key", "CONTROL_CHARACTER"},
		{"newline in request id", func(s *Submission) { s.IdempotencyKey = "k\n" }, "idempotency_key", "CONTROL_CHARACTER"},
		{"NUL in reason", func(s *Submission) { s.Kind, s.Replaces, s.Reason = Correction, 1, "ty\x00po" }, "reason", "CONTROL_CHARACTER"},
		{"escape in reason", func(s *Submission) { s.Kind, s.Replaces, s.Reason = Correction, 1, "\x1b[2J" }, "reason", "CONTROL_CHARACTER"},
		{"lines in reason", func(s *Submission) { s.Kind, s.Replaces, s.Reason = Correction, 1, "line one\nline two" }, "", ""},
		{"C1 in station", func(s *Submission) { s.Station = "s\u0085" }, "station", "CONTROL_CHARACTER"},
		{"DEL in election", func(s *Submission) { s.Election = "e\x7f" }, "election", "CONTROL_CHARACTER"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := base
			tc.mod(&s)
			err := CheckShape(s)
			if tc.field == "" {
				if err != nil {
					t.Fatalf("CheckShape: %v", err)
				}
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != tc.field || fe.Reason != tc.reason || !errors.Is(err, ErrInvalidArgument) {
				t.Fatalf("CheckShape = %v, want %s on %s", err, tc.reason, tc.field)
			}
		})
	}
}
