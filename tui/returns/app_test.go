package returns_test

import (
	"testing"

	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
)

// A return's life in the real program (teatest), each person's keys
// sent in one burst: the clerk opens the note that left, r and the
// return's form typed straight through and saved, submitted; the
// supervisor checks it, the warehouse receives it, and the clerk's e
// drafts the exchange's note, shown in Shipping.
func TestReturnLifeInTheProgram(t *testing.T) {
	d := newDesk(t)
	clerk := d.RunOn(t, d.Clerk, "zh", "screen.shipping")
	clerk.Send(common.OpenMsg{Screen: "screen.shipping", DocID: d.note.DocID})
	clerk.WaitText(t, d.note.Ref, "运输中")
	clerk.Send(tuitest.Keys("r锈蚀拒收\r\r\r2.5")...)
	clerk.Send(tuitest.Key("ctrl+s"))
	clerk.WaitText(t, "退货单已保存", "TH", "草稿", "2.5t")
	clerk.Send(tuitest.Keys("s")...)
	clerk.WaitText(t, "待复核")
	clerk.Quit(t)

	boss := d.RunOn(t, d.Supervisor, "zh", "screen.returns")
	boss.WaitText(t, "TH2026-000001")
	boss.Send(tuitest.Keys("\ra")...)
	boss.WaitText(t, "待入库")
	boss.Quit(t)

	wh := d.RunOn(t, d.wh, "zh", "screen.returns")
	wh.WaitText(t, "TH2026-000001")
	wh.Send(tuitest.Keys("\rw")...)
	wh.WaitText(t, "已入库", "由 吴仓管 入库")
	wh.Quit(t)

	clerk = d.RunOn(t, d.Clerk, "zh", "screen.returns")
	clerk.WaitText(t, "待复核")
	clerk.Send(tuitest.Keys("]]\re")...)
	clerk.WaitText(t, "换货发货单已起草", "换货 TH2026-000001", "草稿")
	clerk.Quit(t)
}
