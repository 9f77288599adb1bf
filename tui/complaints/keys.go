package complaints

import (
	"charm.land/bubbles/v2/key"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// keyMap is the screen's bindings: copies of the session's keys, some
// with help saying what they do here.
type keyMap struct {
	open, back, create, refresh, calls      key.Binding
	act, resolve, close, sendBack, followUp key.Binding
	save, cancel, next                      key.Binding
	stats, dimension, period                key.Binding
}

func newKeyMap(c *common.Common) keyMap {
	k := c.Keys
	km := keyMap{
		open: k.Open, back: k.Back, refresh: k.Refresh,
		create:   c.Relabel(k.New, "complaints.key.new"),
		calls:    c.Bind("v", "complaints.key.calls", "v"),
		act:      c.Bind("t", "complaints.key.act", "t"),
		resolve:  c.Bind("r", "complaints.key.resolve", "r"),
		close:    c.Bind("c", "complaints.key.close", "c"),
		sendBack: c.Relabel(k.SendBack, "key.send_back"),
		followUp: c.Bind("f", "complaints.key.follow_up", "f"),
		save:     k.Save, cancel: k.Cancel,
		next:      c.Bind("tab/enter", "complaints.key.next_field", "tab", "enter"),
		stats:     c.Bind("s", "complaints.key.stats", "s"),
		dimension: c.Bind("d", "complaints.key.dimension", "d"),
		period:    c.Bind("p", "complaints.key.period", "p"),
	}
	if !workflow.Can(c.Desk.User, workflow.RecordComplaints) {
		for _, b := range []*key.Binding{&km.create, &km.act, &km.resolve, &km.followUp, &km.calls} {
			b.SetEnabled(false)
		}
	}
	return km
}
