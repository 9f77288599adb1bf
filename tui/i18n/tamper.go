package i18n

// tamper holds the words of tamper evidence: the guards check, repair,
// the audit key, checkpoints and file permissions.
var tamper = map[string]Text{
	"error.schema_altered": {"数据库的保护规则与本程序不符(%s),暂停保存;请管理员运行 orderdesk audit repair。您的输入已保留",
		"the database's guards differ from this program's (%s); nothing is saved until an admin runs orderdesk audit repair; your input is kept"},
	"error.audit_key": {"没有本数据库的审计密钥(%s),暂停保存;您的输入已保留",
		"this database's audit key is not available (%s); nothing is saved; your input is kept"},

	"cli.cmd.audit_repair":     {"重建本程序的触发器、视图和工作流规则,并记入审计", "recreate this program's triggers, views and workflow rules, audited"},
	"cli.cmd.audit_checkpoint": {"签署并打印审计链的检查点", "sign and print a checkpoint of the audit chain"},

	"cli.audit.schema_problem": {"保护规则:%s", "guard: %s"},
	"cli.audit.schema_broken":  {"数据库的保护规则与本程序不符(%d 处);在 orderdesk audit repair 之前不能保存", "the database's guards differ from this program's (%d); nothing can be saved until orderdesk audit repair"},
	"cli.audit.schema_intact":  {"触发器、视图和工作流规则与本程序一致", "triggers, views and workflow rules match this program"},
	"cli.audit.sealed":         {"审计密钥封存自第 #%d 条起;最近签署的检查点:#%d(%s)", "sealed with the audit key from record #%d; last signed checkpoint at #%d (%s)"},
	"cli.audit.sealed_no_cp":   {"审计密钥封存自第 #%d 条起", "sealed with the audit key from record #%d"},
	"cli.audit.plain":          {"此数据库从未用审计密钥封存:仅校验了 SHA-256 哈希链", "this database was never sealed with an audit key: only the SHA-256 chain was checked"},
	"cli.audit.seal_unchecked": {"封存无法校验(%s):仅校验了哈希链的连接", "the seal could not be checked (%s): only the chain's links were checked"},
	"cli.audit.tail_cut":       {"审计记录在第 #%d 条之后被截断:已签署的检查点证明存在第 #%d 条(已检查 %d 条)", "audit trail cut after record #%d: a signed checkpoint vouches for record #%d (%d records checked)"},
	"cli.audit.earlier_db": {"注意:检查点文件中还有此路径上另一个数据库的检查点(至第 #%d 条):该文件曾被新数据库替换或重建",
		"note: the checkpoint file also vouches for another database once at this path (up to record #%d): the file was replaced by a new database or made anew"},
	"cli.audit.restored":          {"%s 从备份恢复:审计链回到第 #%d 条,之后的记录已舍弃", "restored from a backup at %s: the chain was put back to record #%d, the records after it let go"},
	"cli.audit.file_error":        {"检查点文件:%s", "checkpoint file: %s"},
	"cli.audit.key_state.missing": {"没有密钥", "no key"},
	"cli.audit.key_state.wrong":   {"密钥不符", "wrong key"},
	"cli.audit.key_state.lost":    {"密钥记录被删除", "the key record was removed"},

	"cli.audit.problem.resealed":           {"被不用密钥重新封存", "re-sealed without the key"},
	"cli.audit.problem.rechained":          {"哈希链被重建(与已签署的检查点不符)", "re-chained (differs from a signed checkpoint)"},
	"cli.audit.problem.forged_checkpoint":  {"检查点的签名不是本密钥所签", "a checkpoint's signature was not made by the key"},
	"cli.audit.problem.key_record_removed": {"密钥记录被删除,链被重新封存", "the key record was removed and the chain re-sealed"},

	"cli.audit.repaired":      {"已修复:%s", "repaired: %s"},
	"cli.audit.repair_left":   {"未修复,需人工决定(已有单据按此规则流转):%s", "left for a person to decide (documents moved by it): %s"},
	"cli.audit.repair_none":   {"无需修复:保护规则与本程序一致", "nothing to repair: the guards match this program"},
	"cli.audit.repair_failed": {"仍有 %d 处无法修复;请从备份恢复或联系支持", "%d left that repair cannot put right; restore from a backup or ask for support"},
	"cli.audit.no_checkpoint": {"审计链没有已签署的检查点(从未用审计密钥封存)", "the audit chain has no signed checkpoint (never sealed with an audit key)"},

	"serve.perm_warning": {"警告:%s 的权限为 %04o,其他账号可以读取或写入;应为 %04o(chmod %04o %s)",
		"warning: %s has mode %04o, other accounts may read or write it; it should be %04o (chmod %04o %s)"},
}
