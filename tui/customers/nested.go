package customers

import "orderdesk/store"

// Nested is true while something opened from the list is shown: digits
// typed there (a number being read off) must not switch screens.
func (s *Screen) Nested() bool { return s.mode != modeList }

// ShownCustomer is the customer whose file is open: N there starts a new
// inquiry for them.
func (s *Screen) ShownCustomer() (store.CustomerRow, bool) {
	if s.mode != modeDetail || !s.detail.loaded {
		return store.CustomerRow{}, false
	}
	c := s.detail.file.Customer
	return store.CustomerRow{ID: c.ID, Name: c.Name, Code: c.Code, Mnemonic: c.Mnemonic}, true
}

// PointedCustomer is the customer under the list's cursor, or the one
// whose file is open: B plans a visit to them.
func (s *Screen) PointedCustomer() (store.CustomerRow, bool) {
	if s.mode == modeList {
		return s.list.Current()
	}
	return s.ShownCustomer()
}
