package workflow

import (
	"context"

	"orderdesk/store"
)

// State is one status of a document kind.
type State struct {
	Name     string
	Initial  bool
	Editable bool // content may change (by anyone with the right role)
	Final    bool
}

// Transition moves a document from one of From to To. A sign-off is a
// reviewer's decision: the two-person rule applies to it.
type Transition struct {
	Action       string
	From         []string
	To           string
	Roles        []Role
	SignOff      bool
	NeedsComment bool
	MakerOnly    bool // only the document's maker may take it (withdraw, resubmit)
	// Internal transitions are taken by the engine when another document
	// moves (an inquiry follows its quote); nobody takes them by hand.
	Internal bool
	// NeedsPrice: the action carries a price (purchasing's answer), so it
	// is taken through its own form and call, not as a plain action.
	NeedsPrice bool
	// NeedsForm: the action carries what its own form collects (the day
	// a contract came back signed, purchasing's stock-up reply), so it is
	// taken through its own call, not as a plain action.
	NeedsForm bool
}

// Kind declares one document type: its states, its transitions and what
// it does around them, so one declaration tells the kind's whole story.
type Kind struct {
	Name        string
	States      []State
	Transitions []Transition
	// before runs after the rule check and ahead of any of the kind's
	// transitions, whatever path took it (a desk call, the review screen,
	// a sign-off at another's desk); an error refuses the transition.
	before step
	// vet is the part of before that only reads: run again when a
	// document is opened, so a transition it would refuse is not offered
	// (a sign-off key shown to the one person who may not take it).
	vet step
	// after runs once the transition is in, in the same transaction:
	// the documents that follow this one move with it.
	after step
	// explain turns a refusal into a more telling one where the kind
	// knows why.
	explain func(doc store.Document, action string, err error) error
}

// A step is what a kind does around one of its transitions, inside the
// transition's transaction; the database checks the same again with its
// own triggers. It is a method expression of the engine that runs it.
type step func(e *Engine, ctx context.Context, tx *store.Tx, m move) error

// move is one transition being taken: the request, the document as it
// was, the transition, and where to add what else changed.
type move struct {
	applyReq
	doc     store.Document
	t       Transition
	changes *[]Change
}

// changed adds documents that moved with this one.
func (m move) changed(c ...Change) { *m.changes = append(*m.changes, c...) }

// find returns the transition for action from status.
func (k *Kind) find(action, status string) (Transition, bool) {
	for _, t := range k.Transitions {
		if t.Action != action {
			continue
		}
		for _, f := range t.From {
			if f == status {
				return t, true
			}
		}
	}
	return Transition{}, false
}

// Initial returns the status a new document starts in.
func (k *Kind) Initial() string {
	for _, s := range k.States {
		if s.Initial {
			return s.Name
		}
	}
	return ""
}

// Actions lists the actions possible from status, in declaration order.
func (k *Kind) Actions(status string) []Transition {
	var out []Transition
	for _, t := range k.Transitions {
		for _, f := range t.From {
			if f == status {
				out = append(out, t)
			}
		}
	}
	return out
}

// Common action names.
const (
	ActionSubmit   = "submit"
	ActionApprove  = "approve"
	ActionSendBack = "send_back"
	ActionResubmit = "resubmit"
	ActionWithdraw = "withdraw"
)

// TermsChange is a change of a customer's payment terms or credit limit.
// A clerk proposes it; a supervisor or finance signs it off; the database
// applies the approved terms to the customer.
var TermsChange = &Kind{
	Name:        store.TermsChangeKind,
	States:      submittedStates(),
	Transitions: reviewed("approved", []Role{Supervisor, Finance}, deskRoles, "submitted", "sent_back"),
}

// Kinds lists every document kind the desk knows. Later kinds (orders,
// delivery notes, invoices) join this list.
func Kinds() []*Kind {
	return []*Kind{TermsChange, Inquiry, Quote, PriceChange, PriceRequest, Order, OrderCancel, StockRequest, DeliveryNote, ShippingOverride, Invoice, CreditNote, Reconciliation, Reopening, ImportBatch, SalesPlan, SalesTarget, PurchasePlan, Complaint, Lead, Visit, Meeting, ReturnNote}
}

func storeDefs(kinds []*Kind) ([]store.StateDef, []store.RuleDef) {
	var states []store.StateDef
	var rules []store.RuleDef
	for _, k := range kinds {
		for _, s := range k.States {
			states = append(states, store.StateDef{Kind: k.Name, Status: s.Name, Initial: s.Initial, Editable: s.Editable})
		}
		for _, t := range k.Transitions {
			for _, f := range t.From {
				rules = append(rules, store.RuleDef{Kind: k.Name, Action: t.Action, From: f, To: t.To, SignOff: t.SignOff, Roles: roleNames(t.Roles)})
			}
		}
	}
	return states, rules
}

// The shapes most kinds share: a draft its maker submits, a round of
// review a second person signs off, a reasoned request approved or
// refused. Each returns fresh slices, so a kind may append its own.

// drafted lists a draft's states, its round of review, then more.
func drafted(more ...State) []State {
	return append([]State{
		{Name: "draft", Initial: true, Editable: true},
		{Name: "submitted"},
		{Name: "sent_back", Editable: true},
	}, more...)
}

// submittedStates are those of a document that starts submitted and
// ends approved or withdrawn (a sent-back one is edited and resubmitted).
func submittedStates() []State {
	return []State{
		{Name: "submitted", Initial: true, Editable: true},
		{Name: "sent_back", Editable: true},
		{Name: "approved", Final: true},
		{Name: "withdrawn", Final: true},
	}
}

// requestStates are those of a reasoned request: approved, refused or
// withdrawn, never edited after it is made.
func requestStates() []State {
	return []State{
		{Name: "submitted", Initial: true, Editable: true},
		{Name: "approved", Final: true},
		{Name: "refused", Final: true},
		{Name: "withdrawn", Final: true},
	}
}

// submitDraft: the maker sends a draft for review.
func submitDraft(makers []Role) Transition {
	return Transition{Action: ActionSubmit, From: []string{"draft"}, To: "submitted", Roles: makers, MakerOnly: true}
}

// reviewed is a round of review: a signer approves the document (to
// approvedTo) or sends it back with the reason; its maker resubmits it,
// or withdraws it from withdrawFrom (none: it is never withdrawn).
func reviewed(approvedTo string, signers, makers []Role, withdrawFrom ...string) []Transition {
	ts := []Transition{
		{Action: ActionApprove, From: []string{"submitted"}, To: approvedTo, Roles: signers, SignOff: true},
		{Action: ActionSendBack, From: []string{"submitted"}, To: "sent_back", Roles: signers, SignOff: true, NeedsComment: true},
		{Action: ActionResubmit, From: []string{"sent_back"}, To: "submitted", Roles: makers, MakerOnly: true},
	}
	if len(withdrawFrom) > 0 {
		ts = append(ts, Transition{Action: ActionWithdraw, From: withdrawFrom, To: "withdrawn", Roles: makers, MakerOnly: true})
	}
	return ts
}

// requested is a reasoned request: a signer approves or refuses it (with
// the reason); its maker withdraws it while it waits.
func requested(signers, makers []Role) []Transition {
	return []Transition{
		{Action: ActionApprove, From: []string{"submitted"}, To: "approved", Roles: signers, SignOff: true},
		{Action: ActionSendBack, From: []string{"submitted"}, To: "refused", Roles: signers, SignOff: true, NeedsComment: true},
		{Action: ActionWithdraw, From: []string{"submitted"}, To: "withdrawn", Roles: makers, MakerOnly: true},
	}
}

// carried refuses, as a plain action, a step that carries figures of its
// own (a load, an issue): missing names, by action, the code that says
// what is missing. The step's own call takes it as an internal one.
func carried(m move, missing map[string]Code) error {
	if code, ok := missing[m.t.Action]; ok && !m.internal {
		return &Refusal{Code: code, Action: m.t.Action}
	}
	return nil
}
