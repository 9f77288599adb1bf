package workflow

import (
	"context"
	"log/slog"
	"strings"

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
}

// New mirrors the kinds' rules into the database and returns an engine.
func New(ctx context.Context, st *store.Store) (*Engine, error) {
	e := &Engine{st: st, kinds: map[string]*Kind{}, feed: NewFeed(), limiter: newLimiter(),
		log: slog.New(slog.DiscardHandler)}
	e.presence = newPresence(e.feed)
	for _, k := range Kinds() {
		e.kinds[k.Name] = k
	}
	states, rules := storeDefs(Kinds())
	if err := st.SyncRules(ctx, states, rules); err != nil {
		return nil, err
	}
	return e, nil
}

// SetLogger sends the engine's log lines (refused passphrases, say) to l.
func (e *Engine) SetLogger(l *slog.Logger) { e.log = l }

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
	var kind string
	err := e.st.Write(ctx, func(tx *store.Tx) error {
		return e.applyTx(ctx, tx, actor, sessionUser, docID, seen, action, comment, &kind)
	})
	if err != nil {
		return refusalFromStore(err, action)
	}
	e.feed.Publish(Change{Kind: kind, ID: docID})
	return nil
}

func (e *Engine) applyTx(ctx context.Context, tx *store.Tx, actor store.User, sessionUser, docID, seen int64, action, comment string, kind *string) error {
	doc, err := tx.Document(ctx, docID)
	if err != nil {
		return err
	}
	if seen != 0 && doc.Version != seen {
		return &Refusal{Code: StaleStatus, Action: action}
	}
	*kind = doc.Kind
	k := e.kinds[doc.Kind]
	if k == nil {
		return &Refusal{Code: NoSuchTransition, Action: action}
	}
	edited, err := tx.EditedThisRound(ctx, docID, actor.ID)
	if err != nil {
		return err
	}
	t, err := Check(k, doc, actor, action, comment, edited)
	if err != nil {
		return err
	}
	return tx.InsertTransition(ctx, store.Transition{
		DocID: docID, Action: action, From: doc.Status, To: t.To,
		ActorID: actor.ID, SignOff: t.SignOff, Comment: strings.TrimSpace(comment), SessionUserID: sessionUser,
	})
}
