package users_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"orderdesk/tui/tuitest"
	"orderdesk/tui/users"
)

// A user typed in one burst, every key handed to the screen before any
// is drawn or any command runs, lands field by field as meant.
func TestUserTypedInOneBurst(t *testing.T) {
	f, admin := withAdmin(t)
	ctx := context.Background()
	s := users.New(f.Common(admin, "zh"))
	s.SetSize(120, 40)
	tuitest.Settle(t, s, s.Init())
	down := tuitest.Key("down")
	// login, name, os account, then the roles: drop clerk, pick
	// supervisor and finance; enter on the roles saves.
	keys := tuitest.Keys("nsun\t孙采购\tsun\tx")
	keys = append(keys, down, down)
	keys = append(keys, tuitest.Keys("x")...)
	keys = append(keys, down)
	keys = append(keys, tuitest.Keys(" \r")...)
	tuitest.Burst(t, s, keys...)

	all, err := f.Engine.Desk(admin).Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range all {
		if u.Login == "sun" {
			roles := slices.Sorted(slices.Values(u.Roles))
			if u.Name != "孙采购" || u.OSUser != "sun" || strings.Join(roles, ",") != "finance,supervisor" {
				t.Fatalf("saved %+v", u)
			}
			return
		}
	}
	t.Fatalf("no user sun among %+v", all)
}
