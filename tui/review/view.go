package review

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// View renders the inbox, or the document under review.
func (s *Screen) View() string {
	if s.reply != nil && s.detail != nil {
		return s.replyView()
	}
	if s.mode == signingHere && s.desk != nil {
		return s.atDeskView()
	}
	if s.mode == answering && s.answer != nil && s.detail != nil {
		return s.answerView()
	}
	if s.mode != listing && s.detail != nil {
		return s.detailView()
	}
	rows := s.sectionRows()
	tasks, leads, visits, actions, mats := rows[0], rows[1], rows[2], rows[3], rows[4]
	return s.listView(tasks+leads+visits+actions+mats) + s.tasksView(tasks) + s.leadTasksView(leads) + s.visitTasksView(visits) +
		s.actionTasksView(actions) + s.materialTasksView(mats)
}

// sectionRows are the lines of the sections under the documents: the
// collections tasks, the leads, the visits, the action items and what
// was sent awaiting its receipt. Each asks for its rows and three lines
// (title, header, gap), up to a share of the window; the documents keep
// a third of it (or all they have), every section its title and a row
// while there is room, and what is left goes to the sections in order.
// Asked each alone, they took the whole window together and left a
// clerk's documents one row.
func (s *Screen) sectionRows() [5]int {
	ask := func(n, share int) int {
		if n == 0 {
			return 0
		}
		return min(n+3, max(share, 4))
	}
	want := [5]int{ask(len(s.shownTasks()), s.height/2), ask(len(s.shownLeadTasks()), s.height/3),
		ask(len(s.shownVisitTasks()), s.height/4), ask(len(s.shownActionTasks()), s.height/3),
		ask(len(s.shownMaterialTasks()), s.height/4)}
	docs := 1 // the line that says there is nothing
	if n := len(s.items()); n > 0 {
		docs = min(n, max(s.height/3, 3))
	}
	room := max(s.height-3-s.filterLines()-docs, 0)
	var got [5]int
	for i, w := range want {
		if w > 0 && room >= 4 {
			got[i], room = 4, room-4
		}
	}
	for i, w := range want {
		if got[i] > 0 {
			more := min(w-got[i], room)
			got[i], room = got[i]+more, room-more
		}
	}
	return got
}

// sectionLines is the lines of every section under the documents.
func (s *Screen) sectionLines() int {
	n := 0
	for _, rows := range s.sectionRows() {
		n += rows
	}
	return n
}

// listRows is how many documents fit above taskRows lines of tasks.
func (s *Screen) listRows(taskRows int) int { return max(s.height-3-s.filterLines()-taskRows, 1) }

func (s *Screen) columns() []common.Column {
	cols := []common.Column{
		{Title: s.c.T("review.col.age"), Width: 6, Right: true},
		{Title: s.c.T("review.col.kind"), Width: 14},
		{Title: s.c.T("review.col.ref"), Width: 14}, // LNSYNO.0001/12, BJ2026-000072
		{Title: s.c.T("review.col.summary"), Width: 20},
		{Title: s.c.T("review.col.maker"), Width: 8},
		{Title: s.c.T("review.col.status"), Width: s.statusWidth()},
	}
	// The status is what a reviewer acts on: in a narrow window the
	// summary gives way to it.
	return common.Squeeze(common.Stretch(cols, 3, s.width), s.width, common.Shrink{Col: 3, Min: 6})
}

// statusWidth is the width of the widest status listed ("waiting for
// sign-off"), at least that of the heading.
func (s *Screen) statusWidth() int {
	w := max(ansi.StringWidth(s.c.T("review.col.status")), 10)
	for _, it := range s.items() {
		w = max(w, ansi.StringWidth(s.c.T("state."+it.Kind+"."+it.Status)))
	}
	return w
}

// listView lists the documents, leaving taskRows lines for the tasks.
func (s *Screen) listView(taskRows int) string {
	st := s.c.Styles
	var b strings.Builder
	heading := s.c.T("review.heading", len(s.items()))
	if s.mine {
		heading = s.c.T("review.heading_mine", len(s.items()))
	}
	b.WriteString(st.Title.Render(heading) + "  " + st.Muted.Render(s.c.T("review.toggle_hint")) + "\n")
	if s.filterLines() > 0 {
		b.WriteString(s.filter.FilterView() + "\n")
	}
	cols := s.columns()
	b.WriteString(st.Header.Render(common.Header(cols)) + "\n")
	if s.loadErr != nil {
		return b.String() + st.StatusError.Render(common.ErrorText(s.c.Cat, s.loadErr))
	}
	if !s.loaded {
		return b.String() + st.Muted.Render(s.c.T("status.loading"))
	}
	if len(s.items()) == 0 {
		empty := s.c.T("review.empty")
		switch {
		case s.filter.Query() != "":
			empty = s.c.T("list.no_match", s.filter.Query())
		case s.mine:
			empty = s.c.T("review.empty_mine")
		}
		b.WriteString(st.Muted.Render(empty))
		if taskRows > 0 {
			b.WriteString("\n")
		}
		return b.String()
	}
	rows := s.listRows(taskRows)
	start := s.inboxStart(rows)
	now := s.c.Now()
	for i := start; i < len(s.items()) && i < start+rows; i++ {
		it := s.items()[i]
		line := common.Line(cols, []string{
			common.Age(s.c.Cat, now, it.StatusSince), s.c.T("kind." + it.Kind), it.Ref, s.summary(it), it.Maker,
			s.c.T("state." + it.Kind + "." + it.Status),
		})
		if i == s.cursor.Pos {
			line = st.Selected.Render(line)
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// detailView is the document, wrapped and scrolled (s.doc), over what
// the reviewer does with it: the comment being typed, or what they may
// do. That part stays in sight however long the document is.
func (s *Screen) detailView() string {
	bottom := s.detailBottom()
	return s.doc.Window(s.docRows(bottom)) + "\n\n" + bottom
}

// docRows is how many lines of the document fit above bottom.
func (s *Screen) docRows(bottom string) int {
	return max(s.height-strings.Count(bottom, "\n")-2, 3)
}

// sizeDoc gives the document the lines View draws it in, over what
// stands under it, for a key that scrolls it.
func (s *Screen) sizeDoc() {
	s.doc.SetSize(s.width, s.docRows(s.detailBottom()))
}

// docContent is the document shown in Review: its header, content and
// history.
func (s *Screen) docContent() string {
	st := s.c.Styles
	d := s.detail
	if d == nil {
		return ""
	}
	var b strings.Builder
	field := func(label, value string) {
		b.WriteString(st.Label.Render(common.Fit(s.c.T(label), 14, false)) + " " + value + "\n")
	}
	b.WriteString(st.Title.Render(common.DocTitle(s.c, d.Kind, d.Ref)) + "\n\n")
	field("review.field.status", s.c.T("state."+d.Kind+"."+d.Status))
	field("review.field.maker", d.Maker)
	field("review.field.created", d.CreatedAt.Local().Format("2006-01-02 15:04"))
	if tc := d.TermsChange; tc != nil {
		field("review.field.customer", d.Customer)
		field("review.field.terms", common.Terms(s.c.Cat, tc.OldTerms, tc.OldDays)+"  →  "+common.Terms(s.c.Cat, tc.NewTerms, tc.NewDays))
		field("review.field.credit", "¥"+tc.OldCredit.String()+"  →  ¥"+tc.NewCredit.String())
		if tc.Reason != "" {
			field("review.field.reason", tc.Reason)
		}
	}
	s.pricingDetail(&b)
	s.quoteDetail(&b)
	s.orderDetail(&b)
	s.shippingFields(d, field)
	s.invoiceFields(d, field)
	s.creditFields(d, field)
	s.reconFields(d, field)
	s.importDetail(&b)
	s.planFields(d, field)
	s.purchaseFields(d, field)
	s.complaintFields(d, field)
	b.WriteString("\n" + st.Header.Render(s.c.T("review.history")) + "\n")
	b.WriteString(s.historyLines(d.Transitions))
	return b.String()
}

// detailBottom is what stands under the document: the comment being
// typed, or what the reviewer may do with it.
func (s *Screen) detailBottom() string {
	st := s.c.Styles
	d := s.detail
	var b strings.Builder
	switch {
	case s.mode == commenting:
		b.WriteString(s.comment.View() + "\n")
	case s.mine && d.Kind == store.PriceRequestKind:
		b.WriteString(st.Muted.Render(s.c.T("review.request_waiting")) + "\n")
	case s.mine:
		b.WriteString(st.Muted.Render(s.c.T("review.mine_hint")) + "\n")
	case len(signOffs(d)) == 0:
		b.WriteString(st.Warning.Render(s.c.T("review.cannot_act")) + "\n")
	default:
		var acts []string
		for _, a := range signOffs(d) {
			act := actionKey(a) + s.c.T("key."+a)
			if screen, ok := elsewhere(d, a); ok {
				act = s.c.T("review.on_screen", s.c.T("key."+a), s.c.T(screen))
			}
			acts = append(acts, act)
		}
		b.WriteString(st.Muted.Render(s.c.T("review.can_act", strings.Join(acts, " / "))) + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func (s *Screen) historyLines(trs []store.Transition) string {
	if len(trs) == 0 {
		return s.c.Styles.Muted.Render(s.c.T("review.no_history")) + "\n"
	}
	var b strings.Builder
	for _, t := range trs {
		line := fmt.Sprintf("%s  %s  %s", t.At.Local().Format("2006-01-02 15:04"), t.Actor, s.c.T("action."+t.Action))
		if t.Comment != "" {
			line += ": " + t.Comment
		}
		if t.SessionUserID != 0 && t.SessionUserID != t.ActorID {
			line += "  " + s.c.T("review.at_desk_of", t.SessionUser)
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// signOffs are the review decisions open to this user.
func signOffs(d *workflow.DocumentDetail) []string {
	var out []string
	for _, a := range d.Actions {
		if a.SignOff {
			out = append(out, a.Action)
		}
	}
	return out
}

// formScreens are the screens where a sign-off that carries a form of
// its own is taken (an invoice issued with its number, a note loaded, a
// return received), by document kind: not here, where a and b take a
// comment only.
var formScreens = map[string]string{
	store.InvoiceKind:      "screen.invoices",
	store.CreditKind:       "screen.invoices",
	store.DeliveryNoteKind: "screen.shipping",
	store.ReturnKind:       "screen.returns",
}

// notHere says why action cannot be taken here on the document shown:
// its step is taken on another screen, or it has no such step now.
func (s *Screen) notHere(action string) string {
	d := s.detail
	for _, a := range signOffs(d) {
		if screen, ok := elsewhere(d, a); ok {
			return s.c.T("review.done_on_screen", s.c.T("key."+a), s.c.T(screen))
		}
	}
	return s.c.T("review.no_step", s.c.T("key."+action))
}

// elsewhere is the screen a sign-off of d is taken on when no key here
// takes it.
func elsewhere(d *workflow.DocumentDetail, action string) (screen string, ok bool) {
	screen, ok = formScreens[d.Kind]
	return screen, ok && actionKey(action) == ""
}

// actionKey is the key that takes a sign-off in this screen: a approves,
// answers or replies (whichever the document asks), b sends back.
func actionKey(action string) string {
	switch action {
	case workflow.ActionApprove, workflow.ActionAnswer, workflow.ActionReply:
		return "a "
	case workflow.ActionSendBack:
		return "b "
	}
	return ""
}
