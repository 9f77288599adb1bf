package orders

import (
	"errors"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
	"orderdesk/workflow/printout"
)

func statusErr(s *Screen, err error) tea.Cmd {
	return common.Status(common.ErrorText(s.c.Cat, err), true)
}

func (s *Screen) updateDetail(msg tea.KeyPressMsg) tea.Cmd {
	k, d := s.keys, s.detail
	if d == nil {
		if key.Matches(msg, k.back) {
			s.mode = modeList
		}
		return nil
	}
	o := d.Order
	desk, ctx := s.c.Desk, s.c.Ctx
	id, seen := d.ID, d.Version
	switch {
	case key.Matches(msg, k.back):
		// A reload of the order still on its way must not bring it back.
		s.mode, s.detail, s.openID, s.detailReq = modeList, nil, 0, s.nextReq()
		return s.list.Refresh()
	case key.Matches(msg, k.up):
		s.line = max(s.line-1, 0)
	case key.Matches(msg, k.down):
		s.line = min(s.line+1, max(len(o.Lines)-1, 0))
	case key.Matches(msg, k.edit):
		return s.openEdit(id)
	case key.Matches(msg, k.submit):
		return s.act("submitted", func() (int64, error) { return 0, desk.SubmitOrder(ctx, id, seen) })
	case key.Matches(msg, k.withdraw):
		return s.act("withdrawn", func() (int64, error) { return 0, desk.ActOn(ctx, id, seen, workflow.ActionWithdraw, "") })
	case key.Matches(msg, k.signBack):
		return s.openPrompt(promptSignBack)
	case key.Matches(msg, k.stockAnswer):
		if len(o.Lines) > 0 {
			return s.openPrompt(promptStockAnswer)
		}
	case key.Matches(msg, k.stockUp):
		if len(o.Lines) > 0 {
			return s.openPrompt(promptStockUp)
		}
	case key.Matches(msg, k.cancel):
		return s.openCancel()
	case key.Matches(msg, k.copy):
		return s.openCopy(id, ref(d))
	case key.Matches(msg, k.revise):
		return s.act("revised", func() (int64, error) { return desk.ReviseOrder(ctx, id, seen) })
	case key.Matches(msg, k.print):
		return s.printContract()
	}
	return nil
}

func (s *Screen) onActed(msg actedMsg) tea.Cmd {
	s.busy = false
	if msg.err != nil {
		var fields workflow.FieldErrors
		if s.mode == modePrompt && s.prompt != nil && errors.As(msg.err, &fields) {
			s.prompt.showErrors(s, fields)
			return statusErr(s, msg.err)
		}
		if s.mode == modePrompt && s.reason != nil && errors.As(msg.err, &fields) {
			s.reasonRefused(fields)
			return statusErr(s, msg.err)
		}
		if msg.what == "submitted" && s.detail != nil && errors.As(msg.err, &fields) {
			// The contract check failed: open the form with what to fix
			// at the fields.
			od := *s.detail
			cmd := s.startEdit(od)
			if s.entry != nil {
				s.entry.showCheck(fields)
			}
			return tea.Batch(cmd, common.Status(s.c.T("orders.check_failed"), true))
		}
		return statusErr(s, msg.err)
	}
	if s.mode == modePrompt {
		s.mode, s.prompt, s.reason = modeDetail, nil, nil
	}
	done := common.Status(s.c.T("orders.done."+msg.what, msg.ref), false)
	if msg.id != 0 && msg.what == "revised" {
		s.mode = modeDetail
		return tea.Batch(done, s.openEdit(msg.id), s.list.Refresh())
	}
	return tea.Batch(done, s.reloadDetail(), s.list.Refresh())
}

// ref is the order's number, or its provisional reference.
func ref(d *workflow.OrderDetail) string {
	if d.Number != "" {
		return d.Number
	}
	return d.Ref
}

// number is the order's number, or its provisional reference marked so.
func (s *Screen) number(d *workflow.OrderDetail) string {
	if d.Number != "" {
		return d.Number
	}
	return d.Ref + " (" + s.c.T("orders.provisional") + ")"
}

func (s *Screen) viewDetail() string {
	d := s.detail
	st := s.c.Styles
	if d == nil {
		return st.Muted.Render(s.c.T("status.loading"))
	}
	o := d.Order
	t := s.c.T
	var b strings.Builder
	b.WriteString(st.Title.Render(t("kind.order")+" "+s.number(d)) + "  " + st.Value.Render(t("state.order."+d.Status)) + "\n")
	labelW := 0
	for _, l := range []string{"field.name.customer_name", "orders.field.contact", "field.name.ship_to", "field.name.signing_place",
		"field.name.order_date", "field.name.delivery_date", "orders.field.terms", "orders.field.maker", "field.name.weighing"} {
		labelW = max(labelW, ansi.StringWidth(t(l)))
	}
	half := max((s.width-4)/2, 30)
	pair := func(l1, v1, l2, v2 string) {
		left := st.Label.Render(common.Fit(t(l1), labelW, false)) + " " + v1
		b.WriteString(common.Fit(left, half, false) + "  " + st.Label.Render(common.Fit(t(l2), labelW, false)) + " " + v2 + "\n")
	}
	pair("field.name.customer_name", o.CustomerName, "field.name.order_date", o.OrderDate)
	pair("orders.field.contact", strings.TrimSpace(o.Contact+"  "+o.Phone), "field.name.delivery_date", o.DeliveryDate)
	pair("field.name.ship_to", o.ShipTo, "orders.field.terms", common.Terms(s.c.Cat, o.PaymentTerms, o.TermsDays))
	pair("field.name.signing_place", o.SigningPlace, "orders.field.maker", d.Maker)
	b.WriteString(st.Label.Render(common.Fit(t("field.name.weighing"), labelW, false)) + " " + common.Weighing(s.c.Cat, o.Weighing) + "\n")
	if d.SignBack != nil {
		b.WriteString(st.Label.Render(common.Fit(t("field.name.signed_on"), labelW, false)) + " " + d.SignBack.SignedOn + " " + d.SignBack.Note + "\n")
	}
	b.WriteString("\n" + s.linesTable(d) + "\n")
	b.WriteString(s.totalLine(d) + "\n")
	if f := s.fulfilmentTable(d); f != "" {
		b.WriteString("\n" + f + "\n")
	}
	if d.Check != nil && (d.Status == "draft" || d.Status == "sent_back") {
		b.WriteString(st.Warning.Render(t("orders.check_pending", checkText(s, d.Check))) + "\n")
	}
	b.WriteString("\n" + st.Header.Render(t("orders.history")) + "\n")
	b.WriteString(s.historyText(d))
	return b.String()
}

// checkText says briefly what the contract check found.
func checkText(s *Screen, err error) string {
	var fields workflow.FieldErrors
	if !errors.As(err, &fields) {
		return common.ErrorText(s.c.Cat, err)
	}
	var parts []string
	for _, f := range fields {
		name := common.FieldName(s.c.Cat, f.Field)
		if f.Line > 0 {
			name = s.c.T("orders.line_n", f.Line) + " " + name
		}
		parts = append(parts, name+": "+common.FieldText(s.c.Cat, f))
	}
	return strings.Join(parts, s.c.T("list.sep"))
}

func (s *Screen) lineColumns(rows [][]string) []common.Column {
	t := s.c.T
	w := func(title string, n int) int { return max(n, ansi.StringWidth(t(title))) }
	cols := []common.Column{
		{Title: "#", Width: 3, Right: true},
		{Title: t("orders.col.grade"), Width: w("orders.col.grade", 8)},
		{Title: t("orders.col.name"), Width: w("orders.col.name", 10)},
		{Title: t("orders.col.spec"), Width: w("orders.col.spec", 14), Keep: true},
		{Title: t("orders.col.qty"), Width: w("orders.col.qty", 9), Right: true, Keep: true},
		{Title: t("orders.col.unit"), Width: w("orders.col.unit", 4)},
		{Title: t("orders.col.weight"), Width: w("orders.col.weight", 9), Right: true, Keep: true},
		{Title: t("orders.col.price"), Width: w("orders.col.price", 10), Right: true, Keep: true},
		{Title: t("orders.col.amount"), Width: w("orders.col.amount", 13), Right: true, Keep: true},
		{Title: t("orders.col.stock"), Width: 16},
	}
	// The spec and the figures are shown whole (Keep); in narrow windows
	// the stock answer, the name and the grade give way, and the figures
	// close up to what they hold.
	return common.Squeeze(common.Stretch(common.Widen(cols, rows...), 9, s.width-2), s.width-2,
		common.Shrink{Col: 9, Min: 6}, common.Shrink{Col: 3}, common.Shrink{Col: 2, Min: 8}, common.Shrink{Col: 1, Min: 6},
		common.Shrink{Col: 4}, common.Shrink{Col: 6}, common.Shrink{Col: 7}, common.Shrink{Col: 8},
		common.Shrink{Col: 9, Min: 0}, common.Shrink{Col: 2, Min: 4}, common.Shrink{Col: 1, Min: 5})
}

// lineCells are the order's lines as the table shows them.
func (s *Screen) lineCells(d *workflow.OrderDetail) [][]string {
	rows := make([][]string, len(d.Order.Lines))
	for i, l := range d.Order.Lines {
		price, amount := l.Price.String(), l.Amount.String()
		if !l.Priced {
			price, amount = "—", "—"
		}
		if d.MoneyHidden {
			price, amount = s.c.T("orders.hidden"), s.c.T("orders.hidden")
		}
		if l.Basis == store.BasisQty {
			price += "/" + common.UnitName(s.c, l.Unit)
		}
		rows[i] = []string{itoa(l.LineNo), l.Grade, l.Name, l.Spec, l.Qty.String(), common.UnitName(s.c, l.Unit), l.Weight.String(),
			price, amount, s.stockText(l)}
	}
	return rows
}

func (s *Screen) linesTable(d *workflow.OrderDetail) string {
	st := s.c.Styles
	rows := s.lineCells(d)
	cols := s.lineColumns(rows)
	var b strings.Builder
	b.WriteString("  " + st.Header.Render(common.Header(cols)))
	// The table scrolls to keep the cursor line in view.
	room := max(s.height-22, 5)
	top := max(0, s.line-room+1)
	for i := top; i < len(rows) && i < top+room; i++ {
		text := common.Line(cols, rows[i])
		if i == s.line {
			b.WriteString("\n" + st.Selected.Render("▸ "+text))
		} else {
			b.WriteString("\n  " + text)
		}
	}
	if len(rows) > room {
		b.WriteString("\n  " + st.Muted.Render(s.c.T("orders.lines_shown", top+1, min(top+room, len(rows)), len(rows))))
	}
	return b.String()
}

func (s *Screen) stockText(l store.OrderLine) string {
	a := l.Stock
	if a == nil {
		return s.c.Styles.Muted.Render(s.c.T("orders.stock.none"))
	}
	out := s.c.T("orders.stock." + a.Answer)
	if a.Answer == store.StockPartial {
		out += " " + a.Available.String()
	}
	if a.MeetOn != "" {
		out += " " + a.MeetOn[5:]
	}
	return out
}

// totalLine is the total in figures and in capitals (大写).
func (s *Screen) totalLine(d *workflow.OrderDetail) string {
	st := s.c.Styles
	if d.MoneyHidden {
		return st.Label.Render(s.c.T("field.name.total")) + " " + s.c.T("orders.hidden")
	}
	var w store.Milli
	for _, l := range d.Order.Lines {
		w += l.Weight
	}
	capital, err := printout.CapitalAmount(d.Order.Total)
	if err != nil {
		capital = err.Error()
	}
	return st.Label.Render(s.c.T("field.name.total")) + " ¥" + d.Order.Total.String() + "  " +
		st.Label.Render(s.c.T("orders.capital")) + " " + capital + "  " +
		st.Muted.Render(s.c.T("orders.total_weight", w.String()))
}

// historyText lists every sign-off and transition, the versions, the
// sign-back, cancellations, stock-up requests and the audit records.
func (s *Screen) historyText(d *workflow.OrderDetail) string {
	st := s.c.Styles
	t := s.c.T
	var b strings.Builder
	stamp := func(at interface{ Format(string) string }) string { return at.Format("2006-01-02 15:04") }
	for _, tr := range d.Transitions {
		line := stamp(tr.At.Local()) + "  " + common.Fit(tr.Actor, 8, false) + " " + t("action."+tr.Action)
		if tr.SignOff {
			line += " " + t("orders.signoff_mark")
		}
		if tr.Comment != "" {
			line += ": " + tr.Comment
		}
		b.WriteString("  " + line + "\n")
	}
	if len(d.Transitions) == 0 {
		b.WriteString("  " + st.Muted.Render(t("orders.no_history")) + "\n")
	}
	if len(d.Versions) > 1 {
		var vs []string
		for _, v := range d.Versions {
			mark := v.Number()
			if v.ID == d.ID {
				mark = "[" + mark + "]"
			}
			vs = append(vs, mark+" "+t("state.order."+v.Status))
		}
		b.WriteString("  " + st.Label.Render(t("orders.versions")) + " " + strings.Join(vs, "  ") + "\n")
	}
	if d.RevisionID != 0 {
		b.WriteString("  " + st.Warning.Render(t("orders.revision_open")) + "\n")
	}
	for _, c := range d.Cancels {
		b.WriteString("  " + st.Label.Render(t("kind.order_cancel")) + " " + c.Ref + " " + t("state.order_cancel."+c.Status) + ": " + c.Reason + "\n")
	}
	for _, r := range d.StockRequests {
		line := r.Ref + " " + t("state.stock_request."+r.Status) + " " + r.Grade + " " + r.Spec + " " +
			t("orders.stock_need", r.Needed.String(), common.UnitName(s.c, r.Unit), r.OnHand.String())
		if r.Replied {
			line += " → " + t("orders.reply."+r.Reply)
			if r.ArriveOn != "" {
				line += " " + r.ArriveOn
			}
		}
		b.WriteString("  " + st.Label.Render(t("kind.stock_request")) + " " + line + "\n")
	}
	if len(s.audit) > 0 {
		b.WriteString(st.Header.Render(t("orders.audit")) + "\n")
		room := max(s.height-strings.Count(b.String(), "\n")-20, 3)
		for i, a := range s.audit {
			if i >= room {
				b.WriteString("  " + st.Muted.Render(t("orders.audit_more", len(s.audit)-i)) + "\n")
				break
			}
			b.WriteString("  " + stamp(a.At.Local()) + "  " + common.Fit(a.Actor, 8, false) + " " + s.auditWords(a) + "\n")
		}
	}
	return b.String()
}

// auditWords names an audit record's table and operation in the user's
// language.
func (s *Screen) auditWords(a store.AuditRecord) string {
	word := func(prefix, v string) string {
		if i18n.Has(prefix + v) {
			return s.c.T(prefix + v)
		}
		return v
	}
	return s.c.T("orders.audit_op", word("orders.audit.table.", a.Table), word("orders.audit.op.", strings.ToLower(a.Op)))
}

// detailKeys are the keys of the order shown that the desk would take
// now: its steps as the workflow offers them to this user (Actions),
// the stock keys while the order is open, revise and cancel while it
// is in force.
func (s *Screen) detailKeys() []key.Binding {
	k, d := s.keys, s.detail
	keys := []key.Binding{k.back, k.up, k.down}
	if d == nil {
		return keys
	}
	can := func(actions ...string) bool {
		for _, t := range d.Actions {
			if slices.Contains(actions, t.Action) {
				return true
			}
		}
		return false
	}
	if d.Status == "draft" || d.Status == "sent_back" {
		keys = append(keys, k.edit)
	}
	if can(workflow.ActionSubmit, workflow.ActionResubmit) {
		keys = append(keys, k.submit)
	}
	if can(workflow.ActionWithdraw) {
		if d.Status == "submitted" {
			keys = append(keys, k.withdrawSubmitted)
		} else {
			keys = append(keys, k.withdraw)
		}
	}
	if can(workflow.ActionSignBack) {
		keys = append(keys, k.signBack)
	}
	if slices.Contains(workflow.OpenOrderStatuses, d.Status) {
		keys = append(keys, k.stockAnswer, k.stockUp)
	}
	if slices.Contains(workflow.LiveOrderStatuses, d.Status) {
		keys = append(keys, k.revise, k.cancel)
	}
	return append(keys, k.copy, k.print)
}
