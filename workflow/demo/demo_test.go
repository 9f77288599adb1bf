package demo

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
	"orderdesk/workflow/workflowtest"
)

var today = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

func newEngine(t testing.TB) *workflow.Engine {
	t.Helper()
	eng := workflowtest.Open(t, filepath.Join(t.TempDir(), "demo.db"))
	t.Cleanup(func() { eng.Store().Close() })
	return eng
}

// rawDB opens the database file read-only beside the store, to count
// what the store has no query for.
func rawDB(t testing.TB, eng *workflow.Engine) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+eng.Store().Path()+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func count(t testing.TB, db *sql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func options(customers, products int, seed uint64) Options {
	o := DefaultOptions()
	o.Customers, o.Products, o.Seed, o.Today = customers, products, seed, today
	return o
}

func TestGenerateCounts(t *testing.T) {
	t.Parallel() // each generates into a database of its own
	cases := []struct {
		name             string
		opts             func() Options
		pending, sentBck int
		desk             *sharedDesk // generated once with opts, when set
	}{
		{"defaults", func() Options { return desk120.opts }, 6, 1, desk120},
		{"all monthly", func() Options {
			o := options(40, 10, 2)
			o.MonthlyPercent, o.VisitPercent = 100, 100
			return o
		}, 6, 1, nil},
		{"no monthly, no pending", func() Options {
			o := options(25, 5, 3)
			o.MonthlyPercent, o.Pending, o.SentBack = 0, 0, 0
			return o
		}, 0, 0, nil},
		{"more pending than customers", func() Options {
			o := options(3, 1, 4)
			o.Pending, o.SentBack = 5, 2
			return o
		}, 3, 0, nil},
		{"empty", func() Options { return options(0, 0, 5) }, 0, 0, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			opts := tc.opts()
			eng, sum, db := generatedOrShared(t, tc.desk, opts)
			// Beside the customers generated, the won leads' files (leads.go).
			fromLeads := count(t, db, `SELECT count(*) FROM leads WHERE customer_id IS NOT NULL`)
			if sum.Customers != opts.Customers || count(t, db, `SELECT count(*) FROM customers`) != opts.Customers+fromLeads {
				t.Errorf("customers: summary %d, want %d", sum.Customers, opts.Customers)
			}
			if sum.Products != opts.Products || count(t, db, `SELECT count(*) FROM products`) != opts.Products {
				t.Errorf("products: summary %d, want %d", sum.Products, opts.Products)
			}
			if sum.Users != len(people) || count(t, db, `SELECT count(*) FROM users WHERE id <> 1`) != len(people) {
				t.Errorf("users: summary %d, want %d", sum.Users, len(people))
			}
			if got := count(t, db, `SELECT count(*) FROM customer_visits`); got != sum.Visits {
				t.Errorf("visits: table %d, summary %d", got, sum.Visits)
			}
			if sum.Pending != tc.pending || sum.SentBack != tc.sentBck {
				t.Errorf("pending %d sent back %d, want %d and %d", sum.Pending, sum.SentBack, tc.pending, tc.sentBck)
			}
			if got := count(t, db, `SELECT count(*) FROM documents WHERE kind = 'terms_change' AND status = 'submitted'`); got != tc.pending {
				t.Errorf("submitted terms changes %d, want %d", got, tc.pending)
			}
			if got := count(t, db, `SELECT count(*) FROM documents WHERE kind = 'terms_change' AND status = 'sent_back'`); got != tc.sentBck {
				t.Errorf("sent-back terms changes %d, want %d", got, tc.sentBck)
			}
			checkMonthlyApproved(t, db, sum)
			checkMnemonics(t, db)
			checkInbox(t, eng, tc.pending)
			res, err := eng.Store().VerifyAudit(ctx)
			if err != nil || res.BrokenAt != 0 {
				t.Errorf("audit after generation: %+v, %v", res, err)
			}
		})
	}
}

// checkMonthlyApproved: every customer on monthly terms got them from an
// approved terms change signed off by a supervisor or finance who is not
// its maker.
func checkMonthlyApproved(t *testing.T, db *sql.DB, sum Summary) {
	t.Helper()
	monthly := count(t, db, `SELECT count(*) FROM customers WHERE payment_terms = 'monthly'`)
	if monthly < sum.Monthly {
		t.Errorf("monthly customers %d, summary says %d", monthly, sum.Monthly)
	}
	signed := count(t, db, `SELECT count(*) FROM customers c
	  JOIN terms_changes tc ON tc.doc_id = c.terms_doc_id AND tc.customer_id = c.id
	  JOIN documents d ON d.id = tc.doc_id AND d.status = 'approved'
	  JOIN transitions tr ON tr.doc_id = d.id AND tr.action = 'approve' AND tr.signoff = 1
	  JOIN users u ON u.id = tr.actor_id
	 WHERE c.payment_terms = 'monthly' AND tr.actor_id <> d.maker_id
	   AND (instr(u.roles, ',supervisor,') > 0 OR instr(u.roles, ',finance,') > 0)
	   AND c.terms_days = tc.new_days AND c.credit_limit = tc.new_credit AND c.credit_limit > 0`)
	if signed != monthly {
		t.Errorf("%d of %d monthly customers have an approved, signed-off terms change", signed, monthly)
	}
}

// checkMnemonics: every customer's 助记码 is the one the form would give.
func checkMnemonics(t *testing.T, db *sql.DB) {
	t.Helper()
	rows, err := db.Query(`SELECT name, mnemonic FROM customers`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var name, m string
		if err := rows.Scan(&name, &m); err != nil {
			t.Fatal(err)
		}
		if want := workflow.Mnemonic(name); m != want {
			t.Errorf("%s: mnemonic %q, want %q", name, m, want)
		}
	}
}

// checkInbox: the supervisor's review inbox holds the pending terms
// changes (beside quotes and price changes, checked in pricing_test.go).
func checkInbox(t *testing.T, eng *workflow.Engine, want int) {
	t.Helper()
	var boss store.User
	err := eng.Store().Read(context.Background(), func(tx *store.Tx) (err error) {
		boss, err = tx.UserByLogin(context.Background(), "zhao")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	items, err := eng.Desk(boss).Inbox(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	terms := 0
	for _, it := range items {
		if it.Kind == store.TermsChangeKind {
			terms++
		}
	}
	if terms != want {
		t.Errorf("supervisor's inbox has %d terms changes, want %d", terms, want)
	}
}

// fingerprint hashes every generated field that does not depend on the
// clock, in id order.
func fingerprint(t *testing.T, eng *workflow.Engine) string {
	t.Helper()
	db := rawDB(t, eng)
	h := sha256.New()
	for _, q := range []string{
		`SELECT id, code, name, short_name, mnemonic, city, address, contact, phone, fax, email, produces, usual_grades,
		        suppliers, category, rep_id, payment_terms, terms_days, credit_limit, updated_by FROM customers ORDER BY id`,
		`SELECT id, grade, name, spec, unit, unit_weight, mnemonic FROM products ORDER BY id`,
		`SELECT id, customer_id, visited_on, kind, notes, updated_by FROM customer_visits ORDER BY id`,
		`SELECT id, kind, ref, status, maker_id, subject_id FROM documents ORDER BY id`,
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintln(h, vals...)
		}
		rows.Close()
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestGenerateDeterministic(t *testing.T) {
	t.Parallel() // each generates into a database of its own
	ctx := context.Background()
	prints := map[string]string{}
	for _, run := range []struct {
		name string
		seed uint64
	}{{"a", 7}, {"b", 7}, {"c", 8}} {
		eng := newEngine(t)
		if _, err := Generate(ctx, eng, options(60, 30, run.seed)); err != nil {
			t.Fatal(err)
		}
		prints[run.name] = fingerprint(t, eng)
	}
	if prints["a"] != prints["b"] {
		t.Error("the same seed gave different databases")
	}
	if prints["a"] == prints["c"] {
		t.Error("different seeds gave the same database")
	}
}

func TestGenerateMapsOSUser(t *testing.T) {
	t.Parallel() // each generates into a database of its own
	ctx := context.Background()
	t.Run("fresh database: the OS account becomes the supervisor", func(t *testing.T) {
		t.Parallel()
		eng := newEngine(t)
		o := options(10, 5, 1)
		o.OSUser = "alice"
		sum, err := Generate(ctx, eng, o)
		if err != nil {
			t.Fatal(err)
		}
		if !sum.Mapped || sum.Desk.Login != "zhao" || !sum.Desk.HasRole(string(workflow.Supervisor)) {
			t.Errorf("desk user %+v mapped %v, want zhao", sum.Desk, sum.Mapped)
		}
		u, _, err := eng.Bootstrap(ctx, "alice", "")
		if err != nil || u.Login != "zhao" {
			t.Errorf("alice logs in as %q (%v), want zhao", u.Login, err)
		}
	})
	t.Run("account already a user: left as it is", func(t *testing.T) {
		t.Parallel()
		eng := newEngine(t)
		if _, _, err := eng.Bootstrap(ctx, "alice", "Alice"); err != nil {
			t.Fatal(err)
		}
		o := options(10, 5, 1)
		o.OSUser = "alice"
		sum, err := Generate(ctx, eng, o)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Mapped || sum.Desk.Login != "alice" {
			t.Errorf("desk user %q mapped %v, want alice unmapped", sum.Desk.Login, sum.Mapped)
		}
	})
	t.Run("second run reuses the demo users", func(t *testing.T) {
		t.Parallel()
		eng := newEngine(t)
		if _, err := Generate(ctx, eng, options(5, 5, 1)); err != nil {
			t.Fatal(err)
		}
		sum, err := Generate(ctx, eng, options(5, 5, 2))
		if err != nil {
			t.Fatal(err)
		}
		if sum.Users != 0 || sum.Customers != 5 {
			t.Errorf("second run: %+v", sum)
		}
	})
}

func TestGenerateRefusesBadOptions(t *testing.T) {
	t.Parallel() // each case has a database of its own
	cases := map[string]func(*Options){
		"negative customers": func(o *Options) { o.Customers = -1 },
		"percent over 100":   func(o *Options) { o.MonthlyPercent = 101 },
		"too many products":  func(o *Options) { o.Products = MaxProducts() + 1 },
	}
	for name, change := range cases {
		t.Run(name, func(t *testing.T) {
			o := options(1, 1, 1)
			change(&o)
			if _, err := Generate(context.Background(), newEngine(t), o); !errors.Is(err, ErrOptions) {
				t.Errorf("got %v, want ErrOptions", err)
			}
		})
	}
}

func TestCatalogueIsValid(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range catalogue() {
		if _, errs := p.in.Validate(); len(errs) > 0 {
			t.Errorf("%+v: %v", p.in, errs)
		}
		key := p.in.Grade + " " + p.in.Name + " " + p.in.Spec
		if seen[key] {
			t.Errorf("duplicate product %s", key)
		}
		seen[key] = true
	}
	if w := pipeWeight(480, 35); w != 23045 {
		t.Errorf("48×3.5×6000 welded pipe weighs %s kg, want 23.045", w)
	}
}

// generated fills a new demo desk with opts in the desk's time zone,
// and returns it with its summary and a read-only look at its file.
func generated(t *testing.T, opts Options) (*workflow.Engine, Summary, *sql.DB) {
	t.Helper()
	eng := newEngine(t)
	eng.SetLocation(today.Location())
	sum, err := Generate(context.Background(), eng, opts)
	if err != nil {
		t.Fatal(err)
	}
	return eng, sum, rawDB(t, eng)
}

// generatedOrShared is desk's copy when desk is set, else a desk
// generated with opts on an engine in the machine's time zone.
func generatedOrShared(t *testing.T, desk *sharedDesk, opts Options) (*workflow.Engine, Summary, *sql.DB) {
	t.Helper()
	if desk != nil {
		return desk.copyFor(t)
	}
	eng := newEngine(t)
	sum, err := Generate(context.Background(), eng, opts)
	if err != nil {
		t.Fatal(err)
	}
	return eng, sum, rawDB(t, eng)
}

// countCheck is a count the demo's summary (or its rules) predict.
type countCheck struct {
	what string
	q    string
	want int
}

// wantCounts fails on each query whose count is not the one predicted.
func wantCounts(t *testing.T, db *sql.DB, checks []countCheck) {
	t.Helper()
	for _, c := range checks {
		if got := count(t, db, c.q); got != c.want {
			t.Errorf("%s: %d, want %d", c.what, got, c.want)
		}
	}
}

// wantStatuses fails for each status no document of kind is in (what
// names the kind in the message).
func wantStatuses(t *testing.T, db *sql.DB, kind, what string, statuses ...string) {
	t.Helper()
	for _, s := range statuses {
		if count(t, db, `SELECT count(*) FROM documents WHERE kind = ? AND status = ?`, kind, s) == 0 {
			t.Errorf("no %s %s", what, s)
		}
	}
}
