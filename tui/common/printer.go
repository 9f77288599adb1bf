package common

import (
	"context"

	"orderdesk/tui/i18n"
	"orderdesk/workflow/spool"
)

// Printer takes a screen's printouts. Over SSH (a spool is set) they go
// into the user's own folder, which they fetch over SCP or SFTP, and to
// the office printer; at the local desk each screen writes its file as
// it always has. Built before a command's closure: it copies what it
// needs.
type Printer struct {
	ctx   context.Context
	cat   i18n.Catalog
	spool *spool.Config
	login string
}

// Printer is the session's printer.
func (c *Common) Printer() Printer {
	p := Printer{ctx: c.Ctx, cat: c.Cat, spool: c.Spool}
	if p.ctx == nil {
		p.ctx = context.Background()
	}
	if c.Desk != nil {
		p.login = c.Desk.User.Login
	}
	return p
}

// Remote reports whether printouts leave through the spool.
func (p Printer) Remote() bool { return p.spool != nil }

// Send puts body, named for its document number, into the user's folder
// and to their printer, and says where it went; warn is set when the
// printer refused it (the file is kept).
func (p Printer) Send(kind spool.Kind, number, ext string, body []byte) (status string, warn bool, err error) {
	r, err := p.spool.Deliver(p.ctx, p.login, kind, spool.FileName(number, ext), body)
	if err != nil {
		return "", false, err
	}
	fetch := r.Fetch
	if fetch == "" {
		fetch = r.Name
	}
	switch {
	case r.Printer == "":
		return p.cat.T("print.fetch", fetch), false, nil
	case r.PrintErr != nil:
		return p.cat.T("print.kept", r.Printer, r.PrintErr.Error(), fetch), true, nil
	}
	return p.cat.T("print.sent", r.Printer, fetch), false, nil
}
