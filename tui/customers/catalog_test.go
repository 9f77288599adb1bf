package customers

import (
	"testing"

	"orderdesk/tui/i18n"
)

// Keys this screen builds at run time, which a search of the source for
// T("...") cannot see.
func TestRunTimeKeysAreInTheCatalogue(t *testing.T) {
	var keys []string
	for _, f := range append(fieldOrder, "code", "region", "pending", "state", "updated", "terms_why") {
		keys = append(keys, "customers.field."+f)
	}
	for _, k := range visitKinds {
		keys = append(keys, "customers.visit."+k)
	}
	keys = append(keys, groupTitles...)
	for _, k := range keys {
		txt, ok := i18n.Lookup(k)
		if !ok || txt.Zh == "" || txt.En == "" {
			t.Errorf("%s is missing from the catalogue or a language", k)
		}
	}
}
