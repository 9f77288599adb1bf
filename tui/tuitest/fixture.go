// Package tuitest builds what screen tests need: a temporary database
// with users in every role, and the app of one of them.
package tuitest

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"orderdesk/store"
	"orderdesk/tui"
	"orderdesk/workflow"
)

// Clock is the fixed time screen tests run at.
var Clock = time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)

// Fixture is a fresh database with a clerk, a supervisor and a finance user.
type Fixture struct {
	Ctx                        context.Context
	Path                       string
	Store                      *store.Store
	Engine                     *workflow.Engine
	Clerk, Supervisor, Finance store.User
}

// New opens a temporary database and adds the users.
func New(t testing.TB) *Fixture {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "desk.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	eng, err := workflow.New(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	sys, err := eng.SystemUser(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f := &Fixture{Ctx: ctx, Path: path, Store: st, Engine: eng}
	add := func(login, name string, roles ...workflow.Role) store.User {
		u, err := eng.AddUser(ctx, sys, login, name, "", roles)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	f.Clerk = add("wangli", "王丽", workflow.Clerk)
	f.Supervisor = add("zhao", "赵主管", workflow.Supervisor, workflow.Clerk)
	f.Finance = add("chen", "陈会计", workflow.Finance)
	return f
}

// App builds the app of user u in lang ("zh" or "en") at the fixed clock.
func (f *Fixture) App(u store.User, lang string) *tui.App {
	return tui.New(tui.Options{Desk: f.Engine.Desk(u), Lang: lang, DBPath: "desk.db", Theme: "dark", Now: func() time.Time { return Clock }})
}

// Run starts app under teatest with a fixed 120×40 window.
func Run(t testing.TB, app *tui.App) *teatest.TestModel {
	t.Helper()
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 40))
	t.Cleanup(func() { app.Close() })
	return tm
}

// WaitText waits until the screen output contains every one of texts.
// The renderer draws only what changed, so the output is read as a
// stream with escape codes removed and the texts looked up in it.
func WaitText(t testing.TB, tm *teatest.TestModel, texts ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		plain := ansi.Strip(string(b))
		for _, s := range texts {
			if !strings.Contains(plain, s) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}
