package workflow

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"orderdesk/store"
)

// monthSpan is a month's first and last day ('YYYY-MM-DD') and its
// bounds as instants in the desk's time zone.
type monthSpan struct {
	first, last string
	from, to    time.Time
}

func (e *Engine) monthSpan(month string) monthSpan {
	m, _ := time.Parse("2006-01", month)
	from := time.Date(m.Year(), m.Month(), 1, 0, 0, 0, 0, e.loc)
	to := from.AddDate(0, 1, 0)
	return monthSpan{first: from.Format(time.DateOnly), last: to.AddDate(0, 0, -1).Format(time.DateOnly), from: from, to: to}
}

type buyKey struct{ name, grade, spec string }

// purchaseNeeds derives a month's purchase lines: per product group of
// the approved month sales plans, the tonnes each rep planned less what
// the rep has ordered of it this month (what is still to be sold, and so
// still to be stocked); per product of the open order lines due by the
// month's end that planning answered "needs purchase", their weight less
// what it answered on hand. Each line names its sources.
func (e *Engine) purchaseNeeds(ctx context.Context, tx *store.Tx, month string) ([]store.PurchaseLine, error) {
	span := e.monthSpan(month)
	at := map[buyKey]*store.PurchaseLine{}
	var sources = map[buyKey][]string{}
	line := func(k buyKey) *store.PurchaseLine {
		if l, ok := at[k]; ok {
			return l
		}
		l := &store.PurchaseLine{Name: k.name, Grade: k.grade, Spec: k.spec}
		at[k] = l
		return l
	}
	if err := e.plannedNotOrdered(ctx, tx, span, func(group string, refs []string, tonnes store.Milli) {
		k := buyKey{name: group}
		line(k).FromPlans += tonnes
		sources[k] = append(sources[k], fmt.Sprintf("%s %s", strings.Join(refs, "+"), tonnes))
	}); err != nil {
		return nil, err
	}
	toBuy, err := tx.OrderLinesToBuy(ctx, span.last)
	if err != nil {
		return nil, err
	}
	for _, o := range toBuy {
		k := buyKey{o.Name, o.Grade, o.Spec}
		l := line(k)
		onHand := onHandTonnes(o)
		l.FromOrders += o.Weight
		l.InStock += onHand
		src := fmt.Sprintf("%s#%d %s", o.OrderRef, o.LineNo, o.Weight)
		if onHand > 0 {
			src += fmt.Sprintf("-%s", onHand)
		}
		sources[k] = append(sources[k], src)
	}
	out := make([]store.PurchaseLine, 0, len(at))
	for k, l := range at {
		l.Tonnes = max(0, l.FromPlans+l.FromOrders-l.InStock)
		if l.Tonnes == 0 {
			continue
		}
		l.Sources = strings.Join(sources[k], "; ")
		out = append(out, *l)
	}
	slices.SortFunc(out, func(a, b store.PurchaseLine) int {
		return strings.Compare(a.Name+"\x00"+a.Grade+"\x00"+a.Spec, b.Name+"\x00"+b.Grade+"\x00"+b.Spec)
	})
	for i := range out {
		out[i].LineNo = i + 1
	}
	return out, nil
}

// plannedNotOrdered calls add for each rep's product group of the
// month's approved month plans with what is planned and not yet ordered
// (the plans' refs beside it).
func (e *Engine) plannedNotOrdered(ctx context.Context, tx *store.Tx, span monthSpan, add func(group string, refs []string, tonnes store.Milli)) error {
	groups, err := tx.MonthPlanGroups(ctx, span.first, span.last)
	if err != nil {
		return err
	}
	type repGroup struct {
		rep   int64
		group string
	}
	planned := map[repGroup]store.Milli{}
	refs := map[repGroup][]string{}
	var order []repGroup
	for _, g := range groups {
		k := repGroup{g.RepID, g.Group}
		if _, ok := planned[k]; !ok {
			order = append(order, k)
		}
		planned[k] += g.Tonnes
		refs[k] = append(refs[k], g.PlanRef)
	}
	ordered := map[repGroup]store.Milli{}
	seen := map[int64]bool{}
	for _, k := range order {
		if seen[k.rep] {
			continue
		}
		seen[k.rep] = true
		_, byGroup, err := tx.PlanVsActual(ctx, k.rep, span.first, span.last, span.from, span.to)
		if err != nil {
			return err
		}
		for _, r := range byGroup {
			ordered[repGroup{k.rep, r.Name}] = r.ActualTonnes
		}
	}
	for _, k := range order {
		if left := planned[k] - ordered[k]; left > 0 {
			add(k.group, refs[k], left)
		}
	}
	return nil
}

// onHandTonnes is what planning answered on hand of an order line, in
// tonnes (its answer is in the line's unit), never more than the line.
func onHandTonnes(l store.LineToBuy) store.Milli {
	if l.Available <= 0 || l.Qty <= 0 {
		return 0
	}
	t := l.Available
	if l.Unit != "t" {
		t = store.Milli(int64(l.Weight) * int64(l.Available) / int64(l.Qty))
	}
	return min(t, l.Weight)
}
