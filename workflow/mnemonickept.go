package workflow

import "orderdesk/store"

// keptMnemonic is the 助记码 an edit saves. One corrected by hand (not what
// the name gives) is kept whatever else changes; one the desk derived,
// left as it was while the name changed, follows the new name.
func keptMnemonic(orig, c store.Customer) string {
	if c.Name != orig.Name && c.Mnemonic == orig.Mnemonic && orig.Mnemonic == Mnemonic(orig.Name) {
		return Mnemonic(c.Name)
	}
	return c.Mnemonic
}
