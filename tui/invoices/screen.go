// Package invoices is the Invoices screen (开票与回款): shipped orders
// waiting for an invoice request, requests waiting for the second
// person's check, for finance's issue and for mailing, open and overdue
// invoices, and finance's receipts with their allocation. Who may do
// what is the workflow's to say.
package invoices

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/workflow"
)

// mode is what the screen shows; it decides where keys go.
type mode = docscreen.Mode

const ()

// formKind is which form is open.
type formKind int

const (
	formRequest formKind = iota
	formIssue
	formMail
	formReceipt
	formAllocate
	formCredit      // a credit of the invoice shown (credits.go)
	formCreditIssue // finance's issue of the credit waiting
)

// Screen is the invoices screen of one session.
type Screen struct {
	docscreen.Base
	c           *common.Common
	keys        keyMap
	methodWidth int // the receipts' method column (list.go), known once a session

	orders   *common.Pager[store.ToInvoice]
	invoices []*common.Pager[store.InvoiceRow] // lists 1..5
	receipts *common.Pager[store.Receipt]

	detail *store.Invoice
	allocs []store.Allocation
	steps  map[string]bool // what the workflow lets this user do to it now

	formKind     formKind
	formReq      int
	orderOf      int64          // the order a request is drawn from
	orderName    string         // its number and customer, for the title
	editing      *store.Invoice // the request being edited
	customer     int64          // the receipt form's customer (0: typed)
	customerName string         // its name as the form opened
	receipt      *store.Receipt // the receipt being allocated
	credits      []store.Credit // the credits of the invoice shown
	creditLeft   store.Money    // what is left to credit of it, as the credit form opened
	issuing      *store.Credit  // the credit finance is issuing
	creditEdit   *store.Credit  // the drafted credit the credit form edits (nil: a new one)
}

// New builds the screen for one session.
func New(c *common.Common) *Screen {
	s := &Screen{c: c, keys: newKeyMap(c), methodWidth: methodWidth(c)}
	s.Base = docscreen.NewBase(c, "invoices", s.detailView)
	d := c.Desk
	s.orders = common.NewPager(c, "invoices.to_invoice", func(r store.ToInvoice) int64 { return r.OrderID }, d.OrdersToInvoice)
	for _, l := range lists[1:listReceipts] {
		f := l.filter
		s.invoices = append(s.invoices, common.NewPager(c, "invoices."+l.name, func(r store.InvoiceRow) int64 { return r.DocID },
			invoiceLoader(d, f)))
	}
	s.receipts = common.NewPager(c, "invoices.receipts", func(r store.Receipt) int64 { return r.ID }, receiptLoader(d))
	s.Lists.Add(lists[listToInvoice].name, s.orders)
	for i, p := range s.invoices {
		s.Lists.Add(lists[i+1].name, p)
	}
	s.Lists.Add(lists[listReceipts].name, s.receipts)
	if workflow.Can(d.User, workflow.RecordReceipts) && !workflow.Can(d.User, workflow.EditInvoices) {
		s.Lists.Shown = listChecked // finance starts at what waits for it
	}
	return s
}

// Init loads the first list.
func (s *Screen) Init() tea.Cmd { return s.Lists.Reload() }

// Title is the tab label.
func (s *Screen) Title() string { return s.c.T("screen.invoices") }

// ShortHelp gives the bindings of what the screen shows.
func (s *Screen) ShortHelp() []key.Binding { return s.Help(s.detailKeys, s.listKeys) }

// FullHelp is the ? help: the same keys, as one group.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

// Update routes a message to what has the focus.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.PageMsg[store.ToInvoice], common.PageMsg[store.InvoiceRow], common.PageMsg[store.Receipt]:
		return s, s.Lists.Update(msg)
	case detailMsg:
		return s, s.applyDetail(msg)
	case formMsg:
		return s, s.applyForm(msg)
	case creditMsg:
		return s, s.applyCredit(msg)
	case doneMsg:
		return s, s.applyDone(msg)
	case common.ChangedMsg:
		switch msg.Change.Kind {
		case store.InvoiceKind, store.OrderKind, store.DeliveryNoteKind, workflow.ReceiptKind, store.CreditKind:
			return s, s.refreshAll()
		}
		return s, nil
	}
	cmd, _ := s.Route(msg, docscreen.Handlers{Form: s.formKey, Detail: s.detailKey, List: s.listKey}, s.loadDetail)
	return s, cmd
}

// View renders the mode shown.
func (s *Screen) View() string { return s.Base.View(s.formView, s.listView) }
