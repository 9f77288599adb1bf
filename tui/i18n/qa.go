package i18n

// qa are words added while walking the desk end to end as the office
// would (fixes found in use).
var qa = map[string]Text{
	"orders.printed_no_company": {"合同已写入 %s,但未设置本公司名称(company.name),供方为空", "contract written to %s, but company.name is not set: the seller is blank"},
}
