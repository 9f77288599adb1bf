package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"orderdesk/store"
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

// warnTamper says at start-up, in the log and in words on w, that saves
// will be refused: the guards differ from this program's, or the audit
// key is not at hand.
func (e *env) warnTamper(w io.Writer, log *slog.Logger) {
	if problems := e.st.SchemaProblems(); len(problems) > 0 {
		names := make([]string, len(problems))
		for i, p := range problems {
			names[i] = p.String()
		}
		log.Error("guards differ from this program's; saves refused until orderdesk audit repair", "objects", names)
		fmt.Fprintln(w, e.errorText(&store.SchemaError{Problems: problems}))
	}
	if state, why := e.st.KeyState(); state != store.KeyOK && state != store.KeyPlain {
		log.Error("audit key not available; saves refused", "state", state, "why", why)
		fmt.Fprintln(w, e.errorText(&store.AuditKeyError{State: state, Why: why}))
	}
}

// warnOwner says at start-up that the desk connects to PostgreSQL as a
// role that could drop or disable the rules the database enforces.
func (e *env) warnOwner(ctx context.Context, w io.Writer, log *slog.Logger) {
	role, owns, err := e.st.OwnsRules(ctx)
	if err != nil || !owns {
		return
	}
	log.Warn("the desk's role owns the tables; it could drop the database's rules", "role", role)
	fmt.Fprintln(w, e.cat.T("db.owns_rules", role))
}
