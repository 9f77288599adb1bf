package screenrig

import (
	"sync"
	"time"
)

// Clock is a store's clock a test moves: it reads the time set last,
// Step further at each reading (so rows written one after another are
// told apart).
type Clock struct {
	mu   sync.Mutex
	now  time.Time
	Step time.Duration
}

// NewClock starts at t, Step further at each reading.
func NewClock(t time.Time, step time.Duration) *Clock { return &Clock{now: t, Step: step} }

// Now advances the clock by Step and reads it.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(c.Step)
	return c.now
}

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	c.now = t
	c.mu.Unlock()
}
