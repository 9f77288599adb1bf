package inquiries_test

import (
	"testing"

	"orderdesk/tui/tuitest"
)

// A cell's problem goes as soon as its text changes: the clerk sees it
// being fixed, not a stale message until the next save.
func TestTeaCellErrorGoesOnceItsTextChanges(t *testing.T) {
	f := tuitest.NewAtClock(t)
	seed(t, f)
	scr := tuitest.Run(t, f.App(f.Clerk, "zh"))
	scr.WaitText(t, "客户档案", "沈阳钢铁有限公司")
	scr.Send(tuitest.Char('N'))
	scr.WaitText(t, "新询价单", "客户:")
	scr.Type("sygt")
	scr.WaitText(t, "SYGTYXGS")
	scr.Send(enter)
	scr.WaitText(t, "先款后货")
	typeCells(scr, "Q235B", "热轧钢板", "10x1500x6000")
	scr.Type("abc")
	scr.Send(ctrlS)
	scr.WaitText(t, "数量: 不是数字")
	scr.Send(tuitest.Key("backspace"), tuitest.Key("backspace"), tuitest.Key("backspace"))
	scr.Type("25")
	scr.WaitGone(t, "数量: 不是数字")
	scr.Quit(t)
}
