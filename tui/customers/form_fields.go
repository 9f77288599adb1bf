package customers

import (
	"errors"

	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// groupTitles name the form's pages, in order.
var groupTitles = []string{"customers.group.identity", "customers.group.contact",
	"customers.group.business", "customers.group.terms"}

// formFields are the huh groups of the customer form, which page each
// field is on, and the field whose hint follows the name.
type formFields struct {
	groups   []*huh.Group
	groupOf  map[string]int
	mnemonic *huh.Input
	rep      *huh.Select[int64]
}

// newFormFields binds every field to in. Labels are padded to one width
// so the inputs line up, whatever the language.
func newFormFields(c *common.Common, in *workflow.CustomerInput, reps []store.User, orig *store.Customer, pending string) formFields {
	layout := [][]string{
		{workflow.FName, workflow.FShortName, workflow.FMnemonic},
		{workflow.FContact, workflow.FPhone, workflow.FFax, workflow.FEmail, workflow.FWebsite,
			workflow.FProvince, workflow.FCity, workflow.FAddress},
		{workflow.FProduces, workflow.FUsualGrades, workflow.FSuppliers, workflow.FCategory, "rep_id", workflow.FNotes},
		{workflow.FPaymentTerms, workflow.FTermsDays, workflow.FCreditLimit, workflow.FTermsWhy},
	}
	ff := formFields{groupOf: map[string]int{}}
	width := 0
	for g, fields := range layout {
		for _, f := range fields {
			ff.groupOf[f] = g
			width = max(width, ansi.StringWidth(fieldLabel(c, f)))
		}
	}
	title := func(field string) string { return common.Fit(fieldLabel(c, field), width+1, false) }
	// The message names its field: it shows above the form, not beside it.
	check := func(field string) func(string) error {
		return func(v string) error {
			if err := common.FieldErr(c.Cat, workflow.CheckCustomerField(field, v)); err != nil {
				return errors.New(fieldLabel(c, field) + c.T("customers.colon") + err.Error())
			}
			return nil
		}
	}
	input := func(field string, v *string, limit int) *huh.Input {
		return huh.NewInput().Key(field).Title(title(field)).Inline(true).Value(v).CharLimit(limit).Validate(check(field))
	}
	ff.mnemonic = input(workflow.FMnemonic, &in.Mnemonic, 20)
	ff.rep = repSelect(c, in, reps, orig, title("rep_id"))
	ff.refresh(in)

	category := huh.NewSelect[string]().Key(workflow.FCategory).Title(title(workflow.FCategory)).Inline(true).
		Options(huh.NewOption(c.T("category.sales"), "sales"), huh.NewOption(c.T("category.after_sales"), "after_sales")).
		Value(&in.Category)
	terms := huh.NewSelect[string]().Key(workflow.FPaymentTerms).Title(title(workflow.FPaymentTerms)).Inline(true).
		Options(huh.NewOption(c.T("terms.prepaid"), store.TermsPrepaid), huh.NewOption(c.T("terms.monthly"), store.TermsMonthly)).
		Value(&in.PaymentTerms)
	notes := huh.NewText().Key(workflow.FNotes).Title(fieldLabel(c, workflow.FNotes)).Lines(3).
		Value(&in.Notes).CharLimit(workflow.MaxLong).Validate(check(workflow.FNotes))

	termsHelp := c.T("customers.form.terms_review")
	if pending != "" {
		termsHelp += "\n" + c.T("customers.form.terms_pending", pending)
	}
	if orig == nil {
		termsHelp += "\n" + c.T("customers.form.terms_new")
	}
	ff.groups = []*huh.Group{
		huh.NewGroup(
			input(workflow.FName, &in.Name, workflow.MaxName),
			input(workflow.FShortName, &in.ShortName, workflow.MaxName),
			ff.mnemonic,
		).Description(c.T("customers.form.mnemonic_help")),
		huh.NewGroup(
			input(workflow.FContact, &in.Contact, workflow.MaxName),
			input(workflow.FPhone, &in.Phone, 40),
			input(workflow.FFax, &in.Fax, 40),
			input(workflow.FEmail, &in.Email, workflow.MaxName),
			input(workflow.FWebsite, &in.Website, workflow.MaxName),
			input(workflow.FProvince, &in.Province, workflow.MaxName),
			input(workflow.FCity, &in.City, workflow.MaxName),
			input(workflow.FAddress, &in.Address, workflow.MaxShort),
		),
		huh.NewGroup(
			input(workflow.FProduces, &in.Produces, workflow.MaxShort),
			input(workflow.FUsualGrades, &in.UsualGrades, workflow.MaxShort),
			input(workflow.FSuppliers, &in.Suppliers, workflow.MaxShort),
			category,
			ff.rep,
			notes,
		),
	}
	// Terms a user may not see are terms they cannot change (the workflow
	// ignores them): their page is left out.
	if orig != nil && orig.MoneyHidden {
		return ff
	}
	ff.groups = append(ff.groups,
		huh.NewGroup(
			terms,
			input(workflow.FTermsDays, &in.TermsDays, 4),
			input(workflow.FCreditLimit, &in.CreditLimit, 20),
			input(workflow.FTermsWhy, &in.TermsWhy, workflow.MaxShort),
		).Description(termsHelp),
	)
	return ff
}

// repSelect offers the sales reps, "none", and the customer's current rep
// even if they no longer hold the role, so an edit never drops them.
func repSelect(c *common.Common, in *workflow.CustomerInput, reps []store.User, orig *store.Customer, title string) *huh.Select[int64] {
	return huh.NewSelect[int64]().Key("rep_id").Title(title).Inline(true).Options(repOptions(c, in, reps, orig)...).Value(&in.RepID)
}

// setReps gives the rep field the reps that arrived after the form opened
// (a quick n can beat their loading); it runs in Update.
func (ff formFields) setReps(c *common.Common, in *workflow.CustomerInput, reps []store.User, orig *store.Customer) {
	if ff.rep != nil {
		ff.rep.Options(repOptions(c, in, reps, orig)...)
	}
}

func repOptions(c *common.Common, in *workflow.CustomerInput, reps []store.User, orig *store.Customer) []huh.Option[int64] {
	opts := []huh.Option[int64]{huh.NewOption(c.T("none"), int64(0))}
	seen := false
	for _, r := range reps {
		opts = append(opts, huh.NewOption(r.Name, r.ID))
		seen = seen || r.ID == in.RepID
	}
	if !seen && in.RepID != 0 && orig != nil {
		opts = append(opts, huh.NewOption(orig.Rep, in.RepID))
	}
	return opts
}

// refresh shows the 助记码 a blank field will get, from the name typed.
// It runs in Update, not in a huh *Func: those read the bound values from
// a command's goroutine while the next key writes them.
func (ff formFields) refresh(in *workflow.CustomerInput) {
	if ff.mnemonic != nil {
		ff.mnemonic.Placeholder(workflow.Mnemonic(in.Name))
	}
}

// fieldLabel names a field in the user's language.
func fieldLabel(c *common.Common, field string) string {
	k := "customers.field." + field
	if t := c.T(k); t != k {
		return t
	}
	return field
}

func asFieldErrors(err error, fe *workflow.FieldErrors) bool { return errors.As(err, fe) }
