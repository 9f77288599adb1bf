package screenrig

import (
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/tui/common"
)

// Rig is what a screen package's test rig is built on: the driver of
// its screen and the desk under it.
type Rig struct {
	*Driver
	*Desk
}

// NewRig opens a desk whose store reads the time from now and a driver
// holding up to inbox messages, each sent one settling for sendWait.
func NewRig(t testing.TB, now func() time.Time, inbox int, sendWait time.Duration) Rig {
	t.Helper()
	return Rig{Driver: NewDriver(t, inbox, sendWait), Desk: OpenDesk(t, now)}
}

// SessionOf is user u's session in lang, the screen's clock reading now.
func (r Rig) SessionOf(u store.User, lang string, now func() time.Time) *common.Common {
	return Session(r.Ctx, r.Engine.Desk(u), lang, now)
}

// OpenAs is a screen rig's open: user u's session in lang, the screen's
// clock reading now, and the screen build makes for it, sized 120
// columns by height with its first page loaded.
func OpenAs[S common.Screen](r Rig, u store.User, lang string, now func() time.Time, build func(*common.Common) S, height int) (*common.Common, S) {
	c := r.SessionOf(u, lang, now)
	return c, Open(r.Driver, c, build, height)
}
