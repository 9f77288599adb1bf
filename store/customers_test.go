package store_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"orderdesk/store"
)

// bare is a database with two users and no workflow rules: enough for
// customer and product records.
func bare(t *testing.T) (*store.Store, int64, int64) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "desk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var a, b int64
	err = st.Write(ctx, func(tx *store.Tx) (err error) {
		if a, err = tx.CreateUser(ctx, store.SystemUserID, store.User{Login: "wang", Name: "王芳", Roles: []string{"clerk"}}); err != nil {
			return err
		}
		b, err = tx.CreateUser(ctx, store.SystemUserID, store.User{Login: "li", Name: "李强", Roles: []string{"clerk"}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return st, a, b
}

func TestCustomerKeysetPaging(t *testing.T) {
	ctx := context.Background()
	st, by, _ := bare(t)
	const n, size = 250, 50
	var ids []int64
	err := st.Write(ctx, func(tx *store.Tx) error {
		for i := 0; i < n; i++ {
			id, _, err := tx.CreateCustomer(ctx, by, store.Customer{Name: fmt.Sprintf("客户%03d", i)})
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	page := func(p store.Page) []store.CustomerRow {
		t.Helper()
		var rows []store.CustomerRow
		if err := st.Read(ctx, func(tx *store.Tx) (err error) { rows, err = tx.Customers(ctx, p); return err }); err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(rows); i++ {
			if rows[i].ID <= rows[i-1].ID {
				t.Fatalf("page not in id order: %d after %d", rows[i].ID, rows[i-1].ID)
			}
		}
		return rows
	}

	// Forward from the start: every row once, five full pages, then none.
	seen := map[int64]int{}
	var cursor int64
	pages := 0
	for {
		rows := page(store.Page{Cursor: cursor, Limit: size})
		if len(rows) == 0 {
			break
		}
		if len(rows) != size {
			t.Fatalf("page %d has %d rows", pages, len(rows))
		}
		for _, r := range rows {
			seen[r.ID]++
		}
		cursor = rows[len(rows)-1].ID
		pages++
	}
	if pages != n/size || len(seen) != n {
		t.Fatalf("forward: %d pages, %d distinct rows", pages, len(seen))
	}

	// Backward from the end (cursor 0 means "the last page").
	seen = map[int64]int{}
	cursor, pages = 0, 0
	var first []store.CustomerRow
	for {
		rows := page(store.Page{Cursor: cursor, Backward: true, Limit: size})
		if len(rows) == 0 {
			break
		}
		if pages == 0 {
			first = rows
		}
		for _, r := range rows {
			seen[r.ID]++
		}
		cursor = rows[0].ID
		pages++
	}
	if pages != n/size || len(seen) != n {
		t.Fatalf("backward: %d pages, %d distinct rows", pages, len(seen))
	}
	if first[len(first)-1].ID != ids[n-1] || first[0].ID != ids[n-size] {
		t.Fatalf("last page is %d..%d", first[0].ID, first[len(first)-1].ID)
	}
	for id, k := range seen {
		if k != 1 {
			t.Fatalf("row %d visited %d times", id, k)
		}
	}

	// Paging through a filter visits each match once.
	matches := 0
	cursor = 0
	for {
		rows := page(store.Page{Query: "客户1", Cursor: cursor, Limit: 7})
		if len(rows) == 0 {
			break
		}
		matches += len(rows)
		cursor = rows[len(rows)-1].ID
	}
	if matches != 100 { // 客户100 … 客户199
		t.Fatalf("filtered paging found %d", matches)
	}

	// An out-of-range limit falls back to the default page.
	if got := len(page(store.Page{Limit: 100000})); got != 50 {
		t.Fatalf("limit 100000 gave %d rows", got)
	}
}

func TestCustomerFilter(t *testing.T) {
	ctx := context.Background()
	st, by, _ := bare(t)
	data := []store.Customer{
		{Name: "沈阳钢铁有限公司", ShortName: "沈钢", Mnemonic: "SYGTYXGS", Phone: "024-88886666", City: "沈阳"},
		{Name: "鞍山钢铁集团", ShortName: "鞍钢", Mnemonic: "ASGTJT", Phone: "0412-6723456", City: "鞍山"},
		{Name: "大连重工机械", Mnemonic: "DLZGJX", Phone: "0411-88886666", City: "大连"},
		{Name: "Shenyang Heavy Machinery", Mnemonic: "SHM", Phone: "13800138000", City: "沈阳"},
	}
	err := st.Write(ctx, func(tx *store.Tx) error {
		for _, c := range data {
			if _, _, err := tx.CreateCustomer(ctx, by, c); err != nil {
				return err
			}
		}
		id, _, err := tx.CreateCustomer(ctx, by, store.Customer{Name: "沈阳旧钢厂", Mnemonic: "SYJGC"})
		if err != nil {
			return err
		}
		c, err := tx.Customer(ctx, id)
		if err != nil {
			return err
		}
		return tx.VoidCustomer(ctx, by, c, "倒闭")
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query  string
		voided bool
		want   string
	}{
		{"钢铁", false, "[1 2]"},
		{"沈", false, "[1 4]"},  // name, short name or city
		{"sygt", false, "[1]"}, // mnemonic typed in lower case
		{"SYGT", false, "[1]"},
		{"syg", false, "[1]"},
		{"8888", false, "[1 3]"}, // phone fragment
		{"13800", false, "[4]"},
		{"heavy", false, "[4]"}, // Latin names fold case
		{"钢铁 沈阳", false, "[1]"}, // every word must match
		{"c000002", false, "[2]"},
		{"沈阳", true, "[1 4 5]"}, // voided records only on request
		{"不存在", false, "[]"},
		{"%", false, "[]"}, // no LIKE wildcards
		{"_", false, "[]"},
	}
	for _, tc := range tests {
		var rows []store.CustomerRow
		err := st.Read(ctx, func(tx *store.Tx) (err error) {
			rows, err = tx.Customers(ctx, store.Page{Query: tc.query, Voided: tc.voided})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, r := range rows {
			ids = append(ids, r.ID)
		}
		if got := fmt.Sprint(ids); got != tc.want {
			t.Errorf("query %q: %s, want %s", tc.query, got, tc.want)
		}
	}
}

// customerOf reads customer id's file.
func customerOf(t *testing.T, st *store.Store, id int64) store.Customer {
	t.Helper()
	ctx := context.Background()
	var c store.Customer
	if err := st.Read(ctx, func(tx *store.Tx) (err error) { c, err = tx.Customer(ctx, id); return err }); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCustomerUpdateConflictAndVoid(t *testing.T) {
	ctx := context.Background()
	st, wang, li := bare(t)
	var id int64
	get := func() store.Customer { t.Helper(); return customerOf(t, st, id) }
	if err := st.Write(ctx, func(tx *store.Tx) (err error) {
		id, _, err = tx.CreateCustomer(ctx, wang, store.Customer{Name: "本溪钢铁", Phone: "024-1"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	a, b := get(), get()
	a2 := a
	a2.Name, a2.Phone = "本溪钢铁集团", "024-42222222"
	if err := st.Write(ctx, func(tx *store.Tx) error { return tx.UpdateCustomer(ctx, li, a, a2) }); err != nil {
		t.Fatal(err)
	}
	if c := get(); c.Version != a.Version+1 || c.Name != "本溪钢铁集团" || c.UpdatedBy != "李强" {
		t.Fatalf("after update: %+v", c)
	}
	b2 := b
	b2.Notes = "stale edit"
	err := st.Write(ctx, func(tx *store.Tx) error { return tx.UpdateCustomer(ctx, wang, b, b2) })
	var ce *store.ConflictError
	if !errors.As(err, &ce) || fmt.Sprint(ce.Fields) != "[name phone]" || ce.By != "李强" || ce.What != "C000001" {
		t.Fatalf("want conflict naming name and phone by 李强, got %v", err)
	}
	if c := get(); c.Notes != "" {
		t.Fatal("stale edit saved")
	}

	cur := get()
	if err := st.Write(ctx, func(tx *store.Tx) error { return tx.VoidCustomer(ctx, wang, cur, "重复") }); err != nil {
		t.Fatal(err)
	}
	if c := get(); !c.Voided || c.VoidReason != "重复" || c.Name != "本溪钢铁集团" {
		t.Fatalf("voided: %+v", c)
	}
	err = st.Write(ctx, func(tx *store.Tx) error { return tx.UpdateCustomer(ctx, wang, get(), b2) })
	if !errors.As(err, &ce) || ce.Fields[0] != "voided" {
		t.Fatalf("edit of a voided customer: %v", err)
	}
	if err := st.Write(ctx, func(tx *store.Tx) error { return tx.UpdateCustomer(ctx, wang, store.Customer{ID: 999}, b2) }); err == nil {
		t.Fatal("update of a missing customer succeeded")
	}
}

func TestVisitsNewestFirst(t *testing.T) {
	ctx := context.Background()
	st, by, _ := bare(t)
	var id int64
	err := st.Write(ctx, func(tx *store.Tx) (err error) {
		if id, _, err = tx.CreateCustomer(ctx, by, store.Customer{Name: "大连造船"}); err != nil {
			return err
		}
		for _, v := range []store.Visit{
			{On: "2025-01-10", Kind: "visit", Notes: "a"},
			{On: "2025-03-02", Kind: "call", Notes: "b"},
			{On: "2025-02-15", Kind: "after_sales", Notes: "c"},
			{On: "2025-03-02", Kind: "visit", Notes: "d"}, // same day, entered later
		} {
			v.CustomerID = id
			if _, err := tx.AddVisit(ctx, by, v); err != nil {
				return err
			}
		}
		_, err = tx.AddVisit(ctx, by, store.Visit{CustomerID: id, On: "2025-03-03", Kind: "party"})
		if err == nil {
			return errors.New("unknown visit kind accepted")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var vs []store.Visit
	st.Read(ctx, func(tx *store.Tx) (err error) { vs, err = tx.Visits(ctx, id, 3); return err })
	var notes string
	for _, v := range vs {
		notes += v.Notes
	}
	if notes != "dbc" || vs[0].By != "王芳" {
		t.Fatalf("visits %+v", vs)
	}
}

func TestProducts(t *testing.T) {
	ctx := context.Background()
	st, wang, li := bare(t)
	var ids []int64
	err := st.Write(ctx, func(tx *store.Tx) error {
		for i, p := range []store.Product{
			{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t", Mnemonic: "RZGB"},
			{Grade: "45#", Name: "圆钢", Spec: "Φ50", Unit: "t", Mnemonic: "YG"},
			{Grade: "304", Name: "不锈钢管", Spec: "Φ32×2", Unit: "pcs", UnitWeight: 9050, Mnemonic: "BXGG"},
		} {
			id, err := tx.CreateProduct(ctx, wang, p)
			if err != nil {
				return fmt.Errorf("product %d: %w", i, err)
			}
			ids = append(ids, id)
		}
		if _, err := tx.CreateProduct(ctx, wang, store.Product{Grade: "X", Name: "x", Unit: "箱"}); err == nil {
			return errors.New("unknown unit accepted")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	find := func(q string) string {
		var rows []store.Product
		st.Read(ctx, func(tx *store.Tx) (err error) { rows, err = tx.Products(ctx, store.Page{Query: q}); return err })
		var out []int64
		for _, r := range rows {
			out = append(out, r.ID)
		}
		return fmt.Sprint(out)
	}
	for q, want := range map[string]string{"q235": "[1]", "钢": "[1 2 3]", "φ": "[2 3]", "bxgg": "[3]", "1500": "[1]"} {
		if got := find(q); got != want {
			t.Errorf("product query %q: %s, want %s", q, got, want)
		}
	}
	var p store.Product
	st.Read(ctx, func(tx *store.Tx) (err error) { p, err = tx.Product(ctx, ids[2]); return err })
	if p.UnitWeight != 9050 || p.UnitWeight.String() != "9.05" || p.UpdatedBy != "王芳" {
		t.Fatalf("product %+v", p)
	}
	p1 := p
	p1.Spec, p1.UnitWeight = "Φ32×2.5", 11200
	if err := st.Write(ctx, func(tx *store.Tx) error { return tx.UpdateProduct(ctx, li, p, p1) }); err != nil {
		t.Fatal(err)
	}
	p2 := p
	p2.Name = "不锈钢无缝管"
	err = st.Write(ctx, func(tx *store.Tx) error { return tx.UpdateProduct(ctx, wang, p, p2) })
	var ce *store.ConflictError
	if !errors.As(err, &ce) || fmt.Sprint(ce.Fields) != "[spec unit_weight]" || ce.By != "李强" {
		t.Fatalf("want conflict on spec and unit_weight by 李强, got %v", err)
	}
	// Voiding hides it from the list; the record stays.
	cur := p1
	cur.Version = p.Version + 1
	gone := cur
	gone.Voided = true
	if err := st.Write(ctx, func(tx *store.Tx) error { return tx.UpdateProduct(ctx, wang, cur, gone) }); err != nil {
		t.Fatal(err)
	}
	if got := find("bxgg"); got != "[]" {
		t.Fatalf("voided product listed: %s", got)
	}
	if err := st.Read(ctx, func(tx *store.Tx) (err error) { p, err = tx.Product(ctx, ids[2]); return err }); err != nil || !p.Voided {
		t.Fatalf("voided product: %+v %v", p, err)
	}
}

// TestCustomerFilterMatchesScan: the index-backed filter finds exactly
// the customers whose search text contains every word, the same as a
// plain scan would, for fragments cut from real rows at random (across
// field separators and punctuation too), paging both ways.
func TestCustomerFilterMatchesScan(t *testing.T) {
	ctx := context.Background()
	st, by, _ := bare(t)
	rng := rand.New(rand.NewPCG(7, 7))
	var texts []string // what a plain scan would search, per id-1
	err := st.Write(ctx, func(tx *store.Tx) error {
		for i := 0; i < 200; i++ {
			c := fakeCustomer(rng)
			if i%10 == 0 {
				c.Name += " Q235B-φ20 (ABC)"
			}
			_, code, err := tx.CreateCustomer(ctx, by, c)
			if err != nil {
				return err
			}
			texts = append(texts, strings.ToLower(strings.Join([]string{code, c.Name, c.ShortName, c.Mnemonic, c.Phone, c.City}, "\x1f")))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	list := func(p store.Page) []store.CustomerRow {
		var rows []store.CustomerRow
		if err := st.Read(ctx, func(tx *store.Tx) (err error) { rows, err = tx.Customers(ctx, p); return err }); err != nil {
			t.Fatalf("%+v: %v", p, err)
		}
		return rows
	}
	all := func(q string, backward bool) []int64 {
		var ids []int64
		var cursor int64
		for {
			rows := list(store.Page{Query: q, Cursor: cursor, Backward: backward, Limit: 40})
			if len(rows) == 0 {
				break
			}
			for _, r := range rows {
				ids = append(ids, r.ID)
			}
			if backward {
				cursor = rows[0].ID
			} else {
				cursor = rows[len(rows)-1].ID
			}
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		return ids
	}
	fragment := func() string {
		r := []rune(texts[rng.IntN(len(texts))])
		n := 1 + rng.IntN(5)
		i := rng.IntN(len(r) - n)
		s := string(r[i : i+n])
		if strings.ContainsAny(s, "\x1f ") {
			return "" // a filter word never holds a field separator or a space
		}
		if rng.IntN(3) == 0 {
			s = strings.ToUpper(s)
		}
		return s
	}
	queries := []string{"钢", "钢铁", "q235b-φ20", "(abc)", "5b-", "-", "沈阳 有限", "0", "13", "c0001"}
	for len(queries) < 150 {
		if f := fragment(); f != "" {
			if rng.IntN(4) == 0 {
				if g := fragment(); g != "" {
					f += " " + g
				}
			}
			queries = append(queries, f)
		}
	}
	for n, q := range queries {
		var want []int64
		for i, text := range texts {
			ok := true
			for _, w := range strings.Fields(strings.ToLower(q)) {
				ok = ok && strings.Contains(text, w)
			}
			if ok {
				want = append(want, int64(i+1))
			}
		}
		if got := all(q, false); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("query %q forward: %d rows, want %d\n got %v\nwant %v", q, len(got), len(want), got, want)
		}
		if n%5 != 0 {
			continue // backward paging on a sample keeps this test quick
		}
		if got := all(q, true); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("query %q backward: %d rows, want %d", q, len(got), len(want))
		}
	}

	// A renamed customer is found by its new name only.
	var c store.Customer
	st.Read(ctx, func(tx *store.Tx) (err error) { c, err = tx.Customer(ctx, 5); return err })
	c2 := c
	c2.Name, c2.Mnemonic = "盘锦辽河油田物资公司", "PJLHYTWZGS"
	if err := st.Write(ctx, func(tx *store.Tx) error { return tx.UpdateCustomer(ctx, by, c, c2) }); err != nil {
		t.Fatal(err)
	}
	if got := list(store.Page{Query: "辽河"}); len(got) != 1 || got[0].ID != 5 {
		t.Fatalf("new name not found: %v", got)
	}
	if got := list(store.Page{Query: c.Name}); len(got) != 0 {
		t.Fatalf("old name still found: %v", got)
	}
}

func TestFilterFoldsFullWidthInput(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "desk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	err = st.Write(ctx, func(tx *store.Tx) error {
		_, _, err := tx.CreateCustomer(ctx, store.SystemUserID, store.Customer{Name: "沈阳钢铁有限公司", Mnemonic: "SYGTYXGS", Phone: "024-2345678"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"ＳＹＧＴ", "０２４－２３４５", "sygt"} {
		var rows []store.CustomerRow
		st.Read(ctx, func(tx *store.Tx) error {
			rows, err = tx.Customers(ctx, store.Page{Query: q})
			return err
		})
		if len(rows) != 1 {
			t.Errorf("%q found %d customers", q, len(rows))
		}
	}
}
