package common

import (
	"strconv"

	"orderdesk/workflow"
)

// LeadStageCells are the first cells of a row of leads by source and
// stage, as the Leads and the Statistics screens show it: the source in
// the user's words (total, a catalogue key, on the totals' row that has
// none), the leads in each stage and all of them.
func (c *Common) LeadStageCells(r workflow.LeadStatRow, total string) []string {
	name := c.T(total)
	if r.Source != "" {
		name = c.T("lead.source." + r.Source)
	}
	out := []string{name}
	for _, st := range workflow.LeadStages() {
		out = append(out, strconv.Itoa(r.ByStage[st]))
	}
	return append(out, strconv.Itoa(r.Leads))
}
