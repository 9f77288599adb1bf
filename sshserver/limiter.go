package sshserver

import (
	"sync"

	"golang.org/x/time/rate"
)

// ipLimiter keeps a token bucket per remote address. The table is
// bounded: when it grows past maxAddrs it starts afresh, which only ever
// forgives, never wrongly refuses.
type ipLimiter struct {
	mu      sync.Mutex
	perSec  rate.Limit
	burst   int
	buckets map[string]*rate.Limiter
}

const maxAddrs = 10000

func newIPLimiter(perSec float64, burst int) *ipLimiter {
	return &ipLimiter{perSec: rate.Limit(perSec), burst: max(burst, 1), buckets: map[string]*rate.Limiter{}}
}

func (l *ipLimiter) allow(addr string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[addr]
	if !ok {
		if len(l.buckets) >= maxAddrs {
			l.buckets = map[string]*rate.Limiter{}
		}
		b = rate.NewLimiter(l.perSec, l.burst)
		l.buckets[addr] = b
	}
	return b.Allow()
}
