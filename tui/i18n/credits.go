package i18n

// credits are the words of credit invoices and allowances (红字发票): the
// kind, its states, the invoice screen's credit steps and the refusals.
var credits = map[string]Text{
	"cli.demo.credits": {"  红字发票 %d 张(已开具、待财务开具、待复核)", "  credits %d (issued, waiting for finance, waiting for the check)"},
	"cli.flag.credits": {"红字发票张数", "credit invoices to draft"},

	"kind.credit":            {"红字发票", "credit invoice"},
	"state.credit.draft":     {"草稿", "draft"},
	"state.credit.submitted": {"待复核", "waiting for check"},
	"state.credit.sent_back": {"已退回", "sent back"},
	"state.credit.checked":   {"待开红字", "waiting for finance"},
	"state.credit.issued":    {"已开红字", "issued"},
	"state.credit.void":      {"已作废", "void"},
	"credit.basis.allowance": {"折让", "allowance"},
	"credit.basis.return":    {"退货", "return"},

	"refusal.over_credited": {"超过原发票可冲红金额(原票金额减去在途红字)", "more than the invoice has left to credit (its amount less the credits in play)"},
	"refusal.credited":      {"该发票有未作废的红字发票:须先作废红字", "the invoice has credits in play: void them first"},
	"refusal.number_taken":  {"该发票号已用过(蓝字或红字)", "that invoice number was already given (to an invoice or a credit)"},
	"field.over_creditable": {"超过可冲红金额,最多 %s", "more than is left to credit: at most %s"},

	"field.name.creditable": {"可退", "Returnable"},

	"invoices.key.credit":       {"开红字", "credit / allowance"},
	"invoices.key.issue_credit": {"开具红字", "issue credit"},
	"invoices.credit_title":     {"红字发票 原票 %s  可冲红 %s", "Credit of invoice %s  up to %s"},
	"invoices.credit_help":      {"折让: 填金额; 退货: 在明细填退回数量(金额按原价计)", "allowance: type the amount; return: type the quantities that came back (at the invoice's price)"},
	"invoices.credit_issue":     {"开具红字 %s  金额 %s", "Issue credit %s  amount %s"},
	"invoices.credit_saved":     {"红字发票已提交复核", "credit submitted for check"},
	"invoices.credits":          {"红字发票", "Credits"},
	"invoices.credit_line":      {"%s  %s  %s  %s  %s", "%s  %s  %s  %s  %s"},
	"invoices.no_credit_waits":  {"没有待开具的红字发票", "no credit waits to be issued"},

	"review.field.credit_of":     {"原发票", "of invoice"},
	"review.field.basis":         {"类别", "for"},
	"review.field.credit_reason": {"原因", "why"},
}
