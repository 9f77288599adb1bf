package customers_test

import (
	"testing"

	"orderdesk/tui/tuitest"
)

// The new-customer form asks before it drops what was typed, as every
// form does; a second esc drops it and says nothing was saved.
func TestTeaNewCustomerFormAsksBeforeDroppingWhatWasTyped(t *testing.T) {
	_, scr := seededApp(t)
	scr.WaitText(t, "沈阳钢铁有限公司")
	scr.Send(tuitest.Keys("n沈阳测试")...)
	scr.WaitText(t, "新建客户", "沈阳测试")
	scr.Send(tuitest.Key("esc"))
	scr.WaitText(t, "放弃已录入的内容?再按 esc 放弃", "新建客户", "沈阳测试")
	scr.Send(tuitest.Key("esc"))
	scr.WaitText(t, "已取消,未保存")
	scr.WaitGone(t, "新建客户")
	scr.Quit(t)
}
