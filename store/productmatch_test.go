package store_test

import (
	"testing"

	"orderdesk/store"
)

// TestMatchProductsAgreesWithMatchProduct: the one-statement match of an
// order's lines gives, key by key and in order, what matching each line
// alone gives: the typed name preferred among a grade and spec's
// products, a key without a spec matched by name, voided products never,
// unknown keys 0, a key repeated, and text JSON cannot carry.
func TestMatchProductsAgreesWithMatchProduct(t *testing.T) {
	v := newEnv(t)
	var voided int64
	err := v.st.Write(v.ctx, func(tx *store.Tx) error {
		for _, p := range []store.Product{
			{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t"},
			{Grade: "Q235B", Name: "开平板", Spec: "20×1500×6000", Unit: "t"},
			{Grade: "Q345B", Name: "圆钢", Spec: "", Unit: "t"},
			{Grade: "Q345B", Name: "方钢", Spec: "", Unit: "t"},
			{Grade: "SPHC", Name: "酸洗板", Spec: "3.0×1250×C", Unit: "t"},
		} {
			id, err := tx.CreateProduct(v.ctx, v.admin.ID, p)
			if err != nil {
				return err
			}
			if p.Grade == "SPHC" {
				voided = id
			}
		}
		orig, err := tx.Product(v.ctx, voided)
		if err != nil {
			return err
		}
		gone := orig
		gone.Voided = true
		return tx.UpdateProduct(v.ctx, v.admin.ID, orig, gone)
	})
	if err != nil {
		t.Fatal(err)
	}
	keys := []store.ProductKey{
		{Grade: "Q235B", Name: "开平板", Spec: "20×1500×6000"},
		{Grade: "Q235B", Name: "", Spec: "20×1500×6000"},
		{Grade: "Q235B", Name: "别的名字", Spec: "20×1500×6000"},
		{Grade: "Q345B", Name: "方钢", Spec: ""},
		{Grade: "Q345B", Name: "扁钢", Spec: ""},
		{Grade: "SPHC", Name: "酸洗板", Spec: "3.0×1250×C"},
		{Grade: "Q999", Name: "无此品", Spec: "1×1"},
		{Grade: "Q235B", Name: "开平板", Spec: "20×1500×6000"},
	}
	sets := [][]store.ProductKey{keys}
	if !envsOnPostgres() { // PostgreSQL refuses such text (ErrNotUTF8)
		sets = append(sets, append(keys[:2:2], store.ProductKey{Grade: "Q235B\x00", Name: "\xff", Spec: "20×1500×6000"}))
	}
	for _, odd := range sets {
		err = v.st.Read(v.ctx, func(tx *store.Tx) error {
			got, err := tx.MatchProducts(v.ctx, odd)
			if err != nil {
				return err
			}
			if len(got) != len(odd) {
				t.Fatalf("%d answers for %d keys", len(got), len(odd))
			}
			for i, k := range odd {
				id, name, err := tx.MatchProduct(v.ctx, k.Grade, k.Name, k.Spec)
				if err != nil {
					return err
				}
				if got[i] != (store.ProductMatch{ID: id, Name: name}) {
					t.Errorf("key %d %+v: matched %+v together, %d %q alone", i, k, got[i], id, name)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
