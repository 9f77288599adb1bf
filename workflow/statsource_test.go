package workflow_test

import (
	"context"
	"slices"
	"strconv"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// Split by where the customers came from, a year's figures fall into
// the sources the demo customers have, add up to the total, and a
// source drills down to its own customers.
func TestStatisticsBySource(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	d := deskOf(t, eng, "zhao")
	year := workflow.PeriodOf(workflow.PeriodYear, statToday)
	v, err := d.Statistics(ctx, workflow.StatQuery{Dim: store.StatSource, Period: year, Open: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Rows) < 3 {
		t.Fatalf("a year by source: %d rows", len(v.Rows))
	}
	all, err := d.Statistics(ctx, workflow.StatQuery{Dim: store.StatAll, Period: year, Open: true})
	if err != nil {
		t.Fatal(err)
	}
	if v.Total.Figures != all.Total.Figures {
		t.Errorf("by source %+v, in total %+v", v.Total.Figures, all.Total.Figures)
	}
	if next, ok := workflow.StatDrill(store.StatSource); !ok || next != store.StatCustomer {
		t.Fatalf("a source drills to %q", next)
	}
	for _, r := range v.Rows {
		if !slices.Contains(workflow.CustomerSources, r.Key) || r.Label != r.Key {
			t.Errorf("row %q labelled %q: not a source", r.Key, r.Label)
			continue
		}
		sub, err := d.Statistics(ctx, workflow.StatQuery{Dim: store.StatCustomer, Period: year, Open: true,
			Filters: []store.StatFilter{{Dim: store.StatSource, Key: r.Key}}})
		if err != nil {
			t.Fatal(err)
		}
		if sub.Total.Figures != r.Figures {
			t.Errorf("source %s: its customers add up to %+v, the row is %+v", r.Key, sub.Total.Figures, r.Figures)
		}
		for _, c := range sub.Rows {
			id, _ := strconv.ParseInt(c.Key, 10, 64)
			f, err := d.CustomerFile(ctx, id)
			if err != nil || f.Source != r.Key {
				t.Errorf("customer %s under source %s has source %q (%v)", c.Label, r.Key, f.Source, err)
			}
		}
	}
}
