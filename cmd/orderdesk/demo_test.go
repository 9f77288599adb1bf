package main

import (
	"fmt"
	"testing"

	"orderdesk/store"
)

func TestDemoCommand(t *testing.T) { newCLI(t).steps(demoSteps()) }

// demoSteps fill a new database with the demo and check it, on either
// engine.
func demoSteps() []step {
	return []step{
		{name: "unknown desk user", args: []string{"demo", "--customers", "5", "--as", "nobody"},
			wantErr: true, want: []string{"--as must be one of the demo users", "zhao"}},
		{name: "fill", args: []string{"demo", "--customers", "30", "--products", "12", "--seed", "3"},
			want: []string{"demo data written to", "users 10, customers 30", "products 12", "waiting for review 6, sent back 1"}},
		{name: "refuses a database with customers", args: []string{"demo", "--customers", "5"},
			wantErr: true, want: []string{"already has customers"}},
		{name: "users are there", args: []string{"user", "list"},
			want: []string{"wangli", "王丽", "zhao", "赵主管", "supervisor", "chen", "陈会计", "finance", "sales_rep"}},
		{name: "audit still whole", args: []string{"audit", "verify"}, want: []string{"audit trail intact"}},
	}
}

func TestDemoCommandRefusesBadCounts(t *testing.T) {
	newCLI(t).steps([]step{
		{name: "negative", args: []string{"demo", "--customers", "-3"}, wantErr: true, want: []string{"counts must not be negative"}},
		{name: "too many products", args: []string{"demo", "--products", "100000"}, wantErr: true, want: []string{"every distinct product"}},
	})
}

func TestVersion(t *testing.T) {
	newCLI(t).steps([]step{
		{name: "version", args: []string{"version"},
			want: []string{"orderdesk ", fmt.Sprintf("schema version %d", store.SchemaVersion()), "go1."}},
	})
}
