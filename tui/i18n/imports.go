package i18n

// imports are the words of moving in from Excel: the import commands,
// the batch in Review and what is wrong with a row.
var imports = map[string]Text{
	// The kind.
	"kind.import_batch":            {"导入批次", "import batch"},
	"state.import_batch.submitted": {"待审核", "waiting"},
	"state.import_batch.approved":  {"已导入", "imported"},
	"state.import_batch.refused":   {"已驳回", "refused"},
	"state.import_batch.withdrawn": {"已撤回", "withdrawn"},

	// The batch in Review.
	"import.what.customers":  {"客户档案", "customer files"},
	"import.what.products":   {"产品目录", "product catalogue"},
	"import.what.prices":     {"价目表", "price list"},
	"import.what.balances":   {"期初余额", "opening balances"},
	"import.field.file":      {"文件", "file"},
	"import.field.lines":     {"行数", "rows"},
	"import.lines":           {"新增 %d · 变更 %d · 相同 %d", "%d new · %d changed · %d same"},
	"import.outcome.new":     {"新增", "new"},
	"import.outcome.same":    {"相同", "same"},
	"import.outcome.changed": {"变更", "changed"},
	"import.col.row":         {"行", "row"},
	"import.col.outcome":     {"结果", "outcome"},
	"import.col.line":        {"名称", "name"},
	"import.col.figures":     {"条件与金额", "figures"},
	"import.col.changes":     {"变更项", "changes"},
	"import.more":            {"… 还有 %d 行", "… %d more rows"},
	"import.signs":           {"审核通过后才生效;付款条件与价格随本批次一并审批", "nothing takes effect before the sign-off; terms and prices are signed off with the batch"},

	// What is wrong with a row.
	"field.phone_in_name":     {"像是电话号码,不是名称", "looks like a phone number, not a name"},
	"field.duplicate_in_file": {"与第 %d 行重复", "repeats row %d"},
	"field.duplicate_in_desk": {"已是另一位客户的助记码", "is another customer's mnemonic already"},
	"field.unknown_unit":      {"单位不认识:用 t(吨)、kg(公斤)或 pcs(件/支/张)", "unknown unit: use t, kg or pcs"},
	"field.unknown_column":    {"不认识的列", "a column this import does not know"},
	"field.duplicate_column":  {"该列出现两次", "this column appears twice"},
	"field.missing_column":    {"缺少这一列", "this column is missing"},
	"field.unknown_customer":  {"没有这个客户(名称、编码或助记码):请先导入客户档案", "no such customer (name, code or mnemonic): import the customer files first"},
	"field.unknown_rep":       {"没有这个业务员(登录名或姓名)", "no sales rep of that login or name"},
	"field.balance_on_file":   {"该客户已有不同的期初余额", "this customer has a different opening balance on file already"},

	// Refusals.
	"refusal.already_imported":    {"同样内容的批次已经导入过", "a batch of the same content was imported already"},
	"refusal.nothing_new":         {"每一行都与现有档案相同,没有要导入的", "every row is as the desk has it: nothing to import"},
	"refusal.unreadable_file":     {"读不了这个文件:须是 .xlsx,或 UTF-8/GBK 编码的 .csv", "cannot read the file: it must be .xlsx, or .csv in UTF-8 or GBK"},
	"refusal.unknown_import":      {"只能导入 customers、products、prices 或 balances", "import customers, products, prices or balances"},
	"refusal.import_needs_person": {"导入须由一位台面用户发起(审核须由另一人):用 --as 登录名 指明,或用已关联该用户的系统账号运行", "an import is made by a desk user (and signed off by another): name them with --as LOGIN, or run it from the system account mapped to them"},
	"refusal.import_not_you":      {"本系统账号已关联另一位台面用户:导入只能以该用户身份进行", "this system account is mapped to another desk user: it imports as that user only"},

	// Commands.
	"cli.cmd.import":           {"从 Excel 导入客户档案、产品、价目表或期初余额(须另一人在审核中通过)", "import customer files, products, prices or opening balances from Excel (signed off by another person in Review)"},
	"cli.cmd.import_customers": {"导入客户档案(.xlsx 或 .csv)", "import customer files (.xlsx or .csv)"},
	"cli.cmd.import_products":  {"导入产品目录(.xlsx 或 .csv)", "import the product catalogue (.xlsx or .csv)"},
	"cli.cmd.import_prices":    {"导入价目表(.xlsx 或 .csv)", "import the price list (.xlsx or .csv)"},
	"cli.cmd.import_balances":  {"导入截止日的客户期初应收(.xlsx 或 .csv)", "import each customer's opening receivable at the cut-over day (.xlsx or .csv)"},
	"cli.cmd.import_template":  {"写出导入用的 Excel 模板(列名与示例行)", "write an Excel template for an import (its columns and an example row)"},
	"cli.flag.import_as":       {"以哪位台面用户的身份导入(登录名)", "the desk user who makes the import (login)"},
	"cli.import.gbk":           {"文件为 GBK 编码,已按 GBK 读取", "the file is GBK-encoded and was read as such"},
	"cli.import.rejected":      {"%d 处错误,未导入任何内容", "%d problems: nothing was imported"},
	"cli.import.already":       {"同样内容已导入为批次 %s(%s),未重复导入", "the same content is batch %s (%s) already: nothing imported twice"},
	"cli.import.nothing_new":   {"%d 行都与现有档案相同,没有生成批次", "all %d rows are as the desk has them: no batch made"},
	"cli.import.made":          {"批次 %s:新增 %d,变更 %d,相同 %d;待另一人在审核(9)中通过后生效", "batch %s: %d new, %d changed, %d same; it takes effect once another person signs it off in Review (9)"},
	"cli.import.row":           {"第 %d 行「%s」列", "row %d, column %s"},
	"cli.import.value":         {"(%s)", "(%q)"},
	"cli.import.unknown":       {"没有 %s 这种导入模板:customers、products、prices 或 balances", "no import called %s: customers, products, prices or balances"},
}
