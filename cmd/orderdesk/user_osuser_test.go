package main

import "testing"

func TestUserOSUser(t *testing.T) {
	c := newCLI(t)
	c.steps([]step{
		{name: "add wangli", args: []string{"user", "add", "wangli", "--name", "王丽", "--roles", "clerk", "--os-user", "wangli"}},
		{name: "add chen", args: []string{"user", "add", "chen", "--name", "陈会计", "--roles", "finance", "--os-user", "chen"}},
		{name: "remap", args: []string{"user", "os-user", "wangli", "wli"},
			want: []string{"the system account of wangli is now wli"}},
		{name: "list shows the new account", args: []string{"user", "list"}, want: []string{"wli"}},
		{name: "audited", args: []string{"audit", "show", "--table", "users", "--id", "2", "--limit", "1"},
			want: []string{"system  update users/2", "os_user: wangli → wli"}},
		{name: "taken by another user", args: []string{"user", "os-user", "wangli", "chen"},
			wantErr: true, want: []string{"the system account chen already belongs to user chen"}},
		{name: "unknown login", args: []string{"user", "os-user", "nobody", "x"},
			wantErr: true, want: []string{"no user with the login nobody"}},
		{name: "unmap", args: []string{"user", "os-user", "wangli", ""},
			want: []string{"the system account of wangli is now (none)"}},
		{name: "audited again", args: []string{"audit", "show", "--table", "users", "--id", "2", "--limit", "1"},
			want: []string{"os_user: wli → "}},
		{name: "needs both arguments", args: []string{"user", "os-user", "wangli"}, wantErr: true},
	})
	t.Run("Chinese", func(t *testing.T) {
		t.Setenv("ORDERDESK_UI_LANGUAGE", "zh")
		c.steps([]step{{name: "remap", args: []string{"user", "os-user", "chen", "chenkj"},
			want: []string{"用户 chen 对应的系统账号现为:chenkj"}}})
	})
}
