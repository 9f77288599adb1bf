package workflow

import (
	"context"

	"orderdesk/store"
)

// Statuses of a meeting's minutes.
const (
	MeetingOpen   = "open"   // its action items are being worked
	MeetingDone   = "done"   // every action item done: waiting for the sign-off
	MeetingClosed = "closed" // signed off
	MeetingVoid   = "void"   // voided, with the reason
)

// ActionAllDone moves the minutes to done as their last open action item
// is closed (taken with that closing, never by hand).
const ActionAllDone = "all_done"

// Refusals of meetings.
const (
	ActionsOpen     Code = "actions_open"      // the minutes close once every action item is done
	CloserDidAction Code = "closer_did_action" // who closed an action item signs off no close of its minutes
	NotYourAction   Code = "not_your_action"   // a sales rep closes the action items they own
	MeetingNotOpen  Code = "meeting_not_open"  // done, closed or voided: nothing more is added or closed on it
)

// meetingWorkers hold sales meetings and work their action items: the
// desk, sales reps, supervisors.
var meetingWorkers = leadWorkers

// meetingClosers sign a meeting's minutes off: a supervisor or the desk,
// never the minutes' maker nor anyone who closed one of its action items.
var meetingClosers = []Role{Supervisor, Clerk}

// Meeting (销售会议) is the minutes of a sales meeting: who attended,
// what was decided and the action items, each with an owner and a due
// day. An action item is closed by its owner with what was done; once
// the last one is, the minutes wait for a second person's sign-off, as a
// resolved complaint does: a supervisor or the desk, neither the
// minutes' maker nor anyone who closed one of its items, closes them or
// sends them back to be worked again (an action item added). Minutes
// with no item open (none was needed, or those added are all closed
// after a send-back) are submitted for that sign-off by their maker.
var Meeting = &Kind{
	Name:   store.MeetingKind,
	before: (*Engine).checkMeeting,
	vet:    (*Engine).checkMeeting,
	States: []State{
		{Name: MeetingOpen, Initial: true, Editable: true},
		{Name: MeetingDone},
		{Name: MeetingClosed, Final: true},
		{Name: MeetingVoid, Final: true},
	},
	Transitions: []Transition{
		{Action: ActionAllDone, From: []string{MeetingOpen}, To: MeetingDone, Roles: meetingWorkers, Internal: true},
		{Action: ActionSubmit, From: []string{MeetingOpen}, To: MeetingDone, Roles: meetingWorkers, MakerOnly: true},
		{Action: ActionApprove, From: []string{MeetingDone}, To: MeetingClosed, Roles: meetingClosers, SignOff: true},
		{Action: ActionSendBack, From: []string{MeetingDone}, To: MeetingOpen, Roles: meetingClosers, SignOff: true, NeedsComment: true},
		{Action: ActionVoid, From: []string{MeetingOpen, MeetingDone}, To: MeetingVoid, Roles: meetingClosers, NeedsComment: true},
	},
}

// checkMeeting refuses a submit or a close while an action item is
// open, and a close signed by someone who closed one of its action
// items.
func (e *Engine) checkMeeting(ctx context.Context, tx *store.Tx, m move) error {
	if m.t.To != MeetingClosed && m.t.Action != ActionSubmit {
		return nil
	}
	mt, err := tx.Meeting(ctx, m.docID, e.todayString())
	if err != nil {
		return err
	}
	for _, a := range mt.Items {
		if !a.IsDone() {
			return &Refusal{Code: ActionsOpen, Action: m.t.Action}
		}
		if m.t.To == MeetingClosed && a.DoneByID == m.actor.ID {
			return &Refusal{Code: CloserDidAction, Action: m.t.Action}
		}
	}
	return nil
}
