package demo

import (
	"context"
	"testing"
	"time"
)

// TestDefaultsDoWhatTheySay: a demo with the default options writes the
// invoice requests --invoices asks for, counts every receipt in the
// table (finance's payment confirmations are receipts too), and signs
// off the two months before today's, as the README says.
func TestDefaultsDoWhatTheySay(t *testing.T) {
	t.Parallel() // each day generates into a database of its own
	for _, day := range []time.Time{
		time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC),  // early in a month
		time.Date(2026, 12, 28, 10, 0, 0, 0, time.UTC), // late in one
	} {
		t.Run(day.Format("2006-01-02"), func(t *testing.T) {
			t.Parallel()
			eng := newEngine(t)
			opts := DefaultOptions()
			opts.Today = day
			eng.Store().Now = func() time.Time { return day } // as when run on that day
			sum, err := Generate(context.Background(), eng, opts)
			if err != nil {
				t.Fatal(err)
			}
			db := rawDB(t, eng)
			first := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
			invoices := count(t, db, `SELECT count(*) FROM invoices`)
			signed := count(t, db, `SELECT count(*) FROM reconciliations r JOIN documents d ON d.id = r.doc_id WHERE d.status = 'signed'`)
			// what: {found, wanted}
			for what, c := range map[string][2]int{
				"invoice requests":                 {invoices, opts.Invoices},
				"invoice requests in the summary":  {invoices, sum.Invoices},
				"receipts in the summary":          {count(t, db, `SELECT count(*) FROM receipts`), sum.Receipts},
				"months signed off":                {signed, 2},
				"months signed off in the summary": {signed, sum.MonthsSignedOff},
				"the two months before today's": {count(t, db, `SELECT count(*) FROM reconciliations WHERE month IN (?, ?)`,
					first.AddDate(0, -2, 0).Format("2006-01"), first.AddDate(0, -1, 0).Format("2006-01")), 2},
			} {
				if c[0] != c[1] {
					t.Errorf("%s: %d, want %d", what, c[0], c[1])
				}
			}
			if sum.Receipts == 0 {
				t.Error("no receipts")
			}
		})
	}
}
