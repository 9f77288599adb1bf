package esckeys

import (
	"context"
	"io"
	"os"
	"testing"
	"time"
)

// typedThenRead types each write (pause between them), and reads what
// the Reader hands on only after all of them: a session busy meanwhile.
func typedThenRead(t *testing.T, pause time.Duration, writes ...string) string {
	t.Helper()
	r, w := io.Pipe()
	keys := New(context.Background(), r)
	for i, s := range writes {
		if i > 0 {
			time.Sleep(pause)
		}
		io.WriteString(w, s)
	}
	time.Sleep(2 * escWait)
	w.Close()
	got, _ := io.ReadAll(keys)
	return string(got)
}

// Each ESC is judged by when the next byte came, however late it is
// read: the esc key is spelled as such, sequences and alt+key pass.
func TestEscKeysJudgesEachEscByWhatFollowedItAndWhen(t *testing.T) {
	for _, tc := range []struct {
		name   string
		pause  time.Duration
		writes []string
		want   string
	}{
		{"esc esc 9 in one write", 0, []string{"\x1b\x1b9"}, "\x1b[27u\x1b9"},
		{"esc, then esc 9 at once", 0, []string{"\x1b", "\x1b9"}, "\x1b[27u\x1b9"},
		{"esc, then 9 later", 4 * escWait, []string{"\x1b", "9"}, "\x1b[27u9"},
		{"esc, then esc later", 4 * escWait, []string{"\x1b", "\x1b"}, "\x1b[27u\x1b[27u"},
		{"an arrow split in two", 0, []string{"\x1b", "[A"}, "\x1b[A"},
		{"arrows and alt+x", 0, []string{"\x1b[A\x1bx\x1b[B"}, "\x1b[A\x1bx\x1b[B"},
		{"a string terminator", 0, []string{"\x1b]11;rgb:0/0/0\x1b\\"}, "\x1b]11;rgb:0/0/0\x1b\\"},
		{"escs pasted are text", 0, []string{"\x1b[200~a\x1b\x1bb\x1b[201~\x1b\x1b"}, "\x1b[200~a\x1b\x1bb\x1b[201~\x1b[27u\x1b[27u"},
		// esc then [ or ] (the period keys of Statistics) and more keys,
		// typed at once: no terminal sends what they make.
		{"esc ] enter j enter", 0, []string{"\x1b]\rj\r"}, "\x1b[27u]\rj\r"},
		{"esc ] j", 0, []string{"\x1b]j"}, "\x1b[27u]j"},
		{"esc ] 2 j", 0, []string{"\x1b]2j"}, "\x1b[27u]2j"},
		{"esc [ j enter", 0, []string{"\x1b[j\r"}, "\x1b[27u[j\r"},
		{"esc [ 2 j", 0, []string{"\x1b[2j"}, "\x1b[27u[2j"},
		{"esc [ enter", 0, []string{"\x1b[\r"}, "\x1b[27u[\r"},
		{"esc [ esc", 0, []string{"\x1b[\x1bj"}, "\x1b[27u[\x1bj"},
		{"keys, mouse and replies a terminal sends", 0,
			[]string{"\x1b[1;5C\x1b[Z\x1b[3~\x1b[27;5;106~\x1b[97;5u\x1b[<0;10;5M\x1b[I\x1b[?62;22c\x1b[12;40R\x1b]11;rgb:ffff/ffff/ffff\x07j"},
			"\x1b[1;5C\x1b[Z\x1b[3~\x1b[27;5;106~\x1b[97;5u\x1b[<0;10;5M\x1b[I\x1b[?62;22c\x1b[12;40R\x1b]11;rgb:ffff/ffff/ffff\x07j"},
		{"a sequence cut off by the read", 0, []string{"\x1b[1;", "5C"}, "\x1b[1;5C"},
		{"a reply cut off by the read", 0, []string{"\x1b]11;rgb:0", "/0/0\x07"}, "\x1b]11;rgb:0/0/0\x07"},
	} {
		if got := typedThenRead(t, tc.pause, tc.writes...); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// A terminal's file is read from the program's first Read on, each esc
// judged; the program sees a file it can make raw (a descriptor, as
// Bubble Tea asks of a terminal) but not one it would wait on itself
// (a name too: cancelreader would then poll the descriptor for bytes
// the Reader has already taken, and wait for ever).
func TestTerminalIsReadFromTheFirstRead(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	term := NewTerminal(context.Background(), r)
	if _, raw := any(term).(interface {
		io.ReadWriteCloser
		Fd() uintptr
	}); !raw {
		t.Fatal("the program cannot make the terminal raw")
	}
	if _, named := any(term).(interface{ Name() string }); named {
		t.Fatal("the program would poll the descriptor the Reader reads")
	}
	io.WriteString(w, "\x1b\x1b9")
	time.Sleep(2 * escWait)
	w.Close()
	if got, _ := io.ReadAll(term); string(got) != "\x1b[27u\x1b9" {
		t.Errorf("read %q", got)
	}
}
