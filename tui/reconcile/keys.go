package reconcile

import (
	"charm.land/bubbles/v2/key"

	"orderdesk/tui/common"
)

// keys are the screen's own bindings, built once per session with help
// in its language.
type keys struct {
	view, prev, next                             key.Binding
	start, diff, resolve, submit, sign, issue    key.Binding
	print, reply, reopen, remind, unpaid, letter key.Binding
	mine                                         key.Binding
}

func newKeys(c *common.Common) keys {
	b := c.Bind
	return keys{
		view:    b("v", "key.recon.view", "v"),
		prev:    b("[", "key.recon.prev_month", "["),
		next:    b("]", "key.recon.next_month", "]"),
		start:   b("n", "key.recon.start", "n"),
		diff:    b("d", "key.recon.diff", "d"),
		resolve: b("e", "key.recon.resolve", "e"),
		submit:  b("s", "key.recon.submit", "s"),
		sign:    b("a", "key.recon.sign", "a"),
		issue:   b("i", "key.recon.issue", "i"),
		print:   b("P", "key.recon.print", "P"),
		reply:   b("r", "key.recon.reply", "r"),
		reopen:  b("o", "key.recon.reopen", "o"),
		remind:  b("m", "key.recon.remind", "m"),
		unpaid:  b("u", "key.recon.unpaid", "u"),
		letter:  b("L", "key.recon.letter", "L"),
		mine:    b("t", "key.recon.mine", "t"),
	}
}

// ShortHelp lists every key of the view shown.
func (s *Screen) ShortHelp() []key.Binding {
	if s.form != nil {
		return []key.Binding{s.c.Keys.Save, s.c.Keys.Cancel}
	}
	k := s.keys
	out := append([]key.Binding{k.view, k.prev, k.next, s.c.Keys.Refresh}, s.c.Keys.ListKeys()...)
	switch s.view {
	case viewRecon:
		out = append(out, k.start, k.diff, k.resolve, k.submit, k.sign, k.issue, k.print, k.reply, k.reopen)
	case viewLadder:
		out = append(out, k.mine, k.remind, k.unpaid, k.letter)
	}
	return out
}

// FullHelp is the ? help: the same keys, as one group.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
