package upgradetest

import "orderdesk/store"

// checkReceivables: for every customer, the statement's sources (the
// balance of invoices and receipts, the month's ledger) and the gate's
// (the exposure view) agree on what was invoiced, received and shipped.
func (d *desk) checkReceivables() {
	t := d.t
	t.Helper()
	fin := d.e.Desk(d.all)
	month := d.e.Now().Format("2006-01")
	rows, err := d.raw.Query(`SELECT id FROM customers ORDER BY id`)
	d.must(err)
	var custs []int64
	for rows.Next() {
		var id int64
		d.must(rows.Scan(&id))
		custs = append(custs, id)
	}
	rows.Close()
	for _, c := range custs {
		b, err := fin.CustomerBalance(d.ctx, c, "")
		d.must(err)
		rv, err := fin.Receivable(d.ctx, c)
		d.must(err)
		if b.Invoiced != rv.Invoiced || b.Received != rv.Paid || b.OnAccount != rv.OnAccount() {
			t.Errorf("customer %d: balance %+v, exposure view %+v", c, b, rv)
		}
		var ledger []store.MonthFigures
		d.must(d.st.Read(d.ctx, func(tx *store.Tx) (err error) {
			ledger, err = tx.MonthFigures(d.ctx, month, c)
			return err
		}))
		var closing store.Money
		for _, f := range ledger {
			closing += f.Closing
		}
		if closing != rv.Shipped-rv.Paid {
			t.Errorf("customer %d: the ledger closes %s at %v, the exposure view has shipped %v less received %v",
				c, month, closing, rv.Shipped, rv.Paid)
		}
	}
}
