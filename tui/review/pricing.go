package review

import (
	"context"
	"errors"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// Price requests (单价申请) wait in purchasing's inbox and in the
// requester's "mine" list; price-list changes in a supervisor's. This
// file shows what they ask and lets purchasing answer with a price.

// withRequests adds the price requests the user answers (or, in the
// "mine" list, asked) to the inbox items, with what each asks for.
func withRequests(ctx context.Context, desk *workflow.Desk, mine bool, items []store.InboxItem) ([]store.InboxItem, map[int64]store.PriceRequestRow, error) {
	var rows []store.PriceRequestRow
	var err error
	switch {
	case mine:
		rows, err = desk.PriceRequestsWaiting(ctx)
	case workflow.Can(desk.User, workflow.AnswerPrices):
		rows, err = desk.PriceRequestsToAnswer(ctx)
	}
	if err != nil || len(rows) == 0 {
		return items, nil, err
	}
	listed := map[int64]bool{}
	for _, it := range items {
		listed[it.ID] = true
	}
	byDoc := make(map[int64]store.PriceRequestRow, len(rows))
	for _, r := range rows {
		byDoc[r.Document.ID] = r
		if !listed[r.Document.ID] {
			items = append(items, store.InboxItem{Document: r.Document})
		}
	}
	return items, byDoc, nil
}

// summary is a list row's summary: for a price request, the line, the
// quantity and the customer.
func (s *Screen) summary(it store.InboxItem) string {
	if it.Kind == store.ComplaintKind {
		return s.complaintSummary(it)
	}
	r, ok := s.requests[it.ID]
	if !ok {
		return it.Summary
	}
	return strings.Join([]string{r.Grade + " " + r.Name + " " + r.Spec, r.Qty.String() + common.UnitName(s.c, r.Unit), r.Customer}, " · ")
}

// pricingDetail writes the content of a price change or a price request.
func (s *Screen) pricingDetail(b *strings.Builder) {
	st := s.c.Styles
	d := s.detail
	field := func(label, value string) {
		b.WriteString(st.Label.Render(common.Fit(s.c.T(label), 14, false)) + " " + value + "\n")
	}
	switch {
	case d.Kind == store.PriceChangeKind:
		field("review.field.reason", d.Summary)
		b.WriteString("\n" + common.PriceChangeTable(s.c, d.PriceChange, d.MoneyHidden, s.width) + "\n")
	case d.PriceRequest != nil:
		r := d.PriceRequest
		field("review.field.customer", r.Customer)
		field("review.field.line", r.Grade+" "+r.Name+" "+r.Spec)
		field("review.field.quantity", r.Qty.String()+" "+common.UnitName(s.c, r.Unit))
		if r.Note != "" {
			field("review.field.request_note", r.Note)
		}
		if r.Answered {
			price := "¥" + r.Price.String()
			if d.MoneyHidden {
				price = s.c.T("pricelist.hidden")
			}
			field("review.field.answer", s.c.T("review.answer_by", price, r.AnsweredBy))
			if r.AnswerNote != "" {
				field("review.field.answer_note", r.AnswerNote)
			}
		}
	}
}

// answerForm is purchasing's answer: a price and a note.
type answerForm struct {
	form *form.Form
	busy bool // an answer is being saved
}

// openAnswer opens the answer form when the workflow lets this user
// answer the request shown; otherwise it says why not.
func (s *Screen) openAnswer(action string) tea.Cmd {
	if action != workflow.ActionApprove || !slices.Contains(signOffs(s.detail), workflow.ActionAnswer) {
		if !workflow.Can(s.c.Desk.User, workflow.AnswerPrices) {
			return common.Status(common.RefusalText(s.c.Cat, &workflow.Refusal{Code: workflow.PurchasingOnly}), true)
		}
		return common.Status(s.c.T("review.cannot_act"), true)
	}
	unit := common.UnitName(s.c, s.detail.PriceRequest.Unit)
	f := form.New(s.c,
		form.Field{Key: workflow.FPrice, Label: s.c.T("review.field.price", unit), Width: 14, Right: true},
		form.Field{Key: workflow.FNote, Label: s.c.T("review.field.answer_note"), Width: 40},
	)
	f.SetSize(s.width, 4)
	s.answer, s.mode = &answerForm{form: f}, answering
	return nil
}

// answerKeyPress: ctrl+s (or enter in the note) answers, esc goes back
// to the request (asking first over a typed answer, as every form
// does); everything else is typing.
func (s *Screen) answerKeyPress(msg tea.KeyPressMsg) tea.Cmd {
	k := s.c.Keys
	_, at := s.answer.form.Focused()
	switch {
	case key.Matches(msg, k.Cancel):
		if question, asking := s.answer.form.Leaving(); asking {
			return question
		}
		s.mode, s.answer = detailing, nil
		return nil
	case key.Matches(msg, k.Save), msg.String() == "enter" && at == workflow.FNote:
		return s.sendAnswer()
	}
	return s.answer.form.Update(msg)
}

type answeredMsg struct {
	ref   string
	price string
	err   error
}

func (s *Screen) sendAnswer() tea.Cmd {
	a := s.answer
	if a.busy || s.detail == nil {
		return nil
	}
	a.busy = true
	desk, ctx := s.c.Desk, s.c.Ctx
	id, seen, ref := s.detail.ID, s.detail.Version, s.detail.Ref
	price, note := a.form.Value(workflow.FPrice), a.form.Value(workflow.FNote)
	return func() tea.Msg {
		// Answer what is on screen: a request withdrawn meanwhile is refused.
		return answeredMsg{ref: ref, price: price, err: desk.AnswerPriceRequest(ctx, id, seen, price, note)}
	}
}

func (s *Screen) applyAnswered(msg answeredMsg) tea.Cmd {
	a := s.answer
	if a == nil || s.mode != answering {
		return nil
	}
	a.busy = false
	var fields workflow.FieldErrors
	if errors.As(msg.err, &fields) {
		a.form.ClearErrors()
		for i, e := range fields {
			a.form.SetError(e.Field, common.FieldText(s.c.Cat, e))
			if i == 0 {
				a.form.FocusField(e.Field)
			}
		}
		return common.Status(s.c.T("error.fix_fields"), true)
	}
	if msg.err != nil {
		return common.Status(common.ErrorText(s.c.Cat, msg.err), true) // the price typed stays
	}
	s.mode, s.detail, s.answer = listing, nil, nil
	return tea.Batch(s.reload(), common.Status(s.c.T("review.done.answer", msg.ref), false))
}

func (s *Screen) answerView() string {
	st := s.c.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(s.c.T("review.answer_title", s.detail.Ref)) + "\n\n")
	s.pricingDetail(&b)
	b.WriteString("\n" + s.answer.form.View() + "\n\n")
	b.WriteString(st.Muted.Render(s.c.T("review.answer_hint")))
	return b.String()
}
