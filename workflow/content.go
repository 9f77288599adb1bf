package workflow

import (
	"context"

	"orderdesk/store"
)

// loadContent fills a document's detail with the content of its kind,
// with money hidden from whoever may not see it.
func (d *Desk) loadContent(ctx context.Context, tx *store.Tx, dd *DocumentDetail) error {
	switch dd.Kind {
	case store.InquiryKind:
		in, err := tx.Inquiry(ctx, dd.ID)
		if err != nil {
			return err
		}
		dd.Inquiry, dd.Customer = &in, in.Customer
	case store.QuoteKind:
		q, err := tx.Quote(ctx, dd.ID)
		if err != nil {
			return err
		}
		if !SeesMoneyOf(d.User, q.RepID) {
			hideQuote(&q)
			dd.MoneyHidden = true
		}
		dd.Quote, dd.Customer = &q, q.Customer
	case store.PriceChangeKind:
		lines, err := tx.PriceChangeLines(ctx, dd.ID, false)
		if err != nil {
			return err
		}
		if !Can(d.User, SeePriceList) {
			for i := range lines {
				lines[i].Price, lines[i].OldPrice = 0, 0
			}
			dd.MoneyHidden = true
		}
		dd.PriceChange = lines
	case store.PriceRequestKind:
		pr, err := tx.PriceRequest(ctx, dd.ID)
		if err != nil {
			return err
		}
		if !d.seesRequestPrice(pr) {
			pr.Price = 0
			dd.MoneyHidden = true
		}
		dd.PriceRequest, dd.Customer = &pr, pr.Customer
	case store.DeliveryNoteKind:
		n, err := tx.DeliveryNote(ctx, dd.ID)
		if err != nil {
			return err
		}
		if !SeesMoneyOf(d.User, n.RepID) {
			hideDelivery(&n)
			dd.MoneyHidden = true
		}
		dd.Delivery, dd.Customer = &n, n.Customer
	case store.ShippingOverrideKind:
		o, err := tx.ShippingOverrideOf(ctx, dd.ID)
		if err != nil {
			return err
		}
		dd.Override, dd.Customer = &o, o.Customer
	case store.InvoiceKind:
		v, err := tx.Invoice(ctx, dd.ID)
		if err != nil {
			return err
		}
		if err := d.moneyOf(v.RepID); err != nil {
			return err
		}
		dd.Invoice, dd.Customer = &v, v.Customer
	case store.CreditKind:
		c, err := tx.Credit(ctx, dd.ID)
		if err != nil {
			return err
		}
		if err := d.moneyOf(c.RepID); err != nil {
			return err
		}
		dd.Credit, dd.Customer = &c, c.Customer
	case store.ReconciliationKind, store.ReopeningKind:
		return d.loadReconContent(ctx, tx, dd)
	case store.ImportBatchKind:
		return d.loadImportContent(ctx, tx, dd)
	case store.ComplaintKind:
		c, err := tx.Complaint(ctx, dd.ID)
		if err != nil {
			return err
		}
		dd.Complaint, dd.Customer = &c, c.Customer
	case store.PlanKind, store.TargetKind:
		return d.loadPlanContent(ctx, tx, dd)
	case store.PurchasePlanKind:
		return loadPurchaseContent(ctx, tx, dd)
	case store.LeadKind:
		// A lead has no sign-off to review; a sales rep opens only their own.
		_, err := d.openLead(ctx, tx, dd.ID, ScreenLeads, false)
		return err
	case store.MeetingKind:
		// The minutes are signed off on the Meetings screen, where they
		// show each decision done or late.
		_, err := d.openMeeting(ctx, tx, dd.ID, ScreenMeetings, false)
		return err
	case store.MaterialKind:
		// An entry of the register has no sign-off; a sales rep opens
		// only what they sent.
		_, err := d.openMaterial(ctx, tx, dd.ID, ScreenMaterials)
		return err
	default:
		return d.loadOrderContent(ctx, tx, dd)
	}
	return nil
}

// hideQuote blanks a quote's prices and amounts.
func hideQuote(q *store.Quote) {
	for i := range q.Lines {
		q.Lines[i].Price, q.Lines[i].Amount = 0, 0
	}
}

// hideQuoteRows blanks the totals of quotes whose customer's money this
// user may not see.
func (d *Desk) hideQuoteRows(rows []store.QuoteRow) {
	for i := range rows {
		if !SeesMoneyOf(d.User, rows[i].RepID) {
			rows[i].Total, rows[i].MoneyHidden = 0, true
		}
	}
}

// seesRequestPrice: purchasing sees the prices it gives; the desk sees
// them as it sees the customer's money.
func (d *Desk) seesRequestPrice(pr store.PriceRequest) bool {
	return d.User.HasRole(string(Purchasing)) || SeesMoneyOf(d.User, pr.RepID)
}

func (d *Desk) hideRequests(rows []store.PriceRequestRow) {
	for i := range rows {
		if !d.seesRequestPrice(rows[i].PriceRequest) {
			rows[i].Price, rows[i].MoneyHidden = 0, true
		}
	}
}
