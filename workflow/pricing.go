package workflow

import (
	"context"
	"strings"

	"orderdesk/store"
)

// PriceChangeInput is a price-list change as typed: why, and the prices
// it sets.
type PriceChangeInput struct {
	Reason string
	Lines  []PriceLineInput
}

// PriceLineInput is one price of a change as typed.
type PriceLineInput struct {
	ID                int64 // an existing line; 0 for a new one
	Grade, Name, Spec string
	Unit              string
	Price             string // yuan per unit
	ValidFrom         string // the first day it holds (today or later)
	ValidTo           string // the last day, "" for no end
}

// InputFromPriceChange fills a form from a stored change.
func InputFromPriceChange(reason string, lines []store.PriceChangeLine) PriceChangeInput {
	out := PriceChangeInput{Reason: reason}
	for _, l := range lines {
		out.Lines = append(out.Lines, PriceLineInput{ID: l.ID, Grade: l.Grade, Name: l.Name, Spec: l.Spec, Unit: l.Unit,
			Price: l.Price.Plain(), ValidFrom: l.ValidFrom, ValidTo: l.ValidTo})
	}
	return out
}

// validate checks the change; prev holds the lines it had (nil for a new
// change), whose start days may have passed meanwhile.
func (in PriceChangeInput) validate(d *Desk, prev map[int64]store.PriceChangeLine) ([]store.PriceChangeLine, FieldErrors) {
	var errs FieldErrors
	errs.Add(CheckText(FReason, in.Reason, true, MaxShort))
	if len(in.Lines) == 0 {
		errs = append(errs, &FieldError{Field: FLines, Code: Required})
	}
	today := d.e.today()
	todayS := today.Format("2006-01-02")
	out := make([]store.PriceChangeLine, len(in.Lines))
	for i, l := range in.Lines {
		n := i + 1
		errs.AddLine(n, ProductTexts(l.Grade, l.Name, l.Spec)...)
		pl := store.PriceChangeLine{ID: l.ID, Grade: NormalizeGrade(l.Grade), Name: CleanText(l.Name, false), Spec: NormalizeSpec(l.Spec)}
		unit, ok := ParseUnit(l.Unit)
		if !ok {
			errs.AddLine(n, &FieldError{Field: FUnit, Code: InvalidChoice})
		}
		pl.Unit = unit
		price, set, fe := ParsePriceField(FPrice, l.Price)
		if fe == nil && !set {
			fe = &FieldError{Field: FPrice, Code: Required}
		}
		errs.AddLine(n, fe)
		pl.Price = price
		old := prev[l.ID]
		pl.ValidFrom, fe = ParseDayField(FValidFrom, l.ValidFrom, today, AnyDay)
		switch {
		case fe == nil && pl.ValidFrom == "":
			fe = &FieldError{Field: FValidFrom, Code: Required}
		case fe == nil && pl.ValidFrom < todayS && (l.ID == 0 || old.ValidFrom != pl.ValidFrom):
			fe = &FieldError{Field: FValidFrom, Code: DateInPast}
		}
		errs.AddLine(n, fe)
		pl.ValidTo, fe = ParseDayField(FValidTo, l.ValidTo, today, NotPast)
		if fe == nil && pl.ValidTo != "" && pl.ValidFrom != "" && pl.ValidTo < pl.ValidFrom {
			fe = &FieldError{Field: FValidTo, Code: DateOrder}
		}
		errs.AddLine(n, fe)
		out[i] = pl
	}
	return out, errs
}

// matchPriceLines looks the lines up in the catalogue (unknown ones are
// warnings) and notes the list price each replaces, for the reviewer.
func matchPriceLines(ctx context.Context, tx *store.Tx, lines []store.PriceChangeLine) (warn FieldErrors, err error) {
	fields := make([]lineFields, len(lines))
	for i, l := range lines {
		fields[i] = lineFields{grade: l.Grade, name: l.Name, spec: l.Spec}
	}
	warn, errs, err := matchLines(ctx, tx, fields)
	if err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return nil, errs
	}
	for i := range lines {
		l := &lines[i]
		l.Name, l.Unknown = fields[i].name, fields[i].unknown
		lp, found, err := tx.ListPriceOn(ctx, l.Grade, l.Name, l.Spec, l.ValidFrom)
		if err != nil {
			return nil, err
		}
		l.OldPrice, l.HadOld = lp.Price, found
	}
	return warn, nil
}

// ProposePriceChange drafts a change of the price list for a
// supervisor's sign-off; approved, the database writes its prices into
// the list. Unknown grade/specs come back as warnings.
func (d *Desk) ProposePriceChange(ctx context.Context, in PriceChangeInput) (id int64, warn FieldErrors, err error) {
	if err := permit(d.User, ProposePrices, ""); err != nil {
		return 0, nil, err
	}
	lines, errs := in.validate(d, nil)
	if len(errs) > 0 {
		return 0, nil, errs
	}
	err = d.e.st.Write(ctx, func(tx *store.Tx) error {
		if warn, err = matchPriceLines(ctx, tx, lines); err != nil {
			return err
		}
		id, _, err = tx.CreatePriceChange(ctx, d.User.ID, PriceChange.Initial(), CleanText(in.Reason, false), lines)
		return err
	})
	if err != nil {
		return 0, nil, refusalFromStore(err, "save")
	}
	d.e.feed.Publish(Change{Kind: store.PriceChangeKind, ID: id})
	return id, warn, nil
}

// UpdatePriceChange saves an edited change (waiting for review or sent
// back), as of version seen.
func (d *Desk) UpdatePriceChange(ctx context.Context, docID, seen int64, in PriceChangeInput) (warn FieldErrors, err error) {
	if err := permit(d.User, ProposePrices, ""); err != nil {
		return nil, err
	}
	err = d.e.st.Write(ctx, func(tx *store.Tx) error {
		doc, err := d.editable(ctx, tx, docID, seen, PriceChange)
		if err != nil {
			return err
		}
		old, err := tx.PriceChangeLines(ctx, docID, false)
		if err != nil {
			return err
		}
		kept := map[int64]store.PriceChangeLine{}
		for _, l := range old {
			kept[l.ID] = l
		}
		lines, errs := in.validate(d, kept)
		if len(errs) > 0 {
			return errs
		}
		if warn, err = matchPriceLines(ctx, tx, lines); err != nil {
			return err
		}
		if reason := CleanText(in.Reason, false); reason != doc.Summary {
			if err := tx.EditDocument(ctx, d.User.ID, docID, doc.Version, reason); err != nil {
				return err
			}
		}
		for _, l := range lines {
			l.DocID = docID
			prev, ok := kept[l.ID]
			switch {
			case l.ID == 0:
				_, err = tx.AddPriceChangeLine(ctx, d.User.ID, docID, l)
			case !ok:
				err = store.ErrNotFound
			default:
				delete(kept, l.ID)
				l.LineNo = prev.LineNo
				if l != prev {
					err = tx.UpdatePriceChangeLine(ctx, d.User.ID, l)
				}
			}
			if err != nil {
				return err
			}
		}
		for _, l := range old {
			if _, gone := kept[l.ID]; gone {
				if err := tx.RemovePriceChangeLine(ctx, d.User.ID, docID, l.ID); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, refusalFromStore(err, "save")
	}
	d.e.feed.Publish(Change{Kind: store.PriceChangeKind, ID: docID})
	return warn, nil
}

// seePrices refuses users who see no prices at all (the warehouse,
// planning, an administrator alone).
func (d *Desk) seePrices() error {
	if err := permit(d.User, SeePriceList, ""); err != nil {
		return err
	}
	return nil
}

// PriceList lists one page of the prices valid on day (YYYY-MM-DD; ""
// for today).
func (d *Desk) PriceList(ctx context.Context, day string, p store.Page) (rows []store.ListPrice, err error) {
	if err := d.seePrices(); err != nil {
		return nil, err
	}
	if day == "" {
		day = d.e.todayString()
	}
	rows, err = read(ctx, d.e, func(tx *store.Tx) ([]store.ListPrice, error) { return tx.PriceListOn(ctx, day, p) })
	return rows, err
}

// PriceListHistory lists every list price set for a grade and spec,
// newest first.
func (d *Desk) PriceListHistory(ctx context.Context, grade, spec string) (rows []store.ListPrice, err error) {
	if err := d.seePrices(); err != nil {
		return nil, err
	}
	rows, err = read(ctx, d.e, func(tx *store.Tx) ([]store.ListPrice, error) {
		return tx.PriceListHistory(ctx, NormalizeGrade(grade), NormalizeSpec(spec), 200)
	})
	return rows, err
}

// MarketPriceInput is a market reference price as typed.
type MarketPriceInput struct {
	Source                  string // store.MarketSources, or 本地/沈阳/无锡
	Grade, Name, Spec, Unit string
	Price                   string // yuan per unit
	On                      string // the day the market gave it; "" for today
	Note                    string
}

var sourceWords = map[string]string{
	store.SourceLocal: store.SourceLocal, "本地": store.SourceLocal, "本地经销商": store.SourceLocal,
	store.SourceShenyang: store.SourceShenyang, "沈阳": store.SourceShenyang, "沈阳市场": store.SourceShenyang,
	store.SourceWuxi: store.SourceWuxi, "无锡": store.SourceWuxi, "无锡市场": store.SourceWuxi,
}

// Validate checks a market price; today is the desk's day.
func (in MarketPriceInput) validate(d *Desk) (store.MarketPrice, FieldErrors) {
	var errs FieldErrors
	m := store.MarketPrice{Grade: NormalizeGrade(in.Grade), Name: CleanText(in.Name, false), Spec: NormalizeSpec(in.Spec),
		Note: CleanText(in.Note, false)}
	src, ok := sourceWords[strings.ToLower(strings.TrimSpace(in.Source))]
	if !ok {
		errs.Add(&FieldError{Field: FSource, Code: InvalidChoice})
	}
	m.Source = src
	errs.Add(ProductTexts(in.Grade, in.Name, in.Spec)...)
	errs.Add(CheckText(FNote, in.Note, false, MaxShort))
	m.Unit = "t"
	if strings.TrimSpace(in.Unit) != "" {
		if m.Unit, ok = ParseUnit(in.Unit); !ok {
			errs.Add(&FieldError{Field: FUnit, Code: InvalidChoice})
		}
	}
	price, set, fe := ParsePriceField(FPrice, in.Price)
	if fe == nil && !set {
		fe = &FieldError{Field: FPrice, Code: Required}
	}
	errs.Add(fe)
	m.Price = price
	m.On, fe = ParseDayField(FOn, in.On, d.e.today(), NotFuture)
	errs.Add(fe)
	if m.On == "" && fe == nil {
		m.On = d.e.todayString()
	}
	return m, errs
}

// RecordMarketPrice enters a reference price from a market. History is
// kept; a correction is entered again.
func (d *Desk) RecordMarketPrice(ctx context.Context, in MarketPriceInput) (id int64, err error) {
	if err := permit(d.User, RecordMarket, ""); err != nil {
		return 0, err
	}
	m, errs := in.validate(d)
	if len(errs) > 0 {
		return 0, errs
	}
	err = d.e.st.Write(ctx, func(tx *store.Tx) error {
		id, err = tx.AddMarketPrice(ctx, d.User.ID, m)
		return err
	})
	if err != nil {
		return 0, refusalFromStore(err, "save")
	}
	d.e.feed.Publish(Change{Kind: MarketPriceKind, ID: id})
	return id, nil
}

// Names of the pricing records in the change feed that are not
// documents: a market price entered, and the price list (ID 0), which
// changes when a price change is approved.
const (
	MarketPriceKind = "market_price"
	PriceListKind   = "price_list"
)

// LatestMarketPrices returns the newest price of each source for a grade
// and spec (or, failing the spec, the product name), with its day.
func (d *Desk) LatestMarketPrices(ctx context.Context, grade, name, spec string) (rows []store.MarketPrice, err error) {
	if err := d.seePrices(); err != nil {
		return nil, err
	}
	rows, err = read(ctx, d.e, func(tx *store.Tx) ([]store.MarketPrice, error) {
		return tx.LatestMarketPrices(ctx, NormalizeGrade(grade), CleanText(name, false), NormalizeSpec(spec))
	})
	return rows, err
}

// MarketPriceHistory lists a source's prices of a grade and spec, newest
// first ("" source: all sources).
func (d *Desk) MarketPriceHistory(ctx context.Context, source, grade, spec string, limit int) (rows []store.MarketPrice, err error) {
	if err := d.seePrices(); err != nil {
		return nil, err
	}
	rows, err = read(ctx, d.e, func(tx *store.Tx) ([]store.MarketPrice, error) {
		return tx.MarketPriceHistory(ctx, source, NormalizeGrade(grade), NormalizeSpec(spec), limit)
	})
	return rows, err
}
