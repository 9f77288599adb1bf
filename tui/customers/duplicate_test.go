package customers_test

import (
	"context"
	"testing"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
)

// A customer filed a second time under a name already on file is
// refused at the name, naming the file it meets, with what was typed
// kept and nothing saved.
func TestTeaCustomerFiledTwiceIsRefusedAtTheName(t *testing.T) {
	f, scr := seededApp(t)
	scr.WaitText(t, "沈阳钢铁有限公司")
	scr.Send(key('n'))
	scr.WaitText(t, "› 全称")
	scr.Type("沈阳钢铁有限公司")
	scr.Send(enter)
	scr.Type("沈阳钢铁")
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "全称:已有客户档案:沈阳钢铁有限公司 C000001", "› 全称", "沈阳钢铁")
	scr.Quit(t)
	rows, _ := f.Engine.Desk(f.Clerk).Customers(context.Background(), store.Page{Voided: true})
	if len(rows) != 3 {
		t.Fatalf("%d customer files: the second was saved", len(rows))
	}
}
