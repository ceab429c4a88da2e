package tally

import "context"

// UnitWithin reports whether unit is one of the scope units or lies under
// one of them: a commission's credential names the units it answers for.
// An unknown unit is ErrNotFound, so the caller learns nothing it could not
// learn from GetUnit.
func (s *Service) UnitWithin(_ context.Context, election, unit string, scope []string) (bool, error) {
	es, err := s.election(election)
	if err != nil {
		return false, err
	}
	es.mu.RLock()
	defer es.mu.RUnlock()
	n, err := es.unit(unit)
	if err != nil || unit == "" {
		return false, err
	}
	for _, id := range scope {
		if anc := es.node(id); anc != nil && n.under(anc) {
			return true, nil
		}
	}
	return false, nil
}
