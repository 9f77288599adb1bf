package leads

// ShownLead is the lead open, or under the cursor: B plans a visit to it.
func (s *Screen) ShownLead() (id int64, name string, ok bool) {
	if l, found := s.current(); found && isOpen(l.Status) {
		return l.DocID, l.Name, true
	}
	return 0, "", false
}
