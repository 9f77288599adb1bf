package i18n

// cliKeys are the messages of the key, passphrase and enable/disable
// commands.
var cliKeys = map[string]Text{
	"cli.cmd.user_key":        {"管理用户的 SSH 公钥", "manage users' SSH keys"},
	"cli.cmd.user_key_add":    {"为用户登记公钥(FILE 为 - 时从标准输入读取)", "register a public key for a user (FILE - reads standard input)"},
	"cli.cmd.user_key_list":   {"列出公钥", "list keys"},
	"cli.cmd.user_key_remove": {"删除公钥(下次登录起失效)", "remove a key (it stops working at the next login)"},
	"cli.cmd.user_passphrase": {"设置用户在他人终端签字用的审核口令", "set the passphrase a user signs with at another's terminal"},
	"cli.cmd.user_disable":    {"停用用户", "disable a user"},
	"cli.cmd.user_enable":     {"启用用户", "enable a user"},
	"cli.key.unreadable":      {"无法读取公钥文件 %s:%v", "cannot read the key file %s: %v"},
	"cli.key.bad":             {"%s 不是有效的 SSH 公钥(应为一行,如 ssh-ed25519 AAAA… 备注)", "%s is not an SSH public key (one line, like ssh-ed25519 AAAA… comment)"},
	"cli.key.duplicate":       {"公钥 %s 已登记", "the key %s is already registered"},
	"cli.key.added":           {"已登记公钥 %s,属于 %s", "registered key %s for %s"},
	"cli.key.none":            {"没有登记的公钥", "no keys registered"},
	"cli.key.not_found":       {"没有登记指纹为 %s 的公钥", "no registered key has the fingerprint %s"},
	"cli.key.removed":         {"已删除公钥 %s", "removed key %s"},
	"cli.key.col_fingerprint": {"指纹", "fingerprint"},
	"cli.key.col_comment":     {"备注", "comment"},
	"cli.key.col_added":       {"登记日期", "added"},
	"cli.pass.prompt":         {"%s 的审核口令:", "passphrase for %s: "},
	"cli.pass.short":          {"口令至少 8 个字符", "a passphrase needs at least 8 characters"},
	"cli.pass.set":            {"已设置 %s 的审核口令", "passphrase set for %s"},
	"cli.user.disabled":       {"已停用 %s", "disabled %s"},
	"cli.user.enabled":        {"已启用 %s", "enabled %s"},
}
