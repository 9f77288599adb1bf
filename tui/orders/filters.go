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

// The filter bar (f): customer (助记码, code or name), a range of order
// dates and the sales rep, resolved by the desk before they apply.

const (
	fCustomer = "customer"
	fFrom     = "from"
	fTo       = "to"
	fRep      = "rep"
)

type filterBar struct {
	form *form.Form
	req  int
}

type filterMsg struct {
	req  int
	lf   listFilter
	errs map[string]string
}

func (s *Screen) openFilters() tea.Cmd {
	t := s.c.T
	f := form.New(s.c,
		form.Field{Key: fCustomer, Label: t("orders.filter.customer"), Width: 30},
		form.Field{Key: fFrom, Label: t("orders.filter.from"), Width: 12},
		form.Field{Key: fTo, Label: t("orders.filter.to"), Width: 12},
		form.Field{Key: fRep, Label: t("orders.filter.rep"), Width: 16},
	)
	f.SetSize(s.width, s.height)
	lf := s.filter.Load()
	f.SetValue(fCustomer, lf.customer)
	f.SetValue(fFrom, lf.f.From)
	f.SetValue(fTo, lf.f.To)
	f.SetValue(fRep, lf.rep)
	s.filters = &filterBar{form: f}
	return nil
}

func (s *Screen) updateFilters(msg tea.KeyPressMsg) tea.Cmd {
	k, fb := s.keys, s.filters
	_, at := fb.form.Focused()
	switch {
	case key.Matches(msg, k.abandon):
		s.filters = nil
		return nil
	case key.Matches(msg, k.save), msg.String() == "enter" && at == fRep:
		return s.resolveFilters()
	}
	return fb.form.Update(msg)
}

// resolveFilters finds the customer and rep the words name, in a
// command; the answer applies them or shows what is wrong at the field.
func (s *Screen) resolveFilters() tea.Cmd {
	fb := s.filters
	fb.req = s.nextReq()
	req, desk, ctx, today := fb.req, s.c.Desk, s.c.Ctx, s.c.Now()
	cust, from, to, rep := fb.form.Value(fCustomer), fb.form.Value(fFrom), fb.form.Value(fTo), fb.form.Value(fRep)
	lf := *s.filter.Load()
	cat := s.c.Cat
	return func() tea.Msg {
		errs := map[string]string{}
		lf.f.CustomerID, lf.customer = 0, ""
		if q := strings.TrimSpace(cust); q != "" {
			rows, err := desk.Customers(ctx, store.Page{Query: q, Limit: 2})
			switch {
			case err != nil:
				errs[fCustomer] = common.ErrorText(cat, err)
			case len(rows) == 0:
				errs[fCustomer] = cat.T("orders.no_customer", q)
			default:
				lf.f.CustomerID, lf.customer = rows[0].ID, rows[0].Name
			}
		}
		var fe *workflow.FieldError
		if lf.f.From, fe = workflow.ParseDayField(fFrom, from, today, workflow.AnyDay); fe != nil {
			errs[fFrom] = common.FieldText(cat, fe)
		}
		if lf.f.To, fe = workflow.ParseDayField(fTo, to, today, workflow.AnyDay); fe != nil {
			errs[fTo] = common.FieldText(cat, fe)
		}
		if lf.f.From != "" && lf.f.To != "" && lf.f.To < lf.f.From {
			errs[fTo] = common.FieldText(cat, &workflow.FieldError{Code: workflow.DateOrder})
		}
		lf.f.RepID, lf.rep = 0, ""
		if q := strings.ToLower(strings.TrimSpace(rep)); q != "" {
			reps, err := desk.SalesReps(ctx)
			if err != nil {
				errs[fRep] = common.ErrorText(cat, err)
			}
			for _, u := range reps {
				if strings.Contains(strings.ToLower(u.Name), q) || strings.Contains(strings.ToLower(u.Login), q) {
					lf.f.RepID, lf.rep = u.ID, u.Name
					break
				}
			}
			if lf.f.RepID == 0 && errs[fRep] == "" {
				errs[fRep] = cat.T("orders.no_rep", rep)
			}
		}
		return filterMsg{req: req, lf: lf, errs: errs}
	}
}

func (s *Screen) onFilter(msg filterMsg) tea.Cmd {
	fb := s.filters
	if fb == nil || msg.req != fb.req {
		return nil
	}
	fb.form.ClearErrors()
	if len(msg.errs) > 0 {
		for k, v := range msg.errs {
			fb.form.SetError(k, v)
		}
		return nil
	}
	s.filters = nil
	return s.setFilter(msg.lf)
}

func (s *Screen) viewFilters() string {
	st := s.c.Styles
	return st.Title.Render(s.c.T("orders.filters_title")) + "\n\n" + s.filters.form.View() + "\n\n" +
		st.Muted.Render(common.Wrap(s.c.T("orders.filters_hint"), s.width))
}

// showCustomer lists one customer's orders, newest first, every status:
// "the same as last time" starts here from the customer's file.
func (s *Screen) showCustomer(c store.CustomerRow) tea.Cmd {
	lf := *s.filter.Load()
	lf.f.CustomerID, lf.customer, lf.status = c.ID, c.Name, 0
	lf.f.Statuses = nil
	s.mode, s.entry, s.prompt, s.picker, s.filters = modeList, nil, nil, nil, nil
	// The cursor waits on the customer's last order: "the same as last
	// time" is then one key (c).
	s.filter.Store(&lf)
	return s.list.JumpLast(0)
}
