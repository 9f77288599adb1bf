package workflow

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
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
	return baseFixture.get(t).clone(t)
}

var baseFixture = built[*fixture]{name: "base", build: buildFixture}

// buildFixture builds the base fixture's database at path.
func buildFixture(t *testing.T, path string) *fixture {
	t.Helper()
	ctx := context.Background()
	st, err := store.OpenURL(ctx, path) // a file, or a PostgreSQL database (servers_orders_test.go)
	if err != nil {
		t.Fatal(err)
	}
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
			t.Parallel() // its own copy of the fixture
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

// rawDB opens the database file around orderdesk, as a script would.
func (f *fixture) rawDB(t *testing.T) *sql.DB {
	t.Helper()
	return storetest.Raw(t, f.st.Path())
}

func (f *fixture) editHeader(t *testing.T, by store.User, doc int64) {
	t.Helper()
	ctx := context.Background()
	err := f.st.Write(ctx, func(tx *store.Tx) error {
		d, err := tx.Document(ctx, doc)
		if err != nil {
			return err
		}
		return tx.EditDocument(ctx, by.ID, doc, d.Version, "edited by "+by.Login)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// editContent changes the proposed credit the way a content form would:
// an update of the terms_changes row naming its editor.
func (f *fixture) editContent(t *testing.T, by store.User, doc int64, credit int64) {
	t.Helper()
	_, err := f.rawDB(t).Exec(`UPDATE terms_changes SET new_credit = ?, updated_by = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE doc_id = ?`,
		credit, by.ID, doc)
	if err != nil {
		t.Fatal(err)
	}
}

func (f *fixture) status(t *testing.T, doc int64) string {
	t.Helper()
	d, err := f.e.Desk(f.clerk).Document(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	return d.Status
}

// TestSignOffRules: who may take which action, decided by the workflow
// and, for a stale session, by the database.
func TestSignOffRules(t *testing.T) {
	ctx := context.Background()
	type step func(t *testing.T, f *fixture, doc int64)
	act := func(u func(*fixture) store.User, action, comment string) step {
		return func(t *testing.T, f *fixture, doc int64) {
			t.Helper()
			if err := f.e.Desk(u(f)).Act(ctx, doc, action, comment); err != nil {
				t.Fatalf("setup %s: %v", action, err)
			}
		}
	}
	clerk := func(f *fixture) store.User { return f.clerk }
	clerk2 := func(f *fixture) store.User { return f.clerk2 }
	boss := func(f *fixture) store.User { return f.boss }
	admin := func(f *fixture) store.User { return f.adminBoss }
	tests := []struct {
		name    string
		maker   func(*fixture) store.User
		setup   []step
		actor   func(*fixture) store.User
		action  string
		comment string
		want    Code   // "" for success
		status  string // status afterwards
	}{
		{"clerk maker lacks the role to sign", clerk, nil, clerk, ActionApprove, "", RoleNotAllowed, "submitted"},
		{"admin and supervisor cannot sign own", admin, nil, admin, ActionApprove, "", MakerCannotSignOff, "submitted"},
		{"admin and supervisor cannot send back own", admin, nil, admin, ActionSendBack, "no", MakerCannotSignOff, "submitted"},
		{"editor of the header cannot sign", clerk, []step{func(t *testing.T, f *fixture, d int64) { f.editHeader(t, f.boss, d) }}, boss, ActionApprove, "", EditorCannotSignOff, "submitted"},
		{"editor of the content cannot sign", clerk, []step{func(t *testing.T, f *fixture, d int64) { f.editContent(t, f.boss, d, 1) }}, boss, ActionApprove, "", EditorCannotSignOff, "submitted"},
		{"another supervisor signs after an edit", clerk, []step{func(t *testing.T, f *fixture, d int64) { f.editHeader(t, f.boss, d) }}, admin, ActionApprove, "", "", "approved"},
		{"send back needs a comment", clerk, nil, boss, ActionSendBack, "  ", CommentRequired, "submitted"},
		{"send back with a comment", clerk, nil, boss, ActionSendBack, "credit too high", "", "sent_back"},
		{"maker withdraws", clerk, nil, clerk, ActionWithdraw, "", "", "withdrawn"},
		{"maker withdraws after a send-back", clerk, []step{act(boss, ActionSendBack, "why")}, clerk, ActionWithdraw, "", "", "withdrawn"},
		{"approve from approved", clerk, []step{act(boss, ActionApprove, "")}, admin, ActionApprove, "", NoSuchTransition, "approved"},
		{"send back after approval", clerk, []step{act(boss, ActionApprove, "")}, admin, ActionSendBack, "late", NoSuchTransition, "approved"},
		{"resubmit what was not sent back", clerk, nil, clerk, ActionResubmit, "", NoSuchTransition, "submitted"},
		{"withdraw after approval", clerk, []step{act(boss, ActionApprove, "")}, clerk, ActionWithdraw, "", NoSuchTransition, "approved"},
		{"only the maker resubmits", clerk, []step{act(boss, ActionSendBack, "why")}, clerk2, ActionResubmit, "", MakerOnly, "sent_back"},
		{"only the maker withdraws", clerk, nil, admin, ActionWithdraw, "", MakerOnly, "submitted"},
		{"maker resubmits", clerk, []step{act(boss, ActionSendBack, "why")}, clerk, ActionResubmit, "", "", "submitted"},
		{"unknown action", clerk, nil, boss, "delete", "", NoSuchTransition, "submitted"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // its own copy of the fixture
			f := newFixture(t)
			_, doc := f.customerWithTerms(t, tc.maker(f))
			for _, s := range tc.setup {
				s(t, f, doc)
			}
			err := f.e.Desk(tc.actor(f)).Act(ctx, doc, tc.action, tc.comment)
			if tc.want == "" && err != nil {
				t.Fatalf("want success, got %v", err)
			}
			if tc.want != "" && !errors.Is(err, &Refusal{Code: tc.want}) {
				t.Fatalf("want refusal %s, got %v", tc.want, err)
			}
			if got := f.status(t, doc); got != tc.status {
				t.Fatalf("status %s, want %s", got, tc.status)
			}
		})
	}
}

// TestInactiveSignerRefused: the pure check refuses a user switched off,
// and so does the database when the session still holds the old record.
func TestInactiveSignerRefused(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	_, doc := f.customerWithTerms(t, f.clerk)
	stale := f.boss
	sys, _ := f.e.SystemUser(ctx)
	if err := f.st.Write(ctx, func(tx *store.Tx) error { return tx.SetActive(ctx, sys.ID, f.boss.ID, false) }); err != nil {
		t.Fatal(err)
	}
	off := stale
	off.Active = false
	d, _ := f.e.Desk(f.clerk).Document(ctx, doc)
	if _, err := Check(TermsChange, d.Document, off, ActionApprove, "", false); !errors.Is(err, &Refusal{Code: RoleNotAllowed}) {
		t.Fatalf("Check let an inactive user sign: %v", err)
	}
	if err := f.e.Desk(stale).Act(ctx, doc, ActionApprove, ""); !errors.Is(err, &Refusal{Code: RoleNotAllowed}) {
		t.Fatalf("the database let an inactive user sign: %v", err)
	}
	if got := f.status(t, doc); got != "submitted" {
		t.Fatalf("status %s", got)
	}
}

// TestReviewRounds: only a sign-off that accepts the document starts a
// new round. A send-back does not: what was edited before it has still
// been accepted by nobody but its editor, who therefore may not sign it
// after the resubmission either.
func TestReviewRounds(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	custID, doc := f.customerWithTerms(t, f.clerk)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	refused := func(err error, code Code) {
		t.Helper()
		if !errors.Is(err, &Refusal{Code: code}) {
			t.Fatalf("want %s, got %v", code, err)
		}
	}
	boss, admin, clerk := f.e.Desk(f.boss), f.e.Desk(f.adminBoss), f.e.Desk(f.clerk)

	// Round 0: the supervisor edits, so cannot sign; the admin sends back.
	f.editHeader(t, f.boss, doc)
	refused(boss.Act(ctx, doc, ActionApprove, ""), EditorCannotSignOff)
	refused(admin.Act(ctx, doc, ActionSendBack, ""), CommentRequired)
	must(admin.Act(ctx, doc, ActionSendBack, "30 days, not 60"))

	// Round 1: the clerk corrects the content and resubmits.
	f.editContent(t, f.clerk, doc, 30000000)
	must(clerk.Act(ctx, doc, ActionResubmit, ""))
	refused(clerk.Act(ctx, doc, ActionApprove, ""), RoleNotAllowed)

	// The supervisor's edit is still unaccepted: they may not sign it,
	// though the send-back came between.
	dd, err := boss.Document(ctx, doc)
	must(err)
	if len(dd.Actions) != 0 {
		t.Fatalf("the supervisor who edited should be offered nothing, got %v", dd.Actions)
	}
	refused(boss.Act(ctx, doc, ActionApprove, ""), EditorCannotSignOff)
	must(admin.Act(ctx, doc, ActionApprove, ""))

	trs := dd.Transitions
	if len(trs) != 2 || trs[0].Action != ActionSendBack || trs[0].ActorID != f.adminBoss.ID || trs[0].Comment != "30 days, not 60" ||
		!trs[0].SignOff || trs[1].Action != ActionResubmit || trs[1].SignOff {
		t.Fatalf("history before approval: %+v", trs)
	}
	file, err := clerk.CustomerFile(ctx, custID)
	must(err)
	if file.CreditLimit != 30000000 || file.PaymentTerms != store.TermsMonthly || file.PendingTerms != nil {
		t.Fatalf("approved terms: %+v pending %+v", file.Customer, file.PendingTerms)
	}
}

// TestEditorOfCurrentRoundAfterResubmit: an edit made while the document
// was sent back belongs to the new round and bars its editor.
func TestEditorOfCurrentRoundAfterResubmit(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	_, doc := f.customerWithTerms(t, f.clerk)
	if err := f.e.Desk(f.boss).Act(ctx, doc, ActionSendBack, "fix it"); err != nil {
		t.Fatal(err)
	}
	// The supervisor who sent it back fixes it themselves.
	f.editContent(t, f.boss, doc, 100)
	if err := f.e.Desk(f.clerk).Act(ctx, doc, ActionResubmit, ""); err != nil {
		t.Fatal(err)
	}
	dd, err := f.e.Desk(f.boss).Document(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(dd.Actions) != 0 {
		t.Fatalf("an editor of this round is offered %v", dd.Actions)
	}
	if err := f.e.Desk(f.boss).Act(ctx, doc, ActionApprove, ""); !errors.Is(err, &Refusal{Code: EditorCannotSignOff}) {
		t.Fatalf("want editor_cannot_sign, got %v", err)
	}
	if err := f.e.Desk(f.adminBoss).Act(ctx, doc, ActionApprove, ""); err != nil {
		t.Fatalf("a reviewer who did not edit was refused: %v", err)
	}
}

// TestDocumentActionsOffered: the detail screen offers only what the user
// may do.
func TestDocumentActionsOffered(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	_, doc := f.customerWithTerms(t, f.clerk)
	names := func(u store.User) []string {
		dd, err := f.e.Desk(u).Document(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, a := range dd.Actions {
			out = append(out, a.Action)
		}
		return out
	}
	for _, tc := range []struct {
		who  store.User
		want string
	}{
		{f.clerk, "[withdraw]"},
		{f.clerk2, "[]"},
		{f.boss, "[approve send_back]"},
		{f.adminBoss, "[approve send_back]"},
	} {
		if got := fmt.Sprint(names(tc.who)); got != tc.want {
			t.Errorf("%s is offered %s, want %s", tc.who.Login, got, tc.want)
		}
	}
}

// TestSignOffCoversWhatWasSeen: an edit between opening a document and
// signing it (here by the maker, to the content) voids the sign-off; the
// reviewer must reload and look again.
func TestSignOffCoversWhatWasSeen(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	custID, doc := f.customerWithTerms(t, f.clerk)
	boss := f.e.Desk(f.boss)
	seen, err := boss.Document(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	f.editContent(t, f.clerk, doc, 900000000) // ¥9,000,000 instead of ¥500,000
	if err := boss.ActOn(ctx, doc, seen.Version, ActionApprove, ""); !errors.Is(err, &Refusal{Code: StaleStatus}) {
		t.Fatalf("sign-off on a stale view: %v", err)
	}
	if got := f.status(t, doc); got != "submitted" {
		t.Fatalf("status %s", got)
	}
	// A header edit moves the version too.
	again, _ := boss.Document(ctx, doc)
	if again.Version == seen.Version || again.TermsChange.NewCredit != 900000000 {
		t.Fatalf("content edit did not move the version: %d → %d", seen.Version, again.Version)
	}
	f.editHeader(t, f.clerk, doc)
	if err := boss.ActOn(ctx, doc, again.Version, ActionApprove, ""); !errors.Is(err, &Refusal{Code: StaleStatus}) {
		t.Fatalf("sign-off after a header edit: %v", err)
	}
	latest, _ := boss.Document(ctx, doc)
	if err := boss.ActOn(ctx, doc, latest.Version, ActionApprove, ""); err != nil {
		t.Fatalf("sign-off on the current version: %v", err)
	}
	if cf := f.file(t, custID); cf.CreditLimit != 900000000 {
		t.Fatalf("approved credit %d", cf.CreditLimit)
	}
}
