package upgradetest

import (
	"errors"
	"fmt"
	"strings"

	"orderdesk/store"
	"orderdesk/workflow"
)

// checkSteps takes, for each kind and status some document is in, the
// newest such document one step on: a sign-off first (refused to its
// maker even when the maker holds the role, then taken by someone else),
// else the maker's own step. Of the steps that carry a form of their own
// those in formSteps are taken as their screens take them; a status with
// only others is skipped.
func (d *desk) checkSteps() {
	t := d.t
	t.Helper()
	taken := 0
	defer func() { t.Logf("%d documents took a step", taken) }()
	for _, p := range d.kindStatuses() {
		k := d.e.Kind(p.kind)
		if k == nil {
			t.Errorf("documents of kind %s, which this program does not know", p.kind)
			continue
		}
		id := d.latest(p.kind, p.status)
		if id == 0 {
			continue // moved on with another document's step
		}
		steps := plainSteps(k, p.status)
		if len(steps) == 0 {
			continue
		}
		var refused []string
		for _, step := range steps {
			err := d.takeStep(id, step)
			if err == nil {
				if len(refused) > 0 {
					t.Logf("%s %d in %s: %s", p.kind, id, p.status, strings.Join(refused, "; "))
				}
				refused = nil
				taken++
				break
			}
			refused = append(refused, fmt.Sprintf("%s: %v", step.Action, err))
		}
		if len(refused) > 0 {
			t.Errorf("%s %d in %s takes no step: %s", p.kind, id, p.status, strings.Join(refused, "; "))
		}
	}
}

// plainSteps are the actions from status a person takes with a word at
// most or through formSteps, sign-offs first.
func plainSteps(k *workflow.Kind, status string) []workflow.Transition {
	var signOffs, others []workflow.Transition
	for _, tr := range k.Actions(status) {
		_, form := formSteps[k.Name+" "+tr.Action]
		switch {
		case tr.Internal || (tr.NeedsPrice || tr.NeedsForm) && !form:
		case tr.SignOff:
			signOffs = append(signOffs, tr)
		default:
			others = append(others, tr)
		}
	}
	return append(signOffs, others...)
}

// takeStep takes step on document id: a sign-off is first tried by its
// maker holding every role, which must be refused as the maker's.
func (d *desk) takeStep(id int64, step workflow.Transition) error {
	doc := d.document(id)
	maker := d.user(doc.MakerID)
	take := func(by store.User) error {
		if form := formSteps[doc.Kind+" "+step.Action]; form != nil {
			return form(d, by, id)
		}
		return d.e.Desk(by).Act(d.ctx, id, step.Action, "升级后复核")
	}
	if step.SignOff {
		asChecker := maker
		asChecker.Roles, asChecker.Active = d.all.Roles, true
		err := take(asChecker)
		var r *workflow.Refusal
		if !errors.As(err, &r) || r.Code != workflow.MakerCannotSignOff {
			d.t.Errorf("%s %s of %s %d by its maker: %v, want refused as the maker's", doc.Kind, step.Action, doc.Status, id, err)
		}
	}
	by := d.all
	if step.MakerOnly {
		by = maker
	}
	if err := take(by); err != nil {
		return err
	}
	// A step may carry the document further (a monthly customer's note
	// is released at its sign-off); it must have left its status.
	if after := d.document(id); after.Status == doc.Status {
		d.t.Errorf("%s %d is still %s after %s", doc.Kind, id, after.Status, step.Action)
	}
	return nil
}

func (d *desk) document(id int64) (doc store.Document) {
	d.must(d.st.Read(d.ctx, func(tx *store.Tx) (err error) {
		doc, err = tx.Document(d.ctx, id)
		return err
	}))
	return doc
}

func (d *desk) user(id int64) (u store.User) {
	d.must(d.st.Read(d.ctx, func(tx *store.Tx) (err error) {
		u, err = tx.UserByID(d.ctx, id)
		return err
	}))
	return u
}
