package workflow

import (
	"context"
	"strings"
	"time"

	"orderdesk/store"
)

// Field names of the order form and the stock forms.
const (
	FOrderDate    = "order_date"
	FDeliveryDate = "delivery_date"
	FCustomerName = "customer_name"
	FShipTo       = "ship_to"
	FSigningPlace = "signing_place"
	FWeight       = "weight"
	FBasis        = "basis"
	FAmount       = "amount" // a line's total
	FTotal        = "total"  // the order's total
	FSignedOn     = "signed_on"
	FStockAnswer  = "stock_answer"
	FAvailable    = "available"
	FMeetOn       = "meet_on"
	FOnHand       = "on_hand"
	FNeeded       = "needed"
	FNeededBy     = "needed_by"
	FUsage        = "usage"
	FReply        = "reply"
	FArriveOn     = "arrive_on"
)

// OrderInput is an order form as typed. Customer name, contact, phone
// and ship-to address start as the customer file's and may be changed
// for this order.
type OrderInput struct {
	CustomerID   int64
	OrderDate    string // "" for today
	DeliveryDate string
	CustomerName string
	Contact      string
	Phone        string
	ShipTo       string
	PaymentTerms string // "" takes the customer's
	TermsDays    string
	SigningPlace string
	Weighing     string // store.WeighingTheoretical (理计) or WeighingWeighed (磅计); "" takes the customer's, else the desk's
	Notes        string
	Lines        []OrderLineInput
}

// OrderLineInput is one order line as typed.
//
// Unit price: yuan per tonne of the line's weight (Basis "weight", the
// default, as steel is sold), or yuan per unit of its quantity (Basis
// "qty": per piece, per kg). Weight is in tonnes with at most three
// decimals (to the kg); empty, it is worked out for t (= quantity), kg
// and pieces of a catalogue product with a unit weight. Amount is a line
// total typed by hand, if any: it must equal price × basis rounded to
// the fen, or the line is refused with the right figure (Want).
type OrderLineInput struct {
	ID           int64 // an existing line; 0 for a new one
	QuoteLineID  int64 // carried from a quote
	Grade        string
	Name         string
	Spec         string
	Quantity     string
	Unit         string
	Weight       string
	Price        string
	Basis        string
	Amount       string
	Requirements string
}

// InputFromOrder fills a form from a stored order version.
func InputFromOrder(o store.Order) OrderInput {
	in := OrderInput{CustomerID: o.CustomerID, OrderDate: o.OrderDate, DeliveryDate: o.DeliveryDate, CustomerName: o.CustomerName,
		Contact: o.Contact, Phone: o.Phone, ShipTo: o.ShipTo, PaymentTerms: o.PaymentTerms, TermsDays: itoa(o.TermsDays),
		SigningPlace: o.SigningPlace, Weighing: o.Weighing, Notes: o.Notes}
	for _, l := range o.Lines {
		li := OrderLineInput{ID: l.ID, QuoteLineID: l.QuoteLineID, Grade: l.Grade, Name: l.Name, Spec: l.Spec, Quantity: l.Qty.String(),
			Unit: l.Unit, Weight: l.Weight.String(), Basis: l.Basis, Requirements: l.Requirements}
		if l.Priced {
			li.Price = l.Price.Plain()
		}
		in.Lines = append(in.Lines, li)
	}
	return in
}

// NewOrderInput starts an order form for a customer: its full name,
// contact, phone, address as the ship-to address, payment terms and
// weighing basis, dated today.
func (d *Desk) NewOrderInput(ctx context.Context, customerID int64) (in OrderInput, err error) {
	if err = permit(d.User, EditOrders, ""); err != nil {
		return
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		c, err := tx.Customer(ctx, customerID)
		if err != nil {
			return err
		}
		in = OrderInput{CustomerID: c.ID, OrderDate: d.e.todayString(), CustomerName: c.Name, Contact: c.Contact, Phone: c.Phone,
			ShipTo: c.Address, PaymentTerms: c.PaymentTerms, TermsDays: itoa(c.TermsDays)}
		in.Weighing, err = weighingFor(ctx, tx, c)
		return err
	})
	return in, err
}

var basisWords = map[string]string{
	"": store.BasisWeight, "weight": store.BasisWeight, "t": store.BasisWeight, "吨": store.BasisWeight, "重量": store.BasisWeight,
	"qty": store.BasisQty, "quantity": store.BasisQty, "数量": store.BasisQty, "件": store.BasisQty,
}

// orderLine is a line that passed validation; weightSet says whether a
// weight was typed or worked out (pieces get theirs from the catalogue).
type orderLine struct {
	store.OrderLine
	weightSet bool
	basisSet  bool        // a basis was typed
	qtyText   string      // the quantity as typed, read again once a blank unit is known
	amount    store.Money // typed by hand, when amountSet
	amountSet bool
}

func (in OrderLineInput) validate(n int) (orderLine, FieldErrors) {
	var errs FieldErrors
	add := func(fe *FieldError) {
		if fe != nil {
			fe.Line = n
			errs = append(errs, fe)
		}
	}
	add(CheckText(FGrade, in.Grade, true, 40))
	add(CheckText(FProductName, in.Name, false, MaxName))
	add(CheckText(FSpec, in.Spec, false, MaxName))
	add(CheckText(FRequirements, in.Requirements, false, MaxShort))
	l := orderLine{OrderLine: store.OrderLine{ID: in.ID, QuoteLineID: in.QuoteLineID, Grade: NormalizeGrade(in.Grade),
		Name: CleanText(in.Name, false), Spec: NormalizeSpec(in.Spec), Requirements: CleanText(in.Requirements, false)}}
	// A blank unit is the catalogue's, filled in by fillLineDefaults.
	unit, ok := ParseUnit(in.Unit)
	if !ok && strings.TrimSpace(in.Unit) != "" {
		add(&FieldError{Field: FUnit, Code: InvalidChoice})
	}
	l.Unit, l.qtyText, l.basisSet = unit, in.Quantity, strings.TrimSpace(in.Basis) != ""
	var fe *FieldError
	l.Qty, fe = ParseQuantityField(FQuantity, in.Quantity, unit)
	add(fe)
	switch {
	case strings.TrimSpace(in.Weight) != "":
		l.Weight, fe = ParseMilliField(FWeight, in.Weight)
		switch {
		case fe == nil && l.Weight == 0:
			fe = &FieldError{Field: FWeight, Code: NotPositive}
		case fe == nil && l.Weight > MaxQty:
			fe = &FieldError{Field: FWeight, Code: TooLarge}
		}
		add(fe)
		l.weightSet = true
	case unit == "t":
		l.Weight, l.weightSet = l.Qty, true
	case unit == "kg" && l.Qty%1000 == 0:
		l.Weight, l.weightSet = l.Qty/1000, true
	}
	basis, ok := basisWords[strings.ToLower(strings.TrimSpace(in.Basis))]
	if !ok {
		add(&FieldError{Field: FBasis, Code: InvalidChoice})
	}
	l.Basis = basis
	var price store.Money
	price, l.Priced, fe = ParsePriceField(FPrice, in.Price)
	add(fe)
	l.Price = price
	if strings.TrimSpace(in.Amount) != "" {
		l.amount, fe = ParseMoneyField(FAmount, in.Amount)
		add(fe)
		l.amountSet = fe == nil
	}
	return l, errs
}

// price works out the line's amount and checks a hand-typed total
// against it.
func (l *orderLine) price(n int) *FieldError {
	l.SetPrice(l.Price, l.Priced, l.Basis)
	if l.amountSet && (!l.Priced || l.amount != l.Amount) {
		fe := &FieldError{Field: FAmount, Line: n, Code: AmountMismatch}
		if l.Priced {
			fe.Want = l.Amount.Plain()
		}
		return fe
	}
	return nil
}

func (in OrderInput) validate(today time.Time) (store.Order, []orderLine, FieldErrors) {
	var errs FieldErrors
	add := func(fe *FieldError) {
		if fe != nil {
			errs = append(errs, fe)
		}
	}
	o := store.Order{CustomerID: in.CustomerID, CustomerName: CleanText(in.CustomerName, false), Contact: CleanText(in.Contact, false),
		Phone: NormalizeDigits(in.Phone), ShipTo: CleanText(in.ShipTo, false), SigningPlace: CleanText(in.SigningPlace, false),
		Notes: CleanText(in.Notes, true)}
	add(CheckText(FCustomerName, in.CustomerName, true, MaxName))
	add(CheckText(FContact, in.Contact, false, MaxName))
	add(CheckPhone(FPhone, in.Phone))
	add(CheckText(FShipTo, in.ShipTo, false, MaxShort))
	add(CheckText(FSigningPlace, in.SigningPlace, false, MaxName))
	add(CheckText(FNotes, in.Notes, false, MaxLong))
	var fe *FieldError
	o.Weighing, fe = ParseWeighing(FWeighing, in.Weighing)
	add(fe)
	o.OrderDate, fe = ParseDayField(FOrderDate, in.OrderDate, today, AnyDay)
	add(fe)
	if o.OrderDate == "" && fe == nil {
		o.OrderDate = today.Format("2006-01-02")
	}
	o.DeliveryDate, fe = ParseDayField(FDeliveryDate, in.DeliveryDate, today, AnyDay)
	if fe == nil && o.DeliveryDate != "" && o.OrderDate != "" && o.DeliveryDate < o.OrderDate {
		fe = &FieldError{Field: FDeliveryDate, Code: DateOrder}
	}
	add(fe)
	var es FieldErrors
	o.PaymentTerms, o.TermsDays, es = validateTerms(in.PaymentTerms, in.TermsDays)
	errs = append(errs, es...)
	if len(in.Lines) == 0 {
		add(&FieldError{Field: FLines, Code: Required})
	}
	lines := make([]orderLine, len(in.Lines))
	for i, li := range in.Lines {
		lines[i], es = li.validate(i + 1)
		errs = append(errs, es...)
	}
	return o, lines, errs
}

// readyLines fills the defaults of typed lines and completes them from
// the catalogue, returning the warnings; what is wrong with the lines
// comes back as FieldErrors.
func (d *Desk) readyLines(ctx context.Context, tx *store.Tx, lines []orderLine) (FieldErrors, error) {
	errs, err := d.fillLineDefaults(ctx, tx, lines)
	if err == nil && len(errs) > 0 {
		err = errs
	}
	if err != nil {
		return nil, err
	}
	warn, errs, err := completeLines(ctx, tx, lines)
	if err == nil && len(errs) > 0 {
		err = errs
	}
	return warn, err
}

// completeLines matches the lines with the catalogue (unknown grade/specs
// are warnings), weighs pieces of a product with a unit weight, and works
// out each amount, refusing hand-typed totals that disagree.
func completeLines(ctx context.Context, tx *store.Tx, lines []orderLine) (warn, errs FieldErrors, err error) {
	fields := make([]lineFields, len(lines))
	for i, l := range lines {
		fields[i] = lineFields{grade: l.Grade, name: l.Name, spec: l.Spec}
	}
	if warn, errs, err = matchLines(ctx, tx, fields); err != nil {
		return nil, nil, err
	}
	for i := range lines {
		l := &lines[i]
		l.Name, l.ProductID, l.Unknown = fields[i].name, fields[i].productID, fields[i].unknown
		if !l.weightSet && l.Unit == "pcs" && l.ProductID != 0 {
			p, err := tx.Product(ctx, l.ProductID)
			if err != nil {
				return nil, nil, err
			}
			// pieces × kg per piece, to the kg (thousandths of a tonne).
			l.Weight = store.Milli((int64(l.Qty)*int64(p.UnitWeight) + 500_000) / 1_000_000)
		}
		if fe := l.price(i + 1); fe != nil {
			errs = append(errs, fe)
		}
	}
	return warn, errs, nil
}

func storeLines(lines []orderLine) []store.OrderLine {
	out := make([]store.OrderLine, len(lines))
	for i, l := range lines {
		out[i] = l.OrderLine
	}
	return out
}

// CreateOrder enters an order typed fresh, as a draft with a provisional
// reference. Unknown grade/specs come back as warnings.
func (d *Desk) CreateOrder(ctx context.Context, in OrderInput) (id int64, warn FieldErrors, err error) {
	if err := permit(d.User, EditOrders, ""); err != nil {
		return 0, nil, err
	}
	o, lines, errs := in.validate(d.e.today())
	if len(errs) > 0 {
		return 0, nil, errs
	}
	err = d.e.st.Write(ctx, func(tx *store.Tx) error {
		c, err := d.customerFor(ctx, tx, o.CustomerID, "save")
		if err != nil {
			return err
		}
		if o.PaymentTerms == "" {
			o.PaymentTerms, o.TermsDays = c.PaymentTerms, c.TermsDays
		}
		if o.Weighing == "" {
			if o.Weighing, err = weighingFor(ctx, tx, c); err != nil {
				return err
			}
		}
		if warn, err = d.readyLines(ctx, tx, lines); err != nil {
			return err
		}
		o.Lines = storeLines(lines)
		id, _, err = tx.CreateOrder(ctx, d.User.ID, Order.Initial(), o)
		return err
	})
	if err != nil {
		return 0, nil, refusalFromStore(err, "save")
	}
	d.e.feed.Publish(Change{Kind: store.OrderKind, ID: id})
	return id, warn, nil
}

// UpdateOrder saves an edited order version (a draft, or one sent back)
// typed over orig. If anyone changed it since orig was read (its
// Version), nothing is written and a *store.ConflictError names what
// they changed.
func (d *Desk) UpdateOrder(ctx context.Context, orig store.Order, in OrderInput) (warn FieldErrors, err error) {
	if err := permit(d.User, EditOrders, ""); err != nil {
		return nil, err
	}
	err = d.e.st.Write(ctx, func(tx *store.Tx) error {
		cur, err := tx.Order(ctx, orig.DocID)
		if err != nil {
			return err
		}
		if cur.Version != orig.Version {
			return orderConflict(orig, cur)
		}
		if _, err := d.editable(ctx, tx, orig.DocID, cur.Version, Order); err != nil {
			return err
		}
		if _, err := d.customerFor(ctx, tx, cur.CustomerID, "save"); err != nil {
			return err
		}
		h, lines, errs := in.validate(d.e.today())
		if len(errs) > 0 {
			return errs
		}
		if warn, err = d.readyLines(ctx, tx, lines); err != nil {
			return err
		}
		if h.PaymentTerms == "" {
			h.PaymentTerms, h.TermsDays = cur.PaymentTerms, cur.TermsDays
		}
		if h.Weighing == "" {
			h.Weighing = cur.Weighing
		}
		h.DocID, h.CustomerID, h.Total = cur.DocID, cur.CustomerID, store.OrderTotal(storeLines(lines))
		writes, err := orderLineWrites(cur, lines)
		if err != nil {
			return err
		}
		header := orderHeaderDiffers(h, cur)
		// Several rows written are written inside an edit window, which
		// moves the version once; one row moves it itself.
		if len(writes) > 1 || (header && len(writes) > 0) {
			if err := tx.OpenEdit(ctx, d.User.ID, cur.DocID); err != nil {
				return err
			}
		}
		if header {
			if err := tx.UpdateOrder(ctx, d.User.ID, h); err != nil {
				return err
			}
		}
		if err := writeOrderLines(ctx, tx, d.User.ID, cur.DocID, writes); err != nil {
			return err
		}
		return tx.IndexOrder(ctx, cur.DocID) // the window closes with the transaction
	})
	if err != nil {
		return nil, refusalFromStore(err, "save")
	}
	d.e.feed.Publish(Change{Kind: store.OrderKind, ID: orig.DocID})
	return warn, nil
}

func orderHeaderDiffers(a, b store.Order) bool {
	return a.OrderDate != b.OrderDate || a.DeliveryDate != b.DeliveryDate || a.CustomerName != b.CustomerName ||
		a.Contact != b.Contact || a.Phone != b.Phone || a.ShipTo != b.ShipTo || a.PaymentTerms != b.PaymentTerms ||
		a.TermsDays != b.TermsDays || a.SigningPlace != b.SigningPlace || a.Weighing != b.Weighing || a.Total != b.Total || a.Notes != b.Notes
}

// orderConflict names what changed between the version a form was typed
// over and the one stored now: header fields by name, "lines" when any
// line changed, "status" when it moved.
func orderConflict(orig, cur store.Order) error {
	c := &store.ConflictError{What: cur.Ref, By: cur.UpdatedBy}
	for _, f := range []struct {
		name string
		a, b any
	}{
		{"status", orig.Status, cur.Status}, {FOrderDate, orig.OrderDate, cur.OrderDate}, {FDeliveryDate, orig.DeliveryDate, cur.DeliveryDate},
		{FCustomerName, orig.CustomerName, cur.CustomerName}, {FContact, orig.Contact, cur.Contact}, {FPhone, orig.Phone, cur.Phone},
		{FShipTo, orig.ShipTo, cur.ShipTo}, {FPaymentTerms, orig.PaymentTerms + itoa(orig.TermsDays), cur.PaymentTerms + itoa(cur.TermsDays)},
		{FSigningPlace, orig.SigningPlace, cur.SigningPlace}, {FWeighing, orig.Weighing, cur.Weighing}, {FNotes, orig.Notes, cur.Notes},
	} {
		if f.a != f.b {
			c.Fields = append(c.Fields, f.name)
		}
	}
	if !sameLines(orig.Lines, cur.Lines) {
		c.Fields = append(c.Fields, FLines)
	}
	return c
}

func sameLines(a, b []store.OrderLine) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		x.Stock, y.Stock = nil, nil
		if x != y {
			return false
		}
	}
	return true
}

// orderLineWrite is one write syncing a form's lines over a version's:
// a line added (ID 0), changed, or taken out (remove).
type orderLineWrite struct {
	line   store.OrderLine
	remove bool
}

// orderLineWrites plans the writes that put the form's lines over a
// version's: updated, added, and removed lines (removed lines stay in the
// table, marked). A line the version does not hold is ErrNotFound.
func orderLineWrites(old store.Order, lines []orderLine) ([]orderLineWrite, error) {
	kept := map[int64]store.OrderLine{}
	for _, l := range old.Lines {
		kept[l.ID] = l
	}
	var out []orderLineWrite
	for _, ol := range lines {
		l := ol.OrderLine
		l.DocID = old.DocID
		prev, ok := kept[l.ID]
		switch {
		case l.ID == 0:
			out = append(out, orderLineWrite{line: l})
		case !ok:
			return nil, store.ErrNotFound
		default:
			delete(kept, l.ID)
			l.LineNo, l.QuoteLineID, l.Stock = prev.LineNo, prev.QuoteLineID, nil
			prev.Stock = nil
			if l != prev {
				out = append(out, orderLineWrite{line: l})
			}
		}
	}
	for _, l := range old.Lines {
		if _, gone := kept[l.ID]; gone {
			out = append(out, orderLineWrite{line: l, remove: true})
		}
	}
	return out, nil
}

// writeOrderLines makes the planned writes.
func writeOrderLines(ctx context.Context, tx *store.Tx, by, docID int64, writes []orderLineWrite) error {
	for _, w := range writes {
		var err error
		switch {
		case w.remove:
			err = tx.RemoveOrderLine(ctx, by, docID, w.line.ID)
		case w.line.ID == 0:
			_, err = tx.AddOrderLine(ctx, by, docID, w.line)
		default:
			err = tx.UpdateOrderLine(ctx, by, w.line)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
