package sshserver

import (
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

func TestSessionDroppedMidEditLosesNothing(t *testing.T) {
	o := startOffice(t, nil)
	term := o.signIn(t, "wangli", "王丽")
	term.typeKeys("n")
	term.wait(t, 5*time.Second, "新建客户")
	term.typeKeys("锦州港口钢材有限公司")
	term.wait(t, 5*time.Second, "锦州港口钢材有限公司")
	time.Sleep(1500 * time.Millisecond) // longer than a draft may go unsaved
	term.conn.Close()                   // the connection drops

	again := o.signIn(t, "wangli", "王丽")
	again.typeKeys("n")
	again.wait(t, 5*time.Second, "已恢复", "锦州港口钢材有限公司")

	// Nothing half-written reached the customers.
	rows, err := o.f.Engine.Desk(o.f.Clerk).Customers(o.f.Ctx, pageAll())
	if err != nil || len(rows) != 0 {
		t.Fatalf("a draft became a customer: %v %v", rows, err)
	}
}

func TestTwoPeopleInOneCustomerSeeEachOther(t *testing.T) {
	o := startOffice(t, nil)
	if _, _, err := o.f.Engine.Desk(o.f.Clerk).CreateCustomer(o.f.Ctx, workflow.CustomerInput{Name: "鞍山钢铁集团有限公司", PaymentTerms: store.TermsPrepaid}); err != nil {
		t.Fatal(err)
	}
	first := o.open(t, "wangli", o.keys["wangli"])
	first.wait(t, 5*time.Second, "鞍山钢铁集团有限公司")
	first.typeKeys("e")
	first.wait(t, 5*time.Second, "编辑客户")

	second := o.open(t, "zhao", o.keys["zhao"])
	second.wait(t, 5*time.Second, "鞍山钢铁集团有限公司")
	second.typeKeys("e")
	second.wait(t, 5*time.Second, "编辑客户", "王丽 也打开了此客户")
	first.wait(t, 2*time.Second, "赵主管 也打开了此客户")

	// The first leaves by dropping the connection: the second stops
	// seeing them.
	first.conn.Close()
	deadline := time.Now().Add(5 * time.Second)
	for len(o.f.Engine.Desk(o.f.Supervisor).Presence().Others("customer:1", o.f.Supervisor.ID)) > 0 {
		if time.Now().After(deadline) {
			t.Fatal("a dropped session is still shown as editing")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
