package pricing

import (
	"testing"

	"orderdesk/store"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
)

// Keys this screen builds at run time, which a search of the source for
// T("...") cannot see.
func TestRunTimeKeysAreInTheCatalogue(t *testing.T) {
	var keys []string
	for _, g := range groups {
		keys = append(keys, "pricing.group."+g.key)
	}
	for _, tr := range workflow.Quote.Transitions {
		if tr.Action == workflow.ActionWithdraw {
			continue // not offered on this screen
		}
		keys = append(keys, "pricing.done."+tr.Action)
		if tr.NeedsComment || tr.Action == workflow.ActionApprove {
			keys = append(keys, "pricing.comment."+tr.Action)
		}
	}
	for _, a := range []string{workflow.ActionWin, workflow.ActionExpire} {
		keys = append(keys, "pricing.confirm."+a)
	}
	for _, src := range append([]string{store.SourceList, store.SourceManual, store.SourceRequest, store.SourceCopy}, store.MarketSources...) {
		keys = append(keys, "pricing.source."+src)
	}
	for _, k := range []string{"pricing.ctx.this_line", "pricing.ctx.list", "pricing.ctx.last_quoted", "pricing.ctx.last_sold",
		"pricing.ctx.request", "pricing.field.customer", "pricing.field.terms", "pricing.field.validity", "pricing.field.maker",
		"pricing.field.notes", "pricing.field.last"} {
		keys = append(keys, k)
	}
	for _, k := range keys {
		txt, ok := i18n.Lookup(k)
		if !ok || txt.Zh == "" || txt.En == "" {
			t.Errorf("%s is missing from the catalogue or a language", k)
		}
	}
}
