package tui_test

import (
	"testing"

	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// A supervisor who chose the dashboard (s there) finds it first at their
// next sign-in, the local desk and every SSH session alike building the
// app the same way; anyone else, and anyone whose roles no longer show
// the screen chosen, opens on the first tab.
func TestStartScreenChoiceSurvivesANewSession(t *testing.T) {
	f := tuitest.New(t)
	scr := tuitest.Run(t, f.App(f.Supervisor, "zh"))
	scr.WaitText(t, "客户档案")
	scr.Send(tuitest.BackTabs(t, f.Supervisor, workflow.ScreenCustomers, workflow.ScreenDashboard)...)
	scr.WaitText(t, "销售看板 ·")
	scr.Send(tuitest.Key("s"))
	scr.WaitText(t, "登录即进入本页")
	scr.Quit(t)

	again := tuitest.Run(t, f.App(f.Supervisor, "zh"))
	again.WaitText(t, "销售看板 ·", "登录即进入本页")
	again.Quit(t)

	tuitest.Run(t, f.App(f.Clerk, "zh")).WaitText(t, "客户档案")
	// The same user with roles that no longer show the dashboard (an
	// admin alone) opens on the first tab.
	if got, err := f.Engine.Desk(f.Supervisor).StartScreen(f.Ctx); err != nil || got != workflow.ScreenDashboard {
		t.Fatalf("start screen %q (%v)", got, err)
	}
	moved := f.Supervisor
	moved.Roles = []string{string(workflow.Admin)}
	if got, err := f.Engine.Desk(moved).StartScreen(f.Ctx); err != nil || got != "" {
		t.Errorf("an admin opens on %q (%v)", got, err)
	}
}
