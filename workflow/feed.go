package workflow

import "sync"

// Change says a record changed, so sessions showing it can refresh.
type Change struct {
	Kind string // document kind, or "customer", "product", "user"
	ID   int64
}

// ShutdownKind is announced when the server is stopping: every session
// ends its program.
const ShutdownKind = "shutdown"

// BackupKind is announced when the server's scheduled backup failed:
// admins signed in read why at once, not at their next sign-in.
const BackupKind = "backup"

// Feed fans changes out to every subscribed session. A slow subscriber
// misses changes rather than blocking the writer; it refreshes anyway on
// the next one.
type Feed struct {
	mu   sync.Mutex
	subs map[chan Change]struct{}
	// relay tells the other servers on the same database (servers.go);
	// nil when there are none.
	relay func(Change)
}

// NewFeed returns an empty feed.
func NewFeed() *Feed { return &Feed{subs: map[chan Change]struct{}{}} }

// Subscribe returns a channel of changes and a function that ends the
// subscription.
func (f *Feed) Subscribe() (<-chan Change, func()) {
	ch := make(chan Change, 16)
	f.mu.Lock()
	f.subs[ch] = struct{}{}
	f.mu.Unlock()
	return ch, func() {
		f.mu.Lock()
		if _, ok := f.subs[ch]; ok {
			delete(f.subs, ch)
			close(ch)
		}
		f.mu.Unlock()
	}
}

// Publish sends c to every subscriber that has room, and to the other
// servers on the database.
func (f *Feed) Publish(c Change) {
	f.deliver(c)
	if f.relay != nil && relayed(c.Kind) {
		f.relay(c)
	}
}

// deliver sends c to this server's subscribers that have room.
func (f *Feed) deliver(c Change) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for ch := range f.subs {
		select {
		case ch <- c:
		default:
		}
	}
}
