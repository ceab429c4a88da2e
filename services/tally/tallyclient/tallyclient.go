// Package tallyclient loads election definitions and protocol files into a
// running tally service over gRPC. It is what `mandatectl define`, `import
// csv` and `demo load` use; it exposes only plain and generated types so
// programs outside this module can call it.
package tallyclient

import (
	"context"
	"fmt"
	"io"
	"slices"

	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/definition"
	"github.com/mandate-project/mandate/services/tally/form"
	"github.com/mandate-project/mandate/services/tally/importer"
	"github.com/mandate-project/mandate/services/tally/tallypb"
)

// unitBytes bounds one BatchCreateReportingUnits request, a quarter of
// tallyd's message limit (4 MiB): units are batched by size, not count, so
// a batch of the importer (5,000 stations and the districts they bring,
// about 650 KB in RU 2016) goes as one call and one transaction, and long
// names cannot push a request past the limit.
const unitBytes = 1 << 20

// Define creates the election of a definition file with its units. Defining
// the same file twice changes nothing. It returns the election id.
func Define(ctx context.Context, c tallyv1.TallyServiceClient, path string) (string, error) {
	id, _, err := DefineCounting(ctx, c, path)
	return id, err
}

// DefineCounting is Define that also returns how many units it created
// (none when the file was defined before).
func DefineCounting(ctx context.Context, c tallyv1.TallyServiceClient, path string) (id string, unitsCreated int, err error) {
	f, err := definition.Load(path)
	if err != nil {
		return "", 0, err
	}
	e := f.Election
	if _, err := c.CreateElection(ctx, &tallyv1.CreateElectionRequest{ElectionId: e.ID, Election: tallypb.ElectionToProto(e)}); err != nil {
		return "", 0, fmt.Errorf("define %s: %w", e.ID, err)
	}
	n, err := (sink{c}).AddUnits(ctx, e.ID, e.Units)
	if err != nil {
		return "", 0, err
	}
	return e.ID, n, nil
}

// Report is the outcome of an import.
type Report struct {
	Rows, Accepted, Replayed, Rejected, UnitsAdded int
	// Rejections describe each rejected row: line, station and reason.
	Rejections []string
}

// ImportCSV streams the protocols of a CSV file (plain or gzip) through the
// mapping of a definition file. progress, when set, is called after every
// batch.
func ImportCSV(ctx context.Context, c tallyv1.TallyServiceClient, definitionPath, csvPath string, progress func(Report)) (Report, error) {
	f, err := definition.Load(definitionPath)
	if err != nil {
		return Report{}, err
	}
	if f.CSV == nil {
		return Report{}, fmt.Errorf("%s has no csv mapping", definitionPath)
	}
	r, err := importer.Open(csvPath)
	if err != nil {
		return Report{}, err
	}
	defer r.Close()
	conv := func(p importer.Progress) Report {
		return Report{Rows: p.Rows, Accepted: p.Accepted, Replayed: p.Replayed, Rejected: p.Rejected, UnitsAdded: p.UnitsAdded}
	}
	opts := importer.Options{}
	if progress != nil {
		opts.Progress = func(p importer.Progress) { progress(conv(p)) }
	}
	rep, err := importer.Run(ctx, r, f.Election, f.CSV, sink{c}, opts)
	out := conv(rep.Progress)
	for _, rj := range rep.Rejections {
		out.Rejections = append(out.Rejections, rj.String())
	}
	return out, err
}

// sink is an importer.Sink over gRPC.
type sink struct{ c tallyv1.TallyServiceClient }

// AddUnits returns how many units the server created: units that exist
// already (a second import of the same file) are not counted.
func (s sink) AddUnits(ctx context.Context, election string, units []form.Unit) (int, error) {
	created := 0
	send := func(req *tallyv1.BatchCreateReportingUnitsRequest) error {
		resp, err := s.c.BatchCreateReportingUnits(ctx, req)
		if err != nil {
			return fmt.Errorf("units of %s: %w", election, err)
		}
		created += int(resp.GetCreatedCount())
		return nil
	}
	req := &tallyv1.BatchCreateReportingUnitsRequest{Parent: "elections/" + election}
	size := 0
	for _, u := range units {
		pu := tallypb.UnitToProto(election, u)
		// A unit's field in the request: its tag, its length and its bytes.
		n := protowire.SizeTag(2) + protowire.SizeBytes(proto.Size(pu))
		if len(req.Units) > 0 && size+n > unitBytes {
			if err := send(req); err != nil {
				return 0, err
			}
			req = &tallyv1.BatchCreateReportingUnitsRequest{Parent: req.Parent}
			size = 0
		}
		req.Units = append(req.Units, pu)
		size += n
	}
	if len(req.Units) > 0 {
		if err := send(req); err != nil {
			return 0, err
		}
	}
	return created, nil
}

// Import streams one batch and maps the server's rejections back to rows.
// The server reports replays only as a count, so that many of the rows it
// did not reject are marked replayed: the counts are right, which rows were
// replays is not known here.
func (s sink) Import(ctx context.Context, subs []form.Submission) ([]importer.Result, error) {
	stream, err := s.c.ImportProtocols(ctx)
	if err != nil {
		return nil, err
	}
	for _, msg := range rowMessages(subs) {
		if err := stream.Send(msg); err != nil {
			if err == io.EOF {
				break // the server ended the stream; CloseAndRecv says why
			}
			return nil, err
		}
	}
	resp, err := stream.CloseAndRecv()
	if err != nil {
		return nil, err
	}
	out := make([]importer.Result, len(subs))
	for _, rj := range resp.GetRejections() {
		if i := rj.GetIndex(); i >= 0 && int(i) < len(out) {
			out[i].Err = rejectionError{rj}
		}
	}
	replayed := resp.GetReplayed()
	for i := range out {
		if out[i].Err == nil && replayed > 0 {
			out[i].Replayed = true
			replayed--
		}
	}
	return out, nil
}

type rejectionError struct{ r *tallyv1.ImportRejection }

func (e rejectionError) Error() string {
	msg := e.r.GetCode() + ": " + e.r.GetMessage()
	for _, v := range e.r.GetViolations() {
		msg += " [" + v.GetCode() + "]"
	}
	return msg
}

// Describe renders a gRPC error for a terminal.
func Describe(err error) string {
	if st, ok := status.FromError(err); ok {
		return st.Code().String() + ": " + st.Message()
	}
	return err.Error()
}

// rowsPerMessage bounds a ProtocolRows message (a few hundred KiB).
const rowsPerMessage = 500

// rowMessages packs submissions into compact ProtocolRows messages: runs of
// protocols of one contest with the same lines and choices share their
// column list, and their counts travel as packed integers instead of maps,
// which are several times dearer to encode and decode. The order, and so
// each protocol's index in the stream, is kept.
func rowMessages(subs []form.Submission) []*tallyv1.ImportProtocolsRequest {
	var out []*tallyv1.ImportProtocolsRequest
	var cur *tallyv1.ProtocolRows
	var election, contest string
	// The current message's columns: cols when its rows came as rows
	// (Submission.Cols, their counts used as they are), else lines and
	// votes, the sorted keys of maps.
	var cols *form.Columns
	var lines, votes []string
	for _, sub := range subs {
		if cur == nil || len(cur.Rows) == rowsPerMessage || sub.Election != election || sub.Contest != contest ||
			sub.Cols != cols || sub.Cols == nil && !sameKeys(sub, lines, votes) {
			election, contest, cols = sub.Election, sub.Contest, sub.Cols
			cur = &tallyv1.ProtocolRows{Parent: "elections/" + sub.Election + "/contests/" + sub.Contest}
			if cols != nil {
				lines, votes = nil, nil
				for j, id := range cols.IDs {
					kind := "lines."
					if cols.Votes[j] {
						kind = "votes."
					}
					cur.Columns = append(cur.Columns, kind+id)
				}
			} else {
				lines, votes = sortedKeys(sub.Lines), sortedKeys(sub.Votes)
				for _, l := range lines {
					cur.Columns = append(cur.Columns, "lines."+l)
				}
				for _, v := range votes {
					cur.Columns = append(cur.Columns, "votes."+v)
				}
			}
			out = append(out, &tallyv1.ImportProtocolsRequest{Rows: cur})
		}
		row := &tallyv1.ProtocolRow{Station: "elections/" + sub.Election + "/units/" + sub.Station, RequestId: sub.IdempotencyKey,
			ReplacesVersion: int32(sub.Replaces), Reason: sub.Reason, Kind: tallypb.KindToProto(sub.Kind)}
		if cols != nil {
			row.Counts = sub.Counts
		} else {
			row.Counts = make([]int64, 0, len(lines)+len(votes))
			for _, l := range lines {
				row.Counts = append(row.Counts, sub.Lines[l])
			}
			for _, v := range votes {
				row.Counts = append(row.Counts, sub.Votes[v])
			}
		}
		cur.Rows = append(cur.Rows, row)
	}
	return out
}

func sortedKeys(m map[string]int64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// sameKeys reports whether sub has exactly these lines and votes.
func sameKeys(sub form.Submission, lines, votes []string) bool {
	if len(sub.Lines) != len(lines) || len(sub.Votes) != len(votes) {
		return false
	}
	for _, l := range lines {
		if _, ok := sub.Lines[l]; !ok {
			return false
		}
	}
	for _, v := range votes {
		if _, ok := sub.Votes[v]; !ok {
			return false
		}
	}
	return true
}
