package returns_test

import (
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
)

// The return's form asks before it drops what was typed, as every form
// does: the first esc asks and keeps the form, the second drops it.
func TestReturnFormAsksBeforeDroppingWhatWasTyped(t *testing.T) {
	d := newDesk(t)
	app := open(d.Fixture, d.Clerk, "zh", "screen.shipping", 120, 40)
	tuitest.Press(app, common.OpenMsg{Screen: "screen.shipping", DocID: d.note.DocID})
	burst(app, tuitest.Keys("r表面锈蚀")...)
	mustShow(t, app, "表面锈蚀")
	burst(app, tuitest.Key("esc"))
	mustShow(t, app, "放弃已录入的内容?", "表面锈蚀")
	burst(app, tuitest.Key("esc"))
	if got := text(app); strings.Contains(got, "表面锈蚀") {
		t.Fatalf("the second esc kept the form:\n%s", got)
	}
	onlyNone(t, d)
}

func onlyNone(t *testing.T, d desk) {
	t.Helper()
	if rs, err := d.Engine.Desk(d.Supervisor).Returns(d.Ctx, store.ReturnFilter{}); err != nil || len(rs) != 0 {
		t.Fatalf("returns %v %v", rs, err)
	}
}
