package i18n

// complaintExport is `orderdesk export complaints`.
var complaintExport = map[string]Text{
	"cli.export.complaints_sheet": {"按%s", "By %s"},
	"cli.export.complaints_by":    {"投诉没有“%s”这种分组:%s", "complaints have no grouping called %s: %s"},
}
