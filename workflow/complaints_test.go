package workflow

import (
	"errors"
	"testing"
	"time"

	"orderdesk/store"
)

// cfix is the invoicing fixture with a delivery note of the monthly
// customer that left today.
type cfix struct {
	*ifix
	note  int64
	noteR string
}

func newComplaints(t *testing.T) *cfix {
	t.Helper()
	s := newInvoicing(t)
	order := s.signedOrder(s.monthly, oline("Q235B", "热轧钢板", "20×1500×6000", "10", "t", "", "4120"))
	id := s.ship(order)
	return &cfix{ifix: s, note: id, noteR: s.note(s.boss, id).Note.Ref}
}

// record records a complaint of type typ about the fixture's note as u.
func (c *cfix) record(u store.User, typ string) int64 {
	c.t.Helper()
	id, err := c.e.Desk(u).RecordComplaint(c.ctx, ComplaintInput{CustomerID: c.monthly, Concerns: c.noteR, Type: typ, Words: "钢板表面有锈"})
	c.must(err)
	return id
}

func (c *cfix) complaint(id int64) ComplaintView {
	c.t.Helper()
	v, err := c.e.Desk(c.boss).Complaint(c.ctx, id)
	c.must(err)
	return v
}

func TestComplaintRoutedByType(t *testing.T) {
	c := newComplaints(t)
	for _, tc := range []struct {
		typ  string
		role Role
		who  store.User
	}{
		{"quality", Planning, c.planner},
		{"late", Planning, c.planner},
		{"short", Warehouse, c.wh},
		{"damage", Warehouse, c.wh},
		{"wrong_spec", Warehouse, c.wh},
		{"billing", Finance, c.fin},
		{"price", Supervisor, c.boss},
	} {
		t.Run(tc.typ, func(t *testing.T) {
			id := c.record(c.clerk, tc.typ)
			v := c.complaint(id)
			if v.RouteRole != string(tc.role) || v.Status != ComplaintOpen {
				t.Fatalf("routed to %s in %s, want %s open", v.RouteRole, v.Status, tc.role)
			}
			if v.ConcernsRef != c.noteR || v.ConcernsKind != store.DeliveryNoteKind || v.Product != "Q235B 热轧钢板" {
				t.Errorf("concerns %s %s (%s), want the note %s and its goods", v.ConcernsKind, v.ConcernsRef, v.Product, c.noteR)
			}
			if !waiting(t, c, tc.who, id) {
				t.Errorf("%s's complaints to act on miss %s", tc.who.Login, v.Ref)
			}
			if tc.role != Warehouse && waiting(t, c, c.wh, id) {
				t.Errorf("the warehouse is asked to act on a %s complaint", tc.typ)
			}
		})
	}
}

func waiting(t *testing.T, c *cfix, u store.User, id int64) bool {
	t.Helper()
	items, err := c.e.Desk(u).ComplaintsToAct(c.ctx)
	c.must(err)
	for _, x := range items {
		if x.DocID == id {
			return true
		}
	}
	return false
}

// A complaint's life: an action puts it in hand, a resolution sends it
// for sign-off, and its close is refused to its maker and its resolver.
func TestComplaintLife(t *testing.T) {
	c := newComplaints(t)
	id := c.record(c.clerk, "short")
	c.must(c.e.Desk(c.wh).RecordComplaintAction(c.ctx, id, "复磅，少 0.2 吨"))
	v := c.complaint(id)
	if v.Status != ComplaintInHand || len(v.Actions) != 1 || v.Actions[0].By != c.wh.Name || v.Actions[0].At.IsZero() {
		t.Fatalf("after an action: %s %+v", v.Status, v.Actions)
	}
	refused(t, c.e.Desk(c.clerk2).Act(c.ctx, id, ActionResolve, ""), ResolutionMissing)
	err := c.e.Desk(c.clerk2).ResolveComplaint(c.ctx, id, 0, ResolutionInput{Note: "补发"})
	if fe := fieldErrs(t, err).For(FResolution); fe == nil || fe.Code != Required {
		t.Fatalf("resolved with no resolution: %v", err)
	}
	c.must(c.e.Desk(c.clerk2).ResolveComplaint(c.ctx, id, 0, ResolutionInput{Resolution: "replaced", Note: "补发 0.2 吨"}))
	for _, tc := range []struct {
		who  store.User
		code Code
	}{
		{c.clerk, MakerCannotSignOff},
		{c.clerk2, ResolverCannotClose},
		{c.wh, RoleNotAllowed},
	} {
		t.Run(tc.who.Login, func(t *testing.T) {
			refused(t, c.e.Desk(tc.who).Act(c.ctx, id, ActionApprove, ""), tc.code)
			// Opened, the complaint offers none of them the close, and
			// says why before anything is typed.
			dd, err := c.e.Desk(tc.who).Document(c.ctx, id)
			c.must(err)
			for _, a := range dd.Actions {
				if a.Action == ActionApprove {
					t.Fatalf("%s is offered the close", tc.who.Login)
				}
			}
			refused(t, dd.Refused[ActionApprove], tc.code)
		})
	}
	if dd, err := c.e.Desk(c.boss).Document(c.ctx, id); err != nil || dd.Refused[ActionApprove] != nil {
		t.Fatalf("the supervisor is not offered the close: %v %v", err, dd.Refused)
	}
	c.must(c.e.Desk(c.boss).Act(c.ctx, id, ActionApprove, ""))
	v = c.complaint(id)
	if v.Status != ComplaintClosed || v.Resolution != "replaced" || v.ClosedAt.IsZero() || v.FirstAction.IsZero() {
		t.Fatalf("closed: %+v", v.ComplaintRow)
	}
	refused(t, c.e.Desk(c.wh).RecordComplaintAction(c.ctx, id, "再看"), NoSuchTransition)
}

// Only its maker withdraws a complaint recorded by mistake, and only
// before anything was done about it.
func TestComplaintWithdrawn(t *testing.T) {
	c := newComplaints(t)
	id := c.record(c.clerk, "service")
	refused(t, c.e.Desk(c.clerk2).Act(c.ctx, id, ActionWithdraw, ""), MakerOnly)
	c.must(c.e.Desk(c.clerk).Act(c.ctx, id, ActionWithdraw, ""))
	refused(t, c.e.Desk(c.boss).RecordComplaintAction(c.ctx, id, "回电"), NoSuchTransition)
	other := c.record(c.clerk, "service")
	c.must(c.e.Desk(c.boss).RecordComplaintAction(c.ctx, other, "回电"))
	refused(t, c.e.Desk(c.clerk).Act(c.ctx, other, ActionWithdraw, ""), NoSuchTransition)
}

// Sent back, a complaint is worked again and needs a new resolution;
// its resolver this round may not close it, last round's may.
func TestComplaintSentBack(t *testing.T) {
	c := newComplaints(t)
	id := c.record(c.clerk, "billing")
	c.must(c.e.Desk(c.fin).ResolveComplaint(c.ctx, id, 0, ResolutionInput{Resolution: "explained"}))
	refused(t, c.e.Desk(c.boss).Act(c.ctx, id, ActionSendBack, ""), CommentRequired)
	c.must(c.e.Desk(c.boss).Act(c.ctx, id, ActionSendBack, "客户不接受"))
	if v := c.complaint(id); v.Status != ComplaintInHand {
		t.Fatalf("sent back: %s", v.Status)
	}
	c.must(c.e.Desk(c.boss).ResolveComplaint(c.ctx, id, 0, ResolutionInput{Resolution: "credit", Note: "开红字发票"}))
	refused(t, c.e.Desk(c.boss).Act(c.ctx, id, ActionApprove, ""), ResolverCannotClose)
	c.must(c.e.Desk(c.fin2).Act(c.ctx, id, ActionApprove, ""))
	if v := c.complaint(id); v.Status != ComplaintClosed || len(v.Resolutions) != 2 || v.Resolution != "credit" {
		t.Fatalf("closed after a second round: %s %+v", v.Status, v.Resolutions)
	}
}

func TestComplaintBadInput(t *testing.T) {
	c := newComplaints(t)
	ok := ComplaintInput{CustomerID: c.monthly, Type: "quality", Words: "开裂"}
	for _, tc := range []struct {
		name  string
		edit  func(*ComplaintInput)
		field string
		code  FieldCode
	}{
		{"no customer", func(in *ComplaintInput) { in.CustomerID = 0 }, FCustomer, Required},
		{"no type", func(in *ComplaintInput) { in.Type = "" }, FType, Required},
		{"unknown type", func(in *ComplaintInput) { in.Type = "rust" }, FType, InvalidChoice},
		{"no words", func(in *ComplaintInput) { in.Words = "  " }, FWords, Required},
		{"unknown channel", func(in *ComplaintInput) { in.Channel = "fax" }, FChannel, InvalidChoice},
		{"unknown severity", func(in *ComplaintInput) { in.Severity = "dire" }, FSeverity, InvalidChoice},
		{"another's document", func(in *ComplaintInput) { in.Concerns = "FH1999-000001" }, FConcerns, InvalidChoice},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := ok
			tc.edit(&in)
			_, err := c.e.Desk(c.clerk).RecordComplaint(c.ctx, in)
			if fe := fieldErrs(t, err).For(tc.field); fe == nil || fe.Code != tc.code {
				t.Fatalf("want %s at %s, got %v", tc.code, tc.field, err)
			}
		})
	}
	// The note's number alone, as read off the paper, finds it.
	in := ok
	in.Concerns = c.noteR[len(c.noteR)-6:]
	id, err := c.e.Desk(c.rep).RecordComplaint(c.ctx, in)
	c.must(err)
	if v := c.complaint(id); v.ConcernsRef != c.noteR || v.Channel != "phone" || v.Severity != "normal" || v.RepID != c.rep.ID {
		t.Fatalf("recorded: %+v", v.ComplaintRow)
	}
	if _, err := c.e.Desk(store.User{ID: c.adminBoss.ID, Roles: []string{"admin"}, Active: true}).RecordComplaint(c.ctx, ok); !isRoleRefusal(err) {
		t.Fatalf("an admin records a complaint: %v", err)
	}
}

// A complaint with no action past the configured days is flagged to the
// supervisor; an action takes the flag away.
func TestComplaintFlagged(t *testing.T) {
	c := newComplaints(t)
	c.must(c.e.SetAfterSalesRules(c.ctx, AfterSalesRules{FlagAfter: 2, FollowAfterDelivery: 7, FollowAfterResolution: 3}))
	id := c.record(c.clerk, "quality")
	start := c.now
	for _, tc := range []struct {
		days    int
		flagged bool
	}{{0, false}, {2, false}, {3, true}} {
		c.at(start.Add(time.Duration(tc.days) * 24 * time.Hour))
		v := c.complaint(id)
		if v.Age != tc.days || v.Flagged != tc.flagged {
			t.Errorf("day %d: age %d flagged %v, want flagged %v", tc.days, v.Age, v.Flagged, tc.flagged)
		}
	}
	if !waiting(t, c, c.boss, id) {
		t.Error("the supervisor is not shown a flagged quality complaint")
	}
	c.must(c.e.Desk(c.planner).RecordComplaintAction(c.ctx, id, "安排质检"))
	if c.complaint(id).Flagged || waiting(t, c, c.boss, id) {
		t.Error("still flagged after an action")
	}
	refused(t, c.e.SetAfterSalesRules(c.ctx, AfterSalesRules{FlagAfter: -1}), InvalidSetting)
}

// Follow-up calls fall due after a delivery and after a resolution, for
// the customer's rep and the desk; an outcome is kept on the customer
// file and takes the call off the list.
func TestFollowUps(t *testing.T) {
	c := newComplaints(t)
	id := c.record(c.clerk, "damage")
	c.must(c.e.Desk(c.wh).ResolveComplaint(c.ctx, id, 0, ResolutionInput{Resolution: "allowance", Note: "让价 200 元"}))
	due := func(u store.User) map[int64]string {
		t.Helper()
		ts, err := c.e.Desk(u).FollowUpsDue(c.ctx)
		c.must(err)
		out := map[int64]string{}
		for _, x := range ts {
			out[x.SourceDocID] = x.Source
		}
		return out
	}
	start := c.now
	c.at(start.Add(3 * 24 * time.Hour))
	if got := due(c.clerk); got[id] != store.FollowComplaint || got[c.note] != "" {
		t.Fatalf("3 days on: %v, want the complaint only", got)
	}
	c.at(start.Add(7 * 24 * time.Hour))
	for _, tc := range []struct {
		who  store.User
		want int
	}{{c.clerk, 2}, {c.rep, 2}, {c.rep2, 0}} {
		if got := due(tc.who); len(got) != tc.want {
			t.Errorf("%s: %v, want %d calls", tc.who.Login, got, tc.want)
		}
	}
	err := c.e.Desk(c.rep).RecordFollowUp(c.ctx, FollowUpInput{SourceDocID: id, Remark: "还行"})
	if fe := fieldErrs(t, err).For(FSatisfied); fe == nil {
		t.Fatalf("an outcome without satisfied or not: %v", err)
	}
	c.must(c.e.Desk(c.rep).RecordFollowUp(c.ctx, FollowUpInput{SourceDocID: id, Satisfied: "y", Remark: "满意"}))
	c.must(c.e.Desk(c.clerk).RecordFollowUp(c.ctx, FollowUpInput{SourceDocID: c.note, Satisfied: "n", Remark: "到货晚了半天"}))
	if got := due(c.clerk); len(got) != 0 {
		t.Errorf("still due after the calls: %v", got)
	}
	if err := c.e.Desk(c.rep).RecordFollowUp(c.ctx, FollowUpInput{SourceDocID: id, Satisfied: "y"}); err == nil {
		t.Error("a second outcome of one call")
	}
	a, err := c.e.Desk(c.clerk).CustomerAfterSales(c.ctx, c.monthly)
	c.must(err)
	if len(a.Complaints) != 1 || len(a.FollowUps) != 2 || a.FollowUps[1].Remark != "满意" || !a.FollowUps[1].Satisfied {
		t.Fatalf("after-sales history: %+v", a)
	}
	if v := c.complaint(id); v.FollowUp == nil || v.FollowUp.Remark != "满意" {
		t.Fatalf("the complaint's follow-up: %+v", v.FollowUp)
	}
	c.at(start.Add(60 * 24 * time.Hour))
	if got := due(c.clerk); len(got) != 0 {
		t.Errorf("calls past their month still listed: %v", got)
	}
}

// A complaint leads to documents of any kind.
func TestComplaintLedTo(t *testing.T) {
	c := newComplaints(t)
	id := c.record(c.clerk, "short")
	c.must(c.e.Desk(c.clerk).LinkComplaint(c.ctx, id, c.note))
	if err := c.e.Desk(c.clerk).LinkComplaint(c.ctx, id, c.note); err == nil {
		t.Error("the same document linked twice")
	}
	v := c.complaint(id)
	if len(v.LedTo) != 1 || v.LedTo[0].Ref != c.noteR {
		t.Fatalf("led to: %+v", v.LedTo)
	}
	if !errors.Is(c.e.Desk(c.clerk).LinkComplaint(c.ctx, c.note, id), &Refusal{Code: StaleStatus}) {
		t.Error("a link from a document that is not a complaint")
	}
}

// Complaints counted by type, product, customer and rep over a period,
// with the mean time to the first action and to the close.
func TestComplaintStatistics(t *testing.T) {
	c := newComplaints(t)
	start := c.now
	a := c.record(c.clerk, "short")
	c.at(start.Add(2 * time.Hour))
	c.must(c.e.Desk(c.wh).RecordComplaintAction(c.ctx, a, "复磅"))
	c.must(c.e.Desk(c.wh).ResolveComplaint(c.ctx, a, 0, ResolutionInput{Resolution: "replaced"}))
	c.at(start.Add(24 * time.Hour))
	c.must(c.e.Desk(c.boss).Act(c.ctx, a, ActionApprove, ""))
	c.record(c.clerk, "short")
	c.record(c.clerk, "billing")
	_, err := c.e.Desk(c.clerk).RecordComplaint(c.ctx, ComplaintInput{Customer: "沈阳重型机械有限公司", Type: "quality", Words: "硬度不够"})
	c.must(err)
	from, to := start.Add(-time.Hour), start.Add(48*time.Hour)
	for _, tc := range []struct {
		by    string
		first string
		count int
		rows  int
	}{
		{ComplaintsByType, "short", 2, 3},
		{ComplaintsByProduct, "Q235B 热轧钢板", 3, 2},
		{ComplaintsByCustomer, "沈阳月结机械有限公司", 3, 2},
		{ComplaintsByRep, c.rep.Name, 4, 1},
	} {
		t.Run(tc.by, func(t *testing.T) {
			s, err := c.e.Desk(c.boss).ComplaintStatistics(c.ctx, from, to, tc.by)
			c.must(err)
			if len(s.Rows) != tc.rows || s.Rows[0].Key != tc.first || s.Rows[0].Count != tc.count {
				t.Fatalf("rows %+v", s.Rows)
			}
			if s.Total.Count != 4 || s.Total.Closed != 1 || s.Total.Open != 3 || s.Total.Acted != 1 {
				t.Errorf("totals %+v", s.Total)
			}
			if s.Total.ToFirstAction < 2*time.Hour || s.Total.ToFirstAction > 2*time.Hour+time.Minute ||
				s.Total.ToClose < 24*time.Hour || s.Total.ToClose > 24*time.Hour+time.Minute {
				t.Errorf("times: first action %v, close %v", s.Total.ToFirstAction, s.Total.ToClose)
			}
		})
	}
	s, err := c.e.Desk(c.boss).ComplaintStatistics(c.ctx, to, to.Add(time.Hour), ComplaintsByType)
	c.must(err)
	if len(s.Rows) != 0 || s.Total.Count != 0 {
		t.Errorf("a period with none: %+v", s)
	}
}
