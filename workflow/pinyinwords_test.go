package workflow

import (
	"context"
	"testing"

	"orderdesk/store"
)

// TestMnemonicReadsWords: a polyphonic character reads as the word it is
// in, and a word's reading does not leak into another word.
func TestMnemonicReadsWords(t *testing.T) {
	for in, want := range map[string]string{
		"重庆钢铁":       "CQGT",
		"重庆重工机械有限公司": "CQZGJXYXGS",
		"大连行车配件厂":    "DLXCPJC",  // 行车 (a crane): xing
		"沈阳五金商行":     "SYWJSH",   // 商行 (a shop): hang
		"中国银行沈阳分行":   "ZGYHSYFH", // banks: hang
		"鞍钢热轧板":      "AGRZB",
		"冷轧卷":        "LZJ",
		"长春一汽":       "CCYQ",
		"厦门象屿":       "XMXY",
		"朝阳重型机械":     "CYZXJX",
		"西藏高争":       "XZGZ",
		"厂长":         "CZ",
	} {
		if got := Mnemonic(in); got != want {
			t.Errorf("Mnemonic(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMnemonicCorrectedByHand: a 助记码 corrected by hand is kept through
// later edits, a change of name included; one the desk derived follows a
// new name.
func TestMnemonicCorrectedByHand(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	d := f.e.Desk(f.clerk)
	load := func(id int64) store.Customer {
		t.Helper()
		var c store.Customer
		if err := f.st.Read(ctx, func(tx *store.Tx) (err error) { c, err = tx.Customer(ctx, id); return err }); err != nil {
			t.Fatal(err)
		}
		return c
	}
	edit := func(id int64, change func(*CustomerInput)) store.Customer {
		t.Helper()
		orig := load(id)
		in := InputFromCustomer(orig)
		change(&in)
		if _, err := d.UpdateCustomer(ctx, orig, in); err != nil {
			t.Fatal(err)
		}
		return load(id)
	}
	id, _, err := d.CreateCustomer(ctx, CustomerInput{Name: "沈阳长行物资有限公司", PaymentTerms: store.TermsPrepaid})
	if err != nil {
		t.Fatal(err)
	}
	if c := load(id); c.Mnemonic != Mnemonic("沈阳长行物资有限公司") {
		t.Fatalf("derived %q", c.Mnemonic)
	}
	if c := edit(id, func(in *CustomerInput) { in.Mnemonic = "SYCHWZ" }); c.Mnemonic != "SYCHWZ" {
		t.Fatalf("corrected: %q", c.Mnemonic)
	}
	if c := edit(id, func(in *CustomerInput) { in.Phone = "024-23456789" }); c.Mnemonic != "SYCHWZ" {
		t.Fatalf("after another edit: %q", c.Mnemonic)
	}
	if c := edit(id, func(in *CustomerInput) { in.Name = "沈阳长行物资集团有限公司" }); c.Mnemonic != "SYCHWZ" {
		t.Fatalf("after a new name: %q", c.Mnemonic)
	}
	other, _, err := d.CreateCustomer(ctx, CustomerInput{Name: "大连钢材有限公司", PaymentTerms: store.TermsPrepaid})
	if err != nil {
		t.Fatal(err)
	}
	if c := edit(other, func(in *CustomerInput) { in.Name = "大连重工钢材有限公司" }); c.Mnemonic != "DLZGGCYXGS" {
		t.Fatalf("a derived 助记码 after a new name: %q", c.Mnemonic)
	}
}
