package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow/demo"
	"orderdesk/workflow/workflowtest"
)

// demoKey is the audit key the cached demo database is sealed with: a
// test's own copy of the database is checked with it (keyedDemoDB).
var demoKey = []byte("orderdesk demo audit key: tests!")

// keyedDemoDB is tb's own copy of the demo database as `orderdesk demo`
// fills it (500 customers and all that follows from them), built once
// and kept in the temporary folder, with its audit chain sealed with a
// key from the first record on: files locate the key, written into tb's
// folder, and the file of checkpoints beside it.
func keyedDemoDB(tb testing.TB) (path string, files store.AuditKeyFiles) {
	tb.Helper()
	cached := storetest.CodeCachedDB(tb, "orderdesk-demo-keyed.db", func(path string) {
		files := demoKeyFiles(tb, tb.TempDir())
		eng := workflowtest.Open(tb, path, store.WithAuditKey(files))
		opts := demo.DefaultOptions()
		opts.MonthOrders, opts.Complaints, opts.Returns, opts.Credits = demo.DashboardMonthOrders, 40, 6, 3
		if _, err := demo.Generate(context.Background(), eng, opts); err != nil {
			tb.Fatal(err)
		}
		if err := eng.Store().Close(); err != nil {
			tb.Fatal(err)
		}
	})
	dir := tb.TempDir()
	path = filepath.Join(dir, "demo.db")
	storetest.CopyFile(tb, cached, path, 0o600)
	return path, demoKeyFiles(tb, dir)
}

// demoKeyFiles writes the demo's key into dir.
func demoKeyFiles(tb testing.TB, dir string) store.AuditKeyFiles {
	tb.Helper()
	files := store.AuditKeyFiles{Key: filepath.Join(dir, "audit.key"), Checkpoints: filepath.Join(dir, "audit.checkpoints")}
	if err := os.WriteFile(files.Key, demoKey, 0o600); err != nil {
		tb.Fatal(err)
	}
	return files
}
