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
