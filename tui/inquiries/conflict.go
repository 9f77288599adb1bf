package inquiries

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// A save refused because the inquiry changed since the form opened
// loads it again and says what changed. What was typed stays; the form
// now counts as typed over the new version, so a second ctrl+s saves it
// deliberately over the other change.

func (s *Screen) onConflict(msg conflictMsg) tea.Cmd {
	f := s.form
	if msg.err != nil {
		return common.Status(common.ErrorText(s.c.Cat, msg.err), true)
	}
	d := msg.detail
	if !editable(d.Status) || d.Inquiry == nil {
		return common.Status(s.c.T("inquiries.conflict_gone", f.ref, s.c.T("state.inquiry."+d.Status)), true)
	}
	what := s.changes(f.orig, *d.Inquiry)
	if d.Status != f.status {
		what = s.c.T("inquiries.changed.status", s.c.T("state.inquiry."+d.Status)) + s.c.T("list.sep") + what
	}
	// Lines removed meanwhile come back as new lines if saved again.
	kept := map[int64]bool{}
	for _, l := range d.Inquiry.Lines {
		kept[l.ID] = true
	}
	for i := 0; i < f.f.Lines(); i++ {
		if id := f.f.LineID(i); id != 0 && !kept[id] {
			f.f.SetLineID(i, 0)
		}
	}
	f.seen, f.orig, f.status = d.Version, *d.Inquiry, d.Status
	return common.Status(s.c.T("inquiries.conflict", f.ref, what), true)
}

// changes names what differs between two versions of an inquiry.
func (s *Screen) changes(was, now store.Inquiry) string {
	var out []string
	if was.PaymentTerms != now.PaymentTerms || was.TermsDays != now.TermsDays {
		out = append(out, s.c.T("inquiries.field.terms")+" "+common.Terms(s.c.Cat, now.PaymentTerms, now.TermsDays))
	}
	if was.Contact != now.Contact {
		out = append(out, s.c.T("inquiries.field.contact")+" "+now.Contact)
	}
	if was.Notes != now.Notes {
		out = append(out, s.c.T("inquiries.field.notes"))
	}
	before := map[int64]store.InquiryLine{}
	for _, l := range was.Lines {
		before[l.ID] = l
	}
	for _, l := range now.Lines {
		old, ok := before[l.ID]
		delete(before, l.ID)
		switch {
		case !ok:
			out = append(out, s.c.T("inquiries.changed.added", l.LineNo))
		case old != l:
			out = append(out, s.c.T("inquiries.changed.line", l.LineNo)+" "+s.lineDiff(old, l))
		}
	}
	for _, l := range was.Lines {
		if _, gone := before[l.ID]; gone {
			out = append(out, s.c.T("inquiries.changed.gone", strings.TrimSpace(l.Grade+" "+l.Name+" "+l.Spec)))
		}
	}
	if len(out) == 0 {
		return s.c.T("inquiries.changed.none")
	}
	return strings.Join(out, s.c.T("list.sep"))
}

// lineDiff names the fields of a line that changed, with their new values.
func (s *Screen) lineDiff(a, b store.InquiryLine) string {
	var out []string
	add := func(field, v string) { out = append(out, s.fieldLabel(field)+" "+v) }
	if a.Grade != b.Grade {
		add(workflow.FGrade, b.Grade)
	}
	if a.Name != b.Name {
		add(workflow.FProductName, b.Name)
	}
	if a.Spec != b.Spec {
		add(workflow.FSpec, b.Spec)
	}
	if a.Qty != b.Qty || a.Unit != b.Unit {
		add(workflow.FQuantity, b.Qty.String()+s.c.T("unit."+b.Unit))
	}
	if a.WantedOn != b.WantedOn {
		add(workflow.FWantedOn, b.WantedOn)
	}
	if a.Requirements != b.Requirements {
		add(workflow.FRequirements, b.Requirements)
	}
	return strings.Join(out, " ")
}
