package workflow

import (
	"context"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

// A configured setting is written (with its audit record) only when the
// value in force differs; one unset and configured at what it reads as
// stays unset. Each step starts from what the one before left.
func TestConfiguredSettingsWrittenOnlyWhenTheyDiffer(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	records := func() int {
		var n int
		if err := storetest.Raw(t, f.st.Path()).QueryRow(`SELECT count(*) FROM audit_log WHERE tbl = 'settings'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	value := func() string {
		var v string
		if err := f.st.Read(ctx, func(tx *store.Tx) (err error) { v, err = tx.Setting(ctx, SettingMaterialDays); return err }); err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, step := range []struct {
		name    string
		days    int
		stored  string
		written bool
	}{
		{"unset, configured at its default", DefaultMaterialDays, "", false},
		{"configured otherwise", 3, "3", true},
		{"configured the same again", 3, "3", false},
		{"configured back at the default", DefaultMaterialDays, "7", true},
		{"the default again", DefaultMaterialDays, "7", false},
	} {
		before := records()
		if err := f.e.SetMaterialDays(ctx, step.days); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if got := value(); got != step.stored {
			t.Errorf("%s: stored %q, want %q", step.name, got, step.stored)
		}
		if wrote := records() > before; wrote != step.written {
			t.Errorf("%s: an audit record written: %v, want %v", step.name, wrote, step.written)
		}
	}
}
