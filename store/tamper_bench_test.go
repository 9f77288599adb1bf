package store_test

import (
	"path/filepath"
	"testing"

	"orderdesk/store"
)

// BenchmarkSaveCustomerKeyed is BenchmarkSaveCustomer with the audit key:
// records sealed with HMAC, a checkpoint signed at most once a second,
// and the guards' schema version looked at by every write.
func BenchmarkSaveCustomerKeyed(b *testing.B) {
	dir := b.TempDir()
	saveCustomers(b, store.WithAuditKey(store.AuditKeyFiles{Key: filepath.Join(dir, "audit.key"), Checkpoints: filepath.Join(dir, "audit.checkpoints")}))
}
