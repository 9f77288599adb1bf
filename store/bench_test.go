package store_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
	"orderdesk/workflow/workflowtest"
)

// reportLatency adds p50 and p99 of per-operation times to a benchmark.
func reportLatency(b *testing.B, d []time.Duration) {
	if len(d) == 0 {
		return
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	at := func(p float64) float64 {
		return float64(d[int(p*float64(len(d)-1))].Nanoseconds()) / 1e3
	}
	b.ReportMetric(at(0.50), "µs-p50")
	b.ReportMetric(at(0.99), "µs-p99")
}

// timed runs one operation per benchmark iteration and reports the p50
// and p99 of the times they took: next(i) prepares the i-th (untimed) and
// returns it; an error it answers fails the benchmark. It returns how
// many ran.
func timed(b *testing.B, next func(i int) func() error) int {
	b.Helper()
	lat, _ := timedLoop(b, nil, next)
	reportLatency(b, lat)
	return len(lat)
}

// BenchmarkSaveCustomer saves a customer file through the desk, as the
// form does: one write transaction with its audit record, sealed, and
// committed with synchronous=FULL on a file on disk; each save is
// followed by a bare one-row commit, the floor (own-µs-p50 is the
// desk's work above it; goal ≤ 200 µs).
func BenchmarkSaveCustomer(b *testing.B) { saveCustomers(b) }

// saveCustomers is BenchmarkSaveCustomer on a database opened with opts.
func saveCustomers(b *testing.B, opts ...store.Option) {
	ctx := context.Background()
	dir := b.TempDir()
	e, clerk := clerkDB(b, filepath.Join(dir, "bench.db"), opts...)
	defer e.Store().Close()
	desk := e.Desk(clerk)
	floor := bareCommit(b, dir)

	b.Run("update", func(b *testing.B) {
		id, _, err := desk.CreateCustomer(ctx, workflow.CustomerInput{Name: "沈阳钢铁有限公司", PaymentTerms: store.TermsPrepaid})
		if err != nil {
			b.Fatal(err)
		}
		f, err := desk.CustomerFile(ctx, id)
		if err != nil {
			b.Fatal(err)
		}
		orig := f.Customer
		in := workflow.InputFromCustomer(orig)
		timedAgainst(b, floor, func(i int) func() error {
			in.Phone = fmt.Sprintf("024-%08d", i)
			return func() error {
				_, err := desk.UpdateCustomer(ctx, orig, in)
				orig.Version++ // what the form would reload
				return err
			}
		})
	})
	b.Run("create", func(b *testing.B) {
		timedAgainst(b, floor, func(i int) func() error {
			in := workflow.CustomerInput{Name: fmt.Sprintf("大连重工机械%d", i), PaymentTerms: store.TermsPrepaid}
			return func() error { _, _, err := desk.CreateCustomer(ctx, in); return err }
		})
	})
}

// benchDB returns a database of n generated customers, built once and
// kept under the temp folder keyed by size and schema, since building
// 100,000 customers with their audit records takes a while.
func benchDB(b *testing.B, n int) string {
	b.Helper()
	h := sha256.New()
	files, _ := filepath.Glob("migrations/*.sql")
	for _, f := range append(files, "customers.go", "audit_triggers.go") {
		body, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		h.Write(body)
	}
	key := hex.EncodeToString(h.Sum(nil))[:12]
	return storetest.CachedDB(b, fmt.Sprintf("orderdesk-bench-%d-%s.db", n, key), func(path string) {
		ctx := context.Background()
		e, clerk := clerkDB(b, path)
		st := e.Store()
		rng := rand.New(rand.NewPCG(1, 2))
		for done := 0; done < n; {
			err := st.Write(ctx, func(tx *store.Tx) error {
				for i := 0; i < 20000 && done < n; i, done = i+1, done+1 {
					c := fakeCustomer(rng)
					if _, _, err := tx.CreateCustomer(ctx, clerk.ID, c); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
	})
}

// clerkDB opens a database at path with its engine and one clerk, 王芳;
// the caller closes its store.
func clerkDB(b *testing.B, path string, opts ...store.Option) (*workflow.Engine, store.User) {
	b.Helper()
	ctx := context.Background()
	e := workflowtest.Open(b, path, opts...)
	sys, _ := e.SystemUser(ctx)
	clerk, err := e.AddUser(ctx, sys, "wang", "王芳", "", []workflow.Role{workflow.Clerk})
	if err != nil {
		b.Fatal(err)
	}
	return e, clerk
}

var (
	cities   = []string{"沈阳", "大连", "鞍山", "抚顺", "本溪", "丹东", "锦州", "营口", "阜新", "辽阳", "盘锦", "铁岭", "朝阳", "葫芦岛", "长春", "吉林", "哈尔滨", "天津", "唐山", "无锡"}
	trades   = []string{"宏达", "鑫源", "恒通", "华信", "金石", "永盛", "东方", "北方", "兴隆", "瑞丰", "鼎盛", "天成", "广源", "利民", "长城", "富华", "新世纪", "中兴", "博远", "德润"}
	lines    = []string{"钢铁", "重工", "机械", "金属材料", "物资", "建材", "钢结构", "管业", "特钢", "不锈钢", "五金", "汽车配件", "锅炉", "船舶", "桥梁", "模具", "阀门", "电力设备", "矿山机械", "轴承"}
	suffixes = []string{"有限公司", "股份有限公司", "集团有限公司", "贸易有限公司", "制造有限公司", "厂"}
)

func fakeCustomer(rng *rand.Rand) store.Customer {
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	city, trade, line := pick(cities), pick(trades), pick(lines)
	name := city + trade + line + pick(suffixes)
	phone := fmt.Sprintf("1%d%09d", 3+rng.IntN(6), rng.IntN(1e9))
	if rng.IntN(2) == 0 {
		phone = fmt.Sprintf("0%d-%08d", 24+rng.IntN(400), rng.IntN(1e8))
	}
	return store.Customer{Name: name, ShortName: trade + line, Mnemonic: workflow.Mnemonic(name), City: city, Phone: phone}
}

// BenchmarkCustomerFilter runs the list's live filter over 100,000
// customers: one page of 50, as the screen asks for at each keystroke.
func BenchmarkCustomerFilter(b *testing.B) {
	ctx := context.Background()
	e := workflowtest.Open(b, benchDB(b, 100000))
	st := e.Store()
	defer st.Close()
	var clerk store.User
	st.Read(ctx, func(tx *store.Tx) (err error) { clerk, err = tx.UserByLogin(ctx, "wang"); return err })
	desk := e.Desk(clerk)
	for _, q := range []struct{ name, query string }{
		{"none", ""},
		{"1char", "钢"},
		{"1char-rare", "舶"},
		{"2chars", "重工"},
		{"4chars-rare", "锦州瑞丰"},
		{"mnemonic", "syhd"},
		{"phone", "8866"},
		{"3words", "沈阳 钢铁 有限"},
		{"nomatch", "无此客户"},
		{"nomatch-repeat", "鑫鑫鑫鑫"},
	} {
		b.Run(q.name, func(b *testing.B) {
			rows := 0
			timed(b, func(int) func() error {
				return func() error {
					r, err := desk.Customers(ctx, store.Page{Query: q.query, Limit: 50})
					rows = len(r)
					return err
				}
			})
			b.ReportMetric(float64(rows), "rows")
		})
	}
}
