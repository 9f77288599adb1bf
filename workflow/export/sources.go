package export

import "orderdesk/store"

// sourceNames are the customers' sources (来源) as a sheet names them,
// the desk's words for each.
var sourceNames = map[string]string{"": "（未填来源）", "phone": "来电", "website": "网站", "exhibition": "展会",
	"referral": "介绍", "investment": "招商", "email": "邮件", "im": "QQ/微信", "other": "其他"}

// termsNames are the payment terms as a sheet names them.
var termsNames = map[string]string{store.TermsPrepaid: "先款后货", store.TermsMonthly: "月结"}

// rowLabel is a row's label on a sheet split by head: a source and
// payment terms by their names, no rep said so.
func rowLabel(head, label string) string {
	switch {
	case head == DimNames[store.StatSource]:
		if name, ok := sourceNames[label]; ok {
			return name
		}
	case head == DimNames[store.StatTerms]:
		if name, ok := termsNames[label]; ok {
			return name
		}
	case label == "" && head == DimNames[store.StatRep]:
		return "（无销售专员）"
	}
	return label
}
