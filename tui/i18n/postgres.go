package i18n

// postgres is what the commands say about the database setting and a
// PostgreSQL database: the setting itself, the desk's role, and the
// commands that work on a SQLite file only.
var postgres = map[string]Text{
	"db.both_flags": {"请只给 --db(SQLite 文件)或 --db-url(PostgreSQL)其中之一", "give --db (a SQLite file) or --db-url (PostgreSQL), not both"},
	"db.bad_url":    {"数据库地址 %s 无效:%s。请写成 postgres://角色@主机/数据库", "the database URL %s is not valid: %s. Write postgres://role@host/database"},
	"db.file_only": {"%s 只用于 SQLite 数据库文件,PostgreSQL 数据库暂不支持:请用 PostgreSQL 自己的工具(pg_dump、备库)",
		"%s works on a SQLite database file and is not for PostgreSQL yet: use PostgreSQL's own tools (pg_dump, the standby)"},
	"db.no_schema": {"PostgreSQL 数据库 %s 中还没有订单台的表,而角色 %s 无权建表:请由属主运行 orderdesk db setup --owner-url postgres://属主@…",
		"the PostgreSQL database %s has no orderdesk tables yet, and the role %s may not make them: the owner runs orderdesk db setup --owner-url postgres://OWNER@…"},
	"db.schema_old": {"PostgreSQL 数据库 %s 的结构是旧版本订单台建立的:请由属主运行 orderdesk db setup --owner-url postgres://属主@… 升级后再启动",
		"the PostgreSQL database %s was made by an older orderdesk: the owner brings it up to date with orderdesk db setup --owner-url postgres://OWNER@…, then start again"},
	"db.owns_rules": {"注意:订单台以角色 %s 连接,它拥有这些表(或是超级用户),可以删除或停用数据库中的规则;请让订单台以只有行权限的角色连接(orderdesk db setup)",
		"warning: the desk connects as the role %s, which owns the tables (or is a superuser) and could drop or disable the database's rules; connect as a role that owns nothing (orderdesk db setup)"},

	"cli.cmd.db":         {"PostgreSQL 数据库的设置", "set up a PostgreSQL database"},
	"cli.cmd.db_setup":   {"以属主角色建立(或核对)数据库结构,并只授予订单台角色读写行的权限", "make (or check) the schema as the owner role and grant the desk's role the rows only"},
	"cli.flag.owner_url": {"属主角色的 PostgreSQL 地址(默认取 ORDERDESK_DB_OWNER_URL)", "the owner role's PostgreSQL URL (default ORDERDESK_DB_OWNER_URL)"},
	"db.setup_needs_url": {"db setup 需要订单台的 PostgreSQL 地址:db.url、ORDERDESK_DB_URL 或 --db-url", "db setup needs the desk's PostgreSQL URL: db.url, ORDERDESK_DB_URL or --db-url"},
	"db.setup_needs_owner": {"在 PostgreSQL 上此命令需要属主角色的地址:--owner-url 或 ORDERDESK_DB_OWNER_URL(不要写进订单台的配置文件)",
		"on PostgreSQL this command needs the owner role's URL: --owner-url or ORDERDESK_DB_OWNER_URL (keep it out of the desk's configuration file)"},
	"db.setup_other_db": {"属主地址 %s 与订单台地址 %s 指向不同的数据库", "the owner's URL %s and the desk's URL %s name different databases"},
	"db.desk_role":      {"订单台的角色不合适:%s", "the desk's role will not do: %s"},
	"db.setup_done": {"数据库 %s:结构第 %d 版由 %s 拥有;角色 %s 只能读写行,不能修改或删除表、触发器和函数",
		"database %s: schema version %d, owned by %s; the role %s may read and write rows and may not alter or drop tables, triggers or functions"},

	"cli.version.db_postgres": {"数据库:PostgreSQL %s(启动订单台时核对其结构)", "database: PostgreSQL %s (its schema is checked when the desk opens it)"},
}
