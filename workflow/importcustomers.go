package workflow

import (
	"context"
	"strconv"
	"strings"

	"orderdesk/store"
	"orderdesk/workflow/sheet"
)

// customerBook is what customer rows are checked against: the customers
// on file by name and by 助记码, and the reps by login and name.
type customerBook struct {
	byName, byMnemonic map[string]store.CustomerKey
	byCode             map[string]store.CustomerKey
	reps               map[string]store.User
}

func loadCustomerBook(ctx context.Context, tx *store.Tx) (customerBook, error) {
	b := customerBook{byName: map[string]store.CustomerKey{}, byMnemonic: map[string]store.CustomerKey{},
		byCode: map[string]store.CustomerKey{}, reps: map[string]store.User{}}
	keys, err := tx.CustomerKeys(ctx)
	if err != nil {
		return b, err
	}
	for _, k := range keys {
		b.byName[k.Name], b.byCode[strings.ToUpper(k.Code)] = k, k
		if k.Mnemonic != "" {
			b.byMnemonic[strings.ToUpper(k.Mnemonic)] = k
		}
	}
	reps, err := tx.UsersWithRole(ctx, string(SalesRep))
	for _, u := range reps {
		b.reps[strings.ToLower(u.Login)], b.reps[u.Name] = u, u
	}
	return b, err
}

var termsChoices = map[string]string{
	store.TermsPrepaid: store.TermsPrepaid, "先款后货": store.TermsPrepaid, "款到发货": store.TermsPrepaid, "预付": store.TermsPrepaid,
	store.TermsMonthly: store.TermsMonthly, "月结": store.TermsMonthly,
}

// customerSourceWords are a customer's sources as a sheet may spell them: the
// desk's Chinese names, the English ones and the keys.
var customerSourceWords = func() map[string]string {
	m := map[string]string{"来电": "phone", "电话": "phone", "网站": "website", "展会": "exhibition", "介绍": "referral",
		"转介绍": "referral", "招商": "investment", "邮件": "email", "邮箱": "email", "e-mail": "email", "qq/微信": "im", "qq": "im",
		"微信": "im", "wechat": "im", "qq/wechat": "im", "其他": SourceOther, "其它": SourceOther}
	for _, s := range CustomerSources {
		m[s] = s
	}
	return m
}()

var categoryWords = map[string]string{"sales": "sales", "销售": "sales", "after_sales": "after_sales", "售后": "after_sales",
	"after sales": "after_sales"}

// word reads a choice typed in either language; what it does not know
// stays as typed, for validation to refuse at its column.
func word(words map[string]string, s string) string {
	s = strings.TrimSpace(s)
	if w, ok := words[strings.ToLower(s)]; ok {
		return w
	}
	return s
}

// checkCustomerRow checks one customer row: the form's own checks, a
// phone number in the name, a name or 助记码 repeated in the file or
// (助记码) held by another customer, a rep who is not one; and what it
// would change of a customer of the same name on file.
func (tx importTx) checkCustomerRow(r importRow, b customerBook, seen map[string]int) (store.ImportLine, bool) {
	before := len(*r.errs)
	cell := func(k string) string { return r.cells[k] }
	name := CleanText(cell(FName), false)
	if looksLikePhone(name) {
		r.bad(FName, PhoneInName)
	}
	existing, found := b.byName[name]
	var orig store.Customer
	if found {
		var err error
		if orig, err = tx.Customer(tx.ctx, existing.ID); err != nil {
			tx.fail(err)
			return store.ImportLine{}, false
		}
	}
	in := InputFromCustomer(orig)
	if !found {
		in = CustomerInput{PaymentTerms: store.TermsPrepaid, TermsDays: "0", CreditLimit: "0"}
	}
	// A blank cell leaves the file's field as it is.
	for key, dst := range map[string]*string{FName: &in.Name, FShortName: &in.ShortName, FMnemonic: &in.Mnemonic,
		FProvince: &in.Province, FCity: &in.City, FAddress: &in.Address, FContact: &in.Contact, FPhone: &in.Phone, FFax: &in.Fax,
		FEmail: &in.Email, FWebsite: &in.Website, FProduces: &in.Produces, FUsualGrades: &in.UsualGrades, FSuppliers: &in.Suppliers,
		FNotes: &in.Notes} {
		if strings.TrimSpace(cell(key)) != "" {
			*dst = cell(key)
		}
	}
	if v := cell(FCategory); strings.TrimSpace(v) != "" {
		in.Category = word(categoryWords, v)
	}
	if v := cell(FWeighing); strings.TrimSpace(v) != "" {
		in.Weighing = v
	}
	if v := cell(FSource); strings.TrimSpace(v) != "" {
		in.Source = word(customerSourceWords, v)
	}
	if v := cell(FPaymentTerms); strings.TrimSpace(v) != "" {
		in.PaymentTerms = word(termsChoices, v)
	}
	if v := cell(FTermsDays); strings.TrimSpace(v) != "" {
		in.TermsDays = sheet.Number(v, 0)
	}
	if v := cell(FCreditLimit); strings.TrimSpace(v) != "" {
		in.CreditLimit = sheet.Number(v, MoneyPlaces)
	}
	if v := strings.TrimSpace(cell(FRep)); v != "" {
		rep, ok := b.reps[strings.ToLower(v)]
		if !ok {
			rep, ok = b.reps[v]
		}
		if ok {
			in.RepID = rep.ID
		} else {
			r.bad(FRep, UnknownRep)
		}
	}
	c, tc, errs := in.Validate()
	r.badField(errs...)
	if n := r.firstSeen(seen, FName, c.Name); n != 0 {
		r.duplicate(FName, n)
	}
	if typed := strings.ToUpper(NormalizeDigits(cell(FMnemonic))); typed != "" {
		if n := r.firstSeen(seen, FMnemonic, typed); n != 0 {
			r.duplicate(FMnemonic, n)
		} else if other, ok := b.byMnemonic[typed]; ok && other.Name != c.Name {
			*r.errs = append(*r.errs, RowError{Row: r.n, Column: r.header[FMnemonic], Code: DuplicateInDesk, Value: cell(FMnemonic)})
		}
	}
	if len(*r.errs) > before {
		return store.ImportLine{}, false
	}
	if found {
		c.Mnemonic = keptMnemonic(orig, c)
	}
	l := r.line(c.Name)
	l.Fields = customerFields(c, tc)
	var changed []string
	if found {
		was := customerFields(orig, termsOf(orig))
		for _, col := range importColumns[store.ImportCustomers] {
			if l.Fields[col.Key] != was[col.Key] {
				changed = append(changed, col.Key)
			}
		}
	}
	compare(&l, found, existing.ID, changed)
	return l, true
}

// customerFields are a customer's values as an import line keeps them.
func customerFields(c store.Customer, tc store.TermsChange) map[string]string {
	return map[string]string{
		FName: c.Name, FShortName: c.ShortName, FMnemonic: c.Mnemonic, FProvince: c.Province, FCity: c.City,
		FAddress: c.Address, FContact: c.Contact, FPhone: c.Phone, FFax: c.Fax, FEmail: c.Email, FWebsite: c.Website,
		FProduces: c.Produces, FUsualGrades: c.UsualGrades, FSuppliers: c.Suppliers, FCategory: c.Category,
		FRep: itoa64(c.RepID), FPaymentTerms: tc.NewTerms, FTermsDays: strconv.Itoa(tc.NewDays),
		FCreditLimit: tc.NewCredit.Plain(), FWeighing: c.Weighing, FSource: c.Source, FNotes: c.Notes,
	}
}

// termsOf are a customer's terms as a terms change would set them.
func termsOf(c store.Customer) store.TermsChange {
	return store.TermsChange{NewTerms: c.PaymentTerms, NewDays: c.TermsDays, NewCredit: c.CreditLimit}
}

// customerFromLine reads back a line's customer and the terms it asks.
func customerFromLine(f map[string]string) (store.Customer, store.TermsChange) {
	rep, _ := strconv.ParseInt(f[FRep], 10, 64)
	days, _ := strconv.Atoi(f[FTermsDays])
	credit, _ := store.ParseMoney(f[FCreditLimit])
	c := store.Customer{Name: f[FName], ShortName: f[FShortName], Mnemonic: f[FMnemonic], Province: f[FProvince], City: f[FCity],
		Address: f[FAddress], Contact: f[FContact], Phone: f[FPhone], Fax: f[FFax], Email: f[FEmail], Website: f[FWebsite],
		Produces: f[FProduces], UsualGrades: f[FUsualGrades], Suppliers: f[FSuppliers], Category: f[FCategory], RepID: rep,
		Weighing: f[FWeighing], Source: f[FSource], Notes: f[FNotes]}
	return c, store.TermsChange{NewTerms: f[FPaymentTerms], NewDays: days, NewCredit: credit}
}
