package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestUserCommands(t *testing.T) {
	c := newCLI(t)
	userCommands(t, c)
}

// userCommands adds users, sets their roles and lists them, in English
// and in Chinese, on either engine.
func userCommands(t *testing.T, c *cli) {
	c.steps([]step{
		{name: "add", args: []string{"user", "add", "wangli", "--name", "王丽", "--roles", "clerk,supervisor"},
			want: []string{"added user wangli (王丽), roles: clerk,supervisor"}},
		{name: "add with os user", args: []string{"user", "add", "chen", "--name", "陈会计", "--roles", "Finance", "--os-user", "chen"},
			want: []string{"added user chen (陈会计), roles: finance"}},
		{name: "name defaults to login", args: []string{"user", "add", "li", "--roles", "clerk"},
			want: []string{"added user li (li)"}},
		{name: "duplicate login", args: []string{"user", "add", "WangLi", "--name", "x", "--roles", "clerk"},
			wantErr: true, want: []string{"the login WangLi already exists"}},
		{name: "unknown role lists the valid ones", args: []string{"user", "add", "zhao", "--roles", "clerk,boss"},
			wantErr: true, want: []string{`unknown role "boss"`, "clerk", "sales_rep (sales rep)", "supervisor", "admin"}},
		{name: "no roles", args: []string{"user", "add", "zhao", "--roles", " , "},
			wantErr: true, want: []string{"give at least one role"}},
		{name: "roles flag required", args: []string{"user", "add", "zhao"},
			wantErr: true, want: []string{"roles"}},
		{name: "login with a space", args: []string{"user", "add", "zhao zhu", "--roles", "clerk"},
			wantErr: true, want: []string{"is not valid"}},
		{name: "os user taken", args: []string{"user", "add", "chen2", "--roles", "finance", "--os-user", "chen"},
			wantErr: true, want: []string{"the system account chen already belongs to user chen"}},
		{name: "name too long", args: []string{"user", "add", "zhao", "--roles", "clerk", "--name", strings.Repeat("长", 101)},
			wantErr: true, want: []string{"name: "}},
		{name: "set roles", args: []string{"user", "roles", "wangli", "clerk,finance"},
			want: []string{"wangli now has the roles: clerk,finance"}},
		{name: "set roles of nobody", args: []string{"user", "roles", "nobody", "clerk"},
			wantErr: true, want: []string{"no user with the login nobody"}},
		{name: "set a bad role", args: []string{"user", "roles", "wangli", "cashier"},
			wantErr: true, want: []string{`unknown role "cashier"`}},
		{name: "list", args: []string{"user", "list"},
			want: []string{"login", "os user", "chen", "陈会计", "finance", "clerk,finance", "yes"}, notWant: []string{"system"}},
	})
	t.Run("the list lines up with Chinese names", func(t *testing.T) {
		out, _, err := c.run("user", "list")
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		if len(lines) != 4 {
			t.Fatalf("want a header and 3 users, got:\n%s", out)
		}
		// Login, name and roles (never empty) start at the same screen
		// column on every line.
		want := columnStarts(lines[0])
		for _, l := range lines[1:] {
			got := columnStarts(l)
			if len(got) < 3 || got[1] != want[1] || got[2] != want[2] {
				t.Errorf("columns start at %v, header at %v:\n%s", got, want, out)
			}
		}
	})
	t.Run("Chinese", func(t *testing.T) {
		t.Setenv("ORDERDESK_UI_LANGUAGE", "zh")
		c.steps([]step{
			{name: "list", args: []string{"user", "list"}, want: []string{"登录名", "系统账号", "是"}},
			{name: "unknown user", args: []string{"user", "roles", "nobody", "clerk"}, wantErr: true, want: []string{"没有登录名为 nobody 的用户"}},
		})
	})
}

var gap = regexp.MustCompile(`\S  +`)

// columnStarts gives the screen column where each cell of a table line
// begins (cells are separated by two spaces or more).
func columnStarts(line string) []int {
	starts := []int{0}
	for _, m := range gap.FindAllStringIndex(line, -1) {
		starts = append(starts, ansi.StringWidth(line[:m[1]]))
	}
	return starts
}

func TestUserListEmpty(t *testing.T) {
	newCLI(t).steps([]step{{name: "empty", args: []string{"user", "list"}, want: []string{"no users yet"}}})
}
