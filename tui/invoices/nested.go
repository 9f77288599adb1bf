package invoices

// Nested is true while something opened from the list is shown: digits
// typed there (a number being read off) must not switch screens.
func (s *Screen) Nested() bool { return s.Mode != modeList }
