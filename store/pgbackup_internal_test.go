package store

import (
	"testing"
)

// TestCopyValue: the fields pg_restore writes in COPY's text format read
// back as the text that was sealed, byte for byte.
func TestCopyValue(t *testing.T) {
	tests := []struct {
		name, field string
		want        any
	}{
		{"null", `\N`, nil},
		{"plain", `沈阳钢铁有限公司`, "沈阳钢铁有限公司"},
		{"empty", ``, ""},
		{"a backslash", `C:\\orders`, `C:\orders`},
		{"control characters", `a\tb\nc\rd\be\ff\vg`, "a\tb\nc\rd\be\ff\vg"},
		{"octal", `\101\0\12`, "A\x00\n"},
		{"hex", `\x41\x4a\xg`, "AJxg"},
		{"another escaped character", `\"quoted\"`, `"quoted"`},
		{"N inside text", `\\N`, `\N`},
		{"JSON", `{"name": "王\\"丽"}`, `{"name": "王\"丽"}`},
		{"a trailing backslash", `end\`, `end\`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := copyValue(tt.field); got != tt.want {
				t.Errorf("copyValue(%q) = %q, want %q", tt.field, got, tt.want)
			}
		})
	}
}

// TestLibpqTarget: the password leaves the URL for PGPASSWORD, and pgx's
// own settings, which PostgreSQL's programs refuse, are left out.
func TestLibpqTarget(t *testing.T) {
	tests := []struct {
		url, target string
		env         []string
	}{
		{"postgres://desk:s3cret@db.example:5433/orderdesk?sslmode=require", "postgres://desk@db.example:5433/orderdesk?sslmode=require", []string{"PGPASSWORD=s3cret"}},
		{"postgres://desk@/orderdesk?host=%2Ftmp%2Fpg&password=pw&pool_max_conns=4", "postgres://desk@/orderdesk?host=%2Ftmp%2Fpg", []string{"PGPASSWORD=pw"}},
		{"postgresql://dbhost/orderdesk", "postgresql://dbhost/orderdesk", nil},
	}
	for _, tt := range tests {
		target, env, err := libpqTarget(tt.url)
		if err != nil || target != tt.target || len(env) != len(tt.env) || (len(env) > 0 && env[0] != tt.env[0]) {
			t.Errorf("libpqTarget(%s) = %s %v %v, want %s %v", tt.url, target, env, err, tt.target, tt.env)
		}
	}
}
