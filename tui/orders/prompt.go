package orders

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// Prompts are the small forms of the order's steps: the customer's
// sign-back, planning's stock answer for a line, a stock-up request and
// the quantity of a copy (a cancellation's reason is one line: cancel.go).

type promptKind int

const (
	promptSignBack promptKind = iota
	promptStockAnswer
	promptStockUp
	promptCopy
)

type prompt struct {
	kind   promptKind
	form   *form.Form
	title  string
	lineID int64 // the line a stock prompt is for
	fromID int64 // the order a copy copies
}

var promptKeys = map[promptKind]string{promptSignBack: "sign_back", promptStockAnswer: "stock_answer",
	promptStockUp: "stock_up", promptCopy: "copy"}

func (s *Screen) openPrompt(kind promptKind) tea.Cmd {
	d := s.detail
	t := s.c.T
	fld := func(k string, w int) form.Field {
		return form.Field{Key: k, Label: common.FieldName(s.c.Cat, k), Width: w}
	}
	p := &prompt{kind: kind}
	var l store.OrderLine
	if d != nil && s.line < len(d.Order.Lines) {
		l = d.Order.Lines[s.line]
		p.lineID = l.ID
	}
	lineText := strings.TrimSpace(l.Grade + " " + l.Name + " " + l.Spec + " " + l.Qty.String() + common.UnitName(s.c, l.Unit))
	switch kind {
	case promptSignBack:
		p.title = t("orders.prompt.sign_back", ref(d))
		p.form = form.New(s.c, fld(workflow.FSignedOn, 12), fld(workflow.FNote, 40))
		p.form.SetValue(workflow.FSignedOn, s.c.Now().Format("2006-01-02"))
	case promptStockAnswer:
		p.title = t("orders.prompt.stock_answer", lineText)
		p.form = form.New(s.c, form.Field{Key: workflow.FStockAnswer, Label: t("field.name.stock_answer"), Width: 14},
			fld(workflow.FAvailable, 10), fld(workflow.FMeetOn, 12), fld(workflow.FNote, 40))
	case promptStockUp:
		p.title = t("orders.prompt.stock_up", lineText)
		p.form = form.New(s.c, fld(workflow.FOnHand, 10), fld(workflow.FUsage, 30), fld(workflow.FNeeded, 10),
			fld(workflow.FNeededBy, 12), fld(workflow.FNote, 40))
	case promptCopy:
		p.title = t("orders.prompt.copy")
		p.form = form.New(s.c, form.Field{Key: workflow.FQuantity, Label: t("orders.field.copy_qty"), Width: 10})
	}
	p.form.SetSize(s.width, s.height)
	s.prompt, s.back, s.mode = p, s.mode, modePrompt
	return nil
}

// openCopy asks for the new quantity of a copy of order id.
func (s *Screen) openCopy(id int64, ref string) tea.Cmd {
	if !workflow.Can(s.c.Desk.User, workflow.EditOrders) {
		return nil
	}
	s.openPrompt(promptCopy)
	s.prompt.fromID = id
	s.prompt.title = s.c.T("orders.prompt.copy", ref)
	return nil
}

func (s *Screen) updatePrompt(msg tea.KeyPressMsg) tea.Cmd {
	if s.reason != nil {
		cmd, closed := s.reason.Key(msg, s.busy)
		if closed {
			s.closePrompt()
		}
		return cmd
	}
	p, k := s.prompt, s.keys
	if p == nil {
		s.mode = modeList
		return nil
	}
	_, at := p.form.Focused()
	last := p.lastKey()
	switch {
	case key.Matches(msg, k.abandon):
		if question, asking := p.form.Leaving(); asking {
			return question // a typed note or quantity stays until esc again
		}
		s.closePrompt()
		return nil
	case key.Matches(msg, k.save), msg.String() == "enter" && at == last:
		return s.confirmPrompt()
	}
	return p.form.Update(msg)
}

// closePrompt goes back to where the prompt was opened from.
func (s *Screen) closePrompt() {
	s.prompt, s.reason, s.mode = nil, nil, s.back
	if s.mode == modePrompt {
		s.mode = modeList
	}
}

func (p *prompt) lastKey() string {
	keys := map[promptKind]string{promptSignBack: workflow.FNote, promptStockAnswer: workflow.FNote,
		promptStockUp: workflow.FNote, promptCopy: workflow.FQuantity}
	return keys[p.kind]
}

func (s *Screen) confirmPrompt() tea.Cmd {
	p := s.prompt
	p.form.ClearErrors()
	v := p.form.Value
	desk, ctx := s.c.Desk, s.c.Ctx
	var id, seen int64
	if s.detail != nil {
		id, seen = s.detail.ID, s.detail.Version
	}
	switch p.kind {
	case promptSignBack:
		on, note := v(workflow.FSignedOn), v(workflow.FNote)
		return s.act("signed", func() (int64, error) { return 0, desk.RecordSignBack(ctx, id, seen, on, note) })
	case promptStockAnswer:
		in := workflow.StockAnswerInput{Answer: s.stockCode(v(workflow.FStockAnswer)), Available: v(workflow.FAvailable),
			MeetOn: v(workflow.FMeetOn), Note: v(workflow.FNote)}
		line := p.lineID
		return s.act("stock_answer", func() (int64, error) { return 0, desk.RecordStockAnswer(ctx, line, in) })
	case promptStockUp:
		in := workflow.StockRequestInput{LineID: p.lineID, OnHand: v(workflow.FOnHand), Needed: v(workflow.FNeeded),
			NeededBy: v(workflow.FNeededBy), Usage: v(workflow.FUsage), Note: v(workflow.FNote)}
		return s.act("stock_up", func() (int64, error) {
			_, err := desk.RequestStock(ctx, in)
			return 0, err
		})
	case promptCopy:
		qty, from := v(workflow.FQuantity), p.fromID
		return s.create(true, func() (int64, error) { return desk.CopyOrder(ctx, from, qty) })
	}
	return nil
}

// stockCode reads planning's answer as typed: a code, or its words in
// either language, or the number of its place in the list (1–4).
func (s *Screen) stockCode(typed string) string {
	typed = strings.TrimSpace(typed)
	for i, code := range store.StockAnswers {
		if typed == code || typed == itoa(i+1) || typed == s.c.T("orders.stock."+code) {
			return code
		}
	}
	return typed
}

// showErrors puts the desk's objections at the prompt's fields.
func (p *prompt) showErrors(s *Screen, fields workflow.FieldErrors) {
	for _, fe := range fields {
		key := fe.Field
		if key == workflow.FQuantity && p.kind == promptStockUp {
			key = workflow.FNeeded
		}
		p.form.SetError(key, common.FieldText(s.c.Cat, fe))
	}
}

func (s *Screen) viewPrompt() string {
	st := s.c.Styles
	p := s.prompt
	var b strings.Builder
	b.WriteString(st.Title.Render(p.title) + "\n\n" + p.form.View() + "\n\n")
	if p.kind == promptStockAnswer {
		var opts []string
		for i, code := range store.StockAnswers {
			opts = append(opts, itoa(i+1)+" "+s.c.T("orders.stock."+code))
		}
		b.WriteString(st.Muted.Render(s.c.T("orders.stock_choices", strings.Join(opts, "  "))) + "\n")
	}
	b.WriteString(st.Muted.Render(s.c.T("orders.prompt_hint." + promptKeys[p.kind])))
	return b.String()
}
