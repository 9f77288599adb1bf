package i18n

// customerSource are the words of the customer's source (来源) and the
// statistics by it; the sources themselves are the leads' (lead.source.*).
var customerSource = map[string]Text{
	"customers.field.source": {"来源", "Source"},
	"customers.source.none":  {"未填", "not recorded"},
	"lead.source.other":      {"其他", "other"},
	"stat.by.source":         {"按来源", "by source"},
	"stat.col.source":        {"来源", "Source"},
	"stat.source.none":       {"未填来源", "not recorded"},
}
