package workflow

import (
	"context"
	"strings"

	"orderdesk/store"
)

// ProductInput is a product form as typed.
type ProductInput struct {
	Grade, Name, Spec, Unit, UnitWeight, Mnemonic string
}

// Product field names.
const (
	FGrade, FProductName, FSpec, FUnit, FUnitWeight = "grade", "name", "spec", "unit", "unit_weight"
)

// CheckProductField validates one field of the product form.
func CheckProductField(field, v string) *FieldError {
	switch field {
	case FGrade:
		return CheckText(field, v, true, 40)
	case FProductName:
		return CheckText(field, v, true, MaxName)
	case FSpec, FMnemonic:
		return CheckText(field, v, false, MaxName)
	case FUnit:
		for _, u := range store.Units {
			if v == u {
				return nil
			}
		}
		return &FieldError{Field: field, Code: InvalidChoice}
	case FUnitWeight:
		_, e := ParseMilliField(field, v)
		return e
	}
	return nil
}

// Validate checks every field and returns the product.
func (in ProductInput) Validate() (store.Product, FieldErrors) {
	var errs FieldErrors
	for field, v := range map[string]string{FGrade: in.Grade, FProductName: in.Name, FSpec: in.Spec, FUnit: in.Unit, FUnitWeight: in.UnitWeight, FMnemonic: in.Mnemonic} {
		if e := CheckProductField(field, v); e != nil {
			errs = append(errs, e)
		}
	}
	p := store.Product{
		Grade: strings.ToUpper(NormalizeDigits(CleanText(in.Grade, false))), Name: CleanText(in.Name, false),
		Spec: NormalizeDigits(CleanText(in.Spec, false)), Unit: in.Unit, Mnemonic: NormalizeDigits(in.Mnemonic),
	}
	p.UnitWeight, _ = ParseMilliField(FUnitWeight, in.UnitWeight)
	if p.Mnemonic == "" {
		p.Mnemonic = Mnemonic(p.Name)
	}
	return p, sortFieldErrors(errs, []string{FGrade, FProductName, FSpec, FUnit, FUnitWeight, FMnemonic})
}

func sortFieldErrors(errs FieldErrors, order []string) FieldErrors {
	var out FieldErrors
	for _, f := range order {
		if e := errs.For(f); e != nil {
			out = append(out, e)
		}
	}
	return out
}

// InputFromProduct fills a form from a stored product.
func InputFromProduct(p store.Product) ProductInput {
	w := ""
	if p.UnitWeight != 0 {
		w = p.UnitWeight.String()
	}
	return ProductInput{Grade: p.Grade, Name: p.Name, Spec: p.Spec, Unit: p.Unit, UnitWeight: w, Mnemonic: p.Mnemonic}
}

// Products lists one page of products.
func (d *Desk) Products(ctx context.Context, p store.Page) (rows []store.Product, err error) {
	if err = permitScreen(d.User, ScreenProducts); err != nil {
		return
	}
	rows, err = read(ctx, d.e, func(tx *store.Tx) ([]store.Product, error) { return tx.Products(ctx, p) })
	return rows, err
}

// SaveProduct creates (orig.ID == 0) or updates a product.
func (d *Desk) SaveProduct(ctx context.Context, orig store.Product, in ProductInput) (int64, error) {
	if err := permit(d.User, EditProducts, ""); err != nil {
		return 0, err
	}
	p, errs := in.Validate()
	if len(errs) > 0 {
		return 0, errs
	}
	id := orig.ID
	err := d.e.st.Write(ctx, func(tx *store.Tx) error {
		if id == 0 {
			var err error
			id, err = tx.CreateProduct(ctx, d.User.ID, p)
			return err
		}
		p.ID, p.Voided = id, orig.Voided
		return tx.UpdateProduct(ctx, d.User.ID, orig, p)
	})
	if err != nil {
		return 0, refusalFromStore(err, "save")
	}
	d.e.feed.Publish(Change{Kind: "product", ID: id})
	return id, nil
}

// VoidProduct marks a product void.
func (d *Desk) VoidProduct(ctx context.Context, orig store.Product) error {
	if err := permit(d.User, EditProducts, ""); err != nil {
		return err
	}
	p := orig
	p.Voided = true
	err := d.e.st.Write(ctx, func(tx *store.Tx) error { return tx.UpdateProduct(ctx, d.User.ID, orig, p) })
	if err == nil {
		d.e.feed.Publish(Change{Kind: "product", ID: orig.ID})
	}
	return err
}
