package workflow

import (
	"sort"
	"sync"

	"orderdesk/store"
)

// Presence knows who has which record open for editing, so two people in
// the same draft see each other. It lives in the server's memory only:
// a session that ends leaves.
type Presence struct {
	mu    sync.Mutex
	in    map[string]map[int64]string // record → user id → name
	feed  *Feed
	order map[string][]int64 // arrival order per record
}

func newPresence(feed *Feed) *Presence {
	return &Presence{in: map[string]map[int64]string{}, order: map[string][]int64{}, feed: feed}
}

// PresenceKind is the Change kind announced when someone enters or leaves.
const PresenceKind = "presence"

// Enter records that u has record open; the returned func leaves it.
func (p *Presence) Enter(record string, u store.User) (leave func()) {
	p.mu.Lock()
	if p.in[record] == nil {
		p.in[record] = map[int64]string{}
	}
	if _, there := p.in[record][u.ID]; !there {
		p.order[record] = append(p.order[record], u.ID)
	}
	p.in[record][u.ID] = u.Name
	p.mu.Unlock()
	p.feed.Publish(Change{Kind: PresenceKind})
	var once sync.Once
	return func() { once.Do(func() { p.leave(record, u.ID) }) }
}

func (p *Presence) leave(record string, userID int64) {
	p.mu.Lock()
	delete(p.in[record], userID)
	ids := p.order[record][:0]
	for _, id := range p.order[record] {
		if id != userID {
			ids = append(ids, id)
		}
	}
	p.order[record] = ids
	if len(p.in[record]) == 0 {
		delete(p.in, record)
		delete(p.order, record)
	}
	p.mu.Unlock()
	p.feed.Publish(Change{Kind: PresenceKind})
}

// Others names who else has record open, in the order they came.
func (p *Presence) Others(record string, self int64) []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, id := range p.order[record] {
		if id != self {
			out = append(out, p.in[record][id])
		}
	}
	return out
}

// Records lists the open records, for tests and diagnostics.
func (p *Presence) Records() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]string, 0, len(p.in))
	for r := range p.in {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}
