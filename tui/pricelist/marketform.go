package pricelist

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// marketForm records one market reference price.
type marketForm struct{ typing }

// marketFields are the form's fields in tab order.
var marketFields = []struct {
	key, label string
	width      int
}{
	{workflow.FSource, "pricelist.field.source", 14},
	{workflow.FGrade, "pricelist.col.grade", 12},
	{workflow.FProductName, "pricelist.col.name", 20},
	{workflow.FSpec, "pricelist.col.spec", 20},
	{workflow.FUnit, "pricelist.col.unit", 6},
	{workflow.FPrice, "pricelist.field.price", 14},
	{workflow.FOn, "pricelist.field.on", 12},
	{workflow.FNote, "pricelist.col.note", 40},
}

func newMarketForm(c *common.Common) *marketForm {
	fields := make([]form.Field, len(marketFields))
	for i, f := range marketFields {
		fields[i] = form.Field{Key: f.key, Label: c.T(f.label), Width: f.width, Right: f.key == workflow.FPrice}
	}
	return &marketForm{typing{form: form.New(c, fields...), note: c.T("pricelist.market_form_note")}}
}

// newMarket opens the form, filled from the row under the cursor (the
// same product from the same market is the usual next entry) with the
// price left for typing.
func (s *Screen) newMarket() tea.Cmd {
	if cmd := s.refused(workflow.RecordMarket); cmd != nil {
		return cmd
	}
	mf := newMarketForm(s.c)
	if m, ok := s.market.Current(); ok {
		f := mf.form
		f.SetValue(workflow.FSource, s.c.T("pricelist.source_word."+m.Source))
		f.SetValue(workflow.FGrade, m.Grade)
		f.SetValue(workflow.FProductName, m.Name)
		f.SetValue(workflow.FSpec, m.Spec)
		f.SetValue(workflow.FUnit, m.Unit)
		f.FocusField(workflow.FPrice)
	}
	s.record, s.mode = mf, recordingMarket
	mf.setSize(s.width, s.height)
	return mf.openDraft(s, "market_price:new")
}

func (s *Screen) marketKey(msg tea.KeyPressMsg) tea.Cmd {
	return s.record.key(s, msg, s.saveMarket, func() { s.mode, s.record = listing, nil })
}

type marketSavedMsg struct{ err error }

func (s *Screen) saveMarket() tea.Cmd {
	mf := s.record
	if mf.busy {
		return nil
	}
	mf.busy = true
	f := mf.form
	in := workflow.MarketPriceInput{Source: f.Value(workflow.FSource), Grade: f.Value(workflow.FGrade), Name: f.Value(workflow.FProductName),
		Spec: f.Value(workflow.FSpec), Unit: f.Value(workflow.FUnit), Price: f.Value(workflow.FPrice), On: f.Value(workflow.FOn),
		Note: f.Value(workflow.FNote)}
	desk, ctx := s.c.Desk, s.c.Ctx
	return func() tea.Msg {
		_, err := desk.RecordMarketPrice(ctx, in)
		return marketSavedMsg{err: err}
	}
}

func (s *Screen) applyMarketSaved(msg marketSavedMsg) tea.Cmd {
	mf := s.record
	if mf == nil || s.mode != recordingMarket {
		return nil
	}
	if msg.err != nil {
		return mf.refused(s, msg.err, nil)
	}
	mf.busy = false
	discard := mf.draft.Discard()
	s.mode, s.record = listing, nil
	return tea.Batch(discard, s.market.Reload(), common.Status(s.c.T("pricelist.market_saved"), false))
}

func (mf *marketForm) view(c *common.Common) string {
	return mf.typing.view(c, c.T("pricelist.new_market"))
}
