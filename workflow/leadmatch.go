package workflow

import (
	"context"
	"strings"

	"orderdesk/store"
)

// matchKeys are what a lead is matched on: its name lower-cased, its
// phone's digits and its 助记码 (the typed one, or the name's).
func matchKeys(name, phone, mnemonic string) (string, string, string) {
	name = strings.ToLower(CleanText(name, false))
	var digits strings.Builder
	for _, r := range NormalizeDigits(phone) {
		if r >= '0' && r <= '9' {
			digits.WriteRune(r)
		}
	}
	mn := strings.ToUpper(NormalizeDigits(mnemonic))
	if mn == "" && name != "" {
		mn = Mnemonic(name)
	}
	return name, digits.String(), mn
}

// LeadMatches lists the customer files and open leads (other than
// except) that the lead typed may already be: the same name or short
// name, the same phone, or the same 助记码. The form shows them at the
// field before the lead is saved.
func (d *Desk) LeadMatches(ctx context.Context, in LeadInput, except int64) ([]store.LeadMatch, error) {
	if err := permitScreen(d.User, ScreenLeads); err != nil {
		return nil, err
	}
	name, phone, mn := matchKeys(in.Name, in.Phone, in.Mnemonic)
	if name == "" && phone == "" && mn == "" {
		return nil, nil
	}
	return read(ctx, d.e, func(tx *store.Tx) ([]store.LeadMatch, error) { return tx.LeadMatches(ctx, name, phone, mn, except) })
}

// matchErrors turns matches into the form's problems: a name or phone
// already on file is refused at its field, naming the customer or lead;
// a 助记码 shared with one is only a warning (two companies may share
// their initials).
func matchErrors(ms []store.LeadMatch) (errs, warn FieldErrors) {
	for _, m := range ms {
		field := m.Field
		if field == "mnemonic" {
			if warn.For(FName) == nil {
				warn.Add(&FieldError{Field: FName, Code: SameMnemonic, Want: m.Name})
			}
			continue
		}
		if errs.For(field) != nil {
			continue
		}
		if m.Lead {
			errs.Add(&FieldError{Field: field, Code: DuplicateLead, Want: m.Ref + " " + m.Name})
		} else {
			errs.Add(&FieldError{Field: field, Code: DuplicateCustomer, Want: m.Name + " " + m.Ref})
		}
	}
	return errs, warn
}

// checkMatches reads the matches of l inside tx.
func checkMatches(ctx context.Context, tx *store.Tx, l store.Lead, except int64) (errs, warn FieldErrors, err error) {
	name, phone, mn := matchKeys(l.Name, l.Phone, l.Mnemonic)
	ms, err := tx.LeadMatches(ctx, name, phone, mn, except)
	if err != nil {
		return nil, nil, err
	}
	errs, warn = matchErrors(ms)
	return errs, warn, nil
}
