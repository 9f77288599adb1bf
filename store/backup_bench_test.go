package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
)

// BenchmarkBackupDemo times a whole backup, copy and checks (integrity,
// the audit chain), of the database `orderdesk demo --customers 200`
// writes: go test ./store -run '^$' -bench BackupDemo -benchtime 5x
func BenchmarkBackupDemo(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "demo.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	eng, err := workflow.New(ctx, st)
	if err != nil {
		b.Fatal(err)
	}
	opts := demo.DefaultOptions()
	opts.Customers = 200
	if _, err := demo.Generate(ctx, eng, opts); err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	var info store.BackupInfo
	for i := 0; b.Loop(); i++ {
		out := filepath.Join(dir, "copy.db")
		if info, err = st.Backup(ctx, out); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		os.Remove(out)
		b.StartTimer()
	}
	b.ReportMetric(float64(info.Size)/(1<<20), "MB")
	b.ReportMetric(float64(info.AuditRecords), "audit_records")
}
