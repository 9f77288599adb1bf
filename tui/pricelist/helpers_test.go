package pricelist

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"charm.land/bubbles/v2/cursor"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
)

// clock is the time screen tests run at.
var clock = time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)

// rig is one screen over a fresh database, driven the way the root
// drives it: Update with a message; the commands it returns run in
// goroutines and their messages come back, in arrival order, to Update.
// Assertions that wait on the database poll (mustShow), so a slow
// machine makes a test slower, not red.
type rig struct {
	t                *testing.T
	ctx              context.Context
	eng              *workflow.Engine
	clerk, rep, boss store.User
	buyer            store.User
	c                *common.Common
	s                *Screen
	status           []common.StatusMsg
	inbox            chan tea.Msg
	pending          atomic.Int64 // commands still running
}

func newRig(t *testing.T) *rig {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	st.Now = func() time.Time { return clock }
	eng, err := workflow.New(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	sys, _ := eng.SystemUser(ctx)
	add := func(login, name string, roles ...workflow.Role) store.User {
		u, err := eng.AddUser(ctx, sys, login, name, "", roles)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	r := &rig{t: t, ctx: ctx, eng: eng, inbox: make(chan tea.Msg, 1024)}
	r.clerk = add("wangli", "王丽", workflow.Clerk)
	r.rep = add("liu", "刘强", workflow.SalesRep)
	r.boss = add("zhao", "赵主管", workflow.Supervisor)
	r.buyer = add("sun", "孙采购", workflow.Purchasing)
	return r
}

// open (re)builds the screen for user u, loading its first page.
func (r *rig) open(u store.User, lang string, height int) {
	cat := i18n.Catalog{Lang: i18n.Resolve(lang, "")}
	r.c = &common.Common{Ctx: r.ctx, Desk: r.eng.Desk(u), Cat: cat, Styles: common.NewStyles(true),
		Keys: common.NewKeyMap(cat), DBPath: "t.db", Now: func() time.Time { return clock }}
	r.s = New(r.c)
	r.s.SetSize(120, height)
	r.run(r.s.Init())
}

// send updates the screen with msg and lets what follows from it settle.
func (r *rig) send(msg tea.Msg) {
	r.deliver(msg)
	r.settle(200 * time.Millisecond)
}

func (r *rig) deliver(msg tea.Msg) {
	if st, ok := msg.(common.StatusMsg); ok {
		r.status = append(r.status, st)
		return
	}
	_, cmd := r.s.Update(msg)
	r.start(cmd)
}

// start runs cmd in a goroutine, as the program does, posting its
// message to the inbox. A cursor's blink is dropped: fed back it would
// tick for ever.
func (r *rig) start(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	r.pending.Add(1)
	go func() {
		defer r.pending.Add(-1)
		msg := cmd()
		switch m := msg.(type) {
		case nil, cursor.BlinkMsg:
		case tea.BatchMsg:
			for _, c := range m {
				r.start(c)
			}
		default:
			// tea.Sequence's message is an unexported []tea.Cmd.
			if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
				for i := range v.Len() {
					r.start(v.Index(i).Interface().(tea.Cmd))
				}
				return
			}
			r.inbox <- msg
		}
	}()
}

// pump delivers whatever has arrived.
func (r *rig) pump() {
	for {
		select {
		case msg := <-r.inbox:
			r.deliver(msg)
		default:
			return
		}
	}
}

// settle waits up to d for running commands (a blinking cursor's timer
// never finishes sooner) and delivers their messages.
func (r *rig) settle(d time.Duration) {
	deadline := time.Now().Add(d)
	for {
		r.pump()
		if r.pending.Load() == 0 && len(r.inbox) == 0 || time.Now().After(deadline) {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// press sends keys by name: "enter", "esc", "ctrl+s", or one character.
func (r *rig) press(keys ...string) {
	for _, k := range keys {
		r.send(keyMsg(k))
	}
}

// typ types text a rune at a time, as a terminal sends it, without
// waiting between keys (type-ahead); a tab or a newline in text is the
// tab or enter key.
func (r *rig) typ(text string) {
	for _, c := range text {
		switch c {
		case '\t':
			r.deliver(tea.KeyPressMsg{Code: tea.KeyTab})
		case '\n':
			r.deliver(tea.KeyPressMsg{Code: tea.KeyEnter})
		default:
			r.deliver(tea.KeyPressMsg{Code: c, Text: string(c)})
		}
	}
	r.settle(200 * time.Millisecond)
}

func keyMsg(k string) tea.KeyPressMsg {
	named := map[string]rune{"enter": tea.KeyEnter, "esc": tea.KeyEscape, "up": tea.KeyUp, "down": tea.KeyDown,
		"pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "tab": tea.KeyTab, "backspace": tea.KeyBackspace,
		"left": tea.KeyLeft, "right": tea.KeyRight}
	if k == "shift+tab" {
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	}
	if code, ok := named[k]; ok {
		return tea.KeyPressMsg{Code: code}
	}
	if rest, ok := strings.CutPrefix(k, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: []rune(rest)[0], Mod: tea.ModCtrl}
	}
	c := []rune(k)[0]
	return tea.KeyPressMsg{Code: c, Text: k}
}

// run starts cmd and lets it settle.
func (r *rig) run(cmd tea.Cmd) {
	r.start(cmd)
	r.settle(time.Second)
}

// view is the screen as text.
func (r *rig) view() string { return ansi.Strip(r.s.View()) }

// lastStatus is the latest status-line message.
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

// prices has the clerk propose lines (grade, name, spec, unit, price,
// from) and the supervisor approve them.
func (r *rig) prices(reason string, lines ...workflow.PriceLineInput) int64 {
	r.t.Helper()
	id, _, err := r.eng.Desk(r.clerk).ProposePriceChange(r.ctx, workflow.PriceChangeInput{Reason: reason, Lines: lines})
	if err != nil {
		r.t.Fatal(err)
	}
	if err := r.eng.Desk(r.boss).Act(r.ctx, id, workflow.ActionApprove, ""); err != nil {
		r.t.Fatal(err)
	}
	return id
}

func price(grade, name, spec, unit, p, from string) workflow.PriceLineInput {
	return workflow.PriceLineInput{Grade: grade, Name: name, Spec: spec, Unit: unit, Price: p, ValidFrom: from}
}

// seedPrices lists five products, Chinese names of differing widths.
func (r *rig) seedPrices() {
	for _, in := range []workflow.ProductInput{
		{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t"},
		{Grade: "Q345B", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t"},
		{Grade: "45#", Name: "圆钢", Spec: "Φ50", Unit: "t"},
		{Grade: "304", Name: "不锈钢板", Spec: "2.0×1219×2438", Unit: "kg"},
		{Grade: "Q235B", Name: "焊接钢管", Spec: "48×3.5×6000", Unit: "pcs", UnitWeight: "23.045"},
	} {
		if _, err := r.eng.Desk(r.clerk).SaveProduct(r.ctx, store.Product{}, in); err != nil {
			r.t.Fatal(err)
		}
	}
	r.prices("年度价格表",
		price("Q235B", "热轧钢板", "20×1500×6000", "t", "4150", "2026-11-26"),
		price("Q345B", "热轧钢板", "20×1500×6000", "t", "4380", "2026-11-26"),
		price("45#", "圆钢", "Φ50", "t", "4520.5", "2026-11-26"),
		price("304", "不锈钢板", "2.0×1219×2438", "kg", "16.8", "2026-11-26"),
		price("Q235B", "焊接钢管", "48×3.5×6000", "pcs", "128", "2026-11-26"),
	)
}

// feedAll delivers the change feed's pending announcements, as the root
// does for every started screen.
func (r *rig) feedAll(ch <-chan workflow.Change) {
	for {
		select {
		case c := <-ch:
			r.send(common.ChangedMsg{Change: c})
		case <-time.After(100 * time.Millisecond):
			return
		}
	}
}

func storePage() store.Page { return store.Page{} }

// lineProblems is the row of messages the form shows under a grid line
// (0-based), "" when it has none.
func (r *rig) lineProblems(line int) string {
	lines := strings.Split(r.view(), "\n")
	prefix := fmt.Sprintf("%d.", line+1)
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimLeft(strings.TrimPrefix(l, "▌"), " "), prefix) {
			if i+1 < len(lines) && !strings.Contains(lines[i+1], fmt.Sprintf("%d.", line+2)) {
				return strings.TrimSpace(lines[i+1])
			}
			return ""
		}
	}
	return ""
}
