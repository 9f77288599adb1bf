package workflow

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"orderdesk/store"
)

// yingkou is a lead from an exhibition: a Yingkou machinery works that
// may buy plate and round bar.
func yingkou() LeadInput {
	return LeadInput{Name: "营口新港机械制造有限公司", Contact: "孙经理", Phone: "0417-2881234", Source: "exhibition",
		Grades: "Q235B、45#", Specs: "20×1500×6000", Tonnes: "30", NextStep: "电话回访", NextOn: "2026-11-05"}
}

func (p *pfix) lead(by store.User, in LeadInput) int64 {
	p.t.Helper()
	id, _, err := p.e.Desk(by).CreateLead(p.ctx, in)
	p.must(err)
	return id
}

// A lead moves new → contacted → interested → quoted → won (once it is a
// customer file) or lost (with the reason), forward only; a sales rep
// moves only their own leads; the desk moves any.
func TestLeadStages(t *testing.T) {
	p := newPricing(t)
	mine := p.lead(p.rep, yingkou())
	other := yingkou()
	other.Name, other.Phone, other.Mnemonic = "盘锦辽河石油装备公司", "0427-7801234", ""
	lost := p.lead(p.rep, other)
	steps := []struct {
		name    string
		by      store.User
		doc     int64
		action  string
		comment string
		want    Code
		status  string
	}{
		{"another rep cannot move it", p.rep2, mine, ActionContact, "", NotYourLead, "new"},
		{"the owner has reached it", p.rep, mine, ActionContact, "", "", "contacted"},
		{"never back a stage", p.rep, mine, ActionContact, "", NoSuchTransition, "contacted"},
		{"the desk moves any lead", p.clerk, mine, ActionInterest, "", "", "interested"},
		{"won only as a customer", p.rep, mine, ActionWin, "", LeadNotConverted, "interested"},
		{"a warehouse user does not work leads", p.wh, mine, ActionQuoted, "", RoleNotAllowed, "interested"},
		{"quoted", p.rep, mine, ActionQuoted, "", "", "quoted"},
		{"lost needs the reason", p.rep, lost, ActionLose, "", CommentRequired, "new"},
		{"a stage may be skipped", p.rep, lost, ActionQuoted, "", "", "quoted"},
		{"lost with the reason", p.rep, lost, ActionLose, "价格高于本地经销商", "", "lost"},
		{"a lost lead stays lost", p.boss, lost, ActionContact, "", NoSuchTransition, "lost"},
	}
	for _, s := range steps {
		err := p.e.Desk(s.by).Act(p.ctx, s.doc, s.action, s.comment)
		switch {
		case s.want == "" && err != nil:
			t.Errorf("%s: %v", s.name, err)
		case s.want != "" && !refusedWith(err, s.want):
			t.Errorf("%s: got %v, want %s", s.name, err, s.want)
		}
		if got := p.status(s.doc); got != s.status {
			t.Errorf("%s: status %s, want %s", s.name, got, s.status)
		}
	}
	l, err := p.e.Desk(p.rep).Lead(p.ctx, lost)
	p.must(err)
	if l.Reason != "价格高于本地经销商" {
		t.Errorf("a lost lead keeps its reason: got %q", l.Reason)
	}
	if err := p.e.Desk(p.rep).LogLeadContact(p.ctx, lost, LeadContactInput{Note: "再打一次"}); !refusedWith(err, LeadClosed) {
		t.Errorf("a call was logged on a lost lead: %v", err)
	}
}

// A lead becomes a customer file in one step; terms other than prepaid
// still wait for a second person's sign-off, and the lead is won only
// then; it becomes an inquiry for that customer, a line per grade.
func TestLeadConversion(t *testing.T) {
	p := newPricing(t)
	id := p.lead(p.rep, yingkou())
	if _, _, err := p.e.Desk(p.rep).ConvertLeadToInquiry(p.ctx, id); !refusedWith(err, LeadNoCustomer) {
		t.Errorf("an inquiry before the customer file: %v", err)
	}
	in, err := p.e.Desk(p.rep).LeadCustomerInput(p.ctx, id)
	p.must(err)
	if in.Name != "营口新港机械制造有限公司" || in.Phone != "0417-2881234" || in.RepID != p.rep.ID || in.UsualGrades != "Q235B、45#" {
		t.Errorf("the customer form from the lead: %+v", in)
	}
	in.PaymentTerms, in.TermsDays, in.CreditLimit, in.TermsWhy = store.TermsMonthly, "30", "200000", "展会老客户介绍"
	cust, termsDoc, err := p.e.Desk(p.rep).ConvertLeadToCustomer(p.ctx, id, in)
	p.must(err)
	if termsDoc == 0 || p.status(termsDoc) != "submitted" {
		t.Fatalf("monthly terms from a lead wait for review: doc %d", termsDoc)
	}
	f, err := p.e.Desk(p.clerk).CustomerFile(p.ctx, cust)
	p.must(err)
	if f.PaymentTerms != store.TermsPrepaid || f.CreditLimit != 0 {
		t.Errorf("terms applied before their sign-off: %s %v", f.PaymentTerms, f.CreditLimit)
	}
	if err := p.e.Desk(p.rep).Act(p.ctx, termsDoc, ActionApprove, ""); !refusedWith(err, RoleNotAllowed) && !refusedWith(err, MakerCannotSignOff) {
		t.Errorf("the converting rep signed the terms off: %v", err)
	}
	p.must(p.e.Desk(p.boss).Act(p.ctx, termsDoc, ActionApprove, ""))
	if _, _, err := p.e.Desk(p.rep).ConvertLeadToCustomer(p.ctx, id, in); !refusedWith(err, LeadConverted) {
		t.Errorf("a lead made a second customer file: %v", err)
	}
	inq, _, err := p.e.Desk(p.rep).ConvertLeadToInquiry(p.ctx, id)
	p.must(err)
	q, err := p.e.Desk(p.rep).Inquiry(p.ctx, inq)
	p.must(err)
	if q.Inquiry.CustomerID != cust || len(q.Inquiry.Lines) != 2 || q.Inquiry.Lines[1].Grade != "45#" || q.Inquiry.Lines[0].Qty != 30000 {
		t.Errorf("the inquiry from the lead: customer %d, lines %+v", q.Inquiry.CustomerID, q.Inquiry.Lines)
	}
	p.must(p.e.Desk(p.rep).Act(p.ctx, id, ActionWin, ""))
	l, err := p.e.Desk(p.rep).Lead(p.ctx, id)
	p.must(err)
	if l.Status != "won" || l.CustomerID != cust || l.InquiryID != inq || l.InquiryRef == "" {
		t.Errorf("the won lead's links: %+v", l)
	}
}

// A lead is matched against customer files and open leads by name (or
// short name), phone and 助记码: name and phone refuse it at the field,
// naming what it matches; a shared 助记码 only warns.
func TestLeadDuplicates(t *testing.T) {
	p := newPricing(t)
	_, _, err := p.e.Desk(p.clerk).CreateCustomer(p.ctx, CustomerInput{Name: "鞍山宏达钢构有限公司", ShortName: "宏达钢构",
		Phone: "0412-5551234", PaymentTerms: store.TermsPrepaid})
	p.must(err)
	first := p.lead(p.rep, yingkou())
	cases := []struct {
		name  string
		edit  func(*LeadInput)
		field string
		code  FieldCode
		warn  bool // saved, with the warning
	}{
		{"a customer's name", func(in *LeadInput) { in.Name = " 鞍山宏达钢构有限公司 " }, FName, DuplicateCustomer, false},
		{"a customer's short name", func(in *LeadInput) { in.Name = "宏达钢构" }, FName, DuplicateCustomer, false},
		{"a customer's phone written otherwise", func(in *LeadInput) { in.Phone = "(0412) 555 1234" }, FPhone, DuplicateCustomer, false},
		{"an open lead's name", func(in *LeadInput) { in.Name = "营口新港机械制造有限公司" }, FName, DuplicateLead, false},
		{"an open lead's phone", func(in *LeadInput) { in.Phone = "0417 2881234" }, FPhone, DuplicateLead, false},
		{"a customer's 助记码", func(in *LeadInput) { in.Name = "阿山宏达钢构有限公司" }, FName, SameMnemonic, true},
		{"a lead's typed 助记码", func(in *LeadInput) { in.Mnemonic = "ykxgjxzzyxgs" }, FName, SameMnemonic, true},
	}
	for i, c := range cases {
		in := LeadInput{Name: "抚顺新钢铁有限公司" + strings.Repeat("分", i), Phone: "024-5300000" + string(rune('0'+i)), Source: "phone"}
		c.edit(&in)
		matches, err := p.e.Desk(p.rep).LeadMatches(p.ctx, in, 0)
		p.must(err)
		if len(matches) == 0 {
			t.Errorf("%s: no match pointed out before saving", c.name)
		}
		_, warn, err := p.e.Desk(p.rep).CreateLead(p.ctx, in)
		errs, _ := err.(FieldErrors)
		switch {
		case c.warn && (err != nil || warn.For(c.field) == nil || warn.For(c.field).Code != c.code):
			t.Errorf("%s: got %v, warnings %v", c.name, err, warn)
		case !c.warn && (errs.For(c.field) == nil || errs.For(c.field).Code != c.code || errs.For(c.field).Want == ""):
			t.Errorf("%s: got %v, want %s at %s naming the match", c.name, err, c.code, c.field)
		}
	}
	// Editing a lead does not match it against itself; a lost lead no
	// longer blocks its name.
	_, err = p.e.Desk(p.rep).UpdateLead(p.ctx, first, 0, yingkou())
	p.must(err)
	p.must(p.e.Desk(p.rep).Act(p.ctx, first, ActionLose, "已从别家采购"))
	p.lead(p.rep, yingkou())
	// Nothing half saved: the refused ones left no lead behind.
	ls, err := p.e.Desk(p.clerk).Leads(p.ctx, LeadFilter{})
	p.must(err)
	if len(ls) != 4 {
		t.Errorf("%d leads, want 4 (two warned, the first and its successor)", len(ls))
	}
}

// What a lead form refuses, at the field: no way to reach it, a source
// not on the list, a day that is no day, tonnes that are no number.
func TestLeadBadInput(t *testing.T) {
	p := newPricing(t)
	cases := []struct {
		name  string
		edit  func(*LeadInput)
		field string
		code  FieldCode
	}{
		{"no way to reach it", func(in *LeadInput) { in.Phone, in.Email, in.IM = "", "", " " }, FPhone, NoWayToReach},
		{"no name", func(in *LeadInput) { in.Name = " " }, FName, Required},
		{"a source not on the list", func(in *LeadInput) { in.Source = "fax" }, FSource, InvalidChoice},
		{"a bad e-mail", func(in *LeadInput) { in.Email = "sun@" }, FEmail, InvalidEmail},
		{"tonnes that are no number", func(in *LeadInput) { in.Tonnes = "三十" }, FTonnes, NotANumber},
		{"a day that is no day", func(in *LeadInput) { in.NextOn = "2026-13-40" }, FNextOn, InvalidDate},
		{"a next step already gone", func(in *LeadInput) { in.NextOn = "2026-11-01" }, FNextOn, DateInPast},
		{"a day with no step", func(in *LeadInput) { in.NextStep = " " }, FNextStep, Required},
	}
	for _, c := range cases {
		in := yingkou()
		c.edit(&in)
		_, _, err := p.e.Desk(p.rep).CreateLead(p.ctx, in)
		errs, _ := err.(FieldErrors)
		if fe := errs.For(c.field); fe == nil || fe.Code != c.code {
			t.Errorf("%s: got %v, want %s at %s", c.name, err, c.code, c.field)
		}
	}
	in := yingkou()
	in.Phone, in.IM = "", "wx: ykxg2026"
	p.lead(p.rep, in) // QQ/WeChat alone reaches it
	id := p.lead(p.rep2, LeadInput{Name: "丹东港机械厂", Email: "buy@dgjx.cn", Source: "email"})
	for _, c := range []struct {
		name  string
		in    LeadContactInput
		field string
		code  FieldCode
	}{
		{"a call with nothing said", LeadContactInput{NextStep: "报价", NextOn: "2026-11-09"}, FNote, Required},
		{"a next step already gone", LeadContactInput{Note: "已接通", NextStep: "报价", NextOn: "2026-11-01"}, FNextOn, DateInPast},
		{"a day with no step", LeadContactInput{Note: "已接通", NextOn: "2026-11-09"}, FNextStep, Required},
		{"a channel not on the list", LeadContactInput{Channel: "fax", Note: "已发"}, FContactWay, InvalidChoice},
	} {
		err := p.e.Desk(p.rep2).LogLeadContact(p.ctx, id, c.in)
		errs, _ := err.(FieldErrors)
		if fe := errs.For(c.field); fe == nil || fe.Code != c.code {
			t.Errorf("%s: got %v, want %s at %s", c.name, err, c.code, c.field)
		}
	}
	if err := p.e.Desk(p.rep).LogLeadContact(p.ctx, id, LeadContactInput{Note: "打过去了"}); !refusedWith(err, NotYourLead) {
		t.Errorf("a rep logged a call on another rep's lead: %v", err)
	}
}

// A lead whose next step's day has passed waits in its owner's inbox
// (nobody else's) from the day after, and leaves it when a call sets
// the next step, or when it is lost.
func TestLeadTasksComeAndGoOnTheirDay(t *testing.T) {
	p := newPricing(t)
	id := p.lead(p.rep, yingkou()) // next step on 2026-11-05
	other := p.lead(p.rep2, LeadInput{Name: "丹东港机械厂", Email: "buy@dgjx.cn", Source: "email", NextStep: "寄样本", NextOn: "2026-11-04"})
	day := func(d int) { p.at(time.Date(2026, 11, d, 9, 0, 0, 0, cst)) }
	tasks := func(u store.User) []LeadTask {
		t.Helper()
		ts, err := p.e.Desk(u).MyLeadTasks(p.ctx)
		p.must(err)
		return ts
	}
	day(5)
	if ts := tasks(p.rep); len(ts) != 0 {
		t.Errorf("on its own day the step is not yet overdue: %+v", ts)
	}
	day(6)
	ts := tasks(p.rep)
	if len(ts) != 1 || ts[0].DocID != id || ts[0].Overdue != 1 {
		t.Fatalf("the day after, in the owner's inbox one day late: %+v", ts)
	}
	if ts := tasks(p.clerk); len(ts) != 0 {
		t.Errorf("another's lead in the clerk's inbox: %+v", ts)
	}
	if ts := tasks(p.rep2); len(ts) != 1 || ts[0].DocID != other || ts[0].Overdue != 2 {
		t.Errorf("rep2's own overdue lead: %+v", ts)
	}
	p.must(p.e.Desk(p.rep).LogLeadContact(p.ctx, id, LeadContactInput{Note: "孙经理出差", NextStep: "下周再打", NextOn: "2026-11-10"}))
	if ts := tasks(p.rep); len(ts) != 0 {
		t.Errorf("a call setting the next step leaves it in the inbox: %+v", ts)
	}
	day(11)
	if ts := tasks(p.rep); len(ts) != 1 {
		t.Errorf("the new step's day passed: %+v", ts)
	}
	p.must(p.e.Desk(p.rep).Act(p.ctx, id, ActionLose, "项目取消"))
	if ts := tasks(p.rep); len(ts) != 0 {
		t.Errorf("a lost lead stays in the inbox: %+v", ts)
	}
	l, err := p.e.Desk(p.rep).Lead(p.ctx, id)
	p.must(err)
	if len(l.Contacts) != 1 || l.Contacts[0].NextOn != "2026-11-10" || l.NextStep != "下周再打" {
		t.Errorf("the log: %+v, next %q", l.Contacts, l.NextStep)
	}
}

// A sales rep sees their own leads; the desk and supervisors see all.
func TestWhoSeesLeads(t *testing.T) {
	p := newPricing(t)
	mine := p.lead(p.rep, yingkou())
	p.lead(p.rep2, LeadInput{Name: "丹东港机械厂", Email: "buy@dgjx.cn", Source: "email"})
	byDesk := p.lead(p.clerk, LeadInput{OwnerID: p.rep.ID, Name: "本溪钢管厂", Phone: "024-4455667", Source: "referral"})
	for _, c := range []struct {
		who  store.User
		want int
	}{{p.rep, 2}, {p.rep2, 1}, {p.clerk, 3}, {p.boss, 3}} {
		ls, err := p.e.Desk(c.who).Leads(p.ctx, LeadFilter{})
		p.must(err)
		if len(ls) != c.want {
			t.Errorf("%s sees %d leads, want %d", c.who.Login, len(ls), c.want)
		}
	}
	if _, err := p.e.Desk(p.rep2).Lead(p.ctx, mine); !refusedWith(err, NotYourLead) {
		t.Errorf("a rep opened another's lead: %v", err)
	}
	if _, _, err := p.e.Desk(p.rep2).CreateLead(p.ctx, LeadInput{OwnerID: p.rep.ID, Name: "x", Phone: "13800000000", Source: "phone"}); !refusedWith(err, NotYourLead) {
		t.Errorf("a rep entered a lead for another: %v", err)
	}
	if _, err := p.e.Desk(p.wh).Leads(p.ctx, LeadFilter{}); !refusedWith(err, RoleNotAllowed) {
		t.Errorf("the warehouse listed leads: %v", err)
	}
	ls, err := p.e.Desk(p.boss).Leads(p.ctx, LeadFilter{Text: "bxggc"})
	p.must(err)
	if len(ls) != 1 || ls[0].DocID != byDesk || ls[0].OwnerID != p.rep.ID {
		t.Errorf("filtered by 助记码: %+v", ls)
	}
}

// The database refuses what the workflow refuses, whoever writes.
func TestLeadRulesHoldInTheDatabase(t *testing.T) {
	p := newPricing(t)
	id := p.lead(p.rep, yingkou())
	db := p.rawDB(t)
	move := `INSERT INTO transitions(doc_id, action, from_status, to_status, actor_id, signoff, comment, at)
		VALUES (?, ?, 'new', ?, ?, 0, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))`
	for _, c := range []struct {
		name          string
		action, to    string
		by            int64
		comment, want string
	}{
		{"lost without the reason", ActionLose, "lost", p.rep.ID, " ", "comment_required"},
		{"won before a customer file", ActionWin, "won", p.clerk.ID, "", "lead_not_converted"},
		{"moved by another rep", ActionContact, "contacted", p.rep2.ID, "", "not_your_lead"},
		{"a move not declared", ActionContact, "quoted", p.rep.ID, "", "no_such_transition"},
	} {
		if _, err := db.Exec(move, id, c.action, c.to, c.by, c.comment); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s by SQL: got %v, want %s", c.name, err, c.want)
		}
	}
	for _, c := range []struct{ sql, want string }{
		{`INSERT INTO lead_contacts(doc_id, channel, note, created_at, updated_at, updated_by) VALUES (?, 'call', 'x', '', '', ` + itoa(int(p.rep2.ID)) + `)`, "not_your_lead"},
		{`UPDATE leads SET phone = '', email = '', im = '' WHERE doc_id = ?`, "CHECK"},
		{`DELETE FROM leads WHERE doc_id = ?`, "no_delete"},
	} {
		if _, err := db.Exec(c.sql, id); err == nil || !strings.Contains(err.Error(), c.want) && !(c.want == "CHECK" && checkRefused(err)) {
			t.Errorf("%s: got %v, want %s", c.sql, err, c.want)
		}
	}
	p.must(p.e.Desk(p.rep).Act(p.ctx, id, ActionLose, "没有需求"))
	for _, c := range []struct{ sql, want string }{
		{`UPDATE leads SET notes = 'x' WHERE doc_id = ?`, "not_editable"},
		{`INSERT INTO lead_contacts(doc_id, channel, note, created_at, updated_at, updated_by) VALUES (?, 'call', 'x', '', '', ` + itoa(int(p.rep.ID)) + `)`, "not_editable"},
	} {
		if _, err := db.Exec(c.sql, id); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("on a lost lead, %s: got %v, want %s", c.sql, err, c.want)
		}
	}
	var audited int
	if err := db.QueryRow(`SELECT count(*) FROM audit_log WHERE tbl = 'leads' AND row_id = (SELECT id FROM leads WHERE doc_id = ?)`, id).Scan(&audited); err != nil || audited == 0 {
		t.Errorf("the lead left no audit record: %d %v", audited, err)
	}
}

// Leads by source and stage, with conversion and time to win, add up
// to their totals.
func TestLeadStatistics(t *testing.T) {
	p := newPricing(t)
	a := p.lead(p.rep, yingkou())
	p.lead(p.rep, LeadInput{Name: "丹东港机械厂", Email: "buy@dgjx.cn", Source: "email"})
	c := p.lead(p.rep2, LeadInput{Name: "本溪钢管厂", Phone: "024-4455667", Source: "exhibition"})
	in, err := p.e.Desk(p.rep).LeadCustomerInput(p.ctx, a)
	p.must(err)
	_, _, err = p.e.Desk(p.rep).ConvertLeadToCustomer(p.ctx, a, in)
	p.must(err)
	p.at(p.now.Add(72 * time.Hour))
	p.must(p.e.Desk(p.rep).Act(p.ctx, a, ActionWin, ""))
	p.must(p.e.Desk(p.rep2).Act(p.ctx, c, ActionLose, "太远"))
	rows, total, err := p.e.Desk(p.boss).LeadStatistics(p.ctx)
	p.must(err)
	if len(rows) != 2 || rows[0].Source != "exhibition" || rows[1].Source != "email" {
		t.Fatalf("rows by source in order: %+v", rows)
	}
	ex := rows[0]
	if ex.Leads != 2 || ex.Won != 1 || ex.Lost != 1 || ex.ConversionPermille() != 500 || ex.ClosedWinPermille() != 500 || ex.WinDaysTenths() != 30 {
		t.Errorf("exhibition: %+v, %d‰, %d tenths of a day", ex, ex.ConversionPermille(), ex.WinDaysTenths())
	}
	if total.Leads != 3 || total.ByStage["new"] != 1 || total.Won != 1 || total.ConversionPermille() != 333 || total.Open() != 1 {
		t.Errorf("totals: %+v", total)
	}
	rows, total, err = p.e.Desk(p.rep2).LeadStatistics(p.ctx)
	p.must(err)
	if len(rows) != 1 || total.Leads != 1 || total.Lost != 1 {
		t.Errorf("a rep counts their own leads: %+v %+v", rows, total)
	}
}

// One save says everything wrong at once: the name of a customer on
// file beside a lead no one can reach.
func TestLeadDuplicateAndBadInputTogether(t *testing.T) {
	p := newPricing(t)
	_, _, err := p.e.Desk(p.rep).CreateLead(p.ctx, LeadInput{Name: "沈阳重型机械有限公司", Source: "phone"})
	errs, _ := err.(FieldErrors)
	if errs.For(FName) == nil || errs.For(FName).Code != DuplicateCustomer || errs.For(FPhone) == nil || errs.For(FPhone).Code != NoWayToReach {
		t.Errorf("got %v", err)
	}
}

// An edit that names no owner leaves the lead whose it is; the desk
// gives it to a rep by naming them.
func TestLeadEditKeepsItsOwner(t *testing.T) {
	p := newPricing(t)
	id := p.lead(p.rep, yingkou())
	in := yingkou()
	in.Notes = "要现货"
	_, err := p.e.Desk(p.clerk).UpdateLead(p.ctx, id, 0, in)
	p.must(err)
	l, err := p.e.Desk(p.clerk).Lead(p.ctx, id)
	p.must(err)
	if l.OwnerID != p.rep.ID || l.Notes != "要现货" {
		t.Errorf("after the desk's edit: owner %d, notes %q", l.OwnerID, l.Notes)
	}
	in.OwnerID = p.rep2.ID
	_, err = p.e.Desk(p.clerk).UpdateLead(p.ctx, id, 0, in)
	p.must(err)
	if l, _ := p.e.Desk(p.clerk).Lead(p.ctx, id); l.OwnerID != p.rep2.ID {
		t.Errorf("the desk gave it to rep2: owner %d", l.OwnerID)
	}
	if _, err := p.e.Desk(p.rep).UpdateLead(p.ctx, id, 0, in); !refusedWith(err, NotYourLead) {
		t.Errorf("the first rep edited the lead given away: %v", err)
	}
}

// checkRefused says whether err is a table's CHECK refusing a row in
// PostgreSQL's words (SQLite's say "CHECK constraint failed").
func checkRefused(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23514"
}

// An overdue lead keeps its next step's day through an edit of anything
// else; a new day already gone is refused at the field.
func TestOverdueLeadKeepsItsDayThroughAnEdit(t *testing.T) {
	p := newPricing(t)
	id := p.lead(p.rep, yingkou()) // next on 2026-11-05
	p.at(time.Date(2026, 11, 10, 1, 0, 0, 0, time.UTC))
	in := yingkou()
	in.Contact = "孙总"
	if _, err := p.e.Desk(p.rep).UpdateLead(p.ctx, id, 0, in); err != nil {
		t.Fatalf("an overdue lead's edit: %v", err)
	}
	in.NextOn = "2026-11-06"
	_, err := p.e.Desk(p.rep).UpdateLead(p.ctx, id, 0, in)
	if errs, _ := err.(FieldErrors); errs.For(FNextOn) == nil || errs.For(FNextOn).Code != DateInPast {
		t.Fatalf("a new day already gone: %v", err)
	}
}
