package tally

import (
	"github.com/mandate-project/mandate/services/tally/form"

	"context"
	"slices"
	"strconv"
	"strings"
)

// GetProtocol returns a station's protocol with every version, oldest first.
func (s *Service) GetProtocol(ctx context.Context, election, contest, station string) (Protocol, error) {
	es, err := s.election(election)
	if err != nil {
		return Protocol{}, err
	}
	if _, err := es.contest(contest); err != nil {
		return Protocol{}, err
	}
	vs, err := s.store.ProtocolVersions(ctx, election, contest, station)
	if err != nil {
		return Protocol{}, err
	}
	return Protocol{Election: election, Contest: contest, Station: station, Versions: vs}, nil
}

// ProtocolQuery selects current protocols under a unit.
type ProtocolQuery struct {
	Election string
	Contest  string
	Unit     string // "" for the whole election
	// HasWarnings keeps protocols whose current version carries warnings.
	HasWarnings bool
	// Corrected keeps protocols whose current version is 2 or later.
	Corrected bool
	Page      PageRequest
}

// ListProtocols returns one page of the current protocol versions of the
// stations under a unit, ordered by station ID.
func (s *Service) ListProtocols(ctx context.Context, q ProtocolQuery) ([]ProtocolVersion, string, error) {
	es, err := s.election(q.Election)
	if err != nil {
		return nil, "", err
	}
	cc, err := es.contest(q.Contest)
	if err != nil {
		return nil, "", err
	}
	scope := strings.Join([]string{"protocols", q.Election, q.Contest, q.Unit,
		strconv.FormatBool(q.HasWarnings), strconv.FormatBool(q.Corrected)}, "/")
	size, after, err := q.Page.parse(scope)
	if err != nil {
		return nil, "", err
	}
	es.mu.RLock()
	defer es.mu.RUnlock()
	unit, err := es.unit(q.Unit)
	if err != nil {
		return nil, "", err
	}
	sts := es.stations
	start, _ := slices.BinarySearchFunc(sts, after, unitIDCmp)
	if after != "" && start < len(sts) && sts[start].unit.ID == after {
		start++
	}
	var out []ProtocolVersion
	for _, st := range sts[start:] {
		p := st.protos[cc.Index]
		if p == nil || (q.HasWarnings && len(p.warnings()) == 0) || (q.Corrected && p.version < 2) || !st.under(unit) {
			continue
		}
		if len(out) == size {
			return out, pageToken(scope, out[len(out)-1].Station), nil
		}
		out = append(out, es.versionOf(cc, st, p))
	}
	return out, "", nil
}

func (es *electionState) versionOf(cc *form.Compiled, st *node, p *stationProto) ProtocolVersion {
	vals := p.vals(cc.Width())
	return ProtocolVersion{
		Election: es.def.ID, Contest: cc.ID, Station: st.unit.ID, Version: int(p.version), Kind: p.kind,
		Lines: cc.LinesOf(vals), Votes: cc.VotesOf(vals), IdempotencyKey: p.idempotencyKey(st.unit.ID),
		Reason: p.reason(), Submitter: p.submitter, Warnings: slices.Clone(p.warnings()),
		SubmittedAt: p.submitted(), ContentHash: p.contentHash(), ResultsVersion: p.resultsVersion,
	}
}
