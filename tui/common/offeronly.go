package common

import (
	"charm.land/bubbles/v2/key"

	"orderdesk/workflow"
)

// OfferOnly takes the bindings of steps that need permission p out of
// the help when the workflow would refuse them to this user (a key
// pressed anyway still gets the workflow's refusal).
func (c *Common) OfferOnly(p workflow.Permission, bs ...*key.Binding) {
	if workflow.Can(c.Desk.User, p) {
		return
	}
	for _, b := range bs {
		b.SetEnabled(false)
	}
}
