package i18n

// backups is what backups and restores say: the commands, the copy
// taken before a schema upgrade, and the alert admins see at sign-in
// when the last scheduled backup failed.
var backups = map[string]Text{
	"cli.cmd.backup":        {"备份数据库(服务运行、内勤保存时也可)", "write a consistent, checked backup of the database (safe while the server runs)"},
	"cli.cmd.backup_status": {"显示上次自动备份的结果", "show how the last scheduled backup went"},
	"cli.cmd.restore":       {"用备份替换数据库(原数据库改名保留)", "replace the database with a backup (the current one is kept aside)"},
	"cli.flag.backup_out":   {"备份文件(默认在 backup.dir 中按时间命名)", "backup file (default: a dated file in backup.dir)"},

	"backup.written":          {"已写入备份 %s:%s,结构版本 %d,审计记录 %d 条,末条 #%d(哈希 %s),用时 %s", "backup written: %s (%s, schema %d, %d audit records, last #%d hash %s) in %s"},
	"backup.audit_kept":       {"备份已写入 %s,但数据库的审计记录在第 #%d 条处断裂:%s", "backup written to %s, but the database's audit trail is broken at record #%d: %s"},
	"backup.exists":           {"%s 已存在:备份不会覆盖已有文件", "%s already exists: a backup never overwrites a file"},
	"backup.in_use":           {"数据库 %s 正由订单台服务使用:请先停止 orderdesk serve 再恢复", "the database %s is in use by a running orderdesk server: stop orderdesk serve first, then restore"},
	"backup.serve_in_use":     {"数据库 %s 已有订单台服务在使用", "the database %s is already served by another orderdesk server"},
	"backup.open_elsewhere":   {"数据库 %s 正被另一个订单台程序打开(桌面或命令):请先关闭再恢复", "the database %s is open in another orderdesk (a desk or a command): close it first, then restore"},
	"backup.holder":           {"(进程 %d)", " (process %d)"},
	"backup.restored":         {"已用备份 %s 恢复数据库 %s(结构版本 %d,审计记录到 #%d)", "restored the backup %s into %s (schema %d, audit trail up to #%d)"},
	"backup.kept_aside":       {"被替换的数据库保留在 %s", "the database it replaced is kept at %s"},
	"backup.restore_marked":   {"恢复已签入审计链:%s", "the restore is signed into the audit trail: %s"},
	"backup.restore_unmarked": {"恢复未能签入审计链(%s):核验会把备份之后的记录报为被截去", "the restore could not be signed into the audit trail (%s): verify will report the records after the backup as cut"},
	"backup.none_aside":       {"(此前没有数据库)", "(there was no database before)"},
	"backup.upgraded":         {"数据库结构已从第 %d 版升级到第 %d 版;升级前的数据库已备份到 %s", "the database schema was upgraded from version %d to %d; the database as it was is backed up at %s"},
	"backup.bad_every":        {"backup.every %q 无效:请写如 24h、12h,或 0 关闭自动备份", "backup.every %q is not valid: write e.g. 24h or 12h, or 0 to turn scheduled backups off"},
	"backup.size.bytes":       {"%d 字节", "%d bytes"},
	"backup.size.kib":         {"%.1f KB", "%.1f KB"},
	"backup.size.mib":         {"%.1f MB", "%.1f MB"},

	"backup.problem.missing":       {"备份文件 %s 不存在", "the backup file %s does not exist"},
	"backup.problem.not_sqlite":    {"%s 不是 SQLite 数据库文件,不是订单台的备份", "%s is not an SQLite file, so not an orderdesk backup"},
	"backup.problem.other_program": {"%s 是其他程序的数据库,不是订单台的备份", "%s is another program's database, not an orderdesk backup"},
	"backup.problem.damaged":       {"%s 已损坏(完整性检查未通过)", "%s is damaged (the integrity check fails)"},
	"backup.problem.audit_broken":  {"%s 的审计记录不完整,不能作为备份恢复", "%s has a broken audit trail and cannot be restored"},
	"backup.problem.too_new":       {"%s 由更新版本的订单台写入(结构版本 %d,本程序为 %d):请先升级订单台", "%s was written by a newer orderdesk (schema %d, this program knows %d): upgrade orderdesk first"},
	"backup.problem.detail":        {"%s:%s", "%s: %s"},

	"backup.status.never":     {"还没有进行过自动备份(备份目录:%s)", "no scheduled backup has run yet (backup folder: %s)"},
	"backup.status.off":       {"自动备份已关闭(backup.every 为 0)", "scheduled backups are off (backup.every is 0)"},
	"backup.status.ok":        {"上次备份成功:%s,%s(%s,审计记录到 #%d)", "last backup succeeded at %s: %s (%s, audit trail up to #%d)"},
	"backup.status.failed":    {"上次备份失败:%s:%s", "last backup failed at %s: %s"},
	"backup.status.last_good": {"最近一次成功的备份:%s,%s", "last good backup: %s, %s"},
	"backup.status.no_good":   {"还没有成功的备份", "no backup has succeeded yet"},
	"backup.status.folder":    {"备份目录 %s 中有 %d 份备份", "the backup folder %s holds %d backups"},
	"backup.status.every":     {"自动备份间隔 %s,保留 %d 份每日备份、%d 份每月备份", "scheduled every %s, keeping %d daily and %d monthly copies"},

	"backup.alert": {"上次备份失败(%s):%s", "last backup failed at %s: %s"},
}
