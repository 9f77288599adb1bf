package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"orderdesk/store"
)

// BenchmarkMarketList reads pages of the market list (each source's
// newest price of a grade and spec, newest entry first) over 300,000
// market prices of 2,000 products: the first page, the next, a filter
// many rows match, and one that matches a single product.
//
//	go test -run '^$' -bench MarketList -benchtime 200x ./store
func BenchmarkMarketList(b *testing.B) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "market.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	const products, days = 2000, 50
	day0 := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	err = st.Write(ctx, func(tx *store.Tx) error {
		for d := range days {
			for p := range products {
				for si, src := range store.MarketSources {
					_, err := tx.AddMarketPrice(ctx, store.SystemUserID, store.MarketPrice{Source: src,
						Grade: benchGrades[p%len(benchGrades)], Name: "热轧钢板", Spec: benchSpec(p / len(benchGrades)), Unit: "t",
						Price: store.Money(400000 + 1000*((p+d+si)%50)), On: day0.AddDate(0, 0, d).Format("2006-01-02")})
					if err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	read := func(p store.Page) []store.MarketPrice {
		var rows []store.MarketPrice
		if err := st.Read(ctx, func(tx *store.Tx) (err error) { rows, err = tx.LatestMarketList(ctx, p); return err }); err != nil {
			b.Fatal(err)
		}
		return rows
	}
	first := read(store.Page{Limit: 21})
	for _, tc := range []struct {
		name string
		page store.Page
	}{
		{"first", store.Page{Limit: 21}},
		{"next", store.Page{Limit: 21, Cursor: -first[len(first)-1].ID}},
		{"filter-common", store.Page{Limit: 21, Query: "q345b"}},
		{"filter-one-product", store.Page{Limit: 21, Query: fmt.Sprintf("dx51d+z %s", benchSpec(199))}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if rows := read(tc.page); len(rows) == 0 {
					b.Fatal("no rows")
				}
			}
		})
	}
}
