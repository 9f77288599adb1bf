package workflow

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"golang.org/x/crypto/argon2"
)

// Passphrases let a second person sign off at someone else's terminal.
// They are stored as argon2id hashes: slow and salted, so a copied
// database does not give them away.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024 // KiB: OWASP's argon2id minimum, ~0.1 s here
	argonThreads = 1
	argonKeyLen  = 32
	minPassLen   = 8
)

// Errors of the passphrase check.
var (
	ErrWrongPassphrase = errors.New("wrong passphrase")
	ErrNoPassphrase    = errors.New("this user has no passphrase for signing at a desk")
	ErrShortPassphrase = fmt.Errorf("a passphrase needs at least %d characters", minPassLen)
)

// LockedError says too many wrong passphrases were tried; Until is when
// the next try is allowed.
type LockedError struct{ Until time.Time }

func (e *LockedError) Error() string {
	return "too many wrong passphrases: try again after " + e.Until.Format("15:04:05")
}

// HashPassphrase returns the encoded argon2id hash of pass.
func HashPassphrase(pass string) (string, error) {
	if len([]rune(pass)) < minPassLen {
		return "", ErrShortPassphrase
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	sum := argon2.IDKey([]byte(pass), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(sum)), nil
}

// checkPassphrase compares pass with an encoded hash in constant time.
func checkPassphrase(encoded, pass string) error {
	if encoded == "" {
		return ErrNoPassphrase
	}
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return ErrWrongPassphrase
	}
	var mem uint32
	var iters uint32
	var threads uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &mem, &iters, &threads); err != nil {
		return ErrWrongPassphrase
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil {
		return ErrWrongPassphrase
	}
	got := argon2.IDKey([]byte(pass), salt, iters, mem, threads, uint32(len(want)))
	if subtle.ConstantTimeCompare(got, want) != 1 {
		return ErrWrongPassphrase
	}
	return nil
}

// limiter slows down guessing: after three wrong passphrases for a user
// each further try waits twice as long as the last, up to five minutes.
type limiter struct {
	mu    sync.Mutex
	fails map[int64]int
	until map[int64]time.Time
	now   func() time.Time
}

func newLimiter() *limiter {
	return &limiter{fails: map[int64]int{}, until: map[int64]time.Time{}, now: time.Now}
}

// begin counts an attempt for userID before it is checked, so parallel
// guesses cannot all slip in before the first failure is recorded; a
// locked signer is refused at once. done refunds the attempt on success.
func (l *limiter) begin(userID int64) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if u := l.until[userID]; l.now().Before(u) {
		return &LockedError{Until: u}
	}
	l.fails[userID]++
	if n := l.fails[userID]; n >= 3 {
		wait := time.Second << min(n-3, 9)
		l.until[userID] = l.now().Add(min(wait, 5*time.Minute))
	}
	return nil
}

func (l *limiter) done(userID int64, ok bool) {
	if !ok {
		return // already counted by begin
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.fails, userID)
	delete(l.until, userID)
}

// dummyHash is checked for logins that do not exist, so a refusal takes as
// long whether or not the login is real. Made on first use, not at start.
var dummyHash = sync.OnceValue(func() string {
	h, _ := HashPassphrase("no such user, no such passphrase")
	return h
})
