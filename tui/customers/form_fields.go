package customers

import (
	"errors"
	"strconv"
	"strings"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// groupTitles name the form's pages, in order.
var groupTitles = []string{"customers.group.identity", "customers.group.contact",
	"customers.group.business", "customers.group.terms"}

// fieldLayout is the form's fields, page by page, in tab order.
var fieldLayout = [][]string{
	{workflow.FName, workflow.FShortName, workflow.FMnemonic},
	{workflow.FContact, workflow.FPhone, workflow.FFax, workflow.FEmail, workflow.FWebsite,
		workflow.FProvince, workflow.FCity, workflow.FAddress},
	{workflow.FProduces, workflow.FUsualGrades, workflow.FSuppliers, workflow.FCategory, workflow.FWeighing, workflow.FSource, fRep, workflow.FNotes},
	{workflow.FPaymentTerms, workflow.FTermsDays, workflow.FCreditLimit, workflow.FTermsWhy},
}

// fRep is the sales rep field (the input holds an id, not text).
const fRep = "rep_id"

// fieldLimits are the most runes each text field takes.
var fieldLimits = map[string]int{
	workflow.FName: workflow.MaxName, workflow.FShortName: workflow.MaxName, workflow.FMnemonic: 20,
	workflow.FContact: workflow.MaxName, workflow.FPhone: 40, workflow.FFax: 40, workflow.FEmail: workflow.MaxName,
	workflow.FWebsite: workflow.MaxName, workflow.FProvince: workflow.MaxName, workflow.FCity: workflow.MaxName,
	workflow.FAddress: workflow.MaxShort, workflow.FProduces: workflow.MaxShort, workflow.FUsualGrades: workflow.MaxShort,
	workflow.FSuppliers: workflow.MaxShort, workflow.FNotes: workflow.MaxLong, workflow.FTermsDays: 4,
	workflow.FCreditLimit: 20, workflow.FTermsWhy: workflow.MaxShort,
}

// newFormFields builds the customer form, a page per group, and says
// which page each field is on. Terms a user may not see are terms they
// cannot change (the workflow ignores them): their page is left out.
func newFormFields(c *common.Common, reps []store.User, in *workflow.CustomerInput, orig *store.Customer, pending string) (*form.Form, map[string]int) {
	layout := fieldLayout
	if orig != nil && orig.MoneyHidden {
		layout = layout[:3]
	}
	termsHelp := c.T("customers.form.terms_review")
	if pending != "" {
		termsHelp += "\n" + c.T("customers.form.terms_pending", pending)
	}
	if orig == nil {
		termsHelp += "\n" + c.T("customers.form.terms_new")
	}
	notes := map[int]string{0: c.T("customers.form.mnemonic_help"), 3: termsHelp}
	groupOf := map[string]int{}
	var fields []form.Field
	for g, keys := range layout {
		for i, k := range keys {
			groupOf[k] = g
			fd := form.Field{Key: k, Label: fieldLabel(c, k), Width: 48, Limit: fieldLimits[k], Check: checkField(c, k)}
			switch k {
			case workflow.FCategory:
				fd.Width, fd.Check = 16, nil
				fd.Options = []form.Option{{Value: "sales", Label: c.T("category.sales")}, {Value: "after_sales", Label: c.T("category.after_sales")}}
			case workflow.FWeighing:
				fd.Width, fd.Check = 16, nil
				fd.Options = []form.Option{{Value: "", Label: common.Weighing(c.Cat, "")},
					{Value: store.WeighingTheoretical, Label: common.Weighing(c.Cat, store.WeighingTheoretical)},
					{Value: store.WeighingWeighed, Label: common.Weighing(c.Cat, store.WeighingWeighed)}}
			case workflow.FSource:
				fd.Width, fd.Check = 16, nil
				fd.Options = sourceOptions(c)
			case workflow.FPaymentTerms:
				fd.Width, fd.Check = 16, nil
				fd.Options = []form.Option{{Value: store.TermsPrepaid, Label: c.T("terms.prepaid")}, {Value: store.TermsMonthly, Label: c.T("terms.monthly")}}
			case fRep:
				fd.Width, fd.Check = 24, nil
				fd.Options = repOptions(c, in, reps, orig)
			case workflow.FNotes:
				fd.Width, fd.Rows = 60, 3
			case workflow.FTermsDays:
				fd.Width = 6
			case workflow.FMnemonic, workflow.FCreditLimit:
				fd.Width = 22
			}
			if i == 0 {
				fd.Break, fd.Note = g > 0, notes[g]
			}
			fields = append(fields, fd)
		}
	}
	return form.New(c, fields...).EnterSaves(), groupOf
}

// sourceOptions are where a customer may have come from, none first.
func sourceOptions(c *common.Common) []form.Option {
	out := []form.Option{{Value: "", Label: c.T("customers.source.none")}}
	for _, src := range workflow.CustomerSources {
		out = append(out, form.Option{Value: src, Label: c.T("lead.source." + src)})
	}
	return out
}

// checkField checks a field as it is left, in the workflow's words.
func checkField(c *common.Common, field string) func(string) string {
	return func(v string) string { return common.FieldProblem(c.Cat, workflow.CheckCustomerField(field, v)) }
}

// textFields binds the form's text fields to the input's.
func textFields(in *workflow.CustomerInput) map[string]*string {
	return map[string]*string{
		workflow.FName: &in.Name, workflow.FShortName: &in.ShortName, workflow.FMnemonic: &in.Mnemonic,
		workflow.FContact: &in.Contact, workflow.FPhone: &in.Phone, workflow.FFax: &in.Fax, workflow.FEmail: &in.Email,
		workflow.FWebsite: &in.Website, workflow.FProvince: &in.Province, workflow.FCity: &in.City, workflow.FAddress: &in.Address,
		workflow.FProduces: &in.Produces, workflow.FUsualGrades: &in.UsualGrades, workflow.FSuppliers: &in.Suppliers,
		workflow.FCategory: &in.Category, workflow.FWeighing: &in.Weighing, workflow.FSource: &in.Source, workflow.FNotes: &in.Notes, workflow.FPaymentTerms: &in.PaymentTerms,
		workflow.FTermsDays: &in.TermsDays, workflow.FCreditLimit: &in.CreditLimit, workflow.FTermsWhy: &in.TermsWhy,
	}
}

// fill puts an input into the form's fields.
func fill(fields *form.Form, groupOf map[string]int, in *workflow.CustomerInput) {
	for k, v := range textFields(in) {
		if _, ok := groupOf[k]; ok {
			fields.SetValue(k, *v)
		}
	}
	fields.SetValue(fRep, strconv.FormatInt(in.RepID, 10))
	refresh(fields, in)
}

// read takes what the form's fields hold into the input; fields left
// out of the form keep their values.
func read(fields *form.Form, groupOf map[string]int, in *workflow.CustomerInput) {
	for k, v := range textFields(in) {
		if _, ok := groupOf[k]; ok {
			*v = fields.Value(k)
		}
	}
	in.RepID, _ = strconv.ParseInt(fields.Value(fRep), 10, 64)
	refresh(fields, in)
}

// refresh shows the 助记码 a blank field will get, from the name typed.
func refresh(fields *form.Form, in *workflow.CustomerInput) {
	fields.SetPlaceholder(workflow.FMnemonic, workflow.Mnemonic(in.Name))
}

// repOptions offers the sales reps, "none", and the customer's current
// rep even if they no longer hold the role, so an edit never drops them.
func repOptions(c *common.Common, in *workflow.CustomerInput, reps []store.User, orig *store.Customer) []form.Option {
	opts := []form.Option{{Value: "0", Label: c.T("none")}}
	seen := false
	for _, r := range reps {
		opts = append(opts, form.Option{Value: strconv.FormatInt(r.ID, 10), Label: r.Name})
		seen = seen || r.ID == in.RepID
	}
	if !seen && in.RepID != 0 && orig != nil {
		opts = append(opts, form.Option{Value: strconv.FormatInt(in.RepID, 10), Label: orig.Rep})
	}
	return opts
}

// fieldProblems is what the form shows wrong at its fields, one line
// that names each field.
func fieldProblems(c *common.Common, fields *form.Form) string {
	errs := fields.Errors()
	parts := make([]string, len(errs))
	for i, e := range errs {
		parts[i] = e.Label + c.T("customers.colon") + e.Text
	}
	return strings.Join(parts, c.T("customers.list_sep"))
}

// formSize is the width and height a form gets: the body less the title
// and error lines above it, never wider than is easy to read.
func formSize(w, h int) (int, int) {
	return max(min(w, 110), 20), max(h-3, 5)
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
