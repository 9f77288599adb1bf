package complaints

import (
	"errors"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/custlookup"
	"orderdesk/tui/common/docscreen"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// sheetKind is what a sheet records.
type sheetKind int

const (
	sheetRecord   sheetKind = iota // a new complaint: the quick form
	sheetAction                    // an action taken
	sheetResolve                   // the resolution
	sheetFollowUp                  // the follow-up call's outcome
)

// sheet is one of the screen's small forms. Focus moves inside Update
// (tui/common/form), so keys typed ahead land where meant; a save keeps
// everything typed until the workflow accepts it.
type sheet struct {
	kind   sheetKind
	id     int   // tags the answers meant for this sheet
	docID  int64 // the complaint (or delivery note, for a call) it is about
	seen   int64 // the complaint's version when the sheet opened
	title  string
	f      *form.Form
	saving bool
	back   mode               // where esc and a save return to
	from   string             // the title key of the screen C was pressed on, where esc returns to ("" for this one)
	look   *custlookup.Lookup // the customers the customer field matches (a new complaint's)
}

// lookupRows is how many customers the quick form offers at once: the
// form, its hint and the candidates fit 80×24.
const lookupRows = 5

// newRecordSheet is the quick complaint form: the customer by 助记码,
// what it concerns, its type (a digit or its name), the customer's
// words, how it came in and how severe; enter on the last field saves.
func (s *Screen) newRecordSheet(customer store.CustomerRow) *sheet {
	t := s.c.T
	f := form.New(s.c,
		form.Field{Key: workflow.FCustomer, Label: t("complaints.field.customer"), Width: 20, Limit: 60, Placeholder: t("complaints.holder.customer")},
		// The hint is shown whole, as wide as the language shown needs.
		form.Field{Key: workflow.FConcerns, Label: t("complaints.field.concerns"), Width: common.Widest(20, t("complaints.holder.concerns")), Limit: 40, Placeholder: t("complaints.holder.concerns")},
		form.Field{Key: workflow.FType, Label: t("complaints.field.type"), Width: 12, Limit: 20, Hint: s.typeHint(),
			Check: func(v string) string { return s.typeProblem(v) }},
		form.Field{Key: workflow.FWords, Label: t("complaints.field.words"), Width: 50, Limit: 2000},
		form.Field{Key: workflow.FChannel, Label: t("complaints.field.channel"), Width: 12, Options: s.options("complaint.channel.", workflow.ComplaintChannels)},
		form.Field{Key: workflow.FSeverity, Label: t("complaints.field.severity"), Width: 12, Options: s.options("complaint.severity.", workflow.Severities)},
	).EnterSaves()
	f.SetValue(workflow.FSeverity, "normal")
	sh := &sheet{kind: sheetRecord, title: t("complaints.new_title"), f: f, back: docscreen.List, look: custlookup.New(s.c, lookupRows)}
	if customer.ID != 0 {
		f.SetValue(workflow.FCustomer, customer.Code)
		f.FocusField(workflow.FConcerns)
		sh.look.Show(customer)
	}
	return sh
}

// typeHint lists the types by their digit: 1 quality … 9 service.
func (s *Screen) typeHint() string {
	parts := make([]string, len(workflow.ComplaintTypes))
	for i, typ := range workflow.ComplaintTypes {
		item := "complaints.type_hint_more"
		if i == 0 {
			item = "complaints.type_hint_item"
		}
		parts[i] = s.c.T(item, i+1, s.c.T("complaint.type."+typ))
	}
	return strings.Join(parts, "")
}

// typeOf reads the type field: a digit 1–9 or a type's name.
func typeOf(v string) string {
	v = strings.TrimSpace(v)
	if n, err := strconv.Atoi(v); err == nil && n >= 1 && n <= len(workflow.ComplaintTypes) {
		return workflow.ComplaintTypes[n-1]
	}
	return v
}

func (s *Screen) typeProblem(v string) string {
	if strings.TrimSpace(v) == "" {
		return ""
	}
	for _, typ := range workflow.ComplaintTypes {
		if typ == typeOf(v) {
			return ""
		}
	}
	return s.c.T("complaints.type_problem")
}

func (s *Screen) options(prefix string, values []string) []form.Option {
	out := make([]form.Option, len(values))
	for i, v := range values {
		out[i] = form.Option{Value: v, Label: s.c.T(prefix + v)}
	}
	return out
}

// newActionSheet records what was done.
func (s *Screen) newActionSheet(v workflow.ComplaintView) *sheet {
	f := form.New(s.c, form.Field{Key: workflow.FAction, Label: s.c.T("complaints.field.action"), Width: 50, Limit: 2000}).EnterSaves()
	return &sheet{kind: sheetAction, docID: v.DocID, seen: v.Version, title: s.c.T("complaints.action_title", v.Ref), f: f, back: docscreen.Detail}
}

// newResolveSheet records the resolution: none is picked until the
// clerk picks one, so a save without one is refused at its field.
func (s *Screen) newResolveSheet(v workflow.ComplaintView) *sheet {
	opts := append([]form.Option{{Value: "", Label: s.c.T("complaints.pick")}}, s.options("complaint.resolution.", workflow.Resolutions)...)
	f := form.New(s.c,
		form.Field{Key: workflow.FResolution, Label: s.c.T("complaints.field.resolution"), Width: 14, Options: opts},
		form.Field{Key: workflow.FNote, Label: s.c.T("complaints.field.note"), Width: 50, Limit: 2000},
	)
	return &sheet{kind: sheetResolve, docID: v.DocID, seen: v.Version, title: s.c.T("complaints.resolve_title", v.Ref), f: f, back: docscreen.Detail}
}

// newFollowUpSheet records a follow-up call's outcome: satisfied or
// not (y or n) and what the customer said.
func (s *Screen) newFollowUpSheet(docID int64, ref string, back mode) *sheet {
	f := form.New(s.c,
		form.Field{Key: workflow.FSatisfied, Label: s.c.T("complaints.field.satisfied"), Width: 4, Limit: 1, Hint: s.c.T("complaints.hint.satisfied")},
		form.Field{Key: workflow.FRemark, Label: s.c.T("complaints.field.remark"), Width: 50, Limit: 2000},
	).EnterSaves()
	return &sheet{kind: sheetFollowUp, docID: docID, title: s.c.T("complaints.follow_title", ref), f: f, back: back}
}

// open shows a sheet.
func (s *Screen) open(sh *sheet) tea.Cmd {
	s.forms++
	sh.id = s.forms
	sh.f.SetSize(s.Width, max(s.Height-3, 4))
	s.sheet, s.Mode = sh, docscreen.Form
	return nil
}

func (s *Screen) updateSheet(msg tea.Msg) tea.Cmd {
	sh := s.sheet
	if s.lookupKey(sh, msg) {
		return nil
	}
	typed := sh.f.Value(workflow.FCustomer)
	cmd, act := sh.f.Handle(msg, s.c.Keys)
	switch v := sh.f.Value(workflow.FCustomer); {
	case v == typed || sh.look == nil:
	case strings.TrimSpace(v) == "":
		sh.look.Clear()
	default:
		cmd = tea.Batch(cmd, sh.look.Ask(s.NextReq(), v))
	}
	switch act {
	case form.Cancel:
		s.sheet, s.Mode = nil, sh.back
		return common.Return(sh.from)
	case form.Save:
		if sh.saving {
			return cmd
		}
		sh.saving = true
		return tea.Batch(cmd, s.saveSheet(sh))
	}
	return cmd
}

// saveSheet sends what the sheet holds to the workflow.
func (s *Screen) saveSheet(sh *sheet) tea.Cmd {
	ctx, desk, f, id, doc, seen := s.c.Ctx, s.c.Desk, sh.f, sh.id, sh.docID, sh.seen
	switch sh.kind {
	case sheetRecord:
		in := workflow.ComplaintInput{Customer: f.Value(workflow.FCustomer), Concerns: f.Value(workflow.FConcerns),
			Type: typeOf(f.Value(workflow.FType)), Words: f.Value(workflow.FWords), Channel: f.Value(workflow.FChannel), Severity: f.Value(workflow.FSeverity)}
		return save(id, func() (int64, error) { return desk.RecordComplaint(ctx, in) })
	case sheetAction:
		text := f.Value(workflow.FAction)
		return save(id, func() (int64, error) { return doc, desk.RecordComplaintAction(ctx, doc, text) })
	case sheetResolve:
		in := workflow.ResolutionInput{Resolution: f.Value(workflow.FResolution), Note: f.Value(workflow.FNote)}
		return save(id, func() (int64, error) { return doc, desk.ResolveComplaint(ctx, doc, seen, in) })
	}
	in := workflow.FollowUpInput{SourceDocID: doc, Satisfied: f.Value(workflow.FSatisfied), Remark: f.Value(workflow.FRemark)}
	return save(id, func() (int64, error) { return doc, desk.RecordFollowUp(ctx, in) })
}

// onSaved closes the sheet on success; on a refusal it keeps everything
// typed and shows each problem at its field.
func (s *Screen) onSaved(msg savedMsg) tea.Cmd {
	sh := s.sheet
	if sh == nil || msg.form != sh.id {
		return nil
	}
	sh.saving = false
	var fields workflow.FieldErrors
	switch {
	case errors.As(msg.err, &fields):
		return s.showErrors(sh, fields)
	case msg.err != nil:
		return s.Status(msg.err)
	}
	s.sheet = nil
	done := map[sheetKind]string{sheetRecord: "complaints.recorded", sheetAction: "complaints.acted",
		sheetResolve: "complaints.resolved", sheetFollowUp: "complaints.called"}[sh.kind]
	if sh.kind == sheetFollowUp && sh.back == modeCalls {
		s.Mode = modeCalls
		return tea.Batch(s.reload(), common.Status(s.c.T(done), false))
	}
	s.Mode = docscreen.Detail
	return tea.Batch(s.reload(), s.shown.Read(msg.id), common.Status(s.c.T(done), false))
}

// showErrors puts each problem at its field, moves the focus to the
// first, and names it in the status line.
func (s *Screen) showErrors(sh *sheet, errs workflow.FieldErrors) tea.Cmd {
	sh.f.ClearErrors()
	first := ""
	for _, e := range errs {
		text := common.FieldText(s.c.Cat, e)
		sh.f.SetError(e.Field, text)
		if first == "" {
			sh.f.FocusField(e.Field)
			first = common.FieldName(s.c.Cat, e.Field) + s.c.T("customers.colon") + text
		}
	}
	return common.Status(s.c.T("error.fix_fields")+s.c.T("customers.colon")+first, true)
}

func (s *Screen) viewSheet() string {
	sh := s.sheet
	st := s.c.Styles
	hint := s.c.T("complaints.sheet_hint")
	found := ""
	if sh.look != nil && sh.look.Asked() {
		found = sh.look.View(s.Width, sh.look.Pending())
	}
	return st.Title.Render(sh.title) + "\n\n" + sh.f.View() + "\n" + found + st.Muted.Render(common.Fit(hint, s.Width, false))
}
