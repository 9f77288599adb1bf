package demo

import (
	"fmt"

	"orderdesk/store"
)

// matterWords are the open matters in the words a rep of the demo's
// Chinese desk types into a plan (the screen's zh catalogue words):
// the plan keeps free text, shown as typed to every reader.
var matterWords = map[string]string{
	"complaint": "投诉 %s(%s)",
	"invoice":   "逾期发票 %s(%s 到期)",
	"quote":     "报价待答复 %s(%s 发出)",
}

// matterText is one open matter as the demo's rep writes it down.
func matterText(m store.OpenMatter) string {
	f, ok := matterWords[m.Kind]
	if !ok {
		return m.Ref
	}
	return fmt.Sprintf(f, m.Ref, m.Day)
}
