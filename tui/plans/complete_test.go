package plans_test

import (
	"testing"

	"orderdesk/tui/tuitest"
)

// The customer cell offers the customers its text names as it is typed:
// by 助记码, ↓ chooses the second, tab takes it and moves on; a text that
// names nobody says so and is kept, refused at the cell on save.
func TestPlanFormCompletesTheCustomer(t *testing.T) {
	d := newDesk(t)
	app := open(d.Fixture, d.rep, "zh", 120, 40)
	tuitest.Press(app, tuitest.Keys("n\t2026-12\t\t\t\tgs")...)
	mustShow(t, app, "客户(↑↓ 选,tab 取)", "▸ 沈阳钢铁有限公司", "鞍山宏达钢材贸易有限公司")
	tuitest.Press(app, tuitest.Key("down"))
	mustShow(t, app, "▸ 鞍山宏达钢材贸易有限公司")
	tuitest.Press(app, tuitest.Keys("\t")...)
	mustShow(t, app, "鞍山宏达钢材…")
	tuitest.Press(app, tuitest.Keys("\t\t\t10\t")...)
	tuitest.Press(app, tuitest.Key("ctrl+s"))
	mustShow(t, app, "计划已保存", "鞍山宏达钢材贸易有限公司")

	tuitest.Press(app, tuitest.Key("esc"))
	tuitest.Press(app, tuitest.Keys("n\t2027-01\t\t\t\t沈阳重型")...)
	mustShow(t, app, "没有这个客户", "沈阳重型")
	tuitest.Press(app, tuitest.Keys("\t\t\t\t10\t")...)
	tuitest.Press(app, tuitest.Key("ctrl+s"))
	mustShow(t, app, "没有这个客户", "沈阳重型", "请先改正标出的字段")
}
