package i18n

// postgres is what the commands say about the database setting and a
// PostgreSQL database: the setting itself, the desk's role, its schema.
var postgres = map[string]Text{
	"db.both_flags": {"请只给 --db(SQLite 文件)或 --db-url(PostgreSQL)其中之一", "give --db (a SQLite file) or --db-url (PostgreSQL), not both"},
	"db.bad_url":    {"数据库地址 %s 无效:%s。请写成 postgres://角色@主机/数据库", "the database URL %s is not valid: %s. Write postgres://role@host/database"},
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

	"cli.cmd.migrate": {"把这个 SQLite 数据库整个复制到一个空的 PostgreSQL 数据库,并核对副本",
		"copy this SQLite database, whole, into an empty PostgreSQL database and check the copy"},
	"cli.flag.migrate_to": {"要复制进去的 PostgreSQL 数据库,以属主角色连接(默认取 ORDERDESK_DB_OWNER_URL)",
		"the PostgreSQL database to copy into, connecting as its owner (default ORDERDESK_DB_OWNER_URL)"},
	"cli.flag.desk_role": {"订单台的角色:像 db setup 那样只授予它读写行的权限", "the desk's role: granted the rows only, as db setup grants them"},
	"migrate.needs_file": {"migrate 复制的是 SQLite 数据库文件:请用 --db 指定它(db.url 已经指向 PostgreSQL)",
		"migrate copies a SQLite database file: name it with --db (db.url names a PostgreSQL database already)"},
	"migrate.needs_to": {"migrate 需要要复制进去的 PostgreSQL 数据库(以属主连接):--to postgres://属主@主机/数据库 或 ORDERDESK_DB_OWNER_URL",
		"migrate needs the PostgreSQL database to copy into, as its owner: --to postgres://OWNER@HOST/DATABASE or ORDERDESK_DB_OWNER_URL"},
	"migrate.source_broken": {"%s 未迁移,它的审计记录核对不通过:%s", "%s is not moved, its audit trail does not verify: %s"},
	"migrate.not_empty":     {"没有复制任何内容:%s 已有订单台的数据(表 %s 有 %d 行)", "nothing copied: %s holds orderdesk data already (its table %s has %d rows)"},
	"migrate.check_failed":  {"迁移到 %s 未完成:%s", "the move to %s did not go through: %s"},
	"migrate.done":          {"已把 %s 复制到 %s,用时 %s", "copied %s into %s in %s"},
	"migrate.copied": {"  %d 张表,%d 行(编号不变),其中审计记录 %d 条;搜索索引重新生成 %d 行",
		"  %d tables, %d rows with their ids, %d of them audit records; search indexes built anew, %d rows"},
	"migrate.counts":       {"  核对:每张表两边行数相同;审计链两边都完整:", "  checked: every table's count the same on both sides; the audit trail on each:"},
	"migrate.no_desk_role": {"注意:没有给订单台角色授权(--desk-role):请在 db.url 指向它之后运行 orderdesk db setup", "note: no desk role was granted the rows (--desk-role): run orderdesk db setup once db.url names it"},
	"migrate.next":         {"下一步:把 db.url 设为订单台角色的地址;%s 留作存档,不要再写入", "next: set db.url to the desk role's URL; keep %s as an archive and write it no more"},

	"cli.version.db_postgres": {"数据库:PostgreSQL %s(启动订单台时核对其结构)", "database: PostgreSQL %s (its schema is checked when the desk opens it)"},
}
