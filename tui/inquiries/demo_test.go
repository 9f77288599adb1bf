package inquiries

import (
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/workflow/demo"
)

// Over the demo desk's month of inquiries: the list holds only the open
// ones, oldest first, and p on any of them reaches a quote.
func TestDemoDeskInquiries(t *testing.T) {
	r := newRig(t)
	opts := demo.DefaultOptions()
	opts.Customers, opts.Products, opts.Inquiries, opts.MarketDays = 60, 60, 60, 3
	opts.Pending, opts.SentBack, opts.Today, opts.DeskLogin = 0, 0, clock, ""
	if _, err := demo.Generate(r.Ctx, r.Engine, opts); err != nil {
		t.Fatal(err)
	}
	r.open(r.clerk, "zh", 200)
	r.MustShow("XJ2026-")
	rows := r.s.list.Rows
	if len(rows) == 0 {
		t.Fatal("no open inquiries in the demo")
	}
	var last time.Time
	for _, row := range rows {
		if row.CreatedAt.Before(last) {
			t.Fatalf("%s is listed after a younger one", row.Ref)
		}
		last = row.CreatedAt
		switch row.Status {
		case "new", "quoting", "quoted":
		default:
			t.Fatalf("%s is %s and listed", row.Ref, row.Status)
		}
	}
	all, err := r.Engine.Desk(r.clerk).Inquiries(r.Ctx, store.DocFilter{}, store.Page{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) <= len(rows) {
		t.Fatalf("the demo closed none of its %d inquiries", len(all))
	}
	for i := range min(len(rows), 5) {
		r.s.list.Cursor = i
		r.Press("p")
		r.opens(i + 1)
		if len(r.opened) != i+1 {
			t.Fatalf("p on %s opened nothing: %+v", rows[i].Ref, r.LastStatus())
		}
	}
}
