package workflow

import (
	"context"
	"slices"
	"strings"

	"orderdesk/store"
)

// StockAnswerInput is planning's answer for an order line as the desk
// records it.
type StockAnswerInput struct {
	Answer    string // store.StockAnswers
	Available string // on hand, in the line's unit ("" for none)
	MeetOn    string // the day the line can be met
	Note      string
}

// lineOfOpenOrder loads an order line of an order not yet done with.
func lineOfOpenOrder(ctx context.Context, tx *store.Tx, lineID int64, action string) (store.OrderLine, store.Order, error) {
	l, err := tx.OrderLine(ctx, lineID)
	if err != nil {
		return l, store.Order{}, err
	}
	if l.Removed {
		return l, store.Order{}, store.ErrNotFound
	}
	o, err := tx.OrderHeader(ctx, l.DocID)
	if err != nil {
		return l, o, err
	}
	if !slices.Contains(OpenOrderStatuses, o.Status) {
		return l, o, &Refusal{Code: OrderClosed, Action: action}
	}
	return l, o, nil
}

// RecordStockAnswer records planning's answer for an order line: in
// stock, partly, needs production or needs purchase, and the day it can
// be met. A newer answer replaces it on screen; every answer is kept.
func (d *Desk) RecordStockAnswer(ctx context.Context, lineID int64, in StockAnswerInput) error {
	if err := permit(d.User, RecordStock, ""); err != nil {
		return err
	}
	var errs FieldErrors
	a := store.StockAnswer{LineID: lineID, Answer: strings.TrimSpace(in.Answer), Note: CleanText(in.Note, false)}
	if !slices.Contains(store.StockAnswers, a.Answer) {
		errs.Add(&FieldError{Field: FStockAnswer, Code: InvalidChoice})
	}
	var fe *FieldError
	a.Available, fe = ParseMilliField(FAvailable, in.Available)
	errs.Add(fe)
	a.MeetOn, fe = ParseDayField(FMeetOn, in.MeetOn, d.e.today(), NotPast)
	if fe == nil && a.MeetOn == "" && a.Answer != store.StockInStock {
		fe = &FieldError{Field: FMeetOn, Code: Required}
	}
	errs.Add(fe)
	errs.Add(CheckText(FNote, in.Note, false, MaxShort))
	if len(errs) > 0 {
		return errs
	}
	var docID int64
	err := d.e.st.Write(ctx, func(tx *store.Tx) error {
		l, o, err := lineOfOpenOrder(ctx, tx, lineID, "stock_answer")
		if err != nil {
			return err
		}
		docID = l.DocID
		if a.Answer == store.StockPartial && a.Available >= l.Qty {
			return FieldErrors{{Field: FAvailable, Line: l.LineNo, Code: OutOfRange}}
		}
		if !d.User.HasRole(string(Planning)) {
			if _, err := d.customerFor(ctx, tx, o.CustomerID, "stock_answer"); err != nil {
				return err
			}
		}
		_, err = tx.AddStockAnswer(ctx, d.User.ID, a)
		return err
	})
	if err != nil {
		return refusalFromStore(err, "stock_answer")
	}
	d.e.feed.Publish(Change{Kind: store.OrderKind, ID: docID})
	return nil
}

// StockRequestInput is a stock-up request as typed, for an order line.
type StockRequestInput struct {
	LineID   int64
	OnHand   string // stock on hand, in the line's unit
	Needed   string // the quantity to stock up ("" for the line's shortfall)
	NeededBy string // "" for the order's delivery date
	Usage    string // the customer's usage (用量)
	Note     string
}

// RequestStock raises a stock-up request (备货申请) to purchasing for an
// order line short of stock, with the stock on hand, the customer's
// usage and the quantity needed; it waits in purchasing's inbox. It
// returns the request's id.
func (d *Desk) RequestStock(ctx context.Context, in StockRequestInput) (id int64, err error) {
	if err := permit(d.User, RequestStock, ""); err != nil {
		return 0, err
	}
	var errs FieldErrors
	onHand, fe := ParseMilliField(FOnHand, in.OnHand)
	errs.Add(fe)
	errs.Add(CheckText(FUsage, in.Usage, false, MaxShort))
	errs.Add(CheckText(FNote, in.Note, false, MaxShort))
	neededBy, fe := ParseDayField(FNeededBy, in.NeededBy, d.e.today(), NotPast)
	errs.Add(fe)
	if len(errs) > 0 {
		return 0, errs
	}
	var changes []Change
	err = d.e.st.Write(ctx, func(tx *store.Tx) error {
		changes = changes[:0]
		l, o, err := lineOfOpenOrder(ctx, tx, in.LineID, "request_stock")
		if err != nil {
			return err
		}
		if _, err := d.customerFor(ctx, tx, o.CustomerID, "request_stock"); err != nil {
			return err
		}
		needed := l.Qty - onHand
		if strings.TrimSpace(in.Needed) != "" {
			var fe *FieldError
			if needed, fe = ParseQuantityField(FNeeded, in.Needed, l.Unit); fe != nil {
				return FieldErrors{fe}
			}
		}
		if needed <= 0 {
			return FieldErrors{{Field: FNeeded, Code: NotPositive}}
		}
		if open, err := tx.OpenStockRequest(ctx, l.ID); err != nil || open != 0 {
			if err == nil {
				err = &Refusal{Code: StockRequestOpen, Action: "request_stock"}
			}
			return err
		}
		if neededBy == "" {
			neededBy = o.DeliveryDate
		}
		id, _, err = tx.CreateStockRequest(ctx, d.User.ID, StockRequest.Initial(), store.StockRequest{OrderID: o.DocID, OrderLineID: l.ID,
			CustomerID: o.CustomerID, Grade: l.Grade, Name: l.Name, Spec: l.Spec, Unit: l.Unit, OnHand: onHand, Needed: needed,
			NeededBy: neededBy, Usage: CleanText(in.Usage, false), Note: CleanText(in.Note, false)})
		changes = append(changes, Change{Kind: store.StockRequestKind, ID: id}, Change{Kind: store.OrderKind, ID: o.DocID})
		return err
	})
	if err != nil {
		return 0, refusalFromStore(err, "request_stock")
	}
	d.e.publish(changes)
	return id, nil
}

// StockReplyInput is purchasing's reply to a stock-up request.
type StockReplyInput struct {
	Reply    string // store.StockReplies
	Qty      string // what will come, in the request's unit ("" for all of it)
	ArriveOn string // the day it arrives
	Note     string
}

// ReplyStockRequest gives purchasing's reply to a stock-up request, on
// the request as seen (version seen; 0 for as it is). The database takes
// it only from an active purchasing user who did not ask.
func (d *Desk) ReplyStockRequest(ctx context.Context, docID, seen int64, in StockReplyInput) error {
	if err := permit(d.User, AnswerStock, ActionReply); err != nil {
		return err
	}
	var errs FieldErrors
	reply := strings.TrimSpace(in.Reply)
	if !slices.Contains(store.StockReplies, reply) {
		errs.Add(&FieldError{Field: FReply, Code: InvalidChoice})
	}
	qty, fe := ParseMilliField(FQuantity, in.Qty)
	errs.Add(fe)
	arrive, fe := ParseDayField(FArriveOn, in.ArriveOn, d.e.today(), NotPast)
	if fe == nil && arrive == "" && reply != store.ReplyCannot {
		fe = &FieldError{Field: FArriveOn, Code: Required}
	}
	errs.Add(fe)
	errs.Add(CheckText(FNote, in.Note, reply == store.ReplyCannot, MaxShort))
	if len(errs) > 0 {
		return errs
	}
	return d.writeAndPublish(ctx, ActionReply, func(tx *store.Tx, changes *[]Change) error {
		if err := d.answerable(ctx, tx, docID, seen, store.StockRequestKind, ActionReply); err != nil {
			return err
		}
		sr, err := tx.StockRequest(ctx, docID)
		if err != nil {
			return err
		}
		if reply == store.ReplyWillBuy && qty == 0 {
			qty = sr.Needed
		}
		if err := tx.ReplyStockRequest(ctx, d.User.ID, docID, reply, qty, arrive, CleanText(in.Note, false)); err != nil {
			return err
		}
		if sr.OrderID != 0 {
			*changes = append(*changes, Change{Kind: store.OrderKind, ID: sr.OrderID})
		}
		return d.e.applyTx(ctx, tx, applyReq{actor: d.User, docID: docID, seen: seen, action: ActionReply}, changes)
	})
}

// StockRequestsToAnswer lists the open stock-up requests a purchasing
// user may answer (not their own), oldest first.
func (d *Desk) StockRequestsToAnswer(ctx context.Context) ([]store.StockRequestRow, error) {
	if err := permit(d.User, AnswerStock, ActionReply); err != nil {
		return nil, err
	}
	var rows []store.StockRequestRow
	err := d.e.st.Read(ctx, func(tx *store.Tx) (err error) {
		rows, err = tx.StockRequests(ctx, store.DocFilter{Statuses: []string{"open"}}, 0, 500)
		return err
	})
	rows = slices.DeleteFunc(rows, func(r store.StockRequestRow) bool { return r.MakerID == d.User.ID })
	return rows, err
}

// StockRequestsWaiting lists this user's stock-up requests still waiting
// for purchasing, oldest first.
func (d *Desk) StockRequestsWaiting(ctx context.Context) (rows []store.StockRequestRow, err error) {
	rows, err = read(ctx, d.e, func(tx *store.Tx) ([]store.StockRequestRow, error) {
		return tx.StockRequests(ctx, store.DocFilter{Statuses: []string{"open"}, MakerID: d.User.ID}, 0, 500)
	})
	return rows, err
}
