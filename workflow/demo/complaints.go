package demo

import (
	"context"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// complaintWords are what customers say on the phone, by the type of
// their complaint.
var complaintWords = map[string][]string{
	"quality":    {"钢板表面锈蚀严重,要求换货", "板面有裂纹,探伤不合格"},
	"short":      {"到货少了一捆,磅单对不上", "实收比磅单少 0.3 吨"},
	"over":       {"多发了两件,请安排拉回", "多到了一车圆钢,我们没订"},
	"wrong_spec": {"规格发错了,要的是 20 厚的", "牌号不对,合同是 Q345B"},
	"late":       {"比约定的晚到三天,耽误生产", "说好周一到,周四还没到"},
	"damage":     {"运输途中钢管压弯了", "卸车时发现边角压坏"},
	"billing":    {"发票金额和对账单不一致", "发票抬头开错了"},
	"price":      {"这批价格比上次高,要求说明", "结算价和报价单不一样"},
	"service":    {"业务员电话总打不通", "要的质保书一直没寄来"},
}

// complaintStep is how far a demo complaint got.
type complaintStep int

const (
	stepOpen      complaintStep = iota // just recorded
	stepFlagged                        // recorded days ago, no action yet
	stepInHand                         // an action taken
	stepResolved                       // resolved, waiting for a second person's sign-off
	stepClosed                         // closed, the follow-up call made
	stepWithdrawn                      // withdrawn by its maker
	steps
)

// complaints records n complaints over the last three weeks in every
// state, through the workflow as the desk would: half about delivery
// notes that left a week or more ago, each worked by the role its type is
// routed to, closed by a second person, followed up by phone.
func (g *gen) complaints(ctx context.Context, eng *workflow.Engine, t team, ids []int64, n int, sum *Summary) error {
	if n == 0 || len(t.clerks) < 2 || len(ids) == 0 {
		return nil
	}
	st := eng.Store()
	was := st.Now
	defer func() { st.Now = was }()
	var when time.Time
	st.Now = func() time.Time { when = when.Add(time.Second); return when }
	when = g.at(1, 8)
	calls, err := eng.Desk(t.clerks[0]).FollowUpsDue(ctx)
	if err != nil {
		return err
	}
	var notes []workflow.FollowUpTask
	for _, x := range calls {
		if x.Source == store.FollowDelivery {
			notes = append(notes, x)
		}
	}
	routed := map[workflow.Role]store.User{workflow.Planning: t.planning, workflow.Warehouse: t.warehouse,
		workflow.Finance: t.finance, workflow.Supervisor: t.supervisor}
	for i := 0; i < n; i++ {
		step := complaintStep(i % int(steps))
		when = g.at(g.complaintAge(step), 8+float64(g.rng.IntN(9)))
		typ := workflow.ComplaintTypes[g.rng.IntN(len(workflow.ComplaintTypes))]
		in := workflow.ComplaintInput{CustomerID: pick(g, ids), Type: typ, Words: pick(g, complaintWords[typ]),
			Channel: pick(g, workflow.ComplaintChannels), Severity: pick(g, workflow.Severities)}
		if i%2 == 0 && len(notes) > 0 && typ != "billing" && typ != "price" {
			x := notes[(i/2)%len(notes)]
			in.CustomerID, in.Concerns = x.CustomerID, x.SourceRef
		}
		maker := eng.Desk(t.clerks[i%2])
		id, err := maker.RecordComplaint(ctx, in)
		if err != nil {
			return err
		}
		sum.Complaints++
		actor := routed[workflow.RouteOf(typ)]
		if err := g.workComplaint(ctx, eng, t, id, step, actor, &when); err != nil {
			return err
		}
		if step == stepWithdrawn {
			if err := maker.Act(ctx, id, workflow.ActionWithdraw, ""); err != nil {
				return err
			}
		}
	}
	return nil
}

// complaintAge is how many days ago a complaint that got to step was
// recorded: long enough for what followed to have happened by today.
func (g *gen) complaintAge(step complaintStep) int {
	switch step {
	case stepOpen, stepWithdrawn:
		return 1
	case stepFlagged:
		return 5 + g.rng.IntN(6)
	case stepClosed:
		return 8 + g.rng.IntN(12)
	}
	return 2 + g.rng.IntN(8)
}

// workComplaint takes complaint id as far as step: an action by the
// role it was routed to, its resolution a day later, the close by a
// second person (the supervisor, or a clerk for the supervisor's own),
// the follow-up call three days after.
func (g *gen) workComplaint(ctx context.Context, eng *workflow.Engine, t team, id int64, step complaintStep, actor store.User, when *time.Time) error {
	if step < stepInHand || step == stepWithdrawn {
		return nil
	}
	*when = when.Add(3 * time.Hour)
	if err := eng.Desk(actor).RecordComplaintAction(ctx, id, "已联系客户,核实情况"); err != nil {
		return err
	}
	if step < stepResolved {
		return nil
	}
	*when = when.Add(24 * time.Hour)
	res := workflow.ResolutionInput{Resolution: pick(g, workflow.Resolutions), Note: "与客户协商一致"}
	if err := eng.Desk(actor).ResolveComplaint(ctx, id, 0, res); err != nil {
		return err
	}
	if step < stepClosed {
		return nil
	}
	closer := t.supervisor
	if actor.ID == t.supervisor.ID {
		closer = t.clerks[1]
	}
	*when = when.Add(24 * time.Hour)
	if err := eng.Desk(closer).Act(ctx, id, workflow.ActionApprove, ""); err != nil {
		return err
	}
	*when = when.Add(48 * time.Hour)
	return eng.Desk(t.clerks[0]).RecordFollowUp(ctx, workflow.FollowUpInput{SourceDocID: id, Satisfied: "y", Remark: "客户表示满意"})
}
