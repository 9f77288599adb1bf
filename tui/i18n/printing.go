package i18n

// printing are the words of printouts made over SSH (the user's own
// folder, the office printer, the fetch line) and of the month's
// statements printed in one run.
var printing = map[string]Text{
	"print.sent":   {"已发送到打印机 %s · 取件: %s", "sent to printer %s · fetch: %s"},
	"print.fetch":  {"取件: %s", "fetch: %s"},
	"print.kept":   {"打印机 %s 未打印(%s),文件已保留 · 取件: %s", "printer %s did not print it (%s); the file is kept · fetch: %s"},
	"print.failed": {"打印件未能写入: %s", "the printout could not be written: %s"},

	"cli.cmd.print_statements":    {"把某月(须财务已签字)每个有发生额或余额的客户的对账单各写成一个PDF,另附索引", "write the statement of every customer with activity or a balance in a month finance signed off, one PDF each, with an index"},
	"cli.flag.statements_out":     {"写入的文件夹(默认 print.dir)", "folder to write into (default print.dir)"},
	"cli.print.statements_done":   {"%s:%d 份对账单已写入 %s,索引 %s", "%s: %d statements written to %s, index %s"},
	"cli.print.statements_none":   {"%s 没有有发生额或余额的客户,未写对账单", "%s: no customer has activity or a balance; no statement written"},
	"print.statements_not_signed": {"%s 财务尚未签字,不能出对账单", "%s is not signed off by finance: no statements"},
}
