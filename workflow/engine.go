package workflow

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"orderdesk/store"
)

// Engine applies transitions. It is shared by every session; it holds no
// per-user state.
type Engine struct {
	st       *store.Store
	kinds    map[string]*Kind
	feed     *Feed
	limiter  *limiter
	log      *slog.Logger
	presence *Presence
	loc      *time.Location // where the desk's days begin and end
	series   OrderSeries    // how order numbers are made
}

// New mirrors the kinds' rules into the database and returns an engine.
func New(ctx context.Context, st *store.Store) (*Engine, error) {
	e := &Engine{st: st, kinds: map[string]*Kind{}, feed: NewFeed(), limiter: newLimiter(),
		log: slog.New(slog.DiscardHandler), loc: time.Local, series: DefaultOrderSeries()}
	e.presence = newPresence(e.feed)
	for _, k := range Kinds() {
		e.kinds[k.Name] = k
	}
	states, rules := storeDefs(Kinds())
	if err := st.SyncRules(ctx, states, rules); err != nil {
		return nil, err
	}
	if err := e.MoveVisitLog(ctx); err != nil {
		return nil, err
	}
	e.joinServers(st)
	return e, nil
}

// SetLogger sends the engine's log lines (refused passphrases, say) to l.
func (e *Engine) SetLogger(l *slog.Logger) { e.log = l }

// SetLocation sets the time zone of the desk's calendar (dates typed,
// "today", follow-up days); the default is the machine's.
func (e *Engine) SetLocation(loc *time.Location) { e.loc = loc }

// Now is the store's clock in the desk's time zone.
func (e *Engine) Now() time.Time { return e.st.Now().In(e.loc) }

// Store is the engine's database, for commands that read it directly.
func (e *Engine) Store() *store.Store { return e.st }

// Feed is where the engine announces changes to every session.
func (e *Engine) Feed() *Feed { return e.feed }

// Kind returns a declared kind, or nil.
func (e *Engine) Kind(name string) *Kind { return e.kinds[name] }

// Check decides whether actor may take action on doc. It is pure: the
// caller says whether the actor edited the document in this round.
func Check(k *Kind, doc store.Document, actor store.User, action, comment string, editedThisRound bool) (Transition, error) {
	t, ok := k.find(action, doc.Status)
	if !ok {
		return t, &Refusal{Code: NoSuchTransition, Action: action}
	}
	if !actor.Active || !hasAnyRole(actor, t.Roles) {
		return t, &Refusal{Code: RoleNotAllowed, Action: action, Roles: t.Roles}
	}
	if t.MakerOnly && actor.ID != doc.MakerID {
		return t, &Refusal{Code: MakerOnly, Action: action}
	}
	if t.SignOff && actor.ID == doc.MakerID {
		return t, &Refusal{Code: MakerCannotSignOff, Action: action}
	}
	if t.SignOff && editedThisRound {
		return t, &Refusal{Code: EditorCannotSignOff, Action: action}
	}
	if t.NeedsComment && strings.TrimSpace(comment) == "" {
		return t, &Refusal{Code: CommentRequired, Action: action}
	}
	return t, nil
}

// Apply takes action on document docID as actor, in one transaction with
// its audit records. The database checks the same rules again.
func (e *Engine) Apply(ctx context.Context, actor store.User, docID int64, action, comment string) error {
	return e.apply(ctx, actor, 0, docID, action, comment)
}

// apply takes the action; sessionUser is the terminal's user when another
// person signs there (0 otherwise), recorded beside the signer.
func (e *Engine) apply(ctx context.Context, actor store.User, sessionUser, docID int64, action, comment string) error {
	return e.applySeen(ctx, actor, sessionUser, docID, 0, action, comment)
}

// applySeen takes the action only if the document is still at version
// seen (0: whatever it is now), so a reviewer signs what they looked at
// and not an edit made meanwhile.
func (e *Engine) applySeen(ctx context.Context, actor store.User, sessionUser, docID, seen int64, action, comment string) error {
	var changes []Change
	err := e.st.Write(ctx, func(tx *store.Tx) error {
		changes = changes[:0]
		return e.applyTx(ctx, tx, applyReq{actor: actor, sessionUser: sessionUser, docID: docID, seen: seen, action: action, comment: comment}, &changes)
	})
	if err != nil {
		return refusalFromStore(err, action)
	}
	e.publish(changes)
	return nil
}

// publish announces each change once.
func (e *Engine) publish(changes []Change) {
	seen := map[Change]bool{}
	for _, c := range changes {
		if !seen[c] {
			seen[c] = true
			e.feed.Publish(c)
		}
	}
}

// applyReq is one action to take on a document.
type applyReq struct {
	actor       store.User
	sessionUser int64 // the terminal's user when another signs there
	docID, seen int64
	action      string
	comment     string
	internal    bool // taken by the engine as another document moves
}

// applyTx takes the action inside tx and adds what changed (the document,
// and any document that follows it) to changes.
func (e *Engine) applyTx(ctx context.Context, tx *store.Tx, r applyReq, changes *[]Change) error {
	doc, err := tx.Document(ctx, r.docID)
	if err != nil {
		return err
	}
	if r.seen != 0 && doc.Version != r.seen {
		return &Refusal{Code: StaleStatus, Action: r.action}
	}
	k := e.kinds[doc.Kind]
	if k == nil {
		return &Refusal{Code: NoSuchTransition, Action: r.action}
	}
	edited, err := tx.EditedThisRound(ctx, r.docID, r.actor.ID)
	if err != nil {
		return err
	}
	t, err := Check(k, doc, r.actor, r.action, r.comment, edited)
	if err != nil {
		if k.explain != nil {
			err = k.explain(doc, r.action, err)
		}
		return err
	}
	if t.Internal && !r.internal {
		return &Refusal{Code: NotAllowed, Action: r.action}
	}
	m := move{applyReq: r, doc: doc, t: t, changes: changes}
	if k.before != nil {
		if err := k.before(e, ctx, tx, m); err != nil {
			return err
		}
	}
	if err := tx.InsertTransition(ctx, store.Transition{
		DocID: r.docID, Action: r.action, From: doc.Status, To: t.To,
		ActorID: r.actor.ID, SignOff: t.SignOff, Comment: strings.TrimSpace(r.comment), SessionUserID: r.sessionUser,
	}); err != nil {
		return err
	}
	*changes = append(*changes, Change{Kind: doc.Kind, ID: r.docID})
	if k.after == nil {
		return nil
	}
	return k.after(e, ctx, tx, m)
}

// read returns what get reads, in one read transaction.
func read[T any](ctx context.Context, e *Engine, get func(tx *store.Tx) (T, error)) (T, error) {
	var v T
	err := e.st.Read(ctx, func(tx *store.Tx) (err error) {
		v, err = get(tx)
		return err
	})
	return v, err
}
