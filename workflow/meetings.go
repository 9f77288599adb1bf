package workflow

import (
	"context"
	"sort"

	"orderdesk/store"
)

// Refused actions of the meeting calls, as refusals name them.
const (
	actionCreateMeeting = "create_meeting"
	actionAddItem       = "add_action_item"
	actionCloseItem     = "close_action_item"
)

// MeetingPeople are who may attend a sales meeting and own its action
// items: the active desk, sales reps and supervisors, by name.
func (d *Desk) MeetingPeople(ctx context.Context) ([]store.User, error) {
	return read(ctx, d.e, func(tx *store.Tx) ([]store.User, error) { return meetingPeople(ctx, tx) })
}

func meetingPeople(ctx context.Context, tx *store.Tx) ([]store.User, error) {
	var out []store.User
	seen := map[int64]bool{}
	for _, r := range meetingWorkers {
		us, err := tx.UsersWithRole(ctx, string(r))
		if err != nil {
			return nil, err
		}
		for _, u := range us {
			if !seen[u.ID] {
				seen[u.ID] = true
				out = append(out, u)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// CreateMeeting writes a meeting's minutes: the day, place, attendees
// and decisions, all or nothing. What is wrong comes back at its field.
func (d *Desk) CreateMeeting(ctx context.Context, in MeetingInput) (id int64, err error) {
	if err := permit(d.User, EditMeetings, actionCreateMeeting); err != nil {
		return 0, err
	}
	err = d.writeAndPublish(ctx, actionCreateMeeting, func(tx *store.Tx, changes *[]Change) error {
		people, err := meetingPeople(ctx, tx)
		if err != nil {
			return err
		}
		m, errs := in.validate(d, people)
		if len(errs) > 0 {
			return errs
		}
		if id, _, err = tx.CreateMeeting(ctx, d.User.ID, Meeting.Initial(), m); err != nil {
			return err
		}
		*changes = append(*changes, Change{Kind: store.MeetingKind, ID: id})
		return nil
	})
	return id, err
}

// AddActionItem adds an action item to open minutes: an owner among
// who may attend, a due day, what to do. Nothing is saved unless all of
// it is right.
func (d *Desk) AddActionItem(ctx context.Context, docID int64, in ActionItemInput) (id int64, err error) {
	if err := permit(d.User, EditMeetings, actionAddItem); err != nil {
		return 0, err
	}
	err = d.writeAndPublish(ctx, actionAddItem, func(tx *store.Tx, changes *[]Change) error {
		m, err := d.openMeeting(ctx, tx, docID, actionAddItem, true)
		if err != nil {
			return err
		}
		a, errs := in.validate(d, len(m.Decisions))
		if in.OwnerID != 0 {
			people, err := meetingPeople(ctx, tx)
			if err != nil {
				return err
			}
			if !hasPerson(people, in.OwnerID) {
				errs.Add(&FieldError{Field: FOwner, Code: InvalidChoice})
			}
		}
		if len(errs) > 0 {
			return errs
		}
		if id, err = tx.AddActionItem(ctx, d.User.ID, docID, a); err != nil {
			return err
		}
		*changes = append(*changes, Change{Kind: store.MeetingKind, ID: docID})
		return nil
	})
	return id, err
}

func hasPerson(people []store.User, id int64) bool {
	for _, u := range people {
		if u.ID == id {
			return true
		}
	}
	return false
}

// CloseActionItem records what was done about an open action item,
// today, by its owner (or the desk, or a supervisor). The last one
// closed sends the minutes for their sign-off.
func (d *Desk) CloseActionItem(ctx context.Context, actionID int64, done string) error {
	if err := permit(d.User, EditMeetings, actionCloseItem); err != nil {
		return err
	}
	if fe := CheckText(FDone, done, true, MaxShort); fe != nil {
		return FieldErrors{fe}
	}
	return d.writeAndPublish(ctx, actionCloseItem, func(tx *store.Tx, changes *[]Change) error {
		a, err := tx.ActionItem(ctx, actionID)
		if err != nil {
			return err
		}
		if !hasAnyRole(d.User, meetingClosers) && a.OwnerID != d.User.ID {
			return &Refusal{Code: NotYourAction, Action: actionCloseItem}
		}
		m, err := d.openMeeting(ctx, tx, a.DocID, actionCloseItem, true)
		if err != nil {
			return err
		}
		if a.IsDone() {
			return &Refusal{Code: StaleStatus, Action: actionCloseItem}
		}
		if err := tx.CloseActionItem(ctx, d.User.ID, actionID, CleanText(done, false), d.e.todayString()); err != nil {
			return err
		}
		*changes = append(*changes, Change{Kind: store.MeetingKind, ID: a.DocID})
		if m.OpenActions > 1 {
			return nil
		}
		return d.e.applyTx(ctx, tx, applyReq{actor: d.User, docID: a.DocID, action: ActionAllDone, internal: true}, changes)
	})
}

// openMeeting loads minutes this user may see, still open when open is
// set.
func (d *Desk) openMeeting(ctx context.Context, tx *store.Tx, docID int64, action string, open bool) (store.Meeting, error) {
	m, err := tx.Meeting(ctx, docID, d.e.todayString())
	if err != nil {
		return m, err
	}
	if !d.seesMeeting(m) {
		return m, &Refusal{Code: NotYourAction, Action: action}
	}
	if open && m.Status != MeetingOpen {
		return m, &Refusal{Code: MeetingNotOpen, Action: action}
	}
	return m, nil
}

// seesMeeting: the desk and supervisors see every meeting's minutes; a
// sales rep those they made, attended or own an action item of.
func (d *Desk) seesMeeting(m store.Meeting) bool {
	if d.meetingScope() == 0 || m.MakerID == d.User.ID {
		return true
	}
	for _, a := range m.Attendees {
		if a.UserID == d.User.ID {
			return true
		}
	}
	for _, a := range m.Items {
		if a.OwnerID == d.User.ID {
			return true
		}
	}
	return false
}

// meetingScope is the user whose meetings this user lists (0: all).
func (d *Desk) meetingScope() int64 {
	if hasAnyRole(d.User, meetingClosers) {
		return 0
	}
	return d.User.ID
}

// Meeting loads minutes with attendees, decisions and action items.
func (d *Desk) Meeting(ctx context.Context, docID int64) (store.Meeting, error) {
	if err := permitScreen(d.User, ScreenMeetings); err != nil {
		return store.Meeting{}, err
	}
	return read(ctx, d.e, func(tx *store.Tx) (store.Meeting, error) {
		return d.openMeeting(ctx, tx, docID, ScreenMeetings, false)
	})
}

// MeetingFilter says which minutes to list: in one status ("" for all),
// matching text ("" for all).
type MeetingFilter struct {
	Status, Text string
}

// Meetings lists minutes, the newest meeting first: a sales rep's own
// (made, attended, owning an item), everyone's for the desk and
// supervisors.
func (d *Desk) Meetings(ctx context.Context, f MeetingFilter) ([]store.Meeting, error) {
	if err := permitScreen(d.User, ScreenMeetings); err != nil {
		return nil, err
	}
	sf := store.MeetingFilter{UserID: d.meetingScope(), Status: f.Status, Text: f.Text, Today: d.e.todayString()}
	return read(ctx, d.e, func(tx *store.Tx) ([]store.Meeting, error) { return tx.Meetings(ctx, sf) })
}

// Decision states, as the minutes show them.
const (
	DecisionDone   = "done"  // every action item done
	DecisionLate   = "late"  // an action item open past its due day
	DecisionOpen   = "open"  // action items open, none late
	DecisionNoItem = "noted" // no action item: decided and noted
)

// DecisionState says whether decision no of minutes m is done, late or
// open as of today (YYYY-MM-DD).
func DecisionState(m store.Meeting, no int, today string) string {
	n, open, late := 0, 0, 0
	for _, a := range m.Items {
		if a.DecisionNo != no {
			continue
		}
		n++
		if !a.IsDone() {
			open++
			if a.DueOn < today {
				late++
			}
		}
	}
	switch {
	case n == 0:
		return DecisionNoItem
	case late > 0:
		return DecisionLate
	case open > 0:
		return DecisionOpen
	}
	return DecisionDone
}

// ItemLate reports whether an action item is late as of today: open
// past its due day, or done after it.
func ItemLate(a store.ActionItem, today string) bool {
	if a.IsDone() {
		return a.DoneOn > a.DueOn
	}
	return a.DueOn < today
}
