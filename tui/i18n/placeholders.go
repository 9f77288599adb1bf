package i18n

var placeholders = map[string]Text{
	"placeholder.customers":      {"客户档案", "Customer files"},
	"placeholder.inquiries":      {"询价单:客户、牌号、规格、数量、交货期。即将推出。", "Inquiries: customer, grade, spec, quantity, delivery date. Coming next."},
	"placeholder.pricing":        {"报价:价目表、上次报价与成交价、市场参考价、单价申请、主管审核。即将推出。", "Pricing: price list, last quoted and sold, market references, price requests, supervisor sign-off. Coming next."},
	"placeholder.orders":         {"销售订单与合同:订单编号、合同核对、客户回传、备货申请。即将推出。", "Sales orders and contracts: order numbers, contract check, customer sign-back, stock-up requests. Coming next."},
	"placeholder.shipping":       {"发货单:分单发货、款到发货、装车、三联打印。即将推出。", "Delivery notes: split shipments, the payment gate, loading, three copies. Coming next."},
	"placeholder.invoices":       {"发票:开票申请、双人复核、财务开具、邮寄登记。即将推出。", "Invoices: requests, two-person check, issued by finance, mailing recorded. Coming next."},
	"placeholder.reconciliation": {"对账与回款:月末对账、对账单、账龄与催款。即将推出。", "Reconciliation and collections: month end, statements, ageing and reminders. Coming next."},
	"screen.none":                {"无", "None"},
	"placeholder.no_roles":       {"您的账号还没有任何角色,没有可用的屏幕。请管理员为您分配角色。", "Your account has no roles yet, so no screen is open to you. Ask an admin to give you a role."},
	"placeholder.review":         {"待审核单据", "Documents waiting for review"},
	"placeholder.products":       {"产品", "Products"},
}
