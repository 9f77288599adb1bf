package customers

import (
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
)

// clock is the time screen tests run at.
var clock = screenrig.At

// rig is the customers screen over a fresh database, driven the way the
// root drives it.
type rig struct {
	screenrig.Rig
	t                *testing.T
	clerk, rep, boss store.User
	c                *common.Common
	s                *Screen
}

func newRig(t *testing.T) *rig {
	t.Helper()
	r := &rig{Rig: screenrig.NewRig(t, screenrig.Fixed(clock), 1024, 200*time.Millisecond), t: t}
	r.clerk = r.AddUser("wangli", "王丽", workflow.Clerk)
	r.rep = r.AddUser("liu", "刘强", workflow.SalesRep)
	r.boss = r.AddUser("zhao", "赵主管", workflow.Supervisor)
	return r
}

// open (re)builds the screen for user u, loading its first page.
func (r *rig) open(u store.User, lang string, height int) {
	r.c, r.s = screenrig.OpenAs(r.Rig, u, lang, screenrig.Fixed(clock), New, height)
}

func (r *rig) customer(in workflow.CustomerInput) int64 {
	r.t.Helper()
	if in.PaymentTerms == "" {
		in.PaymentTerms = store.TermsPrepaid
	}
	id, _, err := r.Engine.Desk(r.clerk).CreateCustomer(r.Ctx, in)
	if err != nil {
		r.t.Fatal(err)
	}
	return id
}

// seed adds three customers: Chinese, Latin and mixed names.
func (r *rig) seed() (shenyang, anshan, dalian int64) {
	shenyang = r.customer(workflow.CustomerInput{Name: "沈阳钢铁有限公司", ShortName: "沈钢", City: "沈阳", Phone: "024-23456789", RepID: r.rep.ID})
	anshan = r.customer(workflow.CustomerInput{Name: "鞍山宏达钢材贸易有限公司", ShortName: "鞍山宏达", City: "鞍山", Phone: "0412-5551234"})
	dalian = r.customer(workflow.CustomerInput{Name: "Dalian Harbour Machinery Co.", ShortName: "DHM", City: "大连", Phone: "0411-8888"})
	return
}

// newSeededList is the clerk's list of the three seeded customers.
func newSeededList(t *testing.T) *rig {
	t.Helper()
	r := newRig(t)
	r.seed()
	r.open(r.clerk, "zh", 30)
	return r
}

// newCustomerForm is the clerk's form for a new customer, nothing typed
// yet.
func newCustomerForm(t *testing.T) *rig {
	t.Helper()
	r := newRig(t)
	r.open(r.clerk, "zh", 40)
	r.Press("n")
	return r
}
