package store_test

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// TestBackupDrill: eight clerks save customers at once; a backup is
// taken in the middle and restored. Every save acknowledged before the
// backup began is in it, and the restored database passes the
// backup's checks and the audit chain's verification (on either engine).
func TestBackupDrill(t *testing.T) {
	v := newEnv(t)
	const writers = 8
	var (
		mu    sync.Mutex
		acked []int64
		wrote = sync.NewCond(&mu)
		stop  = make(chan struct{})
		wg    sync.WaitGroup
		errs  = make(chan error, writers)
	)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			desk := v.e.Desk(v.clerk)
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				id, _, err := desk.CreateCustomer(v.ctx, workflow.CustomerInput{Name: fmt.Sprintf("演练客户 %d-%d", w, i), PaymentTerms: store.TermsPrepaid})
				if err != nil {
					errs <- fmt.Errorf("writer %d save %d: %w", w, i, err)
					mu.Lock()
					wrote.Broadcast() // nobody waits on a writer that stopped
					mu.Unlock()
					return
				}
				mu.Lock()
				acked = append(acked, id)
				wrote.Broadcast()
				mu.Unlock()
			}
		}()
	}
	// Wait until the writers are well under way (each has saved some).
	mu.Lock()
	for len(acked) < 10*writers && len(errs) == 0 {
		wrote.Wait()
	}
	before := append([]int64(nil), acked...)
	mu.Unlock()

	out := filepath.Join(t.TempDir(), "drill.db")
	info, err := v.st.Backup(v.ctx, out)
	// Let the writers save on after it, then stop them.
	mu.Lock()
	for target := len(acked) + writers; len(acked) < target && len(errs) == 0; {
		wrote.Wait()
	}
	mu.Unlock()
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err != nil {
		t.Fatalf("backup under load: %v", err)
	}
	t.Logf("backup of %d bytes, audit #%d, with %d saves acknowledged before it and %d in all", info.Size, info.AuditID, len(before), len(acked))

	db := emptyTarget(t)
	if _, err := store.Restore(v.ctx, out, db, time.Now()); err != nil {
		t.Fatal(err)
	}
	st, err := store.OpenURL(v.ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	checkRestored(t, st)
	if res, err := st.VerifyAudit(v.ctx); err != nil || res.BrokenAt != 0 || res.Checked != info.AuditRecords {
		t.Errorf("restored audit chain %+v, %v; the backup held %d records", res, err, info.AuditRecords)
	}
	missing := 0
	err = st.Read(v.ctx, func(tx *store.Tx) error {
		for _, id := range before {
			if _, err := tx.Customer(v.ctx, id); err != nil {
				missing++
			}
		}
		return nil
	})
	if err != nil || missing > 0 {
		t.Errorf("%d of %d saves acknowledged before the backup are not in it (%v)", missing, len(before), err)
	}
}
