package reconcile

// Nested is true while a form is open: digits typed there must not
// switch screens.
func (s *Screen) Nested() bool { return s.form != nil }
