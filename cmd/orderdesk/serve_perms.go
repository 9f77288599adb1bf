package main

import (
	"fmt"
	"io"
	"log/slog"
)

// warnPermissions says, in the log and in words on w, which of the
// desk's files and folders other accounts may read or write: the
// database, the audit key and its checkpoints are the server's alone.
func (e *env) warnPermissions(w io.Writer, log *slog.Logger) {
	for _, p := range e.st.LoosePermissions() {
		log.Warn("loose permissions", "path", p.Path, "mode", fmt.Sprintf("%04o", p.Mode), "want", fmt.Sprintf("%04o", p.Want))
		fmt.Fprintln(w, e.cat.T("serve.perm_warning", p.Path, uint32(p.Mode), uint32(p.Want), uint32(p.Want), p.Path))
	}
}
