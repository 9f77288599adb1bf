package workflow

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"orderdesk/store"
)

// gate is who workflow says may call a Desk method: a permission, a
// screen, or everyone (with the reason the method needs no role).
type gate struct {
	perm   Permission
	screen string
	anyone string // why every user may call it
}

func (g gate) allows(u store.User) bool {
	switch {
	case g.anyone != "":
		return true
	case g.perm != "":
		return Can(u, g.perm)
	default:
		return SeesScreen(u, g.screen)
	}
}

func (g gate) String() string {
	if g.perm != "" {
		return "permission " + string(g.perm)
	}
	return "screen " + g.screen
}

func perm(p Permission) gate   { return gate{perm: p} }
func screen(s string) gate     { return gate{screen: s} }
func everyone(why string) gate { return gate{anyone: why} }

// The transition methods carry their authority in the kinds' declared
// transitions: Check refuses a role the transition does not name, on
// the document itself (engine_test.go, and each kind's tests).
const transition = "a transition: Check refuses a role its kind's transition does not name"

// deskGates lists every exported Desk method with who may call it. A
// method missing here fails TestEveryDeskMethodChecksItsRole: a new
// method must say who may call it.
var deskGates = map[string]gate{
	// people, keys and passphrases
	"AddUser":       perm(ManageUsers),
	"SetRoles":      perm(ManageUsers),
	"SetActive":     perm(ManageUsers),
	"AddKey":        perm(ManageUsers),
	"RemoveKey":     perm(ManageUsers),
	"Keys":          perm(ManageUsers),
	"Users":         perm(ManageUsers),
	"SetPassphrase": everyone("sets only the caller's own passphrase; another's is refused whatever the roles"),
	"SignAtDesk":    everyone("another person signs at this terminal: the signer's own roles are checked, by Check"),
	"SalesReps":     everyone("the reps' names, to pick an owner on the customer and order forms"),

	// the shared desk
	"Feed":            everyone("announces that something changed, never what it holds"),
	"Presence":        everyone("who has a document open, by name"),
	"Inbox":           everyone("the caller's own review inbox, as the kinds' transitions fill it"),
	"WaitingOnOthers": everyone("what the caller is waiting for, their own documents"),
	"Document":        everyone("the review inbox of every role opens its documents; the inbox offers only what the caller may act on"),
	"Act":             everyone(transition),
	"ActOn":           everyone(transition),
	"SaveDraft":       everyone("the caller's own drafts"),
	"LoadDraft":       everyone("the caller's own drafts"),
	"DiscardDraft":    everyone("the caller's own drafts"),
	"TaskFor":         everyone("a pure question about a task already read"),
	"FindCustomer":    everyone("a customer's id from its name or code: what the reports take, no figures"),

	// customers and products
	"Customers":      everyone("the customer lookup of every screen; money blanked by SeesMoneyOf"),
	"CustomerFile":   everyone("quantities and contacts for all; money blanked by SeesMoneyOf"),
	"CreateCustomer": perm(EditCustomers),
	"UpdateCustomer": perm(EditCustomers),
	"VoidCustomer":   perm(EditCustomers),
	"AddVisit":       perm(EditCustomers),
	"Products":       screen(ScreenProducts),
	"SaveProduct":    perm(EditProducts),
	"VoidProduct":    perm(EditProducts),

	// inquiries, quotes and prices
	"NewInquiryInput":         perm(EditInquiries),
	"CreateInquiry":           perm(EditInquiries),
	"UpdateInquiry":           perm(EditInquiries),
	"Inquiry":                 screen(ScreenInquiries),
	"Inquiries":               screen(ScreenInquiries),
	"OpenInquiries":           screen(ScreenInquiries),
	"FlaggedLines":            screen(ScreenInquiries),
	"CreateQuote":             perm(EditInquiries),
	"UpdateQuote":             perm(EditInquiries),
	"PriceLine":               perm(EditInquiries),
	"SubmitQuote":             everyone(transition),
	"ReviseQuote":             everyone(transition),
	"Quote":                   everyone("every role opens a quote from its inbox; money blanked by SeesMoneyOf"),
	"Quotes":                  everyone("quantities for all; money blanked by SeesMoneyOf"),
	"QuotesToFollowUp":        screen(ScreenPricing),
	"PriceContext":            screen(ScreenPricing),
	"LinePriceContext":        screen(ScreenPricing),
	"RequestQuoteLinePrice":   perm(RequestPrices),
	"RequestInquiryLinePrice": perm(RequestPrices),
	"PriceRequestsWaiting":    everyone("the caller's own open requests (every role's review inbox lists them)"),
	"AnswerPriceRequest":      perm(AnswerPrices),
	"PriceRequestsToAnswer":   perm(AnswerPrices),
	"ProposePriceChange":      perm(ProposePrices),
	"UpdatePriceChange":       perm(ProposePrices),
	"OpenPriceChanges":        perm(SeePriceList),
	"PriceList":               perm(SeePriceList),
	"PriceListHistory":        perm(SeePriceList),
	"MarketPrices":            perm(SeePriceList),
	"LatestMarketPrices":      perm(SeePriceList),
	"MarketPriceHistory":      perm(SeePriceList),
	"RecordMarketPrice":       perm(RecordMarket),

	// orders
	"Order":                 screen(ScreenOrders),
	"Orders":                screen(ScreenOrders),
	"OrderAudit":            screen(ScreenOrders),
	"OrderByNumber":         screen(ScreenOrders),
	"ContractOf":            screen(ScreenOrders),
	"NewOrderInput":         perm(EditOrders),
	"CreateOrder":           perm(EditOrders),
	"UpdateOrder":           perm(EditOrders),
	"CreateOrderFromQuote":  perm(EditOrders),
	"CopyOrder":             perm(EditOrders),
	"OrderLineDefaults":     perm(EditOrders),
	"PricesChanged":         perm(EditOrders),
	"WonQuotesWithoutOrder": perm(EditOrders),
	"SubmitOrder":           everyone(transition),
	"RecordSignBack":        perm(EditOrders),
	"ReviseOrder":           perm(EditOrders),
	"RequestCancel":         perm(EditOrders),
	"RecordStockAnswer":     perm(RecordStock),
	"RequestStock":          perm(RequestStock),
	"StockRequestsWaiting":  everyone("the caller's own open requests"),
	"ReplyStockRequest":     perm(AnswerStock),
	"StockRequestsToAnswer": perm(AnswerStock),

	// delivery notes
	"NewDeliveryInput": perm(EditDeliveries),
	"CreateDelivery":   perm(EditDeliveries),
	"UpdateDelivery":   perm(EditDeliveries),
	"SubmitDelivery":   everyone(transition),
	"Release":          everyone(transition),
	"Deliver":          everyone(transition),
	"VoidDelivery":     everyone(transition),
	"RequestOverride":  perm(EditDeliveries),
	"Dispatch":         perm(EditDeliveries),
	"Load":             perm(LoadDeliveries),
	"ConfirmPayment":   perm(ConfirmPayments),
	"Delivery":         screen(ScreenShipping),
	"Deliveries":       screen(ScreenShipping),
	"DeliveryByRef":    screen(ScreenShipping),
	"DeliveryPrintout": screen(ScreenShipping),
	"GateOf":           screen(ScreenShipping),
	"OrdersToShip":     screen(ScreenShipping),
	"OrderShipping":    screen(ScreenShipping),
	"ShippingInbox":    screen(ScreenShipping),
	"Overrides":        perm(SeeOverrides),

	// invoices and money
	"NewInvoiceInput": perm(EditInvoices),
	"InvoiceLinesFor": perm(EditInvoices),
	"CreateInvoice":   perm(EditInvoices),
	"UpdateInvoice":   perm(EditInvoices),
	"SubmitInvoice":   everyone(transition),
	"CheckInvoice":    everyone(transition),
	"SendBackInvoice": everyone(transition),
	"VoidInvoice":     everyone(transition),
	"IssueInvoice":    everyone(transition),
	"MailInvoice":     everyone(transition),
	"Invoice":         screen(ScreenInvoices),
	"Invoices":        screen(ScreenInvoices),
	"OrdersToInvoice": screen(ScreenInvoices),
	"OrderInvoicing":  screen(ScreenInvoices),
	"Receipts":        screen(ScreenInvoices),
	"ReceiptRows":     screen(ScreenInvoices),
	"OpenInvoices":    perm(SeeMoney),
	"Allocations":     perm(SeeMoney),
	"CustomerBalance": perm(SeeMoney),
	"Receivable":      perm(SeeMoney),
	"Balances":        perm(SeeBalances),
	"Import":          perm(ImportRecords),
	"RecordReceipt":   perm(RecordReceipts),
	"AllocationPlan":  perm(SeeMoney),
	"Allocate":        perm(RecordReceipts),

	// credits (红字发票)
	"NewCreditInput":    perm(EditInvoices),
	"CreateCredit":      perm(EditInvoices),
	"EditCredit":        perm(EditInvoices),
	"UpdateCredit":      perm(EditInvoices),
	"DraftReturnCredit": perm(EditInvoices),
	"SubmitCredit":      everyone(transition),
	"CheckCredit":       everyone(transition),
	"SendBackCredit":    everyone(transition),
	"VoidCredit":        everyone(transition),
	"IssueCredit":       everyone(transition),
	"Credit":            screen(ScreenInvoices),
	"Credits":           screen(ScreenInvoices),
	"AllocateCredit":    perm(RecordReceipts),

	// sales statistics
	"Statistics":          screen(ScreenStatistics),
	"StatisticsRowsFirst": screen(ScreenStatistics),
	"StatisticsTrace":     screen(ScreenStatistics),

	// the manager's dashboard and the screen a desk opens on
	"Dashboard":        screen(ScreenDashboard),
	"RefreshDashboard": screen(ScreenDashboard),
	"StartScreen":      everyone("the caller's own start screen; one their roles no longer show reads as none"),
	"SetStartScreen":   everyone("sets only the caller's own start screen; a screen their roles do not show is refused"),

	// the month's reconciliation, statements and collections
	"MonthReconciliation":  screen(ScreenReconciliation),
	"StartReconciliation":  perm(ReconcileMonths),
	"AddDifference":        perm(WorkMonths),
	"ResolveDifference":    perm(WorkMonths),
	"SubmitReconciliation": perm(WorkMonths),
	"SignOffMonth":         everyone(transition),
	"RequestReopening":     perm(WorkMonths),
	"IssueStatement":       perm(ReconcileMonths),
	"RecordStatementReply": perm(ReconcileMonths),
	"StatementPrintout":    screen(ScreenReconciliation),
	"MonthStatements":      screen(ScreenReconciliation),
	"Collections":          screen(ScreenReconciliation),
	"CollectionPlan":       screen(ScreenReconciliation),
	"MyCollectionTasks":    everyone("the caller's own collection tasks, as their roles give them"),
	"RemindRep":            perm(ChaseCollections),
	"FileUnpaidReport":     perm(FileUnpaid),
	"SendOverdueLetter":    perm(SendLetters),

	// sales plans and targets
	"CreatePlan":       perm(DraftPlans),
	"UpdatePlan":       perm(DraftPlans),
	"SubmitPlan":       everyone(transition),
	"Plan":             screen(ScreenPlans),
	"Plans":            screen(ScreenPlans),
	"RecordPlanResult": perm(DraftPlans),
	"ProductGroups":    screen(ScreenPlans),
	"CreateTarget":     perm(DraftPlans),
	"UpdateTarget":     perm(DraftPlans),
	"Targets":          screen(ScreenPlans),
	"PlanVsActual":     screen(ScreenPlans),

	// the monthly purchase plan
	"CreatePurchasePlan": perm(DraftPurchasePlans),
	"UpdatePurchasePlan": perm(DraftPurchasePlans),
	"SubmitPurchasePlan": everyone(transition),
	"SendToPurchasing":   everyone(transition),
	"PurchasePlan":       screen(ScreenPlans),
	"PurchasePlans":      screen(ScreenPlans),

	// reports (日报、周报、月报) and rep reviews
	"Report":     screen(ScreenStatistics),
	"RepReviews": perm(SeeMoney),

	// complaints and follow-up calls
	"RecordComplaint":       perm(RecordComplaints),
	"RecordComplaintAction": perm(RecordComplaints),
	"ResolveComplaint":      perm(RecordComplaints),
	"LinkComplaint":         perm(RecordComplaints),
	"Complaint":             screen(ScreenComplaints),
	"Complaints":            screen(ScreenComplaints),
	"ComplaintsToAct":       perm(RecordComplaints),
	"CustomerAfterSales":    screen(ScreenCustomers),
	"FollowUpsDue":          perm(RecordComplaints),
	"RecordFollowUp":        perm(RecordComplaints),
	"ComplaintStatistics":   screen(ScreenComplaints),

	// leads
	"CreateLead":            perm(EditLeads),
	"UpdateLead":            perm(EditLeads),
	"LogLeadContact":        perm(EditLeads),
	"Lead":                  screen(ScreenLeads),
	"Leads":                 screen(ScreenLeads),
	"LeadMatches":           screen(ScreenLeads),
	"LeadStatistics":        screen(ScreenLeads),
	"LeadStatisticsOf":      screen(ScreenLeads),
	"LeadCustomerInput":     perm(EditCustomers),
	"ConvertLeadToCustomer": perm(EditCustomers),
	"ConvertLeadToInquiry":  perm(EditInquiries),
	"MyLeadTasks":           everyone("the caller's own leads whose next step is overdue"),

	// returns and exchanges
	"NewReturnInput": perm(EditReturns),
	"CreateReturn":   perm(EditReturns),
	"EditReturn":     perm(EditReturns),
	"UpdateReturn":   perm(EditReturns),
	"SubmitReturn":   everyone(transition),
	"CheckReturn":    everyone(transition),
	"VoidReturn":     everyone(transition),
	"ReceiveReturn":  perm(ReceiveReturns),
	"Return":         screen(ScreenReturns),
	"Returns":        screen(ScreenReturns),
	"ExchangeInput":  perm(EditReturns),
	"StartReturn":    perm(EditReturns),
	// visits
	"PlanVisit":         perm(EditVisits),
	"UpdateVisit":       perm(EditVisits),
	"ReviewVisit":       perm(EditVisits),
	"VisitMakers":       perm(EditVisits),
	"Visit":             screen(ScreenVisits),
	"Visits":            screen(ScreenVisits),
	"VisitMatters":      screen(ScreenVisits),
	"VisitMattersTyped": screen(ScreenVisits),
	"VisitStatistics":   screen(ScreenVisits),
	"VisitStatisticsOf": screen(ScreenVisits),
	"VisitPage":         screen(ScreenVisits),
	"MyVisitTasks":      everyone("the caller's own visits waiting for their review"),

	// sales meetings
	"MeetingPeople":   everyone("who may attend, to pick attendees and owners"),
	"CreateMeeting":   perm(EditMeetings),
	"AddActionItem":   perm(EditMeetings),
	"CloseActionItem": perm(EditMeetings),
	"Meeting":         screen(ScreenMeetings),
	"Meetings":        screen(ScreenMeetings),
	"MyActionTasks":   everyone("the caller's own action items due"),

	// materials sent
	"SendMaterial":           perm(EditMaterials),
	"ConfirmMaterialReceipt": perm(EditMaterials),
	"VoidMaterial":           everyone(transition),
	"Material":               screen(ScreenMaterials),
	"Materials":              screen(ScreenMaterials),
	"MaterialDays":           everyone("the configured wait, by which the screens mark rows late"),
	"MyMaterialTasks":        everyone("the caller's own materials waiting for their receipt"),
}

// isRoleRefusal reports whether err refuses the caller for their roles.
func isRoleRefusal(err error) bool {
	var r *Refusal
	if !errors.As(err, &r) {
		return false
	}
	switch r.Code {
	case RoleNotAllowed, FinanceOnly, PurchasingOnly, WarehouseOnly:
		return true
	}
	return false
}

// call calls method m of desk with zero arguments (a background
// context first) and returns the error it returned, if its last result
// is one; a panic is returned as an error.
func call(desk *Desk, m reflect.Method) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	args := []reflect.Value{reflect.ValueOf(desk)}
	for i := 1; i < m.Type.NumIn(); i++ {
		in := m.Type.In(i)
		if in == reflect.TypeFor[context.Context]() {
			args = append(args, reflect.ValueOf(context.Background()))
			continue
		}
		args = append(args, reflect.Zero(in))
	}
	out := m.Func.Call(args)
	if n := len(out); n > 0 && m.Type.Out(n-1) == reflect.TypeFor[error]() {
		if e, _ := out[n-1].Interface().(error); e != nil {
			return e
		}
	}
	return nil
}

// Every exported Desk method refuses, by itself, a caller whose roles
// workflow says may not call it: no method leaves it to a screen.
func TestEveryDeskMethodChecksItsRole(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	sys, _ := f.e.SystemUser(ctx)
	callers := map[string]store.User{"no role": {}}
	for _, r := range AllRoles {
		u, err := f.e.AddUser(ctx, sys, "as_"+string(r), string(r), "", []Role{r})
		if err != nil {
			t.Fatal(err)
		}
		callers[string(r)] = u
	}
	nobody, err := f.e.AddUser(ctx, sys, "as_nobody", "nobody", "", nil)
	if err == nil {
		callers["no role"] = nobody
	} else {
		callers["no role"] = store.User{ID: 999999, Login: "as_nobody", Active: true}
	}

	dt := reflect.TypeFor[*Desk]()
	seen := map[string]bool{}
	for i := 0; i < dt.NumMethod(); i++ {
		m := dt.Method(i)
		seen[m.Name] = true
		g, ok := deskGates[m.Name]
		if !ok {
			t.Errorf("Desk.%s: not in deskGates; say who may call it (and check it in the method)", m.Name)
			continue
		}
		if g.anyone != "" {
			continue
		}
		for name, u := range callers {
			if g.allows(u) {
				continue
			}
			t.Run(m.Name+"/"+name, func(t *testing.T) {
				if err := call(f.e.Desk(u), m); !isRoleRefusal(err) {
					t.Errorf("Desk.%s let %s through (%s): got %v, want a role refusal", m.Name, name, g, err)
				}
			})
		}
	}
	for name := range deskGates {
		if !seen[name] {
			t.Errorf("deskGates names %s, which Desk no longer has", name)
		}
	}
}
