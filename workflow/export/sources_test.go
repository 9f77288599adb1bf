package export

import (
	"testing"

	"orderdesk/store"
)

// A sheet names a source and payment terms in the desk's words, and a
// row without a rep says so; other labels stand as they are.
func TestRowLabelNamesSourcesAndTerms(t *testing.T) {
	for _, c := range []struct {
		dim         store.StatDim
		label, want string
	}{
		{store.StatSource, "exhibition", "展会"},
		{store.StatSource, "", "（未填来源）"},
		{store.StatTerms, store.TermsPrepaid, "先款后货"},
		{store.StatTerms, store.TermsMonthly, "月结"},
		{store.StatTerms, "cash", "cash"},
		{store.StatRep, "", "（无销售专员）"},
		{store.StatCity, "沈阳", "沈阳"},
	} {
		if got := rowLabel(DimNames[c.dim], c.label); got != c.want {
			t.Errorf("%s %q: %q, want %q", c.dim, c.label, got, c.want)
		}
	}
}
