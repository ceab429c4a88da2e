package tallyapi

import (
	"context"
	"strconv"

	"google.golang.org/genproto/googleapis/api/httpbody"
	"google.golang.org/grpc"

	rpcv1 "github.com/mandate-project/mandate/gen/mandate/rpc/v1"
	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/rpcerr"
	"github.com/mandate-project/mandate/services/tally/tallylog"
)

func checkpointToWire(c tallylog.Checkpoint) *tallyv1.Checkpoint {
	return &tallyv1.Checkpoint{Name: electionName(c.Election) + "/checkpoints/" + strconv.FormatInt(c.Size, 10),
		TreeSize: c.Size, RootHash: c.Root[:], Note: string(c.Note)}
}

// GetCheckpoint implements TallyService.GetCheckpoint.
func (s *Server) GetCheckpoint(ctx context.Context, req *tallyv1.GetCheckpointRequest) (*tallyv1.Checkpoint, error) {
	ids, err := parseName(req.GetName(), "name", "elections", "checkpoints")
	if err != nil {
		return nil, err
	}
	var c tallylog.Checkpoint
	switch which := ids[1]; which {
	case "latest":
		c, err = s.svc.Log().PublishedCheckpoint(ctx, ids[0])
	case "current":
		c, err = s.svc.Log().Checkpoint(ctx, ids[0], 0)
	default:
		size, perr := strconv.ParseInt(which, 10, 64)
		if perr != nil || size <= 0 {
			return nil, rpcerr.Invalid("", rpcerr.Violation{Field: "name", Reason: rpcv1.ErrorReason_INVALID_RESOURCE_NAME.String(),
				Description: "the checkpoint is latest, current or a tree size above zero"})
		}
		c, err = s.svc.Log().Checkpoint(ctx, ids[0], size)
	}
	if err != nil {
		return nil, s.status(ctx, err)
	}
	return checkpointToWire(c), nil
}

// GetInclusionProof implements TallyService.GetInclusionProof.
func (s *Server) GetInclusionProof(ctx context.Context, req *tallyv1.GetInclusionProofRequest) (*tallyv1.InclusionProof, error) {
	e, err := logName(req.GetName(), "name")
	if err != nil {
		return nil, err
	}
	size := req.GetTreeSize()
	if size == 0 {
		if c, ok := s.svc.Log().LatestPublished(e); ok && c.Size > req.GetLeafIndex() {
			size = c.Size
		} else if size, err = s.svc.Log().LogSize(ctx, e); err != nil {
			return nil, s.status(ctx, err)
		}
	}
	proof, leaf, err := s.svc.Log().InclusionProof(ctx, e, req.GetLeafIndex(), size)
	if err != nil {
		return nil, s.status(ctx, err)
	}
	c, err := s.svc.Log().Checkpoint(ctx, e, size)
	if err != nil {
		return nil, s.status(ctx, err)
	}
	out := &tallyv1.InclusionProof{LeafIndex: req.GetLeafIndex(), LeafHash: leaf[:], Checkpoint: checkpointToWire(c)}
	for _, h := range proof {
		out.Hashes = append(out.Hashes, h[:])
	}
	return out, nil
}

// GetConsistencyProof implements TallyService.GetConsistencyProof.
func (s *Server) GetConsistencyProof(ctx context.Context, req *tallyv1.GetConsistencyProofRequest) (*tallyv1.ConsistencyProof, error) {
	e, err := logName(req.GetName(), "name")
	if err != nil {
		return nil, err
	}
	second := req.GetSecondTreeSize()
	if second == 0 {
		if second, err = s.svc.Log().LogSize(ctx, e); err != nil {
			return nil, s.status(ctx, err)
		}
	}
	proof, err := s.svc.Log().ConsistencyProof(ctx, e, req.GetFirstTreeSize(), second)
	if err != nil {
		return nil, s.status(ctx, err)
	}
	c, err := s.svc.Log().Checkpoint(ctx, e, second)
	if err != nil {
		return nil, s.status(ctx, err)
	}
	out := &tallyv1.ConsistencyProof{FirstTreeSize: req.GetFirstTreeSize(), Second: checkpointToWire(c)}
	for _, h := range proof {
		out.Hashes = append(out.Hashes, h[:])
	}
	return out, nil
}

// ListLogEntries implements TallyService.ListLogEntries. The page token is
// the index to read from.
func (s *Server) ListLogEntries(ctx context.Context, req *tallyv1.ListLogEntriesRequest) (*tallyv1.ListLogEntriesResponse, error) {
	e, err := logName(req.GetParent(), "parent")
	if err != nil {
		return nil, err
	}
	var from int64
	if t := req.GetPageToken(); t != "" {
		if from, err = strconv.ParseInt(t, 10, 64); err != nil || from < 0 {
			return nil, rpcerr.Invalid("", rpcerr.Violation{Field: "page_token", Reason: rpcv1.ErrorReason_INVALID_PAGE_TOKEN.String(),
				Description: "not a page token of this list"})
		}
	}
	if req.GetPageSize() < 0 {
		return nil, rpcerr.Invalid("", rpcerr.Violation{Field: "page_size", Reason: rpcv1.ErrorReason_OUT_OF_RANGE.String(), Description: "page_size must not be negative"})
	}
	entries, next, err := s.svc.Log().LogEntries(ctx, e, from, int(req.GetPageSize()))
	if err != nil {
		return nil, s.status(ctx, err)
	}
	out := &tallyv1.ListLogEntriesResponse{}
	for _, le := range entries {
		out.LogEntries = append(out.LogEntries, &tallyv1.LogEntry{Index: le.Index, Leaf: le.Leaf})
	}
	if next > 0 {
		out.NextPageToken = strconv.FormatInt(next, 10)
	}
	return out, nil
}

// exportChunk is the most bytes one message of an export carries.
const exportChunk = 256 << 10

// chunkWriter sends what is written as HttpBody messages.
type chunkWriter struct {
	stream grpc.ServerStreamingServer[httpbody.HttpBody]
	buf    []byte
}

func (w *chunkWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		k := min(len(p), exportChunk-len(w.buf))
		w.buf = append(w.buf, p[:k]...)
		p = p[k:]
		if len(w.buf) == exportChunk {
			if err := w.flush(); err != nil {
				return 0, err
			}
		}
	}
	return n, nil
}

func (w *chunkWriter) flush() error {
	if len(w.buf) == 0 {
		return nil
	}
	err := w.stream.Send(&httpbody.HttpBody{ContentType: "application/zip", Data: w.buf})
	w.buf = make([]byte, 0, exportChunk)
	return err
}

// ExportElection implements TallyService.ExportElection: the archive in
// chunks of at most 256 KiB.
func (s *Server) ExportElection(req *tallyv1.ExportElectionRequest, stream grpc.ServerStreamingServer[httpbody.HttpBody]) error {
	ctx := stream.Context()
	ids, err := parseName(req.GetName(), "name", "elections")
	if err != nil {
		return err
	}
	w := &chunkWriter{stream: stream, buf: make([]byte, 0, exportChunk)}
	if err := s.svc.Export(ctx, ids[0], w); err != nil {
		return s.status(ctx, err)
	}
	return w.flush()
}
