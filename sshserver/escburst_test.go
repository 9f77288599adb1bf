package sshserver

import (
	"strings"
	"testing"
	"time"
)

// typedCustomer opens the new-customer form over SSH and types a name
// into it: a form that asks before esc drops what was typed.
func typedCustomer(t *testing.T, o *office) *terminal {
	t.Helper()
	term := o.signIn(t, "wangli", "王丽")
	term.typeKeys("n沈阳测试")
	term.wait(t, 5*time.Second, "新建客户", "沈阳测试")
	return term
}

// esc, esc and 9 typed in a burst, read in one go (a session busy with
// earlier keys, a slow link) or in two reads close together, ask, drop
// the form and show the review inbox, as typed slowly: the terminal's
// parser alone reads them as one alt+9, one esc short.
func TestEscEscAndAKeyInABurstLeaveTheFormThatAsks(t *testing.T) {
	for name, writes := range map[string][]string{
		"one write":  {"\x1b\x1b9"},
		"two writes": {"\x1b", "\x1b9"},
	} {
		t.Run(name, func(t *testing.T) {
			term := typedCustomer(t, startOffice(t, nil))
			for _, w := range writes {
				term.typeKeys(w)
			}
			term.wait(t, 5*time.Second, "待我审核")
			if screen := term.text(); strings.Contains(screen, "新建客户") || strings.Contains(screen, "沈阳测试9") {
				t.Fatalf("the burst did not leave the form:\n%s", screen)
			}
		})
	}
}

// At the question, esc and the keys after it typed in a burst drop the
// form, and the last key, 9, opens the review inbox: esc 9 (read as
// alt+9), and esc ] j 9 (esc ] begins a terminal's OSC sequence, which
// the parser would take the rest into).
func TestEscAndAKeyInABurstAnswerTheQuestion(t *testing.T) {
	for name, burst := range map[string]string{"esc 9": "\x1b9", "esc ] j 9": "\x1b]j9"} {
		t.Run(name, func(t *testing.T) {
			term := typedCustomer(t, startOffice(t, nil))
			term.typeKeys("\x1b")
			term.wait(t, 5*time.Second, "放弃已录入的内容?")
			term.typeKeys(burst)
			term.wait(t, 5*time.Second, "待我审核")
		})
	}
}

// A lone esc is still one esc, and so are the escape sequences of other
// keys: ← moves the cursor in the field, it is not esc and [D.
func TestLoneEscAndArrowsOverSSH(t *testing.T) {
	term := typedCustomer(t, startOffice(t, nil))
	term.typeKeys("\x1b[D")
	term.typeKeys("x")
	term.wait(t, 5*time.Second, "沈阳测x试")
	term.typeKeys("\x1b")
	term.wait(t, 5*time.Second, "放弃已录入的内容?")
	term.typeKeys("\x1b")
	term.wait(t, 5*time.Second, "已取消,未保存")
}
