package main

import (
	"path/filepath"

	"orderdesk/store"
)

// AuditConfig locates the audit key, the secret that seals the audit
// trail, and the file of signed checkpoints kept beside it. By default
// both sit beside the SSH host key, where only the server's account may
// read.
type AuditConfig struct {
	Key         string `mapstructure:"key"`
	Checkpoints string `mapstructure:"checkpoints"`
}

// auditFiles resolves the defaults: audit.key in the host key's folder,
// audit.checkpoints beside the key.
func (c *Config) auditFiles() store.AuditKeyFiles {
	key := c.Audit.Key
	if key == "" {
		key = filepath.Join(filepath.Dir(c.SSH.HostKey), "audit.key")
	}
	cps := c.Audit.Checkpoints
	if cps == "" {
		cps = filepath.Join(filepath.Dir(key), "audit.checkpoints")
	}
	return store.AuditKeyFiles{Key: key, Checkpoints: cps}
}
