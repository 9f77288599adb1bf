package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
)

// BenchmarkBackupDemo times a whole backup, copy and checks (integrity,
// the audit chain), of the database `orderdesk demo --customers 200`
// writes, on a file and on PostgreSQL (pg_dump, and pg_restore's reads):
// go test ./store -run '^$' -bench BackupDemo -benchtime 5x
func BenchmarkBackupDemo(b *testing.B) {
	for _, engine := range []struct {
		name   string
		target func(b *testing.B) string
	}{
		{"SQLite", func(b *testing.B) string { return filepath.Join(b.TempDir(), "demo.db") }},
		{"PostgreSQL", func(b *testing.B) string { return storetest.Postgres(b) }},
	} {
		b.Run(engine.name, func(b *testing.B) { benchBackupDemo(b, engine.target(b)) })
	}
}

func benchBackupDemo(b *testing.B, target string) {
	ctx := context.Background()
	st, err := store.OpenURL(ctx, target)
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
