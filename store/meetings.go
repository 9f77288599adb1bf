package store

import (
	"context"
	"strings"
	"time"
)

// MeetingKind is the document kind of a sales meeting's minutes (销售会议,
// 0023_meetings.sql).
const MeetingKind = "meeting"

// Meeting is the minutes of a sales meeting: when and where it was held,
// who attended, what was decided and the action items.
type Meeting struct {
	DocID       int64
	Ref         string
	Status      string
	Version     int64
	MakerID     int64
	Maker       string
	HeldOn      string // YYYY-MM-DD
	Place       string
	CreatedAt   time.Time
	StatusSince time.Time
	Actions     int // its action items (lists)
	OpenActions int // of them still open
	LateActions int // open past their due day as of the day asked (lists)
	Attendees   []MeetingAttendee
	Decisions   []MeetingDecision
	Items       []ActionItem // oldest first (Meeting only)
	Reason      string       // why it was voided (Meeting only)
}

// MeetingAttendee is one who attended.
type MeetingAttendee struct {
	UserID int64
	Name   string
}

// MeetingDecision is one decision of the minutes, numbered from 1.
type MeetingDecision struct {
	No   int
	Text string
}

// ActionItem is what an owner does about a decision by a due day, and
// once done, what was done, on which day and by whom.
type ActionItem struct {
	ID         int64
	DocID      int64
	MeetingRef string
	HeldOn     string
	DecisionNo int
	Decision   string
	OwnerID    int64
	Owner      string
	DueOn      string
	What       string
	Done       string // what was done ("" while open)
	DoneOn     string
	DoneBy     string
	DoneByID   int64
}

// IsDone reports whether the item was closed.
func (a ActionItem) IsDone() bool { return a.DoneOn != "" }

// NewMeeting is the minutes as first written.
type NewMeeting struct {
	HeldOn, Place string
	Attendees     []int64
	Decisions     []string
}

// NewActionItem is an action item added to the minutes.
type NewActionItem struct {
	DecisionNo  int
	OwnerID     int64
	DueOn, What string
}

// CreateMeeting opens the minutes (numbered HY2026-000001) in
// initialStatus, made by by, with its attendees and decisions.
func (t *Tx) CreateMeeting(ctx context.Context, by int64, initialStatus string, m NewMeeting) (int64, string, error) {
	docID, ref, err := t.openNumbered(ctx, by, "HY", Document{Kind: MeetingKind, Status: initialStatus, Summary: m.HeldOn + " " + m.Place})
	if err != nil {
		return 0, "", err
	}
	now := stamp(t.Now)
	if _, err = t.exec(ctx, `INSERT INTO meetings(doc_id, held_on, place, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)`,
		docID, m.HeldOn, m.Place, now, now, by); err != nil {
		return 0, "", classify(err)
	}
	for _, u := range m.Attendees {
		if _, err = t.exec(ctx, `INSERT INTO meeting_attendees(doc_id, user_id, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)`,
			docID, u, now, now, by); err != nil {
			return 0, "", classify(err)
		}
	}
	for i, d := range m.Decisions {
		if _, err = t.exec(ctx, `INSERT INTO meeting_decisions(doc_id, no, decision, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)`,
			docID, i+1, d, now, now, by); err != nil {
			return 0, "", classify(err)
		}
	}
	return docID, ref, nil
}

// AddActionItem adds an action item to open minutes.
func (t *Tx) AddActionItem(ctx context.Context, by, docID int64, a NewActionItem) (int64, error) {
	now := stamp(t.Now)
	return t.insert(ctx, `INSERT INTO meeting_actions(doc_id, decision_no, owner_id, due_on, what, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, docID, a.DecisionNo, a.OwnerID, a.DueOn, a.What, now, now, by)
}

// CloseActionItem records what was done about an action item, on day.
func (t *Tx) CloseActionItem(ctx context.Context, by, actionID int64, done, day string) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO meeting_action_done(action_id, done, done_on, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)`,
		actionID, done, day, now, now, by)
	return classify(err)
}

const meetingCols = `x.doc_id, d.ref, d.status, d.version, d.maker_id, coalesce(m.name, ''), x.held_on, x.place, d.created_at, d.status_since,
	(SELECT count(*) FROM meeting_actions a WHERE a.doc_id = x.doc_id),
	(SELECT count(*) FROM meeting_actions a WHERE a.doc_id = x.doc_id AND NOT EXISTS (SELECT 1 FROM meeting_action_done o WHERE o.action_id = a.id)),
	(SELECT count(*) FROM meeting_actions a WHERE a.doc_id = x.doc_id AND a.due_on < ?
	    AND NOT EXISTS (SELECT 1 FROM meeting_action_done o WHERE o.action_id = a.id))`

const meetingFrom = ` FROM meetings x JOIN documents d ON d.id = x.doc_id LEFT JOIN users m ON m.id = d.maker_id`

func scanMeeting(sc scanner) (Meeting, error) {
	var m Meeting
	var created, since string
	err := sc.Scan(&m.DocID, &m.Ref, &m.Status, &m.Version, &m.MakerID, &m.Maker, &m.HeldOn, &m.Place, &created, &since,
		&m.Actions, &m.OpenActions, &m.LateActions)
	if noRow(err) {
		return m, ErrNotFound
	}
	m.CreatedAt, m.StatusSince = parseStamp(created), parseStamp(since)
	return m, err
}

const actionCols = `a.id, a.doc_id, d.ref, x.held_on, a.decision_no, coalesce(md.decision, ''), a.owner_id, coalesce(o.name, ''), a.due_on, a.what,
	coalesce(n.done, ''), coalesce(n.done_on, ''), coalesce(b.name, ''), coalesce(n.updated_by, 0)`

const actionFrom = ` FROM meeting_actions a JOIN documents d ON d.id = a.doc_id JOIN meetings x ON x.doc_id = a.doc_id
	LEFT JOIN meeting_decisions md ON md.doc_id = a.doc_id AND md.no = a.decision_no
	LEFT JOIN users o ON o.id = a.owner_id LEFT JOIN meeting_action_done n ON n.action_id = a.id LEFT JOIN users b ON b.id = n.updated_by`

func scanAction(sc scanner) (ActionItem, error) {
	var a ActionItem
	err := sc.Scan(&a.ID, &a.DocID, &a.MeetingRef, &a.HeldOn, &a.DecisionNo, &a.Decision, &a.OwnerID, &a.Owner, &a.DueOn, &a.What,
		&a.Done, &a.DoneOn, &a.DoneBy, &a.DoneByID)
	if noRow(err) {
		return a, ErrNotFound
	}
	return a, err
}

// Meeting loads the minutes with who attended, the decisions, the
// action items and, when voided, the reason; late counts against today.
func (t *Tx) Meeting(ctx context.Context, docID int64, today string) (Meeting, error) {
	m, err := scanMeeting(t.row(ctx, `SELECT `+meetingCols+meetingFrom+` WHERE x.doc_id = ?`, today, docID))
	if err != nil {
		return m, err
	}
	if m.Attendees, err = queryAll(ctx, t, func(sc scanner) (MeetingAttendee, error) {
		var a MeetingAttendee
		return a, sc.Scan(&a.UserID, &a.Name)
	}, `SELECT a.user_id, coalesce(u.name, '') FROM meeting_attendees a LEFT JOIN users u ON u.id = a.user_id
	     WHERE a.doc_id = ? ORDER BY a.id`, docID); err != nil {
		return m, err
	}
	if m.Decisions, err = queryAll(ctx, t, func(sc scanner) (MeetingDecision, error) {
		var d MeetingDecision
		return d, sc.Scan(&d.No, &d.Text)
	}, `SELECT no, decision FROM meeting_decisions WHERE doc_id = ? ORDER BY no`, docID); err != nil {
		return m, err
	}
	if m.Items, err = queryAll(ctx, t, scanAction, `SELECT `+actionCols+actionFrom+` WHERE a.doc_id = ? ORDER BY a.decision_no, a.id`, docID); err != nil {
		return m, err
	}
	if m.Status == "void" {
		m.Reason, err = t.reasonFor(ctx, docID, "void")
	}
	return m, err
}

// ActionItem loads one action item.
func (t *Tx) ActionItem(ctx context.Context, id int64) (ActionItem, error) {
	return scanAction(t.row(ctx, `SELECT `+actionCols+actionFrom+` WHERE a.id = ?`, id))
}

// MeetingFilter says which minutes to list: those a user is in (made,
// attended or owns an item of; 0 for all), in one status ("" for all),
// matching text (ref, place, a decision; "" for all); late counts
// against Today.
type MeetingFilter struct {
	UserID int64
	Status string
	Text   string
	Today  string
	Limit  int
}

// Meetings lists minutes by filter, the newest meeting first.
func (t *Tx) Meetings(ctx context.Context, f MeetingFilter) ([]Meeting, error) {
	if f.Limit <= 0 {
		f.Limit = 500
	}
	like := "%" + strings.ToLower(strings.TrimSpace(f.Text)) + "%"
	return queryAll(ctx, t, scanMeeting, `SELECT `+meetingCols+meetingFrom+`
	 WHERE (? = 0 OR d.maker_id = ? OR EXISTS (SELECT 1 FROM meeting_attendees p WHERE p.doc_id = x.doc_id AND p.user_id = ?)
	        OR EXISTS (SELECT 1 FROM meeting_actions a WHERE a.doc_id = x.doc_id AND a.owner_id = ?))
	   AND (? = '' OR d.status = ?)
	   AND (? = '%%' OR lower(d.ref || ' ' || x.place || ' ' || coalesce((SELECT group_concat(decision, ' ') FROM meeting_decisions md
	        WHERE md.doc_id = x.doc_id), '')) LIKE ?)
	 ORDER BY x.held_on DESC, d.id DESC LIMIT ?`,
		f.Today, f.UserID, f.UserID, f.UserID, f.UserID, f.Status, f.Status, like, like, f.Limit)
}

// ActionItemsDue lists owner's open action items of open minutes due on
// or before day (YYYY-MM-DD), the longest overdue first.
func (t *Tx) ActionItemsDue(ctx context.Context, ownerID int64, day string) ([]ActionItem, error) {
	return queryAll(ctx, t, scanAction, `SELECT `+actionCols+actionFrom+`
	 WHERE a.owner_id = ? AND a.due_on <= ? AND n.id IS NULL AND d.status = 'open'
	 ORDER BY a.due_on, a.id`, ownerID, day)
}
