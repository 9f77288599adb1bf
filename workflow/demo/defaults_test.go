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
	for _, day := range []time.Time{
		time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC),  // early in a month
		time.Date(2026, 12, 28, 10, 0, 0, 0, time.UTC), // late in one
	} {
		t.Run(day.Format("2006-01-02"), func(t *testing.T) {
			eng := newEngine(t)
			opts := DefaultOptions()
			opts.Today = day
			eng.Store().Now = func() time.Time { return day } // as when run on that day
			sum, err := Generate(context.Background(), eng, opts)
			if err != nil {
				t.Fatal(err)
			}
			db := rawDB(t, eng)
			for _, c := range []struct {
				what string
				q    string
				want int
			}{
				{"invoice requests", `SELECT count(*) FROM invoices`, opts.Invoices},
				{"invoice requests in the summary", `SELECT count(*) FROM invoices`, sum.Invoices},
				{"receipts in the summary", `SELECT count(*) FROM receipts`, sum.Receipts},
				{"months signed off", `SELECT count(*) FROM reconciliations r JOIN documents d ON d.id = r.doc_id WHERE d.status = 'signed'`, 2},
				{"months signed off in the summary", `SELECT count(*) FROM reconciliations r JOIN documents d ON d.id = r.doc_id WHERE d.status = 'signed'`, sum.MonthsSignedOff},
				{"the two months before today's", `SELECT count(*) FROM reconciliations WHERE month IN (?, ?)`, 2},
			} {
				args := []any{}
				if c.what == "the two months before today's" {
					first := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
					args = append(args, first.AddDate(0, -2, 0).Format("2006-01"), first.AddDate(0, -1, 0).Format("2006-01"))
				}
				if got := count(t, db, c.q, args...); got != c.want {
					t.Errorf("%s: %d, want %d", c.what, got, c.want)
				}
			}
			if sum.Receipts == 0 {
				t.Error("no receipts")
			}
		})
	}
}
