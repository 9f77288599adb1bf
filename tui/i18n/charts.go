package i18n

// charts are the words of the charts: month names under the bars and
// the legend of their marks.
var charts = map[string]Text{
	"chart.month.1":  {"1月", "Jan"},
	"chart.month.2":  {"2月", "Feb"},
	"chart.month.3":  {"3月", "Mar"},
	"chart.month.4":  {"4月", "Apr"},
	"chart.month.5":  {"5月", "May"},
	"chart.month.6":  {"6月", "Jun"},
	"chart.month.7":  {"7月", "Jul"},
	"chart.month.8":  {"8月", "Aug"},
	"chart.month.9":  {"9月", "Sep"},
	"chart.month.10": {"10月", "Oct"},
	"chart.month.11": {"11月", "Nov"},
	"chart.month.12": {"12月", "Dec"},
	"chart.actual":   {"实际", "actual"},
	"chart.plan":     {"计划", "plan"},
	"chart.today":    {"今天", "today"},
}
