package store

import (
	"context"
	"strings"
	"time"
)

// Document is the header every reviewed document shares: what kind, its
// status, who made it. Its content lives in tables of its own kind.
type Document struct {
	ID          int64
	Kind        string
	Ref         string
	Status      string
	MakerID     int64
	Maker       string
	SubjectID   int64
	Summary     string
	Version     int64
	StatusSince time.Time
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Transition is one status change, and for sign-offs the reviewer's word.
type Transition struct {
	ID            int64
	DocID         int64
	Action        string
	From, To      string
	ActorID       int64
	Actor         string
	SignOff       bool
	Comment       string
	SessionUserID int64 // the terminal's user, when another signed there
	SessionUser   string
	At            time.Time
}

// StateDef and RuleDef mirror the workflow's declarations into the
// database, where the triggers read them.
type StateDef struct {
	Kind, Status      string
	Initial, Editable bool
}

// RuleDef is one allowed transition.
type RuleDef struct {
	Kind, Action, From, To string
	SignOff                bool
	Roles                  []string
}

// SyncRules writes the workflow's states and rules into the database:
// missing ones are added (to a kind that has documents through the
// additions guard, audited: ruleadditions.go). One that exists with other
// content, or one the workflow does not declare, is left as it is, since
// rules are frozen once written: it is reported by CheckSchema, and writes
// are refused until `orderdesk audit repair`.
func (s *Store) SyncRules(ctx context.Context, states []StateDef, rules []RuleDef) error {
	s.declared.Store(declare(states, rules))
	// Every start declares the same rules, which are nearly always all
	// there: read which are, and write (taking the write lock) only when
	// some are missing or a script left the additions guard open,
	// checking again inside the write.
	var write bool
	err := s.Read(ctx, func(t *Tx) error {
		newStates, newRules, err := t.rulesMissing(ctx, states, rules)
		if err != nil {
			return err
		}
		write = len(newStates) > 0 || len(newRules) > 0
		if !write {
			err = t.row(ctx, `SELECT EXISTS (SELECT 1 FROM wf_additions_guard)`).Scan(&write)
		}
		return err
	})
	if err == nil && write {
		err = s.explain(s.writeWith(ctx, false, func(t *Tx) error {
			newStates, newRules, err := t.rulesMissing(ctx, states, rules)
			if err != nil {
				return err
			}
			return t.addRules(ctx, newStates, newRules)
		}))
	}
	if err != nil {
		return err
	}
	_, err = s.CheckSchema(ctx)
	return err
}

// rulesMissing is what of states and rules the database lacks, read in
// two queries.
func (t *Tx) rulesMissing(ctx context.Context, states []StateDef, rules []RuleDef) ([]StateDef, []RuleDef, error) {
	haveStates, err := keySet(ctx, t, `SELECT kind || '/' || status FROM wf_states`)
	if err != nil {
		return nil, nil, err
	}
	haveRules, err := keySet(ctx, t, `SELECT kind || ' ' || action || ' from ' || from_status FROM wf_rules`)
	if err != nil {
		return nil, nil, err
	}
	var newStates []StateDef
	var newRules []RuleDef
	for _, st := range states {
		if !haveStates[stateKey(st.Kind, st.Status)] {
			newStates = append(newStates, st)
		}
	}
	for _, r := range rules {
		if !haveRules[ruleKey(r.Kind, r.Action, r.From)] {
			newRules = append(newRules, r)
		}
	}
	return newStates, newRules, nil
}

// keySet is the text of q's one column, row by row, as a set; the keys are
// built in SQL as stateKey and ruleKey build them.
func keySet(ctx context.Context, t *Tx, q string) (map[string]bool, error) {
	keys, err := queryAll(ctx, t, scanString, q)
	set := make(map[string]bool, len(keys))
	for _, k := range keys {
		set[k] = true
	}
	return set, err
}

const docCols = `d.id, d.kind, d.ref, d.status, d.maker_id, coalesce(m.name, ''), coalesce(d.subject_id, 0), d.summary,
	d.version, d.status_since, d.created_at, d.updated_at`

func scanDocument(sc scanner) (Document, error) { return scanDocumentAnd(sc) }

// scanDocumentAnd reads docCols, then the columns after them into extra.
func scanDocumentAnd(sc scanner, extra ...any) (Document, error) {
	var d Document
	to := docDest{d: &d}
	err := sc.Scan(append(to.fields(), extra...)...)
	if noRow(err) {
		return d, ErrNotFound
	}
	to.stamp()
	return d, err
}

// docDest is where a row's docCols go: Scan into fields, then stamp
// reads the times.
type docDest struct {
	d                       *Document
	since, created, updated string
}

func (x *docDest) fields() []any {
	d := x.d
	return []any{&d.ID, &d.Kind, &d.Ref, &d.Status, &d.MakerID, &d.Maker, &d.SubjectID, &d.Summary,
		&d.Version, &x.since, &x.created, &x.updated}
}

func (x *docDest) stamp() {
	x.d.StatusSince, x.d.CreatedAt, x.d.UpdatedAt = parseStamp(x.since), parseStamp(x.created), parseStamp(x.updated)
}

// CreateDocument adds a document in its kind's initial status, made by
// maker. When that status is editable the maker's edit window opens with
// it (editwindow.go): the content the maker writes next moves the
// version once, when the transaction closes the window.
func (t *Tx) CreateDocument(ctx context.Context, maker int64, d Document) (int64, error) {
	now := stamp(t.Now)
	id, err := t.insert(ctx, `INSERT INTO documents(kind, ref, status, maker_id, subject_id, summary, status_since, created_at, updated_at, updated_by, edit_open)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
		        CASE WHEN EXISTS (SELECT 1 FROM wf_states WHERE kind = ? AND status = ? AND editable = 1) THEN CAST(? AS INTEGER) END)`,
		d.Kind, d.Ref, d.Status, maker, nullID(d.SubjectID), d.Summary, now, now, now, maker, d.Kind, d.Status, maker)
	if err == nil {
		t.opened(id, maker)
	}
	return id, err
}

// Document loads a document header.
func (t *Tx) Document(ctx context.Context, id int64) (Document, error) {
	return scanDocument(t.row(ctx, `SELECT `+docCols+` FROM documents d LEFT JOIN users m ON m.id = d.maker_id WHERE d.id = ?`, id))
}

// EditDocument records an edit of a document's content by by: its summary
// and version change, and by becomes an editor of this review round. It
// fails with a *ConflictError when the document moved past version.
func (t *Tx) EditDocument(ctx context.Context, by, id, version int64, summary string) error {
	res, err := t.exec(ctx, `UPDATE documents SET summary = ?, version = version + 1, updated_at = ?, updated_by = ?
		WHERE id = ? AND version = ?`, summary, stamp(t.Now), by, id, version)
	if err != nil {
		return classify(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		cur, err := t.Document(ctx, id)
		if err != nil {
			return err
		}
		return &ConflictError{What: cur.Ref, By: cur.Maker, Fields: []string{"status " + cur.Status}}
	}
	return nil
}

// InsertTransition applies a status change. The database checks it again:
// the rule must exist, the actor must hold one of its roles, and a
// sign-off must come from someone who neither made nor edited the
// document in this round.
func (t *Tx) InsertTransition(ctx context.Context, tr Transition) error {
	if err := t.closeWindow(ctx, tr.DocID); err != nil {
		return err
	}
	_, err := t.exec(ctx, `INSERT INTO transitions(doc_id, action, from_status, to_status, actor_id, signoff, comment, session_user_id, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, tr.DocID, tr.Action, tr.From, tr.To, tr.ActorID, tr.SignOff, tr.Comment,
		nullID(tr.SessionUserID), stamp(t.Now))
	return classify(err)
}

// Transitions lists a document's status changes, oldest first.
func (t *Tx) Transitions(ctx context.Context, docID int64) ([]Transition, error) {
	return queryAll(ctx, t, scanTransition, `SELECT t.id, t.doc_id, t.action, t.from_status, t.to_status, t.actor_id, coalesce(u.name, ''),
	       t.signoff, t.comment, coalesce(t.session_user_id, 0), coalesce(su.name, ''), t.at
	  FROM transitions t LEFT JOIN users u ON u.id = t.actor_id LEFT JOIN users su ON su.id = t.session_user_id
	 WHERE t.doc_id = ? ORDER BY t.id`, docID)
}

func scanTransition(sc scanner) (Transition, error) {
	var tr Transition
	var at string
	err := sc.Scan(&tr.ID, &tr.DocID, &tr.Action, &tr.From, &tr.To, &tr.ActorID, &tr.Actor, &tr.SignOff,
		&tr.Comment, &tr.SessionUserID, &tr.SessionUser, &at)
	tr.At = parseStamp(at)
	return tr, err
}

// roundOf is the SQL for a document's review round: how many sign-offs
// accepted it (moved it to a state that cannot be edited). The triggers
// in 0001_foundation.sql count the same way.
func roundOf(docID string) string {
	return `(SELECT count(*) FROM transitions t JOIN documents rd ON rd.id = t.doc_id
	   JOIN wf_states rs ON rs.kind = rd.kind AND rs.status = t.to_status
	  WHERE t.doc_id = ` + docID + ` AND t.signoff = 1 AND rs.editable = 0)`
}

// EditedThisRound reports whether user edited the document since its
// last sign-off.
func (t *Tx) EditedThisRound(ctx context.Context, docID, userID int64) (bool, error) {
	var n int
	err := t.row(ctx, `SELECT count(*) FROM document_editors e WHERE e.doc_id = ? AND e.user_id = ?
		AND e.signoffs_before = `+roundOf("?"), docID, userID, docID).Scan(&n)
	return n > 0, err
}

// InboxItem is a document waiting for a sign-off the user may give.
type InboxItem struct {
	Document
	Actions []string
}

// Inbox lists documents waiting for a sign-off by user: in a status with
// a sign-off rule one of roles may take, neither made nor edited by user
// in this round; oldest first.
func (t *Tx) Inbox(ctx context.Context, userID int64, roles []string, limit int) ([]InboxItem, error) {
	if len(roles) == 0 {
		return nil, nil
	}
	var roleConds []string
	args := []any{}
	for _, r := range roles {
		roleConds = append(roleConds, "instr(r.roles, ?) > 0")
		args = append(args, ","+r+",")
	}
	args = append(args, userID, userID, limit)
	return queryAll(ctx, t, scanInboxItem, `SELECT `+docCols+`, group_concat(r.action)
	  FROM documents d
	  JOIN wf_rules r ON r.kind = d.kind AND r.from_status = d.status AND r.signoff = 1
	  LEFT JOIN users m ON m.id = d.maker_id
	 WHERE (`+strings.Join(roleConds, " OR ")+`)
	   AND d.maker_id <> ?
	   AND NOT EXISTS (SELECT 1 FROM document_editors e WHERE e.doc_id = d.id AND e.user_id = ?
	          AND e.signoffs_before = `+roundOf("d.id")+`)
	 GROUP BY d.id ORDER BY d.status_since, d.id LIMIT ?`, args...)
}

// DocumentsBy lists documents of a kind made by user that are still in
// one of statuses, newest first: "my submissions".
func (t *Tx) DocumentsBy(ctx context.Context, kind string, userID int64, statuses []string, limit int) ([]Document, error) {
	args := []any{kind, userID}
	marks := make([]string, len(statuses))
	for i, s := range statuses {
		marks[i] = "?"
		args = append(args, s)
	}
	args = append(args, limit)
	return queryAll(ctx, t, scanDocument, `SELECT `+docCols+` FROM documents d LEFT JOIN users m ON m.id = d.maker_id
	 WHERE d.kind = ? AND d.maker_id = ? AND d.status IN (`+strings.Join(marks, ",")+`) ORDER BY d.id DESC LIMIT ?`, args...)
}

// WaitingOnOthers lists documents made by user that wait for someone
// else's sign-off, oldest first: what a reviewer could sign at this desk.
func (t *Tx) WaitingOnOthers(ctx context.Context, userID int64, limit int) ([]InboxItem, error) {
	return queryAll(ctx, t, scanInboxItem, `SELECT `+docCols+`, group_concat(r.action)
	  FROM documents d
	  JOIN wf_rules r ON r.kind = d.kind AND r.from_status = d.status AND r.signoff = 1
	  LEFT JOIN users m ON m.id = d.maker_id
	 WHERE d.maker_id = ?
	 GROUP BY d.id ORDER BY d.status_since, d.id LIMIT ?`, userID, limit)
}

// scanInboxItem reads a document followed by its comma-joined actions.
func scanInboxItem(sc scanner) (InboxItem, error) {
	var actions string
	d, err := scanDocumentAnd(sc, &actions)
	return InboxItem{Document: d, Actions: strings.Split(actions, ",")}, err
}
