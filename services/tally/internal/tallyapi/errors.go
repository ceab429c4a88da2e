package tallyapi

import (
	"context"
	"encoding/base64"
	"errors"
	"log/slog"
	"strconv"
	"strings"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/anypb"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// fieldRenames maps the domain's field names to the request fields that
// carry them on the wire.
var fieldRenames = map[string]string{
	"idempotency_key": "request_id",
	"replaces":        "replaces_version",
	"since":           "since_version",
	"from_version":    "since_version",
}

func wireField(prefix, f string) string {
	head, rest, _ := strings.Cut(f, ".")
	if r, ok := fieldRenames[head]; ok {
		f = r
		if rest != "" {
			f += "." + rest
		}
	}
	if prefix != "" {
		return prefix + "." + f
	}
	return f
}

// toStatus is the one place where domain errors become gRPC statuses, each
// with exactly one ErrorInfo. prefix is the request field that the domain's
// field paths are relative to ("election" for CreateElection, "" otherwise).
// Anything unclassified is INTERNAL with a generic message and is logged.
func toStatus(ctx context.Context, log *slog.Logger, prefix string, err error) error {
	st := statusOf(ctx, log, prefix, err)
	var le *tally.LoggedError
	if errors.As(err, &le) {
		return withEntry(st, le.Entry)
	}
	return st
}

// withEntry adds to a refusal's ErrorInfo the log entry that records it:
// metadata leaf_index (decimal) and leaf_hash (base64).
func withEntry(err error, ref tally.LogRef) error {
	st := status.Convert(err)
	p := st.Proto()
	for i, d := range p.GetDetails() {
		var info errdetails.ErrorInfo
		if d.UnmarshalTo(&info) != nil {
			continue
		}
		if info.Metadata == nil {
			info.Metadata = map[string]string{}
		}
		info.Metadata["leaf_index"] = strconv.FormatInt(ref.Index, 10)
		info.Metadata["leaf_hash"] = base64.StdEncoding.EncodeToString(ref.Hash[:])
		a, aerr := anypb.New(&info)
		if aerr != nil {
			return err
		}
		p.Details[i] = a
		return status.FromProto(p).Err()
	}
	return err
}

// notFoundKinds gives each kind of missing resource its reason and the
// resource type its proto declares (google.api.resource).
var notFoundKinds = map[string]struct {
	reason rpcerr.Reason
	typ    string
}{
	"election": {rpcv1.ErrorReason_ELECTION_NOT_FOUND, "tally.mandate.dev/Election"},
	"contest":  {rpcv1.ErrorReason_CONTEST_NOT_FOUND, "tally.mandate.dev/Contest"},
	"unit":     {rpcv1.ErrorReason_UNIT_NOT_FOUND, "tally.mandate.dev/ReportingUnit"},
	"protocol": {rpcv1.ErrorReason_PROTOCOL_NOT_FOUND, "tally.mandate.dev/Protocol"},
	"log hash": {rpcv1.ErrorReason_LOG_ENTRY_NOT_FOUND, "tally.mandate.dev/Checkpoint"},
}

// sentinels gives each state sentinel of the domain its code and reason.
// The refined kinds of ErrFailedPrecondition come before it: the first
// match wins.
var sentinels = []struct {
	err    error
	code   codes.Code
	reason rpcerr.Reason
}{
	{tally.ErrConflict, codes.AlreadyExists, rpcv1.ErrorReason_REQUEST_ID_REUSED},
	{tally.ErrAlreadyExists, codes.AlreadyExists, rpcv1.ErrorReason_ALREADY_EXISTS},
	{tally.ErrStaleVersion, codes.Aborted, rpcv1.ErrorReason_STALE_VERSION},
	{tally.ErrCertified, codes.FailedPrecondition, rpcv1.ErrorReason_CONTEST_CERTIFIED},
	{tally.ErrRecountNotOpen, codes.FailedPrecondition, rpcv1.ErrorReason_RECOUNT_NOT_OPEN},
	{tally.ErrPhaseUnchanged, codes.FailedPrecondition, rpcv1.ErrorReason_PHASE_UNCHANGED},
	{tally.ErrLogEmpty, codes.FailedPrecondition, rpcv1.ErrorReason_LOG_EMPTY},
	{tally.ErrNothingToCorrect, codes.FailedPrecondition, rpcv1.ErrorReason_NOTHING_TO_CORRECT},
}

// statusOf is toStatus without the log entry.
func statusOf(ctx context.Context, log *slog.Logger, prefix string, err error) error {
	if err == nil {
		return nil
	}
	if _, ok := status.FromError(err); ok {
		return err
	}
	var ve *tally.ValidationError
	var fe *tally.FieldError
	var nf *tally.NotFoundError
	var se *tally.StateError
	switch {
	case errors.As(err, &ve):
		vs := make([]rpcerr.Violation, 0, len(ve.Violations))
		for _, v := range ve.Violations {
			field := "lines"
			if len(v.Fields) > 0 {
				field = v.Fields[0]
			}
			vs = append(vs, rpcerr.Violation{Field: wireField(prefix, field), Reason: v.Code,
				Description: v.Message + " (lines " + strings.Join(v.Lines, ", ") + ")"})
		}
		// The relations' codes are the election's, not the API's: the
		// ErrorInfo says a relation broke, the violations say which.
		return rpcerr.InvalidAs(rpcv1.ErrorReason_CONTROL_RELATION_BROKEN, "protocol breaks "+plural(len(vs), "control relation"), vs...)
	case errors.As(err, &fe):
		return rpcerr.Invalid("", rpcerr.Violation{Field: wireField(prefix, fe.Field), Reason: fe.Reason, Description: fe.Message})
	case errors.As(err, &nf):
		k, ok := notFoundKinds[nf.Kind]
		if !ok {
			break // a kind without a reason is a bug: INTERNAL below
		}
		return rpcerr.NotFound(k.reason, k.typ, nf.Name, err.Error())
	}
	if cerr := rpcerr.FromContext(err); cerr != nil {
		return cerr
	}
	subject, current := "", 0
	if errors.As(err, &se) {
		subject, current = se.Subject, se.Current
	}
	md := map[string]string{}
	if subject != "" {
		md["resource"] = subject
	}
	if current > 0 {
		md["current_version"] = itoa(current)
	}
	for _, s := range sentinels {
		if !errors.Is(err, s.err) {
			continue
		}
		if s.code == codes.FailedPrecondition {
			return rpcerr.Precondition(s.reason, "STATE", subject, err.Error(), md)
		}
		return rpcerr.New(s.code, s.reason, err.Error(), md)
	}
	log.ErrorContext(ctx, "internal error", "err", err)
	return rpcerr.Internal()
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return itoa(n) + " " + what + "s"
}

// toStatusProto is toStatus for import rejections, reported inside the
// response rather than failing the call; field paths are prefixed with where
// the protocol is in the ImportProtocolsRequest ("protocol", or
// "rows.rows[3]", where lines.{id} and votes.{id} name the columns).
func toStatusProto(ctx context.Context, s *Server, prefix string, err error) *status.Status {
	return status.Convert(toStatus(ctx, s.log, prefix, err))
}
