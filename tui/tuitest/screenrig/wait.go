package screenrig

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"orderdesk/tui/common"
)

// waitFor bounds how long an assertion waits on the database.
const waitFor = 10 * time.Second

// View is the screen as text.
func (d *Driver) View() string { return ansi.Strip(d.Screen.View()) }

// LastStatus is the latest status-line message, once commands settle.
func (d *Driver) LastStatus() common.StatusMsg {
	d.Settle(d.StatusWait)
	if len(d.Status) == 0 {
		return common.StatusMsg{}
	}
	return d.Status[len(d.Status)-1]
}

// WaitFor delivers messages until ok holds, failing with what went
// wrong (and the screen) after 10 s.
func (d *Driver) WaitFor(ok func() bool, wrong func() string) {
	d.T.Helper()
	deadline := time.Now().Add(waitFor)
	for {
		d.Pump()
		if ok() {
			return
		}
		if time.Now().After(deadline) {
			d.T.Fatalf("%s:\n%s", wrong(), d.View())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// MustShow waits for the screen to show every one of texts.
func (d *Driver) MustShow(texts ...string) {
	d.T.Helper()
	missing := ""
	d.WaitFor(func() bool {
		missing = ""
		v := d.View()
		for _, s := range texts {
			if !strings.Contains(v, s) {
				missing = s
				return false
			}
		}
		return true
	}, func() string { return fmt.Sprintf("screen does not show %q", missing) })
}

// MustHide waits for the screen to stop showing text.
func (d *Driver) MustHide(text string) {
	d.T.Helper()
	d.WaitFor(func() bool { return !strings.Contains(d.View(), text) },
		func() string { return fmt.Sprintf("screen still shows %q", text) })
}

// MustNotShow lets commands settle and fails if the screen shows any of
// texts.
func (d *Driver) MustNotShow(texts ...string) {
	d.T.Helper()
	d.Settle(time.Second)
	v := d.View()
	for _, s := range texts {
		if strings.Contains(v, s) {
			d.T.Fatalf("screen shows %q:\n%s", s, v)
		}
	}
}

// MustStatus waits for a status message containing text.
func (d *Driver) MustStatus(text string) common.StatusMsg {
	d.T.Helper()
	var found common.StatusMsg
	d.WaitFor(func() bool {
		for _, st := range d.Status {
			if strings.Contains(st.Text, text) {
				found = st
				return true
			}
		}
		return false
	}, func() string { return fmt.Sprintf("no status %q; got %+v", text, d.Status) })
	return found
}
