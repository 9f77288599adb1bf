package workflow

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"orderdesk/store"
)

// fixture is a fresh database with a clerk, a second clerk, a supervisor
// and an admin-supervisor.
type fixture struct {
	e                              *Engine
	st                             *store.Store
	clerk, clerk2, boss, adminBoss store.User
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e, err := New(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	sys, _ := e.SystemUser(ctx)
	f := &fixture{e: e, st: st}
	mk := func(login string, roles ...Role) store.User {
		u, err := e.AddUser(ctx, sys, login, login, "", roles)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	f.clerk = mk("wang", Clerk)
	f.clerk2 = mk("li", Clerk)
	f.boss = mk("zhao", Supervisor)
	f.adminBoss = mk("admin", Admin, Supervisor, Clerk)
	return f
}

func (f *fixture) customerWithTerms(t *testing.T, maker store.User) (int64, int64) {
	t.Helper()
	id, doc, err := f.e.Desk(maker).CreateCustomer(context.Background(), CustomerInput{
		Name: "沈阳钢铁有限公司", PaymentTerms: store.TermsMonthly, TermsDays: "30", CreditLimit: "500000",
	})
	if err != nil {
		t.Fatal(err)
	}
	if doc == 0 {
		t.Fatal("monthly terms did not open a terms change")
	}
	return id, doc
}

func TestTwoPersonRuleOnTermsChange(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		maker  func(*fixture) store.User
		editor func(*fixture) *store.User // edits the document before sign-off
		signer func(*fixture) store.User
		action string
		want   Code
	}{
		{"maker cannot approve", func(f *fixture) store.User { return f.clerk }, nil, func(f *fixture) store.User { return f.clerk }, ActionApprove, RoleNotAllowed},
		{"admin supervisor cannot approve own", func(f *fixture) store.User { return f.adminBoss }, nil, func(f *fixture) store.User { return f.adminBoss }, ActionApprove, MakerCannotSignOff},
		{"clerk lacks the role", func(f *fixture) store.User { return f.clerk }, nil, func(f *fixture) store.User { return f.clerk2 }, ActionApprove, RoleNotAllowed},
		{"editor since last sign-off cannot approve", func(f *fixture) store.User { return f.clerk }, func(f *fixture) *store.User { return &f.boss }, func(f *fixture) store.User { return f.boss }, ActionApprove, EditorCannotSignOff},
		{"send back needs a comment", func(f *fixture) store.User { return f.clerk }, nil, func(f *fixture) store.User { return f.boss }, ActionSendBack, CommentRequired},
		{"another supervisor approves", func(f *fixture) store.User { return f.clerk }, nil, func(f *fixture) store.User { return f.boss }, ActionApprove, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			custID, doc := f.customerWithTerms(t, tc.maker(f))
			if tc.editor != nil {
				ed := tc.editor(f)
				err := f.st.Write(ctx, func(tx *store.Tx) error {
					d, err := tx.Document(ctx, doc)
					if err != nil {
						return err
					}
					return tx.EditDocument(ctx, ed.ID, doc, d.Version, "edited")
				})
				if err != nil {
					t.Fatal(err)
				}
			}
			err := f.e.Desk(tc.signer(f)).Act(ctx, doc, tc.action, "")
			if tc.want == "" {
				if err != nil {
					t.Fatalf("want success, got %v", err)
				}
				file, err := f.e.Desk(f.clerk).CustomerFile(ctx, custID)
				if err != nil {
					t.Fatal(err)
				}
				if file.PaymentTerms != store.TermsMonthly || file.CreditLimit != 50000000 || file.TermsDays != 30 {
					t.Fatalf("approved terms not applied: %+v", file.Customer)
				}
				return
			}
			if !errors.Is(err, &Refusal{Code: tc.want}) {
				t.Fatalf("want refusal %s, got %v", tc.want, err)
			}
		})
	}
}

func TestDatabaseRefusesBypass(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	custID, doc := f.customerWithTerms(t, f.adminBoss)
	_ = custID
	err := f.st.Write(ctx, func(tx *store.Tx) error {
		// The maker's own sign-off, inserted as a raw transition.
		return tx.InsertTransition(ctx, store.Transition{DocID: doc, Action: ActionApprove, From: "submitted", To: "approved", ActorID: f.adminBoss.ID, SignOff: true})
	})
	var re *store.RuleError
	if !errors.As(err, &re) || re.Code != string(MakerCannotSignOff) {
		t.Fatalf("want maker_cannot_sign from the database, got %v", err)
	}
}
