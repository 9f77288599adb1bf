package customers

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"orderdesk/store"
)

// fieldOrder is the order changed fields are named in, the order of the
// customer file; columns not listed come after, alphabetically.
var fieldOrder = []string{
	"name", "short_name", "mnemonic", "province", "city", "address", "contact", "phone", "fax",
	"email", "website", "produces", "usual_grades", "suppliers", "category", "rep_id",
	"payment_terms", "terms_days", "credit_limit", "notes", "voided", "void_reason",
}

// bookkeeping columns change on every write and say nothing to a reader.
var bookkeeping = map[string]bool{
	"id": true, "version": true, "created_at": true, "updated_at": true, "updated_by": true,
	"search": true, "terms_doc_id": true,
}

// changedFields compares the JSON images of an audit record and names
// the columns whose values differ.
func changedFields(before, after string) []string {
	var b, a map[string]any
	if json.Unmarshal([]byte(before), &b) != nil || json.Unmarshal([]byte(after), &a) != nil {
		return nil
	}
	changed := map[string]bool{}
	for k, v := range a {
		if !bookkeeping[k] && fmt.Sprint(v) != fmt.Sprint(b[k]) {
			changed[k] = true
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok && !bookkeeping[k] {
			changed[k] = true
		}
	}
	var out []string
	for _, f := range fieldOrder {
		if changed[f] {
			out = append(out, f)
			delete(changed, f)
		}
	}
	rest := make([]string, 0, len(changed))
	for f := range changed {
		rest = append(rest, f)
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// historyLine is one audit record: when, who, what was done and which
// fields it changed.
func (s *Screen) historyLine(r store.AuditRecord) string {
	when := r.At.In(s.c.Now().Location()).Format("2006-01-02 15:04")
	who := r.Actor
	if who == "" {
		who = s.c.T("customers.history.system")
	}
	op := s.c.T("customers.op.update")
	var fields []string
	switch r.Op {
	case "insert":
		op = s.c.T("customers.op.insert")
	case "update":
		fields = changedFields(r.Before, r.After)
		for _, f := range fields {
			if f == "voided" {
				op = s.c.T("customers.op.void")
			}
		}
	}
	names := make([]string, 0, len(fields))
	for _, f := range fields {
		names = append(names, s.fieldLabel(f))
	}
	line := when + "  " + who + "  " + op
	if len(names) > 0 {
		line += s.c.T("customers.colon") + strings.Join(names, s.c.T("customers.list_sep"))
	}
	return line
}

func (s *Screen) fieldLabel(field string) string { return fieldLabel(s.c, field) }
