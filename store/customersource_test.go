package store_test

import (
	"context"
	"testing"

	"orderdesk/store"
)

// A customer's source (来源) is kept as written, changed by an edit,
// and the database takes none but the listed ones, whoever writes.
func TestCustomerSource(t *testing.T) {
	ctx := context.Background()
	st, wang, li := bare(t)
	var id int64
	if err := st.Write(ctx, func(tx *store.Tx) (err error) {
		id, _, err = tx.CreateCustomer(ctx, wang, store.Customer{Name: "营口新港机械", Phone: "0417-1", Source: "exhibition"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	c := customerOf(t, st, id)
	if c.Source != "exhibition" {
		t.Fatalf("source %q, want exhibition", c.Source)
	}
	edited := c
	edited.Source = "other"
	if err := st.Write(ctx, func(tx *store.Tx) error { return tx.UpdateCustomer(ctx, li, c, edited) }); err != nil {
		t.Fatal(err)
	}
	if got := customerOf(t, st, id).Source; got != "other" {
		t.Fatalf("edited source %q, want other", got)
	}
	db := raw(t, st.Path())
	for _, c := range []struct {
		source string
		ok     bool
	}{{"", true}, {"phone", true}, {"website", true}, {"referral", true}, {"investment", true}, {"email", true}, {"im", true},
		{"other", true}, {"fax", false}, {"来电", false}, {"Phone", false}} {
		_, err := db.Exec(`UPDATE customers SET source = ? WHERE id = ?`, c.source, id)
		if (err == nil) != c.ok {
			t.Errorf("source %q: %v", c.source, err)
		}
	}
}
