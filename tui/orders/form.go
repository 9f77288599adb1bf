package orders

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/draft"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// The order entry form: the header (customer, dates, the customer's
// name, contact, phone, ship-to address, terms, place of signing) and
// the grid of lines. What the desk refuses comes back at the field or
// cell it names, with what was typed left as it was.

const fCust = "customer" // the customer lookup, on a new order only

// entryForm is an order being typed, new (orig nil) or a draft's edit.
type entryForm struct {
	c          *common.Common
	form       *form.Form
	orig       *store.Order
	customerID int64
	loadedAmt  map[int64]string    // each stored line's amount as loaded
	loaded     map[int64][2]string // each stored line's quantity and weight as loaded
	lineIdx    []int               // input line i (0-based) is form line lineIdx[i]
	saveReq    int
	look       lookup
	fillReq    int
	lineReq    int                         // the latest ask for a line's catalogue unit and list price
	today      map[int64]workflow.PriceNow // a copy's lines the price list has priced otherwise, by line id
	leaving    common.Leaving              // esc (or ctrl+c) once over typed input asks: a second one discards
	draft      *draft.Keeper[orderDraft]
}

// headerFields are the form's header in tab order.
func headerFields(c *common.Common, withCustomer bool) []form.Field {
	t := c.T
	var out []form.Field
	if withCustomer {
		out = append(out, form.Field{Key: fCust, Label: t("orders.field.customer"), Width: 30})
	}
	return append(out,
		form.Field{Key: workflow.FOrderDate, Label: t("field.name.order_date"), Width: 12},
		form.Field{Key: workflow.FDeliveryDate, Label: t("field.name.delivery_date"), Width: 12},
		form.Field{Key: workflow.FCustomerName, Label: t("field.name.customer_name"), Width: 40},
		form.Field{Key: workflow.FContact, Label: t("orders.field.contact_name"), Width: 16},
		form.Field{Key: workflow.FPhone, Label: t("orders.field.phone"), Width: 16},
		form.Field{Key: workflow.FShipTo, Label: t("field.name.ship_to"), Width: 50},
		form.Field{Key: workflow.FPaymentTerms, Label: t("orders.field.terms"), Width: 10},
		form.Field{Key: workflow.FTermsDays, Label: t("orders.field.terms_days"), Width: 5},
		form.Field{Key: workflow.FSigningPlace, Label: t("field.name.signing_place"), Width: 16},
		form.Field{Key: workflow.FWeighing, Label: t("field.name.weighing"), Width: 12, Check: func(v string) string {
			return common.FieldProblem(c.Cat, weighingCheck(c, v))
		}},
	)
}

func lineFields(c *common.Common) []form.Field {
	t := c.T
	return []form.Field{
		{Key: workflow.FGrade, Label: t("orders.col.grade"), Width: 8},
		{Key: workflow.FProductName, Label: t("orders.col.name"), Width: 10, Narrow: 6},
		{Key: workflow.FSpec, Label: t("orders.col.spec"), Width: 14},
		{Key: workflow.FQuantity, Label: t("orders.col.qty"), Width: 9, Right: true},
		{Key: workflow.FUnit, Label: t("orders.col.unit"), Width: 5},
		{Key: workflow.FWeight, Label: t("orders.col.weight"), Width: 9, Right: true},
		{Key: workflow.FBasis, Label: t("orders.col.basis"), Width: 6},
		{Key: workflow.FPrice, Label: t("orders.col.price"), Width: 10, Right: true},
		{Key: workflow.FAmount, Label: t("orders.col.amount"), Width: 12, Right: true},
	}
}

func newEntry(c *common.Common, orig *store.Order) *entryForm {
	e := &entryForm{c: c, orig: orig, loadedAmt: map[int64]string{}, loaded: map[int64][2]string{}}
	e.form = newForm(c, orig == nil)
	if orig != nil {
		e.customerID = orig.CustomerID
		e.fill(*orig)
	} else {
		e.form.SetValue(workflow.FOrderDate, c.Now().Format("2006-01-02"))
	}
	e.form.MarkClean()
	return e
}

func newForm(c *common.Common, withCustomer bool) *form.Form {
	return form.New(c, headerFields(c, withCustomer)...).WithLines(lineFields(c)...)
}

// fill puts a stored order in the form.
func (e *entryForm) fill(o store.Order) {
	f := e.form
	in := workflow.InputFromOrder(o)
	for k, v := range map[string]string{workflow.FOrderDate: in.OrderDate, workflow.FDeliveryDate: in.DeliveryDate,
		workflow.FCustomerName: in.CustomerName, workflow.FContact: in.Contact, workflow.FPhone: in.Phone, workflow.FShipTo: in.ShipTo,
		workflow.FPaymentTerms: termsWord(e.c, in.PaymentTerms), workflow.FTermsDays: daysWord(in.PaymentTerms, o.TermsDays),
		workflow.FSigningPlace: in.SigningPlace, workflow.FWeighing: weighingWord(e.c, in.Weighing)} {
		f.SetValue(k, v)
	}
	for i, l := range o.Lines {
		vals := map[string]string{workflow.FGrade: l.Grade, workflow.FProductName: l.Name, workflow.FSpec: l.Spec,
			workflow.FQuantity: l.Qty.String(), workflow.FUnit: l.Unit, workflow.FWeight: l.Weight.String(),
			workflow.FBasis: basisWord(e.c, l.Basis)}
		if l.Priced {
			vals[workflow.FPrice], vals[workflow.FAmount] = l.Price.Plain(), l.Amount.Plain()
		}
		n := i
		if i == 0 {
			for k, v := range vals {
				f.SetCell(0, k, v)
			}
		} else {
			n = f.AddLine(vals)
		}
		f.SetLineID(n, l.ID)
		e.loadedAmt[l.ID] = vals[workflow.FAmount]
		e.loaded[l.ID] = [2]string{vals[workflow.FQuantity], vals[workflow.FWeight]}
	}
}

func daysWord(terms string, days int) string {
	if terms != store.TermsMonthly {
		return ""
	}
	return itoa(days)
}

func termsWord(c *common.Common, terms string) string {
	if terms == "" {
		return ""
	}
	return c.T("terms." + terms)
}

// termsCode reads the terms as typed: the words of either language or
// the code itself; anything else goes to the desk, which says why not.
func termsCode(c *common.Common, s string) string {
	s = strings.TrimSpace(s)
	for _, code := range []string{store.TermsPrepaid, store.TermsMonthly} {
		if strings.EqualFold(s, code) || s == c.T("terms."+code) || s == zhTerms[code] {
			return code
		}
	}
	return s
}

var zhTerms = map[string]string{store.TermsPrepaid: "先款后货", store.TermsMonthly: "月结"}

func weighingWord(c *common.Common, basis string) string {
	if basis == "" {
		return ""
	}
	return common.Weighing(c.Cat, basis)
}

// weighingCode reads the basis as typed: the words of the screen's
// language, or what the desk reads (理计, 磅计, 过磅, the codes).
func weighingCode(c *common.Common, s string) string {
	s = strings.TrimSpace(s)
	for _, code := range []string{store.WeighingTheoretical, store.WeighingWeighed} {
		if s == c.T("weighing."+code) {
			return code
		}
	}
	return s
}

// weighingCheck is the desk's word on a basis as it is left.
func weighingCheck(c *common.Common, s string) *workflow.FieldError {
	_, fe := workflow.ParseWeighing(workflow.FWeighing, weighingCode(c, s))
	return fe
}

func basisWord(c *common.Common, basis string) string {
	if basis == store.BasisQty {
		return c.T("orders.basis_qty")
	}
	return c.T("orders.basis_weight")
}

// input reads the form as the desk takes it; blank lines are skipped.
func (e *entryForm) input() workflow.OrderInput {
	f := e.form
	in := workflow.OrderInput{CustomerID: e.customerID, OrderDate: f.Value(workflow.FOrderDate), DeliveryDate: f.Value(workflow.FDeliveryDate),
		CustomerName: f.Value(workflow.FCustomerName), Contact: f.Value(workflow.FContact), Phone: f.Value(workflow.FPhone),
		ShipTo: f.Value(workflow.FShipTo), PaymentTerms: termsCode(e.c, f.Value(workflow.FPaymentTerms)),
		TermsDays: f.Value(workflow.FTermsDays), SigningPlace: f.Value(workflow.FSigningPlace),
		Weighing: weighingCode(e.c, f.Value(workflow.FWeighing))}
	if e.orig != nil {
		in.Notes = e.orig.Notes
	}
	e.lineIdx = e.lineIdx[:0]
	for i := range f.Lines() {
		if f.BlankLine(i) {
			continue
		}
		basis := f.Cell(i, workflow.FBasis)
		if basis == e.c.T("orders.basis_weight") {
			basis = store.BasisWeight
		} else if basis == e.c.T("orders.basis_qty") {
			basis = store.BasisQty
		}
		l := workflow.OrderLineInput{ID: f.LineID(i), Grade: f.Cell(i, workflow.FGrade), Name: f.Cell(i, workflow.FProductName),
			Spec: f.Cell(i, workflow.FSpec), Quantity: f.Cell(i, workflow.FQuantity), Unit: f.Cell(i, workflow.FUnit),
			Weight: f.Cell(i, workflow.FWeight), Basis: basis, Price: f.Cell(i, workflow.FPrice), Amount: f.Cell(i, workflow.FAmount)}
		// A total loaded with the line and not retyped follows the line:
		// the desk works it out again from what was changed.
		if l.ID != 0 && l.Amount == e.loadedAmt[l.ID] {
			l.Amount = ""
		}
		// So does a weight when only the quantity was changed: the desk
		// weighs the line again (t, kg, pieces of a catalogue product).
		if was, ok := e.loaded[l.ID]; ok && l.ID != 0 && l.Weight == was[1] && l.Quantity != was[0] {
			l.Weight = ""
		}
		in.Lines = append(in.Lines, l)
		e.lineIdx = append(e.lineIdx, i)
	}
	return in
}

// showErrors puts each problem at its field or cell; lines are counted
// as the form's lines were sent.
func (e *entryForm) showErrors(fields workflow.FieldErrors) { e.showAt(fields, nil) }

// showCheck puts the contract check's problems at their fields; its
// lines are the stored lines' numbers.
func (e *entryForm) showCheck(fields workflow.FieldErrors) {
	byNo := map[int]int{}
	if e.orig != nil {
		for i, l := range e.orig.Lines {
			byNo[l.LineNo] = i
		}
	}
	e.showAt(fields, byNo)
}

func (e *entryForm) showAt(fields workflow.FieldErrors, byNo map[int]int) {
	f := e.form
	f.ClearErrors()
	first := true
	for _, fe := range fields {
		text := common.FieldText(e.c.Cat, fe)
		if fe.Line > 0 {
			i := fe.Line - 1
			if j, ok := byNo[fe.Line]; ok {
				i = j
			} else if byNo == nil && i < len(e.lineIdx) {
				i = e.lineIdx[i]
			}
			f.SetLineError(i, fe.Field, text)
			if first {
				f.FocusCell(i, fe.Field)
			}
		} else {
			key := fe.Field
			if key == workflow.FLines || key == workflow.FTotal {
				key = workflow.FCustomerName
				text = common.FieldName(e.c.Cat, fe.Field) + ": " + text
			}
			f.SetError(key, text)
			if first {
				f.FocusField(key)
			}
		}
		first = false
	}
}

func (e *entryForm) resize(w, h int) { e.form.SetSize(w, max(h-4, 10)) }

func (s *Screen) openCreate() tea.Cmd {
	if !workflow.Can(s.c.Desk.User, workflow.EditOrders) {
		return nil
	}
	s.entry = newEntry(s.c, nil)
	s.entry.resize(s.width, s.height)
	s.mode = modeForm
	return s.openDraft(s.entry)
}

// startEdit opens the form on a stored version (a draft or one sent
// back); one in another status is shown instead, with why.
func (s *Screen) startEdit(od workflow.OrderDetail) tea.Cmd {
	if od.Status != "draft" && od.Status != "sent_back" {
		s.detail, s.openID, s.mode = &od, od.ID, modeDetail
		return common.Status(s.c.T("orders.not_editable"), true)
	}
	o := *od.Order
	s.entry = newEntry(s.c, &o)
	s.entry.resize(s.width, s.height)
	s.detail, s.openID, s.mode = &od, od.ID, modeForm
	var copied tea.Cmd
	if od.ID == s.copied {
		s.copied = 0
		copied = s.entry.openCopy(s)
	}
	return tea.Batch(s.openDraft(s.entry), copied)
}

func (s *Screen) updateEntry(msg tea.KeyPressMsg) tea.Cmd {
	e, k := s.entry, s.keys
	if e == nil {
		s.mode = modeList
		return nil
	}
	switch {
	case key.Matches(msg, k.save):
		return s.save()
	case key.Matches(msg, k.abandon):
		if question, asking := e.leaving.Esc(s.c, e.form.Dirty()); asking {
			return question
		}
		s.entry = nil
		forget := e.draft.Discard()
		if s.detail != nil {
			s.mode = modeDetail
			return tea.Batch(s.reloadDetail(), forget)
		}
		s.mode = modeList
		return forget
	}
	e.leaving.TypedOn()
	if key.Matches(msg, k.today) {
		return tea.Batch(e.takeToday(), e.touched())
	}
	if cmd, done := e.lookupKey(s, msg); done {
		return tea.Batch(cmd, e.touched())
	}
	if cmd, done := e.splitGradeKey(s, msg); done {
		return tea.Batch(cmd, e.touched())
	}
	line, at := e.form.Focused()
	cmd := e.update(msg)
	return tea.Batch(cmd, e.leftLine(s, line, at), e.touched())
}

// update passes a key or paste to the form, and looks the customer up
// when its field changed.
func (e *entryForm) update(msg tea.Msg) tea.Cmd {
	before := e.form.Value(fCust)
	cmd := e.form.Update(msg)
	if v := e.form.Value(fCust); v != before && e.orig == nil {
		return tea.Batch(cmd, e.look.find(e.c, v))
	}
	return cmd
}

type savedMsg struct {
	req  int
	id   int64
	warn workflow.FieldErrors
	od   workflow.OrderDetail
	err  error
}

func (s *Screen) save() tea.Cmd {
	e := s.entry
	if e.orig == nil && e.customerID == 0 {
		e.form.ClearErrors()
		e.form.SetError(fCust, s.c.T("orders.pick_customer"))
		e.form.FocusField(fCust)
		return nil
	}
	if s.busy {
		return nil
	}
	s.busy = true
	e.saveReq = s.nextReq()
	in := e.input()
	req, desk, ctx := e.saveReq, s.c.Desk, s.c.Ctx
	var orig store.Order
	if e.orig != nil {
		orig = *e.orig
	}
	return func() tea.Msg {
		var id int64
		var warn workflow.FieldErrors
		var err error
		if orig.DocID == 0 {
			id, warn, err = desk.CreateOrder(ctx, in)
		} else {
			id = orig.DocID
			warn, err = desk.UpdateOrder(ctx, orig, in)
		}
		msg := savedMsg{req: req, id: id, warn: warn, err: err}
		if err == nil {
			msg.od, msg.err = desk.Order(ctx, id)
		}
		return msg
	}
}

// onSaved shows the saved order, or stays in the form with the desk's
// objections at their fields; a saved draft the contract check would
// refuse stays in the form too, its problems at their fields.
func (s *Screen) onSaved(msg savedMsg) tea.Cmd {
	s.busy = false
	e := s.entry
	if e == nil || msg.req != e.saveReq {
		return nil
	}
	var fields workflow.FieldErrors
	if msg.err != nil {
		if errors.As(msg.err, &fields) {
			e.showErrors(fields)
		}
		return statusErr(s, msg.err)
	}
	od := msg.od
	note := ""
	if len(msg.warn) > 0 {
		note = " " + s.c.T("orders.unknown_lines", len(msg.warn))
	}
	if od.Check != nil && errors.As(od.Check, &fields) {
		// What was saved is the order now: no draft of it comes back.
		forget := tea.Batch(e.draft.Discard(), s.drafts.Discard(draftKey(od.ID)))
		s.startEdit(od)
		s.entry.showCheck(fields)
		return tea.Batch(forget, s.showInList(e, od.ID), common.Status(s.c.T("orders.saved_check", od.Ref)+note, true))
	}
	forget := e.draft.Discard()
	s.entry, s.detail, s.openID, s.mode, s.line = nil, &od, od.ID, modeDetail, 0
	return tea.Batch(forget, s.reloadDetail(), s.showInList(e, od.ID), common.Status(s.c.T("orders.saved", od.Ref)+note, false))
}

// showInList reads the list again after a save: a new order is its last
// row, and the cursor goes to it.
func (s *Screen) showInList(e *entryForm, id int64) tea.Cmd {
	if e.orig == nil {
		return s.list.JumpLast(id)
	}
	return s.list.Refresh()
}

func (e *entryForm) view() string {
	st := e.c.Styles
	title := e.c.T("orders.new_title")
	if e.orig != nil {
		title = e.c.T("orders.edit_title", e.orig.Ref)
	}
	var b strings.Builder
	b.WriteString(st.Title.Render(title) + "\n")
	b.WriteString(e.form.View())
	if _, at := e.form.Focused(); at == fCust {
		b.WriteString("\n" + e.look.view(e.c))
	}
	b.WriteString("\n" + st.Muted.Render(common.Hints(e.c.T("orders.form_hint"), e.form.Width())))
	return b.String()
}
