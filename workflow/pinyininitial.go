package workflow

// initialsBlock is a run of code points and the first letter of each
// one's pinyin ('.' for none), from pinyininitials.go.
type initialsBlock struct {
	first   rune
	letters string
}

// pinyinInitial is the first letter (A–Z) of r's pinyin, or 0 when r has
// none: go-pinyin's answer for its first reading, kept as a constant
// table so a start builds no dictionary.
func pinyinInitial(r rune) byte {
	for _, b := range pinyinInitialBlocks {
		if r >= b.first && int(r-b.first) < len(b.letters) {
			if c := b.letters[r-b.first]; c != '.' {
				return c
			}
			return 0
		}
	}
	return 0
}
