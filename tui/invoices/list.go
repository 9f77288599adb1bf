package invoices

import (
	"context"
	"slices"
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/workflow"
)

// The screen's lists in key order.
const (
	listToInvoice = iota
	listDrafts
	listSubmitted
	listChecked
	listIssued
	listOpen
	listReceipts
)

var lists = []struct {
	name   string
	filter store.InvoiceFilter
}{
	{name: "to_invoice"},
	{name: "drafts", filter: store.InvoiceFilter{Statuses: []string{"draft", "sent_back"}}},
	{name: "submitted", filter: store.InvoiceFilter{Statuses: []string{"submitted"}}},
	{name: "checked", filter: store.InvoiceFilter{Statuses: []string{"checked"}}},
	{name: "issued", filter: store.InvoiceFilter{Statuses: []string{"issued"}}},
	{name: "open", filter: store.InvoiceFilter{OpenOnly: true}},
	{name: "receipts"},
}

// invoiceLoader reads a page of an invoice list.
func invoiceLoader(d *workflow.Desk, f store.InvoiceFilter) func(context.Context, store.Page) ([]store.InvoiceRow, error) {
	return func(ctx context.Context, p store.Page) ([]store.InvoiceRow, error) {
		f := f
		f.Query, f.Cursor, f.Backward, f.Limit = p.Query, p.Cursor, p.Backward, p.Limit
		return d.Invoices(ctx, f)
	}
}

// receiptLoader reads a page of receipts with money on account.
func receiptLoader(d *workflow.Desk) func(context.Context, store.Page) ([]store.Receipt, error) {
	return func(ctx context.Context, p store.Page) ([]store.Receipt, error) { return d.ReceiptRows(ctx, true, p) }
}

func (s *Screen) invoicePager() *common.Pager[store.InvoiceRow] {
	if t := s.Lists.Shown; t > listToInvoice && t < listReceipts {
		return s.invoices[t-1]
	}
	return nil
}

// refreshAll reads again what is shown (after a change here or elsewhere).
func (s *Screen) refreshAll() tea.Cmd {
	return tea.Batch(s.Lists.Refresh(), s.ReloadShown(s.loadDetail))
}

// listKeys are what the keys do on the list shown: n raises a request
// only from the orders to invoice; on the receipts n records a receipt
// and enter allocates one.
func (s *Screen) listKeys() []key.Binding {
	k := s.keys
	out := []key.Binding{s.PrevList, s.NextList, k.filter}
	switch s.Lists.Shown {
	case listToInvoice:
		out = append(out, k.open, k.create, k.receipt)
	case listReceipts:
		out = append(out, k.allocate, k.newReceipt)
	default:
		out = append(out, k.open, k.receipt)
	}
	return append(out, k.refresh)
}

func (s *Screen) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	tab := s.Lists.Shown
	switch {
	case key.Matches(msg, k.receipt):
		if p := s.invoicePager(); p != nil {
			if r, ok := p.Current(); ok {
				return s.startReceipt(r.CustomerID, r.Customer, r.Open())
			}
		}
		return s.startReceipt(0, "", 0)
	case key.Matches(msg, k.create) && tab == listReceipts:
		return s.startReceipt(0, "", 0)
	case key.Matches(msg, k.open) && tab == listReceipts:
		if r, ok := s.receipts.Current(); ok {
			return s.startAllocate(r.ID, "")
		}
		return nil
	case key.Matches(msg, k.create), key.Matches(msg, k.open) && tab == listToInvoice:
		if tab != listToInvoice {
			return s.Say(s.c.T("invoices.pick_list"))
		}
		if o, ok := s.orders.Current(); ok && k.create.Enabled() {
			return s.startRequest(o)
		}
		return nil
	case key.Matches(msg, k.open):
		if r, ok := s.invoicePager().Current(); ok {
			s.Mode = docscreen.Detail
			return s.loadDetail(r.DocID)
		}
		return nil
	}
	return s.Lists.Update(msg)
}

// listView draws the list tabs, the filter and the rows.
func (s *Screen) listView() string {
	switch s.Lists.Shown {
	case listToInvoice:
		return s.Lists.TabsView() + "\n" + s.ordersView()
	case listReceipts:
		return s.Lists.TabsView() + "\n" + s.receiptsView()
	}
	return s.Lists.TabsView() + "\n" + s.invoicesView()
}

func (s *Screen) col(key string, w int, right bool) common.Column {
	return common.Column{Title: s.c.T("invoices.col." + key), Width: w, Right: right}
}

func (s *Screen) ordersView() string {
	p := s.orders
	cols := common.Stretch([]common.Column{s.col("order", 16, false), s.col("customer", 26, false), s.col("lines", 5, true),
		s.col("shipped_on", 10, false)}, 1, s.Width)
	return p.View(cols, func(r store.ToInvoice) ([]string, bool) {
		return []string{r.OrderNo, r.Customer, strconv.Itoa(r.Lines), r.LastShipped}, false
	})
}

func (s *Screen) invoicesView() string {
	p := s.invoicePager()
	now := s.c.Now()
	today := now.Format("2006-01-02")
	// An invoice number is shown whole where there is room: 20 digits, or
	// a paper invoice's "CODE-NUMBER" (21).
	const invoiceNoWidth = 21
	if s.Lists.Shown == listOpen {
		cols := common.Stretch([]common.Column{s.col("invoice_no", invoiceNoWidth, false), s.col("customer", 22, false), s.col("order", 14, false),
			s.col("issued_on", 10, false), s.col("due_on", 10, false), s.col("total", 13, true), s.col("open", 13, true),
			s.col("overdue", 6, true)}, 1, s.Width)
		// In a narrow window the name gives way, then the issue day and the
		// order number go whole: an invoice number, a due day and money are
		// never cut (a number read over the phone must be all there).
		cols = common.Squeeze(cols, s.Width, common.Shrink{Col: 1, Min: 10}, common.Shrink{Col: 3, Min: 0, Whole: true},
			common.Shrink{Col: 2, Min: 0, Whole: true})
		return p.View(cols, func(r store.InvoiceRow) ([]string, bool) {
			late := daysBetween(r.DueOn, today)
			lateText := ""
			if late > 0 {
				lateText = strconv.Itoa(late)
			}
			return []string{r.InvoiceNo, r.Customer, r.OrderNo, r.IssuedOn, r.DueOn, r.Total.String(), r.Open().String(), lateText}, false
		})
	}
	// Requests not issued yet (drafts, submitted, checked) have no
	// invoice number: its column is left out and the name has the room.
	numbered := s.Lists.Shown == listIssued
	at := func(i int) int { // a column's place with the number left out
		if !numbered && i > 1 {
			return i - 1
		}
		return i
	}
	cols := []common.Column{s.col("ref", 15, false), s.col("invoice_no", invoiceNoWidth, false), s.col("order", 14, false),
		s.col("customer", 22, false), s.col("total", 13, true), s.col("maker", 8, false), s.col("age", 6, true)}
	if !numbered {
		cols = slices.Delete(cols, 1, 2)
	}
	cols = common.Stretch(cols, at(3), s.Width)
	// The invoice number, where issued, is never cut: the name gives way,
	// then the maker, the age and, last, the order number go whole.
	cols = common.Squeeze(cols, s.Width, common.Shrink{Col: at(3), Min: 10}, common.Shrink{Col: at(5), Min: 0, Whole: true},
		common.Shrink{Col: at(6), Min: 0, Whole: true}, common.Shrink{Col: at(2), Min: 0, Whole: true})
	return p.View(cols, func(r store.InvoiceRow) ([]string, bool) {
		cells := []string{r.Ref, r.InvoiceNo, r.OrderNo, r.Customer, r.Total.String(), r.Maker, common.Age(s.c.Cat, now, r.StatusSince)}
		if !numbered {
			cells = slices.Delete(cells, 1, 2)
		}
		return cells, false
	})
}

func (s *Screen) receiptsView() string {
	p := s.receipts
	cols := common.Stretch([]common.Column{s.col("received", 10, false), s.col("customer", 22, false), s.col("payer", 16, false),
		s.col("method", s.methodWidth, false), s.col("amount", 13, true), s.col("on_account", 13, true)}, 1, s.Width)
	// The method is whole ("bank transfer") where there is room. In a
	// narrow window the payer (most often the customer) and the name give
	// way, then the payer goes whole, and last the method narrows.
	cols = common.Squeeze(cols, s.Width, common.Shrink{Col: 2, Min: 8}, common.Shrink{Col: 1, Min: 14},
		common.Shrink{Col: 2, Min: 0, Whole: true}, common.Shrink{Col: 1, Min: 12}, common.Shrink{Col: 3, Min: 8})
	return p.View(cols, func(r store.Receipt) ([]string, bool) {
		return []string{r.ReceivedOn, r.Customer, r.Payer, s.c.T("method." + r.Method), r.Amount.String(), r.Unallocated().String()}, false
	})
}

// methodWidth is the receipts' method column: the widest method in the
// language shown ("bank transfer" whole where there is room).
func methodWidth(c *common.Common) int {
	methods := []string{c.T("invoices.col.method")}
	for _, m := range store.ReceiptMethods {
		methods = append(methods, c.T("method."+m))
	}
	return common.Widest(8, methods...)
}

// daysBetween is how many days to lies after from (YYYY-MM-DD); 0 when
// either cannot be read.
func daysBetween(from, to string) int {
	a, err1 := time.Parse("2006-01-02", from)
	b, err2 := time.Parse("2006-01-02", to)
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(b.Sub(a).Hours() / 24)
}
