package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
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

// TestPGTool: the program of the server's version is taken, else a
// newer one; an older one alone, or none, is refused in words.
func TestPGTool(t *testing.T) {
	lib := t.TempDir()
	for _, v := range []string{"13", "15", "17"} {
		os.MkdirAll(filepath.Join(lib, v, "bin"), 0o755)
		os.WriteFile(filepath.Join(lib, v, "bin", "pg_dump"), []byte("#!/bin/sh\n"), 0o755)
	}
	defer func(old string) { pgLibDir = old }(pgLibDir)
	pgLibDir = lib
	t.Setenv("PATH", t.TempDir())
	tests := []struct {
		server  int
		want    string
		wantErr string
	}{
		{15, "15", ""},
		{14, "17", ""},
		{0, "17", ""},
		{18, "", "found pg_dump 17, the server is 18"},
	}
	for _, tt := range tests {
		got, err := findPGTool("pg_dump", tt.server)
		switch {
		case tt.wantErr != "":
			if !errors.Is(err, ErrNoPGTools) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("server %d: %q %v, want %s", tt.server, got, err, tt.wantErr)
			}
		case err != nil || got != filepath.Join(lib, tt.want, "bin", "pg_dump"):
			t.Errorf("server %d: %q %v, want version %s", tt.server, got, err, tt.want)
		}
	}
	if _, err := findPGTool("pg_restore", 15); !errors.Is(err, ErrNoPGTools) || !strings.Contains(err.Error(), "apt-get install postgresql-client") {
		t.Errorf("no pg_restore anywhere: %v", err)
	}
}
