// Package plans is the Plans screen (销售计划 / 销售目标): a rep's month,
// week and day plans and their targets, listed with their period and
// status; a plan's lines and, for a month, its plan against what was
// ordered; the form a rep (or the desk, for a rep) drafts a plan in,
// submitted for a supervisor's sign-off in Review; and what an approved
// week did, written afterwards.
package plans

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/tui/common/draft"
	"orderdesk/workflow"
)

// mode is what the screen shows; it decides where keys go. The prompt
// asks what an approved plan's period did, or why it is void.
type mode = docscreen.Mode

// Screen is the Plans screen of one session: the document screen's
// skeleton (its size, mode, request ids, the document's body, the
// prompt and whether a submit or a result is on its way) and its own
// lists, form, drafts and steps.
type Screen struct {
	docscreen.Base
	c            *common.Common
	keys         keyMap
	listAnswered int // the last list read answered

	period  string // the period kind listed ("" for every kind)
	view    view   // the list shown: plans, targets, purchase plans, collections
	plans   *common.List[store.Plan]
	goals   *common.List[store.Target]
	buys    *common.List[store.PurchasePlan]
	collect collection // the month's collection plan, read when first shown

	detailAnswered int                 // the last document read answered
	plan           *store.Plan         // the plan shown
	target         *store.Target       // or the target shown
	buy            *store.PurchasePlan // or the purchase plan shown
	report         *workflow.PlanReport

	reps        []store.User // whom the desk drafts plans for
	form        *planForm
	forms       int // forms opened, to tag their answers
	drafts      *draft.Shelf
	promptBack  mode   // where the prompt goes back to once closed
	promptTitle string // the prompt's title, which shares its line
}

// New builds the screen for one session.
func New(c *common.Common) *Screen {
	s := &Screen{c: c, keys: newKeyMap(c), drafts: draft.NewShelf(c),
		plans: common.NewList(c, func(p store.Plan) int64 { return p.DocID }).WithFilter(planMatches),
		goals: common.NewList(c, func(x store.Target) int64 { return x.DocID }).WithFilter(targetMatches),
		buys:  common.NewList(c, func(p store.PurchasePlan) int64 { return p.DocID }).WithFilter(purchaseMatches)}
	s.Base = docscreen.NewHeldBase(c, s.detailText)
	return s
}

// Init loads the lists and, for the desk, the reps it drafts for.
func (s *Screen) Init() tea.Cmd {
	cmds := []tea.Cmd{s.reload()}
	if !ownPlansOnly(s.c.Desk.User) {
		cmds = append(cmds, loadReps(s.c.Ctx, s.c.Desk))
	}
	return tea.Batch(cmds...)
}

// reload asks for the lists again; an older answer is dropped.
func (s *Screen) reload() tea.Cmd {
	s.AskList()
	return loadLists(s.c.Ctx, s.c.Desk, s.ListReq, s.period)
}

// Title is the tab label.
func (s *Screen) Title() string { return s.c.T("screen.plans") }

// Capturing is true while typing: the filter, the form or the prompt.
func (s *Screen) Capturing() bool {
	return s.Typing(s.plans.Editing || s.goals.Editing || s.buys.Editing)
}

// SetSize fits the screen, and an open form, to the window.
func (s *Screen) SetSize(w, h int) {
	s.SetHeldSize(w, h)
	s.plans.SetHeight(max(h-listChrome, 1))
	s.goals.SetHeight(max(h-listChrome, 1))
	s.buys.SetHeight(max(h-listChrome, 1))
	if s.collect.rows != nil {
		s.collect.rows.SetHeight(max(h-listChrome, 1))
	}
	if s.form != nil {
		s.form.resize(w, h)
	}
	s.FitPrompt(s.promptWidth())
}

// Update routes a message (a panic is the root's: see tui/recover.go).
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.OpenMsg:
		s.Mode = docscreen.Detail
		return s, s.openPlan(msg.DocID)
	case common.ChangedMsg:
		if msg.Change.Kind != store.PlanKind && msg.Change.Kind != store.TargetKind && msg.Change.Kind != store.OrderKind &&
			msg.Change.Kind != store.PurchasePlanKind {
			return s, nil
		}
		return s, s.refresh()
	case listMsg:
		return s, s.onList(msg)
	case repsMsg:
		if msg.err == nil {
			s.reps = msg.reps
			if s.form != nil {
				s.form.setReps(s.reps)
			}
		}
		return s, nil
	case detailMsg:
		return s, s.onDetail(msg)
	case editMsg:
		return s, s.onEdit(msg)
	case savedMsg:
		return s, s.onSaved(msg)
	case doneMsg:
		return s, s.onDone(msg)
	case collectionMsg:
		return s, s.onCollection(msg)
	case customersMsg:
		return s, s.onCustomers(msg)
	case draft.LoadedMsg[planDraft]:
		return s, s.onDraftLoaded(msg)
	case draft.TickMsg:
		return s, s.saveDraft(msg)
	case tea.KeyPressMsg, tea.PasteMsg:
		return s, s.onInput(msg)
	}
	return s, nil
}

func (s *Screen) onInput(msg tea.Msg) tea.Cmd {
	return s.Input(msg, docscreen.Inputs{Form: s.updateForm, Prompt: s.updatePrompt, Detail: s.updateDetail, List: s.updateList})
}

// refresh reloads the lists and the plan shown, after a change here or
// in another session.
func (s *Screen) refresh() tea.Cmd {
	cmds := []tea.Cmd{s.reload()}
	switch {
	case s.Mode == docscreen.Detail && s.plan != nil:
		cmds = append(cmds, s.openPlan(s.plan.DocID))
	case s.Mode == docscreen.Detail && s.buy != nil:
		cmds = append(cmds, s.openPurchase(s.buy.DocID))
	case s.view == viewCollection:
		cmds = append(cmds, s.loadCollection())
	}
	return tea.Batch(cmds...)
}

// ShortHelp gives the bindings of the current mode, for the footer and help.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.keys
	switch s.Mode {
	case docscreen.Form:
		if s.form != nil && (s.form.target || s.form.purchase != notPurchase) {
			return []key.Binding{k.next, k.prev, k.save, k.cancel}
		}
		return []key.Binding{k.next, k.prev, k.addLine, k.delLine, k.save, k.cancel}
	case docscreen.Prompt:
		return []key.Binding{s.c.Keys.Confirm, s.c.Keys.Cancel}
	case docscreen.Detail:
		if s.buy != nil {
			return s.purchaseDetailHelp()
		}
		edit, submit, result, void := k.edit, k.submit, k.result, k.void
		status := ""
		switch {
		case s.plan != nil:
			status = s.plan.Status
		case s.target != nil:
			status = s.target.Status
		}
		edit.SetEnabled(edit.Enabled() && editable(status))
		submit.SetEnabled(submit.Enabled() && editable(status))
		result.SetEnabled(result.Enabled() && s.plan != nil && status == "approved")
		void.SetEnabled(void.Enabled() && status == "approved")
		return []key.Binding{k.back, edit, submit, result, void, s.c.Keys.Up, s.c.Keys.Down}
	}
	if s.plans.Editing || s.goals.Editing || s.buys.Editing {
		return []key.Binding{s.c.Keys.Confirm, s.c.Keys.Cancel}
	}
	switch s.view {
	case viewTargets:
		return []key.Binding{s.c.Keys.Filter, k.open, k.toggle, k.newTarget, k.edit, k.submit, k.void, k.refresh}
	case viewPurchases:
		return []key.Binding{s.c.Keys.Filter, k.open, k.toggle, k.newPurchase, k.edit, k.submit, k.send, k.void, k.refresh}
	case viewCollection:
		return []key.Binding{k.toggle, k.prevMonth, k.nextMonth, s.c.Keys.Up, s.c.Keys.Down, k.refresh}
	}
	return []key.Binding{s.c.Keys.Filter, k.open, k.toggle, k.period, k.create, k.edit, k.submit, k.void, k.refresh}
}

// FullHelp is the ? help: the same keys, as one group.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

// View renders the current mode; it only reads state.
func (s *Screen) View() string {
	switch s.Mode {
	case docscreen.Detail:
		return s.viewDetail()
	case docscreen.Form:
		if s.form != nil {
			return s.form.view()
		}
	case docscreen.Prompt:
		if s.Prompt != nil && s.promptBack == docscreen.List {
			return s.viewListWith(s.Prompt.View())
		}
		if s.Prompt != nil {
			return s.DocWith(s.Prompt.View())
		}
	}
	return s.viewList()
}

// ownPlansOnly is true for a sales rep without the desk's roles: their
// plans are their own, and the form asks for no rep.
func ownPlansOnly(u store.User) bool {
	return !u.HasRole(string(workflow.Clerk)) && !u.HasRole(string(workflow.Supervisor))
}

// editable asks the workflow whether a plan in status takes edits.
func editable(status string) bool { return stateEditable(workflow.SalesPlan, status) }

// stateEditable is whether kind's status takes edits.
func stateEditable(kind *workflow.Kind, status string) bool {
	for _, st := range kind.States {
		if st.Name == status {
			return st.Editable
		}
	}
	return false
}
