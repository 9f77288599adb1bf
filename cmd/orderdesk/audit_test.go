package main

import (
	"testing"

	"orderdesk/store/storetest"
)

// tamper changes the database behind orderdesk's back, the way someone
// with the file and the sqlite3 shell could: first dropping the triggers
// that guard the audit log.
func tamper(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db := storetest.Raw(t, path)
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'`)
	if err != nil {
		t.Fatal(err)
	}
	var triggers []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		triggers = append(triggers, n)
	}
	rows.Close()
	for _, n := range triggers {
		stmts = append([]string{`DROP TRIGGER "` + n + `"`}, stmts...)
	}
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// fourAuditRecords write four audit records (three users added, one's
// roles changed), on either engine.
var fourAuditRecords = []step{
	{name: "add li", args: []string{"user", "add", "li", "--name", "李强", "--roles", "clerk"}},
	{name: "add wangli", args: []string{"user", "add", "wangli", "--name", "王丽", "--roles", "clerk"}},
	{name: "add zhao", args: []string{"user", "add", "zhao", "--name", "赵主管", "--roles", "supervisor"}},
	{name: "roles", args: []string{"user", "roles", "wangli", "clerk,finance"}},
}

func TestAuditVerify(t *testing.T) {
	cases := []struct {
		name    string
		tamper  []string
		wantErr bool
		want    string
	}{
		{"intact", nil, false, "audit trail intact: 4 records"},
		{"altered", []string{`UPDATE audit_log SET after = replace(after, 'wangli', 'wangwu') WHERE id = 2`},
			true, "audit trail broken at record #2: altered"},
		{"removed", []string{`DELETE FROM audit_log WHERE id = 2`},
			true, "audit trail broken at record #3: removed or reordered"},
		{"unsealed", []string{`INSERT INTO audit_log(actor_id, tbl, row_id, op, after) VALUES (1, 'users', 2, 'update', '{}')`},
			true, "audit trail broken at record #5: unsealed"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newCLI(t)
			c.steps(fourAuditRecords)
			if tc.tamper != nil {
				tamper(t, c.db, tc.tamper...)
			}
			c.steps([]step{{name: "verify", args: []string{"audit", "verify"}, wantErr: tc.wantErr, want: []string{tc.want}}})
		})
	}
}

func TestAuditShow(t *testing.T) {
	c := newCLI(t)
	c.steps([]step{
		{name: "add", args: []string{"user", "add", "wangli", "--name", "王丽", "--roles", "clerk"}},
		{name: "roles", args: []string{"user", "roles", "wangli", "clerk,finance"}},
		{name: "show", args: []string{"audit", "show", "--table", "users", "--id", "2"},
			want: []string{"system  update users/2", "roles: ,clerk, → ,clerk,finance,", "system  insert users/2", "name: 王丽"}},
		{name: "limit", args: []string{"audit", "show", "--table", "users", "--id", "2", "--limit", "1"},
			want: []string{"update users/2"}, notWant: []string{"insert users/2"}},
		{name: "nothing", args: []string{"audit", "show", "--table", "users", "--id", "99"},
			want: []string{"no audit records for users #99"}},
		{name: "id required", args: []string{"audit", "show", "--table", "users"}, wantErr: true, want: []string{"id"}},
	})
}
