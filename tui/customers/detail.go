package customers

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// detailState is the customer file on screen.
type detailState struct {
	id     int64
	file   workflow.CustomerFile
	after  workflow.AfterSales
	loaded bool
}

// refreshFile updates the file shown without changing what is on screen.
const refreshFile intent = -1

// loadFile asks for a customer file to show, edit or void; a later
// request replaces it (esc before it comes cancels it).
func (s *Screen) loadFile(id int64, then intent) tea.Cmd {
	s.fileReq = s.nextReq()
	return loadFile(s.c.Ctx, s.c.Desk, s.fileReq, id, then)
}

func (s *Screen) refreshDetail() tea.Cmd {
	s.detailReq = s.nextReq()
	return loadFile(s.c.Ctx, s.c.Desk, s.detailReq, s.detail.id, refreshFile)
}

func (s *Screen) openDetail(id int64) tea.Cmd {
	s.detailOf(id)
	s.mode = modeDetail
	return s.loadFile(id, showFile)
}

// detailOf makes id the file the detail shows, from its top when it is
// another customer's.
func (s *Screen) detailOf(id int64) {
	if s.detail.id != id {
		s.detail = detailState{id: id}
		s.body.Reset()
	}
}

func (s *Screen) onFile(msg fileMsg) tea.Cmd {
	if msg.then == refreshFile {
		if msg.req != s.detailReq || msg.err != nil {
			return nil // the next change or open will try again
		}
		if msg.file.ID == s.detail.id {
			s.detail.file, s.detail.after, s.detail.loaded = msg.file, msg.after, true
		}
		return nil
	}
	if msg.req != s.fileReq {
		return nil
	}
	if msg.err != nil {
		if s.mode == modeDetail && !s.detail.loaded {
			s.mode = modeList
		}
		return common.Status(common.ErrorText(s.c.Cat, msg.err), true)
	}
	if msg.file.ID == s.detail.id || msg.then == showFile {
		s.detail.id, s.detail.file, s.detail.after, s.detail.loaded = msg.file.ID, msg.file, msg.after, true
	}
	switch msg.then {
	case showFile:
		s.mode = modeDetail
	case visitFile: // the form over the file, which it returns to
		s.mode = modeDetail
		return s.openVisit(msg.file.Customer)
	case editFile:
		return s.openEdit(msg.file)
	case voidFile:
		return s.openVoid(msg.file.Customer)
	}
	return nil
}

func (s *Screen) updateDetail(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	d := &s.detail
	switch {
	case key.Matches(msg, k.back):
		s.fileReq = s.nextReq() // drops an edit or void still loading
		s.mode, s.detail = modeList, detailState{}
		s.body.Reset()
	case !d.loaded:
	case key.Matches(msg, k.edit):
		return s.loadFile(d.id, editFile)
	case key.Matches(msg, k.void):
		if d.file.Voided {
			return common.Status(s.c.T("refusal.voided"), true)
		}
		return s.loadFile(d.id, voidFile)
	case key.Matches(msg, k.visit):
		return s.openVisit(d.file.Customer)
	case key.Matches(msg, k.orders):
		row, _ := s.ShownCustomer()
		return func() tea.Msg { return common.CustomerOrdersMsg{Screen: "screen.orders", Customer: row} }
	case key.Matches(msg, k.refresh):
		return s.refreshDetail()
	default:
		s.body.Key(msg)
	}
	return nil
}

func (s *Screen) viewDetail() string {
	if !s.detail.loaded {
		return s.c.Styles.Muted.Render(s.c.T("status.loading"))
	}
	return s.body.View()
}

// detailText is the customer file for the scrolled view.
func (s *Screen) detailText() string { return strings.Join(s.detailLines(), "\n") }

// detailLines is the whole customer file, one screen line each; the
// view shows the part that fits.
// sourceName is a customer's source in the user's words; "" none.
func (s *Screen) sourceName(src string) string {
	if src == "" {
		return ""
	}
	return s.c.T("lead.source." + src)
}

func (s *Screen) detailLines() []string {
	st := s.c.Styles
	f := s.detail.file
	t := s.c.T
	labels := []string{"short_name", "mnemonic", "region", "category", "source", "address", "contact", "phone", "fax",
		"email", "website", "rep_id", "produces", "usual_grades", "suppliers", "payment_terms", "credit_limit",
		"pending", "notes", "state", "updated"}
	lw := 0
	for _, l := range labels {
		lw = max(lw, ansi.StringWidth(s.fieldLabel(l)))
	}
	val := func(v string) string {
		if strings.TrimSpace(v) == "" {
			return st.Muted.Render("—")
		}
		return st.Value.Render(v)
	}
	cell := func(field, v string, w int) string {
		return common.Fit(st.Label.Render(common.Fit(s.fieldLabel(field), lw, false))+"  "+v, w, false)
	}
	half := max((s.width-2)/2, lw+4)
	pair := func(f1, v1, f2, v2 string) string { return cell(f1, v1, half) + "  " + cell(f2, v2, half) }
	one := func(field, v string) string { return cell(field, v, s.width) }

	credit := val(f.CreditLimit.String())
	if f.MoneyHidden {
		credit = st.Muted.Render(t("customers.hidden"))
	}
	head := st.Title.Render(f.Code + "  " + f.Name)
	if f.Voided {
		head += "  " + st.Warning.Render(t("customers.voided_badge"))
	}
	out := []string{common.Fit(head, s.width, false), ""}
	out = append(out,
		pair("short_name", val(f.ShortName), "mnemonic", val(f.Mnemonic)),
		pair("region", val(strings.TrimSpace(f.Province+" "+f.City)), "category", val(t("category."+f.Category))),
		pair("weighing", val(common.Weighing(s.c.Cat, f.Weighing)), "source", val(s.sourceName(f.Source))),
		one("address", val(f.Address)),
		pair("contact", val(f.Contact), "phone", val(f.Phone)),
		pair("fax", val(f.Fax), "email", val(f.Email)),
		pair("website", val(f.Website), "rep_id", val(f.Rep)),
		one("produces", val(f.Produces)),
		one("usual_grades", val(f.UsualGrades)),
		one("suppliers", val(f.Suppliers)),
		pair("payment_terms", val(common.Terms(s.c.Cat, f.PaymentTerms, f.TermsDays)),
			"credit_limit", credit),
	)
	if p := s.pendingText(f); p != "" {
		out = append(out, one("pending", st.Warning.Render(p)))
	}
	notes := strings.Split(f.Notes, "\n")
	out = append(out, one("notes", val(notes[0])))
	for _, n := range notes[1:] {
		out = append(out, common.Fit(strings.Repeat(" ", lw+2)+n, s.width, false))
	}
	state := t("customers.state.active")
	if f.Voided {
		state = st.Warning.Render(t("customers.state.voided", f.VoidReason))
	}
	updated := f.UpdatedBy + "  " + f.UpdatedAt.In(s.c.Now().Location()).Format("2006-01-02 15:04")
	out = append(out, pair("state", state, "updated", val(updated)))

	out = append(out, "", st.Title.Render(t("customers.visits.title", len(f.Visits))))
	if len(f.Visits) == 0 {
		out = append(out, "  "+st.Muted.Render(t("customers.visits.none")))
	}
	for _, v := range f.Visits {
		note, _, _ := strings.Cut(v.Notes, "\n")
		if v.Status == workflow.VisitPlanned { // a visit to come: its place
			note = t("state.visit.planned") + " " + note
		}
		out = append(out, common.Fit("  "+v.On+"  "+common.Fit(t("customers.visit."+v.Kind), 8, false)+"  "+
			common.Fit(v.By, 8, false)+"  "+note, s.width, false))
	}
	if m := f.Materials; m.Sent > 0 {
		out = append(out, "", st.Title.Render(t("customers.materials", m.Sent, m.Unconfirmed)))
	}
	out = append(out, s.afterSalesLines(s.detail.after)...)
	out = append(out, "", st.Title.Render(t("customers.history.title")))
	switch {
	case f.MoneyHidden:
		out = append(out, "  "+st.Muted.Render(t("customers.history.hidden")))
	case len(f.History) == 0:
		out = append(out, "  "+st.Muted.Render(t("customers.history.none")))
	}
	for _, r := range f.History {
		out = append(out, common.Fit("  "+s.historyLine(r), s.width, false))
	}
	return out
}

// pendingText describes a terms change waiting for review, if any:
// "awaiting review: 月结60天, ¥500,000.00 — by 王丽".
func (s *Screen) pendingText(f workflow.CustomerFile) string {
	p := f.PendingTerms
	if p == nil {
		return ""
	}
	k := "customers.pending.submitted"
	if f.PendingTermsDoc.Status == "sent_back" {
		k = "customers.pending.sent_back"
	}
	credit := "¥" + p.NewCredit.String()
	if f.MoneyHidden {
		credit = s.c.T("customers.hidden")
	}
	text := s.c.T(k, common.Terms(s.c.Cat, p.NewTerms, p.NewDays), credit, f.PendingTermsDoc.Maker)
	if p.Reason != "" {
		text += " · " + s.c.T("customers.pending.reason", p.Reason)
	}
	return text
}
