package common

import (
	"charm.land/bubbles/v2/key"

	"orderdesk/workflow"
)

// Offer is a key a document's screen offers when OK: the step is open to
// this user now (a key pressed anyway still gets the workflow's refusal).
type Offer struct {
	Key key.Binding
	OK  bool
}

// Offered are the keys of the offers that hold and are enabled.
func Offered(offers ...Offer) []key.Binding {
	var out []key.Binding
	for _, o := range offers {
		if o.OK && o.Key.Enabled() {
			out = append(out, o.Key)
		}
	}
	return out
}

// Steps are the actions of ts, for asking which are open.
func Steps(ts []workflow.Transition) map[string]bool {
	can := make(map[string]bool, len(ts))
	for _, t := range ts {
		can[t.Action] = true
	}
	return can
}
