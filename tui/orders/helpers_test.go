package orders

import (
	"context"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/tui/tuitest/cmdrun"
	"orderdesk/workflow"
)

// clock is the time screen tests run at (10:00 in Shenyang).
var clock = time.Date(2026, 11, 26, 2, 0, 0, 0, time.UTC)

// rig is the orders screen over a fresh database, driven as the root
// drives it: Update with a message, commands run in goroutines and
// their messages come back to Update in arrival order.
type rig struct {
	t                            *testing.T
	ctx                          context.Context
	st                           *store.Store
	eng                          *workflow.Engine
	clerk, clerk2, boss, planner store.User
	buyer                        store.User
	shenyang, dalian, bare       int64
	c                            *common.Common
	s                            *Screen
	status                       []common.StatusMsg
	cmds                         *cmdrun.Runner
}

func newRig(t *testing.T) *rig {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var tick atomic.Int64
	st.Now = func() time.Time { return clock.Add(time.Duration(tick.Add(1)) * time.Millisecond) }
	eng, err := workflow.New(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	eng.SetLocation(time.FixedZone("CST", 8*3600))
	sys, _ := eng.SystemUser(ctx)
	add := func(login, name string, roles ...workflow.Role) store.User {
		u, err := eng.AddUser(ctx, sys, login, name, "", roles)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	r := &rig{t: t, ctx: ctx, st: st, eng: eng, cmds: cmdrun.NewRunner(1024)}
	r.clerk = add("wangli", "王丽", workflow.Clerk)
	r.clerk2 = add("liqiang", "李强", workflow.Clerk)
	r.boss = add("zhao", "赵主管", workflow.Supervisor)
	r.planner = add("zhou", "周计划", workflow.Planning)
	r.buyer = add("sun", "孙采购", workflow.Purchasing)
	mk := func(name, mnemonic, city, address string) int64 {
		id, _, err := eng.Desk(r.clerk).CreateCustomer(ctx, workflow.CustomerInput{Name: name, Mnemonic: mnemonic, Province: "辽宁",
			City: city, Address: address, Contact: "张经理", Phone: "024-23456789", PaymentTerms: store.TermsPrepaid})
		r.must(err)
		return id
	}
	r.shenyang = mk("沈阳北方重工集团有限公司", "SYBF", "沈阳", "沈阳市铁西区北二路18号")
	r.dalian = mk("大连船舶配套有限公司", "DLCB", "大连", "大连市甘井子区红旗路6号")
	r.bare = mk("营口无地址贸易公司", "YKWD", "营口", "")
	return r
}

func (r *rig) must(err error) {
	r.t.Helper()
	if err != nil {
		r.t.Fatal(err)
	}
}

// open builds the screen for user u.
func (r *rig) open(u store.User, lang string) {
	cat := i18n.Catalog{Lang: i18n.Resolve(lang, "")}
	r.c = &common.Common{Ctx: r.ctx, Desk: r.eng.Desk(u), Cat: cat, Styles: common.NewStyles(true),
		Keys: common.NewKeyMap(cat), DBPath: "t.db", Company: "沈阳恒信钢铁贸易有限公司", PrintDir: r.t.TempDir(),
		Now: func() time.Time { return clock }}
	r.s = New(r.c)
	r.s.SetSize(120, 40)
	r.run(r.s.Init())
}

var plate = workflow.OrderLineInput{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Quantity: "25.35", Unit: "t", Price: "4120"}

// order enters a draft for cust by u with lines (a plate if none).
func (r *rig) order(u store.User, cust int64, lines ...workflow.OrderLineInput) int64 {
	r.t.Helper()
	d := r.eng.Desk(u)
	in, err := d.NewOrderInput(r.ctx, cust)
	r.must(err)
	if len(lines) == 0 {
		lines = []workflow.OrderLineInput{plate}
	}
	in.DeliveryDate, in.SigningPlace, in.Lines = "2026-12-10", "沈阳", lines
	id, _, err := d.CreateOrder(r.ctx, in)
	r.must(err)
	return id
}

// approved submits and signs an order off.
func (r *rig) approved(id int64) {
	r.t.Helper()
	r.must(r.eng.Desk(r.clerk).SubmitOrder(r.ctx, id, 0))
	r.must(r.eng.Desk(r.boss).Act(r.ctx, id, workflow.ActionApprove, ""))
}

// wonQuote takes an inquiry of cust through a quote to won.
func (r *rig) wonQuote(cust int64) int64 {
	r.t.Helper()
	d := r.eng.Desk(r.clerk)
	inq, err := d.NewInquiryInput(r.ctx, cust)
	r.must(err)
	inq.Lines = []workflow.LineInput{{Grade: "Q345B", Name: "热轧钢板", Spec: "16×2000×8000", Quantity: "30", Unit: "t", WantedOn: "2026-12-20"}}
	iid, _, err := d.CreateInquiry(r.ctx, inq)
	r.must(err)
	q, err := d.CreateQuote(r.ctx, iid)
	r.must(err)
	qd, err := d.Quote(r.ctx, q)
	r.must(err)
	in := workflow.InputFromQuote(*qd.Quote)
	in.Lines[0].Price = "4380"
	_, err = d.UpdateQuote(r.ctx, q, qd.Version, in)
	r.must(err)
	r.must(d.SubmitQuote(r.ctx, q, 0))
	r.must(r.eng.Desk(r.boss).Act(r.ctx, q, workflow.ActionApprove, ""))
	r.must(d.Act(r.ctx, q, workflow.ActionMarkSent, ""))
	r.must(d.Act(r.ctx, q, workflow.ActionWin, ""))
	return q
}

func (r *rig) send(msg tea.Msg) {
	r.deliver(msg)
	r.settle(30 * time.Millisecond)
}

func (r *rig) deliver(msg tea.Msg) {
	if st, ok := msg.(common.StatusMsg); ok {
		r.status = append(r.status, st)
		return
	}
	_, cmd := r.s.Update(msg)
	r.start(cmd)
}

func (r *rig) start(cmd tea.Cmd) { r.cmds.Start(cmd) }

func (r *rig) pump() { r.cmds.Pump(r.deliver) }

func (r *rig) settle(d time.Duration) { r.cmds.Settle(d, r.deliver) }

func (r *rig) run(cmd tea.Cmd) {
	r.start(cmd)
	r.settle(2 * time.Second)
}

// press sends keys by name: "enter", "esc", "ctrl+s", or one character.
func (r *rig) press(keys ...string) {
	for _, k := range keys {
		r.send(keyMsg(k))
	}
}

// typ types text a rune at a time, as a terminal sends it.
func (r *rig) typ(text string) {
	for _, c := range text {
		r.send(tea.KeyPressMsg{Code: c, Text: string(c)})
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	named := map[string]rune{"enter": tea.KeyEnter, "esc": tea.KeyEscape, "up": tea.KeyUp, "down": tea.KeyDown,
		"tab": tea.KeyTab, "backspace": tea.KeyBackspace}
	if code, ok := named[k]; ok {
		return tea.KeyPressMsg{Code: code}
	}
	if k == "shift+tab" {
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	}
	if rest, ok := strings.CutPrefix(k, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: []rune(rest)[0], Mod: tea.ModCtrl}
	}
	c := []rune(k)[0]
	return tea.KeyPressMsg{Code: c, Text: k}
}

func (r *rig) view() string { return ansi.Strip(r.s.View()) }

func (r *rig) lastStatus() common.StatusMsg {
	r.settle(10 * time.Second) // returns as soon as nothing is pending
	if len(r.status) == 0 {
		return common.StatusMsg{}
	}
	return r.status[len(r.status)-1]
}

// mustShow waits up to 10 s for the screen to show every one of texts.
func (r *rig) mustShow(texts ...string) {
	r.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		r.pump()
		v, missing := r.view(), ""
		for _, s := range texts {
			if !strings.Contains(v, s) {
				missing = s
				break
			}
		}
		if missing == "" {
			return
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("screen does not show %q:\n%s", missing, v)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// clearField empties the focused input.
func (r *rig) clearField() {
	for range 60 {
		r.deliver(keyMsg("backspace"))
	}
	r.settle(100 * time.Millisecond)
}

// another is a second session's orders screen over the same database.
func (r *rig) another(u store.User) *rig {
	r2 := &rig{t: r.t, ctx: r.ctx, st: r.st, eng: r.eng, clerk: r.clerk, clerk2: r.clerk2, boss: r.boss, planner: r.planner,
		buyer: r.buyer, shenyang: r.shenyang, dalian: r.dalian, bare: r.bare, cmds: cmdrun.NewRunner(1024)}
	r2.open(u, "zh")
	return r2
}

// fieldText is what the screen says for a field code.
func (r *rig) fieldText(code workflow.FieldCode) string {
	return common.FieldText(r.c.Cat, &workflow.FieldError{Code: code})
}

// orders counts the orders in the database.
func (r *rig) orders() int {
	r.t.Helper()
	rows, err := r.eng.Desk(r.clerk).Orders(r.ctx, store.OrderFilter{WithRevised: true}, store.Page{Limit: 500})
	r.must(err)
	return len(rows)
}

// tabs presses tab n times.
func (r *rig) tabs(n int) {
	for range n {
		r.press("tab")
	}
}

// waitMode waits up to 10 s for the screen to be in mode m.
func (r *rig) waitMode(m mode) {
	r.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for r.s.mode != m {
		if time.Now().After(deadline) {
			r.t.Fatalf("screen in mode %d, want %d:\n%s", r.s.mode, m, r.view())
		}
		r.pump()
		time.Sleep(5 * time.Millisecond)
	}
}

func openMsg(id int64) common.OpenMsg { return common.OpenMsg{Screen: "screen.orders", DocID: id} }

// waitDetail waits up to 10 s for the detail of order id to be loaded.
func (r *rig) waitDetail(id int64) {
	r.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for r.s.detail == nil || r.s.detail.ID != id || r.s.mode != modeDetail {
		if time.Now().After(deadline) {
			r.t.Fatalf("order %d not shown:\n%s", id, r.view())
		}
		r.pump()
		time.Sleep(5 * time.Millisecond)
	}
}

// mustHide waits up to 10 s for the screen to stop showing text.
func (r *rig) mustHide(text string) {
	r.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for strings.Contains(r.view(), text) {
		if time.Now().After(deadline) {
			r.t.Fatalf("screen still shows %q:\n%s", text, r.view())
		}
		r.pump()
		time.Sleep(10 * time.Millisecond)
	}
}
