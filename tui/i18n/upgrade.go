package i18n

// upgrade are the words of `orderdesk version` about the database file:
// its schema, and what the next start will do with it.
var upgrade = map[string]Text{
	"cli.version.db_current": {"数据库 %s:结构版本 %d(当前)", "database %s: schema %d (current)"},
	"cli.version.db_older":   {"数据库 %s:结构版本 %d(下次启动时升级到 %d)", "database %s: schema %d (will upgrade to %d at next start)"},
	"cli.version.db_newer":   {"数据库 %s:结构版本 %d(比本程序的 %d 新:本程序不会打开它,请升级 orderdesk)", "database %s: schema %d (newer than this program's %d: it will not open it; upgrade orderdesk)"},
	"cli.version.db_empty":   {"数据库 %s:空文件(首次启动时建立结构)", "database %s: empty (the schema is written at first start)"},
	"cli.version.db_error":   {"数据库 %s:%s", "database %s: %s"},
}
