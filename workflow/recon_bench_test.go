package workflow_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"testing"

	"orderdesk/internal/benchgen/recongen"
	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
)

// volume is two years of a desk with 5,000 customers: about 240,000
// invoices of five lines (1.1 million invoice lines), their notes,
// receipts and allocations.
var volume = recongen.Options{Customers: 5000, Reps: 12, Months: 24, Last: "2026-10",
	InvoicesPerCM: 2, LinesPerInv: 5, VoidPct: 2, Seed: 7}

// volumeDB builds the volume database once per schema version,
// generator and size, under the temp folder (building it takes about
// twenty minutes on a busy machine).
func volumeDB(b *testing.B) string {
	b.Helper()
	h := sha256.New()
	body, err := os.ReadFile("../internal/benchgen/recongen/recongen.go")
	if err != nil {
		b.Fatal(err)
	}
	h.Write(body)
	fmt.Fprintf(h, "schema %d %+v", store.SchemaVersion(), volume)
	return storetest.CachedDB(b, "orderdesk-recon-"+hex.EncodeToString(h.Sum(nil))[:12]+".db", func(path string) {
		if err := recongen.Build(context.Background(), path, volume); err != nil {
			b.Fatal(err)
		}
	})
}

func volumeDesk(b *testing.B) *workflow.Desk {
	b.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, volumeDB(b), store.AllowBenchDB())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	e, err := workflow.New(ctx, st)
	if err != nil {
		b.Fatal(err)
	}
	// Reading needs no row of its own: a clerk as the screen holds one.
	return e.Desk(store.User{ID: 1 << 40, Login: "bench_clerk", Name: "对账内勤", Roles: []string{"clerk"}, Active: true})
}

// BenchmarkMonthReconciliation5000 is the Reconciliation screen's load
// of one month for 5,000 customers over two years (target < 300 ms).
func BenchmarkMonthReconciliation5000(b *testing.B) {
	desk := volumeDesk(b)
	ctx := context.Background()
	var v workflow.MonthView
	for b.Loop() {
		var err error
		if v, err = desk.MonthReconciliation(ctx, "2026-10"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(v.Rows)), "customers")
}

// BenchmarkCollections is the ladder and the ageing of every open
// invoice (target < 200 ms).
func BenchmarkCollections(b *testing.B) {
	desk := volumeDesk(b)
	ctx := context.Background()
	var c workflow.Collections
	for b.Loop() {
		var err error
		if c, err = desk.Collections(ctx, "2026-10-31"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(c.Items)), "open")
}
