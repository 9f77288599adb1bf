package i18n

var cli = map[string]Text{
	"cli.no_user":      {"没有与系统用户 %s 对应的订单台用户:请管理员用 orderdesk user add 添加", "no orderdesk user for the system account %s: ask an admin to run orderdesk user add"},
	"cli.bootstrapped": {"首次运行:已将 %s 设为管理员和内勤", "first run: %s is now admin and clerk"},
}
