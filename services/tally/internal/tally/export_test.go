package tally

// HoldWriterLock takes an election's lock exclusively, as the writer does
// while a group commit lands, until release is called.
func HoldWriterLock(s *Service, election string) (release func(), err error) {
	es, err := s.election(election)
	if err != nil {
		return nil, err
	}
	es.mu.Lock()
	return es.mu.Unlock, nil
}

// CheckpointCached reports whether the Log holds a signed checkpoint of an
// election's log at size, so a reader asking for it signs nothing.
func CheckpointCached(s *Service, election string, size int64) bool {
	ls := s.ledger.logOf(election)
	ls.mu.Lock()
	defer ls.mu.Unlock()
	for _, c := range ls.recent {
		if c.Size == size {
			return true
		}
	}
	return false
}

// HoldExport takes the turn of an export, as a running export does, until
// release is called.
func HoldExport(s *Service) (release func()) {
	s.exports <- struct{}{}
	return func() { <-s.exports }
}
