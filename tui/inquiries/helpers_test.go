package inquiries

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
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

// clock is when screen tests run; the store's clock can be moved.
var clock = time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)

// rig is the screen over a fresh database, driven the way the root
// drives it: Update with a message; the commands it returns run in
// goroutines and their messages come back, in arrival order, to Update.
type rig struct {
	t                         *testing.T
	ctx                       context.Context
	st                        *store.Store
	eng                       *workflow.Engine
	clerk, boss, buyer, other store.User
	c                         *common.Common
	s                         *Screen
	mu                        sync.Mutex
	now                       time.Time
	status                    []common.StatusMsg
	opened                    []common.OpenMsg
	cmds                      *cmdrun.Runner
}

func newRig(t *testing.T) *rig {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	r := &rig{t: t, ctx: ctx, st: st, now: clock, cmds: cmdrun.NewRunner(4096)}
	st.Now = func() time.Time {
		r.mu.Lock()
		defer r.mu.Unlock()
		return r.now
	}
	eng, err := workflow.New(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	r.eng = eng
	sys, _ := eng.SystemUser(ctx)
	add := func(login, name string, roles ...workflow.Role) store.User {
		u, err := eng.AddUser(ctx, sys, login, name, "", roles)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	r.clerk = add("wangli", "王丽", workflow.Clerk)
	r.other = add("liqiang", "李强", workflow.Clerk)
	r.boss = add("zhao", "赵主管", workflow.Supervisor)
	r.buyer = add("sun", "孙采购", workflow.Purchasing)
	return r
}

// at moves the store's clock (what CreatedAt records); the screen's
// clock stays at clock.
func (r *rig) at(t time.Time) {
	r.mu.Lock()
	r.now = t
	r.mu.Unlock()
}

// open (re)builds the screen for user u and loads its first page.
func (r *rig) open(u store.User, lang string, height int) {
	cat := i18n.Catalog{Lang: i18n.Resolve(lang, "")}
	r.c = &common.Common{Ctx: r.ctx, Desk: r.eng.Desk(u), Cat: cat, Styles: common.NewStyles(true),
		Keys: common.NewKeyMap(cat), DBPath: "t.db", Now: func() time.Time { return clock }}
	r.s = New(r.c)
	r.s.SetSize(120, height)
	r.run(r.s.Init())
}

// customers adds three customers (one on approved monthly terms) and two
// catalogue products; it returns their ids.
func (r *rig) customers() (shenyang, anshan, dalian int64) {
	r.t.Helper()
	d := r.eng.Desk(r.clerk)
	mk := func(in workflow.CustomerInput) int64 {
		id, termsDoc, err := d.CreateCustomer(r.ctx, in)
		if err != nil {
			r.t.Fatal(err)
		}
		if termsDoc != 0 {
			if err := r.eng.Desk(r.boss).Act(r.ctx, termsDoc, workflow.ActionApprove, ""); err != nil {
				r.t.Fatal(err)
			}
		}
		return id
	}
	shenyang = mk(workflow.CustomerInput{Name: "沈阳钢铁有限公司", ShortName: "沈钢", City: "沈阳", Phone: "024-23456789",
		Contact: "张经理", PaymentTerms: store.TermsMonthly, TermsDays: "30", CreditLimit: "500000", TermsWhy: "老客户"})
	anshan = mk(workflow.CustomerInput{Name: "鞍山宏达钢材贸易有限公司", ShortName: "鞍山宏达", City: "鞍山", Phone: "0412-5551234",
		PaymentTerms: store.TermsPrepaid})
	dalian = mk(workflow.CustomerInput{Name: "Dalian Harbour Machinery Co.", ShortName: "DHM", City: "大连", Phone: "0411-8888",
		PaymentTerms: store.TermsPrepaid})
	for _, p := range []workflow.ProductInput{
		{Grade: "Q235B", Name: "热轧钢板", Spec: "10×1500×6000", Unit: "t"},
		{Grade: "45#", Name: "圆钢", Spec: "Φ50", Unit: "t"},
	} {
		if _, err := d.SaveProduct(r.ctx, store.Product{}, p); err != nil {
			r.t.Fatal(err)
		}
	}
	return
}

// inquiry records an inquiry for customer with lines of grade, name,
// spec and quantity (tonnes).
func (r *rig) inquiry(customer int64, lines ...[4]string) int64 {
	r.t.Helper()
	in := workflow.InquiryInput{CustomerID: customer}
	for _, l := range lines {
		in.Lines = append(in.Lines, workflow.LineInput{Grade: l[0], Name: l[1], Spec: l[2], Quantity: l[3], Unit: "t"})
	}
	id, _, err := r.eng.Desk(r.clerk).CreateInquiry(r.ctx, in)
	if err != nil {
		r.t.Fatal(err)
	}
	return id
}

// send updates the screen with msg and lets what follows settle a
// moment (a focused input's blink timer never settles; what waits on the
// database is checked with mustShow or lastStatus, which wait longer).
func (r *rig) send(msg tea.Msg) {
	r.deliver(msg)
	r.settle(60 * time.Millisecond)
}

func (r *rig) deliver(msg tea.Msg) {
	switch m := msg.(type) {
	case common.StatusMsg:
		r.status = append(r.status, m)
		return
	case common.OpenMsg:
		r.opened = append(r.opened, m)
		return
	}
	_, cmd := r.s.Update(msg)
	r.start(cmd)
}

// start runs cmd in a goroutine, as the program does.
func (r *rig) start(cmd tea.Cmd) { r.cmds.Start(cmd) }

func (r *rig) pump() { r.cmds.Pump(r.deliver) }

func (r *rig) settle(d time.Duration) { r.cmds.Settle(d, r.deliver) }

func (r *rig) run(cmd tea.Cmd) {
	r.start(cmd)
	r.settle(time.Second)
}

// press sends keys by name ("enter", "esc", "ctrl+s", "shift+tab") or
// one character, letting each settle.
func (r *rig) press(keys ...string) {
	for _, k := range keys {
		r.send(keyMsg(k))
	}
}

// typ types text a rune at a time, \t as tab and \r as enter, letting
// each settle briefly (a focused input's blink timer never settles).
func (r *rig) typ(text string) {
	for _, c := range text {
		switch c {
		case '\t':
			r.deliver(keyMsg("tab"))
		case '\r':
			r.deliver(keyMsg("enter"))
		default:
			r.deliver(tea.KeyPressMsg{Code: c, Text: string(c)})
		}
		r.settle(20 * time.Millisecond)
	}
}

// burst delivers keys without waiting for anything in between: a fast
// typist, ahead of the database.
func (r *rig) burst(keys ...tea.KeyPressMsg) {
	for _, k := range keys {
		r.deliver(k)
	}
}

// keysOf turns text and named keys into key presses: "{enter}" is a
// named key, anything else is typed.
func keysOf(parts ...string) []tea.KeyPressMsg {
	var out []tea.KeyPressMsg
	for _, p := range parts {
		if name, ok := strings.CutPrefix(p, "{"); ok {
			out = append(out, keyMsg(strings.TrimSuffix(name, "}")))
			continue
		}
		for _, c := range p {
			out = append(out, tea.KeyPressMsg{Code: c, Text: string(c)})
		}
	}
	return out
}

func keyMsg(k string) tea.KeyPressMsg {
	named := map[string]rune{"enter": tea.KeyEnter, "esc": tea.KeyEscape, "up": tea.KeyUp, "down": tea.KeyDown,
		"tab": tea.KeyTab, "backspace": tea.KeyBackspace, "left": tea.KeyLeft, "right": tea.KeyRight}
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

// opens waits up to 10 s for the screen to have asked for n documents
// to open on other screens.
func (r *rig) opens(n int) {
	r.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for len(r.opened) < n && time.Now().Before(deadline) {
		r.settle(50 * time.Millisecond)
	}
}

func (r *rig) view() string { return ansi.Strip(r.s.View()) }

func (r *rig) lastStatus() common.StatusMsg {
	r.settle(time.Second)
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

func (r *rig) mustNotShow(texts ...string) {
	r.t.Helper()
	r.settle(time.Second)
	v := r.view()
	for _, s := range texts {
		if strings.Contains(v, s) {
			r.t.Fatalf("screen shows %q:\n%s", s, v)
		}
	}
}

// count is how many open inquiries the database holds.
func (r *rig) count() int {
	r.t.Helper()
	rows, err := r.eng.Desk(r.clerk).OpenInquiries(r.ctx, store.Page{Limit: 500})
	if err != nil {
		r.t.Fatal(err)
	}
	return len(rows)
}

// changed is the feed's word that an inquiry changed.
func changed(id int64) common.ChangedMsg {
	return common.ChangedMsg{Change: workflow.Change{Kind: store.InquiryKind, ID: id}}
}

// commonNew is what the root sends on N.
func commonNew() common.NewMsg { return common.NewMsg{Screen: "screen.inquiries"} }
