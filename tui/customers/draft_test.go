package customers

import (
	"strings"
	"testing"
	"time"

	"orderdesk/workflow"
)

// A draft typed over an older version of a customer must not silently
// undo a later change by someone else: saving it is refused as a conflict
// that names what changed, and the other person's change stays.
func TestStaleDraftDoesNotRevertAnothersChange(t *testing.T) {
	r := newRig(t)
	id := r.customer(workflow.CustomerInput{Name: "沈阳钢铁", Address: "和平区 1 号", Phone: "024-1111111"})
	d := r.Engine.Desk(r.clerk)
	f, _ := d.CustomerFile(r.Ctx, id)
	in := workflow.InputFromCustomer(f.Customer)
	in.Phone = "024-2222222" // typed, then the SSH session dropped
	if err := d.SaveDraft(r.Ctx, draftKey(&f.Customer), customerDraft{In: in, Version: f.Version}); err != nil {
		t.Fatal(err)
	}
	bd := r.Engine.Desk(r.boss)
	bf, _ := bd.CustomerFile(r.Ctx, id)
	bin := workflow.InputFromCustomer(bf.Customer)
	bin.Address = "铁西区 99 号"
	if _, err := bd.UpdateCustomer(r.Ctx, bf.Customer, bin); err != nil {
		t.Fatal(err)
	}
	r.open(r.clerk, "en", 30)
	r.Run(r.s.loadFile(id, editFile))
	r.MustShow("restored your unsaved draft")
	r.Press("ctrl+s")
	r.Settle(time.Second)
	got, _ := d.CustomerFile(r.Ctx, id)
	if got.Address != "铁西区 99 号" || got.Phone != "024-1111111" {
		t.Fatalf("the supervisor's change was reverted: address %q phone %q", got.Address, got.Phone)
	}
	if st := r.LastStatus(); !strings.Contains(st.Text, "changed by") {
		t.Fatalf("want a conflict naming the change, got %+v", st)
	}
}
