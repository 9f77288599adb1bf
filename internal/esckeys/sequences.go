package esckeys

import "bytes"

// typedAfter says whether what follows an ESC (rest, read with it) shows
// the ESC was the esc key and [ or ] the keys typed after it: a
// terminal's sequences begin ESC [ (CSI) and ESC ] (OSC) too, and the
// program's parser takes all it can for one, so esc ] j typed at once
// was lost whole. rest begins nothing a terminal sends when it breaks
// the form of a sequence (a control byte in it: enter, another ESC) or
// ends one no terminal sends as input (ESC [ j, ESC ] j); a sequence cut
// off by the end of the read is left to the parser, since the rest of a
// terminal's may come in the next read.
func typedAfter(rest []byte) bool {
	switch {
	case len(rest) < 2:
		return false
	case rest[0] == '[':
		return !terminalCSI(rest[1:])
	case rest[0] == ']':
		return !terminalOSC(rest[1:])
	}
	return false
}

// terminalCSI says whether b (after ESC [) may be a CSI sequence a
// terminal sends as input: a key (arrows, home, end, F1–F4, shift+tab,
// ~ keys, the kitty protocol's u), a mouse report, focus, or a reply to
// a query (the cursor's place, device attributes, modes, the window).
// Unfinished, it may be one.
func terminalCSI(b []byte) bool {
	i := 0
	for i < len(b) && b[i] >= 0x30 && b[i] <= 0x3f { // parameters
		i++
	}
	for i < len(b) && b[i] >= 0x20 && b[i] <= 0x2f { // intermediates
		i++
	}
	if i == len(b) {
		return true // unfinished
	}
	params, final := b[:i], b[i]
	switch {
	case final < 0x40 || final > 0x7e:
		return false // a byte no sequence holds
	case bytes.IndexByte([]byte("ABCDEFHPQRSZ~u^@"), final) >= 0:
		return true
	case final == 'M' && len(params) == 0:
		return true // an X10 mouse report, three bytes follow
	case (final == 'M' || final == 'm') && len(params) > 0 && params[0] == '<':
		return true // an SGR mouse report
	case (final == 'I' || final == 'O') && len(params) == 0:
		return true // focus in, out
	case bytes.IndexByte([]byte("cntyR"), final) >= 0 && len(params) > 0:
		return true // a reply to a query
	}
	return false
}

// terminalOSC says whether b (after ESC ]) may be an OSC sequence a
// terminal sends as input, a reply to a query such as the background
// colour (11;rgb:…): a number, a semicolon, printable text, and BEL or
// ESC \ at its end. Unfinished, it may be one.
func terminalOSC(b []byte) bool {
	i := 0
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	switch {
	case i == len(b):
		return true // unfinished
	case i == 0 || b[i] != ';':
		return false
	}
	for _, c := range b[i+1:] {
		if c < 0x20 && c != 0x07 && c != escByte || c == 0x7f {
			return false
		}
		if c == 0x07 || c == escByte {
			return true // its end (ESC \), or one to judge on its own
		}
	}
	return true // unfinished
}
