package review

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
	"orderdesk/workflow/printout"
)

// The order kinds in the inbox: a contract to sign off shows its lines
// and totals; a cancellation its reason; a stock-up request (备货申请)
// what is asked, and purchasing answers it here with a reply (a, which
// opens the reply form: will buy, partly, cannot; quantity; arrival).

// replyForm is purchasing's reply to a stock-up request being typed.
type replyForm struct {
	form *form.Form
	req  int
}

type repliedMsg struct {
	req int
	ref string
	err error
}

func (s *Screen) openReply() tea.Cmd {
	t := s.c.T
	f := form.New(s.c,
		form.Field{Key: workflow.FReply, Label: t("field.name.reply"), Width: 12},
		form.Field{Key: workflow.FQuantity, Label: t("review.reply.qty"), Width: 10},
		form.Field{Key: workflow.FArriveOn, Label: t("field.name.arrive_on"), Width: 12},
		form.Field{Key: workflow.FNote, Label: t("review.reply.note"), Width: 40},
	)
	f.SetSize(s.width, s.height)
	s.reply = &replyForm{form: f}
	return nil
}

func (s *Screen) updateReply(msg tea.Msg) tea.Cmd {
	r := s.reply
	switch m := msg.(type) {
	case repliedMsg:
		if m.req != r.req {
			return nil
		}
		s.busy = false
		var fields workflow.FieldErrors
		if errors.As(m.err, &fields) {
			for _, fe := range fields {
				r.form.SetError(fe.Field, common.FieldText(s.c.Cat, fe))
			}
		}
		if m.err != nil {
			return common.Status(common.ErrorText(s.c.Cat, m.err), true)
		}
		s.reply, s.mode, s.detail = nil, listing, nil
		return tea.Batch(s.reload(), common.Status(s.c.T("review.done.reply", m.ref), false))
	case tea.KeyPressMsg:
		k := s.c.Keys
		_, at := r.form.Focused()
		switch {
		case key.Matches(m, k.Cancel):
			if question, asking := r.form.Leaving(); asking {
				return question
			}
			s.reply = nil
			return nil
		case key.Matches(m, k.Save), m.String() == "enter" && at == workflow.FNote:
			return s.sendReply()
		}
		return r.form.Update(m)
	case tea.PasteMsg:
		return r.form.Update(m)
	}
	return nil
}

func (s *Screen) sendReply() tea.Cmd {
	r, d := s.reply, s.detail
	if s.busy || d == nil {
		return nil
	}
	s.busy = true
	r.form.ClearErrors()
	s.seq++
	r.req = s.seq
	in := workflow.StockReplyInput{Reply: replyCode(s, r.form.Value(workflow.FReply)), Qty: r.form.Value(workflow.FQuantity),
		ArriveOn: r.form.Value(workflow.FArriveOn), Note: r.form.Value(workflow.FNote)}
	req, desk, ctx, id, seen, ref := r.req, s.c.Desk, s.c.Ctx, d.ID, d.Version, d.Ref
	return func() tea.Msg {
		return repliedMsg{req: req, ref: ref, err: desk.ReplyStockRequest(ctx, id, seen, in)}
	}
}

// replyCode reads the reply as typed: its code, its words, or 1–3.
func replyCode(s *Screen, typed string) string {
	typed = strings.TrimSpace(typed)
	for i, code := range store.StockReplies {
		if typed == code || typed == string(rune('1'+i)) || typed == s.c.T("orders.reply."+code) {
			return code
		}
	}
	return typed
}

func (s *Screen) replyView() string {
	st := s.c.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(s.c.T("review.reply.title", s.detail.Ref)) + "\n\n")
	s.orderDetail(&b)
	b.WriteString("\n" + s.reply.form.View() + "\n\n")
	var opts []string
	for i, code := range store.StockReplies {
		opts = append(opts, string(rune('1'+i))+" "+s.c.T("orders.reply."+code))
	}
	b.WriteString(st.Muted.Render(s.c.T("review.reply.hint", strings.Join(opts, "  "))))
	return b.String()
}

// orderDetail writes the content of an order, a cancellation or a
// stock-up request under review.
func (s *Screen) orderDetail(b *strings.Builder) {
	st := s.c.Styles
	d := s.detail
	t := s.c.T
	field := func(label, value string) {
		b.WriteString(st.Label.Render(common.Fit(t(label), 14, false)) + " " + value + "\n")
	}
	switch {
	case d.Order != nil:
		o := d.Order
		field("review.field.customer", o.CustomerName)
		field("field.name.order_date", o.OrderDate+"  "+t("field.name.delivery_date")+" "+o.DeliveryDate)
		field("field.name.ship_to", o.ShipTo)
		field("review.field.terms", common.Terms(s.c.Cat, o.PaymentTerms, o.TermsDays)+"  "+t("field.name.signing_place")+" "+o.SigningPlace)
		field("field.name.weighing", common.Weighing(s.c.Cat, o.Weighing)) // what the contract bills on: the checker signs it too
		var rows [][]string
		for _, l := range o.Lines {
			price, amount := l.Price.String(), l.Amount.String()
			if d.MoneyHidden {
				price, amount = t("orders.hidden"), t("orders.hidden")
			}
			if l.Basis == store.BasisQty { // per kg or piece, not per tonne of the weight shown
				price += "/" + common.UnitName(s.c, l.Unit)
			}
			rows = append(rows, []string{itoa(l.LineNo), l.Grade, l.Name, l.Spec, l.Weight.String(), price, amount})
		}
		shown := len(rows)
		if shown > 11 {
			shown = 10
		}
		s.linesTable(b, rows, shown, []common.Column{{Title: "#", Width: 3, Right: true}, {Title: t("orders.col.grade"), Width: 8},
			{Title: t("orders.col.name"), Width: 10}, {Title: t("orders.col.spec"), Width: 14, Keep: true},
			{Title: t("orders.col.weight"), Width: 9, Right: true, Keep: true}, {Title: t("orders.col.price"), Width: 14, Right: true, Keep: true},
			{Title: t("orders.col.amount"), Width: 13, Right: true, Keep: true}})
		if !d.MoneyHidden {
			capital, _ := printout.CapitalAmount(o.Total)
			field("field.name.total", "¥"+o.Total.String()+"  "+capital)
		}
	case d.OrderCancel != nil:
		field("review.field.customer", d.Customer)
		if o := d.CancelOf; o != nil { // which contract ends: its number, dates and sum
			num := o.Number()
			if num == "" {
				num = o.Ref
			}
			total := ""
			if !d.MoneyHidden {
				total = "  ¥" + o.Total.String()
			}
			field("kind.order", num+"  "+o.OrderDate+"  "+t("field.name.delivery_date")+" "+o.DeliveryDate+total)
		}
		field("field.name.reason", d.OrderCancel.Reason)
	case d.StockRequest != nil:
		r := d.StockRequest
		field("review.field.customer", r.Customer)
		field("review.stock.line", r.Grade+" "+r.Name+" "+r.Spec)
		field("field.name.needed", r.Needed.String()+" "+common.UnitName(s.c, r.Unit)+"  "+t("field.name.on_hand")+" "+r.OnHand.String())
		field("field.name.needed_by", r.NeededBy)
		if r.Usage != "" {
			field("field.name.usage", r.Usage)
		}
		if r.Note != "" {
			field("review.reply.note", r.Note)
		}
		if r.Replied {
			field("field.name.reply", t("orders.reply."+r.Reply)+" "+r.ReplyQty.String()+" "+r.ArriveOn+" "+r.ReplyNote)
		}
	}
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	if n == 0 {
		return "0"
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// isInput is a key or a paste: what a form being typed takes.
func isInput(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		return true
	}
	return false
}
