package complaints

import (
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
)

// StatKey names a group of the complaint statistics (by is its
// dimension) as the screen and the exported workbook both show it: a
// type by its words, the rest as they are, none as "none".
func StatKey(cat i18n.Catalog, by, key string) string {
	switch {
	case key == "":
		return cat.T("complaints.none")
	case by == workflow.ComplaintsByType:
		return cat.T("complaint.type." + key)
	}
	return key
}
