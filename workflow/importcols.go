package workflow

import (
	"strings"

	"orderdesk/store"
)

// ImportColumn is one column an import reads: its key (the field it
// fills), its Chinese and English headers (either is accepted, as is the
// key), whether every row must fill it, and the template's example.
type ImportColumn struct {
	Key, Zh, En string
	Required    bool
	Example     string
}

// Column keys that are not fields of a form.
const (
	FRep, FAsOf = "rep", "as_of"
)

// importColumns are the columns of each import, in the template's order.
var importColumns = map[string][]ImportColumn{
	store.ImportCustomers: {
		{FName, "客户名称", "name", true, "鞍山恒达重工机械有限公司"},
		{FShortName, "简称", "short name", false, "恒达重工"},
		{FMnemonic, "助记码", "mnemonic", false, "ASHDZG"},
		{FProvince, "省份", "province", false, "辽宁"},
		{FCity, "城市", "city", false, "鞍山"},
		{FAddress, "地址", "address", false, "鞍山市铁东区建国大道88号"},
		{FContact, "联系人", "contact", false, "张经理"},
		{FPhone, "电话", "phone", false, "0412-5551234"},
		{FFax, "传真", "fax", false, "0412-5551235"},
		{FEmail, "邮箱", "email", false, "zhang@hengda.example"},
		{FWebsite, "网址", "website", false, ""},
		{FProduces, "主营产品", "produces", false, "矿山机械"},
		{FUsualGrades, "常购牌号规格", "usual grades", false, "Q235B 10×1500×6000; 45# Φ50"},
		{FSuppliers, "现供应商", "suppliers", false, "鞍钢"},
		{FCategory, "类别", "category", false, "销售"},
		{FRep, "业务员", "rep", false, ""},
		{FPaymentTerms, "付款方式", "payment terms", false, "月结"},
		{FTermsDays, "账期天数", "terms days", false, "30"},
		{FCreditLimit, "信用额度", "credit limit", false, "500000"},
		{FWeighing, "计重方式", "weighing", false, "磅计"},
		{FSource, "客户来源", "source", false, "展会"},
		{FNotes, "备注", "notes", false, ""},
	},
	store.ImportProducts: {
		{FGrade, "牌号", "grade", true, "Q235B"},
		{FProductName, "品名", "name", true, "热轧钢板"},
		{FSpec, "规格", "spec", false, "10×1500×6000"},
		{FUnit, "单位", "unit", true, "t"},
		{FUnitWeight, "单重(kg)", "unit weight", false, ""},
		{FMnemonic, "助记码", "mnemonic", false, ""},
	},
	store.ImportPrices: {
		{FGrade, "牌号", "grade", true, "Q235B"},
		{FProductName, "品名", "name", true, "热轧钢板"},
		{FSpec, "规格", "spec", false, "10×1500×6000"},
		{FUnit, "单位", "unit", true, "t"},
		{FPrice, "单价", "price", true, "4350.00"},
		{FValidFrom, "生效日期", "valid from", true, "2026-12-01"},
		{FValidTo, "截止日期", "valid to", false, ""},
	},
	store.ImportBalances: {
		{FCustomer, "客户名称", "customer", true, "鞍山恒达重工机械有限公司"},
		{FAmount, "期初应收", "opening balance", true, "125000.00"},
		{FAsOf, "截止日", "as of", true, "2026-11-30"},
	},
}

// ImportKinds lists what can be imported, in the order commands show.
var ImportKinds = []string{store.ImportCustomers, store.ImportProducts, store.ImportPrices, store.ImportBalances}

// ImportColumns returns the columns of an import (nil for none).
func ImportColumns(what string) []ImportColumn { return importColumns[what] }

// headerWord folds a header for matching: no spaces, lower case, no
// full-width forms, "(kg)" and "（kg）" alike.
func headerWord(s string) string {
	s = strings.ToLower(NormalizeDigits(s))
	return strings.NewReplacer(" ", "", "_", "", "*", "").Replace(s)
}

// columnIndex maps each column key to its index in the header row, and
// reports headers it does not know and required columns missing.
func columnIndex(what string, header []string) (map[string]int, RowErrors) {
	byWord := map[string]string{}
	for _, c := range importColumns[what] {
		for _, w := range []string{c.Key, c.Zh, c.En} {
			byWord[headerWord(w)] = c.Key
		}
	}
	idx := map[string]int{}
	var errs RowErrors
	for i, h := range header {
		if strings.TrimSpace(h) == "" {
			continue
		}
		key, ok := byWord[headerWord(h)]
		switch {
		case !ok:
			errs = append(errs, RowError{Row: 1, Column: h, Code: UnknownColumn})
		case hasKey(idx, key):
			errs = append(errs, RowError{Row: 1, Column: h, Code: DuplicateColumn})
		default:
			idx[key] = i
		}
	}
	for _, c := range importColumns[what] {
		if _, ok := idx[c.Key]; !ok && c.Required {
			errs = append(errs, RowError{Row: 1, Column: c.Zh, Code: MissingColumn})
		}
	}
	return idx, errs
}

func hasKey(m map[string]int, k string) bool { _, ok := m[k]; return ok }
