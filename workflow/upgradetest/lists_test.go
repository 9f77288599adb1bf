package upgradetest

import (
	"orderdesk/store"
	"orderdesk/workflow"
)

// screenLists read a kind's documents as its screen lists them, by the
// user who sees everything.
var screenLists = map[string]func(d *desk) (int, error){
	store.InquiryKind: func(d *desk) (int, error) {
		rows, err := d.e.Desk(d.all).Inquiries(d.ctx, store.DocFilter{}, store.Page{Limit: 500})
		return len(rows), err
	},
	store.QuoteKind: func(d *desk) (int, error) {
		rows, err := d.e.Desk(d.all).Quotes(d.ctx, store.DocFilter{}, store.Page{Limit: 500})
		return len(rows), err
	},
	store.OrderKind: func(d *desk) (int, error) {
		rows, err := d.e.Desk(d.all).Orders(d.ctx, store.OrderFilter{WithRevised: true}, store.Page{Limit: 500})
		return len(rows), err
	},
	store.DeliveryNoteKind: func(d *desk) (int, error) {
		rows, err := d.e.Desk(d.all).Deliveries(d.ctx, statusesOf(workflow.DeliveryNote), store.Page{Limit: 500})
		return len(rows), err
	},
	store.InvoiceKind: func(d *desk) (int, error) {
		rows, err := d.e.Desk(d.all).Invoices(d.ctx, store.InvoiceFilter{Limit: 500})
		return len(rows), err
	},
}

func statusesOf(k *workflow.Kind) []string {
	var out []string
	for _, s := range k.States {
		out = append(out, s.Name)
	}
	return out
}

// checkLists: each kind with a screen of its own lists every document of
// the kind, a document of every kind and status opens, and the review
// inbox holds what waits for a sign-off.
func (d *desk) checkLists() {
	t := d.t
	t.Helper()
	counts := d.documentCounts()
	for kind, list := range screenLists {
		n, err := list(d)
		if err != nil {
			t.Fatalf("%s list: %v", kind, err)
		}
		if n != counts[kind] {
			t.Errorf("%s list shows %d, the file holds %d", kind, n, counts[kind])
		}
	}
	for _, p := range d.kindStatuses() {
		id := d.latest(p.kind, p.status)
		if _, err := d.e.Desk(d.all).Document(d.ctx, id); err != nil {
			t.Errorf("%s %s %d does not open: %v", p.kind, p.status, id, err)
		}
	}
	inbox, err := d.e.Desk(d.all).Inbox(d.ctx)
	d.must(err)
	if waiting := d.waitingForSignOff(); (waiting > 0) != (len(inbox) > 0) {
		t.Errorf("the inbox holds %d, %d documents wait for a sign-off", len(inbox), waiting)
	}
}

// documentCounts counts the documents of each kind in the file, each
// order version one (as the orders list shows them).
func (d *desk) documentCounts() map[string]int {
	counts := map[string]int{}
	rows, err := d.raw.Query(`SELECT kind, count(*) FROM documents GROUP BY kind`)
	d.must(err)
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int
		d.must(rows.Scan(&k, &n))
		counts[k] = n
	}
	d.must(rows.Err())
	return counts
}

type kindStatus struct{ kind, status string }

// kindStatuses lists each kind and status some document is in.
func (d *desk) kindStatuses() []kindStatus {
	rows, err := d.raw.Query(`SELECT DISTINCT kind, status FROM documents ORDER BY kind, status`)
	d.must(err)
	defer rows.Close()
	var out []kindStatus
	for rows.Next() {
		var p kindStatus
		d.must(rows.Scan(&p.kind, &p.status))
		out = append(out, p)
	}
	d.must(rows.Err())
	return out
}

// latest is the newest document of kind in status, 0 if none.
func (d *desk) latest(kind, status string) int64 {
	var id int64
	d.must(d.raw.QueryRow(`SELECT coalesce(max(id), 0) FROM documents WHERE kind = ? AND status = ?`, kind, status).Scan(&id))
	return id
}

// waitingForSignOff counts documents in a status a sign-off leaves.
func (d *desk) waitingForSignOff() int {
	var n int
	d.must(d.raw.QueryRow(`SELECT count(*) FROM documents d WHERE EXISTS
		(SELECT 1 FROM wf_rules r WHERE r.kind = d.kind AND r.from_status = d.status AND r.signoff = 1)`).Scan(&n))
	return n
}
