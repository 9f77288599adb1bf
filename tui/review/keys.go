package review

import (
	"charm.land/bubbles/v2/key"
	"slices"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// keyMap is the inbox's bindings, built once per session with help in
// its language. m switches between what waits for me and what I made
// that waits for others; s is an at-desk sign-off, a supervisor at this
// terminal signing with their own login and passphrase; a answers a
// price request or replies to a stock-up request.
type keyMap struct {
	up, down, open, back, refresh   key.Binding
	filter                          key.Binding
	approve, sendBack, mine, signAt key.Binding
	answer, reply                   key.Binding
	save, confirm, cancel           key.Binding
}

func newKeyMap(c *common.Common) keyMap {
	k := c.Keys
	b := c.Bind
	return keyMap{
		up: k.Up, down: k.Down, open: k.Open, back: k.Back, refresh: k.Refresh, filter: k.Filter,
		approve: k.Approve, sendBack: k.SendBack,
		mine:   b("m", "review.key.mine", "m"),
		signAt: b("s", "review.key.sign_here", "s"),
		answer: b("a", "key.answer", "a"),
		reply:  b("a", "key.reply", "a"),
		save:   k.Save, confirm: k.Confirm, cancel: k.Cancel,
	}
}

// ShortHelp lists the bindings of the current mode.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.keys
	if s.reply != nil {
		return []key.Binding{k.save, k.cancel}
	}
	switch s.mode {
	case detailing:
		if s.detail != nil && s.detail.Kind == store.PriceRequestKind {
			if slices.Contains(signOffs(s.detail), workflow.ActionAnswer) {
				return []key.Binding{k.answer, k.back}
			}
			return []key.Binding{k.back}
		}
		if s.detail != nil && s.detail.Kind == store.StockRequestKind { // a replies; nothing is approved
			if slices.Contains(signOffs(s.detail), workflow.ActionReply) {
				return []key.Binding{k.reply, k.back}
			}
			return []key.Binding{k.back}
		}
		// a and b only where the document has that step for this user
		// now: an invoice waiting for finance is issued on its own screen.
		var out []key.Binding
		if s.detail != nil {
			acts := signOffs(s.detail)
			if slices.Contains(acts, workflow.ActionApprove) {
				out = append(out, k.approve)
			}
			if slices.Contains(acts, workflow.ActionSendBack) {
				out = append(out, k.sendBack)
			}
		}
		return append(out, k.signAt, k.back)
	case answering:
		return []key.Binding{k.save, k.cancel}
	case commenting, signingHere:
		return []key.Binding{k.confirm, k.cancel}
	}
	if s.filter.Editing {
		return []key.Binding{k.confirm, k.cancel}
	}
	return []key.Binding{k.up, k.down, k.open, k.filter, k.approve, k.sendBack, k.mine, k.refresh}
}

// FullHelp is the ? help: the same keys, as one group.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
