package workflow

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestPassphraseHashing(t *testing.T) {
	if _, err := HashPassphrase("short"); !errors.Is(err, ErrShortPassphrase) {
		t.Fatalf("short passphrase: %v", err)
	}
	h, err := HashPassphrase("正确的马电池订书钉")
	if err != nil {
		t.Fatal(err)
	}
	h2, _ := HashPassphrase("正确的马电池订书钉")
	if h == h2 {
		t.Fatal("two hashes of one passphrase are equal: no salt")
	}
	tests := []struct {
		hash, pass string
		want       error
	}{
		{h, "正确的马电池订书钉", nil},
		{h, "正确的马电池订书", ErrWrongPassphrase},
		{"", "anything", ErrNoPassphrase},
		{"$argon2id$garbage", "anything", ErrWrongPassphrase},
	}
	for _, tc := range tests {
		if err := checkPassphrase(tc.hash, tc.pass); !errors.Is(err, tc.want) {
			t.Errorf("check(%q) = %v, want %v", tc.pass, err, tc.want)
		}
	}
}

func TestLimiterBacksOffAndForgivesOnSuccess(t *testing.T) {
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	l := newLimiter()
	l.now = func() time.Time { return now }
	fail := func() error {
		if err := l.begin(7); err != nil {
			return err
		}
		l.done(7, false)
		return nil
	}
	for i := range 3 {
		if err := fail(); err != nil {
			t.Fatalf("locked before attempt %d", i+1)
		}
	}
	waits := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second}
	for i, w := range waits {
		var locked *LockedError
		if err := l.begin(7); !errors.As(err, &locked) || !locked.Until.Equal(now.Add(w)) {
			t.Fatalf("want locked for %s, got %v", w, err)
		}
		now = now.Add(w)
		if i < len(waits)-1 && fail() != nil {
			t.Fatalf("still locked after waiting %s", w)
		}
	}
	if err := l.begin(8); err != nil {
		t.Fatal("another user was locked out too")
	}
	now = now.Add(time.Hour)
	for range 20 {
		now = now.Add(10 * time.Minute)
		fail()
	}
	if until := l.until[7]; until.Sub(now) > 5*time.Minute {
		t.Fatalf("back-off beyond five minutes: %s", until.Sub(now))
	}
	now = now.Add(10 * time.Minute)
	if err := l.begin(7); err != nil {
		t.Fatal(err)
	}
	l.done(7, true)
	if err := l.begin(7); err != nil {
		t.Fatal("a success did not clear the count")
	}
}

func TestParseKey(t *testing.T) {
	good := "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl wang@laptop"
	tests := []struct {
		line string
		ok   bool
	}{
		{good, true},
		{"  " + good + "  ", true},
		{"", false},
		{"ssh-rsa not-a-key", false},
		{"command=\"rm -rf /\" " + good, false},
		{good + "\n" + good, false},
		{"\xff\xfe garbage", false},
	}
	for _, tc := range tests {
		k, err := ParseKey(tc.line)
		if (err == nil) != tc.ok {
			t.Errorf("ParseKey(%q) err=%v, want ok=%v", tc.line, err, tc.ok)
		}
		if tc.ok && (k.Comment != "wang@laptop" || k.Fingerprint[:7] != "SHA256:") {
			t.Errorf("parsed %+v", k)
		}
	}
}

func TestParallelGuessesAreCountedBeforeTheyAreChecked(t *testing.T) {
	l := newLimiter()
	var wg sync.WaitGroup
	var checked atomic.Int32
	for range 24 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if l.begin(9) == nil {
				checked.Add(1)
				time.Sleep(10 * time.Millisecond) // the slow hash
				l.done(9, false)
			}
		}()
	}
	wg.Wait()
	if n := checked.Load(); n > 3 {
		t.Fatalf("%d parallel guesses were checked; the back-off allows 3", n)
	}
}
