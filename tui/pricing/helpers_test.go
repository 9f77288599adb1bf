package pricing

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

// clock is when the test data is made; the screen looks at it two hours
// later, so ages read "2h" whatever the machine's date.
var clock = time.Date(2026, 11, 26, 1, 30, 0, 0, time.UTC)

func screenNow() time.Time { return clock.Add(2 * time.Hour) }

// rig is the Pricing screen over a fresh database, driven the way the
// root drives it: Update with a message; the commands it returns run in
// goroutines and their messages come back to Update in arrival order;
// the change feed arrives as common.ChangedMsg, as the root forwards it.
// Assertions that wait on the database poll, so a slow machine makes a
// test slower, not red.
type rig struct {
	t                       *testing.T
	ctx                     context.Context
	st                      *store.Store
	eng                     *workflow.Engine
	clerk, boss, buyer, rep store.User
	cust, other             int64 // customers: the rep's, and one of nobody's
	c                       *common.Common
	s                       *Screen
	status                  []common.StatusMsg
	cmds                    *cmdrun.Runner
	mu                      sync.Mutex
	now                     time.Time
}

func newRig(t *testing.T) *rig {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	r := &rig{t: t, ctx: ctx, st: st, cmds: cmdrun.NewRunner(4096), now: clock}
	st.Now = r.tick
	eng, err := workflow.New(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	eng.SetLocation(time.UTC)
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
	r.boss = add("zhao", "赵主管", workflow.Supervisor)
	r.buyer = add("sun", "孙采购", workflow.Purchasing)
	r.rep = add("liu", "刘销售", workflow.SalesRep)
	d := eng.Desk(r.clerk)
	for _, in := range []workflow.ProductInput{
		{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t"},
		{Grade: "Q345B", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t"},
		{Grade: "45#", Name: "圆钢", Spec: "Φ50", Unit: "t"},
		{Grade: "20#", Name: "无缝钢管", Spec: "219×8", Unit: "t"},
		{Grade: "304", Name: "不锈钢板", Spec: "2.0×1219×2438", Unit: "kg"},
	} {
		if _, err := d.SaveProduct(ctx, store.Product{}, in); err != nil {
			t.Fatal(err)
		}
	}
	r.cust = r.customer("鞍山恒达重工机械有限公司", r.rep.ID)
	r.other = r.customer("大连造船厂", 0)
	// The change feed, as the root forwards it.
	ch, stop := eng.Feed().Subscribe()
	t.Cleanup(stop)
	go func() {
		for c := range ch {
			r.cmds.Inbox <- common.ChangedMsg{Change: c}
		}
	}()
	return r
}

// tick is the store's clock: a second further at each call.
func (r *rig) tick() time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.now = r.now.Add(time.Second)
	return r.now
}

// at sets the store's clock.
func (r *rig) at(t time.Time) {
	r.mu.Lock()
	r.now = t
	r.mu.Unlock()
}

func (r *rig) customer(name string, rep int64) int64 {
	r.t.Helper()
	id, _, err := r.eng.Desk(r.clerk).CreateCustomer(r.ctx, workflow.CustomerInput{Name: name, PaymentTerms: store.TermsPrepaid, RepID: rep})
	if err != nil {
		r.t.Fatal(err)
	}
	return id
}

func (r *rig) must(err error) {
	r.t.Helper()
	if err != nil {
		r.t.Fatal(err)
	}
}

func line(grade, name, spec, qty, unit string) workflow.LineInput {
	return workflow.LineInput{Grade: grade, Name: name, Spec: spec, Quantity: qty, Unit: unit}
}

// quote drafts, as the clerk, the quote of a new inquiry of cust.
func (r *rig) quote(cust int64, lines ...workflow.LineInput) int64 {
	r.t.Helper()
	d := r.eng.Desk(r.clerk)
	in, err := d.NewInquiryInput(r.ctx, cust)
	r.must(err)
	in.Lines = lines
	inq, _, err := d.CreateInquiry(r.ctx, in)
	r.must(err)
	q, err := d.CreateQuote(r.ctx, inq)
	r.must(err)
	return q
}

// priceAll prices a quote's lines in order through the Desk.
func (r *rig) priceAll(q int64, prices ...string) {
	r.t.Helper()
	d := r.eng.Desk(r.clerk)
	for i, p := range prices {
		qd, err := d.Quote(r.ctx, q)
		r.must(err)
		r.must(d.PriceLine(r.ctx, q, qd.Version, qd.Quote.Lines[i].ID, p))
	}
}

// sent takes a priced quote through submit, approval and sending.
func (r *rig) sent(q int64) {
	r.t.Helper()
	r.must(r.eng.Desk(r.clerk).SubmitQuote(r.ctx, q, 0))
	r.must(r.eng.Desk(r.boss).Act(r.ctx, q, workflow.ActionApprove, ""))
	r.must(r.eng.Desk(r.clerk).Act(r.ctx, q, workflow.ActionMarkSent, ""))
}

func (r *rig) detail(q int64) workflow.QuoteDetail {
	r.t.Helper()
	qd, err := r.eng.Desk(r.clerk).Quote(r.ctx, q)
	r.must(err)
	return qd
}

// open (re)builds the screen for user u.
func (r *rig) open(u store.User, lang string) {
	cat := i18n.Catalog{Lang: i18n.Resolve(lang, "")}
	r.c = &common.Common{Ctx: r.ctx, Desk: r.eng.Desk(u), Cat: cat, Styles: common.NewStyles(true),
		Keys: common.NewKeyMap(cat), DBPath: "t.db", Now: screenNow, FollowUpDays: workflow.DefaultFollowUpDays}
	r.s = New(r.c)
	r.s.SetSize(120, 37)
	r.run(r.s.Init())
}

// show opens quote q as the Inquiries screen does, and waits until it
// and its first line's price context are on screen.
func (r *rig) show(q int64) {
	r.t.Helper()
	r.send(common.OpenMsg{Screen: ScreenKey, DocID: q})
	deadline := time.Now().Add(10 * time.Second)
	for !(r.s.d.loaded && r.s.d.id == q && (r.s.d.pc != nil || r.s.d.pcErr != nil || len(r.s.lines()) == 0)) {
		if time.Now().After(deadline) {
			r.t.Fatalf("quote %d never opened:\n%s", q, r.view())
		}
		time.Sleep(5 * time.Millisecond)
		r.pump()
	}
}

func (r *rig) send(msg tea.Msg) {
	r.deliver(msg)
	r.settle(300 * time.Millisecond)
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
	r.settle(time.Second)
}

// press sends keys by name: "enter", "esc", "down", or one character.
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

// mustStatus waits for a status message containing text.
func (r *rig) mustStatus(text string) common.StatusMsg {
	r.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		r.pump()
		for _, st := range r.status {
			if strings.Contains(st.Text, text) {
				return st
			}
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("no status %q; got %+v\n%s", text, r.status, r.view())
		}
		time.Sleep(10 * time.Millisecond)
	}
}
