package complaints_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/tuitest"
)

// onCustomers is the clerk's desk on the customer list.
func onCustomers(t *testing.T) *tuitest.Screen {
	d := newDesk(t)
	scr := d.RunOn(t, d.Clerk, "zh", "screen.customers")
	scr.WaitText(t, "鞍山恒达")
	return scr
}

// asking is the quick form, opened with C from the customer list and
// typed in, asking after esc whether to drop what was typed.
func asking(t *testing.T) *tuitest.Screen {
	scr := onCustomers(t)
	scr.Send(tuitest.Keys("Cashd\r\r1\r表面有锈")...)
	scr.WaitText(t, "记录投诉", "表面有锈")
	scr.Send(tuitest.Key("esc"))
	scr.WaitText(t, "放弃已录入的内容?再按 esc 放弃", "记录投诉", "表面有锈")
	return scr
}

// The quick form asks before it drops what was typed, as every form
// does; one opened with C from the customer list goes back there once
// the clerk confirms, not to the complaints.
func TestTeaComplaintFormAsksBeforeDroppingWhatWasTyped(t *testing.T) {
	scr := asking(t)
	scr.Send(tuitest.Keys("!")...) // any other key goes on typing
	scr.WaitText(t, "表面有锈!")
	scr.Send(tuitest.Key("esc"))
	scr.WaitText(t, "放弃已录入的内容?再按 esc 放弃")
	scr.Send(tuitest.Key("esc"))
	scr.WaitGone(t, "记录投诉")
	scr.WaitText(t, "鞍山恒达重工机械有限公司", "助记码")
	scr.Quit(t)
}

// Keys typed ahead act as typed: a burst that types a customer (each
// key asks the database for candidates, and later keys wait for the
// answer), asks to leave, drops the form and switches to the review
// inbox ends on the inbox, with nothing typed into the form.
func TestTeaBurstThatLeavesTheFormActsAsTyped(t *testing.T) {
	scr := onCustomers(t)
	burst := append(tuitest.Keys("Cashd"), tuitest.Key("esc"), tuitest.Key("esc"))
	scr.Send(append(burst, tuitest.Keys("9")...)...)
	scr.WaitText(t, "待我审核")
	scr.WaitGone(t, "记录投诉")
	scr.Quit(t)
}

// At the question, esc and the next key typed in a burst, which the
// terminal reads as one alt+key, drop the form and the key acts on the
// screen behind it.
func TestTeaEscAndAKeyAtTheQuestionDropTheFormAndAct(t *testing.T) {
	scr := asking(t)
	scr.Send(tea.KeyPressMsg{Code: '9', Mod: tea.ModAlt})
	scr.WaitText(t, "待我审核")
	scr.WaitGone(t, "记录投诉")
	scr.Quit(t)
}
