package storetest

import (
	"sync"
	"testing"
)

// Built is what a test binary builds once and its tests share (a
// database file, a fixture): the first test that asks builds it; when
// that build fails, every test that asks fails.
type Built[T any] struct {
	once sync.Once
	v    T
	ok   bool
}

// Get returns the value, built by build on the first call; what names
// the value when its build failed.
func (b *Built[T]) Get(t testing.TB, what string, build func() T) T {
	t.Helper()
	b.once.Do(func() { b.v, b.ok = build(), true })
	if !b.ok {
		t.Fatalf("%s failed to build", what)
	}
	return b.v
}
