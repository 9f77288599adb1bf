package screenrig

import (
	"time"

	"orderdesk/tui/common"
)

// At is the moment screen tests run at.
var At = time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)

// Fixed is a clock that always reads t.
func Fixed(t time.Time) func() time.Time { return func() time.Time { return t } }

// Open hands the screen build makes for session c to the driver, sizes it
// 120 columns by height, as the root would, and lets its first page load.
func Open[S common.Screen](d *Driver, c *common.Common, build func(*common.Common) S, height int) S {
	s := build(c)
	d.Screen = s
	s.SetSize(120, height)
	d.Run(s.Init())
	return s
}
